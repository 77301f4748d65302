"""A workaround the SMS budget dropped (kind ``workaround-dropped``): the incident has one, but
a message in the rule's scope says neither it nor its short form, so customers who read that
message (and only in that language) do not learn it. A warning: the message is still sendable;
the finding names ``workaround_short.<lang>``, the field that would give the SMS room for it
(``title.<lang>`` when the short form is given and did not fit either, with the rule's
``given`` message).
A statement after one that already had the workaround (no ``workaround_added`` among its
changes) is not flagged: its SMS goes to customers who were told, and may give the room to
what changed.

As for the required facts, what counts is the record of what the template placed
(``Message.placed_in``) together with the wording in the text: a template that reads
``f.workaround`` to decide whether it fits has not said it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from ..changes import ChangeKind
from ..findings import Finding
from ..model import SmsText
from ..rules import ShortFormKeywordRule, WorkaroundDroppedRule
from .base import Context
from .common import long_names, placed_in_text, rules_for, scoped_rules, template_file, written

_FIELDS = ("workaround", "workaround_short", "workaround_min")


def check_workaround_dropped(context: Context) -> Iterator[Finding]:
    """A finding for each message in a rule's scope that drops the incident's workaround."""
    for message in context.bundle:
        facts = context.plain[message.language]
        if not facts.get("workaround") or _carried(facts):
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
        # With the short form given, what is left to shorten is the title (and service names).
        given = bool(facts.get("workaround_short"))
        for rule in rules:
            found = rule.finding({"limit": SmsText.max_length}, language=message.language,
                                 channel=message.channel, file=file,
                                 field=f"{'title' if given else 'workaround_short'}."
                                       f"{message.language}")
            text = rule.given_message(SmsText.max_length, long_names(context,
                                                                     message.language))
            yield replace(found, message=text) if given and text else found


def _carried(facts: Mapping[str, Any]) -> bool:
    """A statement after a statement that already had this workaround (its changes do not add
    one): the previous SMS said it, so this one may spend its room on what changed."""
    changes = facts.get("changes") or ()
    return bool(changes) and not any(change["kind"] == ChangeKind.WORKAROUND_ADDED
                                     for change in changes)


# --- A short form that names what the full text does not (kind ``short-form-keyword``) -------
# R10 ar D1 / he #5: the short form said "SMS 'תשלום' to 2040" while the full workaround said
# only "SMS to 2040"; callers who heard the full text sent an empty SMS and paid nothing.

_SHORT_FORMS = (("workaround", "workaround_short"), ("customer_action", "customer_action_short"))
_LETTER = r"[^\W\d_]"
# A quoted word: the opening mark not after a letter (so an apostrophe or a Hebrew geresh inside
# a word opens nothing), at most 40 characters of no mark, the closing mark not before a letter.
# Each start tries at most 40 characters: linear in the text, no nested repetition.
_QUOTES = (("'", "'"), ('"', '"'), ("\u2018", "\u2019"), ("\u201c", "\u201d"),
           ("\u201e", "\u201c\u201d"), ("\u00ab", "\u00bb"))
_QUOTED = re.compile("|".join(
    f"(?<!{_LETTER}){re.escape(o)}([^{re.escape(o + c)}\\n]{{1,40}})[{re.escape(c)}](?!{_LETTER})"
    for o, c in _QUOTES))
_UPPER = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,40}(?![A-Za-z0-9])")
# A number of three digits or more, its parts joined by hyphens (03-1234567); a time (17:50)
# or a date (22.11) splits into short parts and is left alone.
_NUMBER = re.compile(r"\d+(?:[-\u2010\u2011]\d+)*")


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


def _numbers(text: str) -> list[str]:
    found = (_digits(m.group()) for m in _NUMBER.finditer(text))
    return [n for n in found if len(n) >= 3]


def missing_tokens(short: str, full: str) -> list[str]:
    """What ``short`` names that ``full`` lacks: quoted words (ignoring case and the quotation
    marks), upper-case Latin words (as written, as whole words), numbers of three digits or
    more (by their digits), each once, in order.

    >>> missing_tokens("לתשלום: SMS עם המילה 'תשלום' ל-2040", "בשליחת SMS למספר 2040.")
    ['תשלום']
    >>> missing_tokens("To pay, text PAY to *2040", "Pay by texting pay to 2040.")
    ['PAY']
    >>> missing_tokens("Call 03-555-1234 until 17:50", "Call us on 035551234.")
    []
    >>> missing_tokens("שלחו 'חשבונית' ל-2040", "את החשבונית ניתן לקבל בשליחת הודעה למספר 2040.")
    ['חשבונית']
    """
    found: dict[str, None] = {}
    folded = full.casefold()
    for match in _QUOTED.finditer(short):
        word = " ".join(next(g for g in match.groups() if g is not None).split())
        # A whole word: 'חשבונית' is not named by "החשבונית" (the article is joined to it).
        if word and not re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", folded):
            found[word] = None
    whole = set(_UPPER.findall(full))
    for word in _UPPER.findall(short):
        if word not in whole:
            found[word] = None
    numbers = _numbers(full)
    for number in _numbers(short):
        if not any(number in n for n in numbers):
            found[number] = None
    return list(found)


def check_short_form_keyword(context: Context) -> Iterator[Finding]:
    """A finding for each keyword or number a short form names and its full text (the same
    language's) lacks; in that language, naming the full text's field."""
    bundle = context.bundle
    incident = bundle.incident
    for lang in bundle.languages:
        rules = rules_for(context, lang).of_kind(ShortFormKeywordRule)
        if not rules:
            continue
        for name, short_name in _SHORT_FORMS:
            full, short = getattr(incident, name), getattr(incident, short_name)
            full_text = None if full is None else full.get(lang)
            short_text = None if short is None else short.get(lang)
            if not full_text or not short_text:
                continue
            for token in missing_tokens(short_text, full_text):
                for rule in rules:
                    yield rule.finding({"field": f"{name}.{lang}", "short": f"{short_name}.{lang}",
                                        "token": token}, field=f"{name}.{lang}", language=lang,
                                       file=incident.source)
