"""Session 27, my own follow-ups after merging the helpers of reading 46."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("path", "word"), [("examples/identified.yaml", "BILL"),
                                            ("tests/data/hard/urlcode-arru.yaml", "PAY")])
def test_the_russian_ivr_script_says_the_keyword_in_latin_letters_as_its_speech_does(
        path: str, word: str) -> None:
    # Reading 46 RU-3: whoever records or reads the script must keep «латиницей».
    ivr = render(load_incident(ROOT / path), languages=["ru"], channels=["ivr"]).messages[0]
    assert f"{word} латиницей на номер 2040" in ivr.text, ivr.text
    assert ivr.ssml is not None and "латиницей" in ivr.ssml
