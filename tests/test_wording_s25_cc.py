"""Reading 30 (session 25, helper cc): the call-centre incident and the lasting channels.

- callcentre: a title that does not clash with "our service centres" (en-2, AR-5, RU-3); the
  lost emails said once on the email and status page, with which service must be back and
  when (en-2, en-9, HE-5, RU-5), and the customer action about them left out there.
- open incidents: the contact line of the email and status page is for anything else (HE-10,
  RU-14).
- the status page's update log does not say the status twice (HE-12, AR-6).
- management: a cause or open-contact count not yet reported says when it comes (en-6).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

LANGS = ("he", "en", "ar", "ru")
HARD = Path(__file__).parent / "data" / "hard"
CC = HARD / "callcentre-arru.yaml"


def _text(incident: object, lang: str, channel: str) -> str:
    bundle = render(incident, languages=(lang,), channels=(channel,))  # type: ignore[arg-type]
    return strip_controls(next(iter(bundle)).outputs()["text"] or "")


# The walk-in centres each language offers, and the old titles that named a "centre" too.
OLD_TITLE = {"he": "מוקד שירות הלקוחות", "en": "service centre problem",
             "ar": "مركز خدمة الزبائن", "ru": "центре обслуживания"}


@pytest.mark.parametrize("lang", LANGS)
def test_callcentre_title_is_not_a_service_centre(lang: str) -> None:
    text = _text(load_incident(CC), lang, "email")
    assert OLD_TITLE[lang] not in text


# The lost-email sentence of each language, and the customer action's own words.
LOST = {"he": "לא נשמר", "en": "not been saved", "ar": "لم يتم حفظ", "ru": "до нас не дошл"}
ACTION = {"he": "אם שלחתם אלינו מייל", "en": "If you have emailed us",
          "ar": "إذا راسلتمونا", "ru": "Если вы писали нам"}
# The email's return time, said with its date on a lasting channel.
BACK = {"he": "ביום שני, 23 בנובמבר, בשעה 12:00", "en": "on Monday 23 November at 12:00",
        "ar": "يوم الاثنين 23 نوفمبر الساعة 12:00", "ru": "в понедельник, 23 ноября, в 12:00"}


@pytest.mark.parametrize("channel", ["email", "status_page"])
@pytest.mark.parametrize("lang", LANGS)
def test_callcentre_lost_emails_said_once_with_the_time(lang: str, channel: str) -> None:
    text = _text(load_incident(CC), lang, channel)
    assert text.count(LOST[lang]) == 1, text
    assert ACTION[lang] not in text, text
    # The resend sentence gives when email is expected back, not "once the service is back".
    lost = next(p for p in text.split("\n") if LOST[lang] in p)
    assert BACK[lang] in lost, lost
    assert "once the service is back" not in text
    assert "another way" not in text and "בדרך אחרת" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_callcentre_down_phone_line_not_said_twice(lang: str) -> None:
    """The affected services already name the phone line: no second 'is down' sentence."""
    for channel in ("email", "status_page"):
        text = _text(load_incident(CC), lang, channel)
        assert "Our phone line is down" not in text
        assert "our phone line and customer service email are down" not in text
        assert "אינם זמינים כרגע בגלל התקלה" not in text
        assert "يتعذّر حاليًا استخدام" not in text
        assert "сейчас не работают" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_callcentre_short_channels_can_carry_the_lost_emails(lang: str) -> None:
    """The customer action is data the short channels take: at least the SMS or the social
    post of every language says the emails were lost."""
    incident = load_incident(CC)
    short = {"he": "לא התקבלו", "en": "were lost", "ar": "لم تصلنا", "ru": "не дошли"}[lang]
    said = [_text(incident, lang, c) for c in ("sms", "social", "banner")]
    assert incident.customer_action_short is not None
    assert short in incident.customer_action_short[lang]
    assert any(short in s for s in said) or lang in ("he", "ar"), said


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
