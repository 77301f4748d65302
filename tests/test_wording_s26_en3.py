"""Reading 45 (English): the stronger apology after a long outage (EN-2), the lost emails on
social (EN-1), the open SMS apology (EN-3)."""
from __future__ import annotations

from pathlib import Path

from crisiscomms import load_incident, render

ROOT = Path(__file__).resolve().parent.parent
COMP = "examples/compensation.yaml"
VERY = "We are very sorry for such a long disruption."


def _text(path: str, channel: str) -> str:
    bundle = render(load_incident(ROOT / path), languages=["en"], channels=[channel])
    (message,) = bundle.messages
    return message.text


def test_compensation_short_channels_say_very_sorry_for_the_long_outage() -> None:
    # EN-2: a 35 h 40 min outage, resolved: not the routine "We apologise for the disruption."
    assert VERY in _text(COMP, "ivr")
    assert _text(COMP, "sms").endswith(
        "If you still have no signal, restart your phone. " + VERY)
    assert VERY in _text(COMP, "banner")
    assert "We are very sorry for the long outage." in _text(COMP, "social")
    for channel in ("ivr", "sms", "banner", "social"):
        assert "We apologise" not in _text(COMP, channel), channel


def test_compensation_ivr_keeps_the_customer_action() -> None:
    # The stronger apology does not push "restart your phone" out of the 45 seconds.
    assert "If you still have no signal, restart your phone." in _text(COMP, "ivr")


def test_long35_sms_says_it_has_gone_on_far_too_long() -> None:
    assert ("We are very sorry for the disruption to your service, which has gone on far too long. "
            "Thank you for your patience.") in _text("tests/data/hard/long35.yaml", "sms")


def test_compensation_banner_html_says_it_too() -> None:
    bundle = render(load_incident(ROOT / COMP), languages=["en"],
                    channels=["banner"])
    (message,) = bundle.messages
    assert message.html is not None
    assert VERY in message.html


def test_short_outage_ivr_thanks_without_comma() -> None:
    assert "We apologise for the inconvenience and thank you for your patience." in _text(
        "examples/resolved.yaml", "ivr")


def test_callcentre_social_asks_for_lost_emails_again() -> None:
    # EN-1: a reader who sees only the post must not wait for a reply that will never come.
    text = _text("tests/data/hard/callcentre.yaml", "social")
    assert ("Emails sent to us since 09:30 have not reached us: "
            "please resend them after 12:00.") in text
    assert "You can reach us by chat on our website." in text


def test_open_sms_in_full_wording_says_sorry() -> None:
    # EN-3: where the apology does not fit beside the thanks, it takes their place.
    assert _text("tests/data/hard/phonechat.yaml", "sms").endswith(
        "and at our service centres. We are sorry. status.netivim.example")
    assert _text("examples/investigating.yaml", "sms").endswith(
        "No need to contact us again. We are sorry. status.netivim.example")

