"""``personalise_arrow`` under Dask's distributed scheduler: two worker processes over 100,000
recipients give exactly the single-process run. Slow (a cluster starts): deselect locally with
``-m "not slow"``; CI runs it."""

from __future__ import annotations

from typing import Any

import pytest

from crisiscomms.bulk import Tally, personalise, personalise_arrow
from crisiscomms.bulk.arrow import output_schema
from crisiscomms.samples import load_example

pytestmark = pytest.mark.slow

COUNT = 100_000
NAMES = ["Dana", "דנה", "Zoë", "Yossi Cohen", "", "O'Brien"]


def recipients(count: int) -> list[dict[str, Any]]:
    """Every kind of row: both channels and languages, a fallback language, names and none,
    a reference, services hit and not, and now and then a bad phone or email."""
    rows = []
    for i in range(count):
        sms = i % 3 != 0
        row: dict[str, Any] = {
            "id": f"c{i}", "channel": "sms" if sms else "email",
            "address": f"+9725{i:08d}" if sms else f"user{i}@example.com",
            "language": ("he", "en", "fr", None)[i % 4],
            "name": NAMES[i % len(NAMES)] or None,
            "services": (None, "app", "tv|landline", "app|web")[i % 4 if i % 5 else 0],
            "reference": f"REF-{i}" if i % 2 else None,
        }
        if i % 997 == 0:
            row["address"] = "0501234567" if sms else "not-an-address"
        rows.append(row)
    return rows


def test_two_workers_give_the_single_process_run() -> None:
    pa = pytest.importorskip("pyarrow")
    pc = pytest.importorskip("pyarrow.compute")
    distributed = pytest.importorskip("distributed")
    incident = load_example("identified")
    rows = recipients(COUNT)
    tally = Tally()
    single = [m._asdict() for m in personalise(incident, rows, tally=tally)]
    batches = pa.Table.from_pylist(rows).to_batches(max_chunksize=COUNT // 8)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        shared = client.scatter(incident, broadcast=True)
        parts = client.scatter(batches)
        futures = client.map(personalise_arrow, [shared] * len(parts), parts, pure=False)
        results = client.gather(futures)
        assert len(client.scheduler_info()["workers"]) == 2
    table = pa.Table.from_batches(results, schema=output_schema())
    assert table.num_rows == COUNT  # one output row per input row, across the cluster
    outcomes = table.column("outcome").to_pylist()
    assert outcomes.count("skipped") == tally.skipped > 0
    assert outcomes.count("rejected") == tally.rejected > 0
    sent = table.filter(pc.equal(table.column("outcome"), "sent"))
    columns = list(single[0])
    assert sent.select(columns).to_pylist() == single
