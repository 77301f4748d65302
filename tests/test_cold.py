"""Cold start: what the first render does without (issue 14, item 6). No timing: what is
imported and what Pydantic scans, checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST_RENDER = """
import json, os, sys
import pydantic.plugin._loader as loader
from crisiscomms import render
from crisiscomms.samples import load_example
render(load_example("identified"), channels=["sms", "email", "banner"])
print(json.dumps({"modules": sorted(sys.modules), "scanned": loader._plugins is not None,
                  "variable": os.environ.get("PYDANTIC_DISABLE_PLUGINS")}))
"""


def _first_render() -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", FIRST_RENDER], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_first_render_imports_only_what_it_uses() -> None:
    modules = _first_render()["modules"]
    assert isinstance(modules, list)
    for lazy in ("crisiscomms.bulk", "crisiscomms.lint.run", "crisiscomms.checks", "num2words",
                 "xml.sax.saxutils", "urllib.request"):
        assert lazy not in modules, lazy


def test_our_models_skip_the_plugin_scan_and_leave_the_environment_alone() -> None:
    result = _first_render()
    assert result["scanned"] is False
    assert result["variable"] is None


def test_lazy_names_still_import() -> None:
    import crisiscomms
    from crisiscomms.bulk import personalise, personalise_arrow

    assert crisiscomms.personalise is personalise
    assert crisiscomms.personalise_arrow is personalise_arrow
    assert "Personalised" in crisiscomms.__all__ and crisiscomms.Personalised is not None
