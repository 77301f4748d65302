"""The complaint-case page in a real browser (Playwright driving Debian's chromium): a case's
three letters side by side, Hebrew laid out right to left, the service-level status, switching
case and time. The screenshot goes to ``test-output/preview/cases.png``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from crisiscomms.preview.app import RunningServer, start_server
from crisiscomms.preview.workspace import Workspace

from .test_preview_browser import SHOTS, new_tab
from .test_preview_browser import browser as browser


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, RunningServer, list[str]]]:
    server = start_server(Workspace())
    context, tab, errors = new_tab(browser)
    yield tab, server, errors
    context.close()
    server.stop()


def test_case_letters_side_by_side(page: tuple[Page, RunningServer, list[str]]) -> None:
    tab, server, errors = page
    tab.goto(f"{server.url}cases?case=case-example:justified-voucher&now=2026-11-26T12:30")
    tab.wait_for_selector("body[data-ready]")
    rows = tab.locator(".case-letter")
    assert rows.count() == 3
    assert [r.get_attribute("data-kind") for r in rows.all()] == ["acknowledgement",
                                                                  "progress", "final"]
    hebrew = tab.locator(".case-letter[data-kind='final'] .panel[data-lang='he']")
    english = tab.locator(".case-letter[data-kind='final'] .panel[data-lang='en']")
    assert hebrew.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # Side by side: the Hebrew letter and the English one on the same line.
    he_box, en_box = hebrew.bounding_box(), english.bounding_box()
    assert he_box is not None and en_box is not None and abs(he_box["y"] - en_box["y"]) < 2
    assert "10%" in hebrew.locator(".letter-text").text_content()  # type: ignore[operator]
    assert "one rep throughout" in tab.locator("#status").text_content()  # type: ignore[operator]
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / "cases.png"))
    # Another case, an open one, later: overdue, and no final letter yet.
    tab.select_option("#case", "case-example:fax-before-weekend")
    tab.fill("#now", "2026-12-04T10:00")
    tab.dispatch_event("#now", "change")
    tab.wait_for_function("() => document.querySelector('#status h2')"
                          " && document.querySelector('#status h2').textContent"
                          ".startsWith('CASE-1042')")
    tab.wait_for_function("() => document.querySelector('#status').textContent"
                          ".includes('OVERDUE')")
    final = tab.locator(".case-letter[data-kind='final'] .error-box")
    assert final.count() == 2
    assert errors == []

