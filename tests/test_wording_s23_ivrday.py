"""Session 23, the day word in speech (helper ivrday23; reading 23 H1, H2/E1 and a nit).

H1: he IVR on Saturday at 22:40 said the night twice ("יחזור לפעול הלילה בשעה אחת וחצי
בלילה"): after "הלילה" the part of the day "בלילה" is not said (speech.day_parts
``after_tonight = false``); "לפנות בוקר" stays.
H2/E1: at 01:15 an ETA of 04:05 was "today" beside a next update at 02:05 "tonight": every
time before the morning (``[day] morning_from``, 05:00 in every language) is "tonight".
Lasting channels still say the night with its dates, never "tonight" (issue 11 point 6).
Nit: he IVR at night, wording 6, "בעניין התקלה אין צורך להתקשר שוב." (said to a caller).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.text.bidi import strip_controls

from .example_edits import SWEEP_TIMES, moved_to

ROOT = Path(__file__).resolve().parent.parent
IDENTIFIED = ROOT / "examples" / "identified.yaml"
SAT_2240 = (5, 22, 40)   # Saturday 28 November 2026, 22:40: ETA 01:30, next update 23:30
SUN_0115 = (6, 1, 15)    # Sunday 29 November 2026, 01:15: ETA 04:05, next update 02:05
LANGS = ("he", "en", "ar", "ru")


def _said(when: tuple[int, int, int], lang: str) -> str:
    incident = parse_incident(moved_to(IDENTIFIED, when), str(IDENTIFIED))
    ssml = render(incident, languages=[lang], channels=["ivr"])[lang, "ivr"].ssml or ""
    return " ".join(re.sub(r"<[^>]+>", " ", strip_controls(ssml)).split())


def test_he_tonight_does_not_say_the_night_twice() -> None:
    said = _said(SAT_2240, "he")
    assert "יחזור לפעול הלילה בשעה אחת וחצי." in said
    assert "אחת וחצי בלילה" not in said


def test_he_tonight_keeps_before_morning() -> None:
    said = _said(SUN_0115, "he")
    assert "הלילה בשעה שתיים וחמש דקות לפנות בוקר" in said
    assert "הלילה בשעה ארבע וחמש דקות לפנות בוקר" in said


@pytest.mark.parametrize(("lang", "eta", "update"), [
    ("he", "יחזור לפעול הלילה בשעה ארבע וחמש דקות", "יימסר הלילה בשעה שתיים וחמש דקות"),
    ("en", "back tonight at four oh five a.m.", "is tonight at two oh five a.m."),
    ("ar", "الخدمة الليلة الساعة الرابعة وخمس دقائق", "القادم الليلة الساعة الثانية وخمس دقائق"),
    ("ru", "работу сегодня ночью в четыре ноль пять", "сегодня ночью в два ноль пять"),
])
def test_every_time_before_the_morning_is_tonight(lang: str, eta: str, update: str) -> None:
    said = _said(SUN_0115, lang)
    assert eta in said
    assert update in said
    for today in ("היום בשעה ארבע", "today at four", "اليوم الساعة الرابعة", "сегодня в четыре"):
        assert today not in said


@pytest.mark.parametrize("lang", LANGS)
def test_lasting_channels_date_the_night(lang: str) -> None:
    incident = parse_incident(moved_to(IDENTIFIED, SUN_0115), str(IDENTIFIED))
    bundle = render(incident, languages=[lang], channels=["banner", "status_page", "email"])
    for channel in ("banner", "status_page", "email"):
        text = strip_controls(bundle[lang, channel].text or "")
        assert "04:05" in text
        for tonight in ("הלילה", "tonight", "الليلة", "сегодня ночью"):
            assert tonight not in text, (channel, tonight)


def test_he_night_wording_says_call_again() -> None:
    incident = parse_incident(moved_to(IDENTIFIED, SUN_0115), str(IDENTIFIED))
    message = render(incident, languages=["he"], channels=["ivr"])["he", "ivr"]
    assert message.stats["short"] == 6
    assert "בעניין התקלה אין צורך להתקשר שוב." in strip_controls(message.text)


@pytest.mark.parametrize("when", SWEEP_TIMES)
def test_he_ivr_within_budget_at_every_time(when: tuple[int, int, int]) -> None:
    incident = parse_incident(moved_to(IDENTIFIED, when), str(IDENTIFIED))
    assert render(incident, languages=["he"], channels=["ivr"])["he", "ivr"].stats[
        "seconds"] <= 45
