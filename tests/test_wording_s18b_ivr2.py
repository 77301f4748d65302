"""Session 18b (ivr2): the IVR says the customer action, names every working channel, never
repeats a title's services; British dates, Russian times with the part of the day, Arabic
"رسالة SMS" said once."""

from __future__ import annotations

import datetime

from crisiscomms import render
from crisiscomms.samples import load_example
from crisiscomms.text.speech import speak_text, spoken_date, spoken_time


def _ivr(name: str, lang: str) -> tuple[str, str]:
    bundle = render(load_example(name), languages=[lang], channels=["ivr"])
    message = next(iter(bundle))
    return message.text or "", message.ssml or ""


def test_hebrew_ivr_says_the_customer_action_on_an_open_incident() -> None:
    text, ssml = _ivr("monitoring", "he")
    assert "אין צורך לשלם שוב" in text
    assert "אין צורך לשלם שוב" in ssml


def test_english_date_is_british() -> None:
    assert spoken_date(datetime.date(2027, 1, 31), "en", with_year=True) == (
        "the thirty-first of January twenty twenty-seven")
    assert spoken_date(datetime.date(2026, 12, 20), "en") == "the twentieth of December"


def test_russian_time_has_the_part_of_the_day() -> None:
    assert spoken_time(datetime.time(2, 0), "ru") == "два часа ночи"
    assert spoken_time(datetime.time(18, 0), "ru") == "шесть вечера"
    assert spoken_time(datetime.time(9, 30), "ru") == "девять тридцать утра"


def test_arabic_sms_message_is_said_once() -> None:
    said = speak_text("بإرسال رسالة SMS إلى الرقم 2040", "ar")
    assert "رسالة نصية" in said and "رسالة رسالة" not in said


def test_arabic_and_russian_ivr_speak_sentences_not_form_labels() -> None:
    ar, _ = _ivr("monitoring", "ar")
    ru, _ = _ivr("monitoring", "ru")
    assert "الخدمات المتأثرة:" not in ar and "الحالة:" not in ar
    assert "Он затрагивает:" not in ru and "Статус:" not in ru
