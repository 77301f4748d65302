"""Session 22, banner (helper banner22).

A time sweep moved every example and hard incident to eight statement times (Thursday night
to Sunday night) with and without its estimate: at night the call-centre banner said the
night's date twice ("Expected back at 01:50 on Friday 27 November (overnight from Thursday).
Next update at 00:50 on Friday 27 November (overnight from Thursday).") and went over its 300
characters in en, ar and ru. Two wordings more, each kept only when the one before is over:
3 says the day of the estimate and the next update once when they share it
(f.x.day_dated) and no estimate in short; 4 the status in short too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import render
from crisiscomms.facts import Atom, Phrase, dated_day
from crisiscomms.loading import parse_incident
from crisiscomms.render import template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import SWEEP_TIMES, moved_to

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "hard").glob("*.yaml"))
# Weekday (Monday 0) of the week of 23 November 2026, hour, minute.
TIMES = SWEEP_TIMES
# s25: the old-shaped fixture (its long title drives the shortest wordings these tests pin).
CC = ROOT / "tests" / "data" / "callcentre-s24-arru.yaml"






def _cases() -> list[Any]:
    cases = []
    for path in FILES:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        langs = ("he", "en") + (("ar", "ru") if "ar" in raw["title"] else ())
        variants = [False]
        if raw.get("eta") and raw["status"] in ("investigating", "identified"):
            variants.append(True)
        for when in TIMES:
            for no_eta in variants:
                cases.append(pytest.param(path, when, no_eta, langs,
                                          id=f"{path.stem}-{when[0]}.{when[1]:02}{when[2]:02}"
                                             f"{'-noeta' if no_eta else ''}"))
    return cases


@pytest.mark.parametrize(("path", "when", "no_eta", "langs"), _cases())
def test_banner_within_budget_at_every_time(path: Path, when: tuple[int, int, int],
                                            no_eta: bool, langs: tuple[str, ...]) -> None:
    incident = parse_incident(moved_to(path, when, no_eta), str(path))
    bundle = render(incident, languages=list(langs), channels=["banner"])
    errors = [(x.language, x.rule, x.message) for x in bundle.findings
              if x.severity == "error"]
    assert not errors


def _banner(lang: str, when: tuple[int, int, int], no_eta: bool = False) -> tuple[str, Any]:
    incident = parse_incident(moved_to(CC, when, no_eta), str(CC))
    message = render(incident, languages=[lang], channels=["banner"])[lang, "banner"]
    return strip_controls(message.text), message.stats


# s26: the day first, then both times after a colon (not "…, both on …", "…، وذلك …").
NIGHT = {"en": "In the early hours of Friday 27 November",
         "ar": "بعد منتصف ليل الخميس (فجر الجمعة 27 نوفمبر)"}
SAID_ONCE = {"en": ": next update at 00:50, expected back at 01:50.",
             "ar": ": التحديث القادم الساعة 00:50، والعودة المتوقعة الساعة 01:50."}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_night_is_said_once(lang: str) -> None:
    text, stats = _banner(lang, (3, 23, 50))
    # night24: said once at every level; s26 cc2 (reading 44 EN-2): the English one goes to the
    # shortest wording for the lost-email line; the Arabic one too since s27 (reading 46 AR-3).
    assert stats["short"] <= 4
    assert text.count(NIGHT[lang]) == 1
    assert NIGHT[lang] + SAID_ONCE[lang] in text


def test_said_once_ru() -> None:
    text, stats = _banner("ru", (6, 1, 15))
    assert stats["short"] <= 3  # night24: said once at every level
    assert ("В ночь на воскресенье, 29 ноября: следующее сообщение — в 02:15, ожидаемый срок "
            "восстановления — в 03:15.") in text


@pytest.mark.parametrize(("lang", "short"), [("en", "No estimate yet."),
                                             ("ar", "لا يوجد موعد متوقع بعد."),
                                             ("ru", "Срок восстановления пока неизвестен.")])
def test_no_estimate_in_short(lang: str, short: str) -> None:
    text, stats = _banner(lang, (6, 1, 15), no_eta=True)
    # night24; s26 cc2: the lost emails (ar: s27, reading 46 AR-3).
    assert stats["short"] <= (4 if lang in ("en", "ar") else 3)
    assert short in text


def test_status_in_short_last() -> None:
    """Saturday 22:40: the estimate is after midnight, the next update before it, so no day is
    said once; the Arabic status goes short instead."""
    text, stats = _banner("ar", (5, 22, 40))
    assert stats["short"] == 4
    # The services by their short names at the shortest wording (s23_short).
    # s26: "البريد الإلكتروني" in short, not "البريد" (the post).
    assert "(الهاتف والبريد الإلكتروني): قيد الإصلاح." in text
    assert "بعد منتصف ليل السبت (فجر الأحد 29 نوفمبر)" in text
    assert "يوم السبت 28 نوفمبر الساعة 23:40" in text


def test_same_date_other_forms_says_the_plain_day() -> None:
    """Friday 02:00: the next update at 03:00 is said as the night, the estimate at 05:00 (the
    morning, [day] morning_from; 04:00 is the night too since s23 ivrday) as Friday; both are
    on Friday 27 November, said plainly once."""
    data = moved_to(CC, (4, 2, 0))
    data["eta"] = "2026-11-27T05:00:00+02:00"
    text = strip_controls(render(parse_incident(data, str(CC)), languages=["ar"],
                                 channels=["banner"])["ar", "banner"].text)
    assert "يوم الجمعة 27 نوفمبر: التحديث القادم الساعة 03:00، والعودة المتوقعة الساعة 05:00." \
        in text


def test_dated_day() -> None:
    language = template_set(None).language("en")
    time, day = Atom("01:50", "01:50"), Atom("Friday", "Friday")
    got = dated_day(Phrase("at {time} on {weekday} (x)", (("time", time), ("weekday", day))),
                    language)
    assert got is not None and str(got) == "on Friday (x)"
    assert dated_day(Phrase("{weekday} {time}", (("time", time), ("weekday", day))),
                     language) is None
    ru = template_set(None).language("ru")
    got = dated_day(Phrase("{weekday}, {date}, в {time}", (
        ("weekday", day), ("date", Atom("27", "27")), ("time", time))), ru)
    assert got is not None and re.sub(r"\s+", " ", str(got)) == "Friday, 27"
