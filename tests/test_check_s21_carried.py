"""sms-workaround-dropped after a statement: an SMS that drops a workaround the previous
statement already had is a choice (its room goes to what changed), not a finding; a workaround
new in this statement that the SMS drops still warns."""

from __future__ import annotations

import datetime as dt

from crisiscomms.model import Incident
from crisiscomms.render import render
from crisiscomms.samples import load_example


def _dropped(current: Incident, previous: Incident) -> list[str | None]:
    bundle = render(current, previous=previous, languages=["he"], channels=["sms"])
    return [f.language for f in bundle.findings if f.rule == "sms-workaround-dropped"]


def _later(incident: Incident, **update: object) -> Incident:
    assert incident.eta is not None and incident.next_update_at is not None
    return incident.model_copy(update={
        "updated_at": incident.updated_at + dt.timedelta(minutes=30),
        "next_update_at": incident.next_update_at + dt.timedelta(minutes=30),
        "eta": incident.eta + dt.timedelta(hours=2), **update})


def test_a_workaround_the_previous_statement_had_is_not_flagged_when_dropped() -> None:
    previous = load_example("identified").model_copy(update={"workaround_short": None})
    assert _dropped(_later(previous), previous) == []


def test_a_workaround_new_in_this_statement_still_warns_when_dropped() -> None:
    first = load_example("identified")
    previous = first.model_copy(update={"workaround": None, "workaround_short": None})
    current = _later(first, workaround_short=None)
    assert _dropped(current, previous) == ["he"]
