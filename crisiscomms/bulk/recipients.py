"""Recipients files: CSV, JSON Lines and Parquet, read row by row in bounded memory, each row
checked (CONTRACT section 10).

A row becomes a :class:`Recipient` or a :class:`Rejected` with its line in the file (CSV: the
header is line 1; JSON Lines and Parquet: the first row is 1) and the reason. Nothing is held
but the ids seen so far, which duplicate detection must remember.

>>> rows = [{"id": "c1", "channel": "sms", "address": "+972501234567", "name": "Dana"},
...         {"id": "c1", "channel": "sms", "address": "+972501234567"},
...         {"id": "c2", "channel": "fax", "address": "+972501234567"},
...         {"id": "c3", "channel": "email", "address": "not-an-address", "language": "fr"}]
>>> for row in check_rows(enumerate(rows, 1), languages=("he", "en")):
...     print(row.line, getattr(row, "reason", row.id))
1 c1
2 duplicate_id
3 unknown_channel
4 bad_email
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..errors import CrisisError
from ..text.bidi import UnsafeTextError, clean_text

__all__ = [
    "CHANNELS",
    "COLUMNS",
    "Reason",
    "Recipient",
    "RecipientsError",
    "Rejected",
    "check_rows",
    "read_recipients",
    "read_rows",
]

CHANNELS = ("sms", "email")
"""The channels a recipient can be reached on."""

COLUMNS = ("id", "channel", "address", "language", "name", "services")
"""The columns section 10 names; any other column is the recipient's own (``reference``, ...)
and reaches templates as ``recipient.<column>``."""

Reason = Literal["missing_id", "duplicate_id", "missing_channel", "unknown_channel",
                 "missing_address", "bad_phone", "bad_email", "bad_value", "bad_row"]

_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
# Pragmatic, not RFC 5322: a dot-atom local part and a host of DNS labels with a dot in it.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")
_MAX_VALUE = 200
"""The longest personal value (a name, a reference) placed into a message."""
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class RecipientsError(CrisisError):
    """A recipients file that cannot be read at all (missing, not UTF-8, no ``id`` column):
    the command exits 3 and writes nothing."""


class Recipient(NamedTuple):
    """One checked row. ``language`` is a configured one; ``fell_back`` says the row asked for
    none or for another. ``services`` is ``None`` for every service. ``values`` holds the
    personal values templates may place (``name``, ``reference``, other columns), non-empty."""

    line: int
    id: str
    channel: str
    address: str
    language: str
    fell_back: bool
    services: frozenset[str] | None
    values: Mapping[str, str]


class Rejected(NamedTuple):
    """A row refused: its line, its id where it has one, the reason and the detail."""

    line: int
    id: str | None
    reason: Reason
    detail: str


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            raise RecipientsError(f"{path}: empty file; expected a header row with an id column")
        header = [h.strip().lstrip("\ufeff") for h in header]
        if "id" not in header:
            raise RecipientsError(f"{path}: line 1: no id column in the header")
        start = reader.line_num + 1
        for cells in reader:
            if cells:
                row = dict(zip(header, cells, strict=False))
                if len(cells) > len(header):
                    row["\0extra"] = "1"
                yield start, row
            start = reader.line_num + 1


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8") as stream:
        for line, text in enumerate(stream, 1):
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                yield line, {"\0bad": f"not JSON ({exc.msg})"}
                continue
            if not isinstance(value, dict):
                yield line, {"\0bad": "not a JSON object"}
                continue
            yield line, {str(k): _str(v) for k, v in value.items()}


def _parquet_rows(path: Path, batch_size: int) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the extra is not installed
        raise RecipientsError(f"{path}: reading Parquet needs pyarrow: "
                              "pip install 'crisiscomms[bulk]'") from None
    try:
        source = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        raise RecipientsError(f"{path}: not a readable Parquet file ({exc})") from None
    if "id" not in source.schema_arrow.names:
        raise RecipientsError(f"{path}: no id column")
    line = 0
    for batch in source.iter_batches(batch_size=batch_size):
        for record in batch.to_pylist():
            line += 1
            yield line, {str(k): _str(v) for k, v in record.items()}


def read_rows(path: str | Path, *, batch_size: int = 8192) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a recipients file by its suffix (``.csv``, ``.jsonl``, ``.parquet``), each
    with its line, streamed. :class:`RecipientsError` when the file cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".parquet"):
        raise RecipientsError(f"{path}: unknown recipients file kind {suffix or '(none)'!r}; "
                              "expected .csv, .jsonl or .parquet")
    if not path.is_file():
        raise RecipientsError(f"{path}: recipients file not found")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            if suffix == ".csv":
                yield from _csv_rows(path)
            elif suffix == ".jsonl":
                yield from _jsonl_rows(path)
            else:
                yield from _parquet_rows(path, batch_size)
        except UnicodeDecodeError as exc:
            raise RecipientsError(f"{path}: not UTF-8 (byte {exc.start} of a read block)") \
                from None
        except (OSError, csv.Error) as exc:
            raise RecipientsError(f"{path}: cannot be read ({exc})") from None

    return rows()


def _personal(value: str) -> str:
    """A personal value as placed: whitespace collapsed; controls and bidi embeddings refused
    (``ValueError``), so a value can neither break a line nor reorder the text around it."""
    value = _SPACES.sub(" ", value).strip()
    if _CONTROL.search(value):
        raise ValueError("holds a control character")
    if len(value) > _MAX_VALUE:
        raise ValueError(f"longer than {_MAX_VALUE} characters")
    try:
        return clean_text(value)
    except UnsafeTextError as exc:
        raise ValueError(str(exc)) from None


def check_rows(rows: Iterable[tuple[int, Mapping[str, str]]], *,
               languages: Sequence[str]) -> Iterator[Recipient | Rejected]:
    """Each row checked, in order: a :class:`Recipient` or a :class:`Rejected`."""
    seen: set[str] = set()
    first = languages[0]
    for line, row in rows:
        bad = row.get("\0bad")
        if bad is not None:
            yield Rejected(line, None, "bad_row", bad)
            continue
        ident = (row.get("id") or "").strip()
        if not ident:
            yield Rejected(line, None, "missing_id", "no id")
            continue
        if ident in seen:
            yield Rejected(line, ident, "duplicate_id", f"id {ident!r} already given")
            continue
        seen.add(ident)
        if "\0extra" in row:
            yield Rejected(line, ident, "bad_row", "more cells than header columns")
            continue
        channel = (row.get("channel") or "").strip()
        if not channel:
            yield Rejected(line, ident, "missing_channel", "no channel")
            continue
        if channel not in CHANNELS:
            yield Rejected(line, ident, "unknown_channel",
                           f"channel {channel!r}; expected one of {', '.join(CHANNELS)}")
            continue
        address = (row.get("address") or "").strip()
        if not address:
            yield Rejected(line, ident, "missing_address", "no address")
            continue
        if channel == "sms" and not _E164.fullmatch(address):
            yield Rejected(line, ident, "bad_phone",
                           f"{address!r} is not an E.164 number such as +972501234567")
            continue
        if channel == "email" and (len(address) > 254 or not _EMAIL.fullmatch(address)):
            yield Rejected(line, ident, "bad_email", f"{address!r} is not an email address")
            continue
        values: dict[str, str] = {}
        problem = None
        for column, raw in row.items():
            if (column in COLUMNS and column != "name") or not raw:
                continue
            try:
                value = _personal(raw)
            except ValueError as exc:
                problem = f"{column}: {exc}"
                break
            if value:
                values[column] = value
        if problem is not None:
            yield Rejected(line, ident, "bad_value", problem)
            continue
        asked = (row.get("language") or "").strip()
        language = asked if asked in languages else first
        services_text = (row.get("services") or "").strip()
        services = None if not services_text else frozenset(
            s.strip() for s in services_text.split("|") if s.strip())
        yield Recipient(line, ident, channel, address, language, language != asked, services,
                        values)


def read_recipients(path: str | Path, *,
                    languages: Sequence[str]) -> Iterator[Recipient | Rejected]:
    """:func:`read_rows` then :func:`check_rows`."""
    return check_rows(read_rows(path), languages=languages)

