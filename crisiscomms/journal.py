"""The journal: every published statement of every incident, in one SQLite file.

A statement is one published state of an incident (CONTRACT section 8): the incident as
canonical JSON, the template folder's fingerprint, the sha256 of every rendered output, the
findings and what changed since the statement before, numbered ``seq`` = 1, 2, … per incident.
The schema is in docs/journal.md. Writers serialise through SQLite's write lock (``BEGIN
IMMEDIATE``), so two processes publishing at once never share or skip a ``seq``.

>>> import tempfile, pathlib
>>> from crisiscomms.samples import load_example
>>> journal = Journal(pathlib.Path(tempfile.mkdtemp()) / "crisiscomms.db")
>>> first = journal.publish(load_example("identified"))
>>> first.seq, journal.publish(load_example("identified")).seq   # the same state: unchanged
(1, 1)
>>> [s.seq for s in journal.history("INC-2041")], journal.incidents()
([1], ['INC-2041'])
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import Change, Changes, changes
from .errors import CrisisError, IncidentError, Problem
from .findings import Finding
from .messages import Bundle
from .model import Incident, Status

if TYPE_CHECKING:
    from .render import TemplateSet

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Journal", "JournalError", "Outcome",
           "PublishRefused", "StaleStatement", "Statement", "canonical_json",
           "default_journal_path", "templates_fingerprint"]

APPLICATION_ID = 0x43436A6E
"""``PRAGMA application_id`` of a crisiscomms journal ("CCjn"): how we know a file is ours."""
SCHEMA_VERSION = 1
"""``PRAGMA user_version``; a journal with a higher one was written by a newer crisiscomms."""
ENV = "CRISISCOMMS_JOURNAL"
DEFAULT_NAME = "crisiscomms.db"
# How long a writer waits for another's lock before giving up: a publish holds it for the
# render and the files, well under a second.
BUSY_TIMEOUT_MS = 60_000

_SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE statement (
    incident_id    TEXT    NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    published_at   TEXT    NOT NULL,
    published_utc  TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    next_update_at TEXT,
    incident_json  TEXT    NOT NULL,
    templates      TEXT    NOT NULL,
    outputs_json   TEXT    NOT NULL,
    findings_json  TEXT    NOT NULL,
    changes_json   TEXT    NOT NULL,
    feed_json      TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (incident_id, seq)
) WITHOUT ROWID;
"""


class JournalError(CrisisError):
    """The journal file cannot be used: not a crisiscomms journal, of a newer schema, or
    damaged. Nothing was changed. ``path`` names the file, ``kind`` says which.

    >>> str(JournalError("x.db", "foreign", "not a crisiscomms journal"))
    'x.db: not a crisiscomms journal'
    """

    def __init__(self, path: str, kind: str, message: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(f"{path}: {message}")


class PublishRefused(CrisisError):
    """The statement has error findings, so it was not recorded; ``findings`` lists them all."""

    def __init__(self, incident_id: str, findings: Sequence[Finding]) -> None:
        self.incident_id = incident_id
        self.findings = tuple(findings)
        errors = [f for f in self.findings if f.severity == "error"]
        rules = ", ".join(sorted({f.rule for f in errors}))
        super().__init__(f"{incident_id}: not published: {len(errors)} error finding(s) "
                         f"({rules}); nothing was recorded")


class StaleStatement(CrisisError):
    """The incident's ``updated_at`` is not later than the journal's latest statement of it.
    The command line exits with ``exit_code`` (4)."""

    exit_code = 4

    def __init__(self, incident_id: str, updated_at: dt.datetime, latest: Statement) -> None:
        self.incident_id = incident_id
        self.updated_at = updated_at
        self.latest = latest
        super().__init__(
            f"{incident_id}: updated_at {updated_at.isoformat()} is not later than statement "
            f"{latest.seq} ({latest.published_at.isoformat()}); nothing was published. Set "
            "updated_at to now to publish a new state.")


def default_journal_path() -> Path:
    """``$CRISISCOMMS_JOURNAL`` when set, else ``crisiscomms.db`` in the current folder."""
    return Path(os.environ.get(ENV) or DEFAULT_NAME)


def canonical_json(incident: Incident) -> str:
    """The incident as canonical JSON: sorted keys, no spaces, UTF-8 text kept as is. Two
    states are the same when this and the templates fingerprint are.

    >>> from crisiscomms.samples import load_example
    >>> canonical_json(load_example("identified"))[:24]
    '{"compensation":null,"cu'
    """
    return json.dumps(incident.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def templates_fingerprint(folder: Path) -> str:
    """sha256 over every file of a template folder: relative path and bytes, in path order
    (hidden files and Python caches left out).

    >>> from crisiscomms.config import default_templates_dir
    >>> len(templates_fingerprint(default_templates_dir()))
    64
    """
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        data = path.read_bytes()
        hasher.update(f"{rel.as_posix()}\0{len(data)}\0".encode())
        hasher.update(data)
    return hasher.hexdigest()


@dataclass(frozen=True)
class Statement:
    """One recorded statement, as read back from the journal."""

    incident_id: str
    seq: int
    published_at: dt.datetime
    """The incident's ``updated_at``."""
    status: Status
    next_update_at: dt.datetime | None
    incident_json: str
    templates: str
    """The template folder's fingerprint (:func:`templates_fingerprint`)."""
    outputs: Mapping[str, str]
    """sha256 of every file of the statement's folder (``he/sms.txt`` -> hex), manifest aside."""
    findings: tuple[dict[str, Any], ...]
    changes: Changes
    feed: Mapping[str, Any]
    """What the feeds show: ``org`` (addresses, time zone) and ``languages``, per language the
    status page's ``subject``, ``text`` and ``html``, ``org_name``, ``status_label`` and
    ``severity_label``, as they were when published."""
    recorded_at: str

    @cached_property
    def incident(self) -> Incident:
        """The incident, validated again from its canonical JSON."""
        return Incident.model_validate_json(self.incident_json)


@dataclass(frozen=True)
class Outcome:
    """What :meth:`Journal.publish_outcome` did: the statement, whether it was recorded now
    (False: the state was identical to the latest, which is returned), and its folder."""

    statement: Statement
    recorded: bool
    folder: Path | None


_COLUMNS = ("incident_id, seq, published_at, status, next_update_at, incident_json, templates, "
            "outputs_json, findings_json, changes_json, feed_json, recorded_at")


def _statement(row: Sequence[Any]) -> Statement:
    (incident_id, seq, published, status, next_update, incident_json, templates, outputs,
     findings, changed, feed, recorded) = row
    return Statement(
        incident_id=incident_id, seq=seq, published_at=dt.datetime.fromisoformat(published),
        status=Status(status),
        next_update_at=None if next_update is None else dt.datetime.fromisoformat(next_update),
        incident_json=incident_json, templates=templates, outputs=json.loads(outputs),
        findings=tuple(json.loads(findings)),
        changes=Changes(tuple(Change.from_dict(c) for c in json.loads(changed))),
        feed=json.loads(feed), recorded_at=recorded)


def _utc(moment: dt.datetime) -> str:
    # Fixed-width UTC text orders like the instants it names: SQLite compares it as text.
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _feed(bundle: Bundle, ts: TemplateSet) -> dict[str, Any]:
    """What the feeds show of a statement, as published: the status page per language, the
    organisation's names and addresses, and the status and severity words."""
    org = ts.config.organisation
    languages: dict[str, Any] = {}
    for lang in bundle.languages:
        words = ts.language(lang)
        entry: dict[str, Any] = {
            "org_name": org.name[lang],
            "status_label": words.status[bundle.incident.status.value],
            "severity_label": words.severity[bundle.incident.severity.value]}
        if (lang, "status_page") in bundle:
            page = bundle[lang, "status_page"]
            entry.update(subject=page.subject, text=page.text, html=page.html)
        languages[lang] = entry
    return {"org": {"website": str(org.website), "status_page": str(org.status_page),
                    "email_from": org.email_from, "time_zone": org.time_zone},
            "languages": languages}


class Journal:
    """A journal file, opened (and created when missing, unless ``create=False``).

    Raises :class:`JournalError` for a file that is not a crisiscomms journal, is of a newer
    schema or is damaged, and (with ``create=False``) for a missing one; nothing is changed.
    Each method opens its own connection, so a ``Journal`` may be shared by threads and a
    forked process opens afresh.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *,
                 create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_journal_path()
        if not self.path.exists():
            if not create:
                raise JournalError(str(self.path), "missing",
                                   "no journal here; `crisiscomms publish` makes one")
        elif self.path.is_dir():
            raise JournalError(str(self.path), "foreign", "is a folder, not a journal file")
        with self._connect() as db:
            self._open(db)

    # -- the file --------------------------------------------------------------------------

    def _fail(self, kind: str, message: str) -> JournalError:
        return JournalError(str(self.path), kind, message)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                 isolation_level=None)
        except sqlite3.Error as error:
            raise self._fail("unreadable", f"cannot open ({error}); does its folder exist?") \
                from None
        try:
            yield db
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None
        finally:
            db.close()

    def _damaged(self, error: sqlite3.Error) -> JournalError:
        text = str(error)
        if "not a database" in text:
            return self._fail("foreign", "not a crisiscomms journal (not an SQLite file)")
        if "unable to open" in text:
            return self._fail("unreadable", "cannot open the journal file; does its folder "
                              "exist, and may it be written?")
        if isinstance(error, sqlite3.OperationalError) and "locked" in text:
            return self._fail("busy", "another publish held the journal too long; try again")
        return self._fail("damaged", f"the journal is damaged ({text}); restore it from a "
                          "backup")

    def _open(self, db: sqlite3.Connection) -> None:
        """Check the file is ours and of a schema we know; make a new one ours. The checks
        only read, so a foreign or newer file is left exactly as it was."""
        # One read, so one snapshot: read apart, another process making the journal at the
        # same moment could commit between them, and its fresh tables beside a header read
        # before it would look like another program's file.
        app, version, tables = db.execute(
            "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master) "
            "FROM pragma_application_id AS a, pragma_user_version AS v").fetchone()
        if app == 0 and version == 0:
            if tables:
                raise self._fail("foreign", "an SQLite file of another program, not a "
                                 "crisiscomms journal")
            self._create(db)
            return
        if app != APPLICATION_ID:
            raise self._fail("foreign", "an SQLite file of another program, not a crisiscomms "
                             "journal")
        if version > SCHEMA_VERSION:
            raise self._fail("newer", f"written by a newer crisiscomms (journal schema "
                             f"{version}; this one reads up to {SCHEMA_VERSION}); upgrade "
                             "crisiscomms")
        if version < 1:
            raise self._fail("damaged", f"unknown journal schema version {version}")

    def _create(self, db: sqlite3.Connection) -> None:
        self._wal(db)
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have made it while we waited for the lock.
            if db.execute("PRAGMA application_id").fetchone()[0] == 0:
                for command in _SCHEMA.split(";"):
                    if command.strip():
                        db.execute(command)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("INSERT INTO meta VALUES ('created_at', ?)",
                           (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    @staticmethod
    def _wal(db: sqlite3.Connection) -> None:
        """Switch the new file to write-ahead logging. SQLite refuses that switch at once,
        without its busy wait, while another connection holds the file, as a second process
        making the same new journal does: it tries again, within the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005)

    # -- reading -----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (``created_at``: when the journal was made)."""
        with self._connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def history(self, incident_id: str, *, newest: int | None = None) -> list[Statement]:
        """Every statement of ``incident_id``, oldest first (empty for an unknown id); with
        ``newest=N``, only the last N, still oldest first, read without the older ones.

        >>> import pathlib, tempfile
        >>> from crisiscomms.samples import changed_example
        >>> before, now = changed_example()
        >>> journal = Journal(pathlib.Path(tempfile.mkdtemp()) / "j.db")
        >>> _ = journal.publish(before), journal.publish(now)
        >>> [s.seq for s in journal.history(now.id, newest=1)], journal.count(now.id)
        ([2], 2)
        """
        if newest is not None and newest < 0:
            raise ValueError(f"newest must be 0 or more, not {newest}")
        with self._connect() as db:
            if newest is None:
                rows = db.execute(f"SELECT {_COLUMNS} FROM statement WHERE incident_id = ? "
                                  "ORDER BY seq", (incident_id,)).fetchall()
            else:
                rows = db.execute(f"SELECT {_COLUMNS} FROM statement WHERE incident_id = ? "
                                  "ORDER BY seq DESC LIMIT ?", (incident_id, newest)).fetchall()
                rows.reverse()
        return [_statement(r) for r in rows]

    def count(self, incident_id: str) -> int:
        """How many statements ``incident_id`` has (0 for an unknown id)."""
        with self._connect() as db:
            row = db.execute("SELECT count(*) FROM statement WHERE incident_id = ?",
                             (incident_id,)).fetchone()
        return int(row[0])

    def latest(self, incident_id: str) -> Statement | None:
        """The newest statement of ``incident_id``, or None."""
        with self._connect() as db:
            return self._latest(db, incident_id)

    @staticmethod
    def _latest(db: sqlite3.Connection, incident_id: str) -> Statement | None:
        row = db.execute(f"SELECT {_COLUMNS} FROM statement WHERE incident_id = ? "
                         "ORDER BY seq DESC LIMIT 1", (incident_id,)).fetchone()
        return None if row is None else _statement(row)

    def incidents(self) -> list[str]:
        """The incident ids with at least one statement, sorted."""
        with self._connect() as db:
            rows = db.execute("SELECT DISTINCT incident_id FROM statement "
                              "ORDER BY incident_id").fetchall()
        return [r[0] for r in rows]

    def latest_all(self) -> list[Statement]:
        """The newest statement of every incident, by incident id."""
        with self._connect() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM statement AS s WHERE seq = (SELECT max(seq) FROM "
                "statement WHERE incident_id = s.incident_id) ORDER BY incident_id").fetchall()
        return [_statement(r) for r in rows]

    def statements(self) -> list[Statement]:
        """Every statement of every incident, by incident id and seq."""
        with self._connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM statement "
                              "ORDER BY incident_id, seq").fetchall()
        return [_statement(r) for r in rows]

    # -- publishing --------------------------------------------------------------------------

    def publish(self, incident: Incident, *, templates: str | os.PathLike[str] | None = None,
                out: str | os.PathLike[str] | None = None) -> Statement:
        """Check, record and (with ``out``) write a statement; see :meth:`publish_outcome`."""
        return self.publish_outcome(incident, templates=templates, out=out).statement

    def publish_outcome(self, incident: Incident, *,
                        templates: str | os.PathLike[str] | None = None,
                        out: str | os.PathLike[str] | None = None) -> Outcome:
        """Publish ``incident`` as the next statement of its id.

        The same state as the latest statement (incident and templates): the latest is
        returned, nothing recorded (``out`` is brought up to date). Otherwise
        :class:`StaleStatement` when ``updated_at`` is not later than the latest's;
        :class:`PublishRefused` when rendering (with the latest as ``previous``) gives error
        findings; else the statement is recorded and, with ``out``, its folder written first
        (:mod:`crisiscomms.statement_files`). All under the journal's write lock.
        """
        from . import statement_files as files
        from .render import render, template_set
        from .report import finding_dict

        if incident.id.startswith("."):
            # "." and ".." would put the statement's folder outside the output folder, and a
            # leading dot is how unfinished folders are named there.
            raise IncidentError(None, [Problem("id", f"{incident.id!r} cannot be published: an "
                                                     "id must not start with '.'")])
        ts = template_set(templates)
        fingerprint = templates_fingerprint(ts.folder)
        state = canonical_json(incident)
        folder = Path(out) if out is not None else None
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                latest = self._latest(db, incident.id)
                if latest is not None and (latest.incident_json, latest.templates) == (
                        state, fingerprint):
                    if folder is not None:
                        files.remove_leftovers(folder, incident.id, latest.seq)
                        target = files.statement_folder(folder, incident.id, latest.seq)
                        if not target.is_dir():
                            bundle = render(incident, templates=ts.folder,
                                            previous=self._previous(db, latest))
                            self._write(folder, latest, bundle, files)
                        files.point_latest(folder, incident.id, latest.seq)
                    db.execute("COMMIT")
                    return Outcome(latest, False, None if folder is None else
                                   files.statement_folder(folder, incident.id, latest.seq))
                if latest is not None and incident.updated_at <= latest.published_at:
                    raise StaleStatement(incident.id, incident.updated_at, latest)
                bundle = render(incident, templates=ts.folder,
                                previous=None if latest is None else latest.incident)
                findings = bundle.findings
                if any(f.severity == "error" for f in findings):
                    raise PublishRefused(incident.id, findings)
                seq = 1 if latest is None else latest.seq + 1
                moved = Changes(()) if latest is None else changes(latest.incident, incident)
                statement = Statement(
                    incident_id=incident.id, seq=seq, published_at=incident.updated_at,
                    status=incident.status, next_update_at=incident.next_update_at,
                    incident_json=state, templates=fingerprint, outputs={},
                    findings=tuple(finding_dict(f) for f in findings), changes=moved,
                    feed=_feed(bundle, ts),
                    recorded_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
                written = None
                if folder is not None:
                    files.remove_leftovers(folder, incident.id, seq - 1)
                    written, outputs = self._write(folder, statement, bundle, files)
                else:
                    outputs = {k: files.digest(v) for k, v in
                               sorted(files.bundle_files(bundle).items())}
                statement = _replace_outputs(statement, outputs)
                self._insert(db, statement)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            if folder is not None:
                # After the commit, under the lock again: of two publishers, the one that
                # swaps last reads the newest recorded seq, so `latest` never goes back.
                db.execute("BEGIN IMMEDIATE")
                try:
                    newest = self._latest(db, incident.id)
                    assert newest is not None
                    files.point_latest(folder, incident.id, newest.seq)
                finally:
                    db.execute("COMMIT")
        return Outcome(statement, True, written)

    def _previous(self, db: sqlite3.Connection, statement: Statement) -> Incident | None:
        if statement.seq == 1:
            return None
        row = db.execute(f"SELECT {_COLUMNS} FROM statement WHERE incident_id = ? AND seq = ?",
                         (statement.incident_id, statement.seq - 1)).fetchone()
        return None if row is None else _statement(row).incident

    @staticmethod
    def _write(folder: Path, statement: Statement, bundle: Bundle,
               files: Any) -> tuple[Path, dict[str, str]]:
        content: dict[str, bytes] = files.bundle_files(bundle)
        outputs = {k: files.digest(v) for k, v in sorted(content.items())}
        manifest = {
            "incident_id": statement.incident_id, "seq": statement.seq,
            "updated_at": statement.published_at.isoformat(),
            "templates_fingerprint": statement.templates, "files": outputs,
            "findings": list(statement.findings),
            "changes": statement.changes.as_list(),
        }
        target = files.install_folder(folder, statement.incident_id, statement.seq, content,
                                      manifest)
        return target, outputs

    @staticmethod
    def _insert(db: sqlite3.Connection, s: Statement) -> None:
        db.execute(
            f"INSERT INTO statement ({_COLUMNS}, published_utc) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s.incident_id, s.seq, s.published_at.isoformat(), s.status.value,
             None if s.next_update_at is None else s.next_update_at.isoformat(),
             s.incident_json, s.templates, json.dumps(dict(s.outputs), sort_keys=True),
             json.dumps(list(s.findings), ensure_ascii=False),
             json.dumps(s.changes.as_list(), ensure_ascii=False),
             json.dumps(s.feed, ensure_ascii=False), s.recorded_at, _utc(s.published_at)))


def _replace_outputs(statement: Statement, outputs: Mapping[str, str]) -> Statement:
    from dataclasses import replace

    return replace(statement, outputs=dict(outputs))

