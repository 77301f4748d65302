"""The preview page's complaint cases (issue 13 step 7): a case file opened read-only, its three
letters side by side in both languages, and its service-level status; over HTTP and, with
Debian's chromium, as a person sees it."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.cli import main
from crisiscomms.preview.app import RunningServer, start_server
from crisiscomms.preview.workspace import UnknownSource, Workspace

from .preview_client import client as client

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("cases")
    good = folder / "mine.yaml"
    shutil.copyfile(EXAMPLES / "fax-before-weekend.yaml", good)
    bad = folder / "bad.yaml"
    bad.write_text((EXAMPLES / "fax-before-weekend.yaml").read_text("utf-8").replace(
        "at: 2026-11-27T12:45:00+02:00", "at: 2026-11-27T11:45:00+02:00"), encoding="utf-8")
    return [good, bad]


@pytest.fixture(scope="module")
def server(case_files: list[Path]) -> Iterator[RunningServer]:
    running = start_server(Workspace(None, [], case_files))
    yield running
    running.stop()


def _case(client: httpx.Client, source: str, now: str = "") -> dict[str, Any]:
    response = client.get("/api/case", params={"source": source, "now": now})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def test_meta_lists_the_case_files_then_the_examples(client: httpx.Client) -> None:
    keys = [c["key"] for c in client.get("/api/meta").json()["cases"]]
    assert keys[:2] == ["case:0", "case:1"]
    assert "case-example:justified-voucher" in keys and len(keys) == 2 + 4


def test_three_letters_side_by_side_in_both_languages(client: httpx.Client) -> None:
    view = _case(client, "case-example:justified-voucher", "2026-11-26T12:30")
    assert view["ok"] and view["case"] == "CASE-1031" and view["now"].endswith("+02:00")
    assert [letter["kind"] for letter in view["letters"]] == ["acknowledgement", "progress",
                                                              "final"]
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    for letter in view["letters"]:
        he, en = letter["panels"]
        assert (he["language"], he["dir"], en["language"], en["dir"]) == ("he", "rtl", "en",
                                                                          "ltr")
        # Exactly what render_case_letter writes for the case in that language.
        for panel in (he, en):
            expected = render_case_letter(case.model_copy(update={"language": panel["language"]}),
                                          letter["kind"], now=case.events[-1].at.replace(
                                              hour=12, minute=30))
            assert panel["text"] == expected.text and panel["html"] == expected.html
    final_he, final_en = view["letters"][2]["panels"]
    assert "10%" in final_he["text"] and "28 בפברואר 2027" in final_he["text"]
    assert "28 February 2027" in final_en["text"]
    status = view["status"]
    assert status["resolved"] and status["next"] is None and not status["owner_changed"]


def test_status_of_an_open_case_and_a_final_letter_not_yet(client: httpx.Client) -> None:
    view = _case(client, "case:0", "2026-12-04T10:00")
    status = view["status"]
    assert status["next"] == "update" and status["overdue_minutes"] > 0 and status["late"]
    final = view["letters"][2]["panels"]
    assert all("resolved" in panel["error"] for panel in final)
    assert all("text" in panel for panel in view["letters"][0]["panels"])


def test_owner_change_is_shown(client: httpx.Client) -> None:
    status = _case(client, "case-example:not-justified", "2026-11-26T10:00")["status"]
    assert status["owner_changed"] and status["other_reps"]
    assert any(f["rule"] == "case-owner-changed" for f in status["findings"])


def test_a_bad_case_names_its_field(client: httpx.Client) -> None:
    view = _case(client, "case:1", "2026-11-30T10:00")
    assert not view["ok"]
    assert any(p["field"].startswith("events[0]") for p in view["problems"]), view


def test_a_bad_now_and_an_unknown_case(client: httpx.Client) -> None:
    view = _case(client, "case:0", "yesterday")
    assert not view["ok"] and view["problems"][0]["field"] == "now"
    assert client.get("/api/case", params={"source": "case:9"}).status_code == 404
    with pytest.raises(UnknownSource):
        Workspace().case("../etc/passwd")


def test_a_language_the_case_has_no_text_in(tmp_path: Path) -> None:
    source = (EXAMPLES / "not-justified.yaml").read_text("utf-8")
    path = tmp_path / "he-only.yaml"
    path.write_text(source.replace('  en: "A double charge on the November bill"\n', ""),
                    encoding="utf-8")
    view = Workspace(None, [], [path]).case("case:0", "2026-11-26T10:00")
    he, en = view["letters"][0]["panels"]
    assert "text" in he and "subject.en" in en["error"]


def test_the_page_and_its_script_are_served(client: httpx.Client) -> None:
    page = client.get("/cases")
    assert page.status_code == 200 and "/static/cases.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    script = client.get("/static/cases.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in script.text
    assert 'href="/cases"' in client.get("/").text


def test_a_missing_case_file_is_bad_input(tmp_path: Path) -> None:
    err = io.StringIO()
    missing = tmp_path / "nowhere.yaml"
    assert main(["preview", "--case", str(missing), "--port", "0"], out=io.StringIO(),
                err=err) == 3
    assert str(missing) in err.getvalue()
