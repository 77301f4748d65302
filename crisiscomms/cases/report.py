"""The case queue (``cases due``) and the weekly review (``cases report``, seeds 001 and 002):
received, closed, the share justified, the median time to acknowledge, the share of updates
on time. Staff-facing: figures and English labels, no customer wording.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from ..config import Config
from .clock import BusinessClock
from .model import Case, EventKind, Outcome
from .status import CaseStatus, case_status

__all__ = ["DueRow", "WeeklyReport", "due_queue", "report_html", "weekly_report"]


@dataclass(frozen=True)
class DueRow:
    """One open case in the queue: what is owed next and by when."""

    case_id: str
    file: str | None
    owner: str
    next: str
    due: dt.datetime
    overdue_minutes: int

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON (docs/cases.md)."""
        return {"case_id": self.case_id, "file": self.file, "owner": self.owner,
                "next": self.next, "due": self.due.isoformat(),
                "overdue_minutes": self.overdue_minutes}


def due_queue(cases: Sequence[Case], *, now: dt.datetime, config: Config) -> list[DueRow]:
    """Every open case, most urgent first: the most overdue, then the soonest due."""
    rows = []
    for case in cases:
        status = case_status(case, now=now, config=config)
        if status.next is None or status.next_due is None:
            continue
        rows.append(DueRow(case.id, case.source, case.owner.name[case.language], status.next,
                           status.next_due, status.overdue_minutes))
    return sorted(rows, key=lambda r: (-r.overdue_minutes, r.due, r.case_id))


@dataclass(frozen=True)
class WeeklyReport:
    """The weekly review of complaint cases between two dates (inclusive)."""

    start: dt.date
    end: dt.date
    received: int
    closed: int
    justified: int
    partly_justified: int
    not_justified: int
    median_acknowledge_minutes: float | None
    updates: int
    updates_on_time: int
    open_cases: int
    by_day: tuple[tuple[dt.date, int, int], ...]
    """(day, received, closed) for each day of the period."""

    @property
    def share_justified(self) -> float | None:
        """Justified (partly justified counts half) among the cases closed."""
        if not self.closed:
            return None
        return (self.justified + self.partly_justified / 2) / self.closed

    @property
    def share_updates_on_time(self) -> float | None:
        """Updates made in time among the updates made by cases received in the period."""
        return self.updates_on_time / self.updates if self.updates else None

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON (docs/cases.md)."""
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "received": self.received, "closed": self.closed,
                "justified": self.justified, "partly_justified": self.partly_justified,
                "not_justified": self.not_justified,
                "share_justified": _round(self.share_justified),
                "median_acknowledge_minutes": self.median_acknowledge_minutes,
                "updates": self.updates, "updates_on_time": self.updates_on_time,
                "share_updates_on_time": _round(self.share_updates_on_time),
                "open": self.open_cases,
                "by_day": [{"day": d.isoformat(), "received": r, "closed": c}
                           for d, r, c in self.by_day]}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def weekly_report(cases: Sequence[Case], *, start: dt.date, end: dt.date,
                  config: Config) -> WeeklyReport:
    """The review of cases received or closed from ``start`` to ``end`` (local dates,
    inclusive). Statuses are taken at the end of the period."""
    clock = BusinessClock(config.cases, config.organisation.time_zone)
    zone = clock.zone
    now = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    days = [(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)]
    received_on: dict[dt.date, int] = dict.fromkeys(days, 0)
    closed_on: dict[dt.date, int] = dict.fromkeys(days, 0)
    received = closed = updates = on_time = open_cases = 0
    outcomes: dict[Outcome, int] = dict.fromkeys(Outcome, 0)
    ack_minutes: list[int] = []
    for case in cases:
        day = case.received_at.astimezone(zone).date()
        status: CaseStatus = case_status(case, now=now, config=config)
        if start <= day <= end:
            received += 1
            received_on[day] += 1
            updates += status.updates
            on_time += status.updates_on_time
            if status.acknowledged_at is not None:
                ack_minutes.append(clock.minutes_between(
                    case.received_at, status.acknowledged_at, config.cases.acknowledge_clock))
        resolved = next((e for e in case.events if e.kind is EventKind.RESOLVED), None)
        if resolved is not None and case.resolution is not None:
            closed_day = resolved.at.astimezone(zone).date()
            if start <= closed_day <= end:
                closed += 1
                closed_on[closed_day] += 1
                outcomes[case.resolution.outcome] += 1
        elif day <= end:
            open_cases += 1
    return WeeklyReport(
        start=start, end=end, received=received, closed=closed,
        justified=outcomes[Outcome.JUSTIFIED],
        partly_justified=outcomes[Outcome.PARTLY_JUSTIFIED],
        not_justified=outcomes[Outcome.NOT_JUSTIFIED],
        median_acknowledge_minutes=float(statistics.median(ack_minutes)) if ack_minutes
        else None,
        updates=updates, updates_on_time=on_time, open_cases=open_cases,
        by_day=tuple((d, received_on[d], closed_on[d]) for d in days))


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def report_lines(report: WeeklyReport) -> list[tuple[str, str]]:
    """The report's figures as (label, value) rows, for text and HTML alike."""
    median = report.median_acknowledge_minutes
    return [
        ("Received", str(report.received)),
        ("Closed", str(report.closed)),
        ("Justified / partly / not", f"{report.justified} / {report.partly_justified} / "
                                     f"{report.not_justified}"),
        ("Share justified", _percent(report.share_justified)),
        ("Median time to acknowledge", "n/a" if median is None else f"{median:g} min"),
        ("Updates on time", f"{report.updates_on_time} of {report.updates} "
                            f"({_percent(report.share_updates_on_time)})"),
        ("Still open", str(report.open_cases)),
    ]


def _chart(report: WeeklyReport) -> str:
    """Received and closed per day as an inline SVG bar chart: no external assets."""
    width, height, pad = 40 * max(len(report.by_day), 1) + 40, 160, 20
    top = max([1, *(max(r, c) for _, r, c in report.by_day)])
    scale = (height - 2 * pad - 14) / top
    bars = []
    for i, (day, got, done) in enumerate(report.by_day):
        x = pad + i * 40
        for offset, value, colour, name in ((0, got, "#2b6cb0", "received"),
                                            (16, done, "#2f855a", "closed")):
            h = value * scale
            bars.append(f'<rect x="{x + offset}" y="{height - pad - 14 - h:.1f}" width="14" '
                        f'height="{h:.1f}" fill="{colour}"><title>{day.isoformat()} {name}: '
                        f'{value}</title></rect>')
        bars.append(f'<text x="{x + 15}" y="{height - pad}" font-size="10" '
                    f'text-anchor="middle">{day.strftime("%d.%m")}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'role="img" aria-label="Cases received and closed per day">'
            + "".join(bars) + "</svg>")


def report_html(report: WeeklyReport) -> str:
    """The weekly review as one HTML page with its chart inline."""
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                   for k, v in report_lines(report))
    title = f"Complaint cases {report.start.isoformat()} to {report.end.isoformat()}"
    return ("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
            f"<table>{rows}</table>\n<p>Received (blue) and closed (green) per day:</p>\n"
            f"{_chart(report)}\n</body>\n</html>\n")
