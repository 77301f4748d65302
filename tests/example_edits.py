"""Built-in examples with fields replaced, and messages read without their bidi controls."""

from __future__ import annotations

from typing import Any

from crisiscomms import Bundle, Incident, parse_incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls


def edited(name: str = "identified", **changes: Any) -> Incident:
    """Example ``name`` with top-level fields replaced."""
    data = load_example(name).model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return parse_incident(data)


def seen(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    """One output of one message as a reader sees its characters (no bidi controls)."""
    return strip_controls(getattr(bundle[lang, channel], output) or "")
