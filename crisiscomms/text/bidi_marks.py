"""Direction marks that change nothing on screen, dropped where every unit counts (the SMS).

The ``marks`` strategy (:func:`crisiscomms.text.bidi.isolate`) puts an LRM before a value and
an LRM and an RLM after it, wherever it stands. Each costs one UCS-2 unit, and many change
nothing: a bare ``17:00`` between Hebrew words already displays as written (rules W2, N1, I2
of the bidi algorithm give its digits level 2 and the colon between them the same). So a mark
is dropped when the resolved embedding level of every other character stays the same without
it: same levels, same picture, however the handset wraps the lines (rules L1-L2 reorder each
line by those levels). The paragraph direction must stay the same too (rules P2-P3), so the RLM
that opens a line starting with a Latin word or a digit is never dropped. The levels are
python-bidi's (`crisiscomms.text.visual`), the engine the display check uses.

>>> drop_idle_marks("צפי: \\u200e17:00\\u200e\\u200f. העדכון הבא")
'צפי: 17:00. העדכון הבא'
>>> drop_idle_marks("(במקום \\u200e15:30\\u200e\\u200f)")
'(במקום 15:30)'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final
from unicodedata import bidirectional, category

from bidi import get_base_level

from .bidi import LRM, RLM
from .visual import _levels as levels

_MARKS: Final = frozenset((LRM, RLM))
_LINE_BREAK_RE: Final = re.compile(r"(\n)")
_BRACKETS: Final = frozenset(("Ps", "Pe"))
_STRONG: Final = frozenset(("L", "R", "AL"))
_EXPLICIT: Final = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "B"))
"""Classes that take a paragraph out of the one-level-run case: explicit embeddings,
overrides and isolates (rules X1-X10), and paragraph separators."""
SLOT: Final = "\u2068\ue000"
"""How a bulk slot's stand-in opens (:mod:`crisiscomms.bulk.personalise`): a paragraph that
holds one keeps its marks here; they are judged per recipient once the value is in."""


def _picture(paragraph: str) -> tuple[int, list[tuple[str, int]]]:
    """What decides the display: the paragraph direction and each visible character's level."""
    base = 1 if get_base_level(paragraph) == 1 else 0
    resolved = levels(paragraph, "R" if base else "L")
    return base, [(char, level) for char, level in zip(paragraph, resolved, strict=True)
                  if char not in _MARKS]


def _drop_full(paragraph: str) -> str:
    """The reference: the whole paragraph's levels computed again for each candidate mark."""
    wanted = _picture(paragraph)
    text = paragraph
    index = 0
    while index < len(text):
        if text[index] in _MARKS:
            candidate = text[:index] + text[index + 1:]
            if candidate and _picture(candidate) == wanted:
                text = candidate
                continue
        index += 1
    return text


@lru_cache(maxsize=4096)
def _idle(window: str, at: int, direction: str) -> bool:
    """Whether the mark at ``at`` leaves the levels of ``window``'s other visible characters as
    they are. Both windows go to python-bidi in one call, as two paragraphs (a paragraph
    separator between them; each is resolved on its own with the direction given). Windows are
    short and recur (the same value between the same words at every wording level, for every
    recipient), so the answers are remembered, a bounded number of them."""
    without = window[:at] + window[at + 1:]
    resolved = levels(f"{window}\u2029{without}", direction)
    first = [level for char, level in zip(window, resolved, strict=False)
             if char not in _MARKS]
    second = [level for char, level in zip(without, resolved[len(window) + 1:], strict=True)
              if char not in _MARKS]
    return first == second


def _drop_windowed(paragraph: str) -> str:
    """:func:`_drop_full` for a paragraph with no explicit embedding or isolate: one level run,
    one isolating run sequence. Removing a mark (itself a strong character) can then change
    resolved levels only between the strong character before it and the strong one after it:
    rules W1-W7 look back no further than the previous strong type (W4-W5 look only at
    neighbouring numbers), rules N1-N2 stop at strong types, and I1-I2 look at one character.
    Rule N0 (bracket pairs) reaches further, so with a bracket in the paragraph the window
    grows to hold every bracket and the strong characters around them. The levels are
    compared on that window only, computed from the window alone (its first and last
    characters are strong or the paragraph's own ends, so nothing outside reaches in); a
    window whose other visible characters are all strong needs no computing (a strong
    character's level is its own type's)."""
    classes = [bidirectional(char) for char in paragraph]
    brackets = [i for i, char in enumerate(paragraph) if category(char) in _BRACKETS]
    first_bracket, last_bracket = (brackets[0], brackets[-1]) if brackets else (-1, -1)
    text = paragraph
    base = 1 if get_base_level(paragraph) == 1 else 0
    direction = "R" if base else "L"
    index = 0
    while index < len(text):
        if text[index] not in _MARKS or len(text) == 1:
            index += 1
            continue
        before = next((i for i in range(index - 1, -1, -1) if classes[i] in _STRONG), -1)
        if before < 0:
            # The mark may be what sets the paragraph's direction (rules P2-P3).
            candidate = text[:index] + text[index + 1:]
            if (1 if get_base_level(candidate) == 1 else 0) != base:
                index += 1
                continue
        after = next((i for i in range(index + 1, len(text)) if classes[i] in _STRONG),
                     len(text))
        if first_bracket >= 0:
            before = min(before, next((i for i in range(first_bracket - 1, -1, -1)
                                       if classes[i] in _STRONG), -1))
            after = max(after, next((i for i in range(last_bracket + 1, len(text))
                                     if classes[i] in _STRONG), len(text)))
        start, end = max(before, 0), min(after + 1, len(text))
        if (all(classes[i] in _STRONG for i in range(start, end))
                or _idle(text[start:end], index - start, direction)):
            text = text[:index] + text[index + 1:]
            del classes[index]
            if index < first_bracket:
                first_bracket -= 1
            if index < last_bracket:
                last_bracket -= 1
            continue
        index += 1
    return text


def _drop_in_paragraph(paragraph: str) -> str:
    if not _MARKS & set(paragraph) or SLOT in paragraph:
        return paragraph
    if any(bidirectional(char) in _EXPLICIT for char in paragraph):
        return _drop_full(paragraph)
    return _drop_windowed(paragraph)


def drop_idle_marks(text: str) -> str:
    """``text`` without the LRMs and RLMs whose removal leaves every line's display unchanged
    (each paragraph checked on its own, against the display with every mark in place).

    A paragraph that then ends in spaces loses them: the space that kept a URL's closing mark
    out of the link (:func:`crisiscomms.text.bidi.isolate_url`) has nothing left to guard.

    >>> drop_idle_marks("פרטים: \u200estatus.example \u200f")
    'פרטים: status.example'
    """
    return "".join(part if part == "\n" else _drop_in_paragraph(part).rstrip(" ")
                   for part in _LINE_BREAK_RE.split(text))
