"""Session 23, helper short23: the budget finding's advice (give long service names a short
form, `services[].short`) works.

Before, the SMS switched to the short name only when exactly one service lay beyond the title
(a namespace loop in each sms.txt): with the example's online account and two contact channels
added, all with short names, the Arabic SMS still said "(ويشمل أيضًا الحساب الشخصي في الموقع
ومركز الاتصال والدردشة في موقعنا)" (212 units, 4 segments) and the Russian one "(также личный
кабинет на сайте, телефонная линия и чат на сайте)". Now a fact, `f.services_beyond_short`,
names each service the title leaves out by its short name where it has one; the SMS says it at
every wording, the banner at its shortest (4) and the social post at its shortest (2).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from crisiscomms import render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident
from crisiscomms.model import Incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SERVICES, CONTACT_SHORT, with_contact_channels
from .test_wording_s22_smse import LANGS, ROOT

IDE = ROOT / "examples" / "identified.yaml"
# The services the title leaves out, by their short names, as each SMS says them.
BEYOND = {"he": "תקלה בכניסה לאפליקציה, באזור האישי, במוקד ובצ'אט –",
          "en": "Also affected: the online account, the phone line and the chat.",
          "ar": "(ويشمل أيضًا الحساب الشخصي ومركز الاتصال والدردشة)",
          "ru": "(также личный кабинет, колл-центр и чат)"}
# The same list at the banner's and social post's shortest wordings.
BEYOND_LIST = {"he": "(גם האזור האישי, המוקד והצ'אט)",
               "en": "(also the online account, the phone line and the chat)",
               "ar": "(ويشمل أيضًا الحساب الشخصي ومركز الاتصال والدردشة)",
               # s27 (reading 46 RU-8): "Затронуты также: …" where it fits, else in brackets.
               "ru": "личный кабинет, колл-центр и чат"}


def _full_names(raw: dict[str, Any], lang: str) -> list[str]:
    """Every full name of a service that has a different short one."""
    return [s["name"][lang] for s in raw["services"]
            if s.get("short") and s["short"][lang] != s["name"][lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_sms_names_the_services_beyond_the_title_by_their_short_names(lang: str) -> None:
    raw = with_contact_channels()
    bundle = render(parse_incident(raw, str(IDE)), languages=[lang], channels=["sms"])
    text = strip_controls(bundle[lang, "sms"].text)
    assert BEYOND[lang] in text
    for name in _full_names(raw, lang):
        assert name not in text
    # Every language now fits its budget (he/en 2 segments, ar/ru 3): ar 200 units, ru 193.
    assert not [x for x in bundle.findings if x.rule == "sms-segments"]


def _levels(raw: dict[str, Any], lang: str, channel: str) -> list[str]:
    incident: Incident = parse_incident(raw, str(IDE))
    ts = template_set(None)
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    return [strip_controls(_render_one(ts, incident, lang, channel, {}, facts, language, {},
                                       level=level).text)
            for level in range(CHANNELS[channel].short_wording + 1)]


@pytest.mark.parametrize("channel", ["banner", "social"])
@pytest.mark.parametrize("lang", LANGS)
def test_shortest_banner_and_social_use_the_short_names(lang: str, channel: str) -> None:
    raw = with_contact_channels()
    *longer, shortest = _levels(raw, lang, channel)
    assert BEYOND_LIST[lang] in shortest
    for name in _full_names(raw, lang):
        assert name not in shortest
    if channel == "banner":
        # Reading 24 B1: two or more services beyond the title go by their short names at every
        # banner wording (tests/test_wording_s24_contact.py).
        assert all(BEYOND_LIST[lang] in text for text in longer)
        return
    # The longer wordings keep the names customers know.
    assert BEYOND_LIST[lang] not in longer[-1]
    assert CONTACT_SERVICES["chat"][LANGS.index(lang)] in longer[-1]


@pytest.mark.parametrize("lang", LANGS)
def test_fact_falls_back_to_the_names(lang: str) -> None:
    ts = template_set(None)
    language = ts.language(lang)
    with_short = build_facts(parse_incident(with_contact_channels(), str(IDE)), ts.config,
                             language, lang)
    without = build_facts(parse_incident(with_contact_channels(short=False), str(IDE)),
                          ts.config, language, lang)
    # The account keeps its short name; the contact channels without one go by their names.
    entry = yaml.safe_load(IDE.read_text(encoding="utf-8"))["services"][1]
    account, short = entry["name"][lang], entry["short"][lang]
    assert str(without["services_beyond_short"]).startswith(short)
    assert account in str(without["services_beyond_title"])
    if short != account:  # en: "the online account" both
        assert account not in str(without["services_beyond_short"])
    k = LANGS.index(lang)
    assert str(without["services_beyond_short"]).endswith(CONTACT_SERVICES["chat"][k])
    assert str(with_short["services_beyond_short"]).endswith(CONTACT_SHORT["chat"][k])
    # Nothing beyond the title: none, as services_beyond_title.
    raw = with_contact_channels()
    raw["services"] = raw["services"][:1]
    alone = build_facts(parse_incident(raw, str(IDE)), ts.config, language, lang)
    assert alone["services_beyond_title"] is None
    assert alone["services_beyond_short"] is None
