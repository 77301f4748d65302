"""s26 he3: the Hebrew native reader's reading 45 (HE-2, HE-4, HE-5, HE-7, HE-8).

1. HE-2: the call centre's lost-email line says "מאז תחילת התקלה", "לא נשמרו" (the automatic reply
   told the sender so), and what to send again ("אותם"); the post, short of room, ends "כשהמייל
   יחזור."; the banner names the service centres again where the fill finds room.
2. HE-4: the resolved compensation IVR, with the phone line closed, says "ללא צורך בפנייה" and,
   in the room of the week's hours, when the line next opens, by its day (never "מחר": the
   recording still plays after midnight), within its 45 seconds.
3. HE-5: the critical outage's SMS says "אין צורך" once, the action joined with "or contact us
   again", and apologises: "נעדכן ב-09:10." gives the apology its room; never more segments.
4. HE-7: the call centre's automatic reply apologises once, for the lost email; its close only
   thanks ("תודה על הסבלנות."), in the text and the HTML.
5. HE-8: the compensation and voucher posts say "ללא צורך בפנייה" within 280 (the voucher's
   apology "מתנצלים." for its room).
"""

from __future__ import annotations

from pathlib import Path

from crisiscomms import load_incident, render

HARD = Path(__file__).parent / "data" / "hard"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _message(path: Path, channel: str, lang: str = "he") -> tuple[str, dict[str, object]]:
    bundle = render(load_incident(path), languages=[lang], channels=[channel])
    (message,) = bundle.messages
    return message.text, dict(message.stats)


LOST = "מיילים שנשלחו מאז תחילת התקלה לא נשמרו: נבקש לשלוח אותם שוב כשהמייל יחזור לפעול."
LOST_BRIEF = "מיילים שנשלחו מאז תחילת התקלה לא נשמרו: נבקש לשלוח אותם שוב כשהמייל יחזור."


def test_callcentre_banner_lost_emails_and_every_working_channel() -> None:
    text, stats = _message(HARD / "callcentre.yaml", "banner")
    assert "אנו מתנצלים. " + LOST + " ניתן לפנות בצ'אט באתר ובמרכזי השירות." in text, text
    assert "לא התקבלו" not in text
    assert int(str(stats["characters"])) <= 300


def test_callcentre_social_lost_emails_in_the_room_left() -> None:
    text, stats = _message(HARD / "callcentre.yaml", "social")
    said = "מתנצלים על אי הנוחות. " + LOST_BRIEF + " ניתן לפנות בצ'אט באתר ובמרכזי השירות."
    assert said in text, text
    assert "לא התקבלו" not in text
    assert int(str(stats["weighted_length"])) <= 280


def test_compensation_ivr_no_need_to_ask_and_the_next_opening() -> None:
    bundle = render(load_incident(EXAMPLES / "compensation.yaml"), languages=["he"],
                    channels=["ivr"])
    (message,) = bundle.messages
    assert "השובר יישלח ב-SMS עד יום שבת, 28 בנובמבר, ללא צורך בפנייה." in message.text
    assert ("בנושא אחר, המוקד הטלפוני ייפתח ביום ראשון ב-08:00, ואפשר לפנות אלינו בצ'אט באתר."
            in message.text), message.text
    ssml = message.ssml or ""
    assert "עד יום שבת, עשרים ושמונה בנובמבר, ללא צורך בפנייה." in ssml
    assert "המוקד הטלפוני ייפתח ביום ראשון בשמונה בבוקר, ואפשר לפנות" in ssml, ssml
    assert "מחר" not in ssml
    assert float(str(message.stats["seconds"])) <= 45


def test_investigating_sms_one_no_need_and_an_apology() -> None:
    text, stats = _message(EXAMPLES / "investigating.yaml", "sms")
    assert text.endswith("טרם נקבע צפי. אין צורך לכבות ולהדליק את הנתב או לפנות שוב. "
                         "נעדכן ב-09:10. מתנצלים."), text
    assert text.count("אין צורך") == 1
    assert stats["segments"] == 2


def test_callcentre_auto_reply_apologises_once() -> None:
    bundle = render(load_incident(HARD / "callcentre.yaml"), languages=["he"],
                    channels=["email"])
    (message,) = bundle.messages
    for text in (message.text, message.html or ""):
        assert "פנייתכם לא נשמרה, ואנו מתנצלים על כך:" in text
        assert text.count("מתנצלים") == 1, text
        assert "הצוותים שלנו עובדים על התקלה ברציפות. תודה על הסבלנות." in text


def test_compensation_posts_say_no_need_to_ask() -> None:
    text, stats = _message(EXAMPLES / "compensation.yaml", "social")
    assert "יישלח ב-SMS עד \u206628.11\u2069, ללא צורך בפנייה. מתנצלים על הפגיעה בשירות." in text, (
        text)
    assert int(str(stats["weighted_length"])) <= 280
    text, stats = _message(HARD / "voucher.yaml", "social")
    assert "השובר יישלח ב-SMS עד יום ראשון, 27 בדצמבר, ללא צורך בפנייה. מתנצלים." in text, text
    assert int(str(stats["weighted_length"])) <= 280
