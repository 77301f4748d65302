"""Facts placed, as data (issue 10, build item 2): each message records which facts its
templates placed, and the required-fact and audience checks read that record, so the incident's
own text can neither stand in for a fact a template dropped nor be blamed on a template."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from crisiscomms import Bundle, Finding, parse_incident, render
from crisiscomms.model import Incident
from crisiscomms.samples import load_example

from .template_copy import TemplateCopy

# The English email with its "next update" sentence dropped (everything else kept).
NEXT_UPDATE_LINE = re.compile(r"^Our next update will be published .*$", re.M)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("placed") / "templates")


def with_text(field: str, lang: str, text: str) -> Incident:
    data: dict[str, Any] = load_example("identified").model_dump(mode="json", exclude_none=True)
    data[field][lang] = text
    return parse_incident(data)


def required(bundle: Bundle, lang: str, channel: str) -> set[str]:
    return {f.message.split(" (")[0].rsplit(" ", 1)[-1] for f in bundle.findings
            if f.rule == "required-fact" and (f.language, f.channel) == (lang, channel)}


def test_placed_is_recorded_per_message_and_output() -> None:
    bundle = render(load_example("identified"), languages=["en"])
    sms, talking = bundle["en", "sms"], bundle["en", "talking_points"]
    # The SMS places the short forms; today's short form is the time itself. It has room for
    # the full status phrase in English. The title names the app: the SMS places only the
    # other service ("Also affected: the online account").
    assert {"next_update.short", "next_update.time", "eta.time", "service_list[1]",
            "status_label"} <= sms.placed and "service_list[0]" not in sms.placed
    assert "impact" not in sms.placed  # the SMS template does not place the impact
    assert "internal.cause" in talking.placed and "internal.cause" not in sms.placed
    assert set(talking.placed_in) == {"text", "html"}
    assert talking.placed == frozenset().union(*talking.placed_in.values())
    # Deterministic: the same incident and templates give the same record.
    again = render(load_example("identified"), languages=["en"])
    assert [m.placed_in for m in again] == [m.placed_in for m in bundle]


def test_incident_text_does_not_stand_in_for_a_dropped_next_update(copy: TemplateCopy) -> None:
    original = (copy.folder / "en" / "email.txt").read_text(encoding="utf-8")
    dropped = NEXT_UPDATE_LINE.sub("", original)
    assert dropped != original
    # The impact says the next-update time (15:00) in the very words the template would use.
    incident = with_text("impact", "en", "Some customers cannot sign in since 15:00. "
                         "Our next update will be published today at 15:00.")
    bundle = render(incident, languages=["en"], channels=["email"], templates=copy.folder)
    assert "15:00" in bundle["en", "email"].text
    assert required(bundle, "en", "email") == set()
    with copy.changed("en/email.txt", dropped):
        bundle = render(incident, languages=["en"], channels=["email"], templates=copy.folder)
        assert "today at 15:00" in bundle["en", "email"].text  # from the impact
        assert "next_update.time" not in bundle["en", "email"].placed_in["text"]
        assert required(bundle, "en", "email") == {"next_update.time"}


def test_a_read_that_is_not_printed_is_not_a_statement(copy: TemplateCopy) -> None:
    original = (copy.folder / "en" / "email.txt").read_text(encoding="utf-8")
    hidden = NEXT_UPDATE_LINE.sub("{% if f.next_update.time %}{% endif %}", original)
    with copy.changed("en/email.txt", hidden):
        bundle = render(load_example("identified"), languages=["en"], channels=["email"],
                        templates=copy.folder)
    assert "next_update.time" in bundle["en", "email"].placed
    assert required(bundle, "en", "email") == {"next_update.time"}


def audience(bundle: Bundle) -> list[Finding]:
    return [f for f in bundle.findings if f.rule == "audience-leak"]


def test_restricted_wording_pasted_into_incident_text_is_reported_as_pasted() -> None:
    cause = load_example("identified").internal.cause["en"]  # type: ignore[union-attr,index]
    incident = with_text("impact", "en", f"Some customers cannot sign in. {cause}")
    bundle = render(incident, languages=["en"], channels=["email", "talking_points"])
    found = audience(bundle)
    assert found, "the pasted cause must be reported"
    for finding in found:
        assert finding.channel == "email"
        assert finding.file is None  # not the template's doing
        assert "internal.cause" in finding.message and "(impact)" in finding.message
        assert "pasted" in finding.message


def test_restricted_wording_typed_into_a_template_names_the_template(
        copy: TemplateCopy) -> None:
    cause = load_example("identified").internal.cause["en"]  # type: ignore[union-attr,index]
    original = (copy.folder / "en" / "banner.txt").read_text(encoding="utf-8")
    # s26: the identified banner says the shared day first ("{% if day1 %}…: next update …").
    changed = original.replace("{% if day1 %}", "{% if day1 %}" + cause + " ")
    assert changed != original
    with copy.changed("en/banner.txt", changed):
        bundle = render(load_example("identified"), languages=["en"], channels=["banner"],
                        templates=copy.folder)
    (finding,) = audience(bundle)
    assert finding.file is not None and finding.file.endswith("en/banner.txt")
    assert "internal.cause" in finding.message and "pasted" not in finding.message


def test_the_record_itself_is_checked() -> None:
    # A message whose record says a customer channel placed a restricted fact (made by some
    # other means than render(), which refuses that read) is an error on that template, with
    # no restricted wording in its text at all.
    bundle = render(load_example("identified"), languages=["en"], channels=["sms"])
    sms = bundle["en", "sms"]
    forged = dataclasses.replace(sms, placed=sms.placed | {"internal.open_contacts"},
                                 placed_in={"text": sms.placed | {"internal.open_contacts"}})
    (finding,) = audience(dataclasses.replace(bundle, messages=(forged,)))
    assert finding.file is not None and finding.file.endswith("en/sms.txt")
    assert "internal.open_contacts" in finding.message
