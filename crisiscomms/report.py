"""Findings as a person, a program or a CI system reads them: text, JSON, GitHub workflow
annotations, SARIF 2.1.0.

The JSON form is versioned (:data:`JSON_VERSION`; docs/json-output.md is its documentation):
fields are only ever added within a version. Paths are shown relative to the working directory
when they are inside it, so annotations and SARIF locations point into the repository.

>>> f = Finding("placeholder", "error", "'XXX' looks like a placeholder", language="en",
...             channel="sms", file="templates/en/sms.txt", line=3, column=7)
>>> print(format_text([f]), end="")
templates/en/sms.txt:3: error placeholder: 'XXX' looks like a placeholder
1 error, 0 warnings, 0 info
>>> print(format_github([f]), end="")
::error file=templates/en/sms.txt,line=3,col=7,title=placeholder::'XXX' looks like a placeholder
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .findings import Finding

if TYPE_CHECKING:
    from .rules import RuleBase

__all__ = [
    "FORMATS",
    "JSON_VERSION",
    "Format",
    "finding_dict",
    "format_findings",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "summary",
]

JSON_VERSION = 1
"""The version of the JSON output (docs/json-output.md)."""

Format = Literal["text", "json", "github", "sarif"]
FORMATS: tuple[Format, ...] = ("text", "json", "github", "sarif")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("crisiscomms")
    except PackageNotFoundError:
        return "0"


def display_path(path: str | None) -> str | None:
    """``path`` relative to the working directory when it lies inside it, with ``/``.

    >>> import os
    >>> display_path(os.path.join(os.getcwd(), "templates", "he", "sms.txt"))
    'templates/he/sms.txt'
    """
    if path is None:
        return None
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity.

    >>> summary([Finding("a", "warning", "x")])
    {'error': 0, 'warning': 1, 'info': 0}
    """
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the JSON output writes it (the path as :func:`display_path` gives it)."""
    return {"rule": finding.rule, "severity": finding.severity, "message": finding.message,
            "language": finding.language, "channel": finding.channel,
            "file": display_path(finding.file), "line": finding.line, "column": finding.column,
            "field": finding.field}


def _where(finding: Finding) -> str:
    file = display_path(finding.file)
    if file is None or finding.field:
        return dataclasses.replace(finding, file=file).location()
    return f"{file}:{finding.line}" if finding.line else file


def format_text(findings: Sequence[Finding]) -> str:
    """``file:line: severity rule: message`` per finding, then the counts (nothing at all when
    there are no findings)."""
    if not findings:
        return ""
    lines = [f"{_where(f)}: {f.severity} {f.rule}: {f.message}" for f in findings]
    counts = summary(findings)
    errors = "error" if counts["error"] == 1 else "errors"
    warnings = "warning" if counts["warning"] == 1 else "warnings"
    lines.append(f"{counts['error']} {errors}, {counts['warning']} {warnings}, "
                 f"{counts['info']} info")
    return "\n".join(lines) + "\n"


def format_json(findings: Sequence[Finding], *, command: str,
                extra: Mapping[str, Any] | None = None) -> str:
    """The versioned JSON document (docs/json-output.md)."""
    payload: dict[str, Any] = {"version": JSON_VERSION, "tool": "crisiscomms",
                               "tool_version": _tool_version(), "command": command}
    payload.update(extra or {})
    payload["summary"] = summary(findings)
    payload["findings"] = [finding_dict(f) for f in findings]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` a finding,
    which GitHub shows on the pull request's changed lines."""
    lines = []
    for f in findings:
        props = []
        file = display_path(f.file)
        if file is not None:
            props.append(f"file={_escape_property(file)}")
            if f.line:
                props.append(f"line={f.line}")
            if f.column:
                props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f.rule)}")
        where = "" if file is not None else f"{f.location()} "
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::"
                     f"{_escape_data(where + f.message)}")
    return "".join(line + "\n" for line in lines)


def _artifact(path: str) -> dict[str, str]:
    shown = display_path(path) or path
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": shown, "uriBaseId": "%SRCROOT%"}


def _rule_entry(rule_id: str, rule: RuleBase | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": rule_id}
    if rule is not None:
        entry["shortDescription"] = {"text": rule.description or rule.message}
        entry["defaultConfiguration"] = {
            "level": _SARIF_LEVEL.get(rule.level, "none") if rule.level != "off" else "none"}
        if rule.link:
            entry["helpUri"] = rule.link
    return entry


def format_sarif(findings: Sequence[Finding], *, rules: Mapping[str, RuleBase] | None = None,
                 default_file: str | None = None) -> str:
    """A SARIF 2.1.0 log (for code scanning): one run, the rules that have findings, one result
    per finding with its ``ruleId`` and location. A finding with no file of its own (about an
    incident, or a message as a whole) is placed at ``default_file`` and named logically."""
    rules = rules or {}
    ids = sorted({f.rule for f in findings})
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    results = []
    for f in findings:
        result: dict[str, Any] = {"ruleId": f.rule, "ruleIndex": index[f.rule],
                                  "level": _SARIF_LEVEL[f.severity],
                                  "message": {"text": f.message}}
        file = f.file or default_file
        location: dict[str, Any] = {}
        if file is not None:
            physical: dict[str, Any] = {"artifactLocation": _artifact(file)}
            if f.file and f.line:
                physical["region"] = {"startLine": f.line,
                                      **({"startColumn": f.column} if f.column else {})}
            location["physicalLocation"] = physical
        if f.language or f.channel:
            location["logicalLocations"] = [{"name": f"{f.language or '*'}/{f.channel or '*'}",
                                             "kind": "module"}]
        if location:
            result["locations"] = [location]
        results.append(result)
    run = {"tool": {"driver": {"name": "crisiscomms", "version": _tool_version(),
                               "rules": [_rule_entry(i, rules.get(i)) for i in ids]}},
           "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
           "results": results}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=2) + "\n"


def format_findings(findings: Sequence[Finding], fmt: Format, *, command: str,
                    rules: Mapping[str, RuleBase] | None = None,
                    extra: Mapping[str, Any] | None = None,
                    default_file: str | None = None) -> str:
    """``findings`` in the format ``fmt``."""
    if fmt == "json":
        return format_json(findings, command=command, extra=extra)
    if fmt == "github":
        return format_github(findings)
    if fmt == "sarif":
        return format_sarif(findings, rules=rules, default_file=default_file)
    return format_text(findings)
