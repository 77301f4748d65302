"""The ``lint`` and ``check`` commands (the wording gate)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``lint`` and ``check`` subcommands to the ``crisiscomms`` parser."""
