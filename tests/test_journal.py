"""The journal and ``publish``/``history``/``due``: a sequence of states gives statements that
record exactly what changed; stale and identical states change nothing; error findings are
refused; a journal that is not ours, is newer or is damaged is a clear error (exit 3) that
changes nothing; a full disk leaves nothing recorded and nothing half-written."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import statement_files
from crisiscomms.cli import main
from crisiscomms.journal import (
    APPLICATION_ID,
    Journal,
    JournalError,
    PublishRefused,
    StaleStatement,
    canonical_json,
)
from crisiscomms.model import Incident
from crisiscomms.statement_files import OutputError, read_latest

from .journal_states import BASE, assert_complete, assert_consistent, state

H = dt.timedelta(hours=1)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, incident: Incident) -> Path:
    path.write_text(canonical_json(incident), encoding="utf-8")
    return path


def three_states() -> list[Incident]:
    """ETA 17:00; an update 20 minutes late moving it to 19:00; resolved."""
    first = state(0, eta=(BASE + 2 * H + 50 * 60 * dt.timedelta(seconds=1)).isoformat())
    second = state(70, eta=(BASE + 4 * H + 50 * dt.timedelta(minutes=1)).isoformat())
    done = BASE + 4 * H
    third = state(240, status="resolved", resolved_at=done.isoformat(), next_update_at=None,
                  eta=None)
    return [first, second, third]


def test_three_states_give_three_statements_saying_what_changed(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.db")
    out = tmp_path / "out"
    for incident in three_states():
        journal.publish(incident, out=out)
    history = assert_consistent(tmp_path / "j.db", out, "INC-2041", settled=True)
    assert [[c.as_dict() for c in s.changes] for s in history] == [
        [],
        [{"kind": "eta_later", "minutes": 120, "old_eta": "2026-11-22T17:00:00+02:00",
          "new_eta": "2026-11-22T19:00:00+02:00"}, {"kind": "update_late", "minutes": 20}],
        [{"kind": "status_forward", "old_status": "identified", "new_status": "resolved"},
         {"kind": "update_late", "minutes": 120}],
    ]
    assert read_latest(out, "INC-2041") == 3
    assert journal.incidents() == ["INC-2041"]
    latest = journal.latest("INC-2041")
    assert latest is not None and latest.incident == three_states()[2]
    manifest = json.loads((out / "INC-2041" / "2" / "manifest.json").read_text("utf-8"))
    assert manifest["updated_at"] == "2026-11-22T15:20:00+02:00"
    assert [c["kind"] for c in manifest["changes"]] == ["eta_later", "update_late"]


def test_email_eml_is_the_ready_message_and_stable(tmp_path: Path) -> None:
    import email
    from email import policy

    journal = Journal(tmp_path / "j.db")
    outcome = journal.publish_outcome(state(0), out=tmp_path / "a")
    assert outcome.folder is not None
    raw = (outcome.folder / "he" / "email.eml").read_bytes()
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert parsed.get_content_type() == "multipart/alternative"
    assert (outcome.folder / "en" / "status_page.eml").is_file()
    assert not (outcome.folder / "en" / "sms.eml").exists()
    # The same statement published into another journal gives the same bytes.
    again = Journal(tmp_path / "k.db").publish_outcome(state(0), out=tmp_path / "b")
    assert again.folder is not None
    assert (again.folder / "he" / "email.eml").read_bytes() == raw


def test_republishing_older_or_same_state_changes_nothing(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    first, second, _ = three_states()
    assert run("publish", str(write(tmp_path / "1.json", first)), "--journal", str(db),
               "--out", str(out))[0] == 0
    code, said, _ = run("publish", str(write(tmp_path / "2.json", second)), "--journal",
                        str(db), "--out", str(out))
    assert code == 0 and said == f"INC-2041: published statement 2: {out}/INC-2041/2\n"
    before = db.read_bytes(), sorted(p.as_posix() for p in out.rglob("*"))
    code, _, err = run("publish", str(tmp_path / "1.json"), "--journal", str(db),
                       "--out", str(out))
    assert code == 4 and "not later than statement 2" in err
    code, said, _ = run("publish", str(tmp_path / "2.json"), "--journal", str(db),
                        "--out", str(out))
    assert code == 0 and "unchanged; statement 2 is the latest" in said
    assert (db.read_bytes(), sorted(p.as_posix() for p in out.rglob("*"))) == before
    with pytest.raises(StaleStatement):
        Journal(db).publish(first.model_copy(update={"impact": second.impact}))


def test_same_incident_with_other_templates_is_a_new_state(tmp_path: Path) -> None:
    import shutil

    from crisiscomms.config import default_templates_dir

    templates = tmp_path / "t"
    shutil.copytree(default_templates_dir(), templates)
    journal = Journal(tmp_path / "j.db")
    journal.publish(state(0))
    with (templates / "en" / "sms.txt").open("a", encoding="utf-8") as handle:
        handle.write(" ")
    # Same updated_at, other templates: not identical, and not later: stale.
    with pytest.raises(StaleStatement):
        journal.publish(state(0), templates=templates)
    assert journal.publish(state(1), templates=templates).seq == 2


def test_error_findings_are_refused_and_nothing_recorded(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    journal = Journal(db)
    journal.publish(state(0), out=out)
    passed = state(30, eta=(BASE + dt.timedelta(minutes=10)).isoformat())  # before 14:40
    with pytest.raises(PublishRefused) as refused:
        journal.publish(passed, out=out)
    assert "eta-passed" in {f.rule for f in refused.value.findings}
    code, said, _ = run("publish", str(write(tmp_path / "p.json", passed)), "--journal",
                        str(db), "--out", str(out))
    assert code == 1 and "eta-passed" in said and "not published" in said
    assert [s.seq for s in journal.history("INC-2041")] == [1]
    assert_consistent(db, out, "INC-2041", settled=True)


def test_a_late_update_is_a_warning_and_publishable(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.db")
    journal.publish(state(0))
    late = journal.publish(state(200))
    assert [c.kind.value for c in late.changes] == ["update_late"]
    assert late.changes.as_list()[0]["minutes"] == 150


def test_history_and_due_json_shapes(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    journal = Journal(db)
    for incident in three_states()[:2]:
        journal.publish(incident)
    journal.publish(state(0, incident_id="INC-7"))
    code, said, _ = run("history", "INC-2041", "--journal", str(db), "--format", "json")
    rows = json.loads(said)
    assert code == 0 and [(r["seq"], r["updated_at"]) for r in rows] == [
        (1, "2026-11-22T14:10:00+02:00"), (2, "2026-11-22T15:20:00+02:00")]
    assert {"kind": "update_late", "minutes": 20} in rows[1]["changes"]
    assert run("history", "INC-404", "--journal", str(db))[0] == 3
    # INC-2041 promised 16:10, INC-7 15:00.
    code, said, _ = run("due", "--journal", str(db), "--now", "2026-11-22T15:30:00+02:00",
                        "--format", "json")
    assert code == 1 and json.loads(said) == [
        {"incident_id": "INC-2041", "next_update_at": "2026-11-22T16:10:00+02:00",
         "late_minutes": 0},
        {"incident_id": "INC-7", "next_update_at": "2026-11-22T15:00:00+02:00",
         "late_minutes": 30}]
    code, said, _ = run("due", "--journal", str(db), "--now", "2026-11-22T14:59:00+02:00")
    assert code == 0 and "on time" in said
    journal.publish(three_states()[2])
    journal.publish(state(60, incident_id="INC-7", status="resolved",
                          resolved_at=(BASE + H).isoformat(), next_update_at=None))
    code, said, _ = run("due", "--journal", str(db), "--format", "json")
    assert (code, json.loads(said)) == (0, [])


def test_journal_path_from_the_environment(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISCOMMS_JOURNAL", str(tmp_path / "env.db"))
    monkeypatch.chdir(tmp_path)
    assert run("publish", str(write(tmp_path / "1.json", state(0))))[0] == 0
    assert (tmp_path / "env.db").is_file() and not (tmp_path / "crisiscomms.db").exists()
    monkeypatch.delenv("CRISISCOMMS_JOURNAL")
    assert run("publish", str(tmp_path / "1.json"))[0] == 0
    assert (tmp_path / "crisiscomms.db").is_file()


# --- journals that are not ours ---------------------------------------------------------------

def _foreign_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")


def _newer(path: Path) -> None:
    Journal(path).publish(state(0))
    # Closed, so the change is checkpointed from the WAL into the file itself.
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("PRAGMA user_version = 99")


def _damaged_page(path: Path) -> None:
    journal = Journal(path)
    for minute in range(0, 40, 10):
        journal.publish(state(minute))
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page: 2 * page + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def _bad_header(path: Path) -> None:
    Journal(path).publish(state(0))
    data = bytearray(path.read_bytes())
    data[:16] = b"not sqlite here\0"
    path.write_bytes(bytes(data))


BAD: dict[str, tuple[Any, str]] = {
    "a text file": (lambda p: p.write_text("name,phone\n", encoding="utf-8"),
                    "not a crisiscomms journal"),
    "another program's SQLite": (_foreign_sqlite, "another program"),
    "a newer schema": (_newer, "newer crisiscomms"),
    "a damaged page": (_damaged_page, "damaged"),
    "a damaged header": (_bad_header, "not a crisiscomms journal"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_journal_not_ours_is_exit_3_and_left_alone(case: str, tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    make, words = BAD[case]
    make(db)
    before = db.read_bytes()
    incident = write(tmp_path / "i.json", state(100))
    for argv in (["publish", str(incident), "--out", str(out)], ["history", "INC-2041"],
                 ["due"], ["feed", "--format", "atom"]):
        code, said, err = run(*argv, "--journal", str(db))
        assert code == 3, (argv, said, err)
        assert err.startswith(f"crisiscomms: {db}: ") and words in err, err
        assert "Traceback" not in err
    assert db.read_bytes() == before
    assert not out.exists()
    with pytest.raises(JournalError):
        Journal(db).publish(state(100))


def test_application_id_marks_the_file_as_ours(tmp_path: Path) -> None:
    Journal(tmp_path / "j.db")
    with closing(sqlite3.connect(tmp_path / "j.db")) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reading_commands_do_not_create_a_journal(tmp_path: Path) -> None:
    code, _, err = run("history", "INC-2041", "--journal", str(tmp_path / "none.db"))
    assert code == 3 and "no journal here" in err and not (tmp_path / "none.db").exists()


# --- a full disk --------------------------------------------------------------------------------

@pytest.mark.parametrize("nth", [1, 7, 40])
def test_a_full_disk_records_nothing_and_leaves_nothing_half_written(
        nth: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    journal = Journal(db)
    journal.publish(state(0), out=out)
    real = statement_files._write
    calls = [0]

    def full(path: Path, data: bytes) -> None:
        calls[0] += 1
        if calls[0] == nth:
            with open(path, "wb") as handle:
                handle.write(data[: len(data) // 2])  # what fitted before the disk filled
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(statement_files, "_write", full)
    with pytest.raises(OutputError, match="disk is full"):
        journal.publish(state(10), out=out)
    assert calls[0] == nth
    assert_consistent(db, out, "INC-2041", settled=True)
    assert [s.seq for s in journal.history("INC-2041")] == [1]
    calls[0] = 0
    code, _, err = run("publish", str(write(tmp_path / "i.json", state(10))), "--journal",
                       str(db), "--out", str(out))
    assert code == 3 and "disk is full" in err and "nothing was recorded" in err
    assert_consistent(db, out, "INC-2041", settled=True)
    monkeypatch.setattr(statement_files, "_write", real)
    assert journal.publish(state(10), out=out).seq == 2
    assert_complete(out, journal.history("INC-2041")[1])


@pytest.mark.parametrize("name", ["..", ".", ".tmp-1"])
def test_an_id_that_would_leave_the_output_folder_is_refused(name: str, tmp_path: Path) -> None:
    out = tmp_path / "inside" / "out"
    code, _, err = run("publish", str(write(tmp_path / "i.json", state(0, incident_id=name))),
                       "--journal", str(tmp_path / "j.db"), "--out", str(out))
    assert code == 3 and "id: " in err and "must not start with '.'" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i.json", "j.db"]


def test_a_journal_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("publish", str(write(tmp_path / "i.json", state(0))), "--journal",
                       str(tmp_path / "none" / "j.db"))
    assert code == 3 and "does its folder exist" in err


def test_history_newest_reads_only_the_last_statements(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.db")
    for minute in (0, 60, 120, 180):
        journal.publish(state(minute))
    assert [s.seq for s in journal.history("INC-2041", newest=2)] == [3, 4]
    assert [s.seq for s in journal.history("INC-2041", newest=10)] == [1, 2, 3, 4]
    assert journal.history("INC-2041", newest=0) == []
    assert (journal.count("INC-2041"), journal.count("INC-0000")) == (4, 0)
    with pytest.raises(ValueError, match="newest"):
        journal.history("INC-2041", newest=-1)


def test_preview_history_parses_only_the_statements_it_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crisiscomms import journal as journal_module
    from crisiscomms.preview import workspace as workspace_module

    journal = Journal(tmp_path / "j.db")
    for minute in (0, 60, 120, 180):
        journal.publish(state(minute))
    parsed: list[int] = []
    real = journal_module._statement

    def counting(row: Any) -> Any:
        parsed.append(1)
        return real(row)

    monkeypatch.setattr(journal_module, "_statement", counting)
    monkeypatch.setattr(workspace_module, "HISTORY_SHOWN", 2)
    page = workspace_module.Workspace(journal=tmp_path / "j.db").history("INC-2041")
    assert [s["seq"] for s in page["statements"]] == [4, 3]
    assert page["total"] == 4
    assert len(parsed) == 2
