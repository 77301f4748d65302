"""The weighted length of a social post, counted the way X counts it (twitter-text config v3)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.text.weighted import MAX_WEIGHTED, URL_LENGTH, url_spans, weighted_length

CASES = [
    # (text, weighted length, why the case is here)
    ("hello", 5, "ascii-weighs-1"),
    ("שלום", 4, "hebrew-letter-weighs-1"),
    ("שָׁלוֹם", 7, "hebrew-points-weigh-1-each"),
    ("e\u0301", 1, "nfc-first-combines-e-acute"),
    ("日本", 4, "cjk-weighs-2"),
    ("–—‘’“”", 6, "dashes-and-quotes-u2010-u201f-weigh-1"),
    ("…", 2, "ellipsis-u2026-weighs-2"),
    ("₪", 2, "shekel-sign-weighs-2"),
    ("\u00a0", 1, "nbsp-weighs-1"),
    ("\u202f", 2, "narrow-nbsp-weighs-2"),
    ("\u2032", 1, "prime-u2032-weighs-1"),
    ("\u2066x\u2069", 5, "isolates-weigh-2-each"),
    ("\u200e\u200f", 4, "lrm-rlm-weigh-2-each"),
    ("\u200d", 1, "lone-zwj-u200d-weighs-1"),
    ("😀", 2, "emoji-weighs-2"),
    ("👍🏽", 2, "emoji-with-skin-tone-is-one-emoji"),
    ("👨\u200d👩\u200d👧\u200d👦", 2, "zwj-family-is-one-emoji"),
    ("🇮🇱", 2, "flag-pair-is-one-emoji"),
    ("1\ufe0f\u20e3", 2, "keycap-is-one-emoji"),
    ("❤\ufe0f", 2, "heart-with-vs16-is-one-emoji"),
    ("©", 1, "bare-copyright-is-text"),
    ("©\ufe0f", 2, "copyright-with-vs16-is-emoji"),
    ("https://status.netivim.co.il", URL_LENGTH, "url-counts-23"),
    ("https://status.netivim.co.il/incidents/INC-2041?lang=he", URL_LENGTH,
     "long-url-counts-23"),
    ("http://a.co", URL_LENGTH, "short-url-counts-23-too"),
    ("www.netivim.co.il", URL_LENGTH, "www-url-counts-23"),
    ("x.co", URL_LENGTH, "bare-domain-at-least-23"),
    ("https://x.co.il.", URL_LENGTH + 1, "trailing-period-not-in-url"),
    ("https://x.co.il, https://y.co.il", 2 * URL_LENGTH + 2, "two-urls"),
    ("פרטים: https://x.co.il", 7 + URL_LENGTH, "url-after-hebrew"),
    ("\u2066https://x.co.il \u2069", 2 + URL_LENGTH + 1 + 2, "isolated-url-still-a-url"),
    ("a1https://x.co.il", 17, "url-glued-to-a-letter-is-not-linked"),
    ("https://status.netivim.example", 30, "reserved-tld-not-linked-counts-chars"),
    ("שלום " * 56, 280, "hebrew-post-at-the-limit"),
    ("日" * 140, 280, "cjk-post-at-the-limit"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, n) for t, n, _ in CASES],
                         ids=[why for _, _, why in CASES])
def test_weighted_length(text: str, expected: int) -> None:
    assert weighted_length(text) == expected


def test_limit_is_x_limit() -> None:
    assert MAX_WEIGHTED == 280
    assert weighted_length("日" * 141) > MAX_WEIGHTED


def test_url_spans_cover_the_link_only() -> None:
    text = "Details: https://x.co.il/a."
    (start, end, weight), = url_spans(text)
    assert text[start:end] == "https://x.co.il/a" and weight == URL_LENGTH


# Text with no dot (so no link) and no emoji: every code point is counted on its own.
plain_text = st.text(st.characters(blacklist_characters=".", max_codepoint=0x1EFF))


@given(plain_text, plain_text)
def test_weights_add_up(a: str, b: str) -> None:
    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    # Concatenation may compose across the seam (NFC), which can only shorten the text.
    assert weighted_length(a + b) <= weighted_length(a) + weighted_length(b)


@given(plain_text)
def test_between_one_and_two_per_character(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert len(text) <= weighted_length(text) <= 2 * len(text)


@given(st.text())
def test_normalisation_does_not_change_the_count(text: str) -> None:
    assert weighted_length(text) == weighted_length(unicodedata.normalize("NFC", text))
