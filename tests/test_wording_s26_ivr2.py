"""s26 ivr2: the IVR fixes of reading 44 (EN-10, EN-12, EN-16, EN-18, RU-4, AR-2, AR-3, HE-8,
HE-13)."""

from __future__ import annotations

from crisiscomms.samples import load_example
from crisiscomms.text.speech import speech_words, wrap_ssml


def test_english_ssml_is_british() -> None:
    # EN-10: the brand writes British English; the IVR's voice and tag follow.
    words = speech_words("en")
    assert (words.xml_lang, words.voice) == ("en-GB", "en-GB-SoniaNeural")
    assert 'xml:lang="en-GB"' in wrap_ssml("Hello", "en")
    assert 'name="en-GB-SoniaNeural"' in wrap_ssml("Hello", "en", dialect="azure")
