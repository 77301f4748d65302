"""The README's promises: its Python example runs, and its commands name real things."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(capsys: object) -> None:
    code = re.search(r"```python\n(.*?)```", README, re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(compile(code.group(1).replace("examples/", f"{ROOT}/examples/"), "README", "exec"),
         namespace)
    assert "bundle" in namespace and "mail" in namespace


def test_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in README and "python -m pytest" in ci
    assert "pip install . && crisiscomms render examples/identified.yaml" in README
    assert (ROOT / "examples" / "identified.yaml").is_file()
