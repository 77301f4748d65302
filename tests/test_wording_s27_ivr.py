"""Session 24, reading 27's last IVR defects.

N1: in English and Russian, with the phone line and the chat both among the affected services,
the IVR's wording 7 said "Our representatives cannot take calls, and the chat is down. Anything
else? You can reach us by email.": nothing told callers there was no need to contact us about
this problem. Now wording 7 says the no-need line; with another contact channel down beside the
phone, the services sentence has already named both, so the down sentence gives way to it and
the workaround stays within 45 s. English names the services by their short names there.
A2: the Arabic IVR of the shipped identified example said the status in short ("الخلل قيد
الإصلاح.") with room to spare; it now says it whole, as the other channels do.
"""

from __future__ import annotations

import pytest

from crisiscomms import Message, parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from tests.example_edits import with_contact_channels

# s28 ivrdup: at the English wording 7 the no-need line follows the down line ("... the chat
# is down. No need to call about this problem."; "about it" could be heard as the chat), the
# services sentence no longer naming them.
NO_NEED = {"en": "about this problem.",
           "ru": "Обращаться по этому сбою не нужно."}
WORKAROUND = "2040"  # examples/identified.yaml: the bill by text to 2040


def _ivr(lang: str, short: bool) -> Message:
    incident = parse_incident(with_contact_channels(short))
    return render(incident, languages=[lang], channels=["ivr"])[lang, "ivr"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("lang", sorted(NO_NEED))
def test_phone_and_chat_down_say_there_is_no_need_to_contact_us(lang: str, short: bool) -> None:
    m = _ivr(lang, short)
    for output in ("text", "ssml"):
        said = strip_controls(getattr(m, output) or "")
        assert NO_NEED[lang] in said, (output, said)
    assert WORKAROUND in m.text, m.text
    assert m.stats["seconds"] <= 45, m.stats


def test_english_names_the_services_short_at_its_seventh_wording() -> None:
    m = _ivr("en", True)
    # Wording 6 since reading 30 en-13 shortened the opening; the down line names both.
    assert m.stats["short"] in (6, 7), m.stats
    # s28 ivrdup: the phone line and the chat are named by the down line, not the services
    # sentence, which keeps the other services by their short names.
    assert "It also affects the online account." in m.text, m.text
    assert "Our representatives cannot take calls, and the chat is down." in m.text, m.text


def test_arabic_identified_ivr_says_the_status_whole() -> None:
    m = render(load_example("identified"), languages=["ar"], channels=["ivr"])["ar", "ivr"]
    for output in ("text", "ssml"):
        said = strip_controls(getattr(m, output) or "")
        assert "تم تحديد السبب، والعمل جارٍ على الإصلاح." in said, (output, said)
        assert "قيد الإصلاح" not in said, (output, said)
    assert m.stats["seconds"] <= 45, m.stats
