"""The ``personalise`` command: one message per affected recipient, written to a file.

``crisiscomms personalise INCIDENT RECIPIENTS --out FILE [--rejects FILE] [--templates DIR]``
writes ``.jsonl``, ``.csv`` or ``.parquet`` by the out file's suffix, each file whole or not at
all (written beside itself and renamed into place). A progress bar shows on a terminal only.
The summary counts messages by language and channel, rows skipped (no affected service) and
rejected, language fallbacks, SMS segments and, with ``sms_segment_price`` in the config, their
cost. Exit 0, 1 when some rows were rejected, 3 when the incident or the recipients file
cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from ..errors import CrisisError
from .exits import Exit

if TYPE_CHECKING:
    from ..bulk.personalise import Personalised, Tally
    from ..bulk.recipients import Rejected

__all__ = ["register"]

_SUFFIXES = (".jsonl", ".csv", ".parquet")
_BATCH = 8192


class _Writer(Protocol):
    def write(self, row: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


class _JsonLines:
    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.stream = path.open("w", encoding="utf-8", newline="\n")

    def write(self, row: dict[str, Any]) -> None:
        self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.close()


class _Csv:
    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.stream = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.stream, fieldnames=columns)
        self.writer.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(row)

    def close(self) -> None:
        self.stream.close()


class _Parquet:
    """Rows gathered into record batches of :data:`_BATCH`: memory stays bounded."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise CrisisError(f"{path}: writing Parquet needs pyarrow: "
                                  "pip install 'crisiscomms[bulk]'") from None
        self.pa = pa
        ints = {"segments", "line"}
        self.schema = pa.schema([(c, pa.int64() if c in ints else pa.string())
                                 for c in columns])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_batch(self.pa.RecordBatch.from_pylist(self.rows, self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


_WRITERS: dict[str, type[_JsonLines] | type[_Csv] | type[_Parquet]] = {
    ".jsonl": _JsonLines, ".csv": _Csv, ".parquet": _Parquet}


def _suffix(path: Path, what: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise CrisisError(f"{path}: unknown {what} file kind {suffix or '(none)'!r}; "
                              "expected .jsonl, .csv or .parquet")
    return suffix


@contextlib.contextmanager
def _atomic(path: Path, columns: tuple[str, ...]) -> Iterator[_Writer]:
    """A writer to a file beside ``path``, renamed into place only when all went well."""
    temporary = path.with_name(f".{path.name}.crisiscomms-{os.getpid()}")
    writer = _WRITERS[_suffix(path, "output")](temporary, columns)
    try:
        yield writer
        writer.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _progress(messages: Iterator[Personalised], stream: TextIO) -> Iterator[Personalised]:
    """A progress bar on a terminal (tqdm, from the ``bulk`` extra); nothing otherwise."""
    if not stream.isatty():
        return messages
    try:
        from tqdm import tqdm
    except ImportError:
        return messages
    return iter(tqdm(messages, unit=" msg", file=stream, mininterval=0.5))


def _summary(tally: Tally, price: float | None, rejects: Path | None) -> str:
    lines = [f"personalised {sum(tally.sent.values())} messages from {tally.rows} rows"]
    for (lang, channel), count in sorted(tally.sent.items()):
        lines.append(f"  {lang} {channel}: {count}")
    lines.append(f"skipped (no affected service): {tally.skipped}")
    where = f" (see {rejects})" if rejects is not None and tally.rejected else ""
    lines.append(f"rejected: {tally.rejected}{where}")
    lines.append(f"language fallback: {tally.fell_back}")
    cost = "" if price is None else f"; cost {tally.segments * price:.2f}"
    lines.append(f"SMS segments: {tally.segments}{cost}")
    if tally.over_budget:
        lines.append(f"SMS over the segment budget with the recipient's name: "
                     f"{tally.over_budget}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """``crisiscomms personalise``."""
    # Imported here: every other command starts without the bulk machinery.
    from ..bulk.personalise import Personalised, Tally, personalise
    from ..bulk.recipients import Rejected, read_rows
    from ..loading import load_incident
    from ..render import template_set

    out_path = Path(args.out)
    rejects_path = Path(args.rejects) if args.rejects else None
    _suffix(out_path, "output")
    if rejects_path is not None:
        _suffix(rejects_path, "rejects")
    incident = load_incident(args.incident)
    price = template_set(args.templates).config.sms_segment_price
    rows = read_rows(args.recipients)
    tally = Tally()
    with contextlib.ExitStack() as stack:
        reject_writer = None if rejects_path is None else stack.enter_context(
            _atomic(rejects_path, Rejected._fields))
        writer = stack.enter_context(_atomic(out_path, Personalised._fields))

        def reject(row: Rejected) -> None:
            if reject_writer is not None:
                reject_writer.write(row._asdict())

        messages = personalise(incident, rows, templates=args.templates, tally=tally,
                               rejects=reject)
        for message in _progress(messages, sys.stderr):
            writer.write(message._asdict())
    out.write(_summary(tally, price, rejects_path))
    return Exit.FINDINGS if tally.rejected else Exit.CLEAN


def register(sub: Any) -> None:
    """Add ``personalise`` to the command line's subparsers."""
    p = sub.add_parser("personalise", help="one message per affected recipient, to a file")
    p.add_argument("incident", help="the incident file (YAML or JSON)")
    p.add_argument("recipients", help="the recipients file (.csv, .jsonl or .parquet)")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="where the messages go (.jsonl, .csv or .parquet)")
    p.add_argument("--rejects", metavar="FILE",
                   help="where refused rows go, with their line and reason")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in)")
    p.set_defaults(run=run)
