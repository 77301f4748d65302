"""Visual-order text for displays that cannot run the Unicode bidi algorithm.

Some LED signs, old handsets and terminal previews draw characters left to
right exactly as stored. :func:`visual` lays a logical-order message out the
way a bidi-capable display would show it, line by line, so such a display
shows the same picture.

python-bidi 0.6 (its Rust engine) does the reordering, but misplaces line
breaks, leaves brackets unmirrored and keeps control characters, so this
module:

1. splits the text into paragraphs at every line break;
2. takes each paragraph's base direction from its first strong character, as
   the bidi algorithm does (rules P2-P3, via ``get_base_level``): Hebrew or
   Arabic, or a leading RLM, gives right-to-left; Latin gives left-to-right,
   and so does a paragraph with no strong character at all (``*2040`` alone
   stays ``*2040``). Every line of a wrapped paragraph keeps the paragraph's
   direction, so a continuation line that happens to start with a Latin word
   is still laid out right to left;
3. wraps each paragraph in logical order at spaces, measuring only characters
   that take a cell (controls and combining marks take none), breaking inside
   a word only when the word alone is wider than the line; explicit
   embeddings and isolates still open at a line end are reopened on the next
   line, so an isolated phone number split across lines stays isolated;
4. reorders each line on its own with the embedding levels python-bidi
   resolved for it (rules L1-L2), keeps combining marks after their base
   letter (rule L3), mirrors brackets whose level is odd (rule L4), and
   removes the bidi controls (LRM, RLM, ALM, embeddings, overrides and
   isolates).

The reordering reproduces python-bidi's ``get_display`` except where that
departs from UAX #9: tabs (replaced by spaces here) and whitespace at the end
of a line inside an embedding or override, which rule L1 moves to the
paragraph level and python-bidi does not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from bidi import get_base_level, get_display

__all__ = ["visual"]

_CONTROLS: Final = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_EMBEDDINGS: Final = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES: Final = frozenset("\u2066\u2067\u2068")
_PDF: Final = "\u202c"
_PDI: Final = "\u2069"

_MIRROR_PAIRS: Final = "()[]{}<>«»‹›⁅⁆⁽⁾₍₎≤≥≪≫⟨⟩⟪⟫⟦⟧「」『』【】〈〉《》"
_MIRROR: Final = {
    **{a: b for a, b in zip(_MIRROR_PAIRS[::2], _MIRROR_PAIRS[1::2], strict=True)},
    **{b: a for a, b in zip(_MIRROR_PAIRS[::2], _MIRROR_PAIRS[1::2], strict=True)},
}

# Classes that rule L1 resets to the paragraph level at the end of a line or
# before a segment or paragraph separator, together with the characters rule
# X9 removes (which then take the level of what surrounds them).
_L1_TRAILING: Final = frozenset(
    {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"}
)
_L1_SEPARATORS: Final = frozenset({"S", "B"})

_LINE_BREAK_RE: Final = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_LEVEL_RE: Final = re.compile(r"Level\(\s*(\d+)\s*,?\s*\)")


def _cells(text: str) -> int:
    """Count the characters that take a cell on a display."""
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Cf"))


def _split_long(word: str, width: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in word:
        takes_cell = unicodedata.category(char) not in ("Mn", "Me", "Cf")
        if takes_cell and _cells(current) == width:
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for chunk in re.findall(r"[^ ]+| +", paragraph):
        if chunk.startswith(" "):
            if current:
                current += chunk
            continue
        if current and _cells(current) + _cells(chunk) <= width:
            current += chunk
            continue
        if current.strip(" "):
            lines.append(current.rstrip(" "))
        current = ""
        pieces = _split_long(chunk, width) if _cells(chunk) > width else [chunk]
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current.strip(" ") or not lines:
        lines.append(current.rstrip(" "))
    return lines


def _open_controls(line: str, stack: list[str]) -> list[str]:
    """Return the embeddings and isolates still open after ``line``, outermost first."""
    stack = list(stack)
    for char in line:
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == _PDF and stack and stack[-1] in _EMBEDDINGS:
            stack.pop()
        elif char == _PDI and any(c in _ISOLATES for c in stack):
            while stack.pop() not in _ISOLATES:
                pass
    return stack


def _levels(line: str, base_dir: str) -> list[int]:
    """Return python-bidi's resolved embedding level for each character of ``line``.

    python-bidi 0.6 exposes the levels only in its ``debug`` dump of the Rust
    ``BidiInfo``, one level per UTF-8 byte.
    """
    dump = str(get_display(line, base_dir=base_dir, debug=True))
    start, end = dump.find("levels:"), dump.find("paragraphs:")
    byte_levels = [int(level) for level in _LEVEL_RE.findall(dump[start:end])]
    encoded_length = len(line.encode("utf-8"))
    if start < 0 or end < 0 or len(byte_levels) != encoded_length:
        raise RuntimeError(
            "python-bidi's debug output no longer lists one level per byte; "
            "crisiscomms.text.visual needs updating for this python-bidi version"
        )
    levels: list[int] = []
    offset = 0
    for char in line:
        levels.append(byte_levels[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _reorder(line: str, base_level: int) -> str:
    """Lay out one line in visual order: rules L1, L2 and L4, then drop controls."""
    if not line:
        return ""
    levels = _levels(line, "R" if base_level else "L")
    classes = [unicodedata.bidirectional(char) for char in line]
    trailing = True
    for index in range(len(line) - 1, -1, -1):
        if classes[index] in _L1_SEPARATORS:
            levels[index] = base_level
            trailing = True
        elif trailing and classes[index] in _L1_TRAILING:
            levels[index] = base_level
        else:
            trailing = False
    order = list(range(len(line)))
    odd_levels = [level for level in levels if level % 2]
    if odd_levels:
        for level in range(max(levels), min(odd_levels) - 1, -1):
            index = 0
            while index < len(order):
                if levels[order[index]] >= level:
                    end = index
                    while end < len(order) and levels[order[end]] >= level:
                        end += 1
                    order[index:end] = reversed(order[index:end])
                    index = end
                else:
                    index += 1
    out: list[str] = []
    marks: list[str] = []
    for index in order:
        char = line[index]
        if char in _CONTROLS:
            continue
        if levels[index] % 2 and unicodedata.category(char) in ("Mn", "Me"):
            # Rule L3: reversal put this run's combining marks (niqqud) before
            # their base letter; a display without bidi draws marks on the
            # character before them, so they go back after the base.
            marks.insert(0, char)
            continue
        out.append(_MIRROR.get(char, char) if levels[index] % 2 else char)
        out.extend(marks)
        marks.clear()
    out.extend(marks)
    return "".join(out)


def visual(text: str, width: int | None = None) -> str:
    """Return ``text`` in visual order, wrapped to ``width`` cells, one display line per line.

    Brackets inside right-to-left runs are mirrored and bidi controls removed.

    >>> visual("שלום (עולם)")
    '(םלוע) םולש'
    >>> print(visual("Dana: שלום\\nתקלה בכניסה לאתר", width=11))
    Dana: םולש
    הסינכב הלקת
    רתאל
    """
    if width is not None and width < 1:
        raise ValueError("width must be at least 1")
    out: list[str] = []
    # A tab is a bidi segment separator that python-bidi lays out against
    # UAX #9, and displays without bidi support have no tab stops anyway.
    for paragraph in _LINE_BREAK_RE.split(text.replace("\t", " ")):
        if not paragraph:
            out.append("")
            continue
        base_level = 1 if get_base_level(paragraph) == 1 else 0
        lines = _wrap(paragraph, width) if width is not None else [paragraph]
        carried: list[str] = []
        for line in lines:
            reopened = "".join(carried) + line
            carried = _open_controls(reopened, [])
            out.append(_reorder(reopened, base_level))
    return "\n".join(out)
