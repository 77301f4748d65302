"""The exit codes of every ``crisiscomms`` command, in one place (CONTRACT section 7).

A leaf module: the command modules import it, and it imports nothing of theirs.

>>> int(Exit.INTERNAL), Exit.for_findings(["warning"]), Exit.for_findings(["error"])
(70, <Exit.CLEAN: 0>, <Exit.FINDINGS: 1>)
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

__all__ = ["Exit"]


class Exit(IntEnum):
    """The command's exit codes."""

    CLEAN = 0
    FINDINGS = 1
    """Error findings (or overdue, or rows rejected, where a command says so)."""
    USAGE = 2
    BAD_INPUT = 3
    STALE = 4
    """Reserved: a statement older than the latest one published."""
    INTERNAL = 70
    """A bug in crisiscomms itself (EX_SOFTWARE of sysexits.h)."""

    @classmethod
    def for_findings(cls, severities: Iterable[str]) -> Exit:
        """FINDINGS when any severity is ``error``, else CLEAN."""
        return cls.FINDINGS if any(s == "error" for s in severities) else cls.CLEAN
