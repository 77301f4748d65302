"""Session 27b, English after reading 47 (/tmp/fr47en; a native British-English reader).

EN-1: the call-centre SMS asks customers to resend their emails: it opens with "Netivim:" again
      (without the sender a request reads as phishing). Its apology's room comes from the
      "Status: " label ("Fix in progress.") instead; an SMS that asks the customer to do
      something (its customer action, the lost-email line) keeps the sender.
EN-2: compensation IVR: the voucher is said as to one caller, a whole sentence, "… valid until
      31 December 2026. You do not need to ask.", the script's dates in full ("28
      November"); the resolution of today is "today at 17:50", which gives it the room.
      The Friday hours still do not fit the 45 seconds.
EN-3: partners (call centre down): "once Netivim's email is back up", not "… working again".
"""

from __future__ import annotations

from pathlib import Path

from crisiscomms import load_incident, render
from crisiscomms.facts import build_facts
from crisiscomms.render import _render_outputs, template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

HARD = Path(__file__).resolve().parent / "data" / "hard"
CC = HARD / "callcentre.yaml"


def _message(source: Path | str, channel: str) -> tuple[str, str, dict[str, object]]:
    incident = load_example(source) if isinstance(source, str) else load_incident(source)
    bundle = render(incident, languages=["en"], channels=[channel])
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    message = bundle["en", channel]
    text = " ".join(strip_controls(message.text or "").split())
    return text, " ".join((message.ssml or "").split()), dict(message.stats)


def _filled(short: int, room: int) -> str:
    ts = template_set()
    language = ts.language("en")
    facts = build_facts(load_incident(CC), ts.config, language, "en", None)
    outputs, _ = _render_outputs(ts, "en", "sms", {}, facts, language, {}, short=short,
                                 room=room)
    return " ".join(strip_controls(outputs["text"]).split())


# --- EN-1 --------------------------------------------------------------------------------------

def test_callcentre_sms_keeps_its_sender_and_gives_the_status_label_for_the_apology() -> None:
    text, _, stats = _message(CC, "sms")
    assert text.startswith("Netivim: Call centre problem. Also affected: email to us. "
                           "Fix in progress. Expected back: 12:00. Next update: 11:00."), text
    assert "Status:" not in text
    assert "please resend them after 12:00." in text
    assert text.endswith(" We are sorry. status.netivim.example"), text
    assert stats["segments"] == 2


def test_an_sms_that_asks_never_gives_its_sender_for_the_apology() -> None:
    # The label's 8 units and the apology's 14: with 6 units left the label goes for it; with
    # fewer, no apology, and the sender and the label both stay.
    roomy = _filled(2, 6)
    assert roomy.startswith("Netivim: ") and "Status:" not in roomy
    assert " Fix in progress." in roomy and "We are sorry." in roomy
    tight = _filled(2, 5)
    assert tight.startswith("Netivim: ") and "Status: fix in progress." in tight
    assert "We are sorry." not in tight


# --- EN-2 --------------------------------------------------------------------------------------

def test_compensation_ivr_says_the_voucher_as_a_whole_sentence_with_full_dates() -> None:
    text, ssml, stats = _message("compensation", "ivr")
    assert ("By Saturday 28 November, we will text you a voucher worth 10% of your monthly bill, "
            "valid until 31 December 2026. You do not need to ask.") in text
    assert "no need to ask" not in text and "no need to ask" not in ssml
    assert ("valid until the thirty-first of December twenty twenty-six. You do not need to ask. "
            "If you still have no signal, restart your phone.") in ssml
    # A resolved recording plays on after its day: it keeps the date (issue 11 point 6,
    # tests/test_dates.py), never "today", which the wording once bought its room with.
    assert "was resolved on Saturday 21 November at 17:50." in text
    assert float(str(stats["seconds"])) <= 45


# --- EN-3 --------------------------------------------------------------------------------------

def test_partners_say_email_is_back_up() -> None:
    text, _, _ = _message(CC, "partners")
    assert ("please send them again once Netivim's email is back up, expected today at "
            "12:00.") in text
    assert "working again" not in text
    bundle = render(load_incident(CC), languages=["en"], channels=["partners"])
    html = bundle["en", "partners"].html or ""
    assert "once Netivim's email is back up" in html and "working again" not in html
