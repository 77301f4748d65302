"""Rules about words (kinds ``existence``, ``substitution``, ``address``, ``leftover``) in every
rendered message.

The kinds differ only in what their matcher looks for (see :mod:`crisiscomms.rules`); here each
is run over each written output in the rule's scope. All of a language's text is screened at
once first, so a clean bundle costs one scan per language. ``crisiscomms lint`` also runs these
rules on the templates' own text, where it can name the line; in a rendered message, a word that
the incident itself supplied (its title, impact, notes) is reported against the incident (no
file), not against a template.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import TYPE_CHECKING

from ..channels import Output
from ..facts import is_long_outage
from ..findings import Finding
from .base import Context
from .common import rules_for, template_file, written

if TYPE_CHECKING:
    from ..messages import Message

__all__ = ["check_words"]

_SEPARATOR = "\x00"


def check_words(context: Context) -> Iterator[Finding]:
    """A finding for each forbidden, replaceable, singular or placeholder word in an output."""
    long_outage = is_long_outage(context.bundle.incident, context.templates.config)
    by_lang: dict[str, list[Message]] = {}
    for message in context.bundle:
        by_lang.setdefault(message.language, []).append(message)
    for lang, messages in by_lang.items():
        outputs: list[tuple[Message, Output, str]] = [
            (message, output, text) for message in messages
            for output, text in written(message).items()]
        # All outputs of a language in one string, so a rule is one scan, not one per output;
        # NUL between them, which no phrase's spaces or word boundaries run across.
        joined = _SEPARATOR.join(text for _, _, text in outputs)
        rules = tuple(r for r in rules_for(context, lang).candidates(joined)
                      if getattr(r, "when", None) is None or long_outage)
        if not rules:
            continue
        starts = list(accumulate((len(text) + 1 for _, _, text in outputs), initial=0))
        supplied = tuple(t[lang].casefold() for t in context.bundle.incident.texts().values()
                         if t.get(lang) is not None)
        seen: set[tuple[str, str, str | None, str]] = set()
        for rule in rules:
            for hit in rule.matcher.finditer(joined):
                message, output, _ = outputs[bisect_right(starts, hit.start) - 1]
                channel = message.channel
                if not rule.scope.covers(channel):
                    continue
                found = hit.found.casefold()
                from_incident = any(found in t for t in supplied)
                file = None if from_incident else template_file(context, lang, channel, output)
                if (rule.id, channel, file, found) in seen:
                    continue
                seen.add((rule.id, channel, file, found))
                yield rule.finding({"found": hit.found, **hit.params}, language=lang,
                                   channel=channel, file=file)
