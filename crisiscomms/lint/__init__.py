"""``lint``: the wording gate CI runs on every change to the templates and rules.

Two passes over a template folder. Statically, every template is compiled and its syntax tree
checked (:mod:`crisiscomms.lint.static`, :mod:`crisiscomms.lint.parity`): syntax, undefined
names, the sandbox, the audience, language parity and every rule about words on the template's
own text, each at its file and line. Then every sample incident is rendered and every message
goes through the checks a bundle gets (:mod:`crisiscomms.checks`): budgets, required facts,
words, audience, times. A finding both passes make is reported once, from the static pass, which
knows the line; a template that fails to render is reported at the line where it failed.

>>> findings = lint()
>>> [f for f in findings if f.severity == "error"]
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..findings import Finding
    from .run import Sample

__all__ = ["lint"]


def lint(templates: str | os.PathLike[str] | None = None,
         incidents: Iterable[Sample] | None = None) -> list[Finding]:
    """Every template and rule check over a template folder (default: the built-in one),
    rendered over sample incidents (default: the built-in examples).

    Raises :class:`ConfigError` for an invalid config, language or rule file, and
    :class:`IncidentError` for an invalid sample; template problems are findings.
    """
    # The engine (Jinja's AST walkers, the rule kinds) loads here, not on `import crisiscomms`:
    # a cold `crisiscomms render` in a crisis should not pay for the CI gate.
    from .run import lint as run

    return run(templates, incidents)
