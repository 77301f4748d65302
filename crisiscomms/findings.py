"""Findings: what a check found wrong (or worth knowing) about a template or a message.

Checks return findings instead of raising, so one run reports everything at once and the
caller decides what fails (the command line exits 1 on any ``error``).

>>> f = Finding("sms-segments", "error", "3 segments; the budget is 2", language="he",
...             channel="sms")
>>> f.location()
'<he/sms>'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Finding", "Severity", "worst"]

Severity = Literal["error", "warning", "info"]
_RANK = {"error": 2, "warning": 1, "info": 0}


@dataclass(frozen=True, order=True)
class Finding:
    """One finding: a stable rule id, a severity, a message, and where it applies."""

    rule: str
    severity: Severity
    message: str
    language: str | None = None
    channel: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    """For a finding about the incident itself: the field it is about (``title.he``)."""

    def location(self) -> str:
        """``file:line`` when known, ``file: field`` for the incident's own text, else
        ``<language/channel>``.

        >>> Finding("r", "error", "m", file="inc.yaml", field="title.he").location()
        'inc.yaml: title.he'
        """
        if self.field:
            return f"{self.file or '<incident>'}: {self.field}"
        if self.file:
            return f"{self.file}:{self.line}" if self.line else self.file
        return f"<{self.language or '*'}/{self.channel or '*'}>"


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    """The most severe level among ``findings``, or None when there are none.

    >>> worst([Finding("a", "info", "x"), Finding("b", "warning", "y")])
    'warning'
    """
    if not findings:
        return None
    best = max(findings, key=lambda f: _RANK[f.severity])
    return best.severity
