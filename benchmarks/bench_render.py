"""Render benchmark: a whole bundle against its floor, and the cold command against imports.

    python benchmarks/bench_render.py

Prints figures as ratios to baselines measured in the same run:
- bundle: ``render()`` of one example, every core channel in both languages, against the floor
  (the same compiled templates rendered by raw Jinja2 from already-formatted facts), without
  and with reading ``Bundle.findings`` (the checks run when first read);
- cold: ``crisiscomms render`` as a new process against a process that only imports jinja2,
  babel, pydantic and python-bidi.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crisiscomms import render
from crisiscomms.channels import template_name
from crisiscomms.facts import build_facts, view
from crisiscomms.render import template_set
from crisiscomms.samples import example_path, load_example

CORE = ("ivr", "email", "banner", "sms", "talking_points")
ROOT = Path(__file__).resolve().parent.parent


def best_of(fn: Callable[[], object], number: int, repeat: int = 7) -> float:
    """Median seconds per call over ``repeat`` runs of ``number`` calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def floor_renderer(example: str) -> Callable[[], list[str]]:
    """The same templates, compiled and given pre-formatted facts: the least render can do."""
    incident = load_example(example)
    ts = template_set()
    jobs: list[tuple[Any, dict[str, Any]]] = []
    for lang in ts.config.organisation.languages:
        language = ts.language(lang)
        facts = build_facts(incident, ts.config, language, lang)
        for channel in CORE:
            from crisiscomms.channels import CHANNELS

            rtl = language.rtl
            strategy = ts.config.channel(channel).bidi if rtl else "none"
            for output in CHANNELS[channel].outputs:
                kind = "text" if output == "subject" else output
                f = view(facts, kind, strategy)
                context = {"f": f, "lang": lang, "dir": language.direction, "channel": channel,
                           "short": 0, "room": 0, "recipient": None, "trim": False}
                template = ts.environment(lang).get_template(template_name(channel, output))
                jobs.append((template, context))
    return lambda: [template.render(context) for template, context in jobs]


def cold(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    example = "identified"
    incident = load_example(example)
    render(incident, channels=CORE)  # compile once, as a long-running process would
    floor = best_of(floor_renderer(example), 200)
    bundle = best_of(lambda: render(incident, channels=CORE), 200)
    checked = best_of(lambda: render(incident, channels=CORE).findings, 100)
    print(f"floor (raw Jinja2, pre-formatted facts, 10 messages): {floor * 1e3:.3f} ms")
    # A channel over its budget is rendered again in its shorter wordings (SMS, IVR, banner,
    # social); the floor renders each template once.
    levels = {f"{m.language}/{m.channel}": m.stats.get("short", 1 if m.stats.get("wording")
                                                     == "short" else 0)
              for m in render(incident, channels=CORE)}
    print(f"wordings kept (short levels): {levels}")
    print(f"bundle, findings not read (10 messages, {example}): {bundle * 1e3:.3f} ms; "
          f"ratio {bundle / floor:.2f}x (target <= 2.0x)")
    print(f"bundle with its findings (every check run): {checked * 1e3:.3f} ms; "
          f"ratio {checked / floor:.2f}x (target <= 3.0x)")
    imports = cold([sys.executable, "-c", "import jinja2, babel, pydantic, bidi"])
    command = cold([sys.executable, "-m", "crisiscomms", "render", str(example_path(example))])
    print(f"cold `crisiscomms render`: {command * 1e3:.0f} ms; imports alone {imports * 1e3:.0f} "
          f"ms; ratio {command / imports:.2f}x (target <= 2.5x)")


if __name__ == "__main__":
    main()
