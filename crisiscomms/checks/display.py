"""Whether every inserted left-to-right value displays as written in right-to-left plain text.

Inside Hebrew, the bidi algorithm reorders a bare value that starts or ends with a digit or a
neutral: ``*2040`` shows as ``2040*``, ``14:00 - 16:00`` as ``16:00 - 14:00``, ``Yes!`` moves its
``!``. Each channel protects values with its ``bidi`` strategy (isolates, marks or none); this
check proves the result. For every line of every plain-text output (``text``, ``subject``) of a
right-to-left language it computes the line's visual order (python-bidi, base direction right to
left, as a Hebrew message is meant to be read) and requires each inserted value's own visual form
to appear in it intact, once for each time the value was inserted. Markdown text is checked as
its reader sees it, backslash escapes removed.

python-bidi keeps control characters in its output and misplaces line breaks, so lines are
reordered one by one and compared with controls removed. It does not mirror brackets either: a
line where a value is not found in its raw output is laid out again with
:func:`crisiscomms.text.visual.visual`, which mirrors them, before a finding is reported. A value
also written inside the incident's own right-to-left text (a Hebrew title that mentions ``Yes!``) is
the author's wording, displayed as the author saw it: those occurrences are not counted.

>>> displaced_values("צפי: 14:00 - 16:00.", ["14:00 - 16:00"])
['14:00 - 16:00']
>>> displaced_values("צפי: \\u206614:00 - 16:00\\u2069.", ["14:00 - 16:00"])
[]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bidi import get_display

from ..channels import CHANNELS
from ..facts import Atom, Phrase
from ..findings import Finding
from ..text import markdown
from ..text.bidi import FSI, LRI, LRM, RLM, has_rtl, strip_controls
from ..text.visual import visual
from .base import Context

__all__ = ["RULE", "check_display", "displaced_values", "inserted_values"]

RULE = "bidi-display"

_ADVICE = {
    "none": 'set bidi = "isolates" or "marks" for this channel in the config',
    "isolates": "the template or the incident text around it reorders it",
    "marks": "the template or the incident text around it reorders it; try \"isolates\"",
}


# The line breaks visual() splits paragraphs at; a display starts a new line at each.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _lines(text: str) -> list[str]:
    # A tab is a segment separator that python-bidi lays out against UAX #9 (visual() does the
    # same replacement), so it is compared as the space a display without tab stops shows.
    return _LINE_BREAK.split(text.replace("\t", " "))


def _occurrences(text: str, value: str) -> list[int]:
    """Every start of ``value`` in ``text``, overlapping ones included."""
    starts, index = [], text.find(value)
    while index >= 0:
        starts.append(index)
        index = text.find(value, index + 1)
    return starts


def _walk(node: Any) -> Iterator[Atom]:
    if isinstance(node, Atom):
        yield node
    elif isinstance(node, Phrase):
        for _, part in node.parts:
            yield from _walk(part)
    elif isinstance(node, Mapping):
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _walk(child)


def inserted_values(facts: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(values, authored)`` of a language's facts: each left-to-right value a template may
    insert (one per line of a multi-line value), and the right-to-left texts (the incident's
    Hebrew wording, the language's words) whose own occurrences of a value are not ours.

    >>> from crisiscomms.facts import Atom
    >>> inserted_values({"t": Atom("17:00", "", ltr=True), "w": Atom("היום", "")})
    (('17:00',), ('היום',))
    """
    values: dict[str, None] = {}
    authored: dict[str, None] = {}
    for atom in _walk(facts):
        if atom.ltr:
            for line in _lines(atom.text):
                if line.strip():
                    values[line.strip()] = None
        elif has_rtl(atom.text):
            for line in _lines(atom.text):
                authored[line] = None
    return tuple(values), tuple(authored)


@dataclass(frozen=True, slots=True)
class _Value:
    """An inserted value, prepared once per language: whether raw python-bidi output is exact
    for it, and the authored texts that hold it (with its offsets in each)."""

    text: str
    simple: bool
    authored: tuple[tuple[str, tuple[int, ...]], ...]


def _prepare(values: Iterable[str], authored: Iterable[str]) -> tuple[_Value, ...]:
    texts = tuple(authored)
    return tuple(
        _Value(value,
               # Raw python-bidi output is exact for a value with no right-to-left letter and
               # no mirrored character (brackets): its visual form is the value itself.
               not has_rtl(value) and not any(unicodedata.mirrored(c) for c in value),
               tuple((t, tuple(_occurrences(t, value))) for t in texts if value in t))
        for value in values)


def _expected(line: str, logical: str, value: _Value) -> int:
    """How many times ``value`` was inserted into a line.

    Under isolates or marks every insertion carries its controls, which tells an insertion from
    template wording that merely spells the same characters ("- " + "x" is not the value
    "- x"); without controls, occurrences in the incident's own wording are left out."""
    protected = (line.count(LRI + value.text) + line.count(FSI + value.text)
                 + line.count(value.text + LRM + RLM))
    if protected:
        return protected
    starts = set(_occurrences(logical, value.text))
    for text, inner in value.authored:
        for start in _occurrences(logical, text):
            starts.difference_update(start + offset for offset in inner)
    return len(starts)


def _displaced(line: str, logical: str, values: Iterable[_Value]) -> list[str]:
    present = [(v, n) for v in values if v.text in logical
               for n in [_expected(line, logical, v)] if n]
    if not present:
        return []
    raw = strip_controls(get_display(line, base_dir="R"))
    if all(v.simple and len(_occurrences(raw, v.text)) >= n for v, n in present):
        return []
    # RLM first: the base direction is right to left whatever the line starts with.
    shown = visual(RLM + line)
    return [v.text for v, n in present if len(_occurrences(shown, _own_form(v.text))) < n]


def displaced_values(line: str, values: Iterable[str], authored: Iterable[str] = ()) -> list[str]:
    """The ``values`` inserted into one line of right-to-left text that would not display as
    written, in the order given.

    ``authored`` are right-to-left texts in the line whose own occurrences of a value are left
    out of the count (see the module docs).

    >>> displaced_values("חייגו *2040 עכשיו", ["*2040"])
    ['*2040']
    >>> displaced_values("חייגו \\u200e*2040\\u200e\\u200f עכשיו", ["*2040"])
    []
    """
    return _displaced(line, strip_controls(line), _prepare(values, authored))


def _own_form(value: str) -> str:
    """How a value displays on its own, left to right (itself, unless it holds RTL letters)."""
    return visual("\u200e" + value) if has_rtl(value) else value


def check_display(context: Context) -> Iterator[Finding]:
    """An ``error`` for each inserted value that a right-to-left plain-text output of the bundle
    would display out of order (rule ``bidi-display``)."""
    prepared: dict[str, tuple[_Value, ...]] = {}
    for message in context.bundle:
        lang = message.language
        if lang not in context.facts or context.facts[lang]["direction"] != "rtl":
            continue
        if lang not in prepared:
            prepared[lang] = _prepare(*inserted_values(context.facts[lang]))
        strategy = context.templates.config.channel(message.channel).bidi
        spec = CHANNELS.get(message.channel)
        for output in ("subject", "text"):
            text: str | None = getattr(message, output)
            if not text:
                continue
            if output == "text" and spec is not None and spec.text_format == "markdown":
                # A Markdown reader sees "*2040", not the "\\*2040" that keeps it from markup.
                text = markdown.unescape(text)
            bare = strip_controls(text).replace("\t", " ")
            values = [v for v in prepared[lang] if v.text in bare]
            if not values:
                continue
            # Controls are never line breaks: the stripped text splits into the same lines.
            pairs = zip(_lines(text), _lines(bare), strict=True)
            for number, (line, logical) in enumerate(pairs, 1):
                for value in _displaced(line, logical, values):
                    yield Finding(
                        RULE, "error",
                        f"{output} line {number}: {value!r} would not display as written "
                        f"(bidi strategy {strategy!r}); {_ADVICE[strategy]}",
                        language=lang, channel=message.channel)
