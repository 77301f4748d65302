"""Render and cold-start costs as instruction counts (valgrind's callgrind), for a shared machine.

    python benchmarks/bench_instructions.py

Wall-clock figures swing several-fold when other work shares the 2 cores; the number of
instructions a run executes does not. Prints, per call, the floor (bench_render.py's), a bundle
without and with its findings, and the cold command against importing its dependencies.
Needs ``valgrind``; slow (about a minute a figure).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CALLS = {"floor": 200, "bundle": 40, "findings": 40}


def child(mode: str, calls: int) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
    import num2words  # noqa: F401 - loaded before the warm-up's first SSML time limit
    from bench_render import CORE, floor_renderer

    from crisiscomms import render
    from crisiscomms.samples import load_example

    incident = load_example("identified")
    assert render(incident, channels=CORE).findings is not None  # warm-up
    floor = floor_renderer("identified")
    floor()
    for _ in range(calls):
        if mode == "floor":
            floor()
        elif mode == "bundle":
            render(incident, channels=CORE)
        else:
            assert render(incident, channels=CORE).findings is not None


def instructions(args: list[str]) -> int:
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *args], cwd=ROOT, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def main() -> None:
    python = os.path.realpath(sys.executable)  # not a pyenv shim: valgrind would count bash
    me = str(Path(__file__).resolve())
    idle = instructions([python, me, "--child", "floor", "0"])
    per = {mode: (instructions([python, me, "--child", mode, str(n)]) - idle) / n
           for mode, n in CALLS.items()}
    print(f"floor: {per['floor'] / 1e6:.2f} M instructions a call")
    for mode in ("bundle", "findings"):
        print(f"{mode}: {per[mode] / 1e6:.2f} M; ratio {per[mode] / per['floor']:.2f}x")
    imports = instructions([python, "-c", "import jinja2, babel, pydantic, bidi"])
    command = instructions([python, "-m", "crisiscomms", "render", "examples/identified.yaml"])
    print(f"cold command: {command / 1e6:.0f} M; imports {imports / 1e6:.0f} M; "
          f"ratio {command / imports:.2f}x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
