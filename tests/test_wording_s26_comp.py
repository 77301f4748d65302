"""Session 26 (reading 33): compensation in one voice, saying there is no need to ask for it.

English: once the voucher's last day is known the sentence is one voice, the day first ("By
Saturday 28 November, we will text every affected customer a voucher worth … of their monthly
bill, valid until 31 December 2026; no need to ask."), not "Every affected customer … their …
We will text it to you"; the short form (SMS, the IVR's shortest wordings) is a sentence said to
the reader, never the form label "Compensation: a voucher worth …". Hebrew and Arabic drop the
second person beside "כל הלקוחות שנפגעו" / "جميع الزبائن المتضررين" ("אליכם", "ستصلكم").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import Bundle, Message, load_incident, render

ROOT = Path(__file__).resolve().parent.parent
NO_NEED = {"en": "no need to ask", "he": "ללא צורך בפנייה"}


@pytest.fixture(scope="module")
def example() -> Bundle:
    return render(load_incident(ROOT / "examples" / "compensation.yaml"),
                  languages=("he", "en", "ar", "ru"))


@pytest.fixture(scope="module")
def hard() -> Bundle:
    return render(load_incident(ROOT / "tests" / "data" / "hard" / "voucher.yaml"),
                  languages=("he", "en"))


def _message(bundle: Bundle, lang: str, channel: str) -> Message:
    return next(m for m in bundle.messages if m.language == lang and m.channel == channel)


def _text(bundle: Bundle, lang: str, channel: str) -> str:
    return _message(bundle, lang, channel).text


def test_the_english_sentence_is_one_voice_the_day_first(example: Bundle) -> None:
    sentence = ("By Saturday 28 November, we will text every affected customer a voucher worth "
                "10% of their monthly bill, valid until 31 December 2026; no need to ask.")
    for channel in ("banner", "social", "status_page"):
        text = _text(example, "en", channel)
        # The status page says it after its label's colon ("Compensation: by Saturday …").
        assert sentence in text or sentence[0].lower() + sentence[1:] in text, channel
        assert "to you by" not in text, channel
    # The email answers one customer and says it to them, the day first too (s26 EN-5,
    # f.compensation.direct).
    text = _text(example, "en", "email")
    assert ("By Saturday 28 November, we will text you a voucher worth 10% of your monthly bill, "
            "valid until 31 December 2026. You do not need to ask.") in text
    assert "every affected customer" not in text and "to you by" not in text


# s27b (reading 47 EN-2): the IVR says the caller's whole sentence (test_wording_s27b_en).
@pytest.mark.parametrize("channel", ["sms"])
def test_the_english_short_form_is_a_sentence_to_the_reader(example: Bundle,
                                                             channel: str) -> None:
    text = _text(example, "en", channel)
    assert ("By Saturday 28 Nov, we will text you a voucher worth 10% of your monthly bill, "
            "valid until 31 Dec 2026; no need to ask.") in text
    assert "Compensation:" not in text


def test_the_english_budgets_hold(example: Bundle) -> None:
    assert _message(example, "en", "sms").stats["segments"] == 2
    assert _message(example, "en", "ivr").stats["seconds"] <= 45
    assert not [f for f in example.findings if f.severity == "error"]


@pytest.mark.parametrize("channel", ["ivr", "sms", "banner", "social", "email"])
def test_every_english_channel_says_no_need_to_ask(hard: Bundle, channel: str) -> None:
    # The email reply and the phone line speak to one customer (s26 EN-5): a sentence of its own.
    said = "You do not need to ask." if channel in ("ivr", "email") else NO_NEED["en"]
    assert said in _text(hard, "en", channel)


def test_hebrew_says_no_need_to_ask_in_the_third_person(example: Bundle, hard: Bundle) -> None:
    for bundle, channels in ((example, ("banner", "email")),
                             (hard, ("ivr", "banner", "email"))):
        for channel in channels:
            text = _text(bundle, "he", channel)
            assert "ב-SMS עד יום" in text and NO_NEED["he"] in text, channel
            assert "יישלח אליכם" not in text, channel


def test_arabic_says_the_voucher_reaches_them(example: Bundle) -> None:
    # s27 (reading 46 AR-1): the public notice speaks to its readers, as its apology does
    # ("وما سبّبه لكم من عناء"), in one sentence: no "جميع الزبائن المتضررين … ستصلهم".
    text = _text(example, "ar", "status_page")
    assert "ستصلكم برسالة نصية بحلول السبت 28 نوفمبر قسيمة شراء" in text
    assert "ستصلهم" not in text
    # The email answers one customer in the second person throughout (s26 AR-6,
    # f.compensation.direct): no "جميع الزبائن المتضررين" beside "ستصلكم".
    text = _text(example, "ar", "email")
    assert "ستحصلون، كسائر الزبائن المتضررين، على قسيمة شراء" in text
    assert "وستصلكم برسالة نصية بحلول يوم السبت 28 نوفمبر" in text
    assert "جميع الزبائن المتضررين" not in text and "ستصلهم" not in text
