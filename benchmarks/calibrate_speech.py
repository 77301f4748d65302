"""Compare crisiscomms.text.speech.estimate_seconds with espeak-ng's real spoken length.

Run from the repository root: ``python benchmarks/calibrate_speech.py``. For
each Hebrew IVR script in ``tests/test_espeak.py`` it prints the spoken word
count, the estimate at 140 words a minute, the length espeak-ng measures at
``-s 140``, their ratio, and at the end the mean absolute error. Use it when
changing the pause constants in ``crisiscomms/text/speech.py``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crisiscomms.text.speech import estimate_seconds  # noqa: E402


def _load_scripts() -> ModuleType:
    """Load the test module that holds the scripts, without making tests a package."""
    spec = importlib.util.spec_from_file_location("_espeak_scripts", ROOT / "tests/test_espeak.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load tests/test_espeak.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _word_count(document: str) -> int:
    """Count the words estimate_seconds counts, for the report."""
    text = " ".join(ET.fromstring(document).itertext())
    return sum(1 for token in text.split() if any(char.isalpha() for char in token))


def main() -> int:
    """Print estimated against measured seconds per script; return a process exit code."""
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (Debian/Ubuntu: apt-get install espeak-ng)")
        return 2
    scripts = _load_scripts()
    rate = scripts.RATE_WPM
    errors: list[float] = []
    print(f"{'script':<15}{'words':>6}{'estimated':>11}{'espeak-ng':>11}{'ratio':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for name in sorted(scripts.SCRIPTS):
            document = scripts.script_document(scripts.SCRIPTS[name])
            measured = scripts.espeak_seconds(document, "he", Path(folder) / f"{name}.wav")
            estimated = estimate_seconds(document, words_per_minute=rate)
            errors.append(abs(estimated - measured) / measured)
            print(
                f"{name:<15}{_word_count(document):>6}{estimated:>10.2f}s{measured:>10.2f}s"
                f"{estimated / measured:>8.3f}"
            )
    mean = sum(errors) / len(errors)
    print(f"mean absolute error: {mean:.1%} (worst {max(errors):.1%}, test tolerance 25%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
