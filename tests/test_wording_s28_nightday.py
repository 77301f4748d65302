"""Session 24, reading 28 (EN-8, AR-4 written channels, HE-20): one night and its morning.

Said at 02:00 (overnight.yaml moved to Friday 02:00), the IVR, SMS and social post gave the
return at 05:20 as "today" beside the next update at 02:50 as "tonight": the earlier time was
"tonight" and the later one "today", so the listener had to work out that both fall in the
same night. A time later that same morning (from ``[day] morning_from``, before noon), said in
the small hours, is now "this morning" (``[day] this_morning``), spoken without its part of
the day after it; a time still in the small hours keeps "tonight". The lasting channels keep
the weekday and the date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from crisiscomms import parse_incident, render
from crisiscomms.text.bidi import strip_controls
from tests.example_edits import CONTACT_SHORT, file_updated_at, shifted, with_services

LANGS = ("he", "en", "ar", "ru")
BACK = {"he": "הבוקר בשעה 05:20", "en": "this morning at 05:20",
        "ar": "صباح اليوم الساعة 05:20", "ru": "сегодня утром в 05:20"}
NEXT = {"he": "הלילה בשעה 02:50", "en": "tonight at 02:50",
        "ar": "الليلة الساعة 02:50", "ru": "сегодня ночью в 02:50"}
SPOKEN = {"he": "הבוקר בשעה חמש ועשרים.", "en": "this morning at five twenty.",
          "ar": "صباح اليوم الساعة الخامسة والثلث.", "ru": "сегодня утром в пять двадцать."}
SMS_BACK = {"he": "צפי: הבוקר 05:20", "en": "Expected back: 05:20 this morning",
            "ar": "العودة المتوقعة: صباح اليوم 05:20", "ru": "Ожидаемый срок: утром в 05:20"}
TODAY = {"he": "היום בשעה 05:20", "en": "today at 05:20", "ar": "اليوم الساعة 05:20",
         "ru": "сегодня в 05:20"}
BUDGET = {"ivr": 45.0}


def _at(when: dt.datetime, services: tuple[str, ...] = (), short: bool = False) -> Any:
    raw = with_services("overnight", list(services), CONTACT_SHORT if short else None)
    up = file_updated_at(raw)
    return parse_incident(shifted(raw, when.replace(tzinfo=up.tzinfo) - up))


FRIDAY_0200 = dt.datetime(2026, 11, 27, 2, 0)


def _render(when: dt.datetime, lang: str, channels: list[str], services: tuple[str, ...] = (),
            short: bool = False) -> Any:
    return render(_at(when, services, short), languages=[lang], channels=channels)


@pytest.mark.parametrize("lang", LANGS)
def test_ivr_and_social_say_this_morning_beside_tonight(lang: str) -> None:
    bundle = _render(FRIDAY_0200, lang, ["ivr", "social"])
    for channel in ("ivr", "social"):
        text = strip_controls(bundle[lang, channel].text)
        assert BACK[lang] in text, text
        assert NEXT[lang] in text or NEXT[lang].replace(" בשעה", "") in text, text
        assert TODAY[lang] not in text.replace(BACK[lang], ""), text


@pytest.mark.parametrize("lang", LANGS)
def test_ivr_speaks_this_morning_without_its_part_of_day(lang: str) -> None:
    m = _render(FRIDAY_0200, lang, ["ivr"])[lang, "ivr"]
    assert SPOKEN[lang] in (m.ssml or ""), m.ssml
    assert m.stats["seconds"] <= BUDGET["ivr"]


@pytest.mark.parametrize("lang", LANGS)
def test_sms_says_this_morning(lang: str) -> None:
    m = _render(FRIDAY_0200, lang, ["sms"])[lang, "sms"]
    assert SMS_BACK[lang] in strip_controls(m.text), m.text
    assert m.stats["segments"] <= (2 if lang in ("he", "en") else 3)


MORNING = {"he": "הבוקר", "en": "this morning", "ar": "صباح اليوم", "ru": "утром"}


@pytest.mark.parametrize("lang", LANGS)
def test_lasting_channels_keep_the_date(lang: str) -> None:
    text = strip_controls(_render(FRIDAY_0200, lang, ["banner"])[lang, "banner"].text)
    assert "05:20" in text and "27" in text, text
    assert MORNING[lang] not in text, text


@pytest.mark.parametrize("lang", LANGS)
def test_a_time_still_in_the_small_hours_keeps_tonight(lang: str) -> None:
    # Said at 01:15 the estimate falls at 04:35, before the morning: both times are "tonight".
    bundle = _render(dt.datetime(2026, 11, 29, 1, 15), lang, ["ivr", "sms", "social"])
    for channel in ("ivr", "sms", "social"):
        text = strip_controls(bundle[lang, channel].text)
        assert "04:35" in text and MORNING[lang] not in text, text


def test_he_sms_keeps_the_workaround_before_the_morning_word() -> None:
    # With the phone line down (short names), "הבוקר" no longer costs the workaround: from 9
    # the estimate is the bare time unless the fill finds room for the word.
    m = _render(FRIDAY_0200, "he", ["sms"], ("call-centre",), short=True)["he", "sms"]
    assert "אפליקציות שיחה" in m.text, m.text
    assert m.stats["segments"] <= 2
    assert not [x for x in render(_at(FRIDAY_0200, ("call-centre",), True), languages=["he"],
                                  channels=["sms"]).findings
                if x.rule == "sms-workaround-dropped"]
