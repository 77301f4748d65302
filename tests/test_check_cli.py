"""Every path of ``crisiscomms lint`` and ``crisiscomms check``, in-process: exit codes, the
four output formats, and the errors for bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from crisiscomms.cli import main
from crisiscomms.findings import Finding
from crisiscomms.report import JSON_VERSION, format_github, format_sarif, format_text
from crisiscomms.samples import example_path

from .template_copy import TemplateCopy


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def incident(tmp_path: Path, name: str = "sample.yaml", **changes: object) -> Path:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("cli") / "templates")


# --- lint ------------------------------------------------------------------------------------


def test_lint_of_the_built_in_templates_says_so_in_one_line() -> None:
    code, out, err = run("lint")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and out.endswith("no findings\n")


def test_github_format_of_a_clean_lint_is_silent() -> None:
    assert run("lint", "--format", "github") == (0, "", "")


def test_lint_json_of_a_clean_folder(copy: TemplateCopy) -> None:
    code, out, _ = run("lint", str(copy.folder), "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["version"] == JSON_VERSION and payload["command"] == "lint"
    assert payload["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert payload["findings"] == []


def test_lint_sarif_of_a_clean_folder(copy: TemplateCopy) -> None:
    code, out, _ = run("lint", str(copy.folder), "--format", "sarif")
    log = json.loads(out)
    assert code == 0
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []


def _with_leftover(copy: TemplateCopy) -> tuple[str, str]:
    original = (copy.folder / "en" / "sms.txt").read_text(encoding="utf-8")
    return "en/sms.txt", original.replace("Thank you", "XXX Thank you", 1)


def _leftover_line(copy: TemplateCopy) -> int:
    """The line of the seeded placeholder (the template's layout may change)."""
    text = _with_leftover(copy)[1]
    return text[:text.index("XXX")].count("\n") + 1


def test_lint_text_names_file_line_severity_rule(copy: TemplateCopy) -> None:
    with copy.changed(*_with_leftover(copy)):
        code, out, err = run("lint", str(copy.folder))
    assert code == 1 and err == ""
    first = out.splitlines()[0]
    line = _leftover_line(copy)
    assert first.startswith(f"{copy.folder.as_posix()}/en/sms.txt:{line}: error placeholder: ")
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 info"


def test_lint_github_annotations(copy: TemplateCopy) -> None:
    with copy.changed(*_with_leftover(copy)):
        code, out, _ = run("lint", str(copy.folder), "--format", "github")
    assert code == 1
    assert out.startswith("::error file=") and f",line={_leftover_line(copy)},col=" in out
    assert "title=placeholder::" in out


def test_lint_sarif_results_have_rule_ids_and_locations(copy: TemplateCopy) -> None:
    with copy.changed(*_with_leftover(copy)):
        code, out, _ = run("lint", str(copy.folder), "--format", "sarif")
    run_ = json.loads(out)["runs"][0]
    assert code == 1
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["placeholder"]
    result = run_["results"][0]
    assert result["ruleId"] == "placeholder" and result["level"] == "error"
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"].endswith("en/sms.txt")
    assert physical["region"]["startLine"] == _leftover_line(copy)
    rule = run_["tool"]["driver"]["rules"][0]
    assert rule["defaultConfiguration"]["level"] == "error" and rule["shortDescription"]["text"]


def test_lint_json_finding_fields(copy: TemplateCopy) -> None:
    with copy.changed(*_with_leftover(copy)):
        code, out, _ = run("lint", str(copy.folder), "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert code == 1
    assert set(finding) == {"rule", "severity", "message", "language", "channel", "file",
                            "line", "column", "field"}
    assert (finding["language"], finding["channel"], finding["line"]) == (
        "en", "sms", _leftover_line(copy))


def test_lint_takes_a_folder_of_incidents(copy: TemplateCopy, tmp_path: Path) -> None:
    incident(tmp_path, "late.yaml", eta="2026-11-22T14:00:00+02:00")
    code, out, _ = run("lint", str(copy.folder), "--incident", str(tmp_path))
    assert code == 1 and "eta-passed" in out


def test_lint_of_a_missing_folder_is_unreadable_input(tmp_path: Path) -> None:
    code, out, err = run("lint", str(tmp_path / "nope"))
    assert (code, out) == (3, "") and "template folder not found" in err


def test_lint_with_an_invalid_incident_is_unreadable_input(tmp_path: Path) -> None:
    bad = incident(tmp_path, status="broken")
    code, _, err = run("lint", "--incident", str(bad))
    assert code == 3 and f"{bad}:" in err and "status" in err


def test_lint_with_a_missing_incident_file_is_unreadable_input(tmp_path: Path) -> None:
    code, _, err = run("lint", "--incident", str(tmp_path / "none.yaml"))
    assert code == 3 and "file not found" in err


@pytest.mark.parametrize("argv", [["lint", "--format", "xml"], ["lint", "a", "b"],
                                  ["check"], ["check", "x.yaml", "--format", "csv"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(*argv)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --- check -----------------------------------------------------------------------------------


def test_check_of_a_good_incident_is_clean() -> None:
    assert run("check", str(example_path("identified"))) == (
        0, "INC-2041: 18 messages checked (he, en); no findings\n"
        "INC-2041: also written in ar, ru, which were not checked; to check every language: "
        "--lang he --lang en --lang ar --lang ru\n", "")


def test_check_reports_a_passed_eta(tmp_path: Path) -> None:
    code, out, _ = run("check", str(incident(tmp_path, eta="2026-11-22T14:00:00+02:00")))
    assert code == 1 and "eta-passed" in out


def test_check_reports_a_cadence_warning_but_passes(tmp_path: Path) -> None:
    late = incident(tmp_path, next_update_at="2026-11-22T16:30:00+02:00")
    code, out, _ = run("check", str(late), "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["incident"] == "INC-2041" and payload["command"] == "check"
    assert [f["rule"] for f in payload["findings"]] == ["update-cadence"]


def test_check_reports_internal_text_pasted_into_a_public_field(tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data["impact"]["en"] += " " + data["internal"]["cause"]["en"]
    path = tmp_path / "leak.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run("check", str(path), "--format", "json")
    leaks = [f for f in json.loads(out)["findings"] if f["rule"] == "audience-leak"]
    assert code == 1 and leaks
    assert {f["channel"] for f in leaks} >= {"email"}
    assert "talking_points" not in {f["channel"] for f in leaks}


def test_check_reports_hebrew_singular_address_in_incident_text(tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data["impact"]["he"] = "אם אתה לא מצליח להתחבר, תוכל לנסות שוב בעוד שעה."
    path = tmp_path / "singular.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 1 and "address-form" in out


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_check_formats(fmt: str, tmp_path: Path) -> None:
    code, out, _ = run("check", str(incident(tmp_path, eta="2026-11-22T14:00:00+02:00")),
                       "--format", fmt)
    assert code == 1
    if fmt == "github":
        # The annotation lands on the incident file (the finding names it and the field).
        assert out.startswith("::error file=") and "sample.yaml,title=eta-passed::" in out
    else:
        result = json.loads(out)["runs"][0]["results"][0]
        # A finding about the incident is placed at the incident file.
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.endswith("sample.yaml")


def test_check_of_an_invalid_incident_exits_3(tmp_path: Path) -> None:
    bad = incident(tmp_path, next_update_at="2026-11-22T13:00:00+02:00")
    code, out, err = run("check", str(bad))
    assert (code, out) == (3, "") and "next_update_at" in err


def test_check_with_a_missing_template_folder_exits_3(tmp_path: Path) -> None:
    code, _, err = run("check", str(example_path("identified")), "--templates",
                       str(tmp_path / "none"))
    assert code == 3 and "template folder not found" in err


def test_check_with_a_broken_template_exits_3(copy: TemplateCopy) -> None:
    with copy.changed("en/sms.txt", "{{ f.title }"):
        code, _, err = run("check", str(example_path("identified")), "--templates",
                           str(copy.folder))
    assert code == 3 and "en/sms.txt:1" in err


def test_render_json_still_carries_findings() -> None:
    code, out, _ = run("render", str(example_path("identified")), "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


# --- formatters ------------------------------------------------------------------------------


def test_github_escapes_newlines_and_separators() -> None:
    finding = Finding("r", "warning", "50%\nnext", file="a,b:c.txt", line=1)
    assert format_github([finding]) == "::warning file=a%2Cb%3Ac.txt,line=1,title=r::50%25%0Anext\n"


def test_text_without_a_file_names_language_and_channel() -> None:
    text = format_text([Finding("r", "info", "m", language="he", channel="sms")])
    assert text.splitlines()[0] == "<he/sms>: info r: m"


def test_sarif_maps_info_to_note_and_names_the_message_logically() -> None:
    log = json.loads(format_sarif([Finding("r", "info", "m", language="he", channel="sms")]))
    result = log["runs"][0]["results"][0]
    assert result["level"] == "note"
    assert result["locations"][0]["logicalLocations"][0]["name"] == "he/sms"


# --- findings about the incident itself --------------------------------------------------------

def test_incident_findings_name_file_and_field_in_the_first_language(tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    path = incident(tmp_path, title={"he": data["title"]["he"] + "\u200d",
                                     "en": data["title"]["en"] + "\u200d"})
    code, out, _ = run("check", str(path))
    assert code == 1
    lines = [line for line in out.splitlines() if "invisible-character" in line]
    assert [line.split(": ")[1] for line in lines] == ["title.en", "title.he"]
    assert all(line.startswith(f"{path}: ") for line in lines)
    # One reader, one language: the first the config renders (Hebrew), for both fields.
    assert all("מכיל את התו" in line for line in lines), lines
    code, out, _ = run("check", str(path), "--lang", "en", "--lang", "he")
    lines = [line for line in out.splitlines() if "invisible-character" in line]
    assert len(lines) == 2 and all("which shows nothing" in line for line in lines), lines
    payload = json.loads(run("check", str(path), "--format", "json")[1])
    assert {f["field"] for f in payload["findings"]} >= {"title.he", "title.en"}
