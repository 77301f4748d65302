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

import datetime as dt
import json
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import IncidentError, InputError, Problem
from .model import Incident

__all__ = ["DATA_SUFFIXES", "file_stamp", "load_incident", "parse_incident", "read_data",
           "validate"]

DATA_SUFFIXES = (".yaml", ".yml", ".json")
"""The endings of incident and case files (YAML otherwise, JSON for ``.json``)."""

M = TypeVar("M", bound=BaseModel)
Lines = Mapping[tuple[str | int, ...], int]

_LANG_PREFIX = re.compile(r"^\[([a-z]{2,3})\] (.*)$", re.S)
_MOMENT = "a date and time with a UTC offset, e.g. 2026-11-22T14:10:00+02:00"
_DAY = "a date, e.g. 2026-12-31"
_MAPPING = "a mapping of fields (name: value)"
_URL = "a web address such as https://example.com"
# Every Pydantic error type a file can reach, in plain words; ``{...}`` are the error's context
# (its limits). Pydantic's own sentences never reach a reader: an unknown type gets the last
# line. A trailing "+" shows the value given, which helps the reader see the mistake.
PLAIN: dict[str, str] = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (check the spelling; see `crisiscomms schema`)",
    "timezone_aware": "needs a UTC offset, e.g. 2026-11-22T14:10:00+02:00+",
    "string_type": "expected text+",
    "string_sub_type": "expected text+",
    "string_unicode": "expected text+",
    "string_too_short": "must be at least {min_length} characters",
    "string_too_long": "must be at most {max_length} characters",
    "string_pattern_mismatch": "does not have the expected form+",
    "int_type": "expected a whole number+",
    "int_parsing": "expected a whole number+",
    "int_from_float": "expected a whole number+",
    "int_parsing_size": "expected a smaller whole number+",
    "float_type": "expected a number+",
    "float_parsing": "expected a number+",
    "finite_number": "expected a finite number+",
    "bool_type": "expected true or false+",
    "bool_parsing": "expected true or false+",
    "greater_than": "must be more than {gt}+",
    "greater_than_equal": "must be at least {ge}+",
    "less_than": "must be less than {lt}+",
    "less_than_equal": "must be at most {le}+",
    "datetime_type": f"expected {_MOMENT}+",
    "datetime_parsing": f"expected {_MOMENT}+",
    "datetime_from_date_parsing": f"expected {_MOMENT}+",
    "datetime_object_invalid": f"expected {_MOMENT}+",
    "date_type": f"expected {_DAY}+",
    "date_parsing": f"expected {_DAY}+",
    "date_from_datetime_parsing": f"expected {_DAY}+",
    "date_from_datetime_inexact": f"expected {_DAY}, without a time+",
    "enum": "expected one of {expected}+",
    "literal_error": "expected one of {expected}+",
    "dict_type": f"expected {_MAPPING}+",
    "model_type": f"expected {_MAPPING}+",
    "model_attributes_type": f"expected {_MAPPING}+",
    "tuple_type": "expected a list+",
    "list_type": "expected a list+",
    "too_short": "needs at least {min_length}",
    "too_long": "has too many entries; at most {max_length}",
    "url_type": f"expected {_URL}+",
    "url_parsing": f"expected {_URL}+",
    "url_syntax_violation": f"expected {_URL}+",
    "url_scheme": f"expected {_URL}+",
    "url_too_long": "the web address is too long",
    "union_tag_invalid": "not one of the forms allowed here+",
    "union_tag_not_found": "not one of the forms allowed here+",
    "is_instance_of": "not a value allowed here+",
    "unhashable_type": "not a value allowed here+",
}
_UNKNOWN = "not a value allowed here"
# What a pattern means, in words, for the patterns the models use.
PATTERN_WORDS: dict[str, str] = {
    r"^[A-Za-z0-9._-]{1,64}$": "1 to 64 letters, digits, dots, underscores or hyphens",
    r"^[*+]?[0-9][0-9 -]{1,20}$": "a phone number such as *2040 or +972-3-1234567",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an e-mail address such as news@example.com",
}


def plain_message(kind: str, ctx: Mapping[str, Any] | None, given: Any) -> str:
    """One Pydantic error in plain words, from its type and context.

    >>> plain_message("too_long", {"max_length": 20, "actual_length": 21}, None)
    'has too many entries; at most 20'
    >>> plain_message("string_pattern_mismatch", {"pattern": r"^[A-Za-z0-9._-]{1,64}$"}, "a b")
    "does not have the expected form: 1 to 64 letters, digits, dots, underscores or hyphens \
(got 'a b')"
    """
    template = PLAIN.get(kind, _UNKNOWN + "+")
    context = dict(ctx or {})
    show = template.endswith("+")
    template = template.removesuffix("+")
    if kind == "string_pattern_mismatch":
        words = PATTERN_WORDS.get(str(context.get("pattern")))
        template += f": {words}" if words else ""
    if kind == "too_short" and context.get("min_length") == 1:
        template = "needs at least one entry"
    elif kind == "too_short":
        template += " entries"
    try:
        message = template.format(**context)
    except (KeyError, IndexError, ValueError):
        message = template.split("{")[0].rstrip()
    if show and given is not None and not isinstance(given, dict | list | tuple):
        text = repr(given)
        message += f" (got {text[:60] + '…' if len(text) > 60 else text})"
    return message


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


# The names Pydantic gives the members of a union (``constrained-int``, ``dict[str,int]``,
# ``function-after[...]``): never a field name of ours, which are snake_case words.
_PYDANTIC_TAG = re.compile(r"[\[\]-]")


def _clean_loc(loc: tuple[Any, ...], data: Any, kind: str) -> tuple[str | int, ...]:
    """The path in the file: Pydantic adds names of its own to a location (``root``, the
    member of a union it tried such as ``constrained-int``); only steps the data has stay."""
    out: list[str | int] = []
    value = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(value, dict) and part in value:
            out.append(part if isinstance(part, str | int) else str(part))
            value = value[part]
        elif isinstance(value, list | tuple) and isinstance(part, int) and 0 <= part < len(value):
            out.append(part)
            value = value[part]
        elif part == "[key]":
            out.append("(the name)")
            value = None
        elif last and isinstance(value, dict) and isinstance(part, str) \
                and not _PYDANTIC_TAG.search(part):
            out.append(part)  # a field the file left out: missing, or a default checked
    return tuple(out)


CROSS_FIELD = "cross_field"
"""The error type a model raises for a rule between fields, at the field it names."""


def _problems(error: ValidationError, lines: Lines, data: Any) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        loc = _clean_loc(tuple(item["loc"]), data, kind)
        if kind in ("value_error", "assertion_error"):
            message = str(item.get("ctx", {}).get("error", "")) or _UNKNOWN
        elif kind == CROSS_FIELD:
            message = str(item.get("ctx", {}).get("message", "")) or _UNKNOWN
        else:
            message = plain_message(kind, item.get("ctx"), item.get("input"))
        path = _path(loc)
        match = _LANG_PREFIX.match(message)
        if match:
            path, message = f"{path}.{match.group(1)}", match.group(2)
            loc = (*loc, match.group(1))
        problems.append(Problem(path, message, _line_for(loc, lines)))
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem("", f"and {rest} more problems")]
    return problems


# libyaml's parser when PyYAML was built with it: the pure-Python one takes ~100 ms per
# rule file, paid on every cold `crisiscomms render`.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- The bounded reader: one place that turns a file's bytes into plain data. -----------------
#
# Every file crisiscomms reads from a user (incident, config, language, rule file, and later
# recipient lists) goes through read_data, so each limit below holds for all of them.

MAX_FILE_BYTES = 1_048_576
"""The largest file read (1 MiB): an incident with every field at its limit is far smaller."""
MAX_DEPTH = 32
"""The deepest nesting of mappings and lists; the deepest real file nests five levels."""
MAX_VALUES = 50_000
"""The most values a YAML file may hold once its aliases are expanded (an alias bomb expands
a few hundred bytes into billions of values)."""
MAX_NUMBER_CHARS = 30
"""The longest number read; longer ones are refused before Python converts them."""
MAX_PROBLEMS = 50
"""The most problems one error lists; the rest are counted in one line."""


class _Refused(Exception):
    """A limit of the reader was hit: where and what, turned into a Problem by read_data."""

    def __init__(self, path: tuple[str | int, ...], message: str,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line


class _LongNumber(str):
    """A number too long to convert, kept as its text so the check after parsing can name the
    field it stands in."""


class _Loader(_YAML_LOADER):  # type: ignore[misc]
    """The safe loader, with numbers and dates that cannot be built reported at their line."""

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        value = self.construct_scalar(node)
        if len(value) > MAX_NUMBER_CHARS:
            return _LongNumber(value)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        value = self.construct_scalar(node)
        if len(value) > MAX_NUMBER_CHARS:
            return _LongNumber(value)
        return super().construct_yaml_float(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, TypeError) as exc:
            # A timestamp like 2026-01-01T00:00:00+99:00 fails inside Python's datetime.
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value {node.value!r} ({exc})"
                if isinstance(node, yaml.ScalarNode) else f"cannot read the value ({exc})",
                node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)


def _compose_yaml(loader: Any) -> yaml.Node | None:
    """Build the node tree of a one-document stream without recursion (libyaml's composer
    recurses in C and crashes the process on deep nesting), refusing depth beyond MAX_DEPTH,
    alias expansion beyond MAX_VALUES, aliases to an enclosing collection, and duplicate keys."""
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    anchors: dict[str, yaml.Node] = {}
    sizes: dict[int, int] = {}
    # Each open collection: node, its path, running size, the key waiting for its value, and
    # the keys seen with their lines.
    stack: list[tuple[yaml.Node, tuple[str | int, ...], list[Any], dict[Any, int]]] = []
    root: yaml.Node | None = None
    while root is None:
        event: Any = loader.get_event()
        # libyaml's marks are its own class; the nodes take them all the same.
        start: Any = event.start_mark
        end: Any = event.end_mark
        line = start.line + 1
        path = _child_path(stack)
        if isinstance(event, yaml.AliasEvent):
            node = anchors.get(event.anchor)  # type: ignore[arg-type]
            if node is None:
                raise _Refused(path, f"the alias *{event.anchor} names no anchor before it",
                               line)
            if id(node) not in sizes:
                raise _Refused(path, f"the alias *{event.anchor} refers to a list or mapping "
                                     "that contains it", line)
            done, size = node, sizes[id(node)]
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            done = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
            size = 1
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) \
                else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(kind, None, event.implicit)
            opened = kind(tag, [], start, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = opened
            if len(stack) >= MAX_DEPTH:
                raise _Refused(path[:3], f"nested more than {MAX_DEPTH} levels deep", line)
            stack.append((opened, path, [1, None], {}))
            continue
        else:  # the end of a sequence or mapping
            done, _, (size, _), _ = stack.pop()
            done.end_mark = event.end_mark
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            anchors[event.anchor] = done
        sizes[id(done)] = size
        if not stack:
            if size > MAX_VALUES:
                raise _Refused((), f"holds more than {MAX_VALUES} values once its aliases "
                                   "are expanded", line)
            root = done
            break
        _attach(stack[-1], done, size, line)
    if not loader.check_event(yaml.DocumentEndEvent):
        raise _Refused((), "expected the end of the document", None)
    loader.get_event()
    if not loader.check_event(yaml.StreamEndEvent):
        second: Any = loader.get_event()
        raise _Refused((), "holds more than one YAML document (a second `---`); expected one",
                       second.start_mark.line + 1)
    return root


def _child_path(stack: list[Any]) -> tuple[str | int, ...]:
    if not stack:
        return ()
    node, path, (_, pending), _ = stack[-1]
    parent: tuple[str | int, ...] = path
    if isinstance(node, yaml.SequenceNode):
        return (*parent, len(node.value))
    if pending is None:
        return parent
    return (*parent, _key_name(pending))


def _key_name(key: yaml.Node) -> str:
    return key.value if isinstance(key, yaml.ScalarNode) else "<key>"


def _attach(parent: tuple[yaml.Node, tuple[str | int, ...], list[Any], dict[Any, int]],
            child: yaml.Node, size: int, line: int) -> None:
    node, path, state, seen = parent
    state[0] += size
    if state[0] > MAX_VALUES:
        raise _Refused(path, f"holds more than {MAX_VALUES} values once its aliases are "
                             "expanded", line)
    if isinstance(node, yaml.SequenceNode):
        node.value.append(child)
        return
    if state[1] is None:
        if isinstance(child, yaml.ScalarNode) and child.tag != "tag:yaml.org,2002:merge":
            key = (child.tag, child.value)
            if key in seen:
                raise _Refused((*path, child.value), f"the key {child.value!r} appears twice "
                               f"in the same mapping (first on line {seen[key]}); the second "
                               "would silently win", child.start_mark.line + 1)
            seen[key] = child.start_mark.line + 1
        state[1] = child
        return
    node.value.append((state[1], child))
    state[1] = None


# A JSON token that matters for nesting and keys: a string, a bracket, a colon, a comma, or a
# line break (strings cannot hold one, so counting them gives the line).
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:\n]')


def _scan_json(raw: str, lines: dict[Any, int]) -> list[_Refused]:
    """One pass over JSON text without recursion: refuse nesting beyond MAX_DEPTH (Python's
    parser recurses), record each key's line, and collect duplicate keys. Malformed text is
    left for the parser to report, so the scan stops quietly when the brackets do not match."""
    line = 1
    # Each open container: path, is-object, item index, the key waiting for a value, keys seen.
    stack: list[tuple[tuple[str | int, ...], bool, list[Any], dict[str, int]]] = []
    duplicates: list[_Refused] = []
    expect_key = False
    for match in _JSON_TOKEN.finditer(raw):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "{[":
            path = _json_child(stack)
            if len(stack) >= MAX_DEPTH:
                raise _Refused(path[:3], f"nested more than {MAX_DEPTH} levels deep", line)
            lines.setdefault(path, line)
            stack.append((path, token == "{", [0, None], {}))
            expect_key = token == "{"
        elif token in "}]":
            if not stack:
                break
            stack.pop()
            expect_key = False
        elif token == ",":
            if not stack:
                break
            state = stack[-1][2]
            state[0] += 1
            state[1] = None
            expect_key = stack[-1][1]
        elif token == ":":
            expect_key = False
        elif stack and stack[-1][1] and expect_key:
            path, _, state, seen = stack[-1]
            try:
                key = json.loads(token)
            except ValueError:
                key = token[1:-1]
            state[1] = key
            lines[(*path, key)] = line
            if key in seen:
                duplicates.append(_Refused(
                    (*path, key), f"the key {key!r} appears twice in the same object (first on "
                    f"line {seen[key]}); the second would silently win", line))
            seen.setdefault(key, line)
        elif stack and not stack[-1][1]:
            lines.setdefault(_json_child(stack), line)
    return duplicates


def _json_child(stack: list[Any]) -> tuple[str | int, ...]:
    if not stack:
        return ()
    path, is_object, (index, key), _ = stack[-1]
    return (*path, key) if is_object else (*path, index)


def _json_number(text: str) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        return _LongNumber(text)
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str) -> Any:
    raise _Refused((), f"{name} is not a number JSON allows")


def _load_json(raw: str, lines: dict[Any, int]) -> Any:
    duplicates = _scan_json(raw, lines)
    try:
        data = json.loads(raw, parse_int=_json_number, parse_float=_json_number,
                          parse_constant=_no_constant)
    except _Refused as exc:
        found = re.search(r"NaN|-?Infinity", raw)
        exc.line = raw.count("\n", 0, found.start()) + 1 if found else None
        raise
    if duplicates:
        raise duplicates[0]
    return data


_PLAIN_TYPES = (str, int, float, bool, type(None), dict, list, tuple, dt.date)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_values(data: Any) -> None:
    """After parsing, whatever the format: no text with a lone surrogate (it cannot be written
    out as UTF-8), no number too long to convert, no infinite or not-a-number float, and no
    nesting beyond MAX_DEPTH. Iterative, so a deep value cannot exhaust the stack."""
    todo: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    seen: set[int] = set()
    while todo:
        path, value = todo.pop()
        if isinstance(value, _LongNumber):
            raise _Refused(path, f"a number of {len(value)} characters; numbers here have at "
                                 f"most {MAX_NUMBER_CHARS}")
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise _Refused(path, "holds a lone surrogate (\\ud800-\\udfff), which is not "
                                     "a character; fix the escape")
        elif isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise _Refused(path, f"{value} is not a finite number")
        elif not isinstance(value, _PLAIN_TYPES):
            # YAML's !!binary, !!set, !!omap...: Pydantic would quietly read bytes as text.
            raise _Refused(path, f"a YAML {type(value).__name__} value is not allowed here; "
                                 "write plain text, numbers, lists and mappings")
        elif isinstance(value, dict | list | tuple):
            if len(path) >= MAX_DEPTH:
                raise _Refused(path[:3], f"nested more than {MAX_DEPTH} levels deep")
            if id(value) in seen:
                continue  # a YAML alias: checked once, and expansion is bounded already
            seen.add(id(value))
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(key, str) and _SURROGATE.search(key):
                        raise _Refused(path, "a key holds a lone surrogate (\\ud800-\\udfff)")
                    todo.append(((*path, str(key)), item))
            else:
                todo.extend(((*path, index), item) for index, item in enumerate(value))


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

    Raises ``error`` (naming the file, the field or line, and what is wrong) for a file that is
    unreadable, malformed, or past a limit: larger than :data:`MAX_FILE_BYTES`, nested deeper
    than :data:`MAX_DEPTH`, a YAML file whose aliases expand beyond :data:`MAX_VALUES` values,
    a key given twice, a number longer than :data:`MAX_NUMBER_CHARS` characters, or text with
    a lone surrogate.

    >>> import tempfile, pathlib
    >>> bomb = pathlib.Path(tempfile.mkdtemp()) / "bomb.yaml"
    >>> _ = bomb.write_text("a: &a [x, x, x, x, x, x, x, x, x, x]\\n"
    ...     + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\\n"
    ...               for p, c in zip("abcdefg", "bcdefgh")))
    >>> try:
    ...     read_data(bomb, IncidentError)
    ... except IncidentError as err:
    ...     print(err.problems[0].message)
    holds more than 50000 values once its aliases are expanded
    """
    name = os.fspath(path)
    try:
        raw = _read_bounded(Path(name))
    except _Refused as exc:
        raise error(name, [Problem("", exc.message, exc.line)]) from None
    except FileNotFoundError:
        raise error(name, [Problem("", "file not found")]) from None
    except OSError as exc:
        raise error(name, [Problem("", f"cannot read the file: {exc.strerror or exc}")]) from None
    suffix = Path(name).suffix.lower()
    lines: dict[Any, int] = {}
    try:
        if suffix == ".json":
            data = _load_json(raw, lines)
        elif suffix == ".toml":
            data = _load_toml(raw)
        else:
            data = _load_yaml(raw, lines)
        _check_values(data)
    except _Refused as exc:
        where = _path(exc.path)
        line = exc.line if exc.line is not None else _line_for(exc.path, lines)
        raise error(name, [Problem(where, exc.message, line)]) from None
    except json.JSONDecodeError as exc:
        raise error(name, [Problem("", f"not valid JSON: {exc.msg}", exc.lineno)]) from None
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_WHERE.search(str(exc))
        text = _TOML_WHERE.sub("", str(exc)).strip()
        if text == "Cannot overwrite a value":
            text = "a key or table is given twice"
        raise error(name, [Problem("", f"not valid TOML: {text}",
                                   int(found.group(1)) if found else None)]) from None
    except yaml.reader.ReaderError as exc:
        line = raw.count("\n", 0, exc.position) + 1
        raise error(name, [Problem("", f"not valid YAML: the character U+{exc.character:04X} "
                                       "is not allowed in a YAML file", line)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(name, [Problem("", f"not valid YAML: {problem}", line)]) from None
    return data, lines


def _read_bounded(path: Path) -> str:
    """The file's text, refusing what is not a regular file or is too large before reading
    more than the limit."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise _Refused((), "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _Refused((), f"the file is {info.st_size:,} bytes; at most {MAX_FILE_BYTES:,}")
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise _Refused((), f"the file is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _Refused((), f"not UTF-8 text (byte {exc.start} cannot be read as UTF-8); save "
                           "the file as UTF-8", line) from None


def _load_yaml(raw: str, lines: dict[Any, int]) -> Any:
    """Parse once: the node tree gives the lines, the same tree gives the data."""
    loader = _Loader(raw)
    try:
        node = _compose_yaml(loader)
        if node is None:
            return None
        _line_map(node, (), lines)
        return loader.construct_document(node)
    finally:
        loader.dispose()


_LONG_DIGITS = re.compile(rf"[0-9_]{{{MAX_NUMBER_CHARS + 1},}}")


_TOML_WHERE = re.compile(r"\(at line (\d+), column \d+\)")


def _load_toml(raw: str) -> Any:
    try:
        return tomllib.loads(raw)
    except RecursionError:
        raise _Refused((), f"nested more than {MAX_DEPTH} levels deep") from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:
        # Python refuses to convert an integer of thousands of digits.
        found = _LONG_DIGITS.search(raw)
        line = raw.count("\n", 0, found.start()) + 1 if found else None
        raise _Refused((), f"a number longer than {MAX_NUMBER_CHARS} characters", line) from None


def validate(model: type[M], data: Any, file: str | None, error: type[InputError],
             lines: Lines | None = None) -> M:
    """Validate plain data into ``model``, turning Pydantic's errors into ``error``."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "an empty file"
        raise error(file, [Problem("", f"expected a mapping of fields at the top, got {kind}",
                                   (lines or {}).get(()))])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(file, _problems(exc, lines or {}, data)) from None


def parse_incident(data: Any, file: str | None = None) -> Incident:
    """Validate already-parsed data (a dict from YAML or JSON) into an :class:`Incident`.

    >>> parse_incident([], "form").id
    Traceback (most recent call last):
    ...
    crisiscomms.errors.IncidentError: form: expected a mapping of fields at the top, got list
    """
    return validate(Incident, data, file, IncidentError).from_file(file)


def load_incident(path: str | os.PathLike[str]) -> Incident:
    """Read an incident from a YAML (``.yaml``/``.yml``) or JSON (``.json``) file.

    Raises :class:`IncidentError` (a ``ValueError``) listing every problem with its field path
    and line.
    """
    data, lines = read_data(path, IncidentError)
    return validate(Incident, data, os.fspath(path), IncidentError, lines).from_file(
        os.fspath(path))

