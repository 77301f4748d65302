"""``changes(previous, current)``: each kind of CONTRACT section 8 found when it happened and
only then, and ``render(previous=...)`` handing them to templates as ``f.changes``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from crisiscomms.changes import Change, ChangeKind, Changes, changes
from crisiscomms.facts import build_facts, plain
from crisiscomms.model import Incident
from crisiscomms.render import render, template_set

from .journal_states import BASE, state

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
NEW_SERVICE = {"id": "sms", "name": {"he": "הודעות SMS", "en": "text messages"}}


def _resolved(minute: int) -> dict[str, Any]:
    now = BASE + minute * M
    return {"status": "resolved", "resolved_at": now.isoformat(), "next_update_at": None}


CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[ChangeKind, int | None]]]] = [
    ("nothing", {}, {}, []),
    ("eta later", {}, {"eta": (BASE + 26 * H).isoformat()},
     [(ChangeKind.ETA_LATER, 120)]),
    ("eta earlier", {}, {"eta": (BASE + 23 * H + 30 * M).isoformat()},
     [(ChangeKind.ETA_EARLIER, 30)]),
    ("eta known", {"eta": None}, {}, [(ChangeKind.ETA_KNOWN, None)]),
    ("eta withdrawn", {}, {"eta": None}, [(ChangeKind.ETA_WITHDRAWN, None)]),
    ("no eta once resolved is not withdrawn", {}, {"eta": None, **_resolved(10)},
     [(ChangeKind.STATUS_FORWARD, None)]),
    ("status forward", {"status": "investigating"}, {}, [(ChangeKind.STATUS_FORWARD, None)]),
    ("a fix that did not hold", {"status": "monitoring"}, {},
     [(ChangeKind.STATUS_BACK, None)]),
    ("services added", {}, {"services": [*state(0).model_dump(mode="json")["services"],
                                         NEW_SERVICE]},
     [(ChangeKind.SERVICES_ADDED, None)]),
    ("services restored", {}, {"services": state(0).model_dump(mode="json")["services"][:1]},
     [(ChangeKind.SERVICES_RESTORED, None)]),
    ("workaround added", {"workaround": None}, {}, [(ChangeKind.WORKAROUND_ADDED, None)]),
    ("on time is not late", {}, {}, []),
]


@pytest.mark.parametrize(("before", "after", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_kind_is_found_when_it_happened_and_only_then(
        before: dict[str, Any], after: dict[str, Any],
        expected: list[tuple[ChangeKind, int | None]]) -> None:
    found = changes(state(0, **before), state(10, **after))
    assert [(c.kind, c.minutes) for c in found] == expected


@pytest.mark.parametrize(("seconds", "late"), [(0, None), (30, 1), (60, 1), (61, 2),
                                               (3600, 60)])
def test_update_late_counts_minutes_after_the_promised_next_update(
        seconds: int, late: int | None) -> None:
    promised = BASE + 50 * M  # state(0) promises its next update 50 minutes on
    current = state(50).model_copy(update={
        "updated_at": promised + dt.timedelta(seconds=seconds)})
    found = changes(state(0), current).get(ChangeKind.UPDATE_LATE)
    assert (found.minutes if found else None) == late


def test_moved_eta_carries_old_and_new_and_services_carry_names() -> None:
    moved = changes(state(0), state(10, eta=(BASE + 26 * H).isoformat()))
    change = moved.get(ChangeKind.ETA_LATER)
    assert change is not None
    assert (change.old_eta, change.new_eta) == (BASE + 24 * H, BASE + 26 * H)
    before = state(0)
    added = changes(before, state(10, services=[
        *before.model_dump(mode="json")["services"], NEW_SERVICE])).get(
        ChangeKind.SERVICES_ADDED)
    assert added is not None and [s.id for s in added.services] == ["sms"]


def test_changes_of_two_incidents_is_an_error() -> None:
    with pytest.raises(ValueError, match="one incident"):
        changes(state(0), state(10, incident_id="INC-9"))


def test_changes_round_trip_through_json() -> None:
    before = state(0, status="monitoring", workaround=None)
    after = state(70, eta=(BASE + 26 * H).isoformat(), services=[NEW_SERVICE])
    found = changes(before, after)
    assert len(found) == 6
    again = Changes(tuple(Change.from_dict(d) for d in found.as_list()))
    assert again == found


def _facts(incident: Incident, previous: Incident | None, lang: str) -> Any:
    ts = template_set()
    moved = None if previous is None else changes(previous, incident)
    return plain(build_facts(incident, ts.config, ts.language(lang), lang, moved))


def test_facts_carry_changes_with_formatted_moments() -> None:
    previous = state(0, eta=(BASE + 2 * H + 50 * M).isoformat())
    current = state(70, eta=(BASE + 4 * H + 50 * M).isoformat())
    facts = _facts(current, previous, "en")
    kinds = [c["kind"] for c in facts["changes"]]
    assert kinds == ["eta_later", "update_late"]
    eta = facts["changes"][0]
    assert (eta["old"]["time"], eta["new"]["time"]) == ("17:00", "19:00")
    assert facts["changes"][1]["minutes"] == 20 and facts["changes"][1]["duration"] == "20 minutes"
    assert list(_facts(current, None, "he")["changes"]) == []


def test_render_with_previous_works_without_a_journal() -> None:
    previous, current = state(0), state(70, eta=(BASE + 26 * H).isoformat())
    with_previous = render(current, previous=previous)
    alone = render(current)
    # With the previous statement the messages say what changed; alone they cannot.
    moved = [m for m in with_previous if "14:10" in m.text]
    assert moved and not any("14:10" in m.text for m in alone)
    # (The moved estimate's sentence leaves the he SMS no room for the short workaround.)
    assert {f.rule for f in with_previous.findings} - {f.rule for f in alone.findings} \
        <= {"update-cadence", "sms-workaround-dropped"}
    with pytest.raises(ValueError, match="one incident"):
        render(current, previous=state(0, incident_id="INC-9"))
