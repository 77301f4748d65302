"""Weekday lists in a language file (``dated_weekdays``, ``[compensation] by_weekdays``) name
all seven days, Monday first, or none: a list one day short would name the wrong day for the
rest of the week, so loading refuses it with the field named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .template_copy import TemplateCopy

ENTRIES = {
    "dated_weekdays": 'dated_weekdays = ["в понедельник", "во вторник", "в среду", "в четверг", '
                      '"в пятницу", "в субботу", "в воскресенье"]',
    "by_weekdays": 'by_weekdays = ["понедельника", "вторника", "среды", "четверга", "пятницы", '
                   '"субботы", "воскресенья"]',
}


@pytest.mark.parametrize("field", sorted(ENTRIES))
def test_a_weekday_list_one_day_short_is_refused(tmp_path: Path, field: str) -> None:
    copy = TemplateCopy.of_defaults(tmp_path / "templates")
    toml = (copy.folder / "ru" / "language.toml").read_text(encoding="utf-8")
    entry = ENTRIES[field]
    assert entry in toml
    short = entry.replace(', "в воскресенье"]', "]").replace(', "воскресенья"]', "]")
    config = copy.folder / "crisiscomms.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'languages = ["he", "en"]', 'languages = ["he", "en", "ru"]'), encoding="utf-8")
    with copy.changed("ru/language.toml", toml.replace(entry, short)):
        run = subprocess.run([sys.executable, "-m", "crisiscomms", "lint", str(copy.folder)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 3, run.stdout + run.stderr
        said = run.stdout + run.stderr
        assert field in said and "expected 7 weekdays" in said, said
    # The shipped list loads.
    run = subprocess.run([sys.executable, "-m", "crisiscomms", "lint", str(copy.folder)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
