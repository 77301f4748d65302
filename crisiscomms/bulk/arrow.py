"""Bulk messages over Arrow record batches: the same function runs under Spark ``mapInArrow``,
Dask (``map_partitions`` or ``client.map`` over batches) and Ray ``map_batches``.

The output has one row per input row, so nothing is lost between machines: ``outcome`` says
``sent`` (the message columns are filled), ``skipped`` (no affected service) or ``rejected``
(``reason`` and ``detail`` say why; ``line`` is the row's place in the batch, from 1). Keep the
``sent`` rows to send. Duplicate ids are found within a batch; across batches the idempotency
key (``key``) is what stops a second send. See docs/bulk.md.

>>> import pyarrow as pa
>>> from crisiscomms.samples import load_example
>>> batch = pa.RecordBatch.from_pylist([
...     {"id": "c1", "channel": "sms", "address": "+972501234567", "language": "en"},
...     {"id": "c2", "channel": "sms", "address": "0501234567", "language": "en"}])
>>> out = personalise_arrow(load_example("identified"), batch)
>>> out.column("outcome").to_pylist(), out.column("reason").to_pylist()
(['sent', 'rejected'], [None, 'bad_phone'])
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..model import Incident
from .personalise import Personalised, Personaliser
from .recipients import Rejected, check_rows

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["OUTPUT_COLUMNS", "output_schema", "personalise_arrow"]

_MESSAGE = Personalised._fields
OUTPUT_COLUMNS = ("line", "outcome", *_MESSAGE, "reason", "detail")
"""The output's columns: the input row's place, its outcome, the message, why it was refused."""

_INTS = frozenset({"line", "segments"})
_RUNS: dict[tuple[str, str | None], Personaliser] = {}
"""One compiled run per incident (by content) and template folder, per process: a worker
that maps many batches renders each variant once."""


def output_schema() -> pa.Schema:
    """The Arrow schema of :func:`personalise_arrow`'s output (Spark's ``mapInArrow`` asks
    for it up front)."""
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c in _INTS else pa.string()) for c in OUTPUT_COLUMNS])


def _run(incident: Incident, templates: str | os.PathLike[str] | None) -> Personaliser:
    digest = hashlib.sha256(incident.model_dump_json().encode()).hexdigest()
    key = (digest, None if templates is None else os.fspath(templates))
    run = _RUNS.get(key)
    if run is None:
        if len(_RUNS) >= 8:
            _RUNS.clear()
        run = _RUNS[key] = Personaliser(incident, templates=templates)
    return run


def _rows(batch: pa.RecordBatch) -> Iterator[tuple[int, Mapping[str, str]]]:
    for line, record in enumerate(batch.to_pylist(), 1):
        yield line, {str(k): "" if v is None else str(v) for k, v in record.items()}


def personalise_arrow(incident: Incident, batch: pa.RecordBatch, *,
                      templates: str | os.PathLike[str] | None = None) -> pa.RecordBatch:
    """:func:`~crisiscomms.bulk.personalise` over one record batch of recipients (columns as
    in a recipients file): one output row per input row, schema :func:`output_schema`."""
    import pyarrow as pa

    run = _run(incident, templates)
    columns: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}
    empty = dict.fromkeys(_MESSAGE)

    def add(line: int, outcome: str, values: Mapping[str, Any], reason: str | None = None,
            detail: str | None = None) -> None:
        columns["line"].append(line)
        columns["outcome"].append(outcome)
        for name in _MESSAGE:
            columns[name].append(values[name])
        columns["reason"].append(reason)
        columns["detail"].append(detail)

    for row in check_rows(_rows(batch), languages=run.languages):
        if isinstance(row, Rejected):
            add(row.line, "rejected", {**empty, "recipient_id": row.id}, row.reason, row.detail)
        elif not run.affected(row):
            add(row.line, "skipped", {**empty, "recipient_id": row.id, "channel": row.channel,
                                      "language": row.language, "address": row.address})
        else:
            message = run.one(row)
            add(row.line, "sent", {name: getattr(message, name) for name in _MESSAGE})
    return pa.RecordBatch.from_pydict(columns, schema=output_schema())
