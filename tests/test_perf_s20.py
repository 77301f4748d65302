"""Session 20, rendering made faster: the optimised paths give what the straightforward ones
give (behaviour only, never timings).

- a wording ladder renders first only the outputs its budgets count (an IVR's SSML) and the
  rest for the wording it keeps;
- a template is looked up in Jinja once per bundle;
- the vocabulary that reads the organisation's phone is made once, so spoken texts are kept;
- where each piece of a mapping is found is worked out once per language and mapping.

The incidents: every example, and the hard incidents of the readings when they are on this
machine, in four languages.
"""

from __future__ import annotations

import contextlib
import importlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

from crisiscomms import render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import View, build_facts
from crisiscomms.loading import load_incident
from crisiscomms.messages import Bundle
from crisiscomms.model import Incident
from crisiscomms.samples import example_names, load_example
from crisiscomms.sandbox import BoundedSandbox, bundle_scope

render_module = importlib.import_module("crisiscomms.render")
facts_module = importlib.import_module("crisiscomms.facts")

HE_EN = ("he", "en")
AR_RU = ("ar", "ru")
# The hard incidents (a night ETA, a 35-hour outage, the call centre down, ...).
_HARD = Path(__file__).parent / "data" / "hard"
_HARD_HE_EN = sorted(p for p in _HARD.glob("*.yaml") if not p.stem.endswith("-arru"))
_HARD_AR_RU = sorted(_HARD.glob("*-arru.yaml"))
assert len(_HARD_HE_EN) == 8 and len(_HARD_AR_RU) == 3, "tests/data/hard is incomplete"


def _cases() -> Iterator[Any]:
    for name in example_names():
        yield pytest.param(name, HE_EN, id=f"{name}-he-en")
        yield pytest.param(name, AR_RU, id=f"{name}-ar-ru")
    for path in _HARD_HE_EN:
        yield pytest.param(str(path), HE_EN, id=f"{path.stem}-he-en")
    for path in _HARD_AR_RU:
        yield pytest.param(str(path), AR_RU, id=f"{path.stem}-ar-ru")


CASES = list(_cases())


def _incident(name: str) -> Incident:
    return load_incident(name) if name.endswith(".yaml") else load_example(name)


def _summary(bundle: Bundle) -> list[tuple[Any, ...]]:
    return [(m.language, m.channel, m.text, m.subject, m.html, m.ssml, m.stats, m.placed_in)
            for m in bundle]


def _straightforward(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every optimisation off: each wording rendered whole, each template looked up in Jinja,
    speech counted every time, each view working out where the pieces are by itself."""
    monkeypatch.setattr(render_module, "_budget_outputs", lambda *args: None)
    monkeypatch.setattr(render_module, "bundle_scope", contextlib.nullcontext)
    monkeypatch.setattr(render_module, "_seconds", render_module._seconds.__wrapped__)

    def where(self: View) -> dict[int, list[str]]:
        return facts_module._where(self._node, self._prefix)  # type: ignore[no-any-return]

    monkeypatch.setattr(View, "_where", where)


@pytest.mark.parametrize(("name", "langs"), CASES)
def test_optimised_bundle_is_the_straightforward_one(name: str, langs: tuple[str, ...],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    incident = _incident(name)
    fast = _summary(render(incident, languages=langs))
    with monkeypatch.context() as patch:
        _straightforward(patch)
        slow = _summary(render(incident, languages=langs))
    assert fast == slow


@pytest.mark.parametrize(("name", "langs"), CASES)
def test_each_ladder_keeps_the_first_wording_that_fits(name: str,
                                                       langs: tuple[str, ...]) -> None:
    """Linear over every wording, each rendered whole: the first within budget (else the
    shortest) is the wording the render kept."""
    incident = _incident(name)
    bundle = render(incident, languages=langs)
    ts = render_module.template_set()
    for lang in langs:
        language = ts.language(lang)
        facts = build_facts(incident, ts.config, language, lang, None)
        for channel in ts.config.enabled_channels():
            spec = CHANNELS[channel]
            if not spec.short_wording:
                continue
            settings = ts.config.channel(channel)
            first = spec.short_wording
            for level in range(spec.short_wording + 1):
                message = render_module._render_one(ts, incident, lang, channel, {}, facts,
                                                    language, {}, level=level)
                if not settings.over_budget(message.stats, lang):
                    first = level
                    break
            stats = bundle[lang, channel].stats
            kept = stats.get("short", 1 if stats["wording"] == "short" else 0)
            # A channel that reads `trim` may keep an earlier wording, trimmed (s26).
            trims = render_module._reads(ts, lang, channel, "trim")
            assert kept == first or (trims and kept < first), (lang, channel)


def _runs(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    runs: Counter[str] = Counter()
    original = render_module._run

    def counted(template: Any, context: Any, file: str, limits: Any) -> str:
        runs[file.rsplit("/", 2)[-2] + "/" + file.rsplit("/", 1)[-1]] += 1
        return original(template, context, file, limits)  # type: ignore[no-any-return]

    monkeypatch.setattr(render_module, "_run", counted)
    return runs


def test_an_ivr_script_is_written_out_only_for_the_wording_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _runs(monkeypatch)
    bundle = render(load_example("identified"), languages=["he"], channels=["ivr"])
    level = bundle["he", "ivr"].stats["short"]
    assert level > 0  # the identified outage is over 45 s in full
    # Every wording is timed by its SSML; an IVR wording over budget is timed once more
    # `trim`med before the next (s26, the week's phone hours only where they fit).
    assert runs["he/ivr.ssml"] <= 2 * level + 1
    assert runs["he/ivr.txt"] == 1  # the text only for the wording kept


def _loads(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[int, str]]:
    """Jinja's own lookups by environment and name: its cache, lock and the file's freshness
    check (``_load_template``, under every ``get_template``)."""
    looked: Counter[tuple[int, str]] = Counter()
    original = jinja2.Environment._load_template

    def counted(self: Any, name: str, globals: Any) -> Any:
        looked[id(self), name] += 1
        return original(self, name, globals)

    monkeypatch.setattr(BoundedSandbox, "_load_template", counted)
    return looked


def test_a_template_is_looked_up_once_per_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    render(load_example("identified"))  # compiled and checked once
    looked = _loads(monkeypatch)
    render(load_example("identified"))
    assert looked and max(looked.values()) == 1
    render(load_example("identified"))  # the next bundle looks again (an edit is picked up)
    assert max(looked.values()) == 2


def test_a_template_is_looked_up_each_time_outside_a_bundle(
        monkeypatch: pytest.MonkeyPatch) -> None:
    env = render_module.template_set().environment("en")
    looked = _loads(monkeypatch)
    assert env.get_template("sms.txt") is env.get_template("sms.txt")
    assert looked[id(env), "sms.txt"] == 2
    with bundle_scope():
        env.get_template("sms.txt")
        env.get_template("sms.txt")
    assert looked[id(env), "sms.txt"] == 3


def test_a_second_render_speaks_no_text_anew() -> None:
    incident = load_example("identified")
    render(incident, languages=["he"], channels=["ivr"])
    before = facts_module._speak_text.cache_info().misses
    render(incident, languages=["he"], channels=["ivr"])
    assert facts_module._speak_text.cache_info().misses == before


def test_where_the_pieces_are_is_worked_out_once_per_mapping(
        monkeypatch: pytest.MonkeyPatch) -> None:
    found: Counter[tuple[int, str]] = Counter()
    original = facts_module._where

    def counted(node: Any, prefix: str) -> dict[int, list[str]]:
        found[id(node), prefix] += 1
        return original(node, prefix)  # type: ignore[no-any-return]

    monkeypatch.setattr(facts_module, "_where", counted)
    render(load_example("identified"))
    assert found and max(found.values()) == 1
