"""Wording that follows the incident (issue 11, items 15-18), checked on every example."""

from __future__ import annotations

import re

import pytest

from crisiscomms import Bundle, render
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.bidi import strip_controls

STAFF_AND_PARTNERS = ["talking_points", "management", "partners"]
# What a resolved briefing must not say: an estimate or a next update belongs to the outage.
AHEAD = {"he": re.compile("צפי|הערכה|העדכון הבא"),
         "en": re.compile(r"(?i)estimate|expected back|next update")}
THANKS = {"he": "תודה על הסבלנות", "en": "thank you for your patience"}


@pytest.fixture(scope="module")
def bundles() -> dict[str, Bundle]:
    return {name: render(load_example(name)) for name in example_names()}


def _texts(bundle: Bundle, lang: str, channel: str) -> str:
    message = bundle[lang, channel]
    return strip_controls("\n".join(filter(None, (message.subject, message.text, message.html))))


@pytest.mark.parametrize("channel", STAFF_AND_PARTNERS)
def test_resolved_briefings_speak_of_what_happened(bundles: dict[str, Bundle],
                                                   channel: str) -> None:
    for name, bundle in bundles.items():
        if load_example(name).status.value != "resolved":
            continue
        for lang, pattern in AHEAD.items():
            found = pattern.findall(_texts(bundle, lang, channel))
            assert not found, (name, lang, channel, found)


def test_thanks_while_the_outage_is_still_on(bundles: dict[str, Bundle]) -> None:
    for name, bundle in bundles.items():
        if load_example(name).status.value == "resolved":
            continue
        for lang, thanks in THANKS.items():
            for channel in ("talking_points", "partners"):
                assert thanks in _texts(bundle, lang, channel).casefold(), (name, lang, channel)


def test_one_sentence_about_where_updates_come(bundles: dict[str, Bundle]) -> None:
    words = {"he": "עדכונים שוטפים מתפרסמים בדף הסטטוס", "en": "published on"}
    for name, bundle in bundles.items():
        if load_example(name).status.value == "resolved":
            continue
        for lang, sentence in words.items():
            text = _texts(bundle, lang, "talking_points")
            assert sentence in text, (name, lang)
            assert not re.search(r"(?i)by SMS|ב-SMS ובאתר", text), (name, lang)


def test_no_tool_words_and_open_contacts(bundles: dict[str, Bundle]) -> None:
    for bundle in bundles.values():
        he, en = _texts(bundle, "he", "management"), _texts(bundle, "en", "management")
        assert "קובץ האירוע" not in he and "incident file" not in en
        assert "untreated" not in en.casefold()


def test_partner_quotes_keep_one_voice(bundles: dict[str, Bundle]) -> None:
    no_eta = render(load_example("investigating"), channels=["partners"])
    quotes = {lang: re.findall(r'"[^"\n]*"', no_eta[lang, "partners"].text) for lang in THANKS}
    assert any("לנתיבים עדיין אין הערכה" in strip_controls(q) for q in quotes["he"])
    assert not any("לנו" in q for q in quotes["he"])
    assert not any(re.search(r"\bWe\b|\bus\b", q) for q in quotes["en"])


def test_english_reply_greets_one_and_no_title_mid_sentence(bundles: dict[str, Bundle]) -> None:
    for name, bundle in bundles.items():
        title = load_example(name).title["en"]
        assert bundle["en", "email"].text.startswith("Dear customer,\n")
        for channel in ("email", "partners", "talking_points", "management", "sms", "social"):
            text = strip_controls(bundle["en", channel].text)
            # A title starts a line, a sentence, a bracket or a label ("What happened:"); it
            # never runs on inside a sentence ("the problem is resolved: Problem sending...").
            assert not re.search(r"\b(?:is|was|on|about|of|that)(?: \w+)?:? " + re.escape(title),
                                 text), (name, channel)


def test_hebrew_agreement(bundles: dict[str, Bundle]) -> None:
    for bundle in bundles.values():
        for channel in ("sms", "social", "management", "partners"):
            text = _texts(bundle, "he", channel)
            assert "תוקנה, במעקב" not in text
            assert not re.search(r"(?<!\w)עדכון הבא", text), channel
