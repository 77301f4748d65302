"""The complaint-case commands (CONTRACT section 9): ``case letter``, ``case check``,
``cases due`` and ``cases report``. Thin: parse, call :mod:`crisiscomms.cases`, print, exit.

Only these commands read the clock, and each takes ``--now ISO`` instead. Bad input (a case
file, a folder, a template folder without letters) is exit 3 naming the file and the field;
nothing is written then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TextIO

from ..errors import CaseError, CrisisError, InputError, Problem
from .exits import Exit
from .journal import _moment

__all__ = ["register"]

CASES_JSON_VERSION = 1
"""The version of every JSON document these commands print (docs/cases.md)."""


def _now(args: argparse.Namespace) -> dt.datetime:
    now: dt.datetime = args.now or dt.datetime.now(dt.UTC)
    return now


def _load(path: str) -> Any:
    from ..cases import load_case

    return load_case(path)


def _located(error: InputError, file: str) -> InputError:
    return error.located(file)


def _incident(args: argparse.Namespace, case: Any) -> Any:
    """The outage behind the case: ``--incident-file``, else the journal's latest statement of
    that incident when the journal holds one. A ``--journal`` named but missing is an error
    (exit 3); the default journal (``$CRISISCOMMS_JOURNAL`` or ./crisiscomms.db) may be absent."""
    if case.incident is None:
        return None
    if args.incident_file:
        from ..loading import load_incident

        return load_incident(args.incident_file)
    from ..journal import Journal, default_journal_path

    path = Path(args.journal or default_journal_path())
    if not path.is_file() and not args.journal:
        return None  # no journal where one would be by default: a letter without the outage
    latest = Journal(path, create=False).latest(case.incident)
    return None if latest is None else latest.incident


def _write(text: str | bytes, target: str | None, out: TextIO) -> None:
    if target is None:
        out.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    # Written whole under a temporary name beside the target, then renamed into place.
    folder = os.path.dirname(os.path.abspath(target))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".crisiscomms-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _cmd_letter(args: argparse.Namespace, out: TextIO) -> int:
    from ..cases.letters import render_case_letter

    if args.format == "pdf" and args.out is None:
        raise CrisisError("case letter --format pdf writes a file: give --out FILE")
    case = _load(args.case)
    incident = _incident(args, case)
    try:
        letter = render_case_letter(case, args.kind, now=_now(args), templates=args.templates,
                                    incident=incident)
    except CaseError as exc:
        raise _located(exc, args.case) from None
    if args.format == "json":
        payload = {"version": CASES_JSON_VERSION, "case": case.id, "kind": args.kind,
                   "language": letter.language, "subject": letter.subject,
                   "text": letter.text, "html": letter.html}
        _write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", args.out, out)
    elif args.format == "pdf":
        from ..cases.pdf import letter_pdf

        _write(letter_pdf(letter, _config(args.templates)), args.out, out)
    else:
        _write(f"{letter.subject}\n\n{letter.text}\n", args.out, out)
    return Exit.CLEAN


def _status_dict(status: Any) -> dict[str, Any]:
    def iso(value: dt.datetime | None) -> str | None:
        return None if value is None else value.isoformat()

    return {"case_id": status.case_id, "now": iso(status.now), "resolved": status.resolved,
            "acknowledge_due": iso(status.acknowledge_due),
            "acknowledged_at": iso(status.acknowledged_at),
            "acknowledge_late_minutes": status.acknowledge_late_minutes,
            "next": status.next, "next_due": iso(status.next_due),
            "overdue_minutes": status.overdue_minutes, "updates": status.updates,
            "updates_on_time": status.updates_on_time, "owner_changed": status.owner_changed,
            "findings": [{"rule": f.rule, "severity": f.severity, "message": f.message}
                         for f in status.findings]}


def _config(templates: str | None) -> Any:
    from ..render import template_set

    return template_set(templates).config


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from ..cases.status import case_status

    case = _load(args.case)
    try:
        status = case_status(case, now=_now(args), config=_config(args.templates))
    except CaseError as exc:
        raise _located(exc, args.case) from None
    status = _with_name_findings(status, case, args.templates)
    if args.format == "json":
        payload = {"version": CASES_JSON_VERSION, **_status_dict(status)}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(f"{case.id}: acknowledgement due {status.acknowledge_due.isoformat()}"
                  + (f", made {status.acknowledged_at.isoformat()}"
                     if status.acknowledged_at else ", not made yet") + "\n")
        if status.next_due is not None:
            out.write(f"{case.id}: next {status.next} due {status.next_due.isoformat()}"
                      + (f", OVERDUE by {status.overdue_minutes} min"
                         if status.overdue_minutes else "") + "\n")
        else:
            out.write(f"{case.id}: resolved\n")
        for finding in status.findings:
            out.write(f"{args.case}: {finding.severity}: {finding.rule}: {finding.message}\n")
        if not status.findings:
            out.write(f"{case.id}: on time\n")
    return Exit.FINDINGS if status.late else Exit.CLEAN


def _with_name_findings(status: Any, case: Any, templates: str | None) -> Any:
    """The status with a warning for each letter language that has no usable form of the
    customer's name or address (``case-name-script``); warnings do not change the exit."""
    from dataclasses import replace

    from ..cases.letters import name_findings

    extra = name_findings(case, templates=templates)
    return replace(status, findings=(*status.findings, *extra)) if extra else status


def _cases(folder: str) -> list[Any]:
    from ..cases.loading import case_files

    return [_load(str(p)) for p in case_files(folder)]


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    from ..cases.report import due_queue

    rows = due_queue(_cases(args.dir), now=_now(args), config=_config(args.templates))
    if args.format == "json":
        payload = {"version": CASES_JSON_VERSION, "cases": [r.as_dict() for r in rows]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for row in rows:
            mark = f"OVERDUE {row.overdue_minutes} min" if row.overdue_minutes else "on time"
            out.write(f"{row.case_id:<12} {row.next:<12} due {row.due.isoformat()}  {mark}  "
                      f"({row.owner})\n")
        if not rows:
            out.write("no open cases\n")
    return Exit.FINDINGS if any(r.overdue_minutes for r in rows) else Exit.CLEAN


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-11-22") from None


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from ..cases.report import report_html, report_lines, weekly_report

    if args.to < args.start:
        raise CaseError("--to", [Problem("", "must not be before --from")])
    report = weekly_report(_cases(args.dir), start=args.start, end=args.to,
                           config=_config(args.templates))
    if args.format == "json":
        payload = {"version": CASES_JSON_VERSION, **report.as_dict()}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "html":
        out.write(report_html(report))
    else:
        out.write(f"Complaint cases {args.start.isoformat()} to {args.to.isoformat()}\n")
        for label, value in report_lines(report):
            out.write(f"  {label:<28} {value}\n")
    return Exit.CLEAN


def register(sub: Any) -> None:
    """Add ``case`` (``letter``, ``check``) and ``cases`` (``due``, ``report``)."""
    case = sub.add_parser("case", help="one complaint case: its letters and service levels")
    case_sub = case.add_subparsers(dest="case_command", required=True,
                                   parser_class=type(case))
    p = case_sub.add_parser("letter", help="write one letter of a case")
    p.add_argument("case", help="the case file (YAML or JSON)")
    p.add_argument("--kind", required=True, choices=("acknowledgement", "progress", "final"))
    p.add_argument("--now", type=_moment, metavar="ISO", help="the letter's date (default: now)")
    p.add_argument("--format", choices=("text", "json", "pdf"), default="text",
                   help="pdf: a print-ready letter (needs the pdf extra and --out)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    p.add_argument("--journal", metavar="DB", help="where to find the outage behind the case")
    p.add_argument("--incident-file", metavar="FILE", help="the outage behind the case")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in)")
    p.set_defaults(run=_cmd_letter)
    p = case_sub.add_parser("check", help="a case's service-level findings")
    p.add_argument("case")
    p.add_argument("--now", type=_moment, metavar="ISO")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--templates", metavar="DIR")
    p.set_defaults(run=_cmd_check)
    cases = sub.add_parser("cases", help="a folder of complaint cases: the queue, the review")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True,
                                     parser_class=type(cases))
    p = cases_sub.add_parser("due", help="every open case, the next thing owed, most urgent "
                             "first")
    p.add_argument("dir")
    p.add_argument("--now", type=_moment, metavar="ISO")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--templates", metavar="DIR")
    p.set_defaults(run=_cmd_due)
    p = cases_sub.add_parser("report", help="the weekly review of open and closed cases")
    p.add_argument("dir")
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="DATE")
    p.add_argument("--to", type=_day, required=True, metavar="DATE")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--templates", metavar="DIR")
    p.set_defaults(run=_cmd_report)
