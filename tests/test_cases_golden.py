"""Golden files for the complaint-case letters: every sample case in examples/cases/, every
kind it has (``final`` only once resolved), in Hebrew and in English, byte for byte.

Each letter is dated as a rep would send it: the acknowledgement at the acknowledging event,
the progress letter at the latest progress update (else half an hour after the latest step),
the final letter half an hour after the resolving call. After an intended wording change:

    CRISISCOMMS_UPDATE_GOLDEN=1 python -m pytest tests/test_cases_golden.py
    git diff tests/golden/cases
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from crisiscomms.cases import Case, load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.cases.model import EventKind
from crisiscomms.samples import load_example

from .test_golden import serialise

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
GOLDEN = Path(__file__).parent / "golden" / "cases"
UPDATE = os.environ.get("CRISISCOMMS_UPDATE_GOLDEN") == "1"
HALF_HOUR = dt.timedelta(minutes=30)
INCIDENTS = {"INC-2012": "compensation"}


def _dates(case: Case) -> dict[str, dt.datetime]:
    """The date of each letter the case has."""
    ack = next((e.at for e in case.events if e.kind is EventKind.ACKNOWLEDGED),
               case.received_at + HALF_HOUR)
    open_steps = [e for e in case.events if e.kind is not EventKind.RESOLVED]
    updates = [e.at for e in open_steps if e.kind is EventKind.PROGRESS_UPDATE]
    progress = updates[-1] if updates else (open_steps[-1].at if open_steps
                                            else case.received_at) + HALF_HOUR
    dates = {"acknowledgement": ack, "progress": progress}
    resolved = [e.at for e in case.events if e.kind is EventKind.RESOLVED]
    if resolved:
        dates["final"] = resolved[0] + HALF_HOUR
    return dates


def _letters() -> list[tuple[str, str, str]]:
    return [(path.stem, lang, kind) for path in sorted(EXAMPLES.glob("*.yaml"))
            for lang in ("he", "en") for kind in _dates(load_case(path))]


@pytest.mark.parametrize(("stem", "lang", "kind"), _letters())
def test_case_letter_golden(stem: str, lang: str, kind: str) -> None:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    now = _dates(case)[kind]
    incident = load_example(INCIDENTS[case.incident]) if case.incident in INCIDENTS else None
    letter = render_case_letter(case.model_copy(update={"language": lang}), kind, now=now,
                                incident=incident)
    path = GOLDEN / stem / f"{lang}.{kind}.txt"
    actual = serialise(letter)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}; regenerate (see this module's docstring)"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs; review and regenerate"


def test_no_stale_case_golden_files() -> None:
    expected = {GOLDEN / stem / f"{lang}.{kind}.txt" for stem, lang, kind in _letters()}
    stale = sorted(str(p) for p in GOLDEN.glob("*/*.txt") if p not in expected)
    assert stale == [], f"golden files for letters no longer rendered: {stale}"
