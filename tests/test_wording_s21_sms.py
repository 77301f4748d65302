"""Session 21, SMS (R12 he #1, he #7, ar L1): the Hebrew SMS keeps "no need to contact us" where
en does, under the sender when it asks for a keyword; one compensation form; the Arabic resolved
SMS shortens the time before it drops the status link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.loading import load_incident
from crisiscomms.model import Incident
from crisiscomms.samples import changed_example, load_example

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def _sms(incident: Incident, lang: str, previous: Incident | None = None) -> tuple[str, int]:
    message = render(incident, languages=[lang], channels=["sms"], previous=previous).messages[0]
    return MARKS.sub("", message.text), int(message.stats["units"])


# phonechat: every working channel outranks the no-need line there (s21 sms21c, R14 #1).
@pytest.mark.parametrize("name", ["identified", "changed", "callcentre"])
def test_he_sms_says_no_need_to_contact_us(name: str) -> None:
    if name == "changed":
        previous, current = changed_example()
        text, units = _sms(current, "he", previous)
    elif name == "callcentre":
        text, units = _sms(load_incident(HARD / "callcentre.yaml"), "he")
    else:
        text, units = _sms(load_example(name), "he")
    assert units <= 134
    # s22 (reading 18 #2): the call centre down scopes the channels, "בעניין אחר פנו …", instead.
    # s28 (reading 48 HE-1): there, where to send the lost emails again now.
    assert "אין צורך לפנות" in text or (name == "callcentre" and "פנו שוב בצ'אט באתר." in text)
    assert "– בטיפול." in text
    assert "צפי: 17:00" in text or "צפי: 12:00" in text
    assert "15:00." in text or "11:00." in text  # the next update stays


def test_he_keyword_sms_keeps_sender_and_shorter_next_update() -> None:
    text, _ = _sms(load_example("identified"), "he")
    # Reading 46 HE-3: a major outage's keyword text gives its sender to the apology.
    assert not text.startswith("נתיבים: ") and text.endswith("אין צורך לפנות. מתנצלים.")
    assert "שלחו 'חשבונית' ל-2040" in text
    assert "ובאזור האישי" in text  # the services stay
    assert "נעדכן ב-15:00." in text


def test_he_changed_sms_apologises_for_the_late_update() -> None:
    previous, current = changed_example()
    text, _ = _sms(current, "he", previous)
    assert "סליחה על העיכוב" in text
    assert "(ולא 15:30)" in text


def test_he_compensation_has_one_form() -> None:
    text, units = _sms(load_example("compensation"), "he")
    assert units <= 134
    # s25 (reading 30 HE-17): one form, "שובר זיכוי" as everywhere else, with the route and the
    # last day; the apology in brief beside them.
    assert ("פיצוי: שובר זיכוי 10% מהחשבון החודשי, בתוקף עד 31.12.2026, יישלח ב-SMS עד 28.11."
            ) in text
    assert "שובר אוטומטי" not in text
    assert text.endswith("מתנצלים.")


def test_he_template_builds_no_compensation_by_replace() -> None:
    template = (ROOT / "crisiscomms" / "templates" / "he" / "sms.txt")
    if not template.exists():
        template = ROOT / "templates" / "he" / "sms.txt"
    assert "|replace(" not in template.read_text(encoding="utf-8")


def test_ar_compensation_sms_keeps_link_with_short_time() -> None:
    text, units = _sms(load_example("compensation"), "ar")
    assert units <= 201
    # s27 (reading 46 AR-1): the stronger apology; the title takes the time into its sentence
    # and the apology the sender's room.
    assert "في وسط البلاد الساعة 17:50." in text
    assert text.endswith("سارية حتى 31.12.2026. نعتذر بشدة عن طول الانقطاع."), text
