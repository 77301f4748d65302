"""Session 20, idle direction marks: the windowed check gives the full algorithm's result, and
the bulk SMS drops them per recipient exactly as the render path does, whatever the name."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisiscomms.bulk.personalise import Personaliser
from crisiscomms.bulk.recipients import Recipient, check_rows
from crisiscomms.samples import load_example
from crisiscomms.text import bidi_marks
from crisiscomms.text.bidi import LRM, RLM, isolate
from crisiscomms.text.bidi_marks import SLOT, drop_idle_marks

PIECES = ["א", "ב", "ש", "a", "Z", "1", "2", "0", "٣", "ب", " ", " ", ".", ",", ":", "-", "+",
          "/", "%", "*", "#", "₪", "'", "(", ")", "[", "]", "\u05b8", LRM, RLM, LRM, RLM]
"""Hebrew, Latin, European and Arabic-Indic digits, an Arabic letter, spaces, separators and
terminators, brackets, a vowel point (NSM) and the marks themselves."""


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_window_gives_the_full_algorithms_result(text: str) -> None:
    if not {LRM, RLM} & set(text):
        text += RLM
    assert bidi_marks._drop_windowed(text) == bidi_marks._drop_full(text)


@given(st.lists(st.sampled_from(["שלום", "Dana", "17:00", "*2040", "(", ")", " ", ". ",
                                 "status.example", "-", "3"]), max_size=14).map("".join))
@settings(max_examples=300, deadline=None)
def test_isolated_values_window_equals_full(words: str) -> None:
    text = "".join(isolate(w, "marks") if w.strip() and not w.startswith("ש") else w
                   for w in words.split(" ")) + RLM
    assert bidi_marks._drop_windowed(text) == bidi_marks._drop_full(text)


def test_embeddings_take_the_full_algorithm() -> None:
    text = f"שלום \u2066{LRM}Dana{LRM}{RLM}\u2069, תקלה"
    assert drop_idle_marks(text) == bidi_marks._drop_full(text)


def test_a_line_holding_a_bulk_slot_keeps_its_marks() -> None:
    line = f"שלום {SLOT}0\ue001\u2069{LRM}{RLM}, צפי: {isolate('17:00', 'marks')}."
    other = f"צפי: {isolate('17:00', 'marks')}."
    assert drop_idle_marks(f"{line}\n{other}") == f"{line}\nצפי: 17:00."


@cache
def _run(example: str) -> Personaliser:
    return Personaliser(load_example(example))


NAMES = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
                min_size=1, max_size=30)
"""Names of every script: letters, digits, punctuation and symbols of any block."""


@pytest.mark.parametrize("example", ["identified", "resolved", "compensation"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.one_of(NAMES, st.sampled_from(["Dana", "דנה", "Dana 3", "3", "*2040", "(Dana)",
                                               "Zoë-Łukasz", "محمد", "Иван 2", "A" * 120])))
def test_the_bulk_sms_equals_the_render_path(example: str, name: str) -> None:
    run = _run(example)
    row = {"id": "r1", "channel": "sms", "address": "+972501234567", "language": "he",
           "name": name}
    [recipient] = check_rows([(1, row)], languages=("he", "en"))
    if not isinstance(recipient, Recipient):
        return  # refused (a control character): the render path never sees it
    joined = run.one(recipient)
    direct = run.render_for("he", "sms", recipient.values)
    assert joined.text == direct.text, name
    assert (joined.encoding, joined.segments) == (direct.stats["encoding"],
                                                  direct.stats["segments"]), name
    again = run.one(recipient)  # the remembered line gives the same message
    assert again == joined


@pytest.mark.parametrize("names", [("Dana", "Yoav"), ("Dana 3", "Yoav 7"), ("(Dana)", "[Yoav]"),
                                   ("3 Dana", "7 Yoav"), ("דנה", "محمد"), ("Dana ", "Yoav!")])
def test_names_of_one_shape_share_the_answer_and_stay_exact(names: tuple[str, str]) -> None:
    run = Personaliser(load_example("identified"))
    for number, name in enumerate(names * 2):
        row = {"id": f"r{number}", "channel": "sms", "address": "+972501234567",
               "language": "he", "name": name}
        [recipient] = check_rows([(1, row)], languages=("he", "en"))
        assert isinstance(recipient, Recipient)
        assert run.one(recipient).text == run.render_for("he", "sms", recipient.values).text
