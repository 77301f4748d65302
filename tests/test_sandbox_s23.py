"""Session 23: the template time budget counts the render's CPU time, not the wall clock.

CI (af95601) failed twice with "ran longer than 1 s (limits.seconds)" on templates that take
about a millisecond: the machine ran two test workers beside other jobs, and a render waiting
for a core counted the wait. In a crisis the rendering machine is loaded too; the guard is
there to stop a runaway template, which burns CPU.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest

from crisiscomms.config import Limits
from crisiscomms.sandbox import RunawayError, bounded_environment, run_bounded


def _template(source: str, limits: Limits) -> Any:
    return bounded_environment("/nonexistent", "en", limits).from_string(source)


def test_waiting_on_a_loaded_machine_does_not_stop_a_render(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Every read of the wall clock is a minute later, as if the render waited that long.
    ticks = itertools.count()
    monkeypatch.setattr(time, "monotonic", lambda: 60.0 * next(ticks))
    monkeypatch.setattr(time, "time", lambda: 60.0 * next(ticks))
    limits = Limits(seconds=0.5)
    template = _template("{% for i in range(200) %}{{ i }},{% endfor %}", limits)
    out = run_bounded(template, {}, limits)
    assert out.startswith("0,1,2,") and out.endswith("199,")


def test_a_template_that_burns_cpu_is_still_stopped() -> None:
    limits = Limits(seconds=0.05, loop_iterations=1_000_000)
    slow = _template("{% for i in range(100000) %}{{ range(1000)|sort|sum }}{% endfor %}",
                     limits)
    with pytest.raises(RunawayError, match=r"limits\.seconds"):
        run_bounded(slow, {}, limits)
