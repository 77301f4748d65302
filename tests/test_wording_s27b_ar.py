"""Arabic reading 47 (s27b). AR-1: the call-centre SMS lost its sender «نتيفيم:» and never asked for
the emails lost since 09:30 (a request to resend from an unnamed number reads as phishing); it now
opens with the sender, says the request in brief ([lost_email] lost_brief), the chat in brief
([contact.brief]), the apology and the link, keeping the status. AR-2: the call-centre social post
apologises again («تواصلوا معنا عبر الدردشة في موقعنا. نعتذر لكم.»). AR-3: the compensation
SMS, which announces a voucher by a later SMS, opens with «نتيفيم:». AR-4: the call-centre partner
notice's quote no longer carries the bracketed «(العودة المتوقعة: …)» (the estimate is in the
quote above)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import Message, load_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

_HARD = Path(__file__).parent / "data" / "hard"
_BUDGET = {"social": ("weighted_length", 280), "sms": ("segments", 3), "ivr": ("seconds", 45)}


def ar_message(channel: str, name: str = "") -> Message:
    """The Arabic message of an example (``name``), else of the hard call-centre incident,
    within its channel's budget (also for tests/test_wording_s27c_ar.py)."""
    incident = load_example(name) if name else load_incident(_HARD / "callcentre-arru.yaml")
    message = render(incident, languages=["ar"], channels=[channel])["ar", channel]
    key, most = _BUDGET.get(channel, ("", 0))
    if key:
        assert float(message.stats[key]) <= most, (channel, message.stats)
    return message


def _message(channel: str, name: str = "") -> tuple[str, str]:
    message = ar_message(channel, name)
    return strip_controls(message.text), strip_controls(message.html or "")


def test_ar1_callcentre_sms_names_the_sender_and_asks_for_the_lost_emails() -> None:
    text, _ = _message("sms")
    assert text.startswith("نتيفيم: خلل في مركز الاتصال، قيد الإصلاح."), text  # reading 48 AR-1
    # s28 reading 53 AR-1
    assert "بعد الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30." in text, text
    assert "دردشة موقعنا تعمل." in text and "نعتذر لكم." in text, text
    assert text.endswith(" status.netivim.example"), text


def test_ar2_callcentre_social_apologises() -> None:
    text, _ = _message("social")
    assert "بعد الإصلاح. تواصلوا معنا عبر الدردشة في موقعنا. نعتذر لكم. https://" in text, text


def test_ar3_compensation_sms_names_the_sender() -> None:
    text, _ = _message("sms", "compensation")
    assert text.startswith("نتيفيم: عولج الخلل في الشبكة الخلوية في وسط البلاد الساعة 17:50."), text
    assert "قسيمة شراء" in text and "نعتذر بشدة عن طول الانقطاع." in text, text


@pytest.mark.parametrize("output", [0, 1])
def test_ar4_partner_quote_has_no_bracketed_estimate(output: int) -> None:
    text = _message("partners")[output]
    assert "(العودة المتوقعة:" not in text, text
    assert "بعد عودة البريد الإلكتروني إلى العمل. وحتى ذلك الحين" in text, text
