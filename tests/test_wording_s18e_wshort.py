"""Session 18e, SMS (REVIEW defect 1): an optional authored short form of the workaround,
`workaround_short`, said in the SMS where the whole workaround does not fit, so a Hebrew SMS of
2 segments keeps a workaround instead of sending customers to the phone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from crisiscomms import parse_incident, render
from crisiscomms.errors import IncidentError
from crisiscomms.facts import build_facts
from crisiscomms.model import Incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

SHORT_HE = "אפשר לשלם ב-SMS למספר 2040."
SHORT_EN = "You can pay by texting PAY to 2040."

# The reading's "urlcode" incident: a Hebrew workaround too long for 2 segments.
URLCODE: dict[str, Any] = {
    "id": "INC-3006", "status": "identified", "severity": "minor",
    "updated_at": "2026-11-23T14:30:00+02:00", "started_at": "2026-11-23T13:50:00+02:00",
    "eta": "2026-11-23T18:00:00+02:00", "next_update_at": "2026-11-23T16:00:00+02:00",
    "title": {"he": "תקלה בתשלום חשבונות באפליקציה", "en": "Bill payment problem in the app"},
    "impact": {"he": "לא ניתן לשלם חשבונות באפליקציה.", "en": "Bills cannot be paid in the app."},
    "services": [{"id": "app", "name": {"he": "האפליקציה", "en": "the app"}}],
    "workaround": {
        "he": "ניתן לשלם באתר https://netivim.example/pay או בשליחת SMS למספר 2040.",
        "en": "You can pay at https://netivim.example/pay or by texting PAY to 2040."},
}


def _urlcode(short: dict[str, str] | None = None) -> dict[str, Any]:
    data = copy.deepcopy(URLCODE)
    if short is not None:
        data["workaround_short"] = short
    return data


def _sms(data: dict[str, Any], lang: str) -> tuple[str, dict[str, Any]]:
    bundle = render(parse_incident(data), languages=[lang], channels=["sms"])
    assert not [f for f in bundle.findings if f.severity == "error"]
    message = bundle[lang, "sms"]
    return strip_controls(message.text), dict(message.stats)


# --- the model -------------------------------------------------------------------------------

def test_workaround_short_is_optional_and_limited_to_60_characters() -> None:
    assert parse_incident(_urlcode()).workaround_short is None
    incident = parse_incident(_urlcode({"he": SHORT_HE, "en": SHORT_EN}))
    assert incident.workaround_short is not None
    assert incident.workaround_short["he"] == SHORT_HE
    with pytest.raises(ValidationError, match="workaround_short"):
        Incident.model_validate(_urlcode({"he": "א" * 61, "en": SHORT_EN}))


def test_workaround_short_is_unused_without_the_workaround() -> None:
    data = _urlcode({"he": SHORT_HE, "en": SHORT_EN})
    del data["workaround"]
    ts = template_set()
    facts = build_facts(parse_incident(data), ts.config, ts.language("he"), "he", None)
    assert facts["workaround_short"] is None
    text, _ = _sms(data, "he")
    assert SHORT_HE not in text


def test_workaround_short_is_cleaned_and_checked_like_the_workaround() -> None:
    # A bidi override is refused naming the field; an invisible character is a finding naming
    # the field; a language missing from it is refused at render time, as for every text.
    with pytest.raises(IncidentError, match=r"workaround_short\.he: contains bidi control"):
        parse_incident(_urlcode({"he": "\u202e" + SHORT_HE, "en": SHORT_EN}))
    incident = parse_incident(_urlcode({"he": SHORT_HE, "en": "pay\u00adby SMS"}))
    assert "workaround_short" in incident.texts()
    bundle = render(incident, languages=["en"], channels=["sms"])
    assert any(f.field == "workaround_short.en" for f in bundle.findings), bundle.findings
    with pytest.raises(IncidentError, match=r"workaround_short\.ar"):
        render(parse_incident(_urlcode({"he": SHORT_HE, "en": SHORT_EN})), languages=["ar"],
               channels=["sms"])


def test_the_fact_is_none_without_a_short_form() -> None:
    ts = template_set()
    language = ts.language("he")
    plain = build_facts(parse_incident(_urlcode()), ts.config, language, "he", None)
    assert plain["workaround_short"] is None
    short = build_facts(parse_incident(_urlcode({"he": SHORT_HE, "en": SHORT_EN})), ts.config,
                        language, "he", None)
    assert short["workaround_short"].text.strip("\u200e\u200f\u2066\u2067\u2068\u2069") \
        == SHORT_HE


# --- the SMS ---------------------------------------------------------------------------------

def test_hebrew_urlcode_sms_keeps_a_workaround_in_2_segments() -> None:
    # Before: "צפי: 18:00. העדכון הבא: 16:00." with no workaround at all.
    text, stats = _sms(_urlcode(), "he")
    assert "2040" not in text
    text, stats = _sms(_urlcode({"he": SHORT_HE, "en": SHORT_EN}), "he")
    assert SHORT_HE in text and "https://netivim.example/pay" not in text, text
    assert stats["segments"] == 2, stats
    # The affected service stays (CONTRACT section 6): here the title names it.
    # s26 he3 (reading 45 HE-5): "נעדכן ב-16:00." where it gives the apology its room.
    assert "באפליקציה" in text and "צפי: 18:00." in text
    assert "העדכון הבא: 16:00." in text or "נעדכן ב-16:00." in text


def test_the_whole_workaround_wins_where_it_fits() -> None:
    text, _ = _sms(_urlcode({"he": SHORT_HE, "en": SHORT_EN}), "en")
    assert URLCODE["workaround"]["en"] in text and SHORT_EN not in text


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_ladder_says_the_short_form_from_3_and_drops_it_at_10(lang: str) -> None:
    data = _urlcode({"he": SHORT_HE, "en": SHORT_EN, "ar": "ادفعوا عبر SMS إلى 2040.",
                     "ru": "Оплатите по SMS на 2040."})
    for key in ("title", "impact", "workaround"):
        data[key]["ar"] = data[key]["en"]
        data[key]["ru"] = data[key]["en"]
    data["services"][0]["name"].update(ar="التطبيق", ru="приложение")
    incident = parse_incident(data)
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    whole = data["workaround"][lang]
    short = data["workaround_short"][lang]
    for level in range(11):
        text = strip_controls(_render_one(ts, incident, lang, "sms", {}, facts, language, {},
                                          level=level).text)
        assert (whole in text) == (level < 3), (level, text)
        # s19: the short form outlasts the no-need line and the sender (it goes at 10).
        assert (short in text) == (3 <= level < 10), (level, text)


def test_overnight_example_keeps_its_short_workaround_in_hebrew() -> None:
    bundle = render(load_example("overnight"), languages=["he"], channels=["sms"])
    message = bundle["he", "sms"]
    assert "אפשר להתקשר דרך אפליקציות שיחה." in strip_controls(message.text)
    assert message.stats["segments"] == 2


def test_a_short_form_without_a_full_stop_still_ends_its_sentence() -> None:
    # "…למספר 2040 העדכון הבא": the author's text ran into the next sentence.
    data = _urlcode({"he": SHORT_HE.rstrip("."), "en": SHORT_EN.rstrip(".")})
    text, _ = _sms(data, "he")
    # s26 he3 (reading 45 HE-5): "נעדכן ב-" where it gives the apology its room.
    assert f"{SHORT_HE} העדכון הבא" in text or f"{SHORT_HE} נעדכן ב-" in text, text
