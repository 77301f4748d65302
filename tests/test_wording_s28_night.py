"""Session 24, reading 28 (helper night): the IVR out of phone hours around midnight.

HE-6, EN-4, AR-4, RU-4: a recording made at 23:50 plays until the 00:40 update, so its
"tomorrow" ("מחר", "غدًا", "завтра") names Saturday after midnight, when the line is closed.
When the next update (else the estimate) falls on a later date than the statement, the IVR's
phone hours name the weekday; otherwise "today"/"tomorrow" stay.
EN-5: out of phone hours the IVR says "No need to call about this problem", never the hold
line ("No need to hold: every request is recorded"; ar "الانتظار", ru "Ждать оператора").
AR-4: Arabic speech says 00:00-01:59 "بعد منتصف الليل" and "فجرًا" only from 02:00, and a
dated night ("بعد منتصف ليل السبت") does not say the night twice.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms import Incident, parse_incident, render
from crisiscomms.facts import build_facts
from crisiscomms.messages import Message
from crisiscomms.render import template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.speech import spoken_time

from .example_edits import moved_to

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("he", "en", "ar", "ru")
THU_2350 = (3, 23, 50)   # Thursday 26 November 2026, 23:50: next update 00:40 on Friday
FRI_0200 = (4, 2, 0)     # Friday 27 November 2026, 02:00: next update 02:50 the same day
SAT_2240 = (5, 22, 40)   # Saturday 28 November 2026, 22:40: next update 23:30 the same day
SUN_0115 = (6, 1, 15)    # Sunday 29 November 2026, 01:15

FRIDAY = {"he": "זמין ביום שישי מ-08:00 עד 13:00", "en": "call back on Friday, 08:00 to 13:00",
          "ar": "اتصلوا بنا يوم الجمعة، من 08:00 حتى 13:00",
          "ru": "звоните нам в пятницу, с 08:00 до 13:00"}
FRIDAY_SAID = {"he": "זמין ביום שישי משמונה בבוקר", "en": "call back on Friday, eight a.m.",
               "ar": "اتصلوا بنا يوم الجمعة، من الثامنة صباحًا",
               "ru": "звоните нам в пятницу, с восьми утра"}
NEAR = {"he": ("מחר", "היום"), "en": ("tomorrow", "today"), "ar": ("غدًا", "اليوم"),
        "ru": ("завтра", "сегодня,")}
HOLD = {"en": "No need to hold", "ar": "الانتظار", "ru": "Ждать оператора"}
# English: the whole line, or its trim "We know about this problem." (reading 53 EN-1: the old
# trim "No need to call about this problem." alone gave no reason).
NO_CALL = {"he": "אין צורך להתקשר שוב", "en": "about this problem",
           "ar": "لا داعي للاتصال بشأن", "ru": "По этому сбою звонить не нужно"}


def _ivr(name: str, when: tuple[int, int, int]) -> tuple[Incident, dict[str, tuple[str, str]]]:
    path = ROOT / "examples" / f"{name}.yaml"
    incident = parse_incident(moved_to(path, when), str(path))
    bundle = render(incident, languages=LANGS, channels=("ivr",))
    for lang in LANGS:
        assert float(bundle[lang, "ivr"].stats["seconds"]) <= 45, (name, when, lang)
    return incident, {lang: _both(bundle[lang, "ivr"]) for lang in LANGS}


@pytest.mark.parametrize("name", ["overnight", "identified"])
def test_a_recording_heard_after_midnight_names_the_weekday(name: str) -> None:
    _, out = _ivr(name, THU_2350)
    for lang in LANGS:
        text, said = out[lang]
        assert FRIDAY[lang] in text, (lang, text)
        assert FRIDAY_SAID[lang] in said, (lang, said)
        tomorrow = NEAR[lang][0]
        assert tomorrow not in text and tomorrow not in said, (lang, text)


def test_the_next_opening_alone_names_the_weekday_too() -> None:
    # f.contact.phone_closed_next, the IVR's last wordings ("call back on Friday from 08:00").
    path = ROOT / "examples" / "identified.yaml"
    ts = template_set(None)
    for when, en, ru in ((THU_2350, "call back on Friday from 08:00", "нам в пятницу с 08:00"),
                         (SAT_2240, "call back tomorrow from 08:00", "нам завтра с 08:00")):
        incident = parse_incident(moved_to(path, when), str(path))
        for lang, expected in (("en", en), ("ru", ru)):
            contact = build_facts(incident, ts.config, ts.language(lang), lang, None)["contact"]
            assert expected in str(contact["phone_closed_next"]), (when, lang)


@pytest.mark.parametrize("name", ["overnight", "identified"])
def test_a_recording_in_the_small_hours_names_the_weekday(name: str) -> None:
    # Reading 30 en-12, HE-13, RU-12: at 02:00 many still count the day just ended as
    # "today", so the line's opening that morning is said by its weekday (once "today").
    _, out = _ivr(name, FRI_0200)
    for lang in LANGS:
        last = out[lang][0].split("\n")[-1]
        assert NEAR[lang][1] not in last, (lang, out[lang][0])
        if name == "overnight":
            assert FRIDAY[lang] in last, (lang, last)


@pytest.mark.parametrize("name", ["overnight", "identified"])
@pytest.mark.parametrize("when", [None, THU_2350, FRI_0200, SAT_2240, SUN_0115])
def test_out_of_phone_hours_no_hold_line(name: str, when: tuple[int, int, int] | None) -> None:
    if when is None and name == "identified":
        return  # shipped identified is inside the hours
    out = _shipped(name) if when is None else _ivr(name, when)[1]
    for lang in LANGS:
        text, said = out[lang]
        assert NO_CALL[lang] in text and NO_CALL[lang] in said, (name, when, lang, text)
        if lang in HOLD:
            assert HOLD[lang] not in text and HOLD[lang] not in said, (name, when, lang)


def _shipped(name: str) -> dict[str, tuple[str, str]]:
    bundle = render(load_example(name), languages=LANGS, channels=("ivr",))
    return {lang: _both(bundle[lang, "ivr"]) for lang in LANGS}


def _both(message: Message) -> tuple[str, str]:
    said = " ".join(re.sub(r"<[^>]+>", " ", strip_controls(message.ssml or "")).split())
    return strip_controls(message.text or ""), said


@pytest.mark.parametrize(("clock", "part"), [
    (dt.time(0, 40), "الثانية عشرة وأربعين دقيقة بعد منتصف الليل"),
    (dt.time(1, 15), "الواحدة والربع بعد منتصف الليل"),
    (dt.time(2, 0), "الثانية فجرًا"),
    (dt.time(4, 50), "فجرًا"),
])
def test_ar_small_hours(clock: dt.time, part: str) -> None:
    said = spoken_time(clock, "ar")
    assert part in said
    if clock.hour < 2:
        assert "فجر" not in said


def test_ar_ivr_after_midnight_and_a_dated_night_said_once() -> None:
    _, out = _ivr("overnight", THU_2350)
    assert "الساعة الثانية عشرة وأربعين دقيقة بعد منتصف الليل" in out["ar"][1]
    assert "فجرًا" not in out["ar"][1].split("الثانية عشرة وأربعين")[1][:20]
    _, done = _ivr("resolved", SUN_0115)
    said = done["ar"][1]
    assert "الساعة الواحدة بعد منتصف ليل السبت" in said, said
    assert "بعد منتصف الليل بعد منتصف" not in said
