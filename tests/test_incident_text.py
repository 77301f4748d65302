"""Invisible characters and spoken web addresses in the incident's own text (issue 10, build
item 8): what never means anything is removed on input; what changes a display or the SMS
encoding is a finding naming the character and the field; a web address the IVR places is a
warning naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from crisiscomms import Finding, parse_incident, render
from crisiscomms.checks.incident_text import invisible_characters
from crisiscomms.model import Incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import STRIPPED_INVISIBLES, clean_text


def incident(**changes: dict[str, str]) -> Incident:
    data: dict[str, Any] = load_example("identified").model_dump(mode="json", exclude_none=True)
    for field, texts in changes.items():
        data[field] = {**data[field], **texts}
    return parse_incident(data)


def findings(inc: Incident, rule: str, **options: Any) -> list[Finding]:
    return [f for f in render(inc, **options).findings if f.rule == rule]


@pytest.mark.parametrize("char", sorted(STRIPPED_INVISIBLES))
def test_never_meaningful_invisibles_are_removed_on_input(char: str) -> None:
    assert clean_text(f"{char}Sign{char}-in{char}") == "Sign-in"
    inc = incident(title={"en": f"\ufeffProblem signing{char} in"})
    assert inc.title["en"] == "Problem signing in"
    sms = render(inc, languages=["en"], channels=["sms"])["en", "sms"]
    assert sms.stats["encoding"] == "GSM-7"


@pytest.mark.parametrize(("char", "name"), [
    ("\u00ad", "U+00AD SOFT HYPHEN"),
    ("\u200d", "U+200D ZERO WIDTH JOINER"),
    ("\u200c", "U+200C ZERO WIDTH NON-JOINER"),
    ("\u034f", "U+034F COMBINING GRAPHEME JOINER"),
])
def test_an_invisible_that_changes_the_sms_encoding_is_named_with_its_field(
        char: str, name: str) -> None:
    inc = incident(title={"en": f"Problem signing{char}in to the app"})
    assert char in inc.title["en"]  # kept: it can mean something elsewhere
    bundle = render(inc, languages=["en"], channels=["sms"])
    assert bundle["en", "sms"].stats["encoding"] == "UCS-2"
    (finding,) = [f for f in bundle.findings if f.rule == "invisible-character"]
    assert finding.severity == "error" and finding.language == "en"
    assert "title.en" in finding.message and name in finding.message


def test_an_invisible_in_a_service_name_names_its_path() -> None:
    data: dict[str, Any] = load_example("identified").model_dump(mode="json", exclude_none=True)
    data["services"][1]["name"]["he"] = "האזור\u200d האישי"
    (finding,) = findings(parse_incident(data), "invisible-character", languages=["he"],
                          channels=["sms"])
    assert "services[1].name.he" in finding.message and "U+200D" in finding.message


def test_joiners_that_mean_something_are_left_alone() -> None:
    # Persian "mi-khāham" takes a ZWNJ; a family emoji is joined by ZWJs.
    assert invisible_characters("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == []
    assert invisible_characters("\U0001f468\u200d\U0001f469\u200d\U0001f467") == []
    assert invisible_characters("log\u200din") == ["U+200D ZERO WIDTH JOINER"]


def test_clean_text_has_no_invisible_findings() -> None:
    assert findings(load_example("identified"), "invisible-character") == []


def test_a_web_address_the_ivr_places_is_noted_naming_the_field() -> None:
    # Speech says where the address points instead (issue 11): a note to reread, no warning.
    inc = incident(workaround={"en": "Pay your bill at www.netivim.example.com/pay for now."})
    (finding,) = findings(inc, "url-spoken", languages=["en"])
    assert finding.severity == "info" and finding.channel == "ivr"
    assert finding.field == "workaround.en" and "workaround.en" in finding.message
    assert "www.netivim.example.com/pay" in finding.message


def test_a_web_address_the_ivr_does_not_place_is_not_reported() -> None:
    # The IVR template does not read the impact out: an address there is never spoken.
    inc = incident(impact={"en": "Payments at https://pay.example.com fail."})
    bundle = render(inc, languages=["en"])
    assert "impact" not in bundle["en", "ivr"].placed
    assert [f for f in bundle.findings if f.rule == "url-spoken"] == []
    # ...and without the IVR in the bundle nothing speaks a workaround's address either.
    inc = incident(workaround={"en": "Pay your bill at https://pay.example.com for now."})
    assert findings(inc, "url-spoken", languages=["en"], channels=["sms", "email"]) == []
