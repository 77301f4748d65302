"""A case's outage from the journal (issue 13 step 6): ``case letter --journal DB`` with no
``--incident-file`` finds the incident the case names among the published statements."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from crisiscomms.cli import main
from crisiscomms.journal import Journal
from crisiscomms.samples import load_example

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
CASE = str(EXAMPLES / "justified-voucher.yaml")  # incident: INC-2012
NOW = "2026-11-26T12:30:00+02:00"


def _letter(*extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["case", "letter", CASE, "--kind", "final", "--now", NOW, *extra],
                out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_final_letter_takes_the_outage_from_the_journal(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    incident = load_example("compensation")
    assert incident.id == "INC-2012"
    Journal(db).publish(incident)
    code, text, err = _letter("--journal", str(db))
    assert code == 0, err
    # The outage by its title, when it began and when service came back.
    for expected in ('לתקלה "הפסקה בשירותי הסלולר במרכז"', "20 בנובמבר 2026",
                     "השירות חזר לפעול כסדרו", "21 בנובמבר 2026", "17:50"):
        assert expected in text, expected
    # The same letter as with the incident file itself.
    assert _letter("--incident-file", str(EXAMPLES.parent / "compensation.yaml"))[1] == text


def test_journal_without_that_incident_gives_a_letter_without_the_outage(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    other = load_example("compensation").model_copy(update={"id": "INC-9999"})
    Journal(db).publish(other)
    code, text, err = _letter("--journal", str(db))
    assert code == 0, err
    assert "השתלשלות הטיפול" in text and "הפסקה בשירותי הסלולר" not in text


def test_default_journal_from_the_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "crisiscomms.db"
    Journal(db).publish(load_example("compensation"))
    monkeypatch.setenv("CRISISCOMMS_JOURNAL", str(db))
    code, text, err = _letter()
    assert code == 0, err
    assert "השירות חזר לפעול כסדרו" in text


def test_a_named_journal_that_is_missing_is_bad_input(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    code, text, err = _letter("--journal", str(missing))
    assert code == 3 and str(missing) in err and text == ""
    assert not missing.exists()
