"""Shared fixtures and Hypothesis profiles (CI runs the same number of examples as here)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")
