"""Natural Hebrew and English phrasing: durations that never understate, the dual forms, the
prefix hyphen before Latin letters and digits, and plural() by CLDR category."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.cli import main
from crisiscomms.config import Language, default_templates_dir, load_language
from crisiscomms.facts import duration
from crisiscomms.render import template_set
from crisiscomms.samples import example_path
from crisiscomms.text.bidi import strip_controls

from .test_bidi_display import READY

HE = load_language(default_templates_dir(), "he")
EN = load_language(default_templates_dir(), "en")
DAY = 24 * 60

_HE_WORDS = {"דקה": 1, "שתי דקות": 2, "שעה": 60, "שעתיים": 120, "יום": DAY, "יומיים": 2 * DAY,
             "רבע": 15, "חצי": 30}
_HE_UNITS = {"דקות": 1, "שעות": 60, "ימים": DAY}
# Small counts in words, in both genders ("שלוש דקות", "חמישה ימים").
_HE_COUNTS = {word: int(n) for gender in HE.counts.values() for n, word in gender.items()}
_EN_UNITS = {"minute": 1, "hour": 60, "day": DAY}
# "a minute", "an hour", and small counts in words ("three minutes").
_EN_COUNTS = {"a": 1, "an": 1} | {word: int(n) for n, word in EN.counts.get("f", {}).items()}


def he_minutes(text: str) -> int:
    """Read a Hebrew duration back as minutes ('שעתיים ו-50 דקות' is 170)."""
    total = 0
    for part in re.split(r",\s*|\s+ו-?", strip_controls(text).strip()):
        if part in _HE_WORDS:
            total += _HE_WORDS[part]
            continue
        match = re.fullmatch(r"(\d+|\w+) (דקות|שעות|ימים)", part)
        assert match, f"not a Hebrew duration part: {part!r} in {text!r}"
        count = match.group(1)
        number = int(count) if count.isdigit() else _HE_COUNTS[count]
        total += number * _HE_UNITS[match.group(2)]
    return total


def en_minutes(text: str) -> int:
    """Read an English duration back as minutes ('two hours and 50 minutes' is 170)."""
    total = 0
    for part in re.split(r",? and |, ", text.strip()):
        match = re.fullmatch(r"(\d+|[a-z]+) (minute|hour|day)s?", part)
        assert match, f"not an English duration part: {part!r} in {text!r}"
        count = match.group(1)
        number = int(count) if count.isdigit() else _EN_COUNTS[count]
        assert (number == 1) == (not part.endswith("s")), f"wrong plural: {part!r}"
        total += number * _EN_UNITS[match.group(2)]
    return total


def phrase(minutes: int, language: Language, lang: str) -> str:
    return strip_controls(str(duration(minutes, language, lang)))


# --- durations ---------------------------------------------------------------------------

@pytest.mark.parametrize(("minutes", "expected"), [
    (1, "דקה"), (2, "שתי דקות"), (3, "שלוש דקות"), (10, "עשר דקות"), (11, "11 דקות"),
    (59, "59 דקות"), (60, "שעה"), (61, "שעה ודקה"), (63, "שעה ושלוש דקות"),
    (75, "שעה ורבע"), (90, "שעה וחצי"), (120, "שעתיים"), (150, "שעתיים וחצי"),
    (170, "שעתיים וחמישים דקות"), (180, "שלוש שעות"), (DAY, "24 שעות"),
    (6 * 60 + 20, "שש שעות ועשרים דקות"), (6 * 60 + 23, "6 שעות ו-23 דקות"),
    (DAY + 10, "24 שעות ו-10 דקות"),  # one count in digits: all in digits
    (35 * 60 + 40, "35 שעות ו-40 דקות"),  # not "יום ו-12 שעות"
    (2 * DAY, "יומיים"), (2 * DAY + 1, "יומיים ודקה"),  # not "יומיים ושעה"
    (2 * DAY + 61, "יומיים, שעה ודקה"), (3 * DAY, "שלושה ימים"), (5 * DAY, "חמישה ימים"),
    (2 * DAY - 59, "47 שעות ודקה"),
])
def test_hebrew_durations(minutes: int, expected: str) -> None:
    assert phrase(minutes, HE, "he") == expected


@pytest.mark.parametrize(("minutes", "expected"), [
    (1, "a minute"), (2, "two minutes"), (60, "an hour"), (61, "an hour and a minute"),
    (120, "two hours"), (170, "two hours and 50 minutes"), (DAY, "24 hours"),
    (DAY + 10, "24 hours and 10 minutes"), (35 * 60 + 40, "35 hours and 40 minutes"),
    (2 * DAY, "two days"), (2 * DAY + 1, "two days and a minute"),
])
def test_english_durations(minutes: int, expected: str) -> None:
    assert phrase(minutes, EN, "en") == expected


@given(st.integers(0, 20 * DAY))
def test_durations_are_exact(minutes: int) -> None:
    for language, lang, read in ((HE, "he", he_minutes), (EN, "en", en_minutes)):
        assert read(phrase(minutes, language, lang)) == max(minutes, 1), (lang, minutes)
        hours = strip_controls(str(duration(minutes, language, lang, hours=True)))
        assert read(hours) == max(minutes, 1), (lang, minutes)
        assert "ימים" not in hours and "יום" not in hours and "day" not in hours


# --- rendered messages -------------------------------------------------------------------

BASE: dict[str, Any] = yaml.safe_load(example_path("identified").read_text("utf-8"))
START = dt.datetime(2026, 11, 22, 13, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
# Machine-made Hebrew: "1 שעה", "יום 1", "2 שעות" (the dual is שעתיים), "1 דקות".
MACHINE = re.compile(r"(?<![\d.,:])[12] (?:שעה|שעות|דקה|דקות|יום|ימים)(?![\w])"
                     r"|(?:שעה|דקה|יום) 1(?![\d.,:])")


def he_outputs(bundle: Bundle) -> list[str]:
    return [strip_controls(text) for m in bundle if m.language == "he"
            for name, text in m.outputs().items() if name != "ssml"]


@st.composite
def timed_incidents(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    """The 'identified' wording at drawn times, and the outage's length in minutes so far."""
    data = dict(BASE)
    length = draw(st.integers(0, 6 * DAY))
    end = START + dt.timedelta(minutes=length, seconds=draw(st.sampled_from([0, 1, 59])))
    data["started_at"] = START.isoformat()
    data["internal"] = {**BASE["internal"], "backlog": {
        "open_contacts": 10, "oldest_open_at": START.isoformat()}}
    if draw(st.booleans()):
        data.update(status="resolved", resolved_at=end.isoformat(), next_update_at=None,
                    eta=None, updated_at=(end + dt.timedelta(minutes=5)).isoformat())
    else:
        data.update(updated_at=end.isoformat(), next_update_at=(
            end + dt.timedelta(minutes=30)).isoformat(), eta=(
            end + dt.timedelta(minutes=draw(st.integers(0, 3 * DAY)))).isoformat())
    updated = dt.datetime.fromisoformat(data["updated_at"])
    data["updates"] = [u for u in BASE["updates"] if u["at"] <= updated]
    return data, math.ceil((end - START).total_seconds() / 60)


@given(timed_incidents())
def test_rendered_durations_read_naturally(case: tuple[dict[str, Any], int]) -> None:
    data, minutes = case
    bundle = render(parse_incident(data), channels=READY)
    for text in he_outputs(bundle):
        assert not MACHINE.search(text), MACHINE.search(text)
    if data["status"] == "resolved":
        he = strip_controls(bundle["he", "email"].text)
        en = bundle["en", "email"].text
        # s26: the length from the fault's start, "…, שעה לאחר תחילתה." ("לאחר שעה" was heard
        # as "in an hour").
        said_he = re.search(r"בשעה \d\d:\d\d, (.+?) לאחר תחילתה\.", he)
        said_en = re.search(r"after (.+?)\.", en)
        assert said_he and said_en
        for said in (he_minutes(said_he.group(1)), en_minutes(said_en.group(1))):
            assert said >= max(minutes, 1)


# --- the prefix hyphen -------------------------------------------------------------------

def with_services(*names: str) -> Bundle:
    data = dict(BASE)
    data["services"] = [{"id": f"s{i}", "name": {"he": name, "en": name}}
                        for i, name in enumerate(names)]
    return render(parse_incident(data), channels=READY)


@pytest.mark.parametrize(("services", "expected"), [
    (["האינטרנט הביתי", "TV"], "האינטרנט הביתי ו-TV"),
    (["הטלוויזיה", "5G"], "הטלוויזיה ו-5G"),
    (["האפליקציה", "האתר", "*2040"], "האפליקציה, האתר ו-*2040"),
    (["TV", "האינטרנט הביתי"], "TV והאינטרנט הביתי"),  # no hyphen before a Hebrew letter
    (["האפליקציה", "האתר"], "האפליקציה והאתר"),
])
def test_prefix_hyphen_in_service_lists(services: list[str], expected: str) -> None:
    bundle = with_services(*services)
    for channel in ("email", "banner", "talking_points", "ivr"):
        text = strip_controls(bundle["he", channel].text)
        if channel == "ivr":
            # The IVR's verb says its preposition before each service (s19 reading 7 D4); the
            # title ("תקלה בכניסה לאפליקציה") names the app, so the script says the others.
            beyond = services[1:] if services[0] == "האפליקציה" else services
            said = ", ".join("על " + name for name in beyond[:-1])
            said = f"{said} ועל {beyond[-1]}" if said else "על " + beyond[-1]
            assert said in text
            continue
        if channel == "banner" and services[0] == "האפליקציה":
            # The banner says only the services the title leaves out (s20 R8 ar M3).
            assert {"האפליקציה, האתר ו-*2040": "(גם האתר ו-*2040)",
                    "האפליקציה והאתר": "(גם האתר)"}[expected] in text
            continue
        assert expected in text, channel


def test_no_hyphen_in_english_lists() -> None:
    assert "the home internet and TV" in with_services("the home internet", "TV")[
        "en", "email"].text


# --- plural() ----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("he", 1, "one"), ("he", 2, "two"), ("he", 0, "other"), ("he", 3, "other"),
    ("he", 10, "other"), ("he", 20, "other"), ("he", 1.5, "other"),
    ("en", 1, "one"), ("en", 2, "other"), ("en", 0, "other"),
])
def test_plural_picks_cldr_category(lang: str, count: float, expected: str) -> None:
    env = template_set().environment(lang)
    template = env.from_string("{{ plural(n, one='one', two='two', other='other') }}")
    assert template.render(n=count) == expected


def test_plural_in_a_template(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    assert main(["init", str(folder)], out=io.StringIO()) == 0
    sms = folder / "he" / "sms.txt"
    sms.write_text(sms.read_text("utf-8") + "\n{{ plural(f.service_count, one='שירות אחד', "
                   "two='שני שירותים', other='{n} שירותים') }}\n", "utf-8")
    for count, expected in ((1, "שירות אחד"), (2, "שני שירותים"), (3, "3 שירותים")):
        data = dict(BASE)
        data["services"] = [{"id": f"s{i}", "name": {"he": f"שירות {'אבג'[i]}", "en": "x"}}
                            for i in range(count)]
        text = render(parse_incident(data), channels=["sms"], templates=folder)["he", "sms"].text
        assert text.endswith(expected)
