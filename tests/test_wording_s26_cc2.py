"""Call centre down (reading 44): the auto-reply, the lost-email line, the reps' case hand-over."""
from __future__ import annotations

from crisiscomms import load_incident, render

HARD = "tests/data/hard/"


def _text(path: str, lang: str, channel: str) -> str:
    bundle = render(load_incident(HARD + path), languages=[lang], channels=[channel])
    (message,) = bundle.messages
    return message.text


def test_en_auto_reply_does_not_deny_receiving_the_email() -> None:
    text = _text("callcentre.yaml", "en", "email")
    assert "We have not received your email" not in text
    assert ("your email has not been saved. Please send it again once our email is back up"
            in text)
    assert "once our email is back up" in _text("callcentre.yaml", "en", "status_page")


def test_ru_auto_reply_says_the_letter_is_not_kept() -> None:
    text = _text("callcentre-arru.yaml", "ru", "email")
    assert "не дошло" not in text
    assert "Ваше письмо не будет обработано и не сохранится. Приносим за это извинения." in text
    assert text.count("Приносим") == 1


def test_banner_asks_for_lost_emails_with_an_apology() -> None:
    en = _text("callcentre.yaml", "en", "banner")
    lost = "Emails sent to us since 09:30 have not reached us: please resend them after 12:00."
    assert lost in en
    assert "We are sorry." in en
    he = _text("callcentre.yaml", "he", "banner")
    assert "מיילים שנשלחו מאז תחילת התקלה לא נשמרו" in he
    assert "מתנצלים" in he


def test_en_sms_says_email_to_us_and_the_lost_emails() -> None:
    bundle = render(load_incident(HARD + "callcentre.yaml"), languages=["en"], channels=["sms"])
    (sms,) = bundle.messages
    assert "Also affected: email to us." in sms.text
    assert "please resend them after 12:00" in sms.text
    assert sms.stats["segments"] == 2


def test_ivr_lost_email_request() -> None:
    he = _text("callcentre.yaml", "he", "ivr")
    assert ("אם שלחתם לנו מייל מאז תחילת התקלה, הוא לא נשמר: "
            "נבקש לשלוח אותו שוב כשהמייל יחזור לפעול.") in he
    ru = _text("callcentre-arru.yaml", "ru", "ivr")
    assert "отправьте письмо повторно, когда сбой будет устранён." in ru
    assert "после его устранения" not in ru


def test_talking_points_pass_on_the_case_not_the_call() -> None:
    assert "When passing a case on" in _text("callcentre.yaml", "en", "talking_points")
    assert "בהעברת פנייה" in _text("callcentre.yaml", "he", "talking_points")
    ar = _text("callcentre-arru.yaml", "ar", "talking_points")
    assert "عند تحويل الطلب" in ar and "المكالمة" not in ar.split("عند تحويل الطلب")[1][:200]
    ru = _text("callcentre-arru.yaml", "ru", "talking_points")
    assert "При передаче обращения" in ru and "принимающий звонок" not in ru
