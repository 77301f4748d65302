"""Built-in examples with fields replaced, and messages read without their bidi controls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from crisiscomms import Bundle, Incident, parse_incident, render
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



def overnight_ivr_at(updated_at: str, templates: Path | None = None) -> Bundle:
    """The IVR of overnight.yaml moved to ``updated_at``, in four languages: started 45 minutes
    before, the next update in 50 minutes, the ETA in 3 hours 20 (no oldest contact); for the
    phone's opening hours."""
    now = dt.datetime.fromisoformat(updated_at)
    data = example_data("overnight", updated_at=updated_at,
                        started_at=(now - dt.timedelta(minutes=45)).isoformat(),
                        next_update_at=(now + dt.timedelta(minutes=50)).isoformat(),
                        eta=(now + dt.timedelta(minutes=200)).isoformat())
    data["internal"]["backlog"].pop("oldest_open_at")
    return render(parse_incident(data), languages=("he", "en", "ar", "ru"), channels=("ivr",),
                  templates=templates)


def example_incident(name: str, **fields: Any) -> Incident:
    """Example ``name`` parsed from its file's plain data, top-level fields replaced (as a user's
    edited copy of the file would be)."""
    return parse_incident(example_data(name, **fields), f"{name}.yaml")
