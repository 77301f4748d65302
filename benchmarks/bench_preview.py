"""Preview benchmark: what a keystroke in the form costs before every panel can change.

    python benchmarks/bench_preview.py

Starts the preview server on a free loopback port and prints, for the built-in example
``identified`` (every channel in both languages):
- render: ``render()`` alone, in process (the floor the page cannot beat);
- round trip: ``POST /api/render`` over HTTP with the whole form, answered with every message,
  its stats and findings (validation, rendering, checks, JSON both ways);
- poll: ``GET /api/version``, the live-reload check the page makes every second.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import httpx

from crisiscomms import render
from crisiscomms.preview.app import start_server
from crisiscomms.preview.workspace import Workspace
from crisiscomms.samples import load_example


def timings(fn: Callable[[], object], number: int) -> list[float]:
    """Seconds per call, ``number`` calls, after five warm-up calls."""
    for _ in range(5):
        fn()
    runs = []
    for _ in range(number):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def describe(name: str, runs: list[float]) -> str:
    """Median and 95th percentile in milliseconds."""
    ordered = sorted(runs)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"{name:<11} median {statistics.median(runs) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def main() -> None:
    """Measure and print."""
    workspace = Workspace()
    server = start_server(workspace)
    try:
        fields = workspace.load("example:identified")["fields"]
        incident = load_example("identified")
        origin = server.url.rstrip("/")
        with httpx.Client(base_url=server.url, headers={"Origin": origin}) as client:
            def round_trip() -> object:
                response = client.post("/api/render", json={"fields": fields})
                assert response.json()["ok"]
                return response

            floor = timings(lambda: render(incident), 100)
            trip = timings(round_trip, 100)
            poll = timings(lambda: client.get("/api/version"), 200)
        messages = len(render(incident))
        print(f"example identified: {messages} messages (every channel, both languages)")
        print(describe("render", floor))
        print(describe("round trip", trip))
        print(describe("poll", poll))
        print(f"round trip / render: {statistics.median(trip) / statistics.median(floor):.2f}x")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
