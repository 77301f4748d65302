"""Hostile incident, config and rule files: each is refused with exit 3, naming the file and the
field (or line), never a traceback; the bombs stay within time and memory in a subprocess."""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.cli import main
from crisiscomms.config import default_templates_dir
from crisiscomms.errors import ConfigError, IncidentError
from crisiscomms.loading import MAX_DEPTH, MAX_FILE_BYTES, load_incident, read_data
from crisiscomms.samples import example_names, example_path

from .template_copy import TemplateCopy

ALIAS_BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
              + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
                        for p, c in zip("abcdefgh", "bcdefghi", strict=True)))


def _example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(example_path("resolved").read_text("utf-8"))
    return data


def _with(**changes: Any) -> str:
    data = _example()
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        here = data
        for part in parents:
            here = here.setdefault(part, {})
        here[last] = value
    return json.dumps(data, ensure_ascii=False, default=str)


def run_check(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(path)], out=out, err=err)
    return code, err.getvalue()


def named(path: Path, stderr: str) -> bool:
    """Whether the error names the file and a place in it: a line or a field path."""
    return re.search(re.escape(str(path)) + r"(:\d+: |: [\w\[\].]+: )", stderr) is not None


# name, file suffix, content, the field (or None when only a line can be named)
HOSTILE: list[tuple[str, str, str, str | None]] = [
    ("alias-bomb", ".yaml", ALIAS_BOMB, None),
    ("self-alias", ".yaml", "id: &a [*a]\n", "id"),
    ("deep-json", ".json", "[" * 100_000 + "]" * 100_000, None),
    ("deep-yaml-flow", ".yaml", "id: " + "[" * 100_000 + "]" * 100_000, "id"),
    ("deep-yaml-block", ".yaml", "".join(f"{' ' * i}k:\n" for i in range(200)), "k"),
    ("duplicate-yaml-key", ".yaml", "id: A\nstatus: resolved\nid: B\n", "id"),
    ("duplicate-json-key", ".json", '{"id": "A",\n "id": "B"}', "id"),
    ("percent-true", ".json", _with(compensation={"percent": True, "kind": "credit"}),
     "compensation.percent"),
    ("percent-string", ".json", _with(compensation={"percent": "10", "kind": "credit"}),
     "compensation.percent"),
    ("contacts-huge", ".json", _with(internal={"backlog": {"open_contacts": 10**30}}),
     "internal.backlog.open_contacts"),
    ("contacts-string", ".json", _with(internal={"backlog": {"open_contacts": "12"}}),
     "internal.backlog.open_contacts"),
    ("year-9999", ".json", _with(updated_at="9999-12-31T23:59:00+23:59"), "updated_at"),
    ("year-1", ".json", _with(started_at="0001-01-01T00:00:00-23:59"), "started_at"),
    ("year-1-yaml", ".yaml", "started_at: 0001-01-01T00:00:00+23:59\n", "started_at"),
    ("offset-99", ".yaml", "started_at: 2026-01-01T00:00:00+99:00\n", None),
    ("time-as-number", ".json", _with(started_at=1_700_000_000), "started_at"),
    ("lone-surrogate", ".json", '{"id": "INC-1",\n "title": {"en": "\\ud800"}}', "title.en"),
    ("5000-digits-json", ".json", '{"id": ' + "9" * 5000 + "}", "id"),
    ("5000-digits-yaml", ".yaml", "id: " + "9" * 5000 + "\n", "id"),
    ("nan", ".json", '{"id": NaN}', None),
    ("too-many-services", ".json", _with(services=[{"id": f"s{i}", "name": {"en": "x"}}
                                                   for i in range(10_000)]), "services"),
    ("two-documents", ".yaml", "id: A\n---\nid: B\n", None),
    ("binary-tag", ".yaml", "id: !!binary aGVsbG8=\n", "id"),
    ("not-utf8", ".yaml", "id: \udcff\n", None),
    ("list-at-top", ".yaml", "- a\n- b\n", None),
    ("language-key-number", ".yaml", "title: {1: x}\n", "title"),
]


def _write(tmp_path: Path, name: str, suffix: str, text: str) -> Path:
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return path


@pytest.mark.parametrize(("name", "suffix", "text", "field"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_hostile_incident_is_refused_naming_file_and_field(
        tmp_path: Path, name: str, suffix: str, text: str, field: str | None) -> None:
    path = _write(tmp_path, name, suffix, text)
    code, stderr = run_check(path)
    assert code == 3, stderr
    assert named(path, stderr), stderr
    if field is not None:
        assert f": {field}" in stderr or f": {field}." in stderr, stderr
    assert "Traceback" not in stderr
    for leak in ("constrained-int", "after validation", "Input should", "<input>",
                 "Value error"):
        assert leak not in stderr, stderr


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 300)  # sparse: 300 MiB on paper, no disk used
    with pytest.raises(IncidentError) as info:
        load_incident(path)
    assert "at most 1,048,576" in str(info.value) and str(path) in str(info.value)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IncidentError, match="not a regular file"):
        load_incident("/dev/zero")


def test_depth_limit_lets_real_files_through() -> None:
    # The limit must not refuse what the project itself ships.
    for name in example_names():
        load_incident(example_path(name))
    for lang in ("he", "en"):
        read_data(default_templates_dir() / lang / "rules.yaml", ConfigError)
    nested = "a:\n" + "".join(f"{'  ' * i}b{i}:\n" for i in range(1, MAX_DEPTH - 1)) + "  x: 1\n"
    assert isinstance(yaml.safe_load(nested), dict)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("hostile") / "templates")


@pytest.mark.parametrize(("file", "text", "field"), [
    ("crisiscomms.toml", None, None),
    ("he/rules.yaml", ALIAS_BOMB, None),
    ("he/rules.yaml", "version: 1\nrules: []\nrules: []\n", "rules"),
    ("he/language.toml", "a = " + "[" * 50_000 + "]" * 50_000, None),
    ("crisiscomms.toml", "[cadence]\nminor = true\n", "cadence.minor"),
], ids=["config-huge-number", "rules-alias-bomb", "rules-duplicate", "language-deep",
        "cadence-bool"])
def test_hostile_config_and_rules_are_refused(folder: TemplateCopy, file: str,
                                              text: str | None, field: str | None) -> None:
    original = (folder.folder / file).read_text("utf-8")
    if text is None:
        text = original.replace("minor = 120", "minor = " + "9" * 5000)
    out, err = io.StringIO(), io.StringIO()
    with folder.changed(file, text) as target:
        code = main(["lint", str(folder.folder)], out=out, err=err)
    assert code == 3, err.getvalue()
    assert str(target) in err.getvalue()
    if field is not None:
        assert f": {field}:" in err.getvalue(), err.getvalue()


# --- random mutations of the examples ---------------------------------------------------------

NASTY_VALUES: list[Any] = [
    True, False, None, "12", "", 10**30, -1, 0, 1.5, float("inf"), [], {}, [[[[[]]]]],
    "9999-12-31T23:59:00+23:59", "0001-01-01T00:00:00-23:59", "2026-03-27T02:30:00",
    "\u202e", "x" * 3000, {"he": "\u200b"}, {"HE": "x"}, {"en": None}, 1_700_000_000,
]
NASTY_TEXT = ["&a", "*a", "<<: *a", "!!binary", "!!python/object:os.system", "\t", "{", "[",
              "]", "}", ":", "- ", "\"", "'", "\\ud800", "9" * 5000, "\n  ", "---\n", "%YAML",
              "\x00", "\u202e", "?", "|", ">", "#", "~", ".nan", "0x1F", "1_0", "+23:59"]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    here = data
    for part in path[:-1]:
        here = here[part]
    if delete:
        del here[path[-1]]
    else:
        here[path[-1]] = value


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, str]:
    """(suffix, text): an example incident with one to three hostile edits."""
    name = draw(st.sampled_from(example_names()))
    text = example_path(name).read_text("utf-8")
    kind = draw(st.sampled_from(["text", "data-yaml", "data-json"]))
    if kind == "text":
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 8))
            edit = draw(st.sampled_from(NASTY_TEXT) | st.text(max_size=4))
            text = text[:at] + edit + text[at + cut:]
        return ".yaml", text
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["swap", "delete", "nest"]))
        if action == "nest":
            value: Any = copy.deepcopy(data)
            for _ in range(draw(st.integers(1, 60))):
                value = [value]
        else:
            value = draw(st.sampled_from(NASTY_VALUES))
        _set(data, path, value, action == "delete")
        if not isinstance(data, dict):
            break
    if kind == "data-json":
        return ".json", json.dumps(data, ensure_ascii=False, default=str)
    return ".yaml", yaml.safe_dump(data, allow_unicode=True)


@settings(max_examples=60)
@given(mutated_files())
def test_mutated_incident_is_refused_or_valid(tmp_path_factory: pytest.TempPathFactory,
                                              case: tuple[str, str]) -> None:
    suffix, text = case
    path = tmp_path_factory.mktemp("mutated") / f"incident{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    code, stderr = run_check(path)  # an exception escaping here is the failure
    assert code in (0, 1, 3), stderr
    if code == 3:
        assert named(path, stderr), stderr
        assert "Traceback" not in stderr


# --- the bombs' cost, measured in a fresh process ---------------------------------------------

# The peak is this process's own (VmHWM, reset by exec): getrusage's ru_maxrss survives exec
# and so reports the forking test process's size when the suite has grown large.
_MEASURE = """
import re, sys, time
from crisiscomms.errors import IncidentError
from crisiscomms.loading import load_incident
start = time.perf_counter()
try:
    load_incident(sys.argv[1])
except IncidentError:
    pass
with open("/proc/self/status", encoding="ascii") as status:
    peak = re.search(r"VmHWM:\\s+(\\d+) kB", status.read())
print(time.perf_counter() - start, peak.group(1) if peak else 0)
"""


@pytest.mark.parametrize("name", ["alias-bomb", "deep-json", "deep-yaml-flow",
                                  "5000-digits-yaml", "too-many-services"])
def test_bombs_stay_within_time_and_memory(tmp_path: Path, name: str) -> None:
    # A generous ceiling (the limits: 20 s, 500 MB), not a timing: before the bounded
    # reader the alias bomb took 78 s and 8.7 GB, and deep YAML killed the process.
    _, suffix, text, _ = next(case for case in HOSTILE if case[0] == name)
    path = _write(tmp_path, name, suffix, text)
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seconds, peak_kb = done.stdout.split()
    assert float(seconds) < 20
    assert 0 < int(peak_kb) < 500 * 1024

