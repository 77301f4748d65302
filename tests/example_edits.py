"""Built-in examples with fields replaced, and messages read without their bidi controls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
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


# Statement times the sweeps move an incident to: (weekday, Monday 0, of the week of 23 November
# 2026; hour; minute): Thursday evening and night, Friday (a short phone day), Saturday (closed)
# and Sunday night.
SWEEP_TIMES = [(4, 2, 0), (4, 7, 10), (4, 13, 0), (3, 21, 30), (3, 23, 50), (5, 10, 0),
               (5, 22, 40), (6, 1, 15)]


def shifted(node: Any, delta: dt.timedelta) -> Any:
    """Plain incident data with every timestamp in it moved by ``delta``."""
    if isinstance(node, dict):
        return {k: shifted(v, delta) for k, v in node.items()}
    if isinstance(node, list):
        return [shifted(v, delta) for v in node]
    if isinstance(node, dt.datetime):
        return node + delta
    if isinstance(node, str) and len(node) >= 19 and node[4] == "-" and node[10] == "T":
        try:
            return (dt.datetime.fromisoformat(node) + delta).isoformat()
        except ValueError:
            return node
    return node


def file_updated_at(raw: dict[str, Any]) -> dt.datetime:
    """The ``updated_at`` of plain incident data as YAML gave it (a datetime or a string)."""
    up = raw["updated_at"]
    return up if isinstance(up, dt.datetime) else dt.datetime.fromisoformat(up)


def moved_to(path: Path, when: tuple[int, int, int], no_eta: bool = False) -> dict[str, Any]:
    """The incident file's plain data moved so that its statement falls at ``when`` (one of
    ``SWEEP_TIMES``), every other time with it; without its ETA when ``no_eta``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    up = file_updated_at(raw)
    day, hour, minute = when
    base = dt.datetime(2026, 11, 23 + day, hour, minute, tzinfo=up.tzinfo)
    data: dict[str, Any] = shifted(raw, base - up)
    if no_eta:
        data["eta"] = None
    return data


# The organisation's contact channels as incident services (templates/crisiscomms.toml names
# their ids), each named in he, en, ar, ru: the services sweeps add them to the examples.
CONTACT_SERVICES = {
    "call-centre": ("המוקד הטלפוני", "our phone line", "مركز الاتصال", "телефонная линия"),
    "chat": ("הצ'אט באתר", "the chat on our website", "الدردشة في موقعنا", "чат на сайте"),
    "support-mail": ("תיבת הדואר של השירות", "email support", "البريد الإلكتروني للدعم",
                     "почта поддержки"),
    "stores": ("מרכזי השירות", "our service centres", "مراكز الخدمة", "сервисные центры"),
    "website": ("האתר", "our website", "موقعنا", "сайт")}
# Short names a team would give the phone line and the chat: each says what it is out of
# context and keeps the article its name has (reading 23: ru "колл-центр", not "телефон").
CONTACT_SHORT = {"call-centre": ("המוקד", "the phone line", "مركز الاتصال", "колл-центр"),
                 "chat": ("הצ'אט", "the chat", "الدردشة", "чат")}


def with_services(name: str, add: Sequence[str],
                  shorts: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """Example ``name``'s plain data with the contact services ``add`` among its affected
    services (names from ``CONTACT_SERVICES``), each with its short names from ``shorts``
    where it has them."""
    langs = ("he", "en", "ar", "ru")
    raw: dict[str, Any] = yaml.safe_load(example_path(name).read_text(encoding="utf-8"))
    for service in add:
        entry: dict[str, Any] = {"id": service,
                                 "name": dict(zip(langs, CONTACT_SERVICES[service], strict=True))}
        if shorts and service in shorts:
            entry["short"] = dict(zip(langs, shorts[service], strict=True))
        raw["services"].append(entry)
    return raw


def with_contact_channels(short: bool = True) -> dict[str, Any]:
    """The identified example's plain data with the phone line and the chat among its affected
    services, and their short names (``CONTACT_SHORT``) when ``short``."""
    return with_services("identified", list(CONTACT_SHORT), CONTACT_SHORT if short else None)
