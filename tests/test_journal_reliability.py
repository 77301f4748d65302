"""The journal under real concurrency and real kills (CONTRACT section 8, issue 12 item 7).

Writers are forked processes (already warm, so each costs milliseconds, not an interpreter
start): two publishing into one journal at once must lose nothing and give seqs 1..n with no
gap or duplicate; a publisher killed with SIGKILL at random moments must leave the journal
readable, every recorded folder complete and ``latest`` on the newest recorded statement (or
the one before, after a kill between the commit and the swap) until the next publish.
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from crisiscomms.journal import Journal, StaleStatement
from crisiscomms.render import render

from .journal_states import BASE, assert_consistent, state

KILLS = 20


def _fork(work: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            work()
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    return pid


def _wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _publisher(db: Path, out: Path, incident_id: str, tag: str, count: int,
               done: Path | None = None) -> Callable[[], None]:
    """Publish ``count`` new states, each a minute after the journal's latest; a state another
    writer overtook (stale) is retried with a fresh minute."""
    def work() -> None:
        journal = Journal(db)
        recorded = 0
        while recorded < count:
            latest = journal.latest(incident_id)
            minute = 0 if latest is None else \
                int((latest.published_at - BASE).total_seconds() // 60) + 1
            try:
                outcome = journal.publish_outcome(state(minute, incident_id, tag), out=out)
            except StaleStatement:
                continue
            recorded += outcome.recorded
            if done is not None:
                with done.open("a", encoding="utf-8") as handle:
                    handle.write(f"{outcome.statement.seq}\n")
    return work


def test_two_processes_publishing_the_same_incident_at_once(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    _ = render(state(0)).findings  # warm the caches the children inherit
    Journal(db)
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    pids = [_fork(_publisher(db, out, "INC-1", tag, 6, log))
            for tag, log in zip("AB", logs, strict=True)]
    assert [_wait(pid) for pid in pids] == [0, 0]
    history = assert_consistent(db, out, "INC-1", settled=True)
    said = [int(x) for log in logs for x in log.read_text().split()]
    # Every statement a writer was told it recorded is there, once: nothing lost, no twins.
    assert sorted(said) == [s.seq for s in history] == list(range(1, 13))
    assert {s.incident.impact["en"][-3:] for s in history} == {"(A)", "(B)"}


def test_two_processes_publishing_different_incidents_at_once(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    _ = render(state(0)).findings
    pids = [_fork(_publisher(db, out, name, "", 6)) for name in ("INC-A", "INC-B")]
    assert [_wait(pid) for pid in pids] == [0, 0]
    for name in ("INC-A", "INC-B"):
        assert len(assert_consistent(db, out, name, settled=True)) == 6
    assert Journal(db).incidents() == ["INC-A", "INC-B"]


def test_publish_killed_at_random_moments(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "out"
    rng = random.Random(12)
    _ = render(state(0)).findings
    # How long a child takes to start and publish one statement here, so the kills spread
    # over every step of one (timed as the children run: on a loaded machine, CI's two test
    # workers among them, an in-process publish was too quick a measure).
    started = time.perf_counter()
    assert _wait(_fork(_publisher(tmp_path / "probe.db", tmp_path / "probe", "INC-P", "",
                                  1))) == 0
    one = time.perf_counter() - started
    checked: set[int] = set()
    for _ in range(KILLS):
        pid = _fork(_publisher(db, out, "INC-1", "", 1_000_000))
        time.sleep(rng.uniform(0.5 * one, 3 * one))
        os.kill(pid, signal.SIGKILL)
        assert _wait(pid) == -signal.SIGKILL
        # Statements recorded before this kill were read whole already: a later publish
        # must not touch them, and `latest` and the newest one are read again each time.
        checked -= {max(checked, default=0)}
        assert_consistent(db, out, "INC-1", settled=False, checked=checked)
    history = Journal(db).history("INC-1")
    assert len(history) >= KILLS // 2, "the kills came too early to test anything"
    # The next publish cleans up after the last kill and moves `latest` to the newest.
    _publisher(db, out, "INC-1", "", 1)()
    assert_consistent(db, out, "INC-1", settled=True)


def test_the_publish_command_killed_midway(tmp_path: Path) -> None:
    """The same through the real command in new interpreters (the path a cron job takes):
    each is killed at a random moment of its run, then the next one cleans up."""
    import subprocess
    import sys

    from crisiscomms.journal import canonical_json

    db, out = tmp_path / "j.db", tmp_path / "out"
    root = Path(__file__).resolve().parent.parent
    rng = random.Random(7)
    command = [sys.executable, "-m", "crisiscomms", "publish", "--journal", str(db),
               "--out", str(out)]
    files = []
    for minute in range(4):
        path = tmp_path / f"{minute}.json"
        path.write_text(canonical_json(state(minute, "INC-1")), encoding="utf-8")
        files.append(path)
    started = time.perf_counter()
    subprocess.run([*command, str(files[0])], cwd=root, check=True, capture_output=True)
    whole = time.perf_counter() - started
    for path in files[1:3]:
        process = subprocess.Popen([*command, str(path)], cwd=root,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.6 * whole, 1.0 * whole))
        process.kill()
        process.wait()
        assert_consistent(db, out, "INC-1", settled=False)
    done = subprocess.run([*command, str(files[3])], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert_consistent(db, out, "INC-1", settled=True)


def test_processes_making_one_new_journal_at_once_all_open_it(tmp_path: Path) -> None:
    # Session 24: three processes opening the same new journal at once. One read the header
    # before another's creation committed and the table count after it, and took the fresh
    # journal for another program's file (1 round in 10); one was refused the switch to
    # write-ahead logging, which SQLite refuses at once rather than wait (4 in 1000).
    def opener(db: Path) -> Callable[[], None]:
        def work() -> None:
            Journal(db)
        return work

    failed = 0
    for round_ in range(150):
        pids = [_fork(opener(tmp_path / f"j{round_}.db")) for _ in range(3)]
        failed += sum(_wait(pid) != 0 for pid in pids)
    assert failed == 0
