"""Journal benchmark: what publishing costs over rendering, and how the journal grows.

    python benchmarks/bench_journal.py

Prints figures as ratios to floors measured in the same run:
- publish: ``Journal.publish()`` of one new statement (render with the previous one, checks,
  record), without and with ``out`` (every file written and fsynced, ``latest`` swapped),
  against ``render()`` of the same incident with its findings read (the floor);
- size: the journal after 10,000 statements of one incident plus 1,000 incidents of 3
  statements each. To be quick, those rows are **inserted directly** (copies of one real
  published row with a new incident id and seq), not published one by one;
- history: ``Journal.history()`` of the 10,000-statement incident, ``latest()``,
  ``incidents()`` and ``latest_all()`` (what ``due`` reads), against the floor of the bare
  ``SELECT`` of the same rows with the standard library's ``sqlite3``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_of  # noqa: E402

from crisiscomms import render  # noqa: E402
from crisiscomms.journal import Journal  # noqa: E402
from crisiscomms.model import Incident  # noqa: E402
from tests.journal_states import state  # noqa: E402

BIG = 10_000
MANY = 1_000


def states(count: int, start: int) -> list[Incident]:
    return [state(start + i) for i in range(count)]


def publish_figures(folder: Path) -> None:
    incident = state(0)
    floor = median_of(lambda: render(incident).findings, repeat=9)
    journal = Journal(folder / "p.db")
    journal.publish(state(0))
    pending = iter(states(40, 1))
    bare = median_of(lambda: journal.publish(next(pending)), repeat=9)
    Journal(folder / "q.db").publish(state(0), out=folder / "out")
    writing = Journal(folder / "q.db")
    pending = iter(states(40, 1))
    files = median_of(lambda: writing.publish(next(pending), out=folder / "out"), repeat=9)
    print(f"render + findings (floor)       {floor * 1000:8.1f} ms")
    print(f"publish, journal only           {bare * 1000:8.1f} ms   x{bare / floor:.2f}")
    print(f"publish, journal + files        {files * 1000:8.1f} ms   x{files / floor:.2f}")


def fill(path: Path) -> None:
    journal = Journal(path)
    first = journal.publish(state(0))
    journal.publish(state(10))
    columns = ("incident_id, seq, published_at, published_utc, status, next_update_at, "
               "incident_json, templates, outputs_json, findings_json, changes_json, "
               "feed_json, recorded_at")
    with closing(sqlite3.connect(path)) as db:
        row = db.execute(f"SELECT {columns} FROM statement WHERE seq = 2").fetchone()
        base = dt.datetime.fromisoformat(row[2])

        def rows() -> object:
            for seq in range(3, BIG + 1):
                at = base + dt.timedelta(minutes=seq)
                yield (first.incident_id, seq, at.isoformat(),
                       at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), *row[4:])
            for n in range(MANY):
                for seq in (1, 2, 3):
                    yield (f"INC-{n:05d}", seq, *row[2:])

        with db:
            db.executemany(f"INSERT INTO statement ({columns}) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())  # type: ignore[arg-type]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def journal_figures(folder: Path) -> None:
    path = folder / "big.db"
    start = time.perf_counter()
    fill(path)
    print(f"fill {BIG} + {MANY}x3 rows (direct insert) {time.perf_counter() - start:6.1f} s")
    size = path.stat().st_size
    total = BIG + 3 * MANY
    print(f"journal size                    {size / 1e6:8.1f} MB   "
          f"({size / total / 1000:.1f} kB per statement)")
    journal = Journal(path)

    def bare() -> object:
        with closing(sqlite3.connect(path)) as db:
            return db.execute("SELECT * FROM statement WHERE incident_id = 'INC-2041' "
                              "ORDER BY seq").fetchall()

    floor = median_of(bare)
    history = median_of(lambda: journal.history("INC-2041"))
    assert len(journal.history("INC-2041")) == BIG
    latest = median_of(lambda: journal.latest("INC-2041"), repeat=21)
    ids = median_of(journal.incidents)
    due = median_of(journal.latest_all)
    print(f"SELECT of {BIG} rows (floor)     {floor * 1000:8.1f} ms")
    print(f"history({BIG} statements)      {history * 1000:8.1f} ms   x{history / floor:.2f}")
    print(f"latest()                        {latest * 1000:8.2f} ms")
    print(f"incidents() of {MANY + 1}            {ids * 1000:8.1f} ms")
    print(f"latest_all() (due) of {MANY + 1}     {due * 1000:8.1f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        publish_figures(folder)
        journal_figures(folder)


if __name__ == "__main__":
    main()
