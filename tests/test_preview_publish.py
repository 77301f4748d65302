"""The preview page and the journal, without a browser: the statement history of the open
incident, the Publish button's endpoint (the same path as `crisiscomms publish`), its refusals,
and what will change against the last statement, shown before publishing."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from crisiscomms import load_incident, render
from crisiscomms.cli import main
from crisiscomms.journal import Journal
from crisiscomms.preview.app import RunningServer, start_server
from crisiscomms.preview.workspace import Workspace
from crisiscomms.samples import example_path

from .journal_states import assert_consistent

JSON = {"Content-Type": "application/json"}
ROOT = Path(__file__).resolve().parent.parent
ID = "INC-2041"


@pytest.fixture
def incident_file(tmp_path: Path) -> Path:
    path = tmp_path / "inc.yaml"
    shutil.copyfile(example_path("identified"), path)
    return path


@pytest.fixture
def server(tmp_path: Path, incident_file: Path) -> Iterator[RunningServer]:
    running = start_server(Workspace(None, [incident_file], journal=tmp_path / "j.db",
                                     out=tmp_path / "out"))
    yield running
    running.stop()


@pytest.fixture
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30,
                      headers={"Origin": server.url.rstrip("/")}) as http:
        yield http


def _fields(client: httpx.Client) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/api/incident", params={"source": "file:0"}).json()
    fields: dict[str, Any] = data["fields"]
    return fields


def _later(fields: dict[str, Any]) -> dict[str, Any]:
    """70 minutes on, 20 minutes after the promised 15:00, with the ETA moved 17:00 -> 19:00."""
    assert (fields["updated_at"], fields["eta"]) == ("2026-11-22T14:10", "2026-11-22T17:00")
    return dict(fields, updated_at="2026-11-22T15:20", next_update_at="2026-11-22T16:30",
                eta="2026-11-22T19:00")


def _history(client: httpx.Client) -> dict[str, Any]:
    response = client.get("/api/history", params={"id": ID})
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def test_publish_records_a_statement_and_the_history_shows_it(
        client: httpx.Client, tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    assert _history(client) == {"journal": str(db), "incident_id": ID, "statements": [],
                                "total": 0}
    assert not db.exists()  # reading never makes a journal; publishing does
    fields = _fields(client)
    first = client.post("/api/publish", json={"fields": fields})
    assert first.status_code == 200
    assert first.json() | {"folder": None} == {
        "ok": True, "recorded": True, "incident_id": ID, "seq": 1, "folder": None,
        "updated_at": "2026-11-22T14:10:00+02:00", "journal": str(db)}
    assert first.json()["folder"] == str(out / ID / "1")
    # The same state again: nothing recorded, the latest returned.
    again = client.post("/api/publish", json={"fields": fields}).json()
    assert (again["ok"], again["recorded"], again["seq"]) == (True, False, 1)
    second = client.post("/api/publish", json={"fields": _later(fields)}).json()
    assert (second["recorded"], second["seq"]) == (True, 2)
    history = _history(client)
    assert [(s["seq"], s["time"], s["status"]) for s in history["statements"]] == [
        (2, "2026-11-22 15:20", "identified"), (1, "2026-11-22 14:10", "identified")]
    assert history["total"] == 2
    changed = history["statements"][0]["changes"]
    assert [c["kind"] for c in changed] == ["eta_later", "update_late"]
    assert "19:00" in changed[0]["sentences"]["en"] and "17:00" in changed[0]["sentences"]["en"]
    assert "19:00" in changed[0]["sentences"]["he"] and "17:00" in changed[0]["sentences"]["he"]
    assert history["statements"][1]["changes"] == []
    # What the page recorded is what the journal holds, files and `latest` included.
    assert [s.seq for s in Journal(db).history(ID)] == [1, 2]
    assert_consistent(db, out, ID, settled=True)
    assert client.get("/api/version", params={"id": ID}).json()["journal"] == 2


def test_the_page_publishes_on_the_same_path_as_the_command(
        client: httpx.Client, tmp_path: Path, incident_file: Path) -> None:
    published = client.post("/api/publish", json={"fields": _fields(client)}).json()
    assert published["seq"] == 1
    # The command, on the file the page opened: the very same state (incident, templates).
    said = io.StringIO()
    code = main(["publish", str(incident_file), "--journal", str(tmp_path / "j.db"),
                 "--out", str(tmp_path / "out")], out=said)
    assert code == 0 and "unchanged; statement 1 is the latest" in said.getvalue()
    # And the other way round: a state the command published shows in the page's history.
    data = yaml.safe_load(incident_file.read_text("utf-8"))
    data.update(updated_at="2026-11-22T14:40:00+02:00", next_update_at="2026-11-22T15:40:00+02:00")
    later = tmp_path / "later.yaml"
    later.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["publish", str(later), "--journal", str(tmp_path / "j.db")], out=said) == 0
    assert [s["seq"] for s in _history(client)["statements"]] == [2, 1]


def test_what_will_change_is_shown_before_publishing(client: httpx.Client) -> None:
    fields = _fields(client)
    pending = client.post("/api/render", json={"fields": fields}).json()["pending"]
    assert (pending["state"], pending["seq"], pending["changes"]) == ("first", 1, [])
    client.post("/api/publish", json={"fields": fields})
    pending = client.post("/api/render", json={"fields": fields}).json()["pending"]
    assert (pending["state"], pending["seq"], pending["latest"]["seq"]) == ("unchanged", 1, 1)
    later = _later(fields)
    result = client.post("/api/render", json={"fields": later}).json()
    pending = result["pending"]
    assert (pending["state"], pending["seq"]) == ("new", 2)
    assert pending["latest"] == {"seq": 1, "updated_at": "2026-11-22T14:10:00+02:00",
                                 "time": "2026-11-22 14:10"}
    assert [c["kind"] for c in pending["changes"]] == ["eta_later", "update_late"]
    eta = pending["changes"][0]["sentences"]
    assert set(eta) == {"he", "en"}
    assert "19:00" in eta["he"] and "17:00" in eta["he"] and "כפי שמסרנו" in eta["he"]
    # The messages shown are the ones publishing will send: rendered against the latest.
    journal_latest = load_incident(example_path("identified"))
    current = Journal(Path(pending["journal"])).history(ID)[-1].incident
    assert current == journal_latest
    page = {(m["language"], m["channel"]): m["outputs"] for m in result["messages"]}
    published = client.post("/api/publish", json={"fields": later}).json()
    statement = Journal(Path(pending["journal"])).history(ID)[-1]
    expected = render(statement.incident, previous=journal_latest)
    assert page == {(m.language, m.channel): m.outputs() for m in expected}
    assert published["seq"] == 2
    assert any(eta["en"] in m.text for m in expected if m.language == "en")


def test_error_findings_are_refused_beside_the_form_and_nothing_is_recorded(
        client: httpx.Client, tmp_path: Path) -> None:
    fields = _fields(client)
    client.post("/api/publish", json={"fields": fields})
    passed = dict(_later(fields), eta="2026-11-22T15:00")  # before the update's 15:20
    response = client.post("/api/publish", json={"fields": passed})
    assert response.status_code == 422
    refused = response.json()
    assert (refused["ok"], refused["refused"]) == (False, "findings")
    assert "not published" in refused["error"]
    assert {f["rule"] for f in refused["findings"]} == {"eta-passed"}
    assert all(f["severity"] == "error" for f in refused["findings"])
    assert [s.seq for s in Journal(tmp_path / "j.db").history(ID)] == [1]
    assert sorted(p.name for p in (tmp_path / "out" / ID).iterdir()) == ["1", "latest"]


def test_a_stale_statement_is_refused_and_said_before_publishing(
        client: httpx.Client, tmp_path: Path) -> None:
    fields = _fields(client)
    client.post("/api/publish", json={"fields": _later(fields)})
    older = dict(fields, next_update_at="2026-11-22T15:10")  # 14:10: before statement 1
    pending = client.post("/api/render", json={"fields": older}).json()["pending"]
    assert (pending["state"], pending["seq"], pending["latest"]["seq"]) == ("stale", None, 1)
    response = client.post("/api/publish", json={"fields": older})
    assert response.status_code == 409
    assert response.json() | {"error": ""} == {"ok": False, "refused": "stale", "error": "",
                                               "latest_seq": 1}
    assert "not later than statement 1" in response.json()["error"]
    assert [s.seq for s in Journal(tmp_path / "j.db").history(ID)] == [1]


def test_form_problems_are_answered_like_save(client: httpx.Client, tmp_path: Path) -> None:
    fields = dict(_fields(client), updated_at="not a time")
    response = client.post("/api/publish", json={"fields": fields})
    assert response.status_code == 200
    data = response.json()
    assert not data["ok"] and any(p["field"] == "updated_at" for p in data["problems"])
    assert not (tmp_path / "j.db").exists()


def test_publish_requests_are_bounded_and_same_origin(
        client: httpx.Client, server: RunningServer, tmp_path: Path) -> None:
    huge = b'{"fields": {"id": "' + b"x" * 2_100_000 + b'"}}'
    assert client.post("/api/publish", content=huge, headers=JSON).status_code == 413
    assert client.post("/api/publish", content=b"[]", headers=JSON).status_code == 400
    foreign = client.post("/api/publish", json={"fields": {}},
                          headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert client.post("/api/publish", content=b"fields=1",
                       headers={"Content-Type": "application/x-www-form-urlencoded"}
                       ).status_code == 415
    assert not (tmp_path / "j.db").exists()


def test_a_journal_that_is_not_ours_is_said_and_left_alone(
        tmp_path: Path, incident_file: Path) -> None:
    db = tmp_path / "j.db"
    db.write_bytes(b"not a database at all, just text" * 10)
    workspace = Workspace(None, [incident_file], journal=db)
    fields = workspace.load("file:0")["fields"]
    result = workspace.render(fields)
    assert result["ok"] and result["pending"]["state"] == "error"
    assert "not a crisiscomms journal" in result["pending"]["message"]
    running = start_server(workspace)
    try:
        with httpx.Client(base_url=running.url, timeout=30,
                          headers={"Origin": running.url.rstrip("/")}) as http:
            response = http.post("/api/publish", json={"fields": fields})
            assert response.status_code == 422
            assert "not a crisiscomms journal" in response.json()["error"]
            assert http.get("/api/history", params={"id": ID}).status_code == 422
    finally:
        running.stop()
    assert db.read_bytes() == b"not a database at all, just text" * 10


def test_a_page_without_a_journal_neither_publishes_nor_reads_one(incident_file: Path) -> None:
    workspace = Workspace(None, [incident_file])
    fields = workspace.load("file:0")["fields"]
    assert workspace.render(fields)["pending"] is None
    assert workspace.history(ID)["journal"] is None
    with pytest.raises(PermissionError):
        workspace.publish(fields)


def test_the_command_publishes_into_its_journal_and_out_folder(
        tmp_path: Path, incident_file: Path) -> None:
    db, out = tmp_path / "given.db", tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "crisiscomms", "preview", "--port", "0", "--incident",
         str(incident_file), "--journal", str(db), "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
        # Run from another folder (no ./crisiscomms.db may appear there), importing this
        # checkout's crisiscomms.
        env={**os.environ, "PYTHONUNBUFFERED": "1", "CRISISCOMMS_JOURNAL": "",
             "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        url = match.group()
        deadline = time.monotonic() + 10
        while True:
            try:
                meta = httpx.get(url + "api/meta", timeout=5).json()
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert (meta["journal"], meta["out"]) == (str(db), str(out))
        fields = httpx.get(url + "api/incident", params={"source": "file:0"}).json()["fields"]
        answer = httpx.post(url + "api/publish", json={"fields": fields}, timeout=30,
                            headers={"Origin": url.rstrip("/")}).json()
        assert answer["seq"] == 1 and answer["folder"] == str(out / ID / "1")
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert [s.seq for s in Journal(db).history(ID)] == [1]
    manifest = json.loads((out / ID / "1" / "manifest.json").read_text("utf-8"))
    assert manifest["seq"] == 1
    assert not (tmp_path / "crisiscomms.db").exists()
