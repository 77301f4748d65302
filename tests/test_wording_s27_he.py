"""Hebrew after reading 46 (/tmp/fr46he): an IVR recorded shortly before the phone line closes
says its hours instead of a bare "stay on the line" (HE-2); the identified, long-title and
phone-and-chat SMS apologise within two segments (HE-3, HE-4).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.samples import load_example

HARD = Path(__file__).parent / "data" / "hard"


def _sms(incident: object) -> tuple[str, int]:
    message = render(incident, languages=["he"], channels=["sms"]).messages[0]  # type: ignore[arg-type]
    return message.text, int(message.stats["segments"])


@pytest.mark.parametrize(("source", "expected"), [
    (load_example("identified"),
     "חשבונית במייל: שלחו 'חשבונית' ל-2040. נעדכן ב-15:00. אין צורך לפנות. מתנצלים."),
    (HARD / "longtitle.yaml",
     "טרם נקבע צפי. נעדכן ב-11:00. אין צורך לפנות. מתנצלים."),
    (HARD / "phonechat.yaml",
     "נעדכן ב-11:00. בינתיים: מייל service@netivim.example או מרכזי השירות. מתנצלים."),
    (HARD / "callcentre.yaml",
     "נעדכן ב-11:00. מיילים מאז 09:30 לא נשמרו. פנו שוב בצ'אט באתר. מתנצלים."),
])
def test_major_outage_sms_apologises(source: object, expected: str) -> None:
    """HE-3, HE-4: the apology within two segments."""
    incident = load_incident(source) if isinstance(source, Path) else source
    text, segments = _sms(incident)
    assert segments <= 2
    assert text.endswith(expected), text


def _ivr(incident: object) -> tuple[str, str, float]:
    message = render(incident, languages=["he"], channels=["ivr"]).messages[0]  # type: ignore[arg-type]
    return message.text, message.ssml or "", float(message.stats["seconds"])


def test_ivr_says_the_hours_when_the_line_closes_before_the_next_update() -> None:
    """HE-2: recorded at 19:40, next update 20:40, the line closes at 20:00."""
    text, ssml, seconds = _ivr(load_incident(HARD / "long35.yaml"))
    assert seconds <= 45
    assert text.endswith(
        "בעניין התקלה אין צורך להתקשר שוב: אנו כבר יודעים עליה. אם פנייתכם בנושא אחר, הישארו "
        "על הקו: המוקד הטלפוני פתוח היום עד 20:00, ומחר מ-08:00.")
    assert "הישארו על הקו: המוקד הטלפוני פתוח היום עד שמונה בערב, ומחר משמונה בבוקר." in ssml


def test_ivr_hours_come_from_the_config_and_the_time() -> None:
    """HE-2: the same recording earlier in the day (next update before closing) says nothing
    of the hours; on a Thursday evening the line opens next on Friday, by its weekday when the
    next update falls after midnight."""
    incident = load_incident(HARD / "long35.yaml")
    early = incident.model_copy(update={
        "updated_at": incident.updated_at.replace(hour=17),
        "next_update_at": incident.next_update_at.replace(hour=18)})  # type: ignore[union-attr]
    text, _, _ = _ivr(early)
    assert "פתוח היום עד" not in text and text.endswith("הישארו על הקו.")
    # Friday 27 November 2026, 12:30; the line closes at 13:00 and opens on Sunday.
    friday = incident.model_copy(update={
        "updated_at": incident.updated_at.replace(day=27, hour=12, minute=30),
        "eta": incident.eta.replace(day=27),  # type: ignore[union-attr]
        "next_update_at": incident.next_update_at.replace(day=27, hour=13, minute=30)})  # type: ignore[union-attr]
    text, _, seconds = _ivr(friday)
    assert seconds <= 45
    assert "המוקד הטלפוני פתוח היום עד 13:00, וביום ראשון מ-08:00." in text
    # English has no such wording yet: its hold line is unchanged.
    english = render(friday, languages=["en"], channels=["ivr"]).messages[0].text
    assert english.rstrip().endswith("stay on the line.")
