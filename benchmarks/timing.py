"""Timing shared by the benchmarks: the median of a few calls of a slow step."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of ``repeat`` calls of ``fn``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)
