"""Every command path in-process: exit codes, stdout and stderr."""

from __future__ import annotations

import errno
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _fail_at(n: int, errno_: int) -> Callable[..., Any]:
    """A ``shutil.copyfile`` that fails with ``errno_`` at its ``n``-th file."""
    real = shutil.copyfile
    calls = itertools.count(1)

    def copyfile(src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
        if next(calls) == n:
            raise OSError(errno_, os.strerror(errno_), str(dst))
        return real(src, dst, *args, **kwargs)

    return copyfile


@pytest.mark.parametrize("errno_", [errno.ENOSPC, errno.EROFS])
def test_init_that_fails_part_way_leaves_nothing_behind(tmp_path: Path, errno_: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new" / "team"
    monkeypatch.setattr(shutil, "copyfile", _fail_at(5, errno_))
    code, out, err = run("init", str(target))
    assert (code, out) == (3, "")
    assert err.count("\n") == 1 and os.strerror(errno_) in err and str(target) in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # not the target, the staging copy, nor "new"
    monkeypatch.undo()
    code, _, _ = run("init", str(target))
    assert code == 0 and (target / "en" / "sms.txt").is_file()


def test_init_whose_rename_fails_leaves_nothing_behind(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(src: Any, dst: Any) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dst))

    target = tmp_path / "team"
    target.mkdir()  # empty: init may fill it, and must leave it as it was on failure
    monkeypatch.setattr(os, "rename", rename)
    code, _, err = run("init", str(target))
    assert code == 3 and "Read-only file system" in err
    assert [p.name for p in tmp_path.iterdir()] == ["team"] and not any(target.iterdir())


def test_init_onto_a_file_is_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run("init", str(target))
    assert code == 3 and "not a folder" in err and target.read_text(encoding="utf-8") == "mine"


def test_init_copies_only_regular_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "source"
    shutil.copytree(default_templates_dir(), source)
    (source / "en" / "secret.txt").symlink_to("/etc/hostname")
    os.mkfifo(source / "en" / "pipe.txt")
    monkeypatch.setattr("crisiscomms.config.default_templates_dir", lambda: source)
    code, _, err = run("init", str(tmp_path / "team"))
    assert code == 0, err
    copied = {p.name for p in (tmp_path / "team" / "en").iterdir()}
    assert "sms.txt" in copied and not {"secret.txt", "pipe.txt"} & copied


def test_an_internal_error_exits_70_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr("crisiscomms.loading.load_incident", broken)
    code, out, err = run("render", str(example_path("identified")))
    assert (code, out) == (70, "")
    assert err.count("\n") == 1 and "RuntimeError" in err and "report" in err
    assert "Traceback" not in err
    for argv in (["--debug", "render", str(example_path("identified"))],
                 ["render", str(example_path("identified")), "--debug"]):
        code, _, err = run(*argv)
        assert code == 70 and "Traceback" in err and "a bug" in err and "RuntimeError" in err


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
