"""The incident's own times (kind ``time``), judged at its ``updated_at``, the statement's "now".

``next-update-due``: the next update is not after now. ``eta-passed``: the expected restoration
is already behind us. ``cadence``: the next update is further off than the severity's cadence in
``crisiscomms.toml`` allows. None of them applies once the incident is resolved. The findings
concern the incident, not a language or a channel; the rules come from the bundle's first
language.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import replace
from zoneinfo import ZoneInfo

from ..findings import Finding
from ..model import Incident
from ..rules import TimeRule
from .base import Context
from .common import rules_for

__all__ = ["check_times", "time_params"]

# The incident field each condition is about.
_FIELD = {"eta-passed": "eta", "next-update-due": "next_update_at", "cadence": "next_update_at"}


def _local(value: dt.datetime | None, zone: ZoneInfo) -> str:
    return "" if value is None else value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def time_params(incident: Incident, cadence: int, zone: ZoneInfo,
                severity_label: str = "") -> dict[str, object]:
    """The values a time rule's message may place."""
    gap = None
    if incident.next_update_at is not None:
        gap = math.ceil((incident.next_update_at - incident.updated_at).total_seconds() / 60)
    return {"now": _local(incident.updated_at, zone), "eta": _local(incident.eta, zone),
            "next_update": _local(incident.next_update_at, zone), "minutes": gap,
            "cadence": cadence, "severity": incident.severity.value,
            "severity_label": severity_label or incident.severity.value}


def _breaks(rule: TimeRule, incident: Incident, cadence: int) -> bool:
    now = incident.updated_at
    if rule.condition == "eta-passed":
        return incident.eta is not None and incident.eta <= now
    if incident.next_update_at is None:
        return False
    if rule.condition == "next-update-due":
        return incident.next_update_at <= now
    return incident.next_update_at - now > dt.timedelta(minutes=cadence)


def check_times(context: Context) -> Iterator[Finding]:
    """A finding for each time rule the incident breaks (none once it is resolved)."""
    incident = context.bundle.incident
    languages = context.bundle.languages
    if incident.status.value == "resolved" or not languages:
        return
    config = context.templates.config
    cadence = getattr(config.cadence, incident.severity.value)
    zone = ZoneInfo(config.organisation.time_zone)
    # The rules and their wording are the first language's; so is the severity's name.
    label = context.templates.language(languages[0]).severity[incident.severity.value]
    late = next((c["minutes"] for c in context.plain[languages[0]].get("changes") or ()
                 if c["kind"] == "update_late"), None)
    for rule in rules_for(context, languages[0]).of_kind(TimeRule):
        if _breaks(rule, incident, cadence):
            yield rule.finding(time_params(incident, cadence, zone, label), file=incident.source,
                               field=_FIELD[rule.condition])
        if rule.condition == "cadence" and rule.late is not None and late is not None:
            # Against the previous statement: its promised update came late. A warning to
            # learn from, never a reason to hold this statement back.
            promised = incident.updated_at - dt.timedelta(minutes=late)
            yield replace(rule.late_finding(late, _local(promised, zone),
                                            _local(incident.updated_at, zone)),
                          file=incident.source, field="updated_at")
