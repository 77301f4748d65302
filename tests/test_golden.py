"""Golden files: every example, language and channel, byte for byte.

Invisible characters are written as visible escapes (U+2066 as ``\\u2066``) so a review sees
them. After an intended wording change, regenerate and review the diff:

    CRISISCOMMS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
    git diff tests/golden
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crisiscomms import Message, render
from crisiscomms.samples import example_names, load_example

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CRISISCOMMS_UPDATE_GOLDEN") == "1"
INVISIBLE = {0x200E, 0x200F, 0x061C, 0x2066, 0x2067, 0x2068, 0x2069, 0x00A0, 0x202F,
             *range(0x202A, 0x202F)}


def visible(text: str) -> str:
    """Text with every invisible or direction character written as a ``\\uXXXX`` escape.

    >>> visible("\\u2066x\\u2069")
    '\\\\u2066x\\\\u2069'
    """
    return "".join(f"\\u{ord(c):04x}" if ord(c) in INVISIBLE else c for c in text)


def serialise(message: Message) -> str:
    parts = [f"--- {name} ---\n{visible(value)}\n" for name, value in message.outputs().items()]
    stats = ", ".join(f"{k}={v}" for k, v in sorted(message.stats.items()))
    return "".join(parts) + f"--- stats ---\n{stats}\n"


@pytest.mark.parametrize("name", example_names())
def test_golden(name: str) -> None:
    bundle = render(load_example(name))
    folder = GOLDEN / name
    expected_files = set()
    for message in bundle:
        path = folder / f"{message.language}.{message.channel}.txt"
        expected_files.add(path.name)
        actual = serialise(message)
        if UPDATE:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            continue
        assert path.is_file(), f"no golden file {path}; regenerate (see this module's docstring)"
        assert actual == path.read_text(encoding="utf-8"), f"{path} differs; review and regenerate"
    if UPDATE:
        for stale in folder.glob("*.txt"):
            if stale.name not in expected_files:
                stale.unlink()
    else:
        leftovers = sorted(p.name for p in folder.glob("*.txt") if p.name not in expected_files)
        assert leftovers == [], f"golden files for messages no longer rendered: {leftovers}"
