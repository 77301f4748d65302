"""SMS length: which encoding a text needs and how many segments it takes.

GSM-7 fits 160 septets in one message, 153 per segment once concatenated; its extension
characters take two septets and an escape pair is never split across segments. Anything outside
GSM-7 (every Hebrew letter) forces UCS-2: 70 UTF-16 code units, 67 per segment, and a surrogate
pair is never split.

>>> sms_segments("Service is back.")
('GSM-7', 16, 1)
>>> sms_segments("א" * 71)
('UCS-2', 71, 2)
"""

from __future__ import annotations

from typing import Literal

__all__ = ["GSM7_BASIC", "GSM7_EXTENSION", "Encoding", "sms_capacity", "sms_parts", "sms_segments"]

Encoding = Literal["GSM-7", "UCS-2"]

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

_SINGLE = {"GSM-7": 160, "UCS-2": 70}
_MULTI = {"GSM-7": 153, "UCS-2": 67}


def _gsm_units(text: str) -> list[int] | None:
    units = []
    for char in text:
        if char in GSM7_BASIC:
            units.append(1)
        elif char in GSM7_EXTENSION:
            units.append(2)
        else:
            return None
    return units


def _ucs2_units(text: str) -> list[int]:
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def _encode(text: str) -> tuple[Encoding, list[int]]:
    gsm = _gsm_units(text)
    if gsm is not None:
        return "GSM-7", gsm
    return "UCS-2", _ucs2_units(text)


def _pack(text: str, units: list[int], per_segment: int) -> list[str]:
    # Greedy packing where an item (escape pair or surrogate pair) never straddles two segments.
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for char, size in zip(text, units, strict=True):
        if used + size > per_segment:
            parts.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    parts.append("".join(current))
    return parts


def sms_parts(text: str) -> list[str]:
    """The parts ``text`` is sent in, in order (one part when it fits a single message).

    >>> [len(part) for part in sms_parts("א" * 71)]
    [67, 4]
    """
    encoding, units = _encode(text)
    if sum(units) <= _SINGLE[encoding]:
        return [text]
    return _pack(text, units, _MULTI[encoding])


def sms_segments(text: str) -> tuple[Encoding, int, int]:
    """``(encoding, units, segments)`` for ``text``.

    Units are septets for GSM-7 and UTF-16 code units for UCS-2. An empty text is one segment.

    >>> sms_segments("{" * 80)
    ('GSM-7', 160, 1)
    >>> sms_segments("a" * 152 + "€" + "a" * 152)
    ('GSM-7', 306, 3)
    >>> sms_segments("😀" * 35)
    ('UCS-2', 70, 1)
    """
    encoding, units = _encode(text)
    total = sum(units)
    if total <= _SINGLE[encoding]:
        return encoding, total, 1
    return encoding, total, len(_pack(text, units, _MULTI[encoding]))


def sms_capacity(encoding: Encoding, segments: int) -> int:
    """The units ``segments`` segments hold in ``encoding`` (one message: 160 or 70).

    >>> sms_capacity("UCS-2", 2)
    134
    >>> sms_capacity("GSM-7", 1)
    160
    """
    if segments <= 1:
        return _SINGLE[encoding]
    return segments * _MULTI[encoding]
