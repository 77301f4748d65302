"""The incident form: incident data to flat form values and back, and the incident as YAML.

The page shows one control per incident field, named by the field's path exactly as
:class:`~crisiscomms.Problem` spells it (``status``, ``title.he``, ``services[0].name.en``), so a
validation problem lands beside its control without a translation table. The layout lives in
data (``static/form.json``), read both by the page, to draw the form, and here, to know which
names hold times, dates and numbers.

Two conventions make a form and an incident file say the same thing:

* **empty = absent.** An empty control leaves the field out, so clearing ``eta`` means "no ETA
  yet" and clearing every workaround control removes the workaround.
* **local times.** A ``datetime-local`` control has no UTC offset; its value is read in the
  organisation's time zone (``organisation.time_zone``) and written back with the offset.

>>> from zoneinfo import ZoneInfo
>>> zone = ZoneInfo("Asia/Jerusalem")
>>> data, problems = from_fields({"next_update_at": "2026-11-22T15:45", "eta": ""}, zone)
>>> data["next_update_at"].isoformat(), "eta" in data
('2026-11-22T15:45:00+02:00', False)
>>> local_value("2026-11-22T13:00:00+00:00", "datetime", zone)
'2026-11-22T15:00'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any, Literal
from zoneinfo import ZoneInfo

import yaml

from ..errors import Problem
from ..model import CompensationBase, CompensationKind, Incident, Severity, Status

__all__ = [
    "FieldKind",
    "dump_json",
    "dump_yaml",
    "field_for",
    "field_kinds",
    "form_layout",
    "from_fields",
    "leading_comments",
    "local_time_problem",
    "local_value",
    "to_fields",
]

FieldKind = Literal["text", "select", "datetime", "date", "integer", "localized"]
"""What a form control holds; ``localized`` is one control per language."""

_ENUMS: dict[str, type[Enum]] = {
    "status": Status,
    "severity": Severity,
    "compensation_kind": CompensationKind,
    "compensation_base": CompensationBase,
}
# A field path as the form names it: words joined by dots, each optionally indexed. Indexes stay
# below 100 so a hostile name cannot make the server build a huge list.
_SEGMENT = re.compile(r"([a-z_]{1,40})(?:\[(\d{1,2})\])?")
_INDEX = re.compile(r"\[\d+\]")
_INTEGER = re.compile(r"[+-]?\d{1,9}")


@lru_cache(maxsize=1)
def _raw_layout() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("static", "form.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def form_layout() -> dict[str, Any]:
    """The form's sections and fields (``static/form.json``), with each select's options filled
    in from the model's enums so the two cannot drift apart.

    >>> [s["title"] for s in form_layout()["sections"]][:2]
    ['Incident', 'Times']
    >>> form_layout()["sections"][0]["fields"][1]["options"]
    ['investigating', 'identified', 'monitoring', 'resolved']
    """
    layout = json.loads(json.dumps(_raw_layout()))
    for section in layout["sections"]:
        for field in section["fields"]:
            if "enum" in field:
                field["options"] = [member.value for member in _ENUMS[field["enum"]]]
    result: dict[str, Any] = layout
    return result


def _key(section: Mapping[str, Any], field: Mapping[str, Any]) -> str:
    return f"{section['path']}[].{field['name']}" if section.get("list") else str(field["name"])


@lru_cache(maxsize=1)
def field_kinds() -> dict[str, FieldKind]:
    """Each form field's kind by its path with list indexes left out (``updates[].at``).

    >>> field_kinds()["updates[].at"], field_kinds()["title"]
    ('datetime', 'localized')
    """
    return {_key(section, field): field["type"]
            for section in _raw_layout()["sections"] for field in section["fields"]}


def _kind(name: str) -> FieldKind | None:
    stripped = _INDEX.sub("[]", name)
    kinds = field_kinds()
    if stripped in kinds:
        return kinds[stripped]
    parent = stripped.rsplit(".", 1)[0]
    return "text" if kinds.get(parent) == "localized" else None


def local_value(value: Any, kind: FieldKind | None, zone: ZoneInfo) -> str:
    """A field's value as its form control shows it: times in ``zone`` without an offset
    (``2026-11-22T15:00``, seconds only when there are some), dates as ``YYYY-MM-DD``.

    >>> local_value(dt.date(2026, 12, 31), "date", ZoneInfo("UTC"))
    '2026-12-31'
    """
    if isinstance(value, Enum):
        return str(value.value)
    if kind == "datetime":
        moment: object = value
        if isinstance(value, str):
            try:
                moment = dt.datetime.fromisoformat(value)
            except ValueError:
                return value
        if isinstance(moment, dt.datetime):
            if moment.tzinfo is not None:
                moment = moment.astimezone(zone)
            with_seconds = moment.second or moment.microsecond
            return moment.strftime("%Y-%m-%dT%H:%M:%S" if with_seconds else "%Y-%m-%dT%H:%M")
        if isinstance(moment, dt.date):
            return f"{moment.isoformat()}T00:00"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _LocalTimeProblem(ValueError):
    """A local time the organisation's zone skips or repeats; its message says which."""


def local_time_problem(moment: dt.datetime, zone: ZoneInfo) -> str | None:
    """Why a time without an offset cannot be read in ``zone``: one the clocks jump over
    (it does not exist) or one they pass twice (it is ambiguous); None for an ordinary time.

    The form has no place for an offset, so such a time would be guessed on one side of the
    change; refusing it keeps what the page shows, what it saves and what the command line
    loads the same time.

    >>> zone = ZoneInfo("Asia/Jerusalem")
    >>> print(local_time_problem(dt.datetime(2026, 3, 27, 2, 30), zone))
    ... # doctest: +NORMALIZE_WHITESPACE
    2026-03-27 02:30 does not exist in Asia/Jerusalem: the clocks go forward that night
    (UTC+02:00 to UTC+03:00); choose a time outside the skipped hour
    >>> print(local_time_problem(dt.datetime(2026, 10, 25, 1, 30), zone))
    ... # doctest: +NORMALIZE_WHITESPACE
    2026-10-25 01:30 happens twice in Asia/Jerusalem: the clocks go back that night
    (UTC+03:00 to UTC+02:00); choose a time outside the repeated hour
    >>> local_time_problem(dt.datetime(2026, 3, 27, 3, 30), zone) is None
    True
    """
    naive = moment.replace(tzinfo=None)
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    before, after = first.utcoffset(), second.utcoffset()
    if before == after or before is None or after is None:
        return None
    shown = naive.strftime("%Y-%m-%d %H:%M" + (":%S" if naive.second else ""))
    change = f"(UTC{_offset(before)} to UTC{_offset(after)})"
    # A skipped time, read with either offset and brought back to the zone, is another time.
    if first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return (f"{shown} does not exist in {zone.key}: the clocks go forward that night "
                f"{change}; choose a time outside the skipped hour")
    return (f"{shown} happens twice in {zone.key}: the clocks go back that night {change}; "
            f"choose a time outside the repeated hour")


def _offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _typed(value: str, kind: FieldKind | None, zone: ZoneInfo) -> Any:
    # A value that does not parse goes through as text: the model's error then names the field
    # and what it expected, exactly as for a file.
    if kind == "datetime":
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return moment
        problem = local_time_problem(moment, zone)
        if problem is not None:
            raise _LocalTimeProblem(problem)
        return moment.replace(tzinfo=zone)
    if kind == "integer" and _INTEGER.fullmatch(value.strip()):
        return int(value)
    return value


def _parse_name(name: str) -> list[str | int] | None:
    parts: list[str | int] = []
    for segment in name.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            return None
        parts.append(match.group(1))
        if match.group(2) is not None:
            parts.append(int(match.group(2)))
    return parts


def _lists(node: Any) -> Any:
    # Rows are built as {index: row}; a removed row leaves a gap, so rows keep their order and
    # close up.
    if isinstance(node, dict):
        if node and all(isinstance(k, int) for k in node):
            return [_lists(node[k]) for k in sorted(node)]
        return {k: _lists(v) for k, v in node.items()}
    return node


def from_fields(fields: Mapping[str, Any], zone: ZoneInfo) -> tuple[dict[str, Any], list[Problem]]:
    """Form values to incident data, ready for :func:`~crisiscomms.parse_incident`.

    Empty controls are left out; times are read in ``zone``. Returns the data and the problems
    with the names themselves (a name that is no field path).

    >>> data, problems = from_fields({"title.he": "תקלה", "title.en": "", "services[1].id": "app",
    ...                               "compensation.percent": "10"}, ZoneInfo("UTC"))
    >>> data
    {'title': {'he': 'תקלה'}, 'services': [{'id': 'app'}], 'compensation': {'percent': 10}}
    >>> from_fields({"a..b": "x"}, ZoneInfo("UTC"))[1][0].message
    'not a field name of the form'
    """
    root: dict[Any, Any] = {}
    problems: list[Problem] = []
    for name, raw in fields.items():
        value = "" if raw is None else str(raw)
        if value == "":
            continue
        parts = _parse_name(name)
        if parts is None:
            problems.append(Problem(name, "not a field name of the form"))
            continue
        node = root
        for index, part in enumerate(parts):
            if index == len(parts) - 1:
                if part in node:
                    problems.append(Problem(name, "given twice"))
                    break
                try:
                    node[part] = _typed(value, _kind(name), zone)
                except _LocalTimeProblem as problem:
                    problems.append(Problem(name, str(problem)))
                break
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                problems.append(Problem(name, "clashes with another field of the form"))
                break
            node = child
    return _lists(root), problems


def _flatten(node: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            _flatten(value, f"{prefix}[{index}]", out)
    elif node is not None:
        out[prefix] = node


def _rows(data: Mapping[str, Any], path: str) -> int:
    value = data.get(path)
    return len(value) if isinstance(value, list | tuple) else 0


def _localized_languages(flat: Mapping[str, Any]) -> list[str]:
    found = []
    for name in flat:
        stem, _, lang = name.rpartition(".")
        if stem and field_kinds().get(_INDEX.sub("[]", stem)) == "localized":
            found.append(lang)
    return list(dict.fromkeys(found))


def to_fields(data: Mapping[str, Any], zone: ZoneInfo,
              languages: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Incident data (a loaded file's mapping, or ``Incident.model_dump()``) as form values.

    Returns every control of the form in order, empty where the incident says nothing, and the
    languages the form shows: ``languages`` plus any other the incident has texts in, so saving
    never drops one. Fields the form has no control for are left out (validation reports them).

    >>> fields, langs = to_fields({"eta": "2026-11-22T15:00:00Z", "title": {"he": "א"}},
    ...                           ZoneInfo("Asia/Jerusalem"), ["he", "en"])
    >>> fields["eta"], fields["title.he"], fields["title.en"], langs
    ('2026-11-22T17:00', 'א', '', ['he', 'en'])
    """
    flat: dict[str, Any] = {}
    _flatten(data, "", flat)
    langs = list(dict.fromkeys([*languages, *_localized_languages(flat)]))
    fields: dict[str, str] = {}
    for section in _raw_layout()["sections"]:
        rows: Iterable[str] = [""]
        if section.get("list"):
            count = max(_rows(data, section["path"]), int(section.get("min", 0)))
            rows = [f"{section['path']}[{i}]." for i in range(count)]
        for row in rows:
            for field in section["fields"]:
                base = f"{row}{field['name']}"
                names = [f"{base}.{lang}" for lang in langs] \
                    if field["type"] == "localized" else [base]
                for name in names:
                    value = flat.get(name)
                    fields[name] = "" if value is None else local_value(value, _kind(name), zone)
    return fields, langs


def _parent(path: str) -> str:
    if path.endswith("]"):
        return path[:path.rindex("[")]
    return path.rpartition(".")[0]


def field_for(path: str, names: Sequence[str]) -> str | None:
    """The form control a problem at ``path`` belongs beside: the control of that name, else
    the first control inside that field, else the same for the nearest enclosing field; None
    when the problem is about the whole incident.

    >>> names = ["status", "title.he", "title.en", "services[0].id"]
    >>> field_for("title.en", names), field_for("title", names), field_for("services", names)
    ('title.en', 'title.he', 'services[0].id')
    >>> field_for("", names) is None
    True
    """
    current = path
    while current:
        if current in names:
            return current
        for name in names:
            if name.startswith((f"{current}.", f"{current}[")):
                return name
        current = _parent(current)
    return None


class _Timestamp(str):
    """A time or date that YAML should write bare (``2026-11-22T15:00:00+02:00``)."""


class _Dumper(yaml.SafeDumper):
    # Indent list items under their key, as the examples are written.
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _timestamp(dumper: yaml.SafeDumper, value: _Timestamp) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(value))


_Dumper.add_representer(_Timestamp, _timestamp)


def _plain(node: Any) -> Any:
    if isinstance(node, Enum):
        return node.value
    if isinstance(node, dt.datetime | dt.date):
        return _Timestamp(node.isoformat())
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def leading_comments(text: str) -> str:
    """The comment lines that open a YAML file, kept when the page saves over it.

    >>> leading_comments("# why\\n# more\\nid: X\\n# not this\\n")
    '# why\\n# more\\n'
    """
    kept = []
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            break
        kept.append(line if line.endswith("\n") else line + "\n")
    return "".join(kept)


def dump_yaml(incident: Incident, header: str = "") -> str:
    """The incident as a YAML file that :func:`~crisiscomms.load_incident` reads back equal:
    fields in the model's order, times with their UTC offset, Hebrew as UTF-8, absent fields
    left out.

    >>> from crisiscomms.samples import load_example
    >>> print(dump_yaml(load_example("identified")).splitlines()[5])
    eta: 2026-11-22T17:00:00+02:00
    """
    data = {key: value
            for key, value in incident.model_dump(mode="python", exclude_none=True).items()
            if value != ()}
    body = yaml.dump(_plain(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=4096)
    return header + body


def dump_json(incident: Incident) -> str:
    """The incident as a JSON file (for an incident given as ``.json``), read back equal.

    >>> from crisiscomms.samples import load_example
    >>> '"eta": "2026-11-22T17:00:00+02:00"' in dump_json(load_example("identified"))
    True
    """
    data = {key: value
            for key, value in incident.model_dump(mode="json", exclude_none=True).items()
            if value != []}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
