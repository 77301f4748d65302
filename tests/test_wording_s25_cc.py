"""Reading 30 (session 25, helper cc): the call-centre incident and the lasting channels.

- callcentre: a title that does not clash with "our service centres" (en-2, AR-5, RU-3); the
  lost emails said once on the email and status page, with which service must be back and
  when (en-2, en-9, HE-5, RU-5), and a customer action asking the same left out there.
- open incidents: the contact line of the email and status page is for anything else (HE-10,
  RU-14).
- the status page's update log does not say the status twice (HE-12, AR-6).
- management: a cause or open-contact count not yet reported says when it comes (en-6).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisiscomms import load_incident, render
from crisiscomms.loading import parse_incident
from crisiscomms.model import Incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

LANGS = ("he", "en", "ar", "ru")
HARD = Path(__file__).parent / "data" / "hard"
CC = HARD / "callcentre-arru.yaml"


def _text(incident: object, lang: str, channel: str) -> str:
    bundle = render(incident, languages=(lang,), channels=(channel,))  # type: ignore[arg-type]
    return strip_controls(next(iter(bundle)).outputs()["text"] or "")


# The old titles that named a "centre" the customer also reads as a walk-in service centre.
# Hebrew keeps "מוקד שירות הלקוחות": מוקד (call centre) is not מרכזי שירות (walk-in centres).
OLD_TITLE = {"en": "service centre problem", "ar": "مركز خدمة الزبائن", "ru": "центре обслуживания"}


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_callcentre_title_is_not_a_service_centre(lang: str) -> None:
    for channel in ("email", "sms", "ivr", "status_page"):
        text = _text(load_incident(CC), lang, channel)
        assert OLD_TITLE[lang] not in text, text


# The lost-email sentence of each language, and a customer action that asks the same.
# s26: English "We have not received your email" (email), "have not reached us" (status page).
LOST = {"he": "לא נשמר", "en": "have not re", "ar": "لم تُحفظ", "ru": "до нас не дошл"}
LOST_REPLY = {"en": "has not been saved", "ru": "не сохранится"}
ACTION = {"he": "אם שלחתם אלינו מייל מאז 09:30, נבקש לשלוח אותו שוב.",
          "en": "If you have emailed us since 09:30, please send it again.",
          "ar": "إذا راسلتمونا منذ الساعة 09:30، فيُرجى إعادة إرسال رسالتكم.",
          "ru": "Если вы писали нам после 09:30, отправьте письмо повторно."}
# The email's return time, said with its date on a lasting channel.
BACK = {"he": "ביום שני, 23 בנובמבר, בשעה 12:00", "en": "on Monday 23 November at 12:00",
        "ar": "يوم الاثنين 23 نوفمبر الساعة 12:00", "ru": "в понедельник, 23 ноября, в 12:00"}


def _with_action() -> Incident:
    raw = yaml.safe_load(CC.read_text(encoding="utf-8"))
    raw["customer_action"] = ACTION
    return parse_incident(raw, str(CC))


@pytest.mark.parametrize("channel", ["email", "status_page"])
@pytest.mark.parametrize("lang", LANGS)
def test_callcentre_lost_emails_said_once_with_the_time(lang: str, channel: str) -> None:
    """The lost-email sentence names the service that must be back and when; a customer
    action asking the same is left out there (f.action_says_resend), not said twice."""
    for incident in (load_incident(CC), _with_action()):
        text = _text(incident, lang, channel)
        # s26 cc2 (reading 44 EN-1, RU-2): the auto-reply says the email was not saved; the ru
        # one gives the estimate once, on its "Когда заработает" line.
        said = LOST_REPLY.get(lang, LOST[lang]) if channel == "email" else LOST[lang]
        assert text.count(said) == 1, text
        assert ACTION[lang] not in text, text
        lost = next(p for p in text.split("\n") if said in p)
        if lang == "ar" and channel == "status_page":
            # s27 (reading 46 AR-4): the estimate is on its own line above, not again here.
            assert text.count(BACK[lang]) == 1 and BACK[lang] not in lost, text
        elif lang != "ru":
            assert BACK[lang] in lost, lost
        elif channel == "email":
            assert "Когда заработает: мы рассчитываем восстановить работу " + BACK[lang] in text
        else:
            # s27 (reading 46 RU-6): the page's own estimate line, not said again.
            assert "**Ожидаемый срок:** " + BACK[lang] in text and BACK[lang] not in lost
        assert "once the service is back" not in text
        assert "another way" not in text and "בדרך אחרת" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_resend_action_is_still_said_where_no_lost_email_sentence_is(lang: str) -> None:
    """The IVR has no lost-email sentence of its own: it says the action."""
    incident = _with_action()
    text = _text(incident, lang, "ivr")
    assert "09:30" in text, text


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_callcentre_down_line_not_said_where_the_title_says_it(lang: str) -> None:
    """The title names the call centre: no second "our phone line is down" sentence."""
    for channel in ("email", "status_page"):
        text = _text(load_incident(CC), lang, channel)
        assert "Our phone line is down" not in text
        assert "خط الهاتف لدينا معطل" not in text
        assert "телефонная линия сейчас не работает" not in text


def test_phonechat_channels_down_said_once() -> None:
    """en-9: "Because of this problem, our phone line and the chat ... are down." after the
    impact that says it; the working channels follow as what to use meanwhile."""
    for channel in ("email", "status_page"):
        text = _text(load_incident(HARD / "phonechat.yaml"), "en", channel)
        assert "are down" not in text, text
        assert "Meanwhile, you can reach us by email" in text, text


OTHER = {"he": "בכל נושא אחר אפשר לפנות אלינו", "en": "For anything else, you can reach us",
         "ar": "لأي أمر آخر، يمكنكم التواصل معنا",
         "ru": "По другим вопросам с нами можно связаться"}


@pytest.mark.parametrize("channel", ["email", "status_page"])
@pytest.mark.parametrize("lang", LANGS)
def test_open_incident_contact_line_is_for_anything_else(lang: str, channel: str) -> None:
    text = _text(load_example("identified"), lang, channel)
    assert OTHER[lang] in text, text
    # A resolved incident keeps the plain invitation.
    assert OTHER[lang] not in _text(load_example("resolved"), lang, channel)


@pytest.mark.parametrize("lang", LANGS)
def test_update_log_says_the_status_once(lang: str) -> None:
    incident = load_example("identified")
    text = _text(incident, lang, "status_page")
    log = text.split("\n")[-len(incident.updates):]
    from crisiscomms.config import default_templates_dir, load_language
    labels = load_language(default_templates_dir(), lang).status
    for line in log:
        assert not any(label in line for label in labels.values()), line


NOT_YET = {"he": "טרם נמסר.", "en": "Not yet reported.", "ar": "لم يُبلَّغ بعد.",
           "ru": "Данных пока нет."}
NEXT = {"he": "בעדכון הבא", "en": "in the next update", "ar": "في التحديث القادم",
        "ru": "в следующем сообщении"}


@pytest.mark.parametrize("lang", LANGS)
def test_management_says_when_the_cause_comes(lang: str) -> None:
    text = _text(load_incident(CC), lang, "management")
    assert NOT_YET[lang] not in text
    assert NEXT[lang] in text


def test_management_cause_per_status() -> None:
    investigating = _text(load_incident(HARD / "longtitle.yaml"), "en", "management")
    assert "Under investigation." in investigating
    resolved = _text(load_example("resolved"), "en", "management")
    assert "closing report" in resolved and "next update" not in resolved


# "today" / "yesterday" at a time, as each language says it: stale in a brief reps use for weeks.
RELATIVE = {"he": ("היום בשעה", "אתמול בשעה"), "en": ("today at", "yesterday at"),
            "ar": ("اليوم الساعة", "أمس الساعة"), "ru": ("сегодня в", "вчера в")}


@pytest.mark.parametrize("example", ["compensation", "resolved"])
@pytest.mark.parametrize("lang", LANGS)
def test_resolved_talking_points_give_the_date(lang: str, example: str) -> None:
    """AR-11: a resolved brief is read and quoted for weeks (compensation questions): its
    times carry the weekday and the date, never "today" or "yesterday"."""
    text = _text(load_example(example), lang, "talking_points")
    assert not any(word in text for word in RELATIVE[lang]), text
