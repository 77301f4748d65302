"""The service-level clock and case_status (issue 13 item 2): business hours per weekday,
Israel's public holidays, DST, and the property tests the issue asks for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.cases import load_case
from crisiscomms.cases.clock import BusinessClock, holiday_dates
from crisiscomms.cases.model import EXAMPLE, Case
from crisiscomms.cases.status import case_status
from crisiscomms.config import CasesConfig, Config, default_templates_dir, load_config
from crisiscomms.errors import CaseError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
ZONE = "Asia/Jerusalem"
CLOCK = BusinessClock(CasesConfig(), ZONE)


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _config(**cases: object) -> Config:
    base = load_config(default_templates_dir())
    return base.model_copy(update={"cases": CasesConfig.model_validate(cases)})


def test_fax_on_friday_noon_is_due_sunday_morning() -> None:
    assert CLOCK.add(_at("2026-11-27T12:10:00+02:00"), 120, "business") == \
        _at("2026-11-29T09:10:00+02:00")


def test_yom_kippur_is_closed_and_its_eve_is_not() -> None:
    # Sunday 2026-09-20 is the eve (an ordinary day), Monday the 21st is Yom Kippur.
    due = CLOCK.add(_at("2026-09-20T17:15:00+03:00"), 120, "business")
    assert due == _at("2026-09-22T09:15:00+03:00")


def test_holiday_eve_hours_from_config() -> None:
    clock = BusinessClock(CasesConfig(holiday_eve="08:00-13:00"), ZONE)
    due = clock.add(_at("2026-09-20T12:00:00+03:00"), 120, "business")
    assert due == _at("2026-09-22T09:00:00+03:00")


def test_extra_closed_day() -> None:
    clock = BusinessClock(CasesConfig(closed=(dt.date(2026, 11, 29),)), ZONE)
    due = clock.add(_at("2026-11-27T12:10:00+02:00"), 120, "business")
    assert due == _at("2026-11-30T09:10:00+02:00")


def test_calendar_clock_ignores_hours() -> None:
    assert CLOCK.add(_at("2026-11-27T12:10:00+02:00"), 48 * 60, "calendar") == \
        _at("2026-11-29T12:10:00+02:00")


def test_minutes_between_counts_open_time_only() -> None:
    friday = _at("2026-11-27T12:00:00+02:00")
    sunday = _at("2026-11-29T09:00:00+02:00")
    assert CLOCK.minutes_between(friday, sunday, "business") == 60 + 60
    assert CLOCK.minutes_between(friday, sunday, "calendar") == 45 * 60
    assert CLOCK.minutes_between(sunday, friday, "business") == -120


def test_dst_spring_forward_counts_real_time() -> None:
    # Israel moved to summer time on Friday 2026-03-27 at 02:00: a 24-hour calendar span over
    # it ends at the same wall time plus one hour.
    start = _at("2026-03-26T12:00:00+02:00")
    assert CLOCK.add(start, 24 * 60, "calendar").isoformat() == "2026-03-27T13:00:00+03:00"
    # A business day open around the clock (00:00-24:00) that day is 23 hours long.
    clock = BusinessClock(CasesConfig(hours={"friday": "00:00-24:00"}), ZONE)
    friday = dt.date(2026, 3, 27)
    span = clock.open_span(friday)
    assert span is not None
    assert span[1] - span[0] == dt.timedelta(hours=23)
    assert clock.minutes_between(*span, "business") == 23 * 60


def test_holiday_calendar_that_cannot_be_built() -> None:
    with pytest.raises(CaseError) as caught:
        holiday_dates("IL", ("public",), 2101)
    assert caught.value.problems[0].path == "cases.holidays"
    with pytest.raises(CaseError):
        holiday_dates("IL", ("no-such-category",), 2026)
    clock = BusinessClock(CasesConfig(), ZONE)
    with pytest.raises(CaseError):
        clock.add(_at("2100-12-31T17:00:00+02:00"), 120, "business")


def test_no_hours_at_all_is_refused() -> None:
    closed = dict.fromkeys(("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday"), "closed")
    clock = BusinessClock(CasesConfig(hours=closed, holidays=None), ZONE)
    with pytest.raises(CaseError) as caught:
        clock.add(_at("2026-11-27T12:10:00+02:00"), 1, "business")
    assert caught.value.problems[0].path == "cases.hours"


# --- properties ------------------------------------------------------------------------------

moments = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 1),
                       timezones=st.just(CLOCK.zone))
durations = st.integers(min_value=1, max_value=5 * 24 * 60)
hours = st.sampled_from(["08:00-18:00", "00:00-24:00", "01:30-02:30", "22:00-24:00", "closed",
                         "09:15-09:45"])
configs = st.builds(
    lambda f, sa, su: CasesConfig(hours={"friday": f, "saturday": sa, "sunday": su}),
    hours, hours, st.sampled_from(["08:00-18:00", "00:00-24:00", "01:30-02:30"]))


@given(moments, durations, configs)
def test_due_time_never_outside_business_hours(start: dt.datetime, minutes: int,
                                               config: CasesConfig) -> None:
    clock = BusinessClock(config, ZONE)
    due = clock.add(start, minutes, "business")
    span = clock.open_span(due.astimezone(clock.zone).date())
    if span is None or not span[0] <= due <= span[1]:
        # Only a close at midnight may put the due time on the next (possibly closed) day.
        previous = clock.open_span(due.astimezone(clock.zone).date() - dt.timedelta(days=1))
        assert previous is not None and due == previous[1]
    # And exactly `minutes` of open time lie between the start and the due time.
    assert clock.minutes_between(start, due, "business") in (minutes - 1, minutes)


@given(moments, durations, st.dates(min_value=dt.date(2025, 1, 1),
                                    max_value=dt.date(2027, 12, 31)))
def test_adding_a_holiday_never_makes_a_deadline_earlier(start: dt.datetime, minutes: int,
                                                         day: dt.date) -> None:
    without = BusinessClock(CasesConfig(), ZONE).add(start, minutes, "business")
    with_day = BusinessClock(CasesConfig(closed=(day,)), ZONE).add(start, minutes, "business")
    assert with_day >= without


@given(moments, durations)
def test_calendar_clock_is_real_elapsed_time(start: dt.datetime, minutes: int) -> None:
    due = CLOCK.add(start, minutes, "calendar")
    assert (due - start) == dt.timedelta(minutes=minutes)
    assert due.utcoffset() == due.tzinfo.utcoffset(due.replace(tzinfo=None))  # type: ignore[union-attr]


# --- case_status -----------------------------------------------------------------------------


def test_status_of_the_examples() -> None:
    now = _at("2026-11-30T10:00:00+02:00")
    fax = case_status(load_case(EXAMPLES / "fax-before-weekend.yaml"), now=now)
    assert fax.acknowledge_due == _at("2026-11-29T09:10:00+02:00")
    assert fax.acknowledge_late_minutes == 0 and fax.next == "update"
    assert fax.next_due == _at("2026-12-03T15:45:00+02:00")
    assert not fax.late and fax.findings == ()
    holiday = case_status(load_case(EXAMPLES / "email-over-holiday.yaml"), now=now)
    assert holiday.acknowledge_due == _at("2026-09-22T09:15:00+03:00")
    assert holiday.resolved and holiday.next is None and holiday.updates == 2
    unjustified = case_status(load_case(EXAMPLES / "not-justified.yaml"), now=now)
    assert unjustified.owner_changed
    assert [f.rule for f in unjustified.findings] == ["case-owner-changed"]
    assert unjustified.findings[0].severity == "warning"


def test_not_acknowledged_is_overdue() -> None:
    case = Case.model_validate(EXAMPLE)  # Thursday 16:40 by fax
    status = case_status(case, now=_at("2026-11-27T09:00:00+02:00"))
    assert status.next == "acknowledge" and status.overdue_minutes == 20
    assert [f.rule for f in status.findings] == ["case-acknowledgement-overdue"]


def test_late_acknowledgement_and_overdue_update_on_the_calendar_clock() -> None:
    case = Case.model_validate({**EXAMPLE, "events": [
        {"at": "2026-11-27T09:00:00+02:00", "kind": "acknowledged", "via": "phone"}]})
    config = _config(update_clock="calendar")
    status = case_status(case, now=_at("2026-11-29T10:00:00+02:00"), config=config)
    assert status.acknowledge_late_minutes == 20
    assert status.next_due == _at("2026-11-29T09:00:00+02:00")
    assert status.overdue_minutes == 60
    assert {f.rule for f in status.findings} == {"case-acknowledged-late",
                                                 "case-update-overdue"}


def test_events_after_now_are_not_known_yet() -> None:
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    status = case_status(case, now=_at("2026-11-22T10:00:00+02:00"))
    assert not status.resolved and status.next == "update" and status.updates == 0


def test_naive_now_refused() -> None:
    with pytest.raises(ValueError):
        case_status(Case.model_validate(EXAMPLE), now=dt.datetime(2026, 11, 27, 9))
