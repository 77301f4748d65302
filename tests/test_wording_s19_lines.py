"""Session 19: a script or message never runs two sentences together ("patience.Calling",
"הסבלנות.בעניין"): a template's optional end of line must not swallow the line break."""

from __future__ import annotations

import re

import pytest

from crisiscomms import render
from crisiscomms.samples import changed_example, load_example

NAMES = ("identified", "investigating", "monitoring", "overnight", "resolved", "compensation")
# A sentence end followed at once by a capital Latin letter or a letter of a script without
# case; host names ("status.netivim.example") are lower-case Latin and never match.
RUN_ON = re.compile(r"[^\W\d_][.!?؟:](?:[A-ZА-Я]|[\u0590-\u05ff\u0600-\u06ff])")


def _texts() -> list[object]:
    previous, current = changed_example()
    bundles = [("changed", render(current, previous=previous, languages=["he", "en", "ar", "ru"]))]
    bundles += [(name, render(load_example(name), languages=["he", "en", "ar", "ru"]))
                for name in NAMES]
    return [pytest.param(m.text, m.subject or "", id=f"{name}-{m.language}-{m.channel}")
            for name, bundle in bundles for m in bundle]


@pytest.mark.parametrize(("text", "subject"), _texts())
def test_no_two_sentences_run_together(text: str, subject: str) -> None:
    plain = re.sub("[\u2066-\u2069\u200e\u200f]", "", text + "\n" + subject)
    assert not RUN_ON.findall(plain)
