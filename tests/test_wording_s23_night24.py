"""Session 23, the night said once (helper night24; reading 24 A1, N1, N2, A3 and the ru nit).

A1: ar IVR at 01:15 said "الليلة الساعة الرابعة وخمس دقائق صباحًا" beside "…الثانية وخمس دقائق
فجرًا": the night's part of the day runs to ``[day] morning_from`` (05:00), in ar and ru.
N1: he "בליל שבת–ראשון" reads as Friday night: "בלילה שבין שבת לראשון".
N2: the banner said the same night twice at its full wording: one day or night is said once
at every level.
A3: he/ar social at 22:40 said "today at 23:30" beside "tonight at 01:30": an evening time
from ``[day] evening_from`` is "tonight" too, as in en.
ru nit: the start in the same night is named as the night, as the estimate beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.config import load_language
from crisiscomms.loading import parse_incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .example_edits import moved_to
from .test_wording_s23_ivrday import _said

ROOT = Path(__file__).resolve().parent.parent
IDENTIFIED = ROOT / "examples" / "identified.yaml"
SAT_2240 = (5, 22, 40)   # Saturday 28 November 2026, 22:40: ETA 01:30, next update 23:30
SUN_0115 = (6, 1, 15)    # Sunday 29 November 2026, 01:15: ETA 04:05, next update 02:05


def _text(when: tuple[int, int, int], lang: str, channel: str) -> str:
    incident = parse_incident(moved_to(IDENTIFIED, when), str(IDENTIFIED))
    message = render(incident, languages=[lang], channels=[channel])[lang, channel]
    return strip_controls(message.text)


def test_ar_ivr_says_both_night_times_as_dawn() -> None:
    said = _said(SUN_0115, "ar")
    assert "الليلة الساعة الرابعة وخمس دقائق فجرًا" in said
    assert "الليلة الساعة الثانية وخمس دقائق فجرًا" in said
    assert "دقائق صباحًا" not in said


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_the_night_part_of_the_day_runs_to_the_morning(lang: str) -> None:
    language = load_language(ROOT / "templates", lang)
    morning = language.day.morning_from

    def part(hour: int) -> str:
        return next(p.words for p in language.speech.day_parts if p.covers(hour))

    assert part(morning - 1) != part(morning) or lang == "en"
    assert part(morning) == part(11)


def test_he_night_is_the_night_between_its_days() -> None:
    page = _text(SUN_0115, "he", "status_page")
    assert "בלילה שבין שבת לראשון (28–29 בנובמבר), בשעה 04:05" in page
    assert "ליל " not in page


@pytest.mark.parametrize(("lang", "night"), [
    ("he", "בלילה שבין שבת לראשון"),
    ("en", "in the early hours of Sunday"),
    ("ar", "بعد منتصف ليل"),
    ("ru", "в ночь на воскресенье"),
])
def test_banner_says_the_night_once(lang: str, night: str) -> None:
    banner = _text(SUN_0115, lang, "banner")
    assert banner.lower().count(night.lower()) == 1, banner
    assert "04:05" in banner and "02:05" in banner


@pytest.mark.parametrize(("lang", "tonight", "today"), [
    ("he", "הלילה בשעה 23:30", "היום"),
    ("ar", "الليلة الساعة 23:30", "اليوم"),
])
def test_social_evening_time_is_tonight(lang: str, tonight: str, today: str) -> None:
    post = _text(SAT_2240, lang, "social")
    assert tonight in post, post
    assert today not in post


def test_ru_start_in_the_same_night_is_named_as_the_night() -> None:
    for channel in ("status_page",):
        text = _text(SUN_0115, "ru", channel)
        assert "в ночь на воскресенье, 29 ноября, в 00:10" in text, text
        assert "воскресенье, 29 ноября, в 00:10" not in text.replace("в ночь на воскресенье", "")


def test_a_resolved_incident_with_its_old_estimate_renders_the_banner() -> None:
    # CI on d2ff7bb (hypothesis): with the day said once at every level, a resolved incident
    # that kept its estimate had no next update to compare ("'None' has no attribute 'date'").
    resolved = load_example("resolved")
    incident = resolved.model_copy(update={"eta": resolved.resolved_at})
    bundle = render(incident, languages=["he", "en", "ar", "ru"], channels=["banner"])
    assert all(bundle[lang, "banner"].text for lang in ("he", "en", "ar", "ru"))
