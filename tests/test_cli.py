"""Every command path in-process: exit codes, stdout and stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crisiscomms.cli import main
from crisiscomms.config import default_templates_dir
from crisiscomms.samples import example_path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_render_text() -> None:
    code, out, err = run("render", str(example_path("identified")), "--lang", "en",
                         "--channel", "sms")
    assert (code, err) == (0, "")
    assert "===== en / sms =====" in out and "Next update: 15:00" in out


def test_render_json_is_versioned() -> None:
    code, out, _ = run("render", str(example_path("investigating")), "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["version"] == 1 and payload["incident"] == "INC-2050"
    pairs = {(m["language"], m["channel"]) for m in payload["messages"]}
    assert ("he", "ivr") in pairs and ("en", "email") in pairs
    assert all(isinstance(f["rule"], str) for f in payload["findings"])


def test_render_bad_input_exit_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: INC-1\nstatus: down\n", encoding="utf-8")
    code, out, err = run("render", str(bad))
    assert code == 3 and out == ""
    assert f"{bad}:2: status:" in err and "Traceback" not in err


def test_render_missing_file_exit_3() -> None:
    code, _, err = run("render", "no/such/file.yaml")
    assert code == 3 and "no/such/file.yaml: file not found" in err


def test_render_unknown_channel_exit_3() -> None:
    code, _, err = run("render", str(example_path("identified")), "--channel", "fax")
    assert code == 3 and "unknown channel 'fax'" in err


def test_render_bad_templates_folder_exit_3(tmp_path: Path) -> None:
    code, _, err = run("render", str(example_path("identified")), "--templates",
                       str(tmp_path / "none"))
    assert code == 3 and "template folder not found" in err


def test_render_broken_config_exit_3(tmp_path: Path) -> None:
    code, _, _ = run("init", str(tmp_path / "t"))
    config = tmp_path / "t" / "crisiscomms.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'time_zone = "Asia/Jerusalem"', 'time_zone = "Mars/Olympus"'), encoding="utf-8")
    code, _, err = run("render", str(example_path("identified")), "--templates",
                       str(tmp_path / "t"))
    assert code == 3 and "organisation.time_zone" in err and "Mars/Olympus" in err


def test_usage_error_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        run("render")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("render", "x.yaml", "--format", "xml")
    assert info.value.code == 2


def test_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["title"] == "Incident"


def test_init_copies_templates(tmp_path: Path) -> None:
    target = tmp_path / "team"
    code, out, _ = run("init", str(target))
    assert code == 0 and str(target) in out
    names = {p.relative_to(target) for p in target.rglob("*") if p.is_file()}
    defaults = {p.relative_to(default_templates_dir())
                for p in default_templates_dir().rglob("*") if p.is_file()}
    assert names == defaults
    code, _, err = run("init", str(target))
    assert code == 3 and "not empty" in err


def test_render_with_init_copy(tmp_path: Path) -> None:
    run("init", str(tmp_path / "t"))
    sms = tmp_path / "t" / "en" / "sms.txt"
    sms.write_text("Edited: {{ f.next_update.time }}", encoding="utf-8")
    code, out, _ = run("render", str(example_path("identified")), "--templates",
                       str(tmp_path / "t"), "--lang", "en", "--channel", "sms")
    assert code == 0 and "Edited: 15:00" in out


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "crisiscomms", "schema"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and '"Incident"' in result.stdout


def test_public_api_matches_contract() -> None:
    import crisiscomms

    contract = {"Incident", "load_incident", "IncidentError", "render", "Bundle", "Message",
                "Finding", "lint", "sms_segments", "visual"}
    assert contract <= set(crisiscomms.__all__)
    for name in crisiscomms.__all__:
        assert getattr(crisiscomms, name).__doc__, name
    assert issubclass(crisiscomms.IncidentError, ValueError)
