"""A workaround the SMS budget dropped (kind ``workaround-dropped``): the incident has one, but
a message in the rule's scope says neither it nor its short form, so customers who read that
message (and only in that language) do not learn it. A warning: the message is still sendable;
the finding names ``workaround_short.<lang>``, the field that would give the SMS room for it.

As for the required facts, what counts is the record of what the template placed
(``Message.placed_in``) together with the wording in the text: a template that reads
``f.workaround`` to decide whether it fits has not said it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import SmsText
from ..rules import WorkaroundDroppedRule
from .base import Context
from .common import placed_in_text, scoped_rules, template_file, written

_FIELDS = ("workaround", "workaround_short")


def check_workaround_dropped(context: Context) -> Iterator[Finding]:
    """A finding for each message in a rule's scope that drops the incident's workaround."""
    for message in context.bundle:
        facts = context.plain[message.language]
        if not facts.get("workaround"):
            continue
        rules = scoped_rules(context, message, WorkaroundDroppedRule)
        if not rules:
            continue
        placed = placed_in_text(message)
        seen = "\n".join(written(message).values())
        if any(name in placed and facts.get(name) and str(facts[name]) in seen
               for name in _FIELDS):
            continue
        file = template_file(context, message.language, message.channel, "text")
        for rule in rules:
            yield rule.finding({"limit": SmsText.max_length}, language=message.language,
                               channel=message.channel, file=file,
                               field=f"workaround_short.{message.language}")
