"""Hebrew after reading 48 (/tmp/fr48he, HE-1): with the call centre and email down, the SMS says
that emails sent since the outage began were not kept and where to send them again now (the first
working channel), within two segments, keeping the status, the services, the estimate and the next
update; no other Hebrew SMS changes.
"""

from __future__ import annotations

from pathlib import Path

from crisiscomms import load_incident, render
from crisiscomms.text.sms import sms_segments

HARD = Path(__file__).parent / "data" / "hard"


def _sms(name: str) -> str:
    message = render(load_incident(HARD / name), languages=["he"], channels=["sms"]).messages[0]
    return message.text


def test_callcentre_sms_asks_again_for_the_lost_emails() -> None:
    """HE-1: the request is dated (09:30) and points at a channel that works now; the CONTRACT
    section 6 facts stay (status, services, estimate, next update) and it fits 134 units."""
    text = _sms("callcentre.yaml")
    assert text == ("תקלה במוקד שירות הלקוחות (טלפון ומייל) – בטיפול. צפי: 12:00. נעדכן ב-11:00. "
                    "מיילים מאז 09:30 לא נשמרו. פנו שוב בצ'אט באתר. מתנצלים."), text
    for fact in ("בטיפול", "(טלפון ומייל)", "צפי: 12:00.", "נעדכן ב-11:00.", "09:30"):
        assert fact in text
    assert len(text) <= 134
    assert sms_segments(text)[2] <= 2


def test_the_request_is_only_where_email_is_lost() -> None:
    """The phone line and chat down (email works and is kept): no request, every working channel
    as before."""
    text = _sms("phonechat.yaml")
    assert "לא נשמרו" not in text and "פנו שוב" not in text
    assert "בינתיים: מייל service@netivim.example או מרכזי השירות." in text
