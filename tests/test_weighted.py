"""The weighted length of a social post, counted the way X counts it (twitter-text config v3)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.text import weighted
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


# twitter-text's own conformance cases for its configuration v3 (tests/data, Apache 2.0).
_CONFORMANCE = Path(__file__).parent / "data" / "twitter_text_validate_v3.yml"
_CONFORMANCE_CASES = [
    (case["text"], case["expected"]["weightedLength"], f"{section}: {case['description']}")
    for section, cases in yaml.safe_load(_CONFORMANCE.read_text(encoding="utf-8"))["tests"].items()
    for case in cases
]


def test_all_v3_conformance_cases_are_here() -> None:
    assert len(_CONFORMANCE_CASES) == 24


@pytest.mark.parametrize(("text", "expected"), [(t, n) for t, n, _ in _CONFORMANCE_CASES],
                         ids=[why for _, _, why in _CONFORMANCE_CASES])
def test_twitter_text_conformance_v3(text: str, expected: int) -> None:
    assert weighted_length(text) == expected


def _by_code_point(text: str) -> int:
    """The count the fast path replaces: code point by code point, emoji sequences and links
    as one."""
    text = unicodedata.normalize("NFC", text)
    links = {start: (end, weight) for start, end, weight in url_spans(text)}
    total, index = 0, 0
    while index < len(text):
        if index in links:
            index, weight = links[index]
            total += weight
            continue
        end = weighted._emoji_end(text, index)
        total += 2 if end is not None else weighted._char_weight(text[index])
        index = end if end is not None else index + 1
    return total


_PIECES = st.sampled_from(["a", "Z", "9", " ", ".", "/", "#", "\u05d0", "\u05e9\u05b8", "e\u0301",
                           "\u2066", "\u2069", "\u200f", "\u202a", "\u00a0", "\u2026", "\u20aa",
                           "\u65e5", "\U0001f600", "\U0001f3fd", "\u200d", "\ufe0f", "\u20e3",
                           "\U0001f1ee", "\u00a9", "https://", "www.", "x.co.il",
                           "status.netivim.co.il/a?b=1", "a" * 64 + ".com"])


@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=40))
def test_fast_path_counts_as_code_point_by_code_point(text: str) -> None:
    assert weighted_length(text) == _by_code_point(text)


_UNLINKED = [
    ("https://" + "a" * 64 + ".com", 76, "label-over-63-is-text"),
    ("https://" + "a" * 63 + ".com", URL_LENGTH, "label-of-63-is-a-link"),
    ("https://a.com/" + "b" * 4074, URL_LENGTH, "4096-with-the-scheme-twice-is-a-link"),
    ("https://a.com/" + "b" * 4075, 4089, "over-4096-is-text"),
    ("\u202ahttps://x.co.il\u202c", 2 + URL_LENGTH + 2, "embedding-before-a-link-keeps-it"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, n) for t, n, _ in _UNLINKED],
                         ids=[why for _, _, why in _UNLINKED])
def test_what_x_does_not_link(text: str, expected: int) -> None:
    assert weighted_length(text) == expected
