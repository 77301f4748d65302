"""Reading 54, the re-reading after reading 53's fixes: the Arabic call-centre SMS's lost-email
request (AR-1') and the English out-of-hours phone line (EN-2)."""

from __future__ import annotations

from pathlib import Path

from crisiscomms import load_incident, render
from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.facts import build_facts
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

HARD = Path(__file__).parent / "data" / "hard"


def _in_resend(name: str, lang: str = "ar") -> list[bool]:
    folder = default_templates_dir()
    facts = build_facts(load_incident(HARD / name), load_config(folder),
                        load_language(folder, lang), lang)
    return list(facts["service_in_resend"])


def test_only_the_down_email_channels_own_service_is_named_by_the_lost_email_request() -> None:
    # callcentre-arru: call-centre (the phone line's own), support-mail (email's own).
    assert _in_resend("callcentre-arru.yaml") == [False, True]
    # The phone line and the chat down, email working: the request is never said.
    assert _in_resend("phonechat.yaml", "he") == [False, False]


def test_the_arabic_call_centre_sms_asks_for_your_emails_in_the_readers_words() -> None:
    # AR-1': «رسائلكم بالبريد الإلكتروني» read as "re-send them by email"; «نعتذر.» read curt.
    bundle = render(load_incident(HARD / "callcentre-arru.yaml"), languages=["ar"],
                    channels=["sms"])
    sms = bundle["ar", "sms"]
    assert strip_controls(sms.text) == (
        "نتيفيم: خلل في مركز الاتصال، قيد الإصلاح. العودة المتوقعة: 12:00. التحديث القادم: 11:00. "
        "بعد الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30. دردشة موقعنا تعمل. نعتذر لكم. "
        "status.netivim.example")
    assert sms.stats["segments"] == 3
    # The request states the email service, which the SMS names nowhere else (required-fact).
    assert [f.rule for f in bundle.findings] == []


def test_the_english_out_of_hours_line_says_we_already_know() -> None:
    # EN-2: "We know about this problem." after three sentences about it stated the obvious.
    ivr = render(load_example("overnight"), languages=["en"], channels=["ivr"])["en", "ivr"]
    assert "We already know about this problem. For anything else, call back" in ivr.text
    assert ivr.stats["seconds"] <= 45
