"""The preview page in a real browser: Playwright driving Debian's chromium (found on PATH).

What a comms person sees: every channel in both languages, Hebrew laid out right to left; a
form change reaching every panel; a problem shown beside its field; a template or config edit
appearing without a reload; saving, and a refused save over a file changed on disk; no console
errors. Screenshots go to ``test-output/preview/``.
"""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

from crisiscomms import load_incident, render
from crisiscomms.cli import main
from crisiscomms.journal import Journal
from crisiscomms.preview.app import RunningServer, start_server
from crisiscomms.preview.workspace import Workspace
from crisiscomms.samples import example_path

# Debian's chromium, never a downloaded one. No sandbox: CI runs as root in a container.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent.parent / "test-output" / "preview"
TEXTS = ".panel [data-output='text'] .output-body"
# Chromium reports a fetch answered 4xx as a console error; only the conflict test expects one.
CONFLICT = "status of 409"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium must be on PATH (.ci/run installs the package)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_tab(browser: Browser) -> tuple[BrowserContext, Page, list[str]]:
    """A fresh context and page as a comms person in Israel sees it, collecting the page's
    console errors (the tests assert there are none they did not expect)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="en-GB",
                                  timezone_id="Asia/Jerusalem")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


@dataclass
class Site:
    """One preview server over a fresh template folder and incident file, and a page on it."""

    server: RunningServer
    page: Page
    templates: Path
    incident: Path
    errors: list[str] = field(default_factory=list)

    def open(self) -> None:
        self.page.goto(self.server.url)
        self.page.wait_for_selector("body[data-rendered]")

    def shot(self, name: str, part: str | None = None) -> None:
        """The page (or the part the CSS selector ``part`` picks) as PNG under SHOTS."""
        # Rendered HTML channels paint in their own frames; let them finish first.
        for frame in self.page.frames:
            frame.wait_for_load_state("load")
        SHOTS.mkdir(parents=True, exist_ok=True)
        if part is None:
            self.page.screenshot(path=str(SHOTS / f"{name}.png"))
        else:
            # Centred first, so the sticky top bar does not cover the part's top edge.
            target = self.page.locator(part)
            target.evaluate("e => e.scrollIntoView({block: 'center'})")
            target.screenshot(path=str(SHOTS / f"{name}.png"))

    def assert_no_console_errors(self, allowed: str | None = None) -> None:
        unexpected = [e for e in self.errors if allowed is None or allowed not in e]
        assert unexpected == []


@pytest.fixture
def site(browser: Browser, tmp_path: Path) -> Iterator[Site]:
    templates = tmp_path / "templates"
    assert main(["init", str(templates)], out=io.StringIO()) == 0
    incident = tmp_path / "incident.yaml"
    shutil.copyfile(example_path("identified"), incident)
    server = start_server(Workspace(templates, [incident]))
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="en-GB",
                                  timezone_id="Asia/Jerusalem")
    page = context.new_page()
    result = Site(server, page, templates, incident)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            result.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: result.errors.append(str(error)))
    yield result
    context.close()
    server.stop()


def _texts(page: Page) -> list[str]:
    return page.locator(TEXTS).all_text_contents()


def _wait_every_text(page: Page, needle: str, timeout: float = 5000) -> None:
    page.wait_for_function(
        """([selector, needle]) => {
             const all = [...document.querySelectorAll(selector)];
             return all.length > 0 && all.every((e) => e.textContent.includes(needle));
           }""", arg=[TEXTS, needle], timeout=timeout)


def test_every_channel_in_both_languages_with_hebrew_right_to_left(site: Site) -> None:
    site.page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                        origin=site.server.url.rstrip("/"))
    site.open()
    page = site.page
    bundle = render(load_incident(site.incident), templates=site.templates)
    assert page.locator(".panel").count() == len(bundle)
    for message in bundle:
        panel = page.locator(f".panel[data-lang='{message.language}']"
                             f"[data-channel='{message.channel}']")
        direction = "rtl" if message.language == "he" else "ltr"
        assert panel.get_attribute("lang") == message.language
        for body in panel.locator(".output-body:not(.source-code)").all():
            assert body.evaluate("e => getComputedStyle(e).direction") == direction
        assert panel.locator(".copy").count() == len(message.outputs())
        assert panel.locator("[data-output='text'] .output-body").text_content() == message.text
        if message.html is not None:
            frame = panel.locator("iframe.rendered")
            assert frame.get_attribute("sandbox") == ""  # no scripts, no same origin
            assert message.html in (frame.get_attribute("srcdoc") or "")
        if message.ssml is not None:
            spoken = panel.locator("[data-output='ssml'] .stat").text_content() or ""
            assert f"{message.stats['seconds']:g} s spoken" in spoken
        if "segments" in message.stats:
            assert panel.locator(".segment").count() == message.stats["segments"]
    # The copy button gives exactly the text to send, bidi controls included.
    sms = bundle["he", "sms"]
    page.locator(".panel[data-lang='he'][data-channel='sms'] [data-output='text'] .copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == sms.text
    site.shot("01-every-channel")
    site.shot("01-banner-rendered", "section.channel[data-channel='banner']")
    site.assert_no_console_errors()


def test_a_form_change_updates_every_channel_in_both_languages(site: Site) -> None:
    site.open()
    page = site.page
    assert not any("15:45" in text for text in _texts(page))
    page.fill("[name='next_update_at']", "2026-11-22T15:45")
    _wait_every_text(page, "15:45")
    expected = render(load_incident(site.incident), templates=site.templates)
    assert len(_texts(page)) == len(expected) == page.locator(".panel").count()
    site.shot("02-next-update-changed")
    # Clearing the ETA: every channel now says plainly that there is none yet.
    page.fill("[name='eta']", "")
    page.wait_for_function("""() => ![...document.querySelectorAll('.panel')].some(
        (p) => p.textContent.includes('17:00'))""", timeout=5000)
    site.assert_no_console_errors()


def test_a_problem_appears_beside_its_field(site: Site) -> None:
    site.open()
    page = site.page
    page.fill("[name='next_update_at']", "2026-11-22T13:00")
    error = page.locator("[data-error-for='next_update_at']")
    error.filter(has_text="must not be earlier than updated_at").wait_for(timeout=5000)
    assert page.locator("[name='next_update_at']").get_attribute("aria-invalid") == "true"
    assert "stale" in (page.locator("#channels").get_attribute("class") or "")
    site.shot("03-problem-beside-field")
    page.fill("[name='next_update_at']", "2026-11-22T15:30")
    _wait_every_text(page, "15:30")
    assert error.text_content() == ""
    # A text missing in one language is named with its language, beside that control.
    page.fill("[name='title.en']", "")
    page.locator("[data-error-for='title.en']").filter(
        has_text="missing text for language 'en'").wait_for(timeout=5000)
    site.assert_no_console_errors()


def test_a_time_the_clocks_skip_is_refused_beside_its_field_and_not_saved(site: Site) -> None:
    # 02:30 on 27 March 2026 never happens in Jerusalem (02:00 becomes 03:00): the page says so
    # beside the control instead of guessing an offset, and saving leaves the file alone.
    site.open()
    page = site.page
    before = site.incident.read_bytes()
    page.fill("[name='next_update_at']", "2026-03-27T02:30")
    error = page.locator("[data-error-for='next_update_at']")
    error.filter(has_text="does not exist in Asia/Jerusalem").wait_for(timeout=5000)
    assert page.locator("[name='next_update_at']").get_attribute("aria-invalid") == "true"
    site.shot("03b-skipped-time-beside-field")
    page.click("#save")
    page.locator("#notice").filter(has_text="Not saved").wait_for(timeout=5000)
    assert site.incident.read_bytes() == before
    site.assert_no_console_errors()


def test_template_and_config_edits_appear_without_a_reload(site: Site) -> None:
    site.open()
    page = site.page
    sms_text = site.templates / "en" / "sms.txt"
    started = time.monotonic()
    sms_text.write_text(sms_text.read_text("utf-8").rstrip("\n") + " Live edit 42.\n",
                        encoding="utf-8")
    en_sms = page.locator(".panel[data-lang='en'][data-channel='sms'] "
                          "[data-output='text'] .output-body")
    en_sms.filter(has_text="Live edit 42.").wait_for(timeout=5000)
    assert time.monotonic() - started < 5
    # A config edit too: a tighter SMS budget flags the Hebrew SMS beside its panel.
    config = site.templates / "crisiscomms.toml"
    config.write_text(config.read_text("utf-8").replace(
        "max_segments = { he = 2,", "max_segments = { he = 1,"),
        encoding="utf-8")
    he_sms = page.locator(".panel[data-lang='he'][data-channel='sms']")
    he_sms.locator(".findings li.error").first.wait_for(timeout=5000)
    assert "has-error" in (he_sms.get_attribute("class") or "")
    assert "error" in (page.locator("#summary").text_content() or "")
    site.shot("04-live-template-edit", "section.channel[data-channel='sms']")
    site.assert_no_console_errors()


def test_save_writes_the_file_and_refuses_a_conflicting_save(site: Site) -> None:
    site.open()
    page = site.page
    before = site.incident.read_bytes()
    page.fill("[name='next_update_at']", "2026-11-22T15:45")
    _wait_every_text(page, "15:45")
    assert "unsaved changes" in (page.locator("#file-state").text_content() or "")
    page.click("#save")
    page.locator("#notice").filter(has_text="Saved").wait_for(timeout=5000)
    assert "unsaved" not in (page.locator("#file-state").text_content() or "")
    saved = load_incident(site.incident)
    assert saved.next_update_at is not None
    assert saved.next_update_at.strftime("%H:%M%z") == "15:45+0200"
    assert (site.incident.parent / "incident.yaml.bak").read_bytes() == before
    site.shot("05-saved")
    # Someone else changes the file; this page's next save must not overwrite it.
    theirs = site.incident.read_text("utf-8").replace("INC-2041", "INC-2042")
    site.incident.write_text(theirs, encoding="utf-8")
    page.fill("[name='next_update_at']", "2026-11-22T16:15")
    _wait_every_text(page, "16:15")
    page.click("#save")
    page.locator("#notice").filter(has_text="changed on disk since the page loaded it").wait_for(
        timeout=5000)
    assert site.incident.read_text("utf-8") == theirs
    page.wait_for_timeout(1500)  # a live-reload poll or two: the refusal stays on screen
    assert "changed on disk since the page loaded it" in (
        page.locator("#notice").text_content() or "")
    site.shot("06-save-conflict")
    site.assert_no_console_errors(allowed=CONFLICT)


def test_download_gives_the_edited_incident(site: Site, tmp_path: Path) -> None:
    site.open()
    page = site.page
    page.fill("[name='next_update_at']", "2026-11-22T15:45")
    _wait_every_text(page, "15:45")
    with page.expect_download() as info:
        page.click("#download")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name == "INC-2041.yaml"
    downloaded = load_incident(path)
    assert downloaded.next_update_at is not None
    assert downloaded.next_update_at.strftime("%H:%M") == "15:45"
    site.assert_no_console_errors()


def test_publish_shows_what_changes_and_the_new_statement_in_the_history(
        browser: Browser, tmp_path: Path) -> None:
    incident = tmp_path / "incident.yaml"
    shutil.copyfile(example_path("identified"), incident)
    db = tmp_path / "crisiscomms.db"
    server = start_server(Workspace(None, [incident], journal=db, out=tmp_path / "out"))
    context, page, errors = new_tab(browser)
    try:
        page.goto(server.url)
        page.wait_for_selector("body[data-rendered]")
        pending = page.locator("#pending")
        pending.filter(has_text="Publish records statement 1").wait_for(timeout=5000)
        assert page.locator("#history > li").count() == 0
        page.click("#publish")
        page.locator("#history > li[data-seq='1']").wait_for(timeout=10000)
        assert "Published statement 1" in (page.locator("#publish-result").text_content() or "")
        page.locator("#pending[data-state='unchanged']").wait_for(timeout=5000)
        # A late update moving the estimate: said before publishing, in both languages.
        page.fill("[name='updated_at']", "2026-11-22T15:20")
        page.fill("[name='next_update_at']", "2026-11-22T16:30")
        page.fill("[name='eta']", "2026-11-22T19:00")
        pending.filter(has_text="Publish records statement 2").wait_for(timeout=5000)
        moved = pending.locator("li[data-kind='eta_later']")
        hebrew = moved.locator(".sentence[lang='he']")
        assert hebrew.get_attribute("dir") == "rtl"
        assert {"19:00", "17:00"} <= set((hebrew.text_content() or "").replace(",", " ").split())
        assert pending.locator("li[data-kind='update_late']").count() == 1
        page.click("#publish")
        newest = page.locator("#history > li[data-seq='2']")
        newest.wait_for(timeout=10000)
        assert page.locator("#history > li").first.get_attribute("data-seq") == "2"
        assert newest.locator("li[data-kind='eta_later'] .sentence[lang='en']").count() == 1
        assert "(2)" in (page.locator("#history-count").text_content() or "")
        page.locator("#pending[data-state='unchanged']").wait_for(timeout=5000)
        assert [s.seq for s in Journal(db).history("INC-2041")] == [1, 2]
        page.locator("#journal").screenshot(path=str(_shots() / "08-published.png"))
        # An estimate already passed: refused beside the form, nothing recorded.
        page.fill("[name='updated_at']", "2026-11-22T15:40")
        page.fill("[name='eta']", "2026-11-22T15:30")
        pending.filter(has_text="Publish records statement 3").wait_for(timeout=5000)
        assert "would be refused: 1 error finding" in (pending.text_content() or "")
        page.click("#publish")
        page.locator("#publish-result[data-refused='findings'] li[data-rule='eta-passed']"
                     ).wait_for(timeout=10000)
        assert page.locator("#history > li").count() == 2
        assert [s.seq for s in Journal(db).history("INC-2041")] == [1, 2]
        page.locator("#journal").screenshot(path=str(_shots() / "09-publish-refused.png"))
        assert [e for e in errors if "status of 422" not in e] == []
    finally:
        context.close()
        server.stop()


def _shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
