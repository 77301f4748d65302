"""The ``preview`` command."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``preview`` subcommand to the ``crisiscomms`` parser."""
