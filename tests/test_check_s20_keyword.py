"""workaround-keyword (R10 ar D1 / he #5): a short form (workaround_short, customer_action_short)
that names a keyword (a quoted word, an upper-case Latin word) or a number the full text of the
same language lacks is a warning naming the full text's field and the missing token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms.checks.workaround import missing_tokens
from crisiscomms.findings import Finding
from crisiscomms.loading import load_incident, parse_incident
from crisiscomms.model import Incident
from crisiscomms.render import render
from crisiscomms.samples import example_names, example_path, load_example

_HARD = Path(__file__).parent / "data" / "hard"
_ALL = ["he", "en", "ar", "ru"]
_RULE = "workaround-keyword"

# The wording before 3973838: the short form names the keyword, the full text does not.
_OLD_WORKAROUND = {
    "he": "ניתן לשלם באתר https://netivim.example/pay או בשליחת SMS למספר 2040.",
    "en": "You can pay at https://netivim.example/pay or by texting PAY to 2040.",
    "ar": "يمكنكم الدفع عبر الموقع https://netivim.example/pay أو بإرسال رسالة SMS إلى الرقم 2040.",
    "ru": "Оплатить можно на сайте https://netivim.example/pay или отправив SMS на номер 2040.",
}


def _findings(incident: Incident, languages: list[str]) -> list[Finding]:
    bundle = render(incident, languages=languages, channels=["sms"])
    return [f for f in bundle.findings if f.rule == _RULE]


def _urlcode(**fields: Any) -> Incident:
    data = yaml.safe_load((_HARD / "urlcode-arru.yaml").read_text(encoding="utf-8"))
    data.update(fields)
    return parse_incident(data, "urlcode-arru.yaml")


def test_the_old_urlcode_wording_warns_in_each_language_that_lacks_the_keyword() -> None:
    found = _findings(_urlcode(workaround=_OLD_WORKAROUND), _ALL)
    assert [(f.language, f.severity, f.field) for f in found] == [
        ("ar", "warning", "workaround.ar"), ("he", "warning", "workaround.he"),
        ("ru", "warning", "workaround.ru")]
    by_lang = {f.language: f.message for f in found}
    assert "'תשלום'" in by_lang["he"] and "workaround.he" in by_lang["he"]
    assert "'PAY'" in by_lang["ar"] and "النص الكامل" in by_lang["ar"]
    assert "«PAY»" in by_lang["ru"] and "полный текст" in by_lang["ru"]
    assert all(f.file == "urlcode-arru.yaml" for f in found)


def test_the_english_finding_names_the_field_and_the_token() -> None:
    old = {**_OLD_WORKAROUND, "en": "You can pay at https://netivim.example/pay or by SMS."}
    found = _findings(_urlcode(workaround=old), ["en"])
    assert [(f.field, f.severity) for f in found] == [("workaround.en", "warning")] * 2
    assert sorted(f.message for f in found) == [
        "The short form (workaround_short.en) names '2040' but the full text (workaround.en) does "
        "not: customers who read or hear only the full text will not know it. Add it to "
        "workaround.en.",
        "The short form (workaround_short.en) names 'PAY' but the full text (workaround.en) does "
        "not: customers who read or hear only the full text will not know it. Add it to "
        "workaround.en."]


def test_a_short_customer_action_is_checked_against_the_full_one() -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data["customer_action"] = {"he": "אין צורך לאפס את הסיסמה.",
                               "en": "No need to reset your password."}
    data["customer_action_short"] = {"he": "לעזרה: *3030", "en": "Help: call *3030"}
    incident = parse_incident(data, "identified.yaml")
    found = _findings(incident, ["he", "en"])
    assert sorted((f.language, f.field) for f in found) == [
        ("en", "customer_action.en"), ("he", "customer_action.he")]
    assert all("3030" in f.message for f in found)


def _every_incident() -> list[Any]:
    cases = [pytest.param(load_example, name, id=name) for name in example_names()]
    cases += [pytest.param(load_incident, str(p), id=p.stem) for p in sorted(_HARD.glob("*.yaml"))]
    return cases


@pytest.mark.parametrize(("loader", "name"), _every_incident())
def test_silent_on_every_example_and_hard_incident(loader: Any, name: str) -> None:
    incident = loader(name)
    languages = [lang for lang in _ALL if incident.title.get(lang)]
    assert not _findings(incident, languages)


@pytest.mark.parametrize(("short", "full", "missing"), [
    ("שלחו 'תשלום' ל-2040", "שלחו \"תשלום\" למספר 2040", []),           # another quote mark
    ("Отправьте «ОПЛАТА» на 2040", "Отправьте слово оплата на номер 2040", []),  # case
    ("Wyślij „PŁAĆ“ na 2040", "Wyślij SMS na 2040", ["PŁAĆ"]),
    ("צ'אט באתר או ש\"ח 30", "ניתן לפנות בצ'אט באתר", []),             # geresh, gershayim
    ("Don't call: use the app's chat", "Use the chat in the app", []),  # apostrophes
    ("Text PAY to ٢٠٤٠", "Text PAY to 2040", []),                          # Arabic-Indic digits
    ("Call 03-555-1234 by 17:50 on 22.11", "Call 035551234", []),           # times, dates
    ("Text PAY to 2040", "Text pay to 2040", ["PAY"]),                      # not the keyword
    ("SMS 2040", "SMS 2041", ["2040"]),
])
def test_missing_tokens(short: str, full: str, missing: list[str]) -> None:
    assert missing_tokens(short, full) == missing


@pytest.mark.parametrize("hostile", [
    "'" * 100_000, "'a" * 50_000, "a'" * 50_000, "\"x " * 30_000, "«" * 100_000,
    "1-" * 50_000, "9" * 100_000, "A" * 100_000, "„" + "b" * 100_000 + "“",
])
def test_hostile_long_text_is_read_in_one_pass(hostile: str) -> None:
    # Each quoted word is at most 40 characters and each match is linear: these finish at once.
    assert isinstance(missing_tokens(hostile, hostile[: len(hostile) // 2]), list)
