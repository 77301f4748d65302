"""The HTTP client of the preview API tests: import ``client`` into a test module that has a
``server`` fixture (a module may define its own, as the publish tests do with an Origin)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from crisiscomms.preview.app import RunningServer


@pytest.fixture
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        yield http
