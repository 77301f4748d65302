"""Markdown escaping for values placed in a Markdown output (the status page's text).

A status page service turns the Markdown into HTML; an incident text such as ``*2040 <b>`` must
come out as written, never as emphasis or markup. So every value gets a backslash before each
character Markdown could read as markup: inline marks anywhere, block marks where a line starts.
CommonMark shows a backslash-escaped ASCII punctuation character as the bare character.

>>> escape("*2040 <b>")
'\\\\*2040 \\\\<b\\\\>'
>>> unescape(escape("*2040 <b> [x] a_b"))
'*2040 <b> [x] a_b'
"""

from __future__ import annotations

import re

__all__ = ["escape", "unescape"]

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# "#", "-", "+", "=" or "1." at the start of a line opens a heading, list or rule.
_LINE_START = re.compile(r"^([ \t]*)([#=+-]|\d+(?=[.)]))", re.MULTILINE)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    """``text`` with Markdown's marks escaped, so it displays exactly as written.

    >>> escape("- a-b")
    '\\\\- a-b'
    >>> escape("1. first")
    '1\\\\. first'
    """
    return _LINE_START.sub(_line_start, _INLINE.sub(r"\\\1", text))


def _line_start(match: re.Match[str]) -> str:
    space, mark = match.groups()
    if mark.isdigit():
        # "1." opens a list: the dot (or bracket) after the number is what gets the backslash.
        return f"{space}{mark}\\"
    return f"{space}\\{mark}"


def unescape(text: str) -> str:
    """What a Markdown reader sees of backslash escapes: the bare characters (for checks).

    >>> unescape("\\\\*2040 and 1\\\\. and a\\\\b")
    '*2040 and 1. and a\\\\b'
    """
    return _ESCAPED.sub(r"\1", text)
