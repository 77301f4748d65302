"""A relative day word in text that lasts (kind ``relative-day``; R14 he/en D5, issue 11
point 6: "today" and "tomorrow" only in channels read at once).

The status page, the email and the banner are read hours or days after they are written: an
incident text that says "by the end of the day" or "tomorrow" there means another day to whoever
reads it later. The templates write the weekday and the date on those channels; this check
looks at what a person typed into the incident (the title, the impact, the workaround, what
customers should do, their short forms, the updates' notes) and a channel in the rule's scope
placed, by the record of what each message placed (``Message.placed``). A warning, one for
each text and language, in the language of the text, naming its field and every channel in
scope that placed it.

The advice names the day the word means, in the language's dated form: the statement's day for
"today" or "by the end of the day", the next for "tomorrow" (the rule's ``days``), its weekday
and date written as the language writes them (R15 he/en #3).

The words are the language's own, in its rule file (``words``, and the one-letter ``prefixes``
the language glues to a word: Hebrew "ומחר", "שהיום"); they match as whole words only, through
:class:`~crisiscomms.rules.match.Matcher` (one pass over the text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from ..config import Language
from ..facts import date_atom
from ..findings import Finding
from ..model import Incident, Localized
from ..rules import RelativeDayRule
from .base import Context
from .common import rules_for

__all__ = ["FIELDS", "check_relative_day", "example", "placed_fields"]

FIELDS = ("title", "impact", "workaround", "workaround_short", "customer_action",
          "customer_action_short")
"""The incident's free texts a person types for customers (with each update's ``note``): every
one the status page and the email print ("Payments made this morning appear late" in the impact
is another morning the next day)."""

# The facts through which a template places each text: the text itself, or its form after a
# label or inside a sentence (``workaround_after_label``, ``workaround_inline``, ``title_inner``).
_FORMS = ("", "_after_label", "_inline", "_inner")
_NOTE = re.compile(r"^updates\[(\d+)\]\.note$")


def _texts(incident: Incident) -> dict[str, Localized]:
    found: dict[str, Localized] = {}
    for name in FIELDS:
        value = getattr(incident, name)
        if value is not None:
            found[name] = value
    for index, update in enumerate(incident.updates):
        found[f"updates[{index}].note"] = update.note
    return found


def placed_fields(placed: frozenset[str]) -> set[str]:
    """The incident fields (of :data:`FIELDS` and the updates' notes) that ``placed`` holds.

    >>> sorted(placed_fields(frozenset({"workaround_inline", "updates[2].note", "impact",
    ...                                 "title_inner", "services"})))
    ['impact', 'title', 'updates[2].note', 'workaround']
    """
    found = {name for name in FIELDS for form in _FORMS if f"{name}{form}" in placed}
    found.update(fact for fact in placed if _NOTE.match(fact))
    return found


def example(rule: RelativeDayRule, day: dt.date, language: Language, word: str = "") -> str:
    """The rule's example for ``word`` (``example_for``, else ``example``) on ``day``: its
    weekday as the language's dated form writes it (``dated_weekdays``, else
    ``weekday_format``) and its date in ``date_format``."""
    weekday = (language.dated_weekdays[day.weekday()] if language.dated_weekdays
               else str(date_atom(day, language.weekday_format, language)))
    return rule.example_of(word).format(weekday=weekday,
                               date=str(date_atom(day, language.date_format, language)))


def check_relative_day(context: Context) -> Iterator[Finding]:
    """A finding for each incident text with a relative day word that a lasting channel (the
    rule's scope) places, in the text's language."""
    bundle = context.bundle
    incident = bundle.incident
    texts = _texts(incident)
    if not texts:
        return
    today = incident.updated_at.astimezone(
        ZoneInfo(context.templates.config.organisation.time_zone)).date()
    # (rule id, field.lang) -> (rule, lang, word, its day, the channels that place it,
    # the word as the rule lists it)
    hits: dict[tuple[str, str],
               tuple[RelativeDayRule, str, str, dt.date, list[str], str]] = {}
    for message in bundle:
        lang = message.language
        rules = [rule for rule in rules_for(context, lang).of_kind(RelativeDayRule)
                 if rule.scope.covers(message.channel)]
        if not rules:
            continue
        for name in sorted(placed_fields(message.placed)):
            text = texts[name].get(lang) if name in texts else None
            if not text:
                continue
            for rule in rules:
                key = (rule.id, f"{name}.{lang}")
                if key in hits:
                    if message.channel not in hits[key][4]:
                        hits[key][4].append(message.channel)
                    continue
                hit = rule.matcher.search(text)
                if hit is not None:
                    day = today + dt.timedelta(days=int(hit.params.get("offset", "0")))
                    hits[key] = (rule, lang, hit.found, day, [message.channel],
                                 hit.params.get("word", ""))
    for (_, where), (rule, lang, word, day, channels, listed) in hits.items():
        said = example(rule, day, context.templates.language(lang), listed)
        yield rule.finding({"field": where, "found": word, "channels": ", ".join(channels),
                            "example": said},
                           field=where, language=lang, channel=channels[0],
                           file=incident.source)
