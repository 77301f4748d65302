"""Built-in examples with fields replaced, and messages read without their bidi controls."""

from __future__ import annotations

from typing import Any

import yaml

from crisiscomms import Bundle, Incident, parse_incident
from crisiscomms.samples import example_path, load_example
from crisiscomms.text.bidi import strip_controls


def edited(name: str = "identified", **changes: Any) -> Incident:
    """Example ``name`` with top-level fields replaced."""
    data = load_example(name).model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return parse_incident(data)


def seen(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    """One output of one message as a reader sees its characters (no bidi controls)."""
    return strip_controls(getattr(bundle[lang, channel], output) or "")


def example_data(name: str, **changes: Any) -> dict[str, Any]:
    """Example ``name`` as plain data straight from its file, top-level fields replaced."""
    data: dict[str, Any] = yaml.safe_load(example_path(name).read_text("utf-8"))
    data.update(changes)
    return data


def written(bundle: Bundle, lang: str, channel: str) -> str:
    """The written outputs (text, html, subject) of one message, without bidi controls."""
    message = bundle[lang, channel]
    return "\n".join(strip_controls(text) for name, text in message.outputs().items()
                     if name != "ssml")

