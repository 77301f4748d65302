"""Where a case stands against its service levels (seed 002): acknowledged within two hours,
an update at least every 48 hours, one owner throughout.

Nothing here reads the clock: ``now`` is given (the ``--now`` of the commands). Events after
``now`` are not known yet and are left out.

>>> from crisiscomms.cases.model import EXAMPLE, Case
>>> case = Case.model_validate(EXAMPLE)   # a fax on Thursday 16:40, not yet acknowledged
>>> now = dt.datetime.fromisoformat("2026-11-27T09:00:00+02:00")
>>> status = case_status(case, now=now)
>>> status.acknowledge_due.isoformat(), status.next, status.overdue_minutes
('2026-11-27T08:40:00+02:00', 'acknowledge', 20)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..config import Config, default_templates_dir, load_config
from ..findings import Finding
from .clock import BusinessClock
from .model import CONTACTS, Case, Event, EventKind

__all__ = ["CaseStatus", "case_status"]

Next = Literal["acknowledge", "update"]


@dataclass(frozen=True)
class CaseStatus:
    """A case's service-level status at ``now``. Minutes are counted on the clock of their
    target (business minutes on the business clock)."""

    case_id: str
    now: dt.datetime
    resolved: bool
    acknowledge_due: dt.datetime
    acknowledged_at: dt.datetime | None
    acknowledge_late_minutes: int
    """How late the acknowledgement was (or is, while none was made); 0 when on time."""
    next: Next | None
    """What is owed next: ``acknowledge``, ``update``, or None once resolved."""
    next_due: dt.datetime | None
    overdue_minutes: int
    """How far past ``next_due`` it is at ``now``; 0 when not overdue."""
    last_contact_at: dt.datetime | None
    updates: int
    """Contacts after the acknowledgement (updates, calls, the resolution)."""
    updates_on_time: int
    owner_changed: bool
    other_reps: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    @property
    def late(self) -> bool:
        """Whether anything was or is late: the acknowledgement, an update, or the next one."""
        return (self.acknowledge_late_minutes > 0 or self.overdue_minutes > 0
                or self.updates_on_time < self.updates)


def _known(case: Case, now: dt.datetime) -> list[Event]:
    return [e for e in case.events if e.at <= now]


def case_status(case: Case, *, now: dt.datetime, config: Config | None = None) -> CaseStatus:
    """The status of ``case`` at ``now`` under the ``[cases]`` service levels of ``config``
    (default: the built-in config).

    The acknowledgement is due ``acknowledge_within`` after receipt; the first update
    ``update_every`` after the acknowledgement, each later one after the latest contact with
    the customer (acknowledged, progress_update, customer_contacted). An event by a rep other
    than the owner is a warning: one rep owns the case from start to end.
    """
    if now.tzinfo is None:
        raise ValueError("now must carry a UTC offset")
    config = config or load_config(default_templates_dir())
    levels = config.cases
    clock = BusinessClock(levels, config.organisation.time_zone)
    events = _known(case, now)
    lang = case.language
    ack_due = clock.add(case.received_at, levels.acknowledge_within, levels.acknowledge_clock)
    ack = next((e for e in events if e.kind is EventKind.ACKNOWLEDGED), None)
    ack_at = ack.at if ack is not None else None
    reference = ack_at if ack_at is not None else now
    ack_late = max(0, clock.minutes_between(ack_due, reference, levels.acknowledge_clock)) \
        if reference > ack_due else 0
    resolved = any(e.kind is EventKind.RESOLVED for e in events)

    updates = on_time = 0
    last_contact = ack_at
    if ack_at is not None:
        for event in events:
            if event.at <= ack_at or event.kind not in (*CONTACTS, EventKind.RESOLVED):
                continue
            assert last_contact is not None
            due = clock.add(last_contact, levels.update_every, levels.update_clock)
            updates += 1
            on_time += event.at <= due
            last_contact = event.at

    next_kind: Next | None = None
    next_due: dt.datetime | None = None
    overdue = 0
    if not resolved:
        if ack_at is None:
            next_kind, next_due = "acknowledge", ack_due
            overdue = ack_late
        else:
            assert last_contact is not None
            next_kind = "update"
            next_due = clock.add(last_contact, levels.update_every, levels.update_clock)
            if now > next_due:
                overdue = max(0, clock.minutes_between(next_due, now, levels.update_clock))

    owner = case.owner.name[lang]
    others = tuple(dict.fromkeys(e.by[lang] for e in case.events
                                 if e.by is not None and e.by[lang] != owner))
    findings: list[Finding] = []
    source = case.source
    if ack_at is not None and ack_late:
        findings.append(Finding("case-acknowledged-late", "error",
                                f"acknowledged {ack_late} min after it was due "
                                f"({ack_due.isoformat()})", file=source, field="events"))
    if next_kind == "acknowledge" and overdue:
        findings.append(Finding("case-acknowledgement-overdue", "error",
                                f"not acknowledged yet; due {ack_due.isoformat()}, overdue by "
                                f"{overdue} min", file=source, field="events"))
    if next_kind == "update" and overdue:
        findings.append(Finding("case-update-overdue", "error",
                                f"no update since {_iso(last_contact)}; due "
                                f"{_iso(next_due)}, overdue by {overdue} min", file=source,
                                field="events"))
    if updates > on_time:
        findings.append(Finding("case-update-late", "error",
                                f"{updates - on_time} of {updates} updates came later than "
                                f"{levels.update_every} min after the contact before",
                                file=source, field="events"))
    if others:
        findings.append(Finding("case-owner-changed", "warning",
                                f"the case changed hands ({', '.join(others)}); one rep should "
                                "own it from start to end", file=source, field="owner"))
    return CaseStatus(
        case_id=case.id, now=now.astimezone(clock.zone), resolved=resolved,
        acknowledge_due=ack_due, acknowledged_at=ack_at, acknowledge_late_minutes=ack_late,
        next=next_kind, next_due=next_due, overdue_minutes=overdue,
        last_contact_at=last_contact, updates=updates, updates_on_time=on_time,
        owner_changed=bool(others), other_reps=others, findings=tuple(findings))


def _iso(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.isoformat()
