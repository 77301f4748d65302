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
from typing import Final

from bidi import get_base_level

from .bidi import LRM, RLM
from .visual import _levels as levels

_MARKS: Final = frozenset((LRM, RLM))
_LINE_BREAK_RE: Final = re.compile(r"(\n)")


def _picture(paragraph: str) -> tuple[int, list[tuple[str, int]]]:
    """What decides the display: the paragraph direction and each visible character's level."""
    base = 1 if get_base_level(paragraph) == 1 else 0
    resolved = levels(paragraph, "R" if base else "L")
    return base, [(char, level) for char, level in zip(paragraph, resolved, strict=True)
                  if char not in _MARKS]


def _drop_in_paragraph(paragraph: str) -> str:
    if not _MARKS & set(paragraph):
        return paragraph
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
