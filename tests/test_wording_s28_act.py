"""Session 24, reading 28: the short channels keep the one instruction that stops repeat action.

The payment-delay incident (monitoring) never said "no need to pay again" on its banner and
social post, and with the chat down its English and Hebrew SMS dropped it for the contact line;
the resolved email-delay incident left "no need to send again" out of its SMS and banner. The
banners and social posts now say the customer action (whole where the fill finds room, else its
short form); the SMS says it in its wordings up to 9 (resolved) or keeps the short form up to 10
(open), and English at 11 too where it fits. Live banners apologise where room is left.
"""

from __future__ import annotations

import pytest

from crisiscomms import Incident, parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from tests.example_edits import CONTACT_SHORT, with_services

LANGS = ("he", "en", "ar", "ru")
# The short form of each action, which the whole form begins with or contains.
PAY = {"he": "אין צורך לשלם", "en": "do not pay again", "ar": "الدفع مجددًا", "ru": "латить"}
RESEND = {"he": "אין צורך לשלוח שוב", "en": "no need to send your emails again",
          "ar": "لا حاجة إلى إعادة الإرسال", "ru": "Отправлять повторно не нужно"}
SORRY = {"he": "מתנצלים", "en": "We apologise", "ar": "نعتذر", "ru": "Приносим извинения"}


def _text(raw: object, lang: str, channel: str) -> str:
    incident = raw if isinstance(raw, Incident) else parse_incident(raw)
    m = render(incident, languages=[lang], channels=[channel])[lang, channel]
    return strip_controls(m.text or "")


@pytest.mark.parametrize("channel", ["banner", "social"])
@pytest.mark.parametrize("lang", LANGS)
def test_payment_delay_says_do_not_pay_again(lang: str, channel: str) -> None:
    said = _text(load_example("monitoring"), lang, channel)
    assert PAY[lang] in said, said


@pytest.mark.parametrize("lang", LANGS)
def test_payment_delay_banner_with_chat_down_says_do_not_pay_again(lang: str) -> None:
    said = _text(with_services("monitoring", ["chat"], CONTACT_SHORT), lang, "banner")
    assert PAY[lang] in said, said


def test_payment_delay_sms_with_chat_down_keeps_do_not_pay_again_before_the_channels() -> None:
    said = _text(with_services("monitoring", ["chat"], CONTACT_SHORT), "en", "sms")
    assert PAY["en"] in said and "*2040" in said, said


@pytest.mark.parametrize("channel", ["sms", "banner"])
@pytest.mark.parametrize("lang", LANGS)
def test_resolved_email_delay_says_no_need_to_send_again(lang: str, channel: str) -> None:
    said = _text(load_example("resolved"), lang, channel)
    assert RESEND[lang] in said, said


@pytest.mark.parametrize("lang", LANGS)
def test_live_banner_apologises_where_room_is_left(lang: str) -> None:
    said = _text(load_example("identified"), lang, "banner")
    assert SORRY[lang] in said, said
    assert len(said) <= 300
