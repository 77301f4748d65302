"""Session 23: a budget finding says what in the incident to shorten once even the channel's
shortest wording is over (issue 11 point 12: "only if the shortest form still does not fit is
`sms-segments` an error").

The services sweep (contact channels added to every example) ends with SMS still over budget
when four or five long service names are listed: no template choice is left, so the error
must send the team to the incident (a shorter title, `services[].short`), and that advice
must work.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.lists import format_list

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.messages import Bundle
from crisiscomms.model import SmsText
from crisiscomms.rules import BudgetRule, WorkaroundDroppedRule, load_rules

from .example_edits import CONTACT_SERVICES, with_contact_channels

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("he", "en", "ar", "ru")
IDENTIFIED = ROOT / "examples" / "identified.yaml"

def _shortest_text(lang: str, rule_id: str) -> str:
    rule = load_rules(ROOT / "templates", lang).get(rule_id)
    assert isinstance(rule, BudgetRule) and rule.shortest
    return rule.shortest


def _names_text(lang: str, rule_id: str, services: list[str]) -> str:
    """The rule's `names` sentence for these services, as a list in the language."""
    rule = load_rules(ROOT / "templates", lang).get(rule_id)
    assert isinstance(rule, (BudgetRule, WorkaroundDroppedRule)) and rule.names
    return rule.names.format(services=format_list(services, locale=lang))


def _contact_names(lang: str) -> list[str]:
    k = LANGS.index(lang)
    return [CONTACT_SERVICES["call-centre"][k], CONTACT_SERVICES["chat"][k]]


def _long_title() -> dict[str, Any]:
    # The longest title the incident file allows (120), beside the phone line and the chat.
    raw = with_contact_channels(short=False)
    # No short name anywhere (the account's own too: since s23_short the SMS says it, and the
    # English SMS then fits at 304 units).
    for service in raw["services"]:
        service.pop("short", None)
    raw["title"] = {lang: (raw["title"][lang] + " ") * 6 for lang in LANGS}
    raw["title"] = {lang: text[:120].strip() for lang, text in raw["title"].items()}
    return raw


@pytest.mark.parametrize("lang", LANGS)
def test_shortest_sms_over_says_what_to_shorten(lang: str) -> None:
    bundle = render(parse_incident(_long_title(), str(IDENTIFIED)), languages=[lang],
                    channels=["sms"])
    assert bundle[lang, "sms"].stats["short"] == 11
    over = [f for f in bundle.findings if f.rule == "sms-segments"]
    assert len(over) == 1 and over[0].severity == "error"
    # The account's name and the two contact channels have no short name; the title names the
    # app, so the app is not among what to shorten.
    k = LANGS.index(lang)
    account = yaml.safe_load(IDENTIFIED.read_text(encoding="utf-8"))["services"][1]["name"][lang]
    names = _names_text(lang, "sms-segments", [account, *_contact_names(lang)])
    assert over[0].message.endswith(f"{_shortest_text(lang, 'sms-segments')} {names}"), (
        over[0].message, k)


@pytest.mark.parametrize("lang", LANGS)
def test_with_every_short_name_given_only_the_title_is_left(lang: str) -> None:
    raw = _long_title()
    for service in raw["services"]:
        service["short"] = {code: "a short service name" for code in LANGS}
    bundle = render(parse_incident(raw, str(IDENTIFIED)), languages=[lang], channels=["sms"])
    over = [f for f in bundle.findings if f.rule == "sms-segments"]
    assert len(over) == 1 and over[0].message.endswith(_shortest_text(lang, "sms-segments"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_longer_wording_over_gets_no_advice(lang: str) -> None:
    # A bundle whose SMS is over at wording 3 (bulk renders one fixed wording): a shorter
    # wording is left, so the incident need not change and the message says only the count.
    bundle = render(parse_incident(_long_title(), str(IDENTIFIED)), languages=[lang],
                    channels=["sms"])
    sms = bundle[lang, "sms"]
    longer = dataclasses.replace(sms, stats={**sms.stats, "short": 3})
    findings = Bundle(bundle.incident, (longer,), checks=bundle.checks).findings
    over = [f for f in findings if f.rule == "sms-segments"]
    assert len(over) == 1
    assert _shortest_text(lang, "sms-segments") not in over[0].message


def test_the_advice_works_for_long_service_names() -> None:
    # The phone line and the chat down beside the app and the account: four long names leave
    # the Hebrew SMS 140 units at its shortest wording (two segments hold 134). Short names,
    # as the finding advises, bring it inside.
    def errors(short: bool) -> list[str]:
        bundle = render(parse_incident(with_contact_channels(short), str(IDENTIFIED)),
                        languages=["he"], channels=["sms"])
        return [f.message for f in bundle.findings if f.severity == "error"]

    before = errors(short=False)
    assert len(before) == 1 and before[0].endswith(
        _names_text("he", "sms-segments", _contact_names("he")))
    assert errors(short=True) == []


@pytest.mark.parametrize("lang", ["he", "ar", "ru"])
def test_a_dropped_workaround_short_form_sends_the_team_to_the_title(lang: str) -> None:
    # Reading 23 ru F2: with the short form given and dropped all the same (the phone line and
    # the chat down, long names), "give the incident a short form" was wrong advice.
    def dropped(data: dict[str, Any]) -> list[tuple[str | None, str]]:
        bundle = render(parse_incident(data, str(IDENTIFIED)), languages=[lang], channels=["sms"])
        return [(f.field, f.message) for f in bundle.findings
                if f.rule == "sms-workaround-dropped"]

    rule = load_rules(ROOT / "templates", lang).get("sms-workaround-dropped")
    assert isinstance(rule, WorkaroundDroppedRule) and rule.given
    given = with_contact_channels(short=False)
    said = f"{rule.given.format(limit=SmsText.max_length)} " + _names_text(
        lang, "sms-workaround-dropped", _contact_names(lang))
    assert dropped(given) == [(f"title.{lang}", said)]
    missing = {**given, "workaround_short": None}
    [(field, message)] = dropped(missing)
    assert field == f"workaround_short.{lang}" and message != rule.given
