"""Audience by construction (issue 10, build item 1): a channel whose audience may not see a
restricted fact (``internal``: staff only; ``priority``: staff and partners) cannot carry it,
whatever its template tries and whatever order the channels are rendered in.

Each probe below is a template line that reaches for a restricted fact one way or another. It
replaces one channel's text template (in a copy of the default templates) and the bundle is
rendered with the channels in many orders, the staff channels (which read and format those very
facts) before it in many of them. Every probe either stops the render with an error naming the
template, the line and the fact, or (listing the names, which skips what may not be seen)
renders without any restricted wording.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms import render
from crisiscomms.channels import CHANNELS, RESTRICTED_FACTS, template_name
from crisiscomms.checks.audience import leaves
from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.errors import TemplateError
from crisiscomms.facts import Atom, View, build_facts, plain
from crisiscomms.model import Incident
from crisiscomms.samples import load_example

from .template_copy import TemplateCopy

ALL = tuple(CHANNELS)
LANGS = ("he", "en")

# (template line, the top-level fact it reaches for)
RAISING: list[tuple[str, str]] = [
    ("{{ f.internal.cause }}", "internal"),
    ("{{ f.internal.priority }}", "internal"),
    ("{{ f.internal.open_contacts }}", "internal"),
    ("{{ f.internal.oldest_open.when }} {{ f.internal.oldest_age }}", "internal"),
    ("{{ f['internal']['cause'] }}", "internal"),
    ("{{ f.get('internal').cause }}", "internal"),
    ("{{ f.get('internal', {}) }}", "internal"),
    ("{% if f.internal %}{{ f.internal.cause }}{% endif %}", "internal"),
    ("{% if f.internal is defined %}x{% endif %}", "internal"),
    ("{% if 'internal' in f %}x{% endif %}", "internal"),
    ("{{ f.internal|default('none') }}", "internal"),
    ("{{ f.priority }}", "priority"),
    ("{{ f['priority'] }}", "priority"),
    ("{{ f.get('priority') }}", "priority"),
]
# Listing the facts: only what the audience sees is listed, so nothing restricted is read.
LISTING = [
    "{% for k in f %}{{ f[k] }} {% endfor %}",
    "{% for k, v in f.items() %}{{ k }}={{ v }} {% endfor %}",
    "{{ f.values()|list }}",
    "{{ f|dictsort }}",
    "{{ f|list }} {{ f.keys()|list }} {{ f|length }}",
]


def _audience_may_not(channel: str, fact: str) -> bool:
    return not CHANNELS[channel].sees(fact)


def targets(fact: str) -> list[str]:
    """The channels that may not see ``fact``."""
    return [c for c in ALL if _audience_may_not(c, fact)]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("audience") / "templates")


@pytest.fixture(scope="module")
def incident() -> Incident:
    found = load_example("identified")
    internal = found.internal
    assert internal is not None and internal.cause is not None
    assert internal.priority is not None and internal.backlog is not None
    return found


def restricted_wording(incident: Incident, lang: str, channel: str) -> dict[str, str]:
    """Each restricted fact's wording ``channel`` may not show, by fact path (long enough not
    to be some other fact's wording too)."""
    folder = default_templates_dir()
    facts = plain(build_facts(incident, load_config(folder), load_language(folder, lang), lang))
    # What the channel may see anyway (a partner channel states the priority policy, which is
    # also `internal.priority`) is no leak.
    public = {t for name in facts if CHANNELS[channel].sees(name)
              for _, t in leaves(facts[name], name)}
    return {text: path for name in RESTRICTED_FACTS if _audience_may_not(channel, name)
            for path, text in leaves(facts[name], name) if len(text) >= 8 and text not in public}


def text_file(lang: str, channel: str) -> str:
    return f"{lang}/{template_name(channel, 'text')}"


def assert_refused(copy: TemplateCopy, incident: Incident, lang: str, channel: str,
                   order: Sequence[str], fact: str) -> None:
    with pytest.raises(TemplateError) as info:
        render(incident, languages=[lang], channels=list(order), templates=copy.folder)
    error = info.value
    assert error.file is not None and error.file.endswith(text_file(lang, channel)), error
    assert error.line == 2, error
    assert getattr(error, "fact", None) == fact, error
    assert f"f.{fact}" in error.message


def assert_nothing_restricted(copy: TemplateCopy, incident: Incident, lang: str, channel: str,
                              order: Sequence[str]) -> None:
    bundle = render(incident, languages=[lang], channels=list(order), templates=copy.folder)
    message = bundle[lang, channel]
    for wording, path in restricted_wording(incident, lang, channel).items():
        for name, output in message.outputs().items():
            assert wording not in output, (channel, name, path)
    tops = {p.split(".")[0].split("[")[0] for p in message.placed}
    assert all(CHANNELS[channel].sees(top) for top in tops), message.placed


def probe(line: str) -> str:
    return "first line\n" + line + "\n"


# --- every order of the staff channels, the partners and one customer channel ---------------

STAFF_FIRST = ("talking_points", "management", "partners")


@pytest.mark.parametrize(("line", "fact"), RAISING)
@pytest.mark.parametrize("lang", LANGS)
def test_refused_in_every_order(copy: TemplateCopy, incident: Incident, lang: str, line: str,
                                fact: str) -> None:
    # The 24 orders of the three channels that may read restricted facts and the SMS; and the
    # same for the partner notice when the fact is `internal` (partners may not see it).
    channels = ["sms"] + (["partners"] if fact == "internal" else [])
    for channel in channels:
        others = [c for c in (*STAFF_FIRST, "sms") if c != channel]
        with copy.changed(text_file(lang, channel), probe(line)):
            for order in itertools.permutations([*others, channel]):
                assert_refused(copy, incident, lang, channel, order, fact)


@pytest.mark.parametrize("line", LISTING)
def test_listing_shows_nothing_restricted_in_any_order(copy: TemplateCopy, incident: Incident,
                                                       line: str) -> None:
    lang = "en"
    for channel in ("sms", "partners"):
        others = [c for c in (*STAFF_FIRST, "sms") if c != channel]
        with copy.changed(text_file(lang, channel), probe(line)):
            for order in itertools.permutations([*others, channel]):
                assert_nothing_restricted(copy, incident, lang, channel, order)


# --- random orders of all nine channels, any channel that may not see, any probe -------------

@st.composite
def cases(draw: st.DrawFn) -> tuple[str, str, str, str | None, list[str]]:
    """(language, channel, template line, fact or None for a listing, order of all 9)."""
    lang = draw(st.sampled_from(LANGS))
    if draw(st.booleans()):
        line, fact = draw(st.sampled_from(RAISING))
        channel = draw(st.sampled_from(targets(fact)))
        found: str | None = fact
    else:
        line, found = draw(st.sampled_from(LISTING)), None
        channel = draw(st.sampled_from(targets("priority")))
    return lang, channel, line, found, draw(st.permutations(ALL))


@settings(max_examples=40)
@given(case=cases())
def test_random_orders_of_all_channels(copy: TemplateCopy, incident: Incident,
                                       case: tuple[str, str, str, str | None, list[str]]) -> None:
    lang, channel, line, fact, order = case
    with copy.changed(text_file(lang, channel), probe(line)):
        if fact is None:
            assert_nothing_restricted(copy, incident, lang, channel, order)
        else:
            assert_refused(copy, incident, lang, channel, order, fact)


def test_every_restricted_fact_is_probed() -> None:
    # A new restricted fact must be added to the probes above.
    assert {fact for _, fact in RAISING} == set(RESTRICTED_FACTS)


def test_every_channel_that_may_not_see_is_a_target() -> None:
    assert set(targets("internal")) == {"ivr", "email", "banner", "sms", "status_page",
                                        "social", "partners"}
    assert set(targets("priority")) == set(targets("internal")) - {"partners"}


# --- the view itself ------------------------------------------------------------------------

def _views(facts: dict[str, object]) -> Iterator[View]:
    yield View(facts, str)
    yield View(facts, str, {"internal"})


def test_a_view_owns_its_cache() -> None:
    facts: dict[str, object] = {"internal": {"cause": Atom("a secret cause", "")},
                                "title": Atom("title", "")}
    staff, customer = _views(facts)
    assert staff["internal"]["cause"] == "a secret cause"
    with pytest.raises(Exception) as info:
        customer["internal"]
    assert type(info.value).__name__ == "RestrictedFact"
    assert customer["title"] == "title" and list(customer) == ["title"]


def test_staff_channels_still_read_restricted_facts(incident: Incident) -> None:
    bundle = render(incident, languages=["en"])
    for channel in ("talking_points", "management"):
        assert any(p.startswith("internal.") for p in bundle["en", channel].placed)
    assert "priority" in bundle["en", "partners"].placed
    assert not any(p.startswith("internal") for p in bundle["en", "partners"].placed)


def test_a_template_folder_path_is_in_the_error(copy: TemplateCopy, incident: Incident) -> None:
    with copy.changed(text_file("en", "banner"), probe("{{ f.internal.cause }}")), \
            pytest.raises(TemplateError) as info:
        render(incident, languages=["en"], channels=["talking_points", "banner"],
               templates=copy.folder)
    assert str(info.value).startswith(str(Path(copy.folder) / "en" / "banner.txt") + ":2:")
