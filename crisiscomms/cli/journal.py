"""The journal's commands: ``publish``, ``history``, ``due`` and ``feed`` (CONTRACT section 8).

``publish`` exits 0 published or unchanged, 1 refused for error findings, 3 bad input, 4 a
stale statement; ``due`` exits 1 when a promised update is overdue, so a cron job or a
monitor can page someone. Every command takes ``--journal PATH`` (default
``$CRISISCOMMS_JOURNAL``, else ``crisiscomms.db`` in the current folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, TextIO

from ..errors import CrisisError
from .exits import Exit

__all__ = ["register"]


def _journal(args: argparse.Namespace, *, create: bool) -> Any:
    from ..journal import Journal, default_journal_path

    return Journal(args.journal or default_journal_path(), create=create)


def _cmd_publish(args: argparse.Namespace, out: TextIO) -> int:
    from ..journal import PublishRefused
    from ..loading import load_incident
    from ..report import format_findings

    incident = load_incident(args.incident)
    journal = _journal(args, create=True)
    try:
        outcome = journal.publish_outcome(incident, templates=args.templates, out=args.out)
    except PublishRefused as refused:
        out.write(format_findings(list(refused.findings), "text", command="check",
                                  default_file=args.incident))
        out.write(f"{refused}\n")
        return Exit.FINDINGS
    statement = outcome.statement
    where = str(outcome.folder) if outcome.folder is not None else str(journal.path)
    if outcome.recorded:
        out.write(f"{statement.incident_id}: published statement {statement.seq}: {where}\n")
    else:
        out.write(f"{statement.incident_id}: unchanged; statement {statement.seq} is the "
                  f"latest: {where}\n")
    return Exit.CLEAN


def _change_text(change: dict[str, Any]) -> str:
    kind = str(change["kind"])
    if kind == "update_late":
        return f"{kind} ({change['minutes']} min)"
    if "old_eta" in change and "new_eta" in change:
        return f"{kind} ({change['old_eta']} -> {change['new_eta']})"
    if "old_status" in change:
        return f"{kind} ({change['old_status']} -> {change['new_status']})"
    if "services" in change:
        return f"{kind} ({', '.join(s['id'] for s in change['services'])})"
    return kind


def _cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    journal = _journal(args, create=False)
    statements = journal.history(args.incident_id)
    if not statements:
        raise CrisisError(f"{args.incident_id}: no statement of this incident in {journal.path}")
    rows = [{"seq": s.seq, "updated_at": s.published_at.isoformat(), "status": s.status.value,
             "changes": s.changes.as_list()} for s in statements]
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return Exit.CLEAN
    for row in rows:
        said = ", ".join(_change_text(c) for c in row["changes"]) or "-"
        out.write(f"{row['seq']:>4}  {row['updated_at']}  {row['status']:<13}  {said}\n")
    return Exit.CLEAN


def _moment(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time such as "
                                         "2026-11-22T15:30:00+02:00") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a UTC offset, e.g. +02:00")
    return value


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    from ..model import Status

    journal = _journal(args, create=False)
    now: dt.datetime = args.now or dt.datetime.now(dt.UTC)
    rows = []
    for s in journal.latest_all():
        if s.status == Status.RESOLVED or s.next_update_at is None:
            continue
        late = max(0, math.ceil((now - s.next_update_at).total_seconds() / 60))
        rows.append({"incident_id": s.incident_id,
                     "next_update_at": s.next_update_at.isoformat(), "late_minutes": late})
    if args.format == "json":
        out.write(json.dumps(rows, indent=2) + "\n")
    elif not rows:
        out.write("no unresolved incidents\n")
    for row in rows if args.format == "text" else ():
        state = f"{row['late_minutes']} min late" if row["late_minutes"] else "on time"
        out.write(f"{row['incident_id']}  next update {row['next_update_at']}  {state}\n")
    return Exit.FINDINGS if any(r["late_minutes"] for r in rows) else Exit.CLEAN


def _write_atomically(path: Path, text: str) -> None:
    """A feed file is replaced whole: a web server serving it never sees half of one."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _cmd_feed(args: argparse.Namespace, out: TextIO) -> int:
    from .. import feeds

    if args.seq is not None and args.incident is None:
        args.parser.error("--seq needs --incident")
    if args.format == "cap" and args.incident is None:
        args.parser.error("--format cap needs --incident ID")
    journal = _journal(args, create=False)
    lang = args.lang
    if lang is None and args.format != "cap":
        statements = journal.latest_all()
        if not statements:
            raise feeds.UnknownStatement(str(journal.path), "the journal has no statements yet")
        lang = next(iter(statements[0].feed["languages"]))
    if args.format == "atom":
        text = feeds.atom(journal, lang, incident=args.incident, seq=args.seq)
    elif args.format == "statuspage":
        text = feeds.statuspage_json(journal, lang)
    else:
        text = feeds.cap(journal, args.incident, args.seq)
    if args.out:
        try:
            _write_atomically(Path(args.out), text)
        except OSError as error:
            raise CrisisError(f"{args.out}: cannot write the feed: {error.strerror}") from None
    else:
        out.write(text)
    return Exit.CLEAN


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a statement number (1, 2, ...)")
    return int(text)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``publish``, ``history``, ``due`` and ``feed`` to the ``crisiscomms`` parser."""
    journal_help = "the journal file (default: $CRISISCOMMS_JOURNAL, else ./crisiscomms.db)"
    p = sub.add_parser("publish", help="check, record and write a statement of an incident",
                       description="Render with the previous statement, refuse error findings "
                       "or a stale state, record the statement in the journal and, with --out, "
                       "write its files. Exit 0 published or unchanged, 1 refused for error "
                       "findings, 3 bad input, 4 stale statement.")
    p.add_argument("incident", help="the incident file (YAML or JSON)")
    p.add_argument("--journal", metavar="DB", help=journal_help)
    p.add_argument("--out", metavar="DIR", help="write DIR/<id>/<seq>/... and DIR/<id>/latest")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in)")
    p.set_defaults(run=_cmd_publish)
    p = sub.add_parser("history", help="the statements of an incident, with what changed",
                       description="Every statement of INCIDENT_ID, oldest first. Exit 0, "
                       "3 unknown id.")
    p.add_argument("incident_id", metavar="INCIDENT_ID")
    p.add_argument("--journal", metavar="DB", help=journal_help)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=_cmd_history)
    p = sub.add_parser("due", help="unresolved incidents and how late their next update is",
                       description="Every unresolved incident, its promised next update and "
                       "how late it is. Exit 0 none overdue, 1 some overdue.")
    p.add_argument("--journal", metavar="DB", help=journal_help)
    p.add_argument("--now", type=_moment, metavar="ISO",
                   help="the time to compare with (default: the clock), with its offset")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=_cmd_due)
    p = sub.add_parser("feed", help="an Atom, Statuspage or CAP feed from the journal",
                       description="A feed built from the journal. Exit 0, 3 unknown id.")
    p.add_argument("--format", choices=("atom", "statuspage", "cap"), required=True)
    p.add_argument("--journal", metavar="DB", help=journal_help)
    p.add_argument("--lang", metavar="L", help="the language (atom, statuspage; default: the "
                   "first)")
    p.add_argument("--incident", metavar="ID", help="only this incident (cap: required)")
    p.add_argument("--seq", type=_positive, metavar="N", help="with --incident: one statement")
    p.add_argument("--out", metavar="FILE", help="write the feed here (replaced whole)")
    p.set_defaults(run=_cmd_feed, parser=p)
