"""Complaint cases (issue 13, CONTRACT section 9): the model and loader refuse bad input with
the file, the field path and the line."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from crisiscomms.cases import load_case, parse_case
from crisiscomms.cases.loading import case_files
from crisiscomms.cases.model import EXAMPLE, Case, EventKind
from crisiscomms.errors import CaseError, InputError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"


def _case(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(CaseError) as caught:
        parse_case(data, "case.yaml")
    return {p.path: p.message for p in caught.value.problems}


def test_examples_load() -> None:
    names = {p.name for p in case_files(EXAMPLES)}
    assert names == {"fax-before-weekend.yaml", "email-over-holiday.yaml",
                     "justified-voucher.yaml", "not-justified.yaml"}
    cases = {p.stem: load_case(p) for p in case_files(EXAMPLES)}
    assert cases["fax-before-weekend"].received_via == "fax"
    assert not cases["fax-before-weekend"].resolved
    voucher = cases["justified-voucher"]
    assert voucher.resolution is not None and voucher.resolution.compensation is not None
    assert voucher.source is not None and voucher.source.endswith("justified-voucher.yaml")


def test_case_error_is_an_input_error() -> None:
    assert issubclass(CaseError, InputError) and issubclass(CaseError, ValueError)


def test_event_before_receipt_names_the_event() -> None:
    data = _case(events=[{"at": "2026-11-26T16:00:00+02:00", "kind": "acknowledged"}])
    assert "events[0].at" in _problems(data)


def test_events_out_of_order() -> None:
    data = _case(events=[{"at": "2026-11-26T18:00:00+02:00", "kind": "acknowledged"},
                         {"at": "2026-11-26T17:00:00+02:00", "kind": "customer_contacted"}])
    assert "oldest first" in _problems(data)["events[1].at"]


def test_resolved_without_resolution() -> None:
    data = _case(events=[{"at": "2026-11-26T18:00:00+02:00", "kind": "resolved"}])
    assert "required" in _problems(data)["resolution"]


def test_resolution_before_resolved_is_refused() -> None:
    data = _case(resolution={"outcome": "justified", "summary": {"he": "טופל"}})
    assert "must be empty" in _problems(data)["resolution"]


def test_voucher_valid_before_the_resolution() -> None:
    data = _case(
        purchase={"amount": 100, "currency": "ILS", "date": "2026-11-01"},
        events=[{"at": "2026-11-28T10:00:00+02:00", "kind": "resolved"}],
        resolution={"outcome": "justified", "summary": {"he": "טופל"},
                    "compensation": {"percent": 10, "kind": "voucher",
                                     "valid_until": "2026-11-27"}})
    assert "before the resolution" in _problems(data)["resolution.compensation.valid_until"]


def test_compensation_needs_a_purchase() -> None:
    data = _case(events=[{"at": "2026-11-28T10:00:00+02:00", "kind": "resolved"}],
                 resolution={"outcome": "justified", "summary": {"he": "טופל"},
                             "compensation": {"percent": 10, "kind": "voucher",
                                              "valid_until": "2027-01-31"}})
    assert "resolution.compensation.of" in _problems(data)


def test_customer_needs_a_way_to_reach_them() -> None:
    data = _case(customer={"name": "דנה"})
    assert "at least one way" in _problems(data)["customer"]


def test_owner_required() -> None:
    data = _case()
    del data["owner"]
    assert "owner" in _problems(data)


def test_text_missing_in_the_case_language() -> None:
    data = _case(language="en")
    problems = _problems(data)
    assert "subject.en" in problems and "owner.name.en" in problems


def test_naive_datetime_refused() -> None:
    assert "received_at" in _problems(_case(received_at="2026-11-26T16:40:00"))


def test_party_required_for_contacted_party() -> None:
    data = _case(events=[{"at": "2026-11-26T18:00:00+02:00", "kind": "contacted_party"}])
    assert "events[0].party" in _problems(data)


def test_nothing_after_resolved() -> None:
    data = _case(events=[{"at": "2026-11-26T18:00:00+02:00", "kind": "resolved"},
                         {"at": "2026-11-26T19:00:00+02:00", "kind": "progress_update"}],
                 resolution={"outcome": "not_justified", "summary": {"he": "לא"}})
    assert "events[1]" in _problems(data)


def test_bidi_controls_refused_or_cleaned() -> None:
    data = _case(subject={"he": "\u200fהמקרר\u200e הגיע"})
    assert Case.model_validate(data).subject["he"] == "המקרר הגיע"


def test_file_errors_name_file_field_and_line(tmp_path: Path) -> None:
    source = (EXAMPLES / "fax-before-weekend.yaml").read_text(encoding="utf-8")
    bad = source.replace("2026-11-29T09:30:00+02:00", "2026-11-27T09:30:00+02:00")
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(path)
    (problem,) = caught.value.problems
    assert problem.path == "events[1].at"
    line = bad.splitlines()[problem.line - 1] if problem.line else ""
    assert "2026-11-27T09:30" in line
    assert str(path) in str(caught.value)


def test_json_case(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert load_case(path).id == "CASE-1"


def test_event_kinds_stable() -> None:
    assert [k.value for k in EventKind] == ["acknowledged", "contacted_party",
                                            "progress_update", "customer_contacted", "resolved"]


def test_a_rule_between_fields_is_an_error_at_that_field_with_its_line(tmp_path: Path) -> None:
    """The case model itself raises one error per field (not one error of many lines), so the
    file's reader and Pydantic's own errors name the field, and the file its line."""
    data = _case(events=[{"at": "2026-11-26T18:00:00+02:00", "kind": "acknowledged"},
                         {"at": "2026-11-26T17:00:00+02:00", "kind": "customer_contacted"}])
    with pytest.raises(ValidationError) as caught:
        Case.model_validate(data)
    assert [e["loc"] for e in caught.value.errors()] == [("events", 1, "at")]
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(json.loads(json.dumps(data, default=str)),
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CaseError) as loaded:
        load_case(path)
    (problem,) = loaded.value.problems
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.path == "events[1].at" and "oldest first" in problem.message
    assert problem.line is not None and "17:00:00" in lines[problem.line - 1]
