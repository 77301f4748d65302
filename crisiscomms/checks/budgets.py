"""Length budgets per channel and language: SMS segments, characters, subject length, speech."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import Context

# (budget name in the config, stat it limits, rule id, unit for the message)
_BUDGETS = (
    ("max_segments", "segments", "sms-segments", "segments"),
    ("max_chars", "characters", "length-characters", "characters"),
    ("max_subject_chars", "subject_characters", "length-subject", "characters"),
    ("max_seconds", "seconds", "ivr-seconds", "seconds"),
    ("max_weighted", "weighted_length", "length-weighted", "weighted characters"),
)


def check_budgets(context: Context) -> Iterator[Finding]:
    """An ``error`` for every message over a budget its channel's config sets."""
    config = context.templates.config
    for message in context.bundle:
        settings = config.channel(message.channel)
        for budget, stat, rule, unit in _BUDGETS:
            limit = settings.budget(budget, message.language)
            value = message.stats.get(stat)
            if limit is None or value is None or value <= limit:
                continue
            yield Finding(rule, "error", f"{value} {unit}; the budget is {limit}",
                          language=message.language, channel=message.channel)
