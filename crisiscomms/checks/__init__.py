"""The checks run on every rendered bundle; each module holds one kind of rule.

A check is a function from a :class:`Context` to findings. ``Bundle.findings`` is the result of
running all of them; ``crisiscomms check`` and ``crisiscomms lint`` print them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from ..facts import Facts
from ..findings import Finding
from .audience import check_audience
from .base import Context
from .budgets import check_budgets
from .display import check_display
from .incident_text import check_incident_text
from .relative_day import check_relative_day
from .required import check_changes_stated, check_required_facts
from .times import check_times
from .words import check_words
from .workaround import check_short_form_keyword, check_workaround_dropped

if TYPE_CHECKING:
    from ..messages import Bundle
    from ..render import TemplateSet

__all__ = ["CHECKS", "Context", "check_bundle"]

Check = Callable[[Context], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (check_budgets, check_required_facts, check_changes_stated,
                             check_display, check_words,
                             check_audience, check_times, check_incident_text,
                             check_workaround_dropped, check_short_form_keyword,
                             check_relative_day)


def check_bundle(bundle: Bundle, templates: TemplateSet,
                 facts: Mapping[str, Facts]) -> list[Finding]:
    """Run every check on a rendered bundle; findings sorted by language, channel, rule."""
    context = Context(bundle, templates, facts)
    found = [finding for check in CHECKS for finding in check(context)]
    return sorted(found, key=lambda f: (f.language or "", f.channel or "", f.rule, f.message))
