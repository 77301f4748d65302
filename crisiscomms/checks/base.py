"""What every check receives: the bundle, its template set and the facts it was rendered from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..facts import Facts, plain

if TYPE_CHECKING:
    from ..messages import Bundle
    from ..render import TemplateSet
    from ..rules import RuleSet

@dataclass(frozen=True)
class Context:
    """One rendered bundle under check."""

    bundle: Bundle
    templates: TemplateSet
    facts: Mapping[str, Facts]

    @cached_property
    def rule_sets(self) -> dict[str, RuleSet]:
        """Each language's rules once looked up (:func:`~crisiscomms.checks.common.rules_for`)."""
        return {}

    @cached_property
    def plain(self) -> dict[str, Any]:
        """Each language's facts as bare strings, the form a check looks for in an output."""
        return {lang: plain(facts) for lang, facts in self.facts.items()}
