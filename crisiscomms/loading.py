"""Reading YAML, JSON and TOML files into validated models, with errors that name file, field, line.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bad.yaml"
>>> _ = path.write_text("id: INC-1\\nstatus: broken\\n", encoding="utf-8")
>>> try:
...     load_incident(path)
... except IncidentError as err:
...     print(err.problems[0].path, err.problems[0].line)
status 2
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import IncidentError, InputError, Problem
from .model import Incident

__all__ = ["file_stamp", "load_incident", "parse_incident", "read_data", "validate"]

M = TypeVar("M", bound=BaseModel)
Lines = Mapping[tuple[str | int, ...], int]

_LANG_PREFIX = re.compile(r"^\[([a-z]{2,3})\] (.*)$", re.S)
# Errors where the value given helps the reader see the mistake.
_SHOW_INPUT = frozenset({
    "string_type", "int_type", "datetime_type", "date_from_datetime_parsing",
    "datetime_from_date_parsing", "enum", "literal_error", "string_pattern_mismatch",
    "int_parsing", "datetime_parsing", "date_parsing", "dict_type", "model_type", "tuple_type",
})
_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (check the spelling; see `crisiscomms schema`)",
    "timezone_aware": "needs a UTC offset, e.g. 2026-11-22T14:10:00+02:00",
}


def _path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part != "root":
            out += f".{part}" if out else part
    return out


def _line_map(node: yaml.Node, prefix: tuple[str | int, ...], out: dict[Any, int]) -> None:
    out[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            _line_map(value, (*prefix, name), out)
            # A field's line is its key's line, not where its value starts.
            out[(*prefix, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, (*prefix, index), out)


def _line_for(loc: tuple[str | int, ...], lines: Lines) -> int | None:
    trimmed = tuple(p for p in loc if p != "root")
    while trimmed:
        if trimmed in lines:
            return lines[trimmed]
        trimmed = trimmed[:-1]
    return None


def _problems(error: ValidationError, lines: Lines) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message = _MESSAGES.get(item["type"], item["msg"])
        message = message.removeprefix("Value error, ")
        path = _path(loc)
        match = _LANG_PREFIX.match(message)
        if match:
            path, message = f"{path}.{match.group(1)}", match.group(2)
            loc = (*loc, match.group(1))
        if item["type"] in _SHOW_INPUT:
            message = f"{message} (got {item.get('input')!r})"
        problems.append(Problem(path, message, _line_for(loc, lines)))
    return problems


# libyaml's parser when PyYAML was built with it: the pure-Python one takes ~100 ms per
# rule file, paid on every cold `crisiscomms render`.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(raw: str, lines: dict[Any, int]) -> Any:
    """Parse once: the node tree gives the lines, the same tree gives the data."""
    loader = _YAML_LOADER(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _line_map(node, (), lines)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def file_stamp(path: Path) -> int:
    """A file's modification time in ns, or -1 when it is missing: the key of the caches that
    re-read a config, language or rule file once it changes.

    >>> file_stamp(Path("/no/such/file"))
    -1
    """
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def read_data(path: str | os.PathLike[str], error: type[InputError]) -> tuple[Any, Lines]:
    """Read a YAML, JSON or TOML file into plain data plus a map of field paths to lines.

    Raises ``error`` (naming the file and line) for unreadable or malformed files.
    """
    name = os.fspath(path)
    try:
        raw = Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(name, [Problem("", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(name, [Problem("", f"cannot read the file: {exc}")]) from None
    suffix = Path(name).suffix.lower()
    lines: dict[Any, int] = {}
    try:
        if suffix == ".json":
            return json.loads(raw), lines
        if suffix == ".toml":
            return tomllib.loads(raw), lines
        return _load_yaml(raw, lines), lines
    except json.JSONDecodeError as exc:
        raise error(name, [Problem("", f"not valid JSON: {exc.msg}", exc.lineno)]) from None
    except tomllib.TOMLDecodeError as exc:
        raise error(name, [Problem("", f"not valid TOML: {exc}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(name, [Problem("", f"not valid YAML: {problem}", line)]) from None


def validate(model: type[M], data: Any, file: str | None, error: type[InputError],
             lines: Lines | None = None) -> M:
    """Validate plain data into ``model``, turning Pydantic's errors into ``error``."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "an empty file"
        raise error(file, [Problem("", f"expected a mapping of fields at the top, got {kind}")])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(file, _problems(exc, lines or {})) from None


def parse_incident(data: Any, file: str | None = None) -> Incident:
    """Validate already-parsed data (a dict from YAML or JSON) into an :class:`Incident`.

    >>> parse_incident([]).id
    Traceback (most recent call last):
    ...
    crisiscomms.errors.IncidentError: <input>: expected a mapping of fields at the top, got list
    """
    return validate(Incident, data, file, IncidentError)


def load_incident(path: str | os.PathLike[str]) -> Incident:
    """Read an incident from a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

    Raises :class:`IncidentError` (a ``ValueError``) listing every problem with its field path
    and line.
    """
    data, lines = read_data(path, IncidentError)
    return validate(Incident, data, os.fspath(path), IncidentError, lines)

