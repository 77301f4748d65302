"""Length budgets per channel and language (kind ``budget``): SMS segments, characters, subject
length, seconds of speech, weighted length.

The limits are the organisation's (``crisiscomms.toml``); the rule file says which budgets are
checked, at which level, with which message. A finding names the template whose output is over;
when even the channel's shortest wording is over, the rule's ``shortest`` text says what in the
incident to shorten.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..channels import CHANNELS, Output
from ..findings import Finding
from ..messages import Message
from ..rules import BudgetRule
from .base import Context
from .common import long_names, rules_for, template_file

# The output whose template a budget's finding points at.
_OUTPUT: dict[str, Output] = {"max_subject_chars": "subject", "max_seconds": "ssml"}


def check_budgets(context: Context) -> Iterator[Finding]:
    """A finding for every message over a budget its channel's config sets."""
    config = context.templates.config
    rules: dict[str, tuple[BudgetRule, ...]] = {}
    for message in context.bundle:
        settings = config.channel(message.channel)
        if message.language not in rules:
            rules[message.language] = rules_for(context, message.language).of_kind(BudgetRule)
        for rule in rules[message.language]:
            if not rule.scope.covers(message.channel):
                continue
            over = settings.over_budget(message.stats, message.language).get(rule.budget)
            if over is None:
                continue
            value, limit = over
            output = _OUTPUT.get(rule.budget, "text")
            yield rule.finding_over({"value": value, "limit": limit},
                                    shortest=_shortest(message),
                                    long_names=long_names(context, message.language),
                                    language=message.language,
                                    channel=message.channel,
                                    file=template_file(context, message.language,
                                                       message.channel, output))


def _shortest(message: Message) -> bool:
    """Whether ``message`` is its channel's shortest wording: render had no shorter one to try,
    so what is over is the incident's own text."""
    spec = CHANNELS.get(message.channel)
    top = spec.short_wording if spec else 0
    stats = message.stats
    level = stats.get("short", 1 if stats.get("wording") == "short" else 0)
    return isinstance(level, int) and level >= top
