"""Bulk benchmark: personalised messages a second, against floors measured in the same run.

    python benchmarks/bench_personalise.py [--count N] [--memory N]

Prints messages a second and ratios (floor time / our time: 1.0 is the floor, the target is at
least 0.5) for:
- SMS, English and Hebrew: ``Personaliser.one()`` over checked recipients against the floor
  (the shared parts split once, joined with each name, with the segment recount: septets or
  UTF-16 units summed, segments from them);
- email bodies (text and HTML): ``Personaliser.one()`` against the floor (both bodies joined
  with the escaped name);
- the whole path, rows in -> messages out (``personalise()``: row checks, targeting, keys),
  against the same SMS floor;
- peak memory of ``crisiscomms personalise`` over a CSV of ``--memory`` recipients, streamed
  to JSON Lines (target under 300 MB at 1,000,000), against a process that only imports
  crisiscomms.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape
from timing import median_of

from crisiscomms.bulk import personalise
from crisiscomms.bulk.personalise import Personaliser
from crisiscomms.bulk.recipients import Recipient, check_rows
from crisiscomms.samples import example_path, load_example
from crisiscomms.text.sms import GSM7_BASIC

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Dana", "Yossi", "Maya Cohen", "Avi", "Noa", "Itai Levi", "Shira", "Omer"]
HEB_NAMES = ["דנה", "יוסי", "מאיה כהן", "אבי", "נועה", "איתי לוי", "שירה", "עומר"]


def rows(count: int, channel: str, lang: str) -> list[dict[str, str]]:
    names = HEB_NAMES if lang == "he" else NAMES
    address = "+972501234567" if channel == "sms" else "customer@example.com"
    return [{"id": f"c{i}", "channel": channel, "address": address, "language": lang,
             "name": f"{names[i % len(names)]}{i % 1000}"} for i in range(count)]


def checked(items: list[dict[str, str]]) -> list[Recipient]:
    found = [r for r in check_rows(enumerate(items, 1), languages=("he", "en"))
             if isinstance(r, Recipient)]
    assert len(found) == len(items)
    return found


def sms_floor(run: Personaliser, recipients: list[Recipient]) -> Callable[[], object]:
    """The least a personalised SMS can cost: the shared parts joined with the name (as the
    channel writes it), and the segments recounted from the summed lengths."""
    first = recipients[0]
    variant = run.variant(first.language, "sms", ("name",))
    head, tail = variant.shapes["text"].parts
    shared = head + tail
    gsm = GSM7_BASIC.issuperset(shared)
    units = len(shared.encode("utf-16-le")) // 2
    names = [r.values["name"] for r in recipients]

    def go() -> object:
        out = []
        for name in names:
            text = head + name + tail
            if gsm and GSM7_BASIC.issuperset(name):
                segments = math.ceil((len(shared) + len(name)) / 153)
            else:
                segments = math.ceil((units + len(name)) / 67)
            out.append((text, segments))
        return out

    return go


def email_floor(run: Personaliser, recipients: list[Recipient]) -> Callable[[], object]:
    """Both email bodies joined with the name (escaped for the HTML)."""
    first = recipients[0]
    variant = run.variant(first.language, "email", ("name",))
    text_parts = variant.shapes["text"].parts
    html_parts = variant.shapes["html"].parts
    names = [r.values["name"] for r in recipients]

    def go() -> object:
        return [(text_parts[0] + name + text_parts[1],
                 html_parts[0] + str(escape(name)) + html_parts[1]) for name in names]

    return go


def ours(run: Personaliser, recipients: list[Recipient]) -> Callable[[], object]:
    one = run.one
    return lambda: [one(r) for r in recipients]


def line(label: str, count: int, floor: float, measured: float) -> None:
    print(f"{label}: {count / measured:,.0f} msg/s; floor {count / floor:,.0f} msg/s; "
          f"ratio {floor / measured:.2f} (target >= 0.5)")


def peak_memory(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "recipients.csv"
        with source.open("w", encoding="utf-8") as stream:
            stream.write("id,channel,address,language,name\n")
            for i in range(count):
                channel = "sms" if i % 3 else "email"
                address = f"+9725{i:08d}" if i % 3 else f"user{i}@example.com"
                stream.write(f"c{i},{channel},{address},{('he', 'en')[i % 2]},"
                             f"{NAMES[i % len(NAMES)]}\n")
        probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        command = [sys.executable, "-m", "crisiscomms", "personalise",
                   str(example_path("identified")), str(source), "--out",
                   str(Path(folder) / "out.jsonl")]
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", probe, *command], check=True,
                              capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        peak = int(done.stdout.strip().splitlines()[-1]) / 1024
        base = subprocess.run([sys.executable, "-c", probe, sys.executable, "-c",
                               "import crisiscomms"], check=True, capture_output=True,
                              text=True, cwd=ROOT)
        floor = int(base.stdout.strip().splitlines()[-1]) / 1024
    print(f"command, {count:,} recipients (CSV -> JSON Lines): {seconds:.1f} s, "
          f"{count / seconds:,.0f} rows/s; peak memory {peak:.0f} MB; importing crisiscomms "
          f"alone {floor:.0f} MB (target < 300 MB at 1,000,000)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--memory", type=int, default=1_000_000,
                        help="recipients for the memory run (0: skip it)")
    args = parser.parse_args()
    count = args.count
    incident = load_example("identified")
    run = Personaliser(incident)
    for lang in ("en", "he"):
        recipients = checked(rows(count, "sms", lang))
        run.one(recipients[0])
        floor = median_of(sms_floor(run, recipients), repeat=3)
        line(f"SMS {lang}, {count:,} recipients", count, floor,
             median_of(ours(run, recipients), repeat=3))
    for lang in ("en", "he"):
        recipients = checked(rows(count, "email", lang))
        run.one(recipients[0])
        floor = median_of(email_floor(run, recipients), repeat=3)
        line(f"email bodies {lang}, {count:,} recipients", count, floor,
             median_of(ours(run, recipients), repeat=3))
    items = rows(count, "sms", "en")
    recipients = checked(items)
    floor = median_of(sms_floor(run, recipients), repeat=3)
    whole = median_of(lambda: sum(1 for _ in personalise(incident, items)), repeat=3)
    line(f"whole path (rows -> messages) SMS en, {count:,} rows", count, floor, whole)
    if args.memory:
        peak_memory(args.memory)


if __name__ == "__main__":
    main()
