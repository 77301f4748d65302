"""Session 23 (helper said23): the IVR never speaks the incident's `workaround_short`.

The short form is a screen label written for SMS and banners ("Bill by email: text BILL to
2040", "Счёт на почту: SMS BILL на 2040"); read out after "Meanwhile," it is not a sentence
(readings 21 L2/L3 and 22 N4). Every IVR wording says the whole workaround or none; when the
workaround has a short form it stays through wording 7: 6 drops the hold line's reason, 7
also the chat out of phone hours (f.contact.phone_closed_alone) and the Arabic opener, to make
room within 45 s (also for a late statement that moves the estimate to tomorrow, which s20
ivr20c had said with the label).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.loading import load_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import SWEEP_TIMES, moved_to
from .journal_states import BASE, state

ROOT = Path(__file__).resolve().parent.parent
FILES = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "examples").glob("*.yaml"))
         + sorted((ROOT / "tests/data/hard").glob("*.yaml"))
         if "workaround_short" in yaml.safe_load(p.read_text(encoding="utf-8"))]
TAG = re.compile(r"<[^>]+>")


def _said(output: str) -> str:
    """Text or SSML as words: no tags, no bidi controls, one space, lower case."""
    return " ".join(strip_controls(TAG.sub(" ", output)).split()).lower()


def _label_heard(label: str, message: Any) -> list[str]:
    """Where the short label is said: the whole label in the text; its first three words in
    the SSML (which may speak its digits as words)."""
    whole = " ".join(label.rstrip(".").split()).lower()
    opening = " ".join(whole.split()[:3])
    found = []
    if whole in _said(message.text):
        found.append("text")
    if opening in _said(message.ssml or ""):
        found.append("ssml")
    return found


def _labels(path: str) -> dict[str, str]:
    raw = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    # A short form that is the whole workaround (overnight ar, reading 53 AR-2) is no label:
    # the IVR says it as the whole sentence.
    labels: dict[str, str] = {lang: label for lang, label in raw["workaround_short"].items()
                              if label != raw["workaround"].get(lang)}
    return labels


def test_the_examples_with_a_short_form_are_swept() -> None:
    assert {"examples/identified.yaml", "examples/overnight.yaml"} <= set(FILES)


@pytest.mark.parametrize(("path", "when"), list(itertools.product(FILES, SWEEP_TIMES)))
def test_no_ivr_speaks_the_short_label(path: str, when: tuple[int, int, int]) -> None:
    labels = _labels(path)
    for no_eta in (False, True):
        data = moved_to(ROOT / path, when, no_eta)
        bundle = render(parse_incident(data, path), languages=tuple(labels),
                        channels=("ivr",))
        for lang, label in labels.items():
            message = bundle[lang, "ivr"]
            where = (path, when, no_eta, lang)
            assert _label_heard(label, message) == [], (*where, message.text)
            assert float(message.stats["seconds"]) <= 45, where
            # The whole workaround is kept (wording 8 drops it).
            assert message.stats["short"] <= 7, (*where, message.text)


@pytest.mark.parametrize("path", FILES)
def test_no_ivr_wording_level_speaks_the_short_label(path: str) -> None:
    ts = template_set(None)
    incident = load_incident(ROOT / path)
    for lang, label in _labels(path).items():
        language = ts.language(lang)
        facts = build_facts(incident, ts.config, language, lang, None)
        for level in range(CHANNELS["ivr"].short_wording + 1):
            message = _render_one(ts, incident, lang, "ivr", {}, facts, language, {},
                                  level=level)
            assert _label_heard(label, message) == [], (path, lang, level, message.text)


def test_wording_seven_says_the_whole_workaround() -> None:
    data = moved_to(ROOT / "examples/identified.yaml", (4, 13, 0), no_eta=True)
    bundle = render(parse_incident(data, "identified.yaml"), languages=("en", "ru"),
                    channels=("ivr",))
    en, ru = (strip_controls(bundle[lang, "ivr"].text) for lang in ("en", "ru"))
    assert "To get your latest bill by email, text BILL to 2040." in en
    assert "Meanwhile, bill by email" not in en
    assert ("Чтобы получить последний счёт по электронной почте, отправьте SMS со словом BILL"
            " на номер 2040." in ru)
    assert "А пока — счёт на почту" not in ru


def test_the_late_statement_that_moves_the_estimate_keeps_the_whole_workaround() -> None:
    # s20 ivr20c's case: the phone line is open, so only the hold line's reason (and the
    # Arabic opener) make room; English, Arabic and Russian used to say the label here.
    previous = state(0)
    current = state(70, eta=(BASE + dt.timedelta(hours=26)).isoformat())
    langs = ("he", "en", "ar", "ru")
    bundle = render(current, previous=previous, languages=langs, channels=("ivr",))
    for lang in langs:
        message = bundle[lang, "ivr"]
        label = str(current.workaround_short[lang])  # type: ignore[index]
        assert _label_heard(label, message) == [], (lang, message.text)
        assert message.stats["seconds"] <= 45 and message.stats["short"] <= 7, lang
        assert "2040" in message.text
    en = strip_controls(bundle["en", "ivr"].text)
    assert "To get your latest bill by email, text BILL to 2040." in en
    assert en.rstrip().endswith("No need to hold for this problem. For anything else, stay on "
                                "the line.")
