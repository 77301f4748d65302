"""The ``lint`` and ``check`` commands (the wording gate).

``lint`` is for CI: it checks a template folder statically and over sample incidents, and exits
1 on any error finding. ``check`` is the last look before publishing during a crisis: it
validates one incident and every message it renders. Both print findings as text, JSON, GitHub
annotations or SARIF (:mod:`crisiscomms.report`); bad input raises, and the command line maps
that to exit 3.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..findings import Finding
from ..report import FORMATS, format_findings
from .exits import Exit

if TYPE_CHECKING:
    from ..rules import RuleBase

__all__ = ["register"]

def _exit_code(findings: Sequence[Finding]) -> int:
    return Exit.FINDINGS if any(f.severity == "error" for f in findings) else Exit.CLEAN


def _incident_files(given: Sequence[str]) -> list[str]:
    """Each ``--incident``: a file, or a folder whose YAML and JSON files are all samples."""
    from ..loading import DATA_SUFFIXES

    files: list[str] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            files += sorted(str(p) for p in path.iterdir() if p.suffix.lower() in DATA_SUFFIXES)
        else:
            files.append(item)
    return files


def _rules_by_id(folder: Path, languages: Sequence[str]) -> dict[str, RuleBase]:
    from ..rules import load_rules

    found: dict[str, RuleBase] = {}
    for lang in languages:
        for rule in load_rules(folder, lang).rules:
            found.setdefault(rule.id, rule)
    return found


def _cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    from ..lint.run import lint, sample_incidents
    from ..render import template_set

    ts = template_set(args.templates_dir)
    samples = sample_incidents() + sample_incidents(_incident_files(args.incident or []))
    findings = lint(ts.folder, samples)
    rules = _rules_by_id(ts.folder, ts.config.organisation.languages)
    out.write(format_findings(findings, args.format, command="lint", rules=rules,
                              extra={"templates": str(ts.folder)},
                              default_file=str(ts.folder / "crisiscomms.toml")))
    if not findings and args.format == "text":
        # As `check` does: a gate that passes says what it looked at, in one line.
        out.write(f"{ts.folder}: templates and rules checked over {len(samples)} sample "
                  f"incidents; no findings\n")
    return _exit_code(findings)


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from ..loading import load_incident
    from ..render import render, template_set

    incident = load_incident(args.incident)
    ts = template_set(args.templates)
    bundle = render(incident, templates=ts.folder, languages=args.lang or None)
    findings = list(bundle.findings)
    rules = _rules_by_id(ts.folder, bundle.languages)
    unchecked = _unchecked_languages(incident.title.root, bundle.languages,
                                     ts.shipped_languages())
    out.write(format_findings(findings, args.format, command="check", rules=rules,
                              extra={"incident": incident.id, "templates": str(ts.folder),
                                     "languages": list(bundle.languages),
                                     "unchecked_languages": list(unchecked)},
                              default_file=args.incident))
    if args.format == "text":
        if not findings:
            # The last look before publishing: say plainly that it was looked at.
            out.write(f"{incident.id}: {len(bundle)} messages checked "
                      f"({', '.join(bundle.languages)}); no findings\n")
        if unchecked:
            # A pass must not read as covering text it never looked at: an incident written
            # in Arabic too is checked in Arabic only when asked (reading 17).
            flags = " ".join(f"--lang {lang}" for lang in (*bundle.languages, *unchecked))
            out.write(f"{incident.id}: also written in {', '.join(unchecked)}, which were "
                      f"not checked; to check every language: {flags}\n")
    return _exit_code(findings)


def _unchecked_languages(written: Mapping[str, str], checked: Sequence[str],
                         shipped: Sequence[str]) -> tuple[str, ...]:
    """The languages the incident is written in and the templates ship, but not checked.

    >>> _unchecked_languages({"he": "x", "ar": "y", "fr": "z"}, ["he"], ["he", "ar", "ru"])
    ('ar',)
    """
    return tuple(lang for lang in shipped if lang in written and lang not in checked)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``lint`` and ``check`` subcommands to the ``crisiscomms`` parser."""
    p = sub.add_parser("lint", help="check templates and rules: the CI gate for wording",
                       description="Check a template folder statically and over sample "
                       "incidents. Exit 0 clean, 1 error findings, 2 usage, 3 unreadable "
                       "input.")
    p.add_argument("templates_dir", nargs="?", metavar="TEMPLATES_DIR",
                   help="the template folder (default: the built-in templates)")
    p.add_argument("--incident", action="append", metavar="FILE",
                   help="a sample incident (or a folder of them) to render besides the "
                   "built-in examples (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.set_defaults(run=_cmd_lint)
    p = sub.add_parser("check", help="check an incident and every message it renders",
                       description="The last look before publishing. Exit 0 clean, 1 error "
                       "findings, 3 bad input.")
    p.add_argument("incident", help="the incident file (YAML or JSON)")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in)")
    p.add_argument("--lang", action="append", metavar="L",
                   help="check only this language (repeatable); findings about the incident "
                   "itself read in the first one (default: every language, in the config's "
                   "order)")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.set_defaults(run=_cmd_check)
