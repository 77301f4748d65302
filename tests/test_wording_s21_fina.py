"""Session 21 (fin21a), after reading 15: the Hebrew SMS of the phone line and chat down scopes
the working channels to any other matter where the no-need line does not fit, before the sender
comes back (R15 #1); the English phone line apologises for "the inconvenience" after a short
outage, as the SMS, email, status page and social do (R15 #4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import Incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.loading import load_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import changed_example, example_names, load_example

from .example_edits import seen

HARD = Path(__file__).parent / "data" / "hard"


def _every_incident() -> list[tuple[str, Incident, Incident | None]]:
    found: list[tuple[str, Incident, Incident | None]] = [
        (name, load_example(name), None) for name in example_names()]
    found += [(path.name, load_incident(path), None) for path in sorted(HARD.glob("*.yaml"))]
    previous, current = changed_example()
    return [*found, ("changed", current, previous)]


def _sms_he(name: str) -> tuple[str, int, str]:
    bundle = render(load_incident(HARD / name), languages=["he"], channels=["sms"])
    message = bundle["he", "sms"]
    return seen(bundle, "he", "sms"), int(message.stats["units"]), message.text


def test_phone_and_chat_down_the_sms_scopes_the_working_channels() -> None:
    # R15 #1: "נתיבים: …נעדכן ב-11:00. פנו במייל … או במרכזי השירות." had no no-need line; the
    # scoped one needs 145 units, so the channels are said for any other matter instead, and
    # the sender (the handset shows the sender ID) makes way.
    text, units, raw = _sms_he("phonechat.yaml")
    assert text == ("תקלה במוקד הטלפוני ובצ'אט באתר – בטיפול. צפי: 12:00. נעדכן ב-11:00. "
                    "בינתיים: מייל service@netivim.example או מרכזי השירות. מתנצלים."), text
    assert units <= 134  # reading 46 HE-4: the channels as a bare list, with the apology
    assert "נתיבים" not in raw


def test_the_call_centre_down_keeps_its_no_need_line() -> None:
    # s22 (reading 18 #2): "אין צורך לפנות בעניין זה. פנו …" said "contact us" after "don't";
    # the channels are scoped instead, and the sender comes back.
    text, units, _ = _sms_he("callcentre.yaml")
    # s28 (reading 48 HE-1): the lost emails asked for again, in the room of the second channel.
    assert text.endswith(
        "נעדכן ב-11:00. מיילים מאז 09:30 לא נשמרו. פנו שוב בצ'אט באתר. מתנצלים."), text
    assert "בעניין זה. פנו" not in text
    assert units == 131  # reading 46 HE-4: with the apology


def test_the_scoped_channels_are_language_data() -> None:
    ts = template_set()
    language = ts.language("he")
    assert language.contact.short_other == "בעניין אחר פנו {channel}."
    facts = build_facts(load_incident(HARD / "phonechat.yaml"), ts.config, language, "he", None)
    said = str(facts["contact"]["short_other"])
    assert "בעניין אחר פנו במייל" in said and "או במרכזי השירות" in said


@pytest.mark.parametrize("name", ["resolved", "resolved1h.yaml", "voucher.yaml"])
def test_a_short_outage_on_the_phone_line_is_an_inconvenience(name: str) -> None:
    # R15 #4: the IVR said "the disruption" where every other channel says "the inconvenience".
    incident = load_example(name) if "." not in name else load_incident(HARD / name)
    bundle = render(incident, languages=["en"], channels=["ivr", "sms"])
    ivr = seen(bundle, "en", "ivr")
    # s25: the voucher's route and last day took the thanks' room in the shop's script.
    assert "We apologise for the inconvenience" in ivr, ivr
    assert "the inconvenience" in seen(bundle, "en", "sms")
    assert "disruption" not in ivr and "disruption" not in seen(bundle, "en", "ivr", "ssml")
    assert bundle["en", "ivr"].stats["seconds"] <= 45
    ts = template_set()
    language = ts.language("en")
    facts = build_facts(incident, ts.config, language, "en", None)
    for level in range(CHANNELS["ivr"].short_wording + 1):
        text = _render_one(ts, incident, "en", "ivr", {}, facts, language, {}, level=level).text
        assert "We apologise for the inconvenience" in text, (level, text)


def test_a_long_outage_on_the_phone_line_stays_a_disruption() -> None:
    long35 = seen(render(load_incident(HARD / "long35.yaml"), languages=["en"],
                         channels=["ivr"]), "en", "ivr")
    assert "We are very sorry: the home internet outage in Jerusalem, which began" in long35
    # Out of phone hours the long outage's apology is said in brief to make room.
    compensation = seen(render(load_example("compensation"), languages=["en"],
                               channels=["ivr"]), "en", "ivr")
    assert "We are very sorry for such a long disruption." in compensation


@pytest.mark.parametrize(("name", "incident", "previous"), _every_incident(),
                         ids=[n for n, _, _ in _every_incident()])
def test_every_budget_holds(name: str, incident: Incident, previous: Incident | None) -> None:
    bundle = render(incident, previous=previous, languages=["he", "en"], channels=["sms", "ivr"])
    assert int(bundle["he", "sms"].stats["units"]) <= 134, (name, bundle["he", "sms"].text)
    assert float(bundle["en", "ivr"].stats["seconds"]) <= 45, (name, bundle["en", "ivr"].text)
