"""Lint benchmark: the whole ``crisiscomms lint`` process against a bare import baseline.

    python benchmarks/bench_lint.py [--runs N]

Target: linting the default templates over the built-in examples takes under 2 s as a whole
process. Both commands run as new processes, alternately, in the same run (so a busy machine
slows both alike); the figure is the median wall time, with its ratio to the cold start of
``python -c "import jinja2, babel, pydantic, bidi"``. The figure is printed, never asserted:
timings belong to a machine, not to the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-m", "crisiscomms", "lint"]
BASELINE = [sys.executable, "-c", "import jinja2, babel, pydantic, bidi"]
TARGET_SECONDS = 2.0


def wall_time(command: list[str]) -> float:
    """Seconds one run of ``command`` takes; fails loudly if the command does."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n"
                         f"{done.stdout}{done.stderr}")
    return elapsed


def main() -> int:
    """Measure, print the figures, exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    wall_time(LINT)  # warm the file system cache and compiled bytecode for both
    wall_time(BASELINE)
    lint, baseline = [], []
    for _ in range(args.runs):
        lint.append(wall_time(LINT))
        baseline.append(wall_time(BASELINE))
    lint_s, base_s = statistics.median(lint), statistics.median(baseline)
    print(f"crisiscomms lint (default templates, built-in examples), {args.runs} runs:")
    print(f"  lint process    median {lint_s:.3f} s  (min {min(lint):.3f} s)")
    print(f"  import baseline median {base_s:.3f} s  (min {min(baseline):.3f} s)")
    print(f"  ratio lint / baseline: {lint_s / base_s:.1f}x")
    verdict = "met" if lint_s < TARGET_SECONDS else "NOT met"
    print(f"  target < {TARGET_SECONDS:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
