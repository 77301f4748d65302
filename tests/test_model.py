"""Bad input: every rule of CONTRACT section 3 is refused with the field path, and the file
and line where the file says it; valid files load."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import Incident, IncidentError, load_incident, parse_incident
from crisiscomms.samples import example_names, example_path

BASE: dict[str, Any] = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))


def broken(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


CASES = [
    pytest.param(broken(extra_field=1), "extra_field", "unknown field", id="unknown-field"),
    pytest.param(broken(status="down"), "status", "investigating", id="bad-enum"),
    pytest.param(broken(severity=3), "severity", "minor", id="wrong-type"),
    pytest.param(broken(id="INC 1"), "id", "letters, digits", id="id-pattern"),
    pytest.param(broken(id="x" * 65), "id", "1 to 64", id="id-too-long"),
    pytest.param(broken(updated_at="2026-11-22T14:10:00"), "updated_at", "UTC offset",
                 id="naive-datetime"),
    pytest.param(broken(eta="2026-11-22T12:00:00+02:00"), "eta", "before started_at",
                 id="eta-before-start"),
    pytest.param(broken(status="resolved", next_update_at=...), "resolved_at",
                 "required when status is resolved", id="resolved-without-resolved_at"),
    pytest.param(broken(next_update_at="2026-11-22T14:00:00+02:00"), "next_update_at",
                 "earlier than updated_at", id="next-update-in-the-past"),
    pytest.param(broken(next_update_at=...), "next_update_at", "required while status",
                 id="next-update-missing"),
    pytest.param(broken(title={"he": "", "en": "x"}), "title.he", "empty", id="empty-string"),
    pytest.param(broken(title={"he": "   ", "en": "x"}), "title.he", "empty", id="blank-string"),
    pytest.param(broken(title={"he": "א" * 121, "en": "x"}), "title.he", "at most 120",
                 id="over-long"),
    pytest.param(broken(impact={"he": "שעה \u202e03:41", "en": "x"}), "impact.he", "U+202E",
                 id="bidi-override"),
    pytest.param(broken(impact={"he": "\u2066x\u2069", "en": "x"}), "impact.he", "U+2066",
                 id="bidi-isolate"),
    pytest.param(broken(impact={"he": "a\u202ab", "en": "x"}), "impact.he", "U+202A",
                 id="bidi-embedding"),
    pytest.param(broken(services=[]), "services", "at least one entry", id="no-services"),
    pytest.param(broken(services=[{"id": "a", "name": {"he": "א"}},
                                  {"id": "a", "name": {"he": "ב"}}]),
                 "services", "twice", id="duplicate-service"),
    pytest.param(broken(compensation={"percent": 0, "kind": "voucher"}), "compensation.percent",
                 "must be at least 1", id="compensation-zero"),
    pytest.param(broken(title={"HE": "x"}), "title", "language code", id="bad-language-key"),
    pytest.param(broken(started_at="2026-11-22T15:00:00+02:00"), "started_at",
                 "after updated_at", id="start-after-update"),
    pytest.param(broken(resolved_at="2026-11-22T14:00:00+02:00"), "resolved_at",
                 "must be empty while status", id="resolved_at-while-open"),
]


@pytest.mark.parametrize(("data", "path", "expected"), CASES)
def test_bad_input_names_field(data: dict[str, Any], path: str, expected: str) -> None:
    with pytest.raises(IncidentError) as info:
        parse_incident(data, "x.yaml")
    problems = {p.path: p.message for p in info.value.problems}
    assert path in problems, problems
    assert expected in problems[path]
    assert isinstance(info.value, ValueError)


def test_bare_marks_are_removed() -> None:
    data = broken(title={"he": "\u200fתקלה\u200e באתר", "en": "Outage\u061c"})
    incident = parse_incident(data)
    assert incident.title["he"] == "תקלה באתר"
    assert incident.title["en"] == "Outage"


def test_yaml_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "inc.yaml"
    text = example_path("identified").read_text(encoding="utf-8")
    path.write_text(text.replace("severity: major", "severity: huge"), encoding="utf-8")
    with pytest.raises(IncidentError) as info:
        load_incident(path)
    problem = info.value.problems[0]
    assert info.value.file == str(path)
    assert problem.path == "severity"
    assert problem.line == text.splitlines().index("severity: major") + 1


def test_nested_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "inc.yaml"
    text = example_path("identified").read_text(encoding="utf-8")
    path.write_text(text.replace("id: account", "id: acc ount"), encoding="utf-8")
    with pytest.raises(IncidentError) as info:
        load_incident(path)
    problem = info.value.problems[0]
    assert problem.path == "services[1].id"
    assert problem.line == text.splitlines().index("  - id: account") + 1


def test_malformed_yaml(tmp_path: Path) -> None:
    path = tmp_path / "inc.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(IncidentError, match="not valid YAML") as info:
        load_incident(path)
    assert info.value.problems[0].line is not None


def test_json_loads_like_yaml(tmp_path: Path) -> None:
    incident = load_incident(example_path("identified"))
    path = tmp_path / "inc.json"
    path.write_text(incident.model_dump_json(), encoding="utf-8")
    assert load_incident(path) == incident


def test_json_error(tmp_path: Path) -> None:
    path = tmp_path / "inc.json"
    path.write_text("{\"id\": ", encoding="utf-8")
    with pytest.raises(IncidentError, match="not valid JSON"):
        load_incident(path)


@pytest.mark.parametrize("name", example_names())
def test_examples_load(name: str) -> None:
    assert isinstance(load_incident(example_path(name)), Incident)


def test_schema_is_json() -> None:
    schema = Incident.model_json_schema()
    assert set(schema["required"]) >= {"id", "status", "severity", "updated_at", "title"}
    assert schema["additionalProperties"] is False
    json.dumps(schema)


def test_incident_is_frozen() -> None:
    incident = load_incident(example_path("identified"))
    with pytest.raises(ValueError, match="frozen"):
        setattr(incident, "id", "x")  # noqa: B010 -- the assignment a user might try
