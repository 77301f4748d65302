"""`crisiscomms check` says which languages of the incident it did not check (reading 17: a plain
`check FILE` looked at he and en only, silently, while the incident carried ar and ru text)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml

from crisiscomms.cli import main
from crisiscomms.samples import example_path


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue()


def test_a_plain_check_names_the_languages_it_left_out() -> None:
    code, out = run("check", str(example_path("monitoring")))
    assert code == 0
    assert out.splitlines()[-1] == (
        "INC-2033: also written in ar, ru, which were not checked; to check every language: "
        "--lang he --lang en --lang ar --lang ru")


def test_checking_every_language_says_nothing_more() -> None:
    code, out = run("check", str(example_path("monitoring")), "--lang", "he", "--lang", "en",
                    "--lang", "ar", "--lang", "ru")
    assert code == 0
    assert "not checked" not in out
    assert "(he, en, ar, ru); no findings" in out


def test_json_lists_checked_and_unchecked(tmp_path: Path) -> None:
    code, out = run("check", str(example_path("monitoring")), "--lang", "ar", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["languages"] == ["ar"]
    assert report["unchecked_languages"] == ["en", "he", "ru"]


def test_an_incident_in_the_config_languages_only_gets_no_note(tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("monitoring").read_text(encoding="utf-8"))

    def keep(node: object) -> object:
        if isinstance(node, dict):
            if set(node) >= {"he", "en"} and set(node) <= {"he", "en", "ar", "ru"}:
                return {k: v for k, v in node.items() if k in ("he", "en")}
            return {k: keep(v) for k, v in node.items()}
        if isinstance(node, list):
            return [keep(v) for v in node]
        return node

    path = tmp_path / "heen.yaml"
    path.write_text(yaml.safe_dump(keep(data), allow_unicode=True), encoding="utf-8")
    code, out = run("check", str(path))
    assert code == 0, out
    assert "not checked" not in out
    assert out.endswith("(he, en); no findings\n")


def test_the_note_follows_findings_too(tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("monitoring").read_text(encoding="utf-8"))
    data["impact"]["he"] = data["impact"]["he"] + " הבוקר"
    path = tmp_path / "relday.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out = run("check", str(path))
    assert code == 0  # a warning
    assert "relative-day-lasting" in out
    assert out.splitlines()[-1].startswith("INC-2033: also written in ar, ru")
