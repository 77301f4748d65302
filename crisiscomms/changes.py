"""What changed between two published states of one incident, as data.

Customers remember what we said before: a moved estimate, a fix that did not hold or an update
that came late must be said, not left for them to notice. :func:`changes` compares the previous
statement's incident with the current one and lists each change with a stable kind (CONTRACT
section 8); templates receive them as ``f.changes`` and the journal records them per statement.

>>> from crisiscomms.samples import load_example
>>> before = load_example("identified")
>>> later = before.model_copy(update={
...     "updated_at": before.updated_at + dt.timedelta(minutes=70),
...     "next_update_at": before.updated_at + dt.timedelta(minutes=130),
...     "eta": before.eta + dt.timedelta(hours=2)})
>>> [(c.kind.value, c.minutes) for c in changes(before, later)]
[('eta_later', 120), ('update_late', 20)]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .model import Incident, Service, Status

__all__ = ["Change", "ChangeKind", "Changes", "changes"]


class ChangeKind(StrEnum):
    """The kinds of change, with the stable ids of CONTRACT section 8."""

    ETA_LATER = "eta_later"
    ETA_EARLIER = "eta_earlier"
    ETA_KNOWN = "eta_known"
    """An estimate now, none before."""
    ETA_WITHDRAWN = "eta_withdrawn"
    """An estimate before, none now, and the incident is not resolved."""
    STATUS_FORWARD = "status_forward"
    STATUS_BACK = "status_back"
    """E.g. monitoring -> identified: the fix did not hold."""
    SERVICES_ADDED = "services_added"
    SERVICES_RESTORED = "services_restored"
    """Services no longer listed as affected while the incident goes on."""
    WORKAROUND_ADDED = "workaround_added"
    UPDATE_LATE = "update_late"
    """This statement came after the next update the previous one promised."""


# The order an incident normally moves through; a step back means a fix did not hold.
_STATUS_RANK = {Status.INVESTIGATING: 0, Status.IDENTIFIED: 1, Status.MONITORING: 2,
                Status.RESOLVED: 3}


@dataclass(frozen=True)
class Change:
    """One change. Which fields are set depends on the kind:

    - ``eta_*``: ``old_eta`` and ``new_eta`` (either may be None for known / withdrawn);
      ``minutes`` how far the estimate moved, for ``eta_later`` and ``eta_earlier``;
    - ``status_*``: ``old_status`` and ``new_status``;
    - ``services_*``: ``services``, the services added or no longer affected;
    - ``update_late``: ``minutes`` late (rounded up, at least 1).

    >>> Change(ChangeKind.UPDATE_LATE, minutes=20).as_dict()
    {'kind': 'update_late', 'minutes': 20}
    """

    kind: ChangeKind
    minutes: int | None = None
    old_eta: dt.datetime | None = None
    new_eta: dt.datetime | None = None
    old_status: Status | None = None
    new_status: Status | None = None
    services: tuple[Service, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``kind`` always, the other fields only when set (times in ISO 8601)."""
        out: dict[str, Any] = {"kind": self.kind.value}
        if self.minutes is not None:
            out["minutes"] = self.minutes
        for name in ("old_eta", "new_eta"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat()
        for name in ("old_status", "new_status"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value.value
        if self.services:
            out["services"] = [s.model_dump(mode="json") for s in self.services]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        """The inverse of :meth:`as_dict` (the journal stores changes as JSON).

        >>> c = Change(ChangeKind.ETA_KNOWN, new_eta=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        >>> Change.from_dict(c.as_dict()) == c
        True
        """
        def moment(key: str) -> dt.datetime | None:
            return dt.datetime.fromisoformat(data[key]) if key in data else None

        def status(key: str) -> Status | None:
            return Status(data[key]) if key in data else None

        return cls(ChangeKind(data["kind"]), data.get("minutes"), moment("old_eta"),
                   moment("new_eta"), status("old_status"), status("new_status"),
                   tuple(Service.model_validate(s) for s in data.get("services", ())))


@dataclass(frozen=True)
class Changes:
    """Every change from one statement to the next, in the order of :class:`ChangeKind`.

    >>> Changes(()).kinds(), bool(Changes(()))
    ((), False)
    """

    items: tuple[Change, ...]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def kinds(self) -> tuple[ChangeKind, ...]:
        """The kinds present, in order."""
        return tuple(c.kind for c in self.items)

    def get(self, kind: ChangeKind) -> Change | None:
        """The change of ``kind``, or None."""
        return next((c for c in self.items if c.kind == kind), None)

    def as_list(self) -> list[dict[str, Any]]:
        """JSON-ready, one object per change (the journal and ``history --format json``)."""
        return [c.as_dict() for c in self.items]


def _minutes(start: dt.datetime, end: dt.datetime) -> int:
    return max(1, math.ceil((end - start).total_seconds() / 60))


def changes(previous: Incident, current: Incident) -> Changes:
    """What changed from ``previous`` (the last published state) to ``current``.

    Both must be the same incident (same id); ``ValueError`` otherwise. A dropped estimate is
    ``eta_withdrawn`` only while the incident goes on: a resolved incident needs none.
    """
    if previous.id != current.id:
        raise ValueError(f"previous is incident {previous.id!r}, current is {current.id!r}: "
                         "changes compare two states of one incident")
    found: list[Change] = []
    old_eta, new_eta = previous.eta, current.eta
    if old_eta is not None and new_eta is not None and old_eta != new_eta:
        kind = ChangeKind.ETA_LATER if new_eta > old_eta else ChangeKind.ETA_EARLIER
        found.append(Change(kind, _minutes(min(old_eta, new_eta), max(old_eta, new_eta)),
                            old_eta=old_eta, new_eta=new_eta))
    elif old_eta is None and new_eta is not None:
        found.append(Change(ChangeKind.ETA_KNOWN, new_eta=new_eta))
    elif old_eta is not None and new_eta is None and current.status != Status.RESOLVED:
        found.append(Change(ChangeKind.ETA_WITHDRAWN, old_eta=old_eta))
    old_rank, new_rank = _STATUS_RANK[previous.status], _STATUS_RANK[current.status]
    if old_rank != new_rank:
        kind = ChangeKind.STATUS_FORWARD if new_rank > old_rank else ChangeKind.STATUS_BACK
        found.append(Change(kind, old_status=previous.status, new_status=current.status))
    old_ids = {s.id for s in previous.services}
    new_ids = {s.id for s in current.services}
    added = tuple(s for s in current.services if s.id not in old_ids)
    if added:
        found.append(Change(ChangeKind.SERVICES_ADDED, services=added))
    restored = tuple(s for s in previous.services if s.id not in new_ids)
    if restored and current.status != Status.RESOLVED:
        found.append(Change(ChangeKind.SERVICES_RESTORED, services=restored))
    if previous.workaround is None and current.workaround is not None:
        found.append(Change(ChangeKind.WORKAROUND_ADDED))
    promised = previous.next_update_at
    if promised is not None and current.updated_at > promised:
        found.append(Change(ChangeKind.UPDATE_LATE, _minutes(promised, current.updated_at)))
    return Changes(tuple(found))
