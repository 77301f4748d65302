"""Shared fixtures and Hypothesis profiles.

``default`` (what the README's command and CI run) draws the same examples on every run, so a
submission's CI result does not depend on luck; ``explore`` draws new ones, many more, to look
for what the fixed set misses (``HYPOTHESIS_PROFILE=explore python -m pytest``). A failure it
finds becomes a plain test, as the bidi ones in tests/test_bidi_display.py did.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
