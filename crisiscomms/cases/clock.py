"""The service-level clock: a deadline counted in business hours or calendar hours.

Business hours are per weekday in the organisation's time zone; the public holidays of a
country (the `holidays` package) and any extra closed days are closed all day. Time is
measured in real elapsed minutes (UTC), so a business day that a DST change shortens counts
its real length, and a deadline never lands in a missing or repeated local hour.

>>> from crisiscomms.config import CasesConfig
>>> clock = BusinessClock(CasesConfig(), "Asia/Jerusalem")
>>> friday_noon = dt.datetime(2026, 11, 27, 12, 10, tzinfo=clock.zone)
>>> clock.add(friday_noon, 120, "business").isoformat()   # 50 min Friday, 70 min Sunday
'2026-11-29T09:10:00+02:00'
>>> clock.add(friday_noon, 120, "calendar").isoformat()
'2026-11-27T14:10:00+02:00'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from ..closed_days import holiday_dates
from ..config import WEEKDAYS, CasesConfig, Clock, hours_span
from ..errors import CaseError, Problem

__all__ = ["BusinessClock", "holiday_dates"]

MAX_DAYS = 3 * 366
"""The furthest a deadline may run; past it, the hours configured leave no time to serve."""


class BusinessClock:
    """Deadlines and elapsed time on the ``business`` or ``calendar`` clock."""

    def __init__(self, config: CasesConfig, time_zone: str) -> None:
        self.config = config
        self.zone = ZoneInfo(time_zone)
        self._spans = {name: hours_span(hours) for name, hours in config.hours.items()}
        self._eve = None if config.holiday_eve is None else hours_span(config.holiday_eve)
        self._closed = frozenset(config.closed)

    def holiday(self, day: dt.date) -> str | None:
        """The name of the holiday on ``day``, if the business is closed for one."""
        if self.config.holidays is None:
            return None
        return holiday_dates(self.config.holidays, self.config.holiday_categories,
                             day.year).get(day)

    def open_span(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """When the business is open on ``day``, as moments in UTC (so that subtracting and
        comparing them counts real time across a DST change), or None when closed."""
        if day in self._closed or self.holiday(day) is not None:
            return None
        span = self._spans[WEEKDAYS[day.weekday()]]
        if self._eve is not None and span is not None \
                and self.holiday(day + dt.timedelta(days=1)) is not None:
            span = self._eve
        if span is None:
            return None
        start, end = span
        opens = dt.datetime.combine(day, start, tzinfo=self.zone)
        closes = (dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=self.zone)
                  if end is None else dt.datetime.combine(day, end, tzinfo=self.zone))
        return _real(opens).astimezone(dt.UTC), _real(closes).astimezone(dt.UTC)

    def _spans_from(self, start: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        day = start.astimezone(self.zone).date()
        for offset in range(MAX_DAYS + 1):
            span = self.open_span(day + dt.timedelta(days=offset))
            if span is not None:
                yield span
        raise CaseError(None, [Problem("cases.hours", f"no business hours within {MAX_DAYS} "
                                       "days: the hours and closed days leave no time to serve")])

    def add(self, start: dt.datetime, minutes: int, clock: Clock) -> dt.datetime:
        """The moment ``minutes`` after ``start`` on ``clock``, in the organisation's zone.

        On the business clock the result is always within business hours (at the latest, at
        closing time).
        """
        if clock == "calendar":
            return (start.astimezone(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(
                self.zone)
        left = dt.timedelta(minutes=minutes)
        moment = start.astimezone(dt.UTC)
        for opens, end in self._spans_from(start):
            begin = max(moment, opens)
            if begin >= end:
                continue
            if left <= end - begin:
                return (begin + left).astimezone(self.zone)
            left -= end - begin
        raise AssertionError("unreachable: _spans_from raises when it runs out")

    def minutes_between(self, start: dt.datetime, end: dt.datetime, clock: Clock) -> int:
        """Whole minutes from ``start`` to ``end`` on ``clock`` (negative when ``end`` is
        earlier); on the business clock only open time counts."""
        start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        if end < start:
            return -self.minutes_between(end, start, clock)
        if clock == "calendar":
            return int((end - start).total_seconds() // 60)
        total = dt.timedelta()
        for opens, closes in self._spans_from(start):
            if opens >= end:
                break
            begin, stop = max(start, opens), min(end, closes)
            if stop > begin:
                total += stop - begin
        return int(total.total_seconds() // 60)


def _real(moment: dt.datetime) -> dt.datetime:
    """A local wall time that exists: one inside a spring-forward gap moves to after it."""
    utc = moment.astimezone(dt.UTC)
    back = utc.astimezone(moment.tzinfo)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return back
    return moment
