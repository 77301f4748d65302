"""Reading a case file (YAML or JSON) through the same bounded reader as incidents.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
>>> _ = path.write_text("id: C-1\\nlanguage: he\\nreceived_via: telex\\n", encoding="utf-8")
>>> try:
...     load_case(path)
... except CaseError as err:
...     print([(p.path, p.line) for p in err.problems if p.line])
[('received_via', 3)]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import CaseError, Problem
from ..loading import DATA_SUFFIXES, Lines, read_data, validate
from .model import Case

__all__ = ["CASE_SUFFIXES", "case_files", "load_case", "parse_case"]

CASE_SUFFIXES = DATA_SUFFIXES

def parse_case(data: Any, file: str | None = None, lines: Lines | None = None) -> Case:
    """Validate already-parsed data into a :class:`Case`; :class:`CaseError` names each field.

    >>> parse_case([], "form")
    Traceback (most recent call last):
    ...
    crisiscomms.errors.CaseError: form: expected a mapping of fields at the top, got list
    """
    return validate(Case, data, file, CaseError, lines).from_file(file)


def load_case(path: str | os.PathLike[str]) -> Case:
    """Read a case from a YAML or JSON file; raises :class:`CaseError` (a ``ValueError``)
    listing every problem with its field path and line."""
    data, lines = read_data(path, CaseError)
    return parse_case(data, os.fspath(path), lines)


def case_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The case files in a folder (not its sub-folders), sorted; :class:`CaseError` when the
    folder cannot be read."""
    here = Path(folder)
    if not here.is_dir():
        raise CaseError(str(here), [Problem("", "not a folder of case files")])
    return sorted(p for p in here.iterdir()
                  if p.suffix.lower() in CASE_SUFFIXES and p.is_file() and not p.is_symlink())
