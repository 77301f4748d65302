"""The preview page's server, without a browser: a real uvicorn server on a free loopback port,
spoken to with httpx (and with raw HTTP where a client would tidy the path up)."""

from __future__ import annotations

import datetime as dt
import http.client
import io
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import threading
import time
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, RootModel

from crisiscomms import Incident, load_incident, render
from crisiscomms.cli import main
from crisiscomms.preview import command
from crisiscomms.preview.app import RunningServer, start_server
from crisiscomms.preview.forms import (
    dump_yaml,
    field_kinds,
    from_fields,
    local_value,
    to_fields,
)
from crisiscomms.preview.workspace import SaveConflict, Workspace
from crisiscomms.samples import example_names, example_path, load_example

from .preview_client import client as client

ZONE = ZoneInfo("Asia/Jerusalem")
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def incident_file(tmp_path: Path) -> Path:
    path = tmp_path / "incidents" / "inc.yaml"
    path.parent.mkdir()
    shutil.copyfile(example_path("identified"), path)
    return path


@pytest.fixture
def server(incident_file: Path) -> Iterator[RunningServer]:
    running = start_server(Workspace(None, [incident_file]))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One server for the tests that change nothing (starting one costs about 0.2 s)."""
    path = tmp_path_factory.mktemp("shared") / "inc.yaml"
    shutil.copyfile(example_path("identified"), path)
    running = start_server(Workspace(None, [path]))
    yield running
    running.stop()


@pytest.fixture
def shared_client(shared: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shared.url, timeout=10) as http:
        yield http


def _origin(server: RunningServer) -> str:
    return server.url.rstrip("/")


def _post(client: httpx.Client, server: RunningServer, url: str,
          body: dict[str, Any]) -> httpx.Response:
    return client.post(url, json=body, headers={"Origin": _origin(server)})


def _loaded(client: httpx.Client, source: str = "file:0") -> dict[str, Any]:
    response = client.get("/api/incident", params={"source": source})
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


# -- the page and its assets ---------------------------------------------------------------


def test_page_and_assets_are_served_with_a_strict_policy(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    for name, kind in [("app.js", "text/javascript"), ("app.css", "text/css"),
                       ("form.json", "application/json")]:
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200
        assert asset.headers["content-type"].startswith(kind)


def test_nothing_is_loaded_from_the_network() -> None:
    # The page works offline: no CDN, no web font, no absolute URL in any asset.
    static = Path(__file__).parent.parent / "crisiscomms" / "preview" / "static"
    for path in static.iterdir():
        text = path.read_text("utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), path.name
        assert "@import" not in text and "url(" not in text, path.name


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/..%2F..%2Fetc%2Fpasswd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%252F..%252Fetc%252Fpasswd",
    "/static/..%5c..%5cetc%5cpasswd",
    "/static/app.js/../../app.py",
    "/static/../app.py",
    "/static/app.py",
    "/static/forms.py",
    "/static/index.html/",
    "/static/%00app.js",
    "/../../etc/passwd",
    "//etc/passwd",
], ids=lambda p: p)
def test_path_traversal_is_refused(shared: RunningServer, path: str) -> None:
    # Raw HTTP: httpx would remove the dot segments before sending.
    host, port = shared.url.split("//")[1].rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    assert response.status in {400, 404}, (path, response.status)
    assert "root:" not in body and "import" not in body


# -- rendering and validation ------------------------------------------------------------


def test_render_returns_every_message_with_outputs_stats_and_findings(
        client: httpx.Client, server: RunningServer) -> None:
    fields = _loaded(client)["fields"]
    result = _post(client, server, "/api/render", {"fields": fields}).json()
    expected = render(load_example("identified"))
    assert result["ok"] is True
    assert [(m["language"], m["channel"]) for m in result["messages"]] == \
        [(m.language, m.channel) for m in expected]
    for got, want in zip(result["messages"], expected, strict=True):
        assert got["outputs"] == want.outputs()
        assert got["stats"] == dict(want.stats)
        assert got["direction"] == ("rtl" if want.language == "he" else "ltr")
    sms = next(m for m in result["messages"] if (m["language"], m["channel"]) == ("he", "sms"))
    assert "".join(sms["segments"]) == sms["outputs"]["text"]
    assert len(sms["segments"]) == sms["stats"]["segments"]
    assert sms["budgets"]["max_segments"] == 2
    findings = [f for m in result["messages"] for f in m["findings"]] + result["findings"]
    assert len(findings) == len(expected.findings)


def test_a_new_next_update_time_reaches_every_message(
        client: httpx.Client, server: RunningServer) -> None:
    fields = dict(_loaded(client)["fields"], next_update_at="2026-11-22T15:45")
    result = _post(client, server, "/api/render", {"fields": fields}).json()
    assert result["ok"]
    for message in result["messages"]:
        assert "15:45" in message["outputs"]["text"], (message["language"], message["channel"])


@pytest.mark.parametrize(("changes", "field", "says"), [
    ({"next_update_at": "2026-11-22T13:00"}, "next_update_at", "earlier than updated_at"),
    ({"next_update_at": ""}, "next_update_at", "required while status is identified"),
    ({"title.en": ""}, "title.en", "missing text for language 'en'"),
    ({"status": "resolved"}, "resolved_at", "required when status is resolved"),
    ({"id": "bad id!"}, "id", "letters, digits"),
    ({"compensation.percent": "0", "compensation.kind": "voucher"}, "compensation.percent",
     "must be at least 1"),
    ({"compensation.percent": "10"}, "compensation.kind", "missing"),
    ({"impact.he": "שלום\u202eעולם"}, "impact.he", "U+202E"),
    ({"services[0].id": ""}, "services[0].id", "missing"),
    ({"eta": "2026-11-22T12:00"}, "eta", "before started_at"),
    ({"internal.backlog.open_contacts": "many"}, "internal.backlog.open_contacts", "whole number"),
], ids=["next-update-too-early", "next-update-empty", "title-missing-en", "resolved-no-time",
        "bad-id", "percent-zero", "kind-missing", "bidi-override", "service-id-missing",
        "eta-before-start", "not-a-number"])
def test_validation_problems_name_the_form_field(
        shared_client: httpx.Client, shared: RunningServer, changes: dict[str, str], field: str,
        says: str) -> None:
    fields = dict(_loaded(shared_client)["fields"], **changes)
    result = _post(shared_client, shared, "/api/render", {"fields": fields}).json()
    assert result["ok"] is False
    by_field = {p["field"]: p["message"] for p in result["problems"]}
    assert field in by_field, result["problems"]
    assert says in by_field[field]


def test_a_broken_template_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    assert main(["init", str(folder)], out=io.StringIO()) == 0
    (folder / "en" / "sms.txt").write_text("{{ f.title }\n", encoding="utf-8")
    workspace = Workspace(folder)
    result = workspace.render(workspace.load("example:identified")["fields"])
    assert result["ok"] is False
    assert result["error"]["kind"] == "template"
    assert result["error"]["file"].endswith("en/sms.txt") and result["error"]["line"] == 1


# -- safety ------------------------------------------------------------------------------


def test_state_changing_requests_from_other_origins_are_refused(
        client: httpx.Client, server: RunningServer) -> None:
    body = {"fields": _loaded(client)["fields"]}
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    for headers in ({"Origin": "http://evil.example"},
                    {"Origin": f"http://localhost:{port + 1}"},
                    {"Origin": "null"},
                    {"Referer": "http://evil.example/page"}):
        response = client.post("/api/render", json=body, headers=headers)
        assert response.status_code == 403, headers
    form = client.post("/api/render", content=b"fields=x",
                       headers={"Origin": _origin(server),
                                "Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 415
    assert client.post("/api/render", json=body).status_code == 200  # a script, not a browser
    assert _post(client, server, "/api/render", body).status_code == 200


def test_a_foreign_host_name_is_refused(client: httpx.Client, server: RunningServer) -> None:
    # A DNS-rebinding page reaches 127.0.0.1 under its own name: it must not read incidents.
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    response = client.get("/api/incident", params={"source": "file:0"},
                          headers={"Host": f"evil.example:{port}"})
    assert response.status_code == 421
    assert client.get("/api/meta", headers={"Host": f"localhost:{port}"}).status_code == 200


def test_bad_requests_get_a_short_answer(client: httpx.Client, server: RunningServer) -> None:
    headers = {"Origin": _origin(server), **JSON}
    assert client.post("/api/render", content=b"{not json", headers=headers).status_code == 400
    assert client.post("/api/render", content=b"[]", headers=headers).status_code == 400
    assert _post(client, server, "/api/render", {"fields": {"a": [1]}}).status_code == 400
    huge = b'{"fields": {"id": "' + b"x" * 2_100_000 + b'"}}'
    assert client.post("/api/render", content=huge, headers=headers).status_code == 413
    assert client.get("/api/incident", params={"source": "../../etc/passwd"}).status_code == 404


# -- saving ------------------------------------------------------------------------------


def test_save_is_atomic_and_keeps_the_previous_version(
        client: httpx.Client, server: RunningServer, incident_file: Path) -> None:
    before = incident_file.read_bytes()
    loaded = _loaded(client)
    fields = dict(loaded["fields"], next_update_at="2026-11-22T15:45", **{"title.he": "תקלה חדשה"})
    response = _post(client, server, "/api/save",
                     {"source": "file:0", "fields": fields, "version": loaded["version"]})
    assert response.status_code == 200 and response.json()["ok"]
    saved = load_incident(incident_file)
    assert saved.next_update_at == dt.datetime(2026, 11, 22, 15, 45, tzinfo=ZONE)
    assert saved.title["he"] == "תקלה חדשה"
    text = incident_file.read_text("utf-8")
    assert "next_update_at: 2026-11-22T15:45:00+02:00" in text
    assert "תקלה חדשה" in text  # UTF-8, not \u escapes
    assert text.startswith("# The cause is known")  # the file's opening comment is kept
    assert (incident_file.parent / "inc.yaml.bak").read_bytes() == before
    assert sorted(p.name for p in incident_file.parent.iterdir()) == ["inc.yaml", "inc.yaml.bak"]
    assert response.json()["version"] == _loaded(client)["version"]


def test_save_refuses_a_file_changed_on_disk(
        client: httpx.Client, server: RunningServer, incident_file: Path) -> None:
    loaded = _loaded(client)
    on_disk = incident_file.read_text("utf-8").replace("INC-2041", "INC-2042")
    incident_file.write_text(on_disk, encoding="utf-8")
    fields = dict(loaded["fields"], next_update_at="2026-11-22T15:45")
    response = _post(client, server, "/api/save",
                     {"source": "file:0", "fields": fields, "version": loaded["version"]})
    assert response.status_code == 409
    assert "changed on disk" in response.json()["error"]
    assert response.json()["file_version"] == _loaded(client)["version"]
    assert incident_file.read_text("utf-8") == on_disk
    assert not (incident_file.parent / "inc.yaml.bak").exists()


def test_save_refuses_an_invalid_incident_and_a_built_in_example(
        client: httpx.Client, server: RunningServer, incident_file: Path) -> None:
    before = incident_file.read_bytes()
    loaded = _loaded(client)
    bad = dict(loaded["fields"], next_update_at="")
    response = _post(client, server, "/api/save",
                     {"source": "file:0", "fields": bad, "version": loaded["version"]})
    assert response.status_code == 200 and response.json()["ok"] is False
    assert response.json()["problems"][0]["field"] == "next_update_at"
    assert incident_file.read_bytes() == before
    example = _loaded(client, "example:identified")
    response = _post(client, server, "/api/save", {"source": "example:identified",
                                                   "fields": example["fields"],
                                                   "version": example["version"]})
    assert response.status_code == 403


def test_a_json_incident_is_saved_as_json(tmp_path: Path) -> None:
    path = tmp_path / "inc.json"
    path.write_text(load_example("identified").model_dump_json(), encoding="utf-8")
    workspace = Workspace(None, [path])
    loaded = workspace.load("file:0")
    fields = dict(loaded["fields"], eta="")
    assert workspace.save("file:0", fields, loaded["version"])["ok"]
    assert path.read_text("utf-8").startswith("{")
    assert load_incident(path) == load_example("identified").model_copy(update={"eta": None})


def test_save_conflict_is_raised_by_the_workspace_too(incident_file: Path) -> None:
    workspace = Workspace(None, [incident_file])
    loaded = workspace.load("file:0")
    with pytest.raises(SaveConflict):
        workspace.save("file:0", loaded["fields"], "0" * 64)


def test_download_gives_yaml_that_loads_back(
        client: httpx.Client, server: RunningServer, tmp_path: Path) -> None:
    fields = dict(_loaded(client)["fields"], eta="")
    result = _post(client, server, "/api/yaml", {"fields": fields, "source": "file:0"}).json()
    assert result["ok"] and result["filename"] == "INC-2041.yaml"
    path = tmp_path / result["filename"]
    path.write_text(result["yaml"], encoding="utf-8")
    assert load_incident(path).eta is None


def test_an_invalid_file_still_opens_with_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    text = example_path("identified").read_text("utf-8").replace("status: identified",
                                                                 "status: fixed", 1)
    path.write_text(text, encoding="utf-8")
    loaded = Workspace(None, [path]).load("file:0")
    assert loaded["fields"]["title.en"] == "Problem signing in to the app"
    assert [(p["field"], p["line"]) for p in loaded["problems"]] == [("status", 3)]


# -- the form and YAML -------------------------------------------------------------------


@pytest.mark.parametrize("name", example_names())
def test_yaml_round_trips_through_load_incident(name: str, tmp_path: Path) -> None:
    incident = load_example(name)
    path = tmp_path / f"{name}.yaml"
    path.write_text(dump_yaml(incident), encoding="utf-8")
    assert load_incident(path) == incident
    assert "\\u05" not in path.read_text("utf-8")


@pytest.mark.parametrize("name", example_names())
def test_form_round_trips_to_the_same_incident(name: str) -> None:
    incident = load_example(name)
    fields, _ = to_fields(incident.model_dump(), ZONE, ["he", "en"])
    data, problems = from_fields(fields, ZONE)
    assert problems == []
    assert Incident.model_validate(data) == incident


def test_form_times_are_read_in_the_organisation_zone() -> None:
    data, _ = from_fields({"eta": "2026-07-01T12:00", "started_at": "2026-01-01T12:00"}, ZONE)
    assert data["eta"].utcoffset() == dt.timedelta(hours=3)  # summer time
    assert data["started_at"].utcoffset() == dt.timedelta(hours=2)
    fields, _ = to_fields({"eta": dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)}, ZONE, ["en"])
    assert fields["eta"] == "2026-07-01T12:00"


def _model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for name, info in model.model_fields.items():
        path, annotation = f"{prefix}{name}", info.annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (tuple, list):  # rows
            found |= _model_paths(args[0], f"{path}[].")
            continue
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]  # X | None
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) \
                and not issubclass(annotation, RootModel):
            found |= _model_paths(annotation, f"{path}.")
        else:
            found.add(path)
    return found


def test_the_form_has_a_control_for_every_incident_field() -> None:
    # When the model grows a field, the form must grow with it.
    assert _model_paths(Incident) == set(field_kinds())


def test_live_reload_fingerprint_follows_template_config_and_rule_files(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    assert main(["init", str(folder)], out=io.StringIO()) == 0
    workspace = Workspace(folder)
    first = workspace.stamp()
    (folder / "en" / "sms.txt").write_text(
        (folder / "en" / "sms.txt").read_text("utf-8") + " LIVE-EDIT", encoding="utf-8")
    second = workspace.stamp()
    assert second != first
    (folder / "en" / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    assert workspace.stamp() != second
    result = workspace.render(workspace.load("example:identified")["fields"])
    sms = next(m for m in result["messages"] if (m["language"], m["channel"]) == ("en", "sms"))
    assert "LIVE-EDIT" in sms["outputs"]["text"]


# -- the command -------------------------------------------------------------------------


def test_without_the_extra_the_command_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # As if the extra were not installed: every starlette module unimportable.
    for name in [n for n in sys.modules if n.split(".")[0] == "starlette"] + ["starlette"]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "crisiscomms.preview.app", raising=False)
    assert main(["preview", "--port", "0"]) == 3
    err = capsys.readouterr().err
    assert err.strip() == command.INSTALL_HINT
    assert "Traceback" not in err


def test_a_missing_incident_file_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", "--incident", "no-such-file.yaml", "--port", "0"]) == 3
    assert "no-such-file.yaml" in capsys.readouterr().err


def test_a_taken_port_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["preview", "--port", str(port)]) == 3
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_the_command_serves_the_page(incident_file: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "crisiscomms", "preview", "--port", "0",
         "--incident", str(incident_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.get(match.group() + "api/meta", timeout=5)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert response.status_code == 200
        assert response.json()["default_source"] == "file:0"
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- bounded requests ----------------------------------------------------------------------


def _peak_rss_kib(pid: int) -> int:
    """The process's peak resident memory so far (Linux ``VmHWM``), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text("ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc")


@pytest.fixture(scope="module")
def server_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """The ``preview`` command in its own process, so its memory is measured alone:
    (pid, port)."""
    path = tmp_path_factory.mktemp("process") / "inc.yaml"
    shutil.copyfile(example_path("identified"), path)
    process = subprocess.Popen(
        [sys.executable, "-m", "crisiscomms", "preview", "--port", "0", "--incident", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        assert match
        port = int(match.group(1))
        deadline = time.monotonic() + 10
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5).status_code == 200
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        yield process.pid, port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _stream_post(port: int, total: int, *, declare: bool) -> tuple[int, str, int]:
    """POST ``total`` bytes of one JSON text over a raw socket, a megabyte at a time, with a
    ``Content-Length`` (``declare``) or chunked; stop sending as soon as the server answers.
    Returns the status, the answer's body and how many bytes were sent."""
    head = (f"POST /api/render HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Content-Type: application/json\r\n"
            + (f"Content-Length: {total}\r\n" if declare else "Transfer-Encoding: chunked\r\n")
            + "\r\n").encode()
    piece = b"x" * 1_000_000
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        try:
            while sent < total:
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered
                data = piece if sent else b'{"fields": {"id": "' + piece[19:]
                data = data[:total - sent]
                sock.sendall(data if declare else b"%x\r\n%b\r\n" % (len(data), data))
                sent += len(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed while we were still sending: the answer is waiting
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2].decode("utf-8", "replace"), sent


@pytest.mark.parametrize("declare", [True, False], ids=["content-length", "chunked"])
def test_an_oversize_body_is_refused_before_it_is_buffered(
        server_process: tuple[int, int], declare: bool) -> None:
    pid, port = server_process
    before = _peak_rss_kib(pid)
    status, body, sent = _stream_post(port, 300_000_000, declare=declare)
    grown = _peak_rss_kib(pid) - before
    assert status == 413
    assert "larger than 2 MB" in body
    # Buffering the body would take 300 MB at least; the cap is 2 MB.
    assert grown < 30_000, (grown, sent)
    assert sent < 300_000_000
    # The server is still there for the next request.
    assert httpx.get(f"http://127.0.0.1:{port}/api/version", timeout=5).status_code == 200


@pytest.mark.parametrize("body", [
    b'{"fields": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"fields": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001,
    b"[" * 1_000_000,
], ids=["arrays", "objects", "unclosed"])
def test_deeply_nested_json_is_a_plain_400(
        shared_client: httpx.Client, shared: RunningServer, body: bytes) -> None:
    response = shared_client.post("/api/render", content=body,
                                  headers={"Origin": _origin(shared), **JSON})
    assert response.status_code == 400
    assert response.json()["error"] in {
        "the body is JSON nested too deeply; the form is one level of fields",
        "the body is not valid JSON"}
    assert "Traceback" not in response.text


def test_deep_json_is_named_as_such(shared_client: httpx.Client, shared: RunningServer) -> None:
    body = b'{"fields": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = shared_client.post("/api/render", content=body,
                                  headers={"Origin": _origin(shared), **JSON})
    assert "nested too deeply" in response.json()["error"]


def test_a_poll_answers_while_a_render_runs(incident_file: Path) -> None:
    # The render is held until the poll has answered; were it run on the event loop, the
    # poll could not answer and would time out.
    workspace = Workspace(None, [incident_file])
    started, release = threading.Event(), threading.Event()
    real_render = workspace.render

    def held_render(fields: typing.Mapping[str, Any]) -> dict[str, Any]:
        started.set()
        release.wait(timeout=30)
        return real_render(fields)

    workspace.render = held_render  # type: ignore[method-assign]
    server = start_server(workspace)
    rendered: dict[str, httpx.Response] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            fields = _loaded(http)["fields"]

            def post() -> None:
                with httpx.Client(base_url=server.url, timeout=40) as other:
                    rendered["answer"] = _post(other, server, "/api/render", {"fields": fields})

            poster = threading.Thread(target=post, daemon=True)
            poster.start()
            assert started.wait(timeout=10)
            poll = http.get("/api/version", params={"source": "file:0"}, timeout=5)
            assert poll.status_code == 200
            assert poster.is_alive() and "answer" not in rendered  # the render still runs
            release.set()
            poster.join(timeout=30)
        assert rendered["answer"].status_code == 200 and rendered["answer"].json()["ok"]
    finally:
        release.set()
        server.stop()


# -- local times the organisation's zone skips or repeats ----------------------------------


@pytest.mark.parametrize(("typed", "says"), [
    ("2026-03-27T02:30", "does not exist in Asia/Jerusalem"),
    ("2026-03-27T02:00", "does not exist in Asia/Jerusalem"),
    ("2026-10-25T01:30", "happens twice in Asia/Jerusalem"),
    ("2026-10-25T01:00", "happens twice in Asia/Jerusalem"),
], ids=["gap", "gap-start", "overlap", "overlap-start"])
def test_a_time_the_zone_skips_or_repeats_is_refused_beside_its_field(
        shared_client: httpx.Client, shared: RunningServer, typed: str, says: str) -> None:
    fields = dict(_loaded(shared_client)["fields"], next_update_at=typed)
    for url in ("/api/render", "/api/yaml"):
        result = _post(shared_client, shared, url, {"fields": fields}).json()
        assert result["ok"] is False
        by_field = {p["field"]: p["message"] for p in result["problems"]}
        assert says in by_field["next_update_at"], result["problems"]
    saved = _post(shared_client, shared, "/api/save",
                  {"fields": fields, "source": "file:0",
                   "version": _loaded(shared_client)["version"]}).json()
    assert saved["ok"] is False and saved["problems"][0]["field"] == "next_update_at"


_TRANSITIONS = [dt.datetime(2026, 3, 27, 0, 0), dt.datetime(2026, 10, 24, 23, 0),  # Jerusalem
                dt.datetime(2026, 3, 29, 0, 0), dt.datetime(2026, 10, 25, 0, 0),  # London
                dt.datetime(2026, 3, 8, 1, 0), dt.datetime(2026, 11, 1, 0, 0)]  # New York


@given(zone=st.sampled_from(["Asia/Jerusalem", "Europe/London", "America/New_York"]),
       start=st.sampled_from(_TRANSITIONS), minutes=st.integers(0, 4 * 60))
def test_a_time_the_form_accepts_is_shown_saved_and_loaded_as_typed(
        zone: str, start: dt.datetime, minutes: int) -> None:
    tz = ZoneInfo(zone)
    typed = (start + dt.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M")
    data, problems = from_fields({"eta": typed}, tz)
    if problems:
        assert problems[0].path == "eta"
        assert "does not exist" in problems[0].message or "happens twice" in problems[0].message
        return
    # What the form shows again, what the file says and what the command line reads back:
    # the same wall-clock time in the same zone.
    assert local_value(data["eta"], "datetime", tz) == typed
    eta = data["eta"]
    hour_before = eta - dt.timedelta(hours=1)
    incident = dict(load_example("identified").model_dump(), updates=(), internal=None,
                    started_at=hour_before, updated_at=hour_before, eta=eta,
                    next_update_at=eta)
    saved = dump_yaml(Incident.model_validate(incident))
    loaded = yaml.safe_load(saved)["eta"]
    assert local_value(loaded, "datetime", tz) == typed
