"""The weighted length of a social post, counted the way X (Twitter) counts it.

X's counter is twitter-text with its version 3 configuration (``config/v3.json`` in
github.com/twitter/twitter-text): 280 weighted characters; the text is NFC-normalised first;
code points in U+0000-U+10FF (Latin to Georgian, Hebrew included), U+2000-U+200D (spaces,
ZWJ), U+2010-U+201F (dashes, quotes) and U+2032-U+2037 (primes) weigh 1, every other code point
weighs 2; each URL counts 23 whatever its length; each emoji sequence counts 2 however many code
points it takes.

Our own bidi controls are counted, not skipped, because X counts them: an isolate (U+2066-U+2069)
or a direction mark (U+200E, U+200F) lies outside the weight-1 ranges, so each weighs 2.

>>> weighted_length("Service is back")
15
>>> weighted_length("השירות חזר")
10
>>> weighted_length("Details: https://status.netivim.co.il/incidents/INC-2041")
32
>>> weighted_length("\\u2066https://status.netivim.co.il \\u2069")
28
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_WEIGHTED", "URL_LENGTH", "url_spans", "weighted_length"]

MAX_WEIGHTED = 280
"""X's limit for a post, in weighted characters."""

URL_LENGTH = 23
"""What X counts for any link it recognises (``transformedURLLength``)."""

# (first, last) code points of weight 1; all else weighs 2 (``defaultWeight`` 200 / scale 100).
_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_DEFAULT_WEIGHT = 2

# Top-level domains reserved never to be delegated (RFC 2606, RFC 6761). X links only hosts on
# a real top-level domain, so an address on one of these is counted character by character.
_UNLINKED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local"})

# A character right before a link that stops X from recognising it (twitter-text's
# ``validUrlPrecedingChars``): ASCII letters and digits, @, $, #, their full-width forms, and
# the characters X rejects outright. A direction mark or embedding (U+202A-U+202E) does not.
_BLOCKS_URL = re.compile("[A-Za-z0-9@\uff20$#\uff03\ufffe\ufeff\uffff]")

# twitter-text's ``isValidUrl``: no host label (punycode-encoded) longer than 63 characters,
# and no address longer than 4,096 characters counting a scheme (``https://`` when none).
_MAX_LABEL = 63
_MAX_URL = 4096
_DEFAULT_SCHEME = "https://"

_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_PATH_CHAR = r"[A-Za-z0-9!*';:=+,.$/%#\[\]\-\u2013_~&|@\u00c0-\u024f\u0400-\u04ff()]"
_PATH_END = r"[A-Za-z0-9=_#/+\-\u00c0-\u024f\u0400-\u04ff)]"
_QUERY_CHAR = r"[A-Za-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@]"
_QUERY_END = r"[A-Za-z0-9_&=#/\-]"
_URL = re.compile(
    rf"(?P<scheme>https?://|www\.)?"
    rf"(?P<host>(?:{_LABEL}\.)+(?P<tld>[^\W\d_]{{2,}}|xn--[A-Za-z0-9-]+))"
    rf"(?![\w@-])"
    rf"(?::[0-9]{{1,5}})?"
    rf"(?:/(?:{_PATH_CHAR}*{_PATH_END})?)?"
    rf"(?:\?{_QUERY_CHAR}*{_QUERY_END})?",
    re.IGNORECASE,
)

# Emoji: X counts a whole sequence (skin tone, ZWJ family, flag, keycap, tag sequence) as one
# emoji of weight 2. These are the code points that start a pictographic emoji...
_PICTOGRAPHIC = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF),
                 (0x2190, 0x21FF), (0x25A0, 0x25FF), (0x2934, 0x2935), (0x3030, 0x3030),
                 (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299))
# ...those that are emoji only when a variation selector asks for it (text style by default)...
_TEXT_STYLE = frozenset("\u00a9\u00ae\u203c\u2049\u2122\u2139\u24c2")
# ...and what may extend a sequence.
_VS16, _ZWJ, _KEYCAP = "\ufe0f", "\u200d", "\u20e3"
_KEYCAP_BASE = frozenset("0123456789#*")


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(first <= code <= last for first, last in ranges)


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)


# Fast path: every code point outside the weight-1 ranges, found by one regex scan...
_HEAVY = re.compile(f"[^{_class(_LIGHT)}]")
# ...valid wherever no emoji sequence can start: no pictographic character, no regional
# indicator, and neither of the two marks a keycap or a text-style emoji needs.
_EMOJI_POSSIBLE = re.compile(f"[{_class(_PICTOGRAPHIC)}\\U0001f1e6-\\U0001f1ff\\ufe0f\\u20e3]")


def _text_weight(text: str) -> int:
    """The weight of emoji-free, link-free text: 1 per code point, 2 for each heavy one."""
    return len(text) + len(_HEAVY.findall(text))


def _char_weight(char: str) -> int:
    return 1 if _in(_LIGHT, ord(char)) else _DEFAULT_WEIGHT


def _is_regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_modifier(char: str) -> bool:
    return 0x1F3FB <= ord(char) <= 0x1F3FF or 0xE0020 <= ord(char) <= 0xE007F


def _emoji_end(text: str, start: int) -> int | None:
    """The end of the emoji sequence starting at ``start``, or None when none starts there."""
    char = text[start]
    nxt = text[start + 1] if start + 1 < len(text) else ""
    if char in _KEYCAP_BASE:
        if nxt == _KEYCAP:
            return start + 2
        if nxt == _VS16 and text[start + 2:start + 3] == _KEYCAP:
            return start + 3
        return None
    if _is_regional(char):
        return start + 2 if nxt and _is_regional(nxt) else None
    pictographic = _in(_PICTOGRAPHIC, ord(char))
    if not pictographic and not (char in _TEXT_STYLE and nxt == _VS16):
        return None
    end = start + 1
    while end < len(text):
        current = text[end]
        if current in (_VS16, _KEYCAP) or _is_modifier(current):
            end += 1
        elif current == _ZWJ and end + 1 < len(text) and (
                _in(_PICTOGRAPHIC, ord(text[end + 1])) or text[end + 1] in _TEXT_STYLE):
            end += 2
        else:
            break
    return end


def url_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, weight)`` of every link X would recognise in ``text`` (NFC text).

    An address with ``http://``, ``https://`` or ``www.`` counts 23, unless it sits on a
    top-level domain that is never delegated (``.example``, ``.test``...), which X does not link.
    A bare domain (``netivim.co.il``) counts the larger of 23 and its own weight: X links it only
    when its top-level domain is real, and without X's list of domains we never count it short.

    >>> url_spans("see https://x.co.il/a.")
    [(4, 21, 23)]
    >>> url_spans("see https://status.netivim.example")
    []
    >>> url_spans("a1https://x.co.il")
    []
    """
    spans: list[tuple[int, int, int]] = []
    if "." not in text:
        return spans
    for match in _URL.finditer(text):
        start, end = match.span()
        if start > 0 and _BLOCKS_URL.match(text[start - 1]):
            continue
        if match["tld"].lower() in _UNLINKED_TLDS:
            continue
        if not _valid_url(end - start, match["scheme"], match["host"]):
            continue
        # A bare domain's characters are all weight-1 letters, digits and marks: no emoji.
        weight = URL_LENGTH if match["scheme"] else max(URL_LENGTH, _text_weight(text[start:end]))
        spans.append((start, end, weight))
    return spans


def _valid_url(length: int, scheme: str | None, host: str) -> bool:
    """twitter-text's ``isValidUrl``: every host label at most 63 characters once
    punycode-encoded, and the address (its host encoded) with a scheme at most 4,096."""
    encoded = 0
    for label in host.split("."):
        size = len(label) if label.isascii() else len("xn--") + len(label.encode("punycode"))
        if not 1 <= size <= _MAX_LABEL:
            return False
        encoded += size - len(label)
    if scheme is None or not scheme.lower().startswith("http"):
        scheme = _DEFAULT_SCHEME
    return len(scheme) + length + encoded <= _MAX_URL


def weighted_length(text: str) -> int:
    """The length X gives ``text``, in weighted characters (the limit is :data:`MAX_WEIGHTED`).

    >>> weighted_length("עדכון הבא: 15:00")
    16
    >>> weighted_length("\\u2066INC-2041\\u2069")  # each isolate weighs 2
    12
    >>> weighted_length("e\\u0301")  # NFC first: é is one character
    1
    >>> weighted_length("\\U0001F44D\\U0001F3FD")  # one emoji with its skin tone
    2
    """
    text = unicodedata.normalize("NFC", text)
    spans = url_spans(text)
    if not _EMOJI_POSSIBLE.search(text):
        # No emoji sequence anywhere (every message we write): weights by regex, not by
        # code point in Python.
        total, index = 0, 0
        for start, end, weight in spans:
            total += _text_weight(text[index:start]) + weight
            index = end
        return total + _text_weight(text[index:])
    links = {start: (end, weight) for start, end, weight in spans}
    total, index = 0, 0
    while index < len(text):
        if index in links:
            index, weight = links[index]
            total += weight
            continue
        emoji_end = _emoji_end(text, index)
        if emoji_end is not None:
            total += _DEFAULT_WEIGHT
            index = emoji_end
            continue
        total += _char_weight(text[index])
        index += 1
    return total
