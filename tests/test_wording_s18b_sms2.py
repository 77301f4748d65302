"""Session 18b, SMS and case letters (final reading R9, R16): the status link without its
scheme, the incident's workaround where it fits, the sender back once "no need to contact us
again" has gone, and an acknowledgement letter that always names its answer date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

CASES = Path(__file__).resolve().parent.parent / "examples" / "cases"
IL = dt.timezone(dt.timedelta(hours=2))


def _data(example: str) -> dict[str, Any]:
    return load_example(example).model_dump(mode="json", exclude_none=True)


def _sms(data: dict[str, Any], lang: str) -> tuple[str, dict[str, Any], Bundle]:
    bundle = render(parse_incident(data), languages=[lang], channels=["sms"])
    message = bundle[lang, "sms"]
    return strip_controls(message.text), dict(message.stats), bundle


def _night_tv() -> dict[str, Any]:
    # The reading's night incident: a short title, an estimate after midnight.
    data = _data("overnight")
    data["title"] = {"he": "תקלה בשירות הטלוויזיה", "en": "TV service problem"}
    data["services"] = [{"id": "tv", "name": {"he": "שירות הטלוויזיה", "en": "TV service"}}]
    for key in ("workaround", "workaround_short", "customer_action", "updates"):
        data.pop(key, None)
    return data


# --- R9: the status link, written without "https://" --------------------------------------

def test_hebrew_sms_carries_the_bare_status_link() -> None:
    # Before: the 30-character https:// link did not fit, and the SMS went without it.
    text, stats, bundle = _sms(_night_tv(), "he")
    assert text.startswith("נתיבים: ") and "אין צורך לפנות שוב" in text
    assert "status.netivim.example" in text and "https://" not in text
    assert stats["segments"] == 2
    assert not [f for f in bundle.findings if f.severity == "error"]


def test_every_language_writes_the_sms_link_bare() -> None:
    for lang in ("he", "en", "ar", "ru"):
        text, _, _ = _sms(_data("resolved"), lang)
        assert "status.netivim.example" in text and "https://status" not in text, (lang, text)


# --- R9: the incident's workaround where it fits --------------------------------------------

def test_english_sms_says_the_workaround() -> None:
    data = _data("identified")
    text, stats, _ = _sms(data, "en")
    assert data["workaround"]["en"].split(" 2040")[0] in text
    assert stats["segments"] <= 2


def test_hebrew_workaround_is_said_until_level_3_and_a_long_one_dropped() -> None:
    from crisiscomms.facts import build_facts
    from crisiscomms.render import _render_one, template_set

    data = _night_tv()
    data["workaround"] = {"he": "צפו בשידורים באפליקציה.", "en": "Watch in the app."}
    incident = parse_incident(data)
    ts = template_set()
    language = ts.language("he")
    facts = build_facts(incident, ts.config, language, "he", None)
    for level in range(10):
        text = strip_controls(_render_one(ts, incident, "he", "sms", {}, facts, language, {},
                                          level=level).text)
        assert ("צפו בשידורים באפליקציה. העדכון הבא:" in text) == (level < 3), (level, text)
    # The payment outage's 70-character workaround does not fit two segments: dropped, and
    # the link, the sender and "no need to contact us again" stay.
    data["workaround"]["he"] = ("ניתן לשלם באתר https://netivim.example/pay או בשליחת SMS "
                                "למספר 2040.")
    text, stats, _ = _sms(data, "he")
    assert "ניתן לשלם" not in text and stats["segments"] == 2
    assert text.startswith("נתיבים: ") and "אין צורך לפנות שוב" in text
    assert "status.netivim.example" in text


# --- R9: the sender back once "no need to contact us again" has gone ------------------------

def test_sender_comes_back_when_no_need_to_contact_has_gone() -> None:
    data = _night_tv()
    data["title"] = {"he": "תקלה רחבה ברשת באזור השרון והשפלה",
                     "en": "Wide network fault in the Sharon and Shfela"}
    data["services"] = [{"id": i, "name": {"he": he, "en": en}} for i, he, en in (
        ("fiber", "האינטרנט", "internet"), ("tv", "הטלוויזיה", "TV"),
        ("voip", "הטלפון הביתי", "home phone"))]
    # s21 (R12 he #1): "נעדכן ב-23:30." makes room for the no-need line, which outranks the sender.
    text, stats, _ = _sms(data, "he")
    assert stats["short"] == 7 and text.endswith("נעדכן ב-23:30. אין צורך לפנות שוב.")
    assert not text.startswith("נתיבים:") and stats["segments"] == 2
    # A longer title leaves no room for the no-need line in a first SMS (it goes at 8): the
    # sender comes back instead.
    data["title"]["he"] = "תקלה רחבה ברשת באזור השרון, השפלה והגליל"
    text, stats, _ = _sms(data, "he")
    assert stats["short"] == 8 and "אין צורך לפנות" not in text
    assert text.startswith("נתיבים: תקלה רחבה ברשת") and stats["segments"] == 2


def test_no_need_to_contact_still_outranks_the_sender() -> None:
    # Where only one of the two fits, the customer is told not to call again: the handset
    # shows the sender ID anyway.
    data = _night_tv()
    data["title"] = {"he": "תקלה ברשת באזור השרון", "en": "Network fault in the Sharon"}
    data["services"] = [{"id": i, "name": {"he": he, "en": en}} for i, he, en in (
        ("fiber", "האינטרנט", "internet"), ("tv", "הטלוויזיה", "TV"),
        ("voip", "הטלפון הביתי", "home phone"))]
    text, stats, _ = _sms(data, "he")
    assert "אין צורך לפנות" in text  # reading 46 HE-4: "שוב" may give way to the apology
    # Both fit once no unit goes to an idle direction mark (s20); else the sender goes first.
    assert stats["short"] < 5 or not text.startswith("נתיבים: ")


# --- R16: the acknowledgement letter always names its answer date ---------------------------

def test_acknowledgement_with_no_update_owed_gives_the_service_level_date() -> None:
    # Written after the case was answered (the reading rendered it on 2 December): the case
    # owes no update, and the letter still promises one by the service-level date.
    case = load_case(CASES / "justified-voucher.yaml")
    now = dt.datetime(2026, 12, 2, 10, 0, tzinfo=IL)
    for lang, promise in (("he", "העדכון הבא יגיע אליך לא יאוחר מ-8 בדצמבר 2026"),
                          ("en", "You will hear from us again by 8 December 2026 at 13:00")):
        letter = render_case_letter(case.model_copy(update={"language": lang}),
                                    "acknowledgement", now=now)
        assert promise in strip_controls(letter.text), letter.text
