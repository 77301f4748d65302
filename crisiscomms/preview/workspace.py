"""What the preview page works on, without any web framework: the template folder, the incident
files it may open, and the operations behind each request (load, render, YAML, save).

Every operation takes plain data and returns plain data (JSON-ready dicts), so the web layer
(:mod:`crisiscomms.preview.app`) only routes and checks requests, and tests can call the same
operations directly.

>>> ws = Workspace()
>>> loaded = ws.load("example:identified")
>>> loaded["fields"]["next_update_at"], loaded["saveable"]
('2026-11-22T15:00', False)
>>> result = ws.render(dict(loaded["fields"], next_update_at="2026-11-22T15:45"))
>>> result["ok"], all("15:45" in m["outputs"]["text"] for m in result["messages"])
(True, True)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..changes import Changes, changes
from ..errors import ConfigError, CrisisError, IncidentError, InputError, Problem, TemplateError
from ..facts import build_facts
from ..journal import Journal, JournalError, Statement, canonical_json, templates_fingerprint
from ..loading import read_data, validate
from ..model import Incident
from ..render import Bundle, TemplateSet, render, template_set
from ..report import finding_dict
from ..samples import example_names, example_path, examples_dir
from ..text.sms import sms_parts
from .cases import CaseSource, case_sources, case_view
from .forms import (
    dump_json,
    dump_yaml,
    field_for,
    form_layout,
    from_fields,
    leading_comments,
    to_fields,
)

__all__ = ["SaveConflict", "Source", "UnknownSource", "Workspace"]

# Files under the template folder whose change re-renders the page: templates, the config,
# each language's vocabulary and rule files. Anything else (an editor's swap file) is ignored.
HISTORY_SHOWN = 100
"""The page lists an incident's newest statements up to this many (``total`` says how many)."""

_WATCHED = (".txt", ".html", ".ssml", ".md", ".toml", ".yaml", ".yml", ".json")


class UnknownSource(CrisisError, LookupError):
    """The page asked for an incident this server was not given."""


class SaveConflict(CrisisError):
    """The incident file changed on disk since the page loaded it; saving would lose that.
    ``file_version`` is the file's version now (None when it is gone)."""

    def __init__(self, message: str, file_version: str | None = None) -> None:
        super().__init__(message)
        self.file_version = file_version


@dataclass(frozen=True)
class Source:
    """An incident the page can open: a built-in example (read-only) or a file given with
    ``--incident`` (saveable)."""

    key: str
    label: str
    path: Path
    saveable: bool


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _problem_dicts(problems: Sequence[Problem], names: Sequence[str],
                   file: str | None = None) -> list[dict[str, Any]]:
    return [{"path": p.path, "message": p.message, "line": p.line, "file": file,
             "field": field_for(p.path, names)} for p in problems]


class Workspace:
    """The preview server's state: one template folder and the incidents it may open.

    It holds no cache of its own: templates and config are re-read by :func:`render` when they
    change on disk, and incident files are read on every load and save.
    """

    def __init__(self, templates: str | os.PathLike[str] | None = None,
                 incidents: Sequence[str | os.PathLike[str]] = (),
                 cases: Sequence[str | os.PathLike[str]] = (), *,
                 journal: str | os.PathLike[str] | None = None,
                 out: str | os.PathLike[str] | None = None) -> None:
        self.templates = template_set(templates).folder
        # Complaint cases, read-only: the --case files, then the built-in examples.
        self.cases: dict[str, CaseSource] = case_sources([Path(p) for p in cases],
                                                         examples_dir() / "cases")
        # The journal the page publishes into (the command passes --journal or the default,
        # ./crisiscomms.db); None: a page without history or Publish. ``out``: the folder
        # statements are written to, as `crisiscomms publish --out`.
        self.journal_path = Path(journal) if journal is not None else None
        self.out = Path(out) if out is not None else None
        sources = [Source(f"file:{i}", str(Path(p)), Path(p).resolve(), True)
                   for i, p in enumerate(incidents)]
        sources += [Source(f"example:{name}", f"example: {name}", example_path(name), False)
                    for name in example_names()]
        self.sources: dict[str, Source] = {s.key: s for s in sources}
        # Saves are rare and quick; one at a time keeps check-then-replace free of races
        # between two tabs of the same page.
        self._save_lock = threading.Lock()

    # -- helpers ------------------------------------------------------------------------

    def template_set(self) -> TemplateSet:
        """The template folder with its config as it is on disk now."""
        return template_set(self.templates)

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.template_set().config.organisation.time_zone)

    def default_source(self) -> str:
        """The incident the page opens first: the first ``--incident``, else an example."""
        keys = list(self.sources)
        return next((k for k in keys if k.startswith("file:")),
                    "example:identified" if "example:identified" in keys else keys[0])

    def source(self, key: str) -> Source:
        """The source called ``key``; :class:`UnknownSource` when there is none."""
        try:
            return self.sources[key]
        except KeyError:
            raise UnknownSource(f"no incident {key!r} on this page") from None

    def languages(self, codes: Sequence[str] | None = None) -> list[dict[str, str]]:
        """The languages the page shows, each with its writing direction."""
        ts = self.template_set()
        out = []
        for code in codes or ts.config.organisation.languages:
            try:
                direction = ts.language(code).direction
            except (ConfigError, OSError):
                # The page still opens; the language's own problem shows where it is used.
                direction = "ltr"
            out.append({"code": code, "direction": direction})
        return out

    # -- operations ---------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        """What the page needs to draw itself: the form, the sources, the time zone."""
        ts = self.template_set()
        return {
            "form": form_layout(),
            "sources": [{"key": s.key, "label": s.label, "saveable": s.saveable}
                        for s in self.sources.values()],
            "default_source": self.default_source(),
            "time_zone": ts.config.organisation.time_zone,
            "templates": str(self.templates),
            "languages": self.languages(),
            "cases": [{"key": c.key, "label": c.label} for c in self.cases.values()],
            "journal": None if self.journal_path is None else str(self.journal_path),
            "out": None if self.out is None else str(self.out),
        }

    def case(self, key: str, now: str | None = None) -> dict[str, Any]:
        """A complaint case's status and its three letters in every language, as of ``now``
        (:func:`crisiscomms.preview.cases.case_view`)."""
        try:
            source = self.cases[key]
        except KeyError:
            raise UnknownSource(f"no case {key!r} on this page") from None
        return case_view(source.path, self.template_set(), now)

    def stamp(self) -> str:
        """A fingerprint of the template folder's watched files (names, sizes, change times):
        it changes when any template, the config, a language file or a rule file does."""
        entries = []
        for root, dirs, files in os.walk(self.templates):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(_WATCHED) and not name.startswith("."):
                    try:
                        info = os.stat(os.path.join(root, name))
                    except OSError:
                        continue
                    entries.append(f"{root}/{name}:{info.st_mtime_ns}:{info.st_size}")
        return _digest("\n".join(entries).encode())[:16]

    def file_version(self, key: str) -> str | None:
        """The version (content hash) of a source's file now, or None when it is unreadable."""
        try:
            return _digest(self.source(key).path.read_bytes())
        except OSError:
            return None

    def load(self, key: str) -> dict[str, Any]:
        """Open a source: its form values, version, and the problems of the file as it is.

        An invalid file still opens (as far as it can be read) so the team can fix it in the
        form; its problems are listed beside the fields.
        """
        source = self.source(key)
        raw = source.path.read_bytes()
        zone = self._zone()
        problems: list[Problem] = []
        data: Any = {}
        try:
            data, lines = read_data(source.path, IncidentError)
            validate(Incident, data, str(source.path), IncidentError, lines)
        except InputError as error:
            problems = list(error.problems)
        default_langs = self.template_set().config.organisation.languages
        fields, langs = to_fields(data if isinstance(data, Mapping) else {}, zone, default_langs)
        return {
            "key": key,
            "label": source.label,
            "saveable": source.saveable,
            "version": _digest(raw),
            "fields": fields,
            "languages": self.languages(langs),
            "problems": _problem_dicts(problems, list(fields), source.label),
        }

    def _incident(self, fields: Mapping[str, Any]) -> tuple[Incident | None, list[dict[str, Any]]]:
        names = list(fields)
        data, problems = from_fields(fields, self._zone())
        if problems:
            return None, _problem_dicts(problems, names)
        try:
            return validate(Incident, data, None, IncidentError), []
        except IncidentError as error:
            return None, _problem_dicts(error.problems, names)

    def render(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the form and render every channel in every language.

        Returns ``ok``, the ``problems`` (each with the form ``field`` it belongs beside), an
        ``error`` for a broken template or config, every message with its outputs, stats,
        budgets and findings, and the findings that concern no one message.
        """
        result: dict[str, Any] = {"ok": False, "problems": [], "error": None, "messages": [],
                                  "findings": []}
        try:
            incident, problems = self._incident(fields)
            if incident is None:
                result["problems"] = problems
                return result
            previous, pending = self._against_latest(incident)
            bundle = render(incident, templates=self.templates, previous=previous)
        except IncidentError as error:
            # Texts missing in a rendered language, found by render() itself.
            result["problems"] = _problem_dicts(error.problems, list(fields),
                                                error.file if error.named else None)
            return result
        except ConfigError as error:
            result["error"] = {"kind": "config", "file": error.file, "line": None,
                               "message": str(error)}
            return result
        except TemplateError as error:
            result["error"] = {"kind": "template", "file": error.file, "line": error.line,
                               "message": error.reason, "template_kind": error.kind}
            return result
        result.update(ok=True, **self._bundle(bundle))
        if pending is not None and "changes" in pending:
            pending["changes"] = self._sentences(incident, pending["changes"], bundle.languages)
        result["pending"] = pending
        return result

    def _bundle(self, bundle: Bundle) -> dict[str, Any]:
        ts = self.template_set()
        directions = {d["code"]: d["direction"] for d in self.languages(bundle.languages)}
        general: list[dict[str, Any]] = []
        attached: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for finding in bundle.findings:
            if finding.channel is None:
                general.append(finding_dict(finding))
                continue
            for lang in [finding.language] if finding.language else bundle.languages:
                attached.setdefault((lang, finding.channel), []).append(finding_dict(finding))
        messages = []
        for message in bundle:
            settings = ts.config.channel(message.channel)
            budgets = settings.budgets(message.language)
            stats = dict(message.stats)
            segments = None
            if "segments" in stats:
                parts = sms_parts(message.text)
                segments = parts if len(parts) == stats["segments"] else None
            messages.append({
                "language": message.language,
                "channel": message.channel,
                "direction": directions.get(message.language, "ltr"),
                "outputs": message.outputs(),
                "stats": stats,
                "budgets": {name: limit for name, (_, limit) in budgets.items()},
                "budget_stats": {name: stat for name, (stat, _) in budgets.items()},
                "segments": segments,
                "findings": attached.get((message.language, message.channel), []),
            })
        return {"messages": messages, "findings": general,
                "languages": list(bundle.languages), "channels": list(bundle.channels)}

    # -- the journal ----------------------------------------------------------------------

    def _journal(self) -> Journal | None:
        """The journal to read; None when the page has none or nothing was published yet (a
        read never creates the file: only Publish does)."""
        if self.journal_path is None or not self.journal_path.exists():
            return None
        return Journal(self.journal_path, create=False)

    def _against_latest(self, incident: Incident) -> tuple[Incident | None, dict[str, Any] | None]:
        """The incident to render against (the previous published state, as ``publish``
        would) and what publishing would do now: ``state`` ``first`` (no statement yet),
        ``new`` (a new statement ``seq``), ``unchanged`` (the same state as the latest: Publish
        changes nothing), ``stale`` (``updated_at`` not later than the latest's: Publish is
        refused) or ``error`` (the journal cannot be read), with ``changes`` against the latest.
        None without a journal."""
        if self.journal_path is None:
            return None, None
        base: dict[str, Any] = {"journal": str(self.journal_path), "incident_id": incident.id,
                                "latest": None, "seq": None, "changes": Changes(())}
        try:
            journal = self._journal()
            latest = None if journal is None else journal.latest(incident.id)
            if journal is None or latest is None:
                return None, {**base, "state": "first", "seq": 1}
            base["latest"] = {"seq": latest.seq, "updated_at": latest.published_at.isoformat(),
                              "time": self._local(latest.published_at)}
            if latest.incident_json == canonical_json(incident) and \
                    latest.templates == templates_fingerprint(self.templates):
                # What was published: rendered against the statement before it.
                earlier = journal.history(incident.id)[:-1]
                return (earlier[-1].incident if earlier else None,
                        {**base, "state": "unchanged", "seq": latest.seq,
                         "changes": latest.changes})
        except JournalError as error:
            return None, {**base, "state": "error", "message": str(error)}
        stale = incident.updated_at <= latest.published_at
        return latest.incident, {**base, "state": "stale" if stale else "new",
                                 "seq": None if stale else latest.seq + 1,
                                 "changes": changes(latest.incident, incident)}

    def _local(self, moment: dt.datetime) -> str:
        return moment.astimezone(self._zone()).strftime("%Y-%m-%d %H:%M")

    def _sentences(self, incident: Incident, moved: Changes, languages: Sequence[str],
                   form: str = "sentence") -> list[dict[str, Any]]:
        """Each change with its sentence per language, as the messages say it (``f.changes``;
        ``form`` ``dated`` names the day too, for a history that outlives the day)."""
        out: list[dict[str, Any]] = [{"kind": c.kind.value, "sentences": {}} for c in moved]
        if not out:
            return out
        ts = self.template_set()
        for lang in languages:
            try:
                facts = build_facts(incident, ts.config, ts.language(lang), lang, moved)
            except (CrisisError, KeyError):
                continue  # a language the incident has no text in, or one that does not load
            for entry, fact in zip(out, facts["changes"], strict=True):
                piece = fact[form] or fact["sentence"]
                if piece is not None:
                    entry["sentences"][lang] = str(piece)
        return out

    def history(self, incident_id: str) -> dict[str, Any]:
        """The statements of ``incident_id`` in the journal, newest first: ``seq``, the time
        it speaks for (``updated_at``, and ``time`` in the organisation's zone), ``status``,
        ``changes`` (each with its sentence per language) and its warnings."""
        result: dict[str, Any] = {
            "journal": None if self.journal_path is None else str(self.journal_path),
            "incident_id": incident_id, "statements": [], "total": 0}
        journal = self._journal()
        if journal is None:
            return result
        # Only the rows shown are read and parsed: a long incident's page stays quick.
        statements = journal.history(incident_id, newest=HISTORY_SHOWN)
        languages = self.template_set().config.organisation.languages
        result["total"] = journal.count(incident_id)
        result["statements"] = [self._statement_row(s, languages)
                                for s in reversed(statements)]
        return result

    def _statement_row(self, s: Statement, languages: Sequence[str]) -> dict[str, Any]:
        return {"seq": s.seq, "updated_at": s.published_at.isoformat(),
                "time": self._local(s.published_at), "status": s.status.value,
                "recorded_at": s.recorded_at,
                "warnings": sum(1 for f in s.findings if f.get("severity") == "warning"),
                "changes": self._sentences(s.incident, s.changes, languages, "dated")}

    def journal_seq(self, incident_id: str) -> int | None:
        """The latest statement's ``seq`` of ``incident_id`` (the page's poll: another
        publisher shows up), or None."""
        try:
            journal = self._journal()
            latest = None if journal is None else journal.latest(incident_id)
        except JournalError:
            return None
        return None if latest is None else latest.seq

    def publish(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Publish the form as `crisiscomms publish` does (:meth:`Journal.publish_outcome` with
        the page's journal, templates and ``out``).

        Returns ``ok``, ``recorded`` (False: the same state as the latest, nothing recorded),
        ``seq`` and the statement's ``folder``; or the form's ``problems``. Raises
        :class:`~crisiscomms.journal.PublishRefused` (error findings) and
        :class:`~crisiscomms.journal.StaleStatement`, nothing recorded; ``PermissionError`` on a
        page without a journal.
        """
        if self.journal_path is None:
            raise PermissionError("this page was started without a journal, so it cannot "
                                  "publish")
        incident, problems = self._incident(fields)
        if incident is None:
            return {"ok": False, "problems": problems}
        try:
            outcome = Journal(self.journal_path).publish_outcome(
                incident, templates=self.templates, out=self.out)
        except IncidentError as error:
            return {"ok": False, "problems": _problem_dicts(
                error.problems, list(fields), error.file if error.named else None)}
        s = outcome.statement
        return {"ok": True, "recorded": outcome.recorded, "incident_id": s.incident_id,
                "seq": s.seq, "updated_at": s.published_at.isoformat(),
                "folder": None if outcome.folder is None else str(outcome.folder),
                "journal": str(self.journal_path)}

    def _header(self, key: str | None) -> str:
        if key is None or key not in self.sources:
            return ""
        try:
            return leading_comments(self.sources[key].path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            return ""

    def to_yaml(self, fields: Mapping[str, Any], key: str | None = None) -> dict[str, Any]:
        """The form as an incident YAML file (for download), or the problems that stop it."""
        incident, problems = self._incident(fields)
        if incident is None:
            return {"ok": False, "problems": problems}
        return {"ok": True, "yaml": dump_yaml(incident, self._header(key)),
                "filename": f"{incident.id}.yaml"}

    def save(self, key: str, fields: Mapping[str, Any], version: str) -> dict[str, Any]:
        """Write the form back to the source's file, atomically, keeping the previous version.

        The file keeps its format (YAML, or JSON for a ``.json`` file) and a YAML file its
        opening comment lines.

        The new text goes to a temporary file in the same folder and replaces the file with
        ``os.replace``; the previous content is kept as ``FILE.bak``. Raises
        :class:`SaveConflict` when the file's content is not the ``version`` the page loaded,
        and ``PermissionError`` for a built-in example.
        """
        source = self.source(key)
        if not source.saveable:
            raise PermissionError(f"{source.label} is a built-in example; download it instead")
        incident, problems = self._incident(fields)
        if incident is None:
            return {"ok": False, "problems": problems}
        path = source.path
        with self._save_lock:
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                raise SaveConflict(f"{source.label} was removed since the page loaded it; "
                                   "download the incident instead") from None
            if _digest(current) != version:
                raise SaveConflict(f"{source.label} changed on disk since the page loaded it; "
                                   "reload it (your edits will be lost) or download yours and "
                                   "merge by hand", _digest(current))
            if path.suffix.lower() == ".json":
                text = dump_json(incident)
            else:
                text = dump_yaml(incident, leading_comments(current.decode("utf-8", "replace")))
            data = text.encode("utf-8")
            mode = path.stat().st_mode & 0o777
            _write_atomic(path.with_name(path.name + ".bak"), current, mode)
            _write_atomic(path, data, mode)
        return {"ok": True, "version": _digest(data), "problems": []}


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    # Beside the target, so os.replace stays on one file system and is atomic: a reader sees
    # the old file or the new one, never half of one.
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
