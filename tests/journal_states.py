"""States of one incident over time, and the checks every test of the journal shares: that
each recorded statement's folder is complete and ``latest`` names a recorded statement."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from crisiscomms.journal import Journal, Statement
from crisiscomms.model import Incident
from crisiscomms.samples import example_path
from crisiscomms.statement_files import LATEST, MANIFEST, TEMP_PREFIX, read_latest

BASE = dt.datetime(2026, 11, 22, 14, 10, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@lru_cache(maxsize=1)
def _example_text() -> str:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    return json.dumps(data, default=lambda value: value.isoformat())


def example_data() -> dict[str, Any]:
    """The identified example as a fresh dict (read once)."""
    data: dict[str, Any] = json.loads(_example_text())
    return data


def state(minute: int, incident_id: str = "INC-2041", tag: str = "", **changes: Any) -> Incident:
    """The identified example ``minute`` minutes after 14:10, next update 50 minutes later, the
    estimate a day ahead; ``tag`` makes two writers' states differ in the impact text."""
    data = example_data()
    now = BASE + dt.timedelta(minutes=minute)
    data.update(id=incident_id, updated_at=now.isoformat(),
                next_update_at=(now + dt.timedelta(minutes=50)).isoformat(),
                eta=(BASE + dt.timedelta(days=1)).isoformat(), updates=[])
    if tag:
        data["impact"] = {k: f"{v} ({tag})" for k, v in data["impact"].items()}
    data.update(changes)
    return Incident.model_validate(data)


def folder_files(folder: Path) -> dict[str, str]:
    """sha256 of every file of a statement folder but the manifest, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def assert_complete(out: Path, statement: Statement) -> None:
    folder = out / statement.incident_id / str(statement.seq)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["seq"] == statement.seq and manifest["incident_id"] == statement.incident_id
    assert manifest["templates_fingerprint"] == statement.templates
    on_disk = folder_files(folder)
    assert on_disk == manifest["files"] == dict(statement.outputs), folder
    assert len(on_disk) > 20


def assert_consistent(db: Path, out: Path, incident_id: str, *, settled: bool,
                      checked: set[int] | None = None) -> list[Statement]:
    """The journal reads; its seqs are 1..n; every recorded folder is complete; ``latest``
    names the newest (or, unless ``settled``, the one before after a kill between the commit
    and the swap). ``settled``: also no temporary or unrecorded folder is left. Folders whose
    seq is in ``checked`` are not read again (and the ones read are added to it)."""
    history = Journal(db, create=False).history(incident_id)
    assert [s.seq for s in history] == list(range(1, len(history) + 1))
    for statement in history:
        if checked is None or statement.seq not in checked:
            assert_complete(out, statement)
        if checked is not None:
            checked.add(statement.seq)
    latest = read_latest(out, incident_id)
    newest = history[-1].seq if history else None
    allowed = {newest} if settled or newest is None else {newest, newest - 1 or None}
    assert latest in allowed, (latest, newest)
    if settled and (out / incident_id).is_dir():
        names = {p.name for p in (out / incident_id).iterdir()}
        assert names == {str(s.seq) for s in history} | ({LATEST} if history else set())
        assert not any(n.startswith(TEMP_PREFIX) for n in names)
    return history
