"""The four audience channels (issue 6): status page, social post, management update, partners
notice. The same key times as the core channels, social posts that fit X, internal facts that
reach management and never a public or partner channel, and a ready email form."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from crisiscomms import Bundle, Message, parse_incident, render
from crisiscomms.channels import CHANNELS, Audience
from crisiscomms.checks.common import written
from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.facts import build_facts, plain, view
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.weighted import weighted_length

from .strategies import incidents
from .template_copy import TemplateCopy

NEW = ("status_page", "social", "management", "partners")
LANGS = ("he", "en")
TIME = re.compile(r"\b\d{2}:\d{2}\b")


def readable(message: Message) -> str:
    """Everything a reader of the message's written outputs sees: subject, text and HTML."""
    return "\n".join(written(message, include_html=True).values())


@pytest.fixture(scope="module")
def bundles() -> dict[str, Bundle]:
    return {name: render(load_example(name)) for name in example_names()}


def facts_of(bundle: Bundle, lang: str) -> Any:
    folder = default_templates_dir()
    return plain(build_facts(bundle.incident, load_config(folder), load_language(folder, lang),
                             lang))


def times(message: Message) -> set[str]:
    return set(TIME.findall(readable(message)))


def test_specs() -> None:
    assert CHANNELS["status_page"].outputs == ("subject", "text", "html")
    assert CHANNELS["status_page"].text_format == "markdown"
    assert CHANNELS["social"].outputs == ("text",)
    assert CHANNELS["management"].audience is Audience.STAFF
    assert CHANNELS["partners"].audience is Audience.PARTNER
    internal = {name for name, spec in CHANNELS.items() if spec.internal}
    assert internal == {"management", "talking_points"}
    assert {name for name, spec in CHANNELS.items() if spec.sees("priority")} == {
        "management", "talking_points", "partners"}


@pytest.mark.parametrize("name", example_names())
def test_render_clean(name: str, bundles: dict[str, Bundle]) -> None:
    bundle = bundles[name]
    for lang in LANGS:
        for channel in NEW:
            assert (lang, channel) in bundle
    errors = [f"{f.language}/{f.channel} {f.rule}: {f.message}" for f in bundle.findings
              if f.channel in NEW and f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("name", example_names())
def test_same_key_times_as_core_channels(name: str, bundles: dict[str, Bundle]) -> None:
    bundle = bundles[name]
    for lang in LANGS:
        facts = facts_of(bundle, lang)
        if facts["resolved"]:
            key = {facts["resolved_at"]["time"]}
        else:
            key = {facts["next_update"]["time"]}
            if facts["eta"] is not None:
                key.add(facts["eta"]["time"])
        # The SMS and the banner say exactly these times, no other...
        for core in ("sms", "banner"):
            assert times(bundle[lang, core]) == key, (lang, core)
        # ...and every new channel says them too.
        for channel in NEW:
            message = bundle[lang, channel]
            assert key <= times(message), (lang, channel)
            if facts["eta"] is None and not facts["resolved"]:
                seen = readable(message)
                assert facts["no_eta"] in seen or facts["no_eta_short"] in seen


@pytest.mark.parametrize("name", example_names())
def test_social_fits_x(name: str, bundles: dict[str, Bundle]) -> None:
    for lang in LANGS:
        message = bundles[name][lang, "social"]
        assert message.stats["weighted_length"] == weighted_length(message.text)
        assert message.stats["weighted_length"] <= 280
        assert message.stats["wording"] in {"full", "short"}
        # Never cut: the whole wording is there, down to the link at its end.
        assert strip_controls(message.text).rstrip().endswith("https://status.netivim.example")


def test_both_wordings_are_used(bundles: dict[str, Bundle]) -> None:
    wordings = {bundles[n][lang, "social"].stats["wording"] for n in bundles for lang in LANGS}
    assert wordings == {"full", "short"}


def _long(data: dict[str, Any], services: int) -> dict[str, Any]:
    data["title"] = {"he": "תקלה ממושכת בכמה מהשירותים הדיגיטליים שלנו ברחבי הארץ כולה",
                     "en": "A long outage across several of our digital services nationwide"}
    data["services"] = [
        {"id": f"s{i}", "name": {"he": f"שירות דיגיטלי מספר {i} של החברה",
                                 "en": f"digital service number {i} of the company"}}
        for i in range(services)]
    return data


def test_short_wording_when_the_full_one_does_not_fit() -> None:
    data = _long(load_example("identified").model_dump(mode="json", exclude_none=True), 3)
    message = render(parse_incident(data), channels=["social"])["en", "social"]
    assert message.stats["wording"] == "short"
    assert message.stats["weighted_length"] <= 280
    assert message.text.endswith("https://status.netivim.example")


def test_finding_when_even_the_short_wording_does_not_fit() -> None:
    data = _long(load_example("identified").model_dump(mode="json", exclude_none=True), 9)
    bundle = render(parse_incident(data), channels=["social"])
    message = bundle["en", "social"]
    assert message.stats["wording"] == "short"
    assert message.stats["weighted_length"] > 280
    # Still whole, never cut in mid-word; the budget check says it does not fit.
    assert message.text.endswith("https://status.netivim.example")
    rules = {(f.language, f.rule, f.severity) for f in bundle.findings}
    assert ("en", "length-weighted", "error") in rules


def test_short_wording_states_the_facts_too(tmp_path: Path) -> None:
    # A budget of 1 forces the short wording for every example: it must still carry every
    # required fact, and only the budget finding is expected.
    folder = TemplateCopy.with_config(tmp_path / "templates", "max_weighted = 280",
                                      "max_weighted = 1").folder
    for name in example_names():
        bundle = render(load_example(name), channels=["social"], templates=folder)
        for lang in LANGS:
            assert bundle[lang, "social"].stats["wording"] == "short"
        rules = {f.rule for f in bundle.findings if f.severity == "error"}
        assert rules == {"length-weighted"}, (name, bundle.findings)


@pytest.mark.parametrize("name", example_names())
def test_internal_reaches_management_only(name: str, bundles: dict[str, Bundle]) -> None:
    bundle = bundles[name]
    internal = bundle.incident.internal
    for lang in LANGS:
        facts = facts_of(bundle, lang)
        cause = None if internal is None or internal.cause is None else internal.cause[lang]
        priority = None if internal is None or internal.priority is None \
            else internal.priority[lang]
        backlog = facts["internal"]["open_contacts"] if facts["internal"] else None
        management = readable(bundle[lang, "management"])
        for text in (cause, priority, backlog):
            if text is not None:
                assert text in management, (lang, text)
        if backlog is not None and facts["internal"]["oldest_open"] is not None:
            assert facts["internal"]["oldest_open"]["time"] in management
            # In words, or in figures where the notice writes its other length so.
            assert str(facts["internal"]["oldest_age"]) in management or str(
                facts["internal"]["oldest_age_figures"]) in management
        if priority is not None:
            assert priority in readable(bundle[lang, "partners"])
        for message in bundle:
            if message.language != lang or CHANNELS[message.channel].internal:
                continue
            seen = readable(message)
            if cause is not None:
                assert cause not in seen, (lang, message.channel)
            if backlog is not None:
                assert backlog not in seen, (lang, message.channel)
            if priority is not None and not CHANNELS[message.channel].sees("priority"):
                assert priority not in seen, (lang, message.channel)


@pytest.mark.parametrize("channel", [c for c in NEW if CHANNELS[c].titled])
@pytest.mark.parametrize("lang", LANGS)
def test_email_form(channel: str, lang: str, bundles: dict[str, Bundle]) -> None:
    message = bundles["identified"][lang, channel]
    mail = message.as_email_message(to="list@example.com")
    parsed = email.message_from_bytes(mail.as_bytes(), policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    # RFC 3834: these are notices we send first, not replies to someone who wrote in.
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Content-Language"] == lang
    assert parsed["Subject"] == message.subject
    text = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert text is not None and html is not None
    assert text.get_content().rstrip("\n") == message.text
    document = html.get_content()
    direction = "rtl" if lang == "he" else "ltr"
    assert document.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}" dir="{direction}">' in document


def test_email_channel_still_auto_replied(bundles: dict[str, Bundle]) -> None:
    mail = bundles["identified"]["he", "email"].as_email_message()
    assert mail["Auto-Submitted"] == "auto-replied"


def test_status_page_history_newest_first(bundles: dict[str, Bundle]) -> None:
    text = bundles["compensation"]["en", "status_page"].text
    history = text[text.index("### Update history"):]
    assert history.index("17:50") < history.index("09:00") < history.index("06:40")


def test_status_page_markdown_escapes_incident_text() -> None:
    data = load_example("identified").model_dump(mode="json", exclude_none=True)
    data["workaround"] = {"he": "לחייג *2040 <b>עכשיו</b> [כאן]", "en": "# dial *2040_now <b>"}
    bundle = render(parse_incident(data), channels=["status_page"])
    en = bundle["en", "status_page"]
    assert r"\# dial \*2040\_now \<b\>" in en.text
    assert "&lt;b&gt;" in (en.html or "")
    he = bundle["he", "status_page"]
    # A code typed in Hebrew text is isolated like an inserted value (issue 11, item 14).
    assert "לחייג \u2066\\*2040\u2069 \\<b\\>עכשיו\\</b\\> \\[כאן\\]" in he.text
    # What a reader sees is the text as written.
    assert "לחייג *2040 <b>עכשיו</b> [כאן]" in readable(he)


def test_markdown_link_is_an_autolink_with_isolates_outside() -> None:
    folder = default_templates_dir()
    facts = build_facts(load_example("identified"), load_config(folder),
                        load_language(folder, "he"), "he")
    link = view(facts, "markdown", "isolates")["org"]["status_page"]
    assert link == "\u2066<https://status.netivim.example> \u2069"


def test_markdown_list_markers_survive_rtl_marks(bundles: dict[str, Bundle]) -> None:
    # A Hebrew line of the history starts with a date: the RLM goes after "- ", not before.
    for line in bundles["identified"]["he", "status_page"].text.splitlines():
        assert not line.startswith("\u200f"), line


SINGULAR = re.compile(r"(?<![\u05d0-\u05ea])(אתה|תוכל|שלך|לך|עליך|אליך|ממך|בשבילך)"
                      r"(?![\u05d0-\u05ea])")


@pytest.mark.parametrize("name", example_names())
def test_hebrew_addresses_the_many(name: str, bundles: dict[str, Bundle]) -> None:
    for channel in NEW:
        seen = readable(bundles[name]["he", channel])
        assert not SINGULAR.search(seen), (channel, SINGULAR.findall(seen))
        assert "/ות" not in seen and "/ים" not in seen


def test_management_numbers_formatted(bundles: dict[str, Bundle]) -> None:
    for lang in LANGS:
        message = bundles["identified"][lang, "management"]
        assert "1,250" in strip_controls(message.subject or "")
        assert "1,250" in strip_controls(message.text)


# --- property ------------------------------------------------------------------------------

@given(incidents())
def test_any_valid_incident_renders_the_audiences(data: dict[str, Any]) -> None:
    incident = parse_incident(data)
    bundle = render(incident, channels=NEW)
    assert {(m.language, m.channel) for m in bundle} == {(lang, c) for lang in LANGS
                                                         for c in NEW}
    assert not [f for f in bundle.findings if f.rule == "required-fact"]
    internal = incident.internal
    for message in bundle:
        spec = CHANNELS[message.channel]
        assert set(message.outputs()) == set(spec.outputs)
        if message.channel == "social":
            assert message.stats["weighted_length"] == weighted_length(message.text)
        if internal is None or spec.internal:
            continue
        seen = readable(message)
        lang = message.language
        priority = internal.priority[lang] if internal.priority is not None else None
        if internal.cause is not None and internal.cause[lang] != priority:
            assert internal.cause[lang] not in seen, message.channel
        if priority is not None and not spec.sees("priority"):
            assert priority not in seen, message.channel
