"""Bidirectional text: cleaning what comes in, isolating what the library inserts.

Input text may carry bidi controls, pasted by accident or on purpose; an override can make
``03:41`` display as ``14:30``. So embeddings, overrides and isolates are refused, bare direction
marks are dropped, and only after that does the library add controls of its own, per channel.

>>> clean_text("\\u200fשלום\\u200e")
'שלום'
>>> isolate("*2040", "isolates")
'\\u2066*2040\\u2069'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Strategy = Literal["isolates", "marks", "none"]
"""How an inserted left-to-right value is protected inside right-to-left text:
``isolates`` wraps it in LRI ... PDI, ``marks`` puts an LRM after it (and an RLM after that, so
the following Hebrew resumes right to left) and one before it unless it starts with a
left-to-right letter, ``none`` leaves it bare for channels that forbid controls."""

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"

# Embeddings, overrides and isolates change how *other* text displays: refused, never stripped,
# because silently dropping them could change what a sentence seems to say.
FORBIDDEN_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MARKS = frozenset((LRM, RLM, ALM))
ALL_CONTROLS = FORBIDDEN_CONTROLS | MARKS
# One character class: several times faster than str.translate with a table, and this runs
# on every output of every bundle the checks look at.
_CONTROLS_RE = re.compile("[" + "".join(sorted(ALL_CONTROLS)) + "]")
_OTHER_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters that never mean anything in an incident's text and only get there by
# copy and paste: a byte-order mark, a zero-width space, a word joiner, the invisible math
# operators and the Mongolian vowel separator. Removed on input, like bare direction marks.
# (ZWJ/ZWNJ, the soft hyphen and the grapheme joiner can mean something in some scripts and
# texts: they are kept and reported by the `invisible-character` rule; docs/hebrew.md.)
STRIPPED_INVISIBLES = frozenset("\ufeff\u200b\u2060\u2061\u2062\u2063\u2064\u180e")
_STRIPPED_RE = re.compile("[\u200e\u200f\u061c" + "".join(sorted(STRIPPED_INVISIBLES)) + "]")
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


class UnsafeTextError(ValueError):
    """Text carries a character that could make it display differently from what it says."""


def clean_text(text: str) -> str:
    """Normalise a user's text: NFC, bare direction marks and invisible characters that never
    mean anything (:data:`STRIPPED_INVISIBLES`: BOM, zero-width space, word joiner...) removed,
    surrounding space stripped.

    Raises :class:`UnsafeTextError` naming the code point for embeddings, overrides, isolates
    and other control characters (a tab or newline is allowed).

    >>> clean_text("  האפליקציה\\u200f ")
    'האפליקציה'
    >>> clean_text("\\ufeffSign\\u200b-in")
    'Sign-in'
    >>> clean_text("a\\u202eb")
    Traceback (most recent call last):
    ...
    crisiscomms.text.bidi.UnsafeTextError: contains bidi control U+202E RIGHT-TO-LEFT OVERRIDE at \
character 2; remove it
    """
    for index, char in enumerate(text):
        if char in FORBIDDEN_CONTROLS:
            raise UnsafeTextError(
                f"contains bidi control U+{ord(char):04X} {unicodedata.name(char)} at character "
                f"{index + 1}; remove it"
            )
    bad = _OTHER_CONTROL_RE.search(text)
    if bad:
        code = ord(bad.group())
        raise UnsafeTextError(f"contains control character U+{code:04X} at character "
                              f"{bad.start() + 1}; remove it")
    return unicodedata.normalize("NFC", _STRIPPED_RE.sub("", text)).strip()


def strip_controls(text: str) -> str:
    """Remove every bidi control and mark, e.g. from Babel output or before counting.

    >>> strip_controls("\\u200f1,234.50\\u200f")
    '1,234.50'
    """
    return _CONTROLS_RE.sub("", text)


def has_rtl(text: str) -> bool:
    """True when the text holds a right-to-left letter (Hebrew, Arabic).

    >>> has_rtl("INC-12"), has_rtl("תקלה")
    (False, True)
    """
    return _RTL_RE.search(text) is not None


def isolate(value: str, strategy: Strategy) -> str:
    """Protect a left-to-right value inserted into right-to-left text.

    >>> isolate("14:00", "marks"), isolate("INC-12", "marks")
    ('\\u200e14:00\\u200e\\u200f', 'INC-12\\u200e\\u200f')
    >>> isolate("14:00", "none")
    '14:00'
    """
    if strategy == "isolates":
        return f"{LRI}{value}{PDI}"
    if strategy == "marks":
        # A value that starts with a digit or a neutral (17:00, *2040, +972-3-..., -5%) takes
        # its direction from the Hebrew before it (rules W2, N1) unless an LRM comes first.
        lead = "" if value[:1] and unicodedata.bidirectional(value[0]) == "L" else LRM
        return f"{lead}{value}{LRM}{RLM}"
    return value


# A value a person typed inside right-to-left text: a time, a range of times, a phone number, a
# short code, a date in digits. It starts with a digit or with a neutral sign before one
# (`*2040`, `+972-3-...`), and its separators (`:` `-` `–` `/` `.` `,` and a spaced dash
# between digits) are neutrals that the Hebrew around them would otherwise pull right to left.
# Not inside a word or an address ("b=1 -5" in a query string is not a range).
_TYPED_VALUE_RE = re.compile(r"(?<![A-Za-z0-9=/?&.:%_])[*#+]?\d+(?:(?:[:./,]|\s?[-\u2013]\s?)\d+)*")
_ADDRESS_RE = re.compile(r"(?i)\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+")
_PLAIN_NUMBER_RE = re.compile(r"\d+(?:[:./,-]\d+)*")


def typed_values(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs, each ``(is_value, run)``: the values a person typed in it that
    would not display as written inside right-to-left text without protection.

    >>> typed_values("חייגו *2040 בין 14:00 - 16:00")
    [(False, 'חייגו '), (True, '*2040'), (False, ' בין '), (True, '14:00 - 16:00')]
    >>> typed_values("3 שעות")
    [(False, '3 שעות')]
    >>> typed_values("ראו https://x.co/a?b=1 -5")
    [(False, 'ראו https://x.co/a?b=1 -5')]
    """
    runs: list[tuple[bool, str]] = []
    last = 0
    addresses = [m.span() for m in _ADDRESS_RE.finditer(text)]
    for match in _TYPED_VALUE_RE.finditer(text):
        value = match.group()
        if any(start < match.end() and match.start() < end for start, end in addresses):
            continue  # a web or mail address is a value of its own, left whole
        # Digits joined by single separators ("3", "14:00", "1,250", "21/11/2026", "972-3")
        # display as written with no help (rule W4); a leading sign, an en dash or a spaced
        # dash does not.
        if _PLAIN_NUMBER_RE.fullmatch(value):
            continue
        if match.start() > last:
            runs.append((False, text[last:match.start()]))
        runs.append((True, value))
        last = match.end()
    if last < len(text):
        runs.append((False, text[last:]))
    return runs


def protect_typed(text: str, strategy: Strategy) -> str:
    """Right-to-left text with each value typed in it protected as an inserted one is.

    >>> protect_typed("חייגו *2040", "isolates")
    'חייגו \u2066*2040\u2069'
    """
    return "".join(isolate(run, strategy) if value else run for value, run in typed_values(text))


def isolate_url(url: str, strategy: Strategy) -> str:
    """Like :func:`isolate`, for a URL: controls stay outside its boundaries so it still links.

    A space before the closing control keeps auto-linkers from swallowing it into the address:
    Android's Linkify counts every character from U+00A0 to U+D7FF, PDI and RLM included, as
    part of a link, so "…example⁩" would link to a page that does not exist. The space shows
    before a closing quote; a broken link for every Android reader costs more.

    >>> isolate_url("https://x.co", "isolates")
    '\\u2066https://x.co \\u2069'
    >>> isolate_url("https://x.co", "marks")
    '\\u200ehttps://x.co \\u200f'
    """
    if strategy == "isolates":
        return f"{LRI}{url} {PDI}"
    if strategy == "marks":
        return f"{LRM}{url} {RLM}"
    return url
