"""The command line's exit codes: one enum every command returns, so CI can tell a wording
failure (1) from bad input (3) and from a broken tool (70).

>>> int(Exit.INTERNAL), Exit.STALE.name
(70, 'STALE')
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["Exit"]


class Exit(IntEnum):
    """The exit codes of every ``crisiscomms`` command (CONTRACT section 7)."""

    CLEAN = 0
    FINDINGS = 1
    """Error findings, overdue promises or rejected rows, where a command says so."""
    USAGE = 2
    BAD_INPUT = 3
    STALE = 4
    """A statement not newer than the journal's latest for its incident."""
    INTERNAL = 70
    """A bug in crisiscomms (EX_SOFTWARE): the user is asked to report it."""
