"""Reading 53, the full reading of session 28: the last Hebrew, English and Russian points."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.samples import load_example

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["examples/compensation.yaml", "tests/data/hard/voucher.yaml"])
def test_hebrew_speech_says_by_sms_as_a_message_not_glued_letters(path: str) -> None:
    # HE-1: "יישלח ב-SMS" was spoken "באס אם אס", which a voice without vowel points reads "bas".
    ivr = render(load_incident(ROOT / path), languages=["he"], channels=["ivr"])["he", "ivr"]
    assert ivr.ssml is not None
    assert "בהודעת אס אם אס" in ivr.ssml and "באס" not in ivr.ssml, ivr.ssml
    assert "ב-SMS" in ivr.text  # the written script keeps what the other channels write
    assert ivr.stats["seconds"] <= 45


def test_the_english_night_line_says_why_there_is_no_need_to_call() -> None:
    # EN-1: out of phone hours the trimmed "No need to call about this problem." gave no reason.
    ivr = render(load_example("overnight"), languages=["en"], channels=["ivr"])["en", "ivr"]
    assert "We already know about this problem. For anything else, call back" in ivr.text
    assert "No need to call about this problem." not in ivr.text
    assert "Friday until 13:00" in ivr.text  # the week's other hours stay (reading 46 EN-8)
    assert ivr.stats["seconds"] <= 45


def test_the_russian_monitoring_action_names_the_personal_account() -> None:
    # RU-1: «в вашем кабинете» read as "in your office"; the rest says «личный кабинет».
    bundle = render(load_example("monitoring"), languages=["ru"],
                    channels=["ivr", "email", "status_page"])
    for message in bundle:
        assert "вашем кабинете" not in message.text
        assert "платёж отобразится в личном кабинете" in message.text, message.channel
