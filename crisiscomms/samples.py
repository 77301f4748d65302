"""The built-in example incidents, shipped with the package for docs, tests and benchmarks.

>>> sorted(example_names())[:2]
['compensation', 'identified']
>>> load_example("identified").id
'INC-2041'
"""

from __future__ import annotations

from pathlib import Path

from .loading import load_incident
from .model import Incident

__all__ = ["example_names", "example_path", "examples_dir", "load_example"]


def examples_dir() -> Path:
    """The folder of example incidents: inside the installed package, or in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "examples"
    return packaged if packaged.is_dir() else here.parent / "examples"


def example_names() -> list[str]:
    """The names of the built-in examples (file stems)."""
    return sorted(p.stem for p in examples_dir().glob("*.yaml"))


def example_path(name: str) -> Path:
    """The file of example ``name``; raises ``KeyError`` listing the known names."""
    path = examples_dir() / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(f"no example {name!r}; known: {', '.join(example_names())}")
    return path


def load_example(name: str) -> Incident:
    """Load a built-in example incident by name."""
    return load_incident(example_path(name))
