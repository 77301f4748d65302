"""s26 cc: the organisation's own contact channels down (the call centre and email support,
tests/data/hard/callcentre*.yaml).

1. Emails sent while email is down are lost: the short channels say so and ask for them again
   where their budget leaves room (`f.contact.resend`, `[lost_email] lost`; the IVR
   `f.contact.resend_said`, `[lost_email] lost_said`), never at the cost of the SMS's sender
   and status link.
2. Beside that request the SMS no-need line never says "no need to contact us again".
3. The English auto-reply: "We have not received your email", not "has not been saved" (s26 cc2,
   reading 44 EN-1: "your email has not been saved", the reply is to that email).
4. Arabic: email support is "البريد الإلكتروني" in short, never "البريد" (the post).
5. Russian: the phone line's first sentence says "из-за сбоя", not "из-за этого сбоя" before
   the fault is named.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisiscomms import Incident, load_incident, parse_incident, render
from crisiscomms.facts import build_facts
from crisiscomms.render import _render_one, _render_outputs, template_set
from crisiscomms.text.bidi import strip_controls

DATA = Path(__file__).parent / "data"
CC = DATA / "hard" / "callcentre.yaml"
CC_ARRU = DATA / "hard" / "callcentre-arru.yaml"
CC_S24 = DATA / "callcentre-s24.yaml"
# The segments each language's call-centre SMS took before s26: never more.
SEGMENTS = {"he": 2, "en": 2, "ar": 3, "ru": 3}
# s26 he3 (reading 45 HE-2): "מאז תחילת התקלה", "לא נשמרו", "אותם"; the post ends "כשהמייל יחזור."
LOST = {"he": "מיילים שנשלחו מאז תחילת התקלה לא נשמרו: נבקש לשלוח אותם שוב כשהמייל יחזור.",
        # s26 cc2 (reading 44 EN-2, EN-3): with its times ([lost_email] lost_dated).
        "en": "Emails sent to us since 09:30 have not reached us: please resend them after "
              "12:00."}
# s26 cc2 (reading 44 HE-2, RU-1): he the email only ("מייל", not "פנייה"); ru "когда сбой
# будет устранён" (not "после его устранения", which points back to the letter).
SAID = {"he": "אם שלחתם לנו מייל מאז תחילת התקלה, הוא לא נשמר: נבקש לשלוח אותו שוב כשהמייל "
              "יחזור לפעול.",
        "en": "If you have written to us since 09:30, please write again after 12:00.",
        # s27c (reading 48 AR-2): the time and the channel, as en; after the fix, not the
        # estimate's time (reading 49 B-2).
        "ar": "إذا راسلتمونا بالبريد الإلكتروني منذ الساعة 09:30، فيُرجى إعادة إرسال رسالتكم بعد "
              "إصلاح الخلل.",
        "ru": "Если вы писали нам с начала сбоя, пожалуйста, отправьте письмо повторно, когда "
              "сбой будет устранён."}
CALLS_ONLY = "No need to call about this problem."
# Beside lost emails the Hebrew, Arabic and Russian no-need line is about calls only too.
CALLS = {"he": ("אין צורך להתקשר בעניין זה.", "אין צורך לפנות"),
         "ar": ("لا حاجة إلى الاتصال بنا بشأن هذا الخلل.", "لا حاجة إلى التواصل معنا"),
         "ru": ("Звонить нам по этому сбою не нужно.", "обращаться повторно не нужно")}


def _file(lang: str) -> Path:
    return CC if lang in ("he", "en") else CC_ARRU


def _message(incident: Incident, lang: str, channel: str) -> tuple[str, dict[str, object]]:
    message = render(incident, languages=[lang], channels=[channel])[lang, channel]
    return strip_controls(message.text), dict(message.stats)


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_the_call_centre_sms_keeps_its_segments_sender_and_no_contradiction(lang: str) -> None:
    text, stats = _message(load_incident(_file(lang)), lang, "sms")
    assert int(str(stats["segments"])) <= SEGMENTS[lang], (lang, stats)
    assert "No need to contact us again" not in text
    assert "אין צורך לפנות" not in text


def test_the_english_sms_asks_for_the_lost_emails_with_its_link_and_apology() -> None:
    text, stats = _message(load_incident(CC), "en", "sms")
    # s27b (reading 47 EN-1): "We are sorry." takes the "Status: " label's room; an SMS that asks
    # the customer to resend keeps its sender (s27 gave the sender for it: it read as phishing).
    assert text.startswith("Netivim: Call centre problem. Also affected: email to us. "
                           "Fix in progress.")
    assert " We are sorry. status.netivim.example" in text
    assert text.endswith(" status.netivim.example"), text
    assert ("Next update: 11:00. " + LOST["en"] + " You can reach us by chat on our website "
            "and at our service centres.") in text
    assert stats["segments"] == 2


def _filled(short: int, room: int) -> str:
    ts = template_set()
    language = ts.language("en")
    facts = build_facts(load_incident(CC_S24), ts.config, language, "en", None)
    outputs, _ = _render_outputs(ts, "en", "sms", {}, facts, language, {}, short=short,
                                 room=room)
    return strip_controls(outputs["text"])


def test_from_wording_4_the_fill_brings_the_lost_email_line_after_the_link() -> None:
    # Level 4 drops the link: the fill gives it back first, then the lost-email line where it
    # fits, else the line about calls only, never "No need to contact us again".
    roomy = _filled(4, 200)
    assert LOST["en"] in roomy and CALLS_ONLY not in roomy
    assert roomy.endswith(" status.netivim.example")
    tight = _filled(4, 60)
    assert LOST["en"] not in tight and CALLS_ONLY in tight
    assert tight.endswith(" status.netivim.example")
    bare = _filled(4, 0)
    assert LOST["en"] not in bare and "No need" not in bare
    # Up to 3 the wording itself says it.
    assert LOST["en"] in _filled(3, 0)


def test_the_shipped_s24_sms_keeps_its_link_and_says_calls_only() -> None:
    text, stats = _message(load_incident(CC_S24), "en", "sms")
    assert text.endswith(" status.netivim.example"), text
    assert CALLS_ONLY in text and "No need to contact us again" not in text
    assert int(str(stats["segments"])) <= 2


def test_a_customer_action_asking_to_resend_is_not_doubled_nor_contradicted() -> None:
    raw = yaml.safe_load(CC.read_text(encoding="utf-8"))
    raw["customer_action"] = {"he": "אם שלחתם אלינו מייל מאז 09:30, נבקש לשלוח אותו שוב.",
                              "en": "If you have emailed us since 09:30, please send it again."}
    incident = parse_incident(raw, str(CC))
    for channel in ("sms", "social", "ivr"):
        text, _ = _message(incident, "en", channel)
        assert LOST["en"] not in text and SAID["en"] not in text, (channel, text)
        assert "No need to contact us again" not in text, (channel, text)


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_the_phone_line_asks_for_the_lost_emails_once_within_45_seconds(lang: str) -> None:
    text, stats = _message(load_incident(_file(lang)), lang, "ivr")
    assert text.count(SAID[lang]) == 1, text
    assert float(str(stats["seconds"])) <= 45


@pytest.mark.parametrize("lang", ["he", "ar", "ru"])
def test_the_full_sms_no_need_line_is_about_calls_only(lang: str) -> None:
    ts = template_set()
    language = ts.language(lang)
    incident = load_incident(_file(lang))
    facts = build_facts(incident, ts.config, language, lang, None)
    text = strip_controls(_render_one(ts, incident, lang, "sms", {}, facts, language, {},
                                      level=0).text)
    calls, contact = CALLS[lang]
    assert calls in text and contact not in text, text


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_the_social_post_and_the_ssml_say_it_where_there_is_room(lang: str) -> None:
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(load_incident(_file(lang)), ts.config, language, lang, None)
    outputs, _ = _render_outputs(ts, lang, "social", {}, facts, language, {}, short=2,
                                 room=300)
    assert str(facts["contact"]["resend"]) in strip_controls(outputs["text"])
    message = render(load_incident(_file(lang)), languages=[lang], channels=["ivr"])[lang, "ivr"]
    # The SSML (what callers hear) says the request too.
    word = {"he": "שלחתם לנו מייל", "en": "written to us", "ar": "راسلتمونا",
            "ru": "писали нам"}[lang]
    assert word in (message.ssml or ""), message.ssml


def test_the_hebrew_social_post_says_it_in_the_room_left() -> None:
    text, stats = _message(load_incident(CC), "he", "social")
    assert "מתנצלים על אי הנוחות. " + LOST["he"] + " ניתן לפנות בצ'אט" in text, text
    assert int(str(stats["weighted_length"])) <= 280


def test_nothing_is_asked_once_resolved() -> None:
    raw = yaml.safe_load(CC.read_text(encoding="utf-8"))
    raw.update(status="resolved", resolved_at="2026-11-23T10:40:00+02:00",
               updated_at="2026-11-23T10:45:00+02:00")
    incident = parse_incident(raw, str(CC))
    for channel in ("sms", "social", "ivr"):
        text, _ = _message(incident, "en", channel)
        assert LOST["en"] not in text and SAID["en"] not in text, (channel, text)


def test_the_english_auto_reply_says_the_email_was_not_saved() -> None:
    # s26 cc2 (reading 44 EN-1): a reply to the email cannot say it was not received.
    incident = load_incident(CC)
    for output in ("text", "html"):
        message = render(incident, languages=["en"], channels=["email"])["en", "email"]
        body = " ".join(strip_controls(getattr(message, output) or "").split())
        assert "we cannot handle emails at the moment and your email has not been saved. Please " \
               "send it again once our email is back up (we expect this on Monday 23 " \
               "November at 12:00)." in body, body
        assert "We have not received" not in body
    page, _ = _message(incident, "en", "status_page")
    assert "Emails sent to us since the problem began have not reached us: please send them " \
           "again once our email is back up" in page
    assert "saved" not in page


@pytest.mark.parametrize("path", [CC_ARRU, DATA / "callcentre-s24-arru.yaml"])
@pytest.mark.parametrize("channel", ["sms", "social", "banner", "ivr", "email", "status_page"])
def test_arabic_never_calls_email_support_the_post(path: Path, channel: str) -> None:
    text, _ = _message(load_incident(path), "ar", channel)
    assert "البريد" in text or channel == "sms", text
    # Every "البريد" is the email's: "البريد الإلكتروني".
    assert text.count("البريد") == text.count("البريد الإلكتروني"), text


def test_the_russian_phone_line_names_no_fault_before_it_is_named() -> None:
    text, _ = _message(load_incident(CC_ARRU), "ru", "ivr")
    named = text.index("сбой колл-центра")
    assert "из-за этого сбоя" not in text[:named], text
    # s27 (reading 46 RU-1): the fault is named first, what is down after its colon.
    assert "Сейчас у нас сбой колл-центра: наши операторы не могут ответить на звонок, и письма " \
           "на нашу электронную почту тоже не доходят." in text
