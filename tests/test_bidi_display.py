"""Hebrew plain text displays every inserted value as written: the per-channel bidi strategies,
proved with python-bidi, and the ``bidi-display`` check that guards them (and can fail)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.channels import CHANNELS, template_name
from crisiscomms.checks.display import RULE, displaced_values
from crisiscomms.cli import main
from crisiscomms.config import default_templates_dir
from crisiscomms.samples import example_names, example_path, load_example
from crisiscomms.text.bidi import ALL_CONTROLS, LRI, LRM, PDI, RLM, Strategy, isolate, isolate_url
from crisiscomms.text.bidi import strip_controls as strip
from crisiscomms.text.visual import visual

from .strategies import HEBREW, LATIN, incidents

# Values that the bidi algorithm reorders when they sit bare inside Hebrew (HEBREW.md).
BREAKABLE = ["*2040", "+972-3-1234567", "14:00 - 16:00", "-5%", "Yes!", "- x", "1 + 2"]
# Left-to-right values a Hebrew message meets; each must display as written.
LTR_VALUES = [*BREAKABLE, "INC-12", "https://example.com/a?b=1", "Wi-Fi", "5G", "TV",
              "Netivim Mobile", "100%", "17:00", "(beta)", "v2.0 (beta)", "1/2"]
STRATEGIES: tuple[Strategy, ...] = ("isolates", "marks", "none")
SENTENCES = ["תקלה {} באתר.", "{} לא זמין.", "חייגו: {}", "השירותים ({}) בטיפול", "ב-{} ובאתר",
             "בין {} לבין {} עכשיו"]
STATUS_URL = "https://status.netivim.example"


def _ready(folder: Path) -> list[str]:
    """Channels whose every template exists in both languages (others may be mid-way)."""
    return [name for name, spec in CHANNELS.items()
            if all((folder / lang / template_name(name, out)).is_file()
                   for lang in ("he", "en") for out in spec.outputs)]


READY = _ready(default_templates_dir())


def copy_templates(tmp: Path, **bidi: str) -> Path:
    """A copy of the default templates (``crisiscomms init``) with channels' bidi strategies
    set, e.g. ``sms="none"``."""
    folder = tmp / "templates"
    assert main(["init", str(folder)], out=io.StringIO()) == 0
    config = folder / "crisiscomms.toml"
    text = config.read_text(encoding="utf-8")
    for channel, strategy in bidi.items():
        header = f"[channels.{channel}]\n"
        line = f'bidi = "{strategy}"\n'
        if header not in text:
            text += f"\n{header}{line}"
            continue
        start = text.index(header) + len(header)
        end = text.find("\n[", start)
        end = len(text) if end < 0 else end + 1
        section = re.sub(r'(?m)^bidi\s*=.*\n', "", text[start:end])
        text = text[:start] + line + section + text[end:]
    config.write_text(text, encoding="utf-8")
    return folder


def incident(**changes: Any) -> dict[str, Any]:
    """The 'identified' example as a dict, with top-level fields replaced."""
    import yaml

    data: dict[str, Any] = yaml.safe_load(example_path("identified").read_text("utf-8"))
    data.update(changes)
    return data


def display_findings(bundle: Bundle) -> list[tuple[str | None, str | None, str]]:
    return [(f.language, f.channel, f.message) for f in bundle.findings if f.rule == RULE]


def lines(bundle: Bundle, lang: str = "he") -> Iterator[tuple[str, str]]:
    """``(channel, line)`` for every line of every plain-text output in ``lang``."""
    for message in bundle:
        if message.language != lang:
            continue
        for output in (message.subject, message.text):
            for line in (output or "").split("\n"):
                yield message.channel, line


def shows_intact(line: str, value: str) -> bool:
    """python-bidi, independently of the check: the value appears as often in the right-to-left
    visual order of the line as it was written into it (brackets need mirroring: visual())."""
    written = strip(line).count(value)
    if any(c in "()[]" for c in value):
        return visual(RLM + line).count(value) >= written
    return strip(get_display(line, base_dir="R")).count(value) >= written


# --- the strategies, value by value -------------------------------------------------------

@pytest.mark.parametrize("strategy", ["isolates", "marks"])
@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("value", LTR_VALUES)
def test_strategy_keeps_value_intact(strategy: Strategy, sentence: str, value: str) -> None:
    protect = isolate_url if value.startswith("https://") else isolate
    line = RLM + sentence.replace("{}", protect(value, strategy))
    assert shows_intact(line, value), repr(strip(get_display(line, base_dir="R")))
    assert displaced_values(line, [value]) == []


@pytest.mark.parametrize("value", BREAKABLE)
def test_bare_values_break(value: str) -> None:
    # Without protection every one of them is reordered: the check has something to find.
    line = f"תקלה {value} באתר."
    assert not shows_intact(line, value)
    assert displaced_values(line, [value]) == [value]


@pytest.mark.parametrize(("value", "strategy", "expected"), [
    ("17:00", "isolates", "\u206617:00\u2069"),
    ("17:00", "marks", "\u200e17:00\u200e\u200f"),
    ("*2040", "marks", "\u200e*2040\u200e\u200f"),
    ("-5%", "marks", "\u200e-5%\u200e\u200f"),
    ("INC-12", "marks", "INC-12\u200e\u200f"),  # starts with a strong L: no LRM needed first
    ("17:00", "none", "17:00"),
])
def test_isolate_code_points(value: str, strategy: Strategy, expected: str) -> None:
    assert isolate(value, strategy) == expected


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_url_controls_stay_outside(strategy: Strategy) -> None:
    url = "https://status.netivim.example/incidents?id=INC-12"
    protected = isolate_url(url, strategy)
    assert url in protected
    before, after = protected.split(url)
    assert set(before) <= ALL_CONTROLS
    if strategy != "none":
        # Android's Linkify takes U+00A0-U+D7FF (PDI, RLM) into an address and stops at
        # whitespace: the space keeps the closing control out of the link.
        assert after[0] == " " and set(after[1:]) <= ALL_CONTROLS
    linked = re.findall(r"https?://[^\s\"]+", f"פרטים: {protected}.")
    assert linked in ([url], [url + "."])  # "." only when nothing protects the URL


# --- rendered messages: exact code points -------------------------------------------------

@pytest.fixture(scope="module")
def identified() -> Bundle:
    return render(load_example("identified"), channels=READY)


def test_hebrew_sms_uses_marks(identified: Bundle) -> None:
    sms = identified["he", "sms"].text
    # Marks only where they change the display: a bare time between Hebrew words needs none.
    assert "צפי: 17:00." in sms and "נעדכן ב-15:00." in sms
    assert not set(sms) & {LRI, PDI, "\u2068"}


def test_hebrew_email_uses_isolates(identified: Bundle) -> None:
    text = identified["he", "email"].text.split("\n")
    assert "מתי השירות יחזור: אנו צופים שהשירות יחזור לפעול ביום ראשון, 22 בנובמבר, בשעה "  \
        f"{LRI}17:00{PDI}." in text
    assert any(line.endswith(f"בדף הסטטוס: {LRI}{STATUS_URL} {PDI}") for line in text)
    assert not set(identified["he", "email"].text) & {LRM}


def test_none_has_no_controls(tmp_path: Path) -> None:
    folder = copy_templates(tmp_path, sms="none")
    sms = render(load_example("identified"), channels=["sms"], templates=folder)["he", "sms"]
    assert "צפי: 17:00." in sms.text and "נעדכן ב-15:00." in sms.text
    assert not set(sms.text) & ALL_CONTROLS


@pytest.mark.parametrize("name", example_names())
def test_english_sms_has_no_controls_and_stays_gsm7(name: str) -> None:
    message = render(load_example(name), channels=["sms"])["en", "sms"]
    assert not set(message.text) & ALL_CONTROLS
    assert message.stats["encoding"] == "GSM-7", message.text


@pytest.mark.parametrize("name", example_names())
def test_examples_display_clean(name: str) -> None:
    bundle = render(load_example(name), channels=READY)
    assert display_findings(bundle) == []


# --- the check can fail ------------------------------------------------------------------

@pytest.fixture(scope="module")
def unprotected_sms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_templates(tmp_path_factory.mktemp("none"), sms="none")


@pytest.mark.parametrize("value", ["*2040", "+972-3-1234567", "14:00 - 16:00", "Yes!"])
def test_check_finds_bare_service_name(value: str, unprotected_sms: Path) -> None:
    data = incident(services=[{"id": "x", "name": {"he": value, "en": value}}])
    bundle = render(parse_incident(data), channels=READY, templates=unprotected_sms)
    found = display_findings(bundle)
    assert found, "the SMS prints the service name bare inside Hebrew"
    assert {(lang, channel) for lang, channel, _ in found} == {("he", "sms")}
    assert all(repr(value) in message and "'none'" in message for _, _, message in found)


@pytest.mark.parametrize("strategy", ["isolates", "marks"])
@pytest.mark.parametrize("value", ["*2040", "+972-3-1234567", "14:00 - 16:00", "Yes!"])
def test_check_passes_protected_service_name(value: str, strategy: str, tmp_path: Path) -> None:
    folder = copy_templates(tmp_path, sms=strategy)
    data = incident(services=[{"id": "x", "name": {"he": value, "en": value}}])
    bundle = render(parse_incident(data), channels=READY, templates=folder)
    assert display_findings(bundle) == []


def test_authors_own_wording_is_not_counted(unprotected_sms: Path) -> None:
    # "Yes!" inside the Hebrew title is the author's text, shown as the author saw it; the
    # service name "Yes!" is ours, and isolated in every channel but the bare SMS.
    # (A service the title does not name keeps the SMS's list: one it names is left out.)
    data = incident(title={"he": "תקלה ב-Yes! בצפון", "en": "Yes! outage"},
                    services=[{"id": "x", "name": {"he": "TV Yes!", "en": "TV Yes!"}},
                              {"id": "y", "name": {"he": "הטלוויזיה", "en": "TV"}}])
    assert display_findings(render(parse_incident(data), channels=READY)) == []
    bare = display_findings(render(parse_incident(data), channels=READY,
                                   templates=unprotected_sms))
    assert [channel for _, channel, _ in bare] == ["sms"]


# --- any incident: every channel in Hebrew displays every value as written ---------------

hebrew = st.text(alphabet=HEBREW, min_size=2, max_size=7)
latin = st.text(alphabet=LATIN, min_size=1, max_size=7)
ltr_value = st.one_of(st.sampled_from(LTR_VALUES),
                      st.lists(st.one_of(latin, st.sampled_from(LTR_VALUES)), min_size=1,
                               max_size=3).map(" ".join))
# Hebrew wording with brackets but without the values, so every value in a line is inserted.
hebrew_text = st.lists(st.one_of(hebrew, st.just("(עולם)")), min_size=1, max_size=5).map(" ".join)


@st.composite
def awkward_incidents(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """An incident whose Hebrew service names, title and workaround may be left-to-right
    values, with the values it holds."""
    data = draw(incidents())
    values: list[str] = []

    def text() -> str:
        if draw(st.booleans()):
            value = draw(ltr_value)
            values.append(value)
            return value
        return draw(hebrew_text)

    data["id"] = draw(st.sampled_from(["INC-12", "inc_7.1", data["id"]]))
    values.append(data["id"])
    data["services"] = [{"id": f"s{i}", "name": {"he": text(), "en": "service"}}
                        for i in range(draw(st.integers(1, 3)))]
    for key in ("title", "impact", "workaround", "customer_action"):
        if key in data or key in ("title", "impact"):
            data[key] = {"he": text(), "en": "text"}
    # Update notes are the author's own wording, which may hold the same values unprotected:
    # keep them Hebrew so every occurrence of a value is one the templates inserted.
    for update in data["updates"]:
        update["note"] = {"he": draw(hebrew_text), "en": "text"}
    if "internal" in data:
        for key in ("cause", "priority"):
            data["internal"][key] = {"he": text(), "en": "text"}
    return data, values


@given(awkward_incidents())
def test_any_incident_displays_values_as_written(case: tuple[dict[str, Any], list[str]]) -> None:
    data, values = case
    bundle = render(parse_incident(data), channels=READY)
    assert display_findings(bundle) == []
    times = {t for _, line in lines(bundle) for t in re.findall(r"\d\d:\d\d", strip(line))}
    for channel, line in lines(bundle):
        for value in [*values, *times, STATUS_URL]:
            assert shows_intact(line, value), (channel, value, line)


@given(incidents())
def test_mixed_wording_gives_no_false_findings(data: dict[str, Any]) -> None:
    # The shared strategy writes awkward values inside Hebrew sentences too: the author's own
    # wording, which the check leaves alone.
    bundle = render(parse_incident(data), channels=READY)
    assert display_findings(bundle) == []
    for message in bundle:
        if message.language == "en":
            assert not set(message.text) & ALL_CONTROLS, message.channel


# --- values a person typed inside Hebrew incident text -------------------------------------

TYPED = "תקלה בקו *2040 ובקו +972-3-1234567, בין 14:00 - 16:00 או 18:00–19:00"
TYPED_VALUES = ("*2040", "+972-3-1234567", "14:00 - 16:00", "18:00–19:00")


@pytest.mark.parametrize("channel", READY)
def test_values_typed_in_hebrew_text_display_as_written(channel: str) -> None:
    data = incident(title={"he": TYPED, "en": "x"}, workaround={"he": TYPED, "en": "x"})
    message = render(parse_incident(data), languages=["he"], channels=[channel])["he", channel]
    if message.html is not None:
        for value in TYPED_VALUES:
            assert f"<bdi>{value}</bdi>" in message.html
    line = next(x for x in message.text.split("\n") if "1234567" in x)
    shown = get_display(line)
    for value in TYPED_VALUES:
        assert value in shown, (channel, value, shown)


def test_an_address_replaced_inside_a_value_keeps_what_follows_displayed() -> None:
    # The phone line's script says "באתר שלנו" for the address; a code after it in the same
    # left-to-right value must still display as written (found by Hypothesis).
    data = incident(title={"he": "https://example.com/a?b=1 *2040", "en": "x"})
    bundle = render(parse_incident(data), languages=["he"], channels=["ivr"])
    line = next(x for x in bundle["he", "ivr"].text.split("\n") if "2040" in x)
    assert "*2040" in get_display(line) and "https" not in line
    assert display_findings(bundle) == []


def test_a_full_stop_added_after_latin_text_stays_outside_it() -> None:
    # Found by Hypothesis: a Hebrew customer action that is only a Latin word ("A") got its
    # added full stop inside the left-to-right run, where it shows on the wrong side.
    data = {"id": "INC-12", "status": "identified", "severity": "major",
            "updated_at": "2026-02-17T20:15:00-11:00", "started_at": "2026-02-14T00:56:00-11:00",
            "next_update_at": "2026-02-18T01:43:00-11:00",
            "title": {"he": "אא", "en": "text"}, "impact": {"he": "אא צטזג אא אא", "en": "text"},
            "services": [{"id": "s0", "name": {"he": "Wi-Fi A A", "en": "service"}}],
            "customer_action": {"he": "A", "en": "text"}}
    bundle = render(parse_incident(data), channels=READY)
    assert display_findings(bundle) == []
    for channel, line in lines(bundle):
        assert shows_intact(line, "A"), (channel, line)
