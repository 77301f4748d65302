"""relative-day-lasting (R14 he/en D5, issue 11 point 6): incident text a person typed that says
"today", "tomorrow", "tonight" (each language's own words, in its rules.yaml) and that a lasting
channel (status page, email, banner, partners) places is a warning naming the field and the
channels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisiscomms.config import default_templates_dir
from crisiscomms.findings import Finding
from crisiscomms.loading import load_incident, parse_incident
from crisiscomms.model import Incident
from crisiscomms.render import render
from crisiscomms.rules import RelativeDayRule, load_rules
from crisiscomms.samples import example_path, load_example

from .example_edits import example_incident

_HARD = Path(__file__).parent / "data" / "hard"
_ALL = ["he", "en", "ar", "ru"]
_RULE = "relative-day-lasting"

# monitoring.yaml's customer_action before s21: "by the end of the day" on the status page.
_OLD_ACTION = {
    "he": "אין צורך לשלם שוב: התשלום יופיע באזור האישי עד סוף היום.",
    "en": "Please do not pay again: the payment will appear in your account by the end of the day.",
    "ar": "يُرجى عدم الدفع مجددًا: ستظهر الدفعة في حسابكم حتى نهاية اليوم.",
    "ru": "Пожалуйста, не платите повторно: платёж отобразится в вашем кабинете до конца дня.",
}


_incident = example_incident


def _findings(incident: Incident, languages: list[str] = _ALL) -> list[Finding]:
    return [f for f in render(incident, languages=languages).findings if f.rule == _RULE]


def _rule(lang: str) -> RelativeDayRule:
    rule = load_rules(default_templates_dir(), lang).get(_RULE)
    assert isinstance(rule, RelativeDayRule)
    return rule


def _words(lang: str, text: str) -> list[str]:
    return [hit.found for hit in _rule(lang).matcher.finditer(text)]


def test_the_old_monitoring_action_warns_in_every_language_naming_field_and_channels() -> None:
    found = _findings(_incident("monitoring", customer_action=_OLD_ACTION))
    assert sorted((f.language, f.severity, f.field, f.channel) for f in found) == [
        (lang, "warning", f"customer_action.{lang}", "email") for lang in sorted(_ALL)]
    by_lang = {f.language: f.message for f in found}
    # Session 24 (reading 28): the banner says the customer action too.
    assert by_lang["en"].startswith("customer_action.en says 'end of the day', and email, "
                                    "banner, status_page, partners place it")
    assert "the weekday and the date" in by_lang["en"]
    assert "'היום'" in by_lang["he"] and "email, banner, status_page, partners" in by_lang["he"]
    assert "את היום בשבוע ואת התאריך" in by_lang["he"]
    assert "«اليوم»" in by_lang["ar"] and "اسم اليوم والتاريخ" in by_lang["ar"]
    assert "«до конца дня»" in by_lang["ru"] and "день недели и дату" in by_lang["ru"]
    assert all(f.file == "monitoring.yaml" for f in found)


def test_a_warning_only_the_bundle_has_no_error() -> None:
    bundle = render(_incident("monitoring", customer_action=_OLD_ACTION), languages=_ALL)
    assert not [f for f in bundle.findings if f.severity == "error"]


def test_the_monitoring_example_now_says_the_weekday() -> None:
    incident = _incident("monitoring")
    assert incident.customer_action is not None
    assert "עד סוף יום ראשון" in (incident.customer_action.get("he") or "")
    assert "by the end of Sunday" in (incident.customer_action.get("en") or "")
    assert _findings(incident) == []


def test_every_example_and_hard_incident_is_quiet() -> None:
    for name in ("identified", "investigating", "monitoring", "overnight", "resolved",
                 "compensation"):
        assert _findings(_incident(name)) == [], name
    for path in sorted(_HARD.glob("*.yaml")):
        langs = ["ar", "ru"] if path.stem.endswith("-arru") else ["he", "en"]
        assert _findings(load_incident(path), langs) == [], path.name


def test_text_only_the_sms_places_is_left_alone() -> None:
    # The SMS is read at once: "today" there is today. monitoring's short form reaches the SMS
    # and, since session 24, the Russian banner, where the whole action does not fit: only
    # that lasting place is found.
    short = {"he": "התשלום יופיע היום", "en": "Payment shows today", "ar": "تظهر الدفعة اليوم",
             "ru": "Платёж появится сегодня"}
    found = _findings(_incident("monitoring", customer_action_short=short))
    # Session 25 (reading 30 en-5): an open banner says the short action in every wording (the
    # whole one where it fits), so the short form reaches every language's banner here: each is
    # found, and nothing else.
    assert sorted((f.field, f.channel) for f in found) == [
        (f"customer_action_short.{lang}", "banner") for lang in ("ar", "en", "he", "ru")]


def test_a_short_form_on_the_banner_and_a_note_on_the_status_page_are_found() -> None:
    short = {"he": "חשבונית במייל מחר", "en": "Bill by email tomorrow",
             "ar": "الفاتورة بالبريد غدًا", "ru": "Счёт на почту завтра"}
    found = _findings(_incident("identified", workaround_short=short), ["he", "en"])
    # The Hebrew banner places the short form; the English one has room for the whole
    # workaround, so its short form reaches only the SMS and the IVR, read at once.
    assert [(f.field, f.channel, f.language) for f in found] == [
        ("workaround_short.he", "banner", "he")]
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data["updates"][0]["note"]["en"] = "We will know more tonight."
    found = _findings(parse_incident(data, "identified.yaml"), ["en"])
    assert [(f.field, f.channel, f.severity) for f in found] == [
        ("updates[0].note.en", "status_page", "warning")]
    assert "'tonight'" in found[0].message and "status_page" in found[0].message


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("he", "והיום, שמחר, מהיום ולמחר", ["והיום", "שמחר", "מהיום", "ולמחר"]),
    # A word inside another (מחרוזת, a string) is not the word; "בערב"/"בלילה" (the article
    # swallowed) is an evening or a night in general.
    ("he", "מחרוזת, בערב, בלילה, יום ראשון", []),
    ("he", "הערב והלילה", ["הערב", "והלילה"]),
    ("en", "Today, TONIGHT, this  evening; todays, Sunday", ["Today", "TONIGHT", "this  evening"]),
    ("en", "by the end of the day", ["end of the day"]),
    ("ar", "واليوم لليوم غداً غدًا وغدا الليلة", ["واليوم", "لليوم", "غداً", "غدًا", "وغدا",
                                               "الليلة"]),
    ("ar", "يوم الأحد 22 نوفمبر", []),
    ("ru", "Сегодня вечером, завтра; сегодняшний, воскресенье", ["Сегодня вечером", "завтра"]),
])
def test_whole_words_with_the_language_prefixes(lang: str, text: str, words: list[str]) -> None:
    assert _words(lang, text) == words


@pytest.mark.parametrize("hostile", [
    "ו" * 100_000, "ו" * 99_995 + "היום", "היום" * 25_000, "this" + " " * 100_000 + "x",
    "this " * 20_000, "today" * 20_000, "a" * 100_000, "ش" * 50_000 + "اليوم" * 10_000,
    "сегодня" * 14_000, " " * 100_000,
])
def test_hostile_long_text_is_read_in_one_pass(hostile: str) -> None:
    # One alternation of literal words behind at most two prefix letters: linear, at once.
    for lang in _ALL:
        assert isinstance(_words(lang, hostile), list)
    assert _words("he", "ו" * 99_995 + " היום") == ["היום"]


@pytest.mark.parametrize(("lang", "word", "advice"), [
    ("en", "this morning", "on the morning of Sunday 22 November"),
    ("he", "הבוקר", "'ביום ראשון, 22 בנובמבר, בבוקר'"),
    ("ar", "هذا الصباح", "صباح يوم الأحد 22 نوفمبر"),
    ("ru", "сегодня вечером", "вечером в воскресенье, 22 ноября"),
])
def test_a_part_of_the_day_is_advised_as_that_part_not_a_deadline(lang: str, word: str,
                                                                   advice: str) -> None:
    # R16 he/en #2: "this morning" in the impact says when something began; "by the end of
    # Sunday" would be the wrong advice.
    source = load_example("monitoring").impact
    assert source is not None
    impact = {code: source.get(code) or "" for code in _ALL}
    impact[lang] = f"{impact[lang].rstrip('.')} {word}."
    found = [f for f in _findings(_incident("monitoring", impact=impact), [lang])
             if f.field == f"impact.{lang}"]
    assert len(found) == 1 and advice in found[0].message
    assert "end of" not in found[0].message and "עד סוף" not in found[0].message
