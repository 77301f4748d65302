"""Arabic reading 45 AR-2: the identified example's workaround told the caller to "send the word
BILL to the number 2040" with no word for a text message, so some callers would dial 2040 and say
"bill"; the Hebrew says "בשליחת הודעה". Every Arabic channel that gives the whole workaround now
says «برسالة نصية», and the IVR says it in the script and in the SSML alike."""

from __future__ import annotations

import pytest

from crisiscomms import parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from tests.test_wording_s22_ivrd import _moved
from tests.test_wording_s22_ivre import IDENTIFIED, SUNDAY_NIGHT

# Reading 51 B-1' (s28 ar2): the text says "أرسلوا BILL"; the phone line adds "كلمة … بالإنجليزية".
_BY_TEXT = "أرسلوا BILL برسالة نصية إلى الرقم 2040"


@pytest.mark.parametrize("channel", ["ivr", "email", "status_page", "talking_points", "partners"])
def test_identified_workaround_says_the_keyword_goes_by_text(channel: str) -> None:
    bundle = render(load_example("identified"), languages=["ar"], channels=[channel])
    text = strip_controls(bundle["ar", channel].text or "")
    # s27 (reading 46 AR-6): the IVR script says "بالإنجليزية" as its SSML does.
    said = _BY_TEXT.replace("BILL", "كلمة BILL بالإنجليزية") if channel == "ivr" else _BY_TEXT
    assert said in text, text


def test_identified_ivr_ssml_says_by_text_message_before_the_number() -> None:
    bundle = render(load_example("identified"), languages=["ar"], channels=["ivr"])
    ssml = strip_controls(bundle["ar", "ivr"].ssml or "")
    assert "بالإنجليزية برسالة نصية إلى الرقم اثنان صفر أربعة صفر" in ssml, ssml


def test_the_night_script_without_an_estimate_keeps_the_workaround_and_the_chat() -> None:
    # The longer workaround pushed the Sunday-night script with no estimate to the last wording,
    # which drops the workaround and the chat (open at night); at wording 7 the no-estimate line
    # leaves out "وسنعلنه فور توفره" when a workaround follows (the next update is said after it).
    data = _moved(IDENTIFIED, SUNDAY_NIGHT, no_eta=True)
    message = render(parse_incident(data), languages=("ar",), channels=("ivr",))["ar", "ivr"]
    text = strip_controls(message.text)
    assert message.stats["seconds"] <= 45
    assert int(message.stats["short"]) == 7
    # Wording 7 says the keyword alone, in the script as in the SSML (s27 AR-6).
    assert _BY_TEXT in text and "عبر الدردشة في موقعنا" in text, text
    assert "لا يتوفر لدينا بعد تقدير موثوق لموعد عودة الخدمة. " in text, text
    ssml = strip_controls(message.ssml or "")
    assert "لا يتوفر لدينا بعد تقدير موثوق لموعد عودة الخدمة. " in ssml, ssml
