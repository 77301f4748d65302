"""Session 19, case letters (issue 11 "Sendable as it stands", reading 5 R10): the customer's
name and address per language (an English letter never greets "Dear רונית שלום"), `case
check` warning when a letter language has no usable form, and every line of the chronology
ending with a full stop, in Hebrew and in English."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from crisiscomms.cases import Case, load_case
from crisiscomms.cases.letters import name_findings, render_case_letter
from crisiscomms.cases.model import Customer, form_in
from crisiscomms.cli import main
from crisiscomms.messages import Message
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .test_cases_golden import _dates

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
KINDS = ("acknowledgement", "progress", "final")
HEBREW = re.compile(r"[\u0590-\u05FF]")
NOW = "2026-12-01T10:00:00+02:00"


def _case(stem: str, **customer: object) -> Case:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    if customer:
        data = case.customer.model_dump(exclude_none=True, mode="json") | customer
        case = case.model_copy(update={"customer": Customer.model_validate(data)})
    return case


def _letter(case: Case, lang: str, kind: str) -> Message:
    incident = load_example("compensation") if case.incident == "INC-2012" else None
    return render_case_letter(case.model_copy(update={"language": lang}), kind,
                              now=_dates(case)[kind], incident=incident)


def _seen(letter: Message) -> tuple[str, str]:
    return strip_controls(letter.text), re.sub(r"<[^>]+>", "", strip_controls(letter.html or ""))


def _old_format(stem: str, tmp_path: Path) -> Path:
    """The example as a case file of the old format: the name and address in Hebrew only."""
    data = yaml.safe_load((EXAMPLES / f"{stem}.yaml").read_text(encoding="utf-8"))
    customer = data["customer"]
    customer.pop("title", None)
    for key in ("name", "address"):
        if isinstance(customer.get(key), dict):
            customer[key] = customer[key]["he"]
    path = tmp_path / f"{stem}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --- 1. the name in the letter's own script ---------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_english_letter_of_a_hebrew_only_name_greets_dear_customer(kind: str,
                                                                   tmp_path: Path) -> None:
    case = load_case(_old_format("fax-before-weekend", tmp_path))
    if kind == "final":
        case = _case("justified-voucher", name="אבי מזרחי", title=None)
    for seen in _seen(_letter(case, "en", kind)):
        assert "Dear Customer," in seen
        # No Hebrew name or address anywhere in the letter (the subject is the case's own
        # English text).
        assert not HEBREW.search(seen), seen[:200]


def test_old_format_case_file_still_loads_and_he_letter_keeps_the_name(tmp_path: Path) -> None:
    case = load_case(_old_format("fax-before-weekend", tmp_path))
    text, html = _seen(_letter(case, "he", "progress"))
    for seen in (text, html):
        assert "לכבוד" in seen and "דנה לוי" in seen and "רחוב הנביאים 12, חיפה" in seen


@pytest.mark.parametrize("kind", KINDS)
def test_name_per_language_each_letter_in_its_own_script(kind: str) -> None:
    case = _case("justified-voucher")
    en_text, en_html = _seen(_letter(case, "en", kind))
    he_text, he_html = _seen(_letter(case, "he", kind))
    for seen in (en_text, en_html):
        assert "Avi Mizrahi\n" in seen and "Dear Mr Mizrahi," in seen
        assert "אבי" not in seen
    for seen in (he_text, he_html):
        assert "אבי מזרחי" in seen and "Mizrahi" not in seen


def test_address_per_language() -> None:
    case = _case("fax-before-weekend")
    en, _ = _seen(_letter(case, "en", "progress"))
    he, _ = _seen(_letter(case, "he", "progress"))
    assert en.startswith("Dana Levi\n12 HaNevi'im Street, Haifa\n") and "Dear Ms Levi," in en
    assert "רחוב הנביאים 12, חיפה" in he and "HaNevi" not in he


def test_latin_name_serves_a_hebrew_letter_but_not_cyrillic() -> None:
    case = _case("email-over-holiday")  # one plain name, Latin letters: the old format
    he, _ = _seen(_letter(case, "he", "acknowledgement"))
    assert "לכבוד\nDaniel Marcus" in he
    case = _case("email-over-holiday", name="Даниэль Маркус")
    for seen in _seen(_letter(case, "he", "acknowledgement")):
        assert "לכבוד" not in seen and "Даниэль" not in seen
        assert "שלום רב," in seen


def test_a_surname_with_no_english_form_falls_back_to_the_names_last_word() -> None:
    case = _case("justified-voucher", surname={"he": "מזרחי"})
    text, _ = _seen(_letter(case, "en", "acknowledgement"))
    assert "Dear Mr Mizrahi," in text
    assert form_in(None, "en") is None


# --- the warning from `case check` -----------------------------------------------------------


def test_case_check_warns_naming_file_and_field(tmp_path: Path) -> None:
    path = _old_format("fax-before-weekend", tmp_path)
    out = io.StringIO()
    assert main(["case", "check", str(path), "--now", NOW], out=out) == 0
    lines = [x for x in out.getvalue().splitlines() if "case-name-script" in x]
    assert len(lines) == 2, out.getvalue()
    assert all(x.startswith(f"{path}: warning: case-name-script: ") for x in lines)
    assert "customer.name" in lines[0] and "en letters" in lines[0]
    assert "customer.address" in lines[1]
    findings = name_findings(load_case(path))
    assert {(f.field, f.language, f.file) for f in findings} == {
        ("customer.name", "en", str(path)), ("customer.address", "en", str(path))}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_give_every_letter_language_a_name(path: Path) -> None:
    out = io.StringIO()
    main(["case", "check", str(path), "--now", NOW], out=out)
    assert "case-name-script" not in out.getvalue()


# --- 2. every chronology line ends with a full stop -------------------------------------------


def _items(letter: Message) -> list[str]:
    text = strip_controls(letter.text)
    html = strip_controls(letter.html or "")
    return ([x for x in text.splitlines() if x.startswith("- ")]
            + re.findall(r"<li>(.*?)</li>", html))


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("stem", ["justified-voucher", "email-over-holiday"])
@pytest.mark.parametrize("kind", ["progress", "final"])
def test_every_chronology_item_ends_with_one_full_stop(lang: str, stem: str, kind: str) -> None:
    items = _items(_letter(_case(stem), lang, kind))
    assert items
    for item in items:
        assert item.endswith("."), item
        assert not item.endswith(".."), item


def test_note_with_its_own_full_stop_gets_no_second() -> None:
    case = _case("not-justified")
    events = list(case.events)
    note = events[1].note
    assert note is not None
    stopped = note.model_validate({k: v + "." for k, v in note.root.items()})
    events[1] = events[1].model_copy(update={"note": stopped})
    case = case.model_copy(update={"events": tuple(events)})
    for lang in ("he", "en"):
        for item in _items(_letter(case, lang, "final")):
            assert item.endswith(".") and not item.endswith(".."), item


def test_english_note_follows_the_event_as_its_own_sentence() -> None:
    text, _ = _seen(_letter(_case("justified-voucher"), "en", "final"))
    assert ("We contacted the call centre. We checked the record of your calls during the "
            "outage.\n") in text


# --- 3. the English copy edit ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_dear_customer_signs_off_yours_faithfully(kind: str) -> None:
    named = _case("justified-voucher")
    nameless = _case("justified-voucher", name="אבי מזרחי")
    for seen in _seen(_letter(named, "en", kind)):
        assert "Yours sincerely," in seen and "Yours faithfully" not in seen
    for seen in _seen(_letter(nameless, "en", kind)):
        assert "Dear Customer," in seen and "Yours faithfully," in seen
        assert "Yours sincerely" not in seen


def test_english_compensation_names_the_amount_first_without_a_bare_parenthesis() -> None:
    text, html = _seen(_letter(_case("justified-voucher"), "en", "final"))
    for seen in (text, html):
        assert ("we are giving you a voucher for ₪240, 10% of your ₪2,400 purchase at the "
                "Netivim store at Azrieli Mall on 19 November 2026.") in seen
        assert "that is ₪240" not in seen
        assert "We apologise for the trouble this has caused you." in seen


def test_english_progress_names_the_parties_in_a_sentence() -> None:
    # The party contacted before the one contact, so the timeline does not name it (session
    # 20: a party the timeline names is not named again).
    case = _case("fax-before-weekend")
    ack, party = case.events
    case = case.model_copy(update={"events": [
        party.model_copy(update={"at": ack.at - dt.timedelta(minutes=10)}), ack]})
    text, html = _seen(_letter(case, "en", "progress"))
    for seen in (text, html):
        assert "So far we have involved the delivery company." in seen
        assert "Who we have involved" not in seen
