"""Session 23, the compensation's last day with its year (helper arcomp23, issue 11 point 9).

The compensation is one complete fact, identical on every channel, its expiry with the year. The
Arabic IVR said the last day without it when it fell this year ("حتى 31 ديسمبر", spoken "حتى
الحادي والثلاثين من ديسمبر", f.compensation.this_year) while he/en/ru said "31 בדצמבר 2026" /
"31 December 2026" / "31 декабря 2026 года" and the Arabic SMS "31.12.2026". Now every wording
says the year ("حتى الحادي والثلاثين من ديسمبر عام ألفين وستة وعشرين"); the last wordings
make the room with the short greeting ("مرحبًا بكم في نتيفيم") and the day of the restoration
without its weekday.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.loading import load_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.speech import spoken_date

from .example_edits import SWEEP_TIMES, moved_to, written

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "examples" / "compensation.yaml", ROOT / "tests" / "data" / "hard" / "voucher.yaml"]
LANGS = ("he", "en", "ar", "ru")
TAGS = re.compile(r"<[^>]+>")


def _year_missing(text: str, last: dt.date, locale: str) -> list[str]:
    """Every place ``text`` writes the compensation's last day without its year."""
    days = {str(format_date(last, pattern, locale=locale)) for pattern in ("d MMMM", "d MMM")}
    days.add(f"{last.day}.{last.month}")
    days.add(f"{last.day:02d}.{last.month:02d}")
    missing = []
    for day in days:
        for hit in re.finditer(rf"(?<![\w.]){re.escape(day)}(?![\w])", text):
            after = text[hit.end():hit.end() + 8]
            if not re.match(rf"[.\s]*{last.year}", after):
                missing.append(text[max(0, hit.start() - 30):hit.end() + 15])
    return missing


def _mentions(text: str, percent: int) -> bool:
    return re.search(rf"(?<!\d){percent}\s?%", text) is not None


def _check(bundle: Bundle, last: dt.date, percent: int, where: str) -> int:
    """Every message of ``bundle`` that states the compensation states its last day with the
    year, as written and, for the IVR, as spoken; the number of messages checked."""
    ts = template_set(None)
    checked = 0
    for message in bundle.messages:
        lang, channel = message.language, message.channel
        text = written(bundle, lang, channel)
        if not _mentions(text, percent):
            continue
        checked += 1
        language = ts.language(lang)
        assert not _year_missing(text, last, language.locale), (where, lang, channel, text)
        assert re.search(rf"(?<!\d){last.day}(?!\d)", text), (where, lang, channel, text)
        if channel == "ivr":
            said = " ".join(TAGS.sub(" ", strip_controls(message.ssml or "")).split())
            assert spoken_date(last, language.speech, with_year=True) in said, (
                where, lang, said)
    return checked


def _langs(data: dict[str, Any]) -> list[str]:
    return [lang for lang in LANGS if lang in data["title"]]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_channel_states_the_expiry_year(path: Path) -> None:
    incident = load_incident(path)
    comp = incident.compensation
    assert comp is not None and comp.valid_until is not None
    langs = [lang for lang in LANGS if lang in incident.title.model_dump()]
    bundle = render(incident, languages=tuple(langs))
    # Every customer channel and the talking points say it, in every language.
    assert _check(bundle, comp.valid_until, comp.percent, path.stem) >= 7 * len(langs)


@pytest.mark.parametrize("when", SWEEP_TIMES)
def test_every_statement_time_states_the_expiry_year(when: tuple[int, int, int]) -> None:
    path = FILES[0]
    data = moved_to(path, when)
    incident = parse_incident(data, str(path))
    comp = incident.compensation
    assert comp is not None and comp.valid_until is not None
    bundle = render(incident, languages=tuple(_langs(data)))
    assert _check(bundle, comp.valid_until, comp.percent, str(when)) >= 7 * len(_langs(data))
    for lang in _langs(data):
        assert bundle[lang, "ivr"].stats["seconds"] <= 45, (when, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_ivr_wording_says_the_year(lang: str) -> None:
    """Every wording of the IVR, not only the one sent: the year is never what makes room."""
    ts = template_set(None)
    incident = load_incident(FILES[0])
    comp = incident.compensation
    assert comp is not None and comp.valid_until is not None
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    spoken = spoken_date(comp.valid_until, language.speech, with_year=True)
    for level in range(CHANNELS["ivr"].short_wording + 1):
        m = _render_one(ts, incident, lang, "ivr", {}, facts, language, {}, level=level)
        text = strip_controls(m.text)
        assert not _year_missing(text, comp.valid_until, language.locale), (level, text)
        said = " ".join(TAGS.sub(" ", strip_controls(m.ssml or "")).split())
        assert spoken in said, (level, said)


def test_arabic_ivr_sent_says_the_whole_fact_with_its_year() -> None:
    """The Arabic IVR sent keeps how the voucher arrives ("دون الحاجة إلى التواصل معنا", as
    he/en/ru do) and says the year, under 45 s."""
    incident = load_incident(FILES[0])
    bundle = render(incident, languages=("ar",), channels=("ivr",))
    text = strip_controls(bundle["ar", "ivr"].text)
    said = TAGS.sub("", strip_controls(bundle["ar", "ivr"].ssml or ""))
    # s25 (reading 30 AR-14): the route and the last day, in the short form with the year.
    # s27 (reading 46 AR-1): one sentence, the dates by month name.
    assert "ستصلكم تلقائيًا برسالة نصية بحلول السبت 28 نوفمبر" in text
    assert "سارية حتى 31 ديسمبر 2026." in text
    assert "حتى الحادي والثلاثين من ديسمبر عام ألفين وستة وعشرين" in said
    assert bundle["ar", "ivr"].stats["seconds"] <= 45
