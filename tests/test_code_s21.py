"""Session 21 refactor (code21): the fill's length arithmetic in the sandbox, one reader of
``services[].short``. Behaviour only; the output is unchanged (the goldens pin it).

- ``fill(room)`` (:class:`crisiscomms.sandbox.Fill`) counts what a part adds and drops and keeps
  a part only while it fits: a filled social post never grows by more than the room it was
  given, in any of the four languages, at any wording;
- the social templates count no lengths themselves;
- one function gives each service by its short name, as pieces or as names.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from crisiscomms.config import default_templates_dir
from crisiscomms.facts import _by_short_name, build_facts
from crisiscomms.samples import example_names, load_example
from crisiscomms.sandbox import Fill
from crisiscomms.text.weighted import weighted_length

render_module = importlib.import_module("crisiscomms.render")

LANGS = ("he", "en", "ar", "ru")
ROOMS = range(0, 151, 3)


def test_a_part_is_kept_only_while_it_fits() -> None:
    fit = Fill(10)
    assert fit.take("four")  # 4 of 10
    assert not fit.take("seven!!")  # 7 > 6 left: not kept, nothing spent
    assert fit.left == 6
    assert fit.take("a longer one", "a short", margin=1)  # 12 - 7 + 1 = 6
    assert fit.left == 0
    assert not fit.fits("")  # nothing left: nothing more is added, not even an empty part


def test_spare_room_counts_for_the_check_only_and_longer_needs_a_gain() -> None:
    fit = Fill(2)
    assert not fit.fits("abcd")
    assert fit.fits("abcd", spare=" xy")  # 4 <= 2 + 3
    assert not fit.take("same", "same", longer=True)  # adds nothing
    assert fit.give(" xy") and fit.left == 5
    fit.spend(["ab", None, "cd"], margin=1)
    assert fit.left == 0


def _cases() -> list[Any]:
    return [pytest.param(name, lang, id=f"{name}-{lang}")
            for name in example_names() for lang in LANGS]


@pytest.mark.parametrize(("name", "lang"), _cases())
def test_a_filled_post_grows_by_no_more_than_its_room(name: str, lang: str) -> None:
    incident = load_example(name)
    ts = render_module.template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    for short in range(3):
        def length(room: int, level: int = short) -> int:
            outputs, _ = render_module._render_outputs(ts, lang, "social", {}, facts, language,
                                                       {}, short=level, room=room)
            return weighted_length(outputs["text"])

        base = length(0)
        for room in ROOMS:
            assert length(room) - base <= room, (short, room)


def test_the_social_templates_count_no_lengths() -> None:
    for lang in LANGS:
        source = (Path(default_templates_dir()) / lang / "social.txt").read_text("utf-8")
        assert "|length" not in source and "fill(room)" in source, lang


def test_each_service_by_its_short_name_as_names_and_as_pieces() -> None:
    incident = load_example("identified")  # the account has a short name, the app none
    names = [s.name["en"] for s in incident.services]
    assert _by_short_name(incident, "en", names, str) == ["the mobile app", "the online account"]
    pieces = [object(), object()]
    got = _by_short_name(incident, "en", pieces, lambda text: text.upper())
    assert got is not None and got[0] is pieces[0] and got[1] == "THE ONLINE ACCOUNT"


def test_no_short_name_gives_none() -> None:
    incident = load_example("identified")
    plain = incident.model_copy(update={"services": tuple(
        s.model_copy(update={"short": None}) for s in incident.services)})
    assert _by_short_name(plain, "en", ["a", "b"], str) is None
