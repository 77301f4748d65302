"""Session 20, Hebrew SMS (R8 he #1, #2, #7, #8, R9 #9): direction marks only where they change
the display, the room they free spent on the apology and the sender, no space inside a URL's
isolate."""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi import get_display

from crisiscomms import render
from crisiscomms.loading import load_incident
from crisiscomms.model import Incident
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.bidi import LRM, RLM, isolate, isolate_url, protect_typed
from crisiscomms.text.bidi_marks import drop_idle_marks

MARKS = {LRM, RLM}


def _shown(text: str) -> str:
    """python-bidi's display of ``text`` in a right-to-left paragraph, marks removed."""
    return "".join(c for c in get_display(text, base_dir="R") if c not in MARKS)


@pytest.mark.parametrize("text", [
    f"צפי: {isolate('17:00', 'marks')}. העדכון הבא: {isolate('15:00', 'marks')}.",
    f"צפי מעודכן: {isolate('17:00', 'marks')} (במקום {isolate('15:30', 'marks')}).",
    f"לפרטים: {isolate_url('status.netivim.example', 'marks')}",
])
def test_dropped_marks_change_nothing_on_screen(text: str) -> None:
    trimmed = drop_idle_marks(text)
    assert len(trimmed) < len(text)
    assert _shown(trimmed) == _shown(text).strip(" ")  # an end-of-line space shows nothing
    assert not MARKS & set(trimmed)  # none of these needed one


@pytest.mark.parametrize(("text", "value"), [
    ("חייגו *2040 עכשיו", "*2040"),
    ("הגיעו בין 14:00 - 16:00 לסניף", "14:00 - 16:00"),
])
def test_a_needed_mark_stays(text: str, value: str) -> None:
    marked = protect_typed(text, "marks")
    trimmed = drop_idle_marks(marked)
    assert MARKS & set(trimmed)
    assert _shown(trimmed) == _shown(marked)
    assert value in _shown(trimmed)  # displays as written
    assert value not in _shown(text)  # and would not without the mark


def test_a_latin_word_next_to_a_number_keeps_its_mark() -> None:
    marked = f"שירות {isolate('Webmail', 'marks')} 3 שעות"
    trimmed = drop_idle_marks(marked)
    assert RLM in trimmed
    assert _shown(trimmed) == _shown(marked) != _shown(marked.replace(LRM, "").replace(RLM, ""))


def test_a_line_opening_mark_stays() -> None:
    assert drop_idle_marks(f"{RLM}Webmail: תקלה") == f"{RLM}Webmail: תקלה"


def test_a_closing_url_mark_that_changes_nothing_is_not_sent() -> None:
    # The space stays inside the URL's marks (Android's Linkify would take the RLM into the
    # link); at the end of the SMS the RLM changes nothing, so neither it nor the space is sent.
    marked = f"פרטים: {isolate_url('status.netivim.example', 'marks')}"
    assert marked.endswith(f"example {RLM}")
    assert drop_idle_marks(marked).rstrip() == "פרטים: status.netivim.example"


@pytest.fixture(scope="module")
def changed_he_sms() -> str:
    previous, current = changed_example()
    return render(current, previous=previous, languages=["he"], channels=["sms"])["he", "sms"].text


def test_changed_sms_spends_no_unit_on_idle_marks(changed_he_sms: str) -> None:
    # The short workaround under the sender now takes the room the apology had (s20 sms20b).
    assert "צפי: 17:00 (ולא 15:30)." in changed_he_sms


def _he_sms(incident: Incident) -> str:
    return render(incident, languages=["he"], channels=["sms"])["he", "sms"].text


def test_he_sms_ends_at_the_link_with_no_space() -> None:
    text = _he_sms(load_example("resolved"))
    assert text.endswith("status.netivim.example")
    assert not text.endswith(" ")


def test_compensation_says_resolved_and_apologises() -> None:
    bundle = render(load_example("compensation"), languages=["he"], channels=["sms"])
    text = bundle["he", "sms"].text
    assert "במרכז – טופלה ב-17:50." in text and "השירות חזר לפעול" not in text
    # s25 (reading 30 HE-17): beside the voucher's route and last day, "מתנצלים." in brief.
    assert text.endswith("מתנצלים.")
    assert bundle["he", "sms"].stats["units"] <= 134
    assert not [f for f in bundle.findings if f.severity == "error"]


URLCODE = """
id: INC-3006
status: identified
severity: minor
updated_at: 2026-11-23T14:30:00+02:00
started_at: 2026-11-23T13:50:00+02:00
eta: 2026-11-23T18:00:00+02:00
next_update_at: 2026-11-23T16:00:00+02:00
title: {he: "תקלה בתשלום חשבונות באפליקציה", en: "Bill payment problem in the app"}
impact: {he: "לא ניתן לשלם חשבונות באפליקציה.", en: "Bills cannot be paid in the app."}
services:
  - id: app
    name: {he: "האפליקציה", en: "the app"}
workaround:
  he: "ניתן לשלם באתר https://netivim.example/pay או בשליחת SMS עם המילה 'תשלום' למספר 2040."
  en: "You can pay at https://netivim.example/pay or by texting PAY to 2040."
workaround_short: {he: "לתשלום: SMS עם המילה 'תשלום' ל-2040", en: "To pay, text PAY to 2040"}
"""


def test_keyword_to_short_code_keeps_the_sender(tmp_path: Path) -> None:
    # R8 he #2: an unbranded "text a keyword to a short code" reads like smishing.
    path = tmp_path / "urlcode.yaml"
    path.write_text(URLCODE, encoding="utf-8")
    bundle = render(load_incident(path), languages=["he"], channels=["sms"])
    text = bundle["he", "sms"].text
    assert "ל-2040" in text
    # Reading 46 HE-3: where the sender and the apology do not both fit, the apology stays (the
    # handset shows the sender ID); the sender where it fits beside it (urlcode.yaml).
    assert text.lstrip(RLM).startswith("נתיבים: ") or text.endswith("מתנצלים.")
    assert bundle["he", "sms"].stats["units"] <= 134
