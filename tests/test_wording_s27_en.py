"""Session 27, English after reading 46 (/tmp/fr46en; a native British-English reader).

EN-1: the call centre down with emails to us lost: the SMS and the social post apologise ("We are
      sorry."); the SMS gives its sender for it where nothing else leaves room (the handset shows
      the sender ID), the post its day words ("at 12:00" for "today at 12:00").
EN-2: monitoring.yaml: the IVR and the social post say the action's "by the end of Sunday 22
      November" as "by the end of today" beside "today at 12:30"; the lasting channels keep the
      date.
EN-4: the call-centre IVR says when the lost emails began and when to send them again
      ([lost_email] lost_said_dated: "since nine thirty a.m. … after noon"), naming
      email once (its down line names it).
EN-6: long35 IVR: "We are very sorry: the … outage …, which began on Sunday at eight a.m., is still
      going on."
EN-8: the overnight IVR gives Friday's hours (its trim drops "we know about it" first); the
      compensation IVR gives the voucher's weekday ("By Saturday the twenty-eighth of November").
EN-9: "send it again once our email is working again" is "… once our email is back up".
EN-12: longtitle IVR: "It affects internet, TV and home phone services."
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crisiscomms import load_incident, render
from crisiscomms.model import Incident
from crisiscomms.render import Bundle
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"


def _bundle(incident: Incident, *channels: str) -> Bundle:
    bundle = render(incident, languages=["en"], channels=list(channels))
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    return bundle


def _text(bundle: Bundle, channel: str) -> str:
    return " ".join(strip_controls(bundle["en", channel].text or "").split())


def _ssml(bundle: Bundle) -> str:
    return " ".join((bundle["en", "ivr"].ssml or "").split())


# --- EN-1 --------------------------------------------------------------------------------------

def test_callcentre_sms_and_social_apologise_within_budget() -> None:
    bundle = _bundle(load_incident(HARD / "callcentre.yaml"), "sms", "social")
    sms, social = _text(bundle, "sms"), _text(bundle, "social")
    for text in (sms, social):
        assert "We are sorry." in text, text
        # The lost-email line and the working channel stay.
        assert "have not reached us: please resend them after 12:00." in text, text
        assert "by chat on our website" in text, text
    assert bundle["en", "sms"].stats["segments"] <= 2
    assert bundle["en", "social"].stats["weighted_length"] <= 280
    # The SMS keeps every working channel; the post its times.
    assert "and at our service centres" in sms
    assert "Expected back at 12:00. Next update at 11:00." in social


def test_shipped_open_sms_keep_their_sender() -> None:
    # The sender goes for the apology only where nothing else leaves room for it.
    for name in ("identified", "investigating", "monitoring", "overnight"):
        text = _text(_bundle(load_example(name), "sms"), "sms")
        assert text.startswith("Netivim: "), (name, text)
        assert "sorry" in text or "apologise" in text, (name, text)


# --- EN-2 --------------------------------------------------------------------------------------

def test_monitoring_ivr_and_social_say_by_the_end_of_today() -> None:
    bundle = _bundle(load_example("monitoring"), "ivr", "social", "status_page", "email")
    ivr, ssml, social = _text(bundle, "ivr"), _ssml(bundle), _text(bundle, "social")
    said = "Please do not pay again: your payment will show by the end of today."
    assert said in ivr and said in ssml and said in social
    assert "Sunday" not in ivr and "Sunday" not in ssml
    assert "Sunday night" not in social
    assert bundle["en", "ivr"].stats["seconds"] <= 45
    assert bundle["en", "social"].stats["weighted_length"] <= 280
    # What stays up keeps the date.
    for channel in ("status_page", "email"):
        assert "by the end of Sunday 22 November." in _text(bundle, channel), channel
        assert "end of today" not in _text(bundle, channel), channel


def test_an_ivr_heard_tomorrow_keeps_the_date() -> None:
    # Its next update tomorrow: the script may still play after midnight.
    base = load_example("monitoring")
    later = base.model_copy(update={
        "next_update_at": dt.datetime(2026, 11, 23, 9, 0, tzinfo=base.updated_at.tzinfo),
        "eta": dt.datetime(2026, 11, 23, 9, 0, tzinfo=base.updated_at.tzinfo)})
    text = _text(_bundle(later, "ivr"), "ivr")
    assert "end of today" not in text
    assert "by the end of Sunday 22 November" in text or "by Sunday night" in text, text


# --- EN-4 --------------------------------------------------------------------------------------

def test_callcentre_ivr_says_when_lost_emails_began_and_when_to_resend() -> None:
    bundle = _bundle(load_incident(HARD / "callcentre.yaml"), "ivr")
    assert ("If you have written to us since nine thirty a.m., please write again after noon."
            in _ssml(bundle))
    assert ("If you have written to us since 09:30, please write again after 12:00."
            in _text(bundle, "ivr"))
    assert "since the problem began" not in _ssml(bundle)
    assert bundle["en", "ivr"].stats["seconds"] <= 45


# --- EN-6 --------------------------------------------------------------------------------------

def test_long35_ivr_says_the_outage_is_still_going_on() -> None:
    bundle = _bundle(load_incident(HARD / "long35.yaml"), "ivr")
    assert ("We are very sorry: the home internet outage in Jerusalem, which began on Sunday at "
            "eight a.m., is still going on. We have found the cause and are fixing it."
            in _ssml(bundle))
    assert "for the disruption to your service:" not in _ssml(bundle)


# --- EN-8 --------------------------------------------------------------------------------------

def test_overnight_ivr_gives_friday_hours_within_budget() -> None:
    bundle = _bundle(load_example("overnight"), "ivr")
    ssml = _ssml(bundle)
    assert ("call back Sunday to Thursday, eight a.m. to eight p.m., Friday until one p.m., or "
            "chat with us on our website." in ssml)
    assert "We already know about this problem." in ssml  # reading 53 EN-1
    assert bundle["en", "ivr"].stats["seconds"] <= 45


def test_compensation_ivr_gives_the_voucher_weekday_within_budget() -> None:
    bundle = _bundle(load_example("compensation"), "ivr", "sms")
    assert ("By Saturday the twenty-eighth of November, we will text you a voucher"
            in _ssml(bundle))
    # The customer action stays.
    assert "restart your phone" in _ssml(bundle)
    assert bundle["en", "ivr"].stats["seconds"] <= 45
    assert "By Saturday 28 Nov," in _text(bundle, "sms")
    assert bundle["en", "sms"].stats["segments"] <= 2


# --- EN-9 --------------------------------------------------------------------------------------

def test_lost_email_pages_say_once_our_email_is_back_up() -> None:
    bundle = _bundle(load_incident(HARD / "callcentre.yaml"), "email", "status_page")
    email, page = _text(bundle, "email"), _text(bundle, "status_page")
    assert "Please send it again once our email is back up (we expect this on Monday" in email
    assert "please send them again once our email is back up (expected on Monday" in page
    for text in (email, page, bundle["en", "email"].html or "",
                 bundle["en", "status_page"].html or ""):
        assert "working again" not in text


# --- EN-12 -------------------------------------------------------------------------------------

def test_longtitle_ivr_ends_the_services_list_on_its_noun() -> None:
    bundle = _bundle(load_incident(HARD / "longtitle.yaml"), "ivr")
    assert "It affects internet, TV and home phone services." in _ssml(bundle)
    assert "It affects internet, TV and home phone services." in _text(bundle, "ivr")
    # A name with its own article is said as it is.
    identified = _bundle(load_example("identified"), "ivr")
    assert "It also affects the online account." in _ssml(identified)
