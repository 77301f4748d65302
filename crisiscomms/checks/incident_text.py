"""The incident's own texts (kind ``incident-text``): what its author pasted in.

``invisible``: a character that shows nothing yet changes how the text displays (a soft hyphen
at a line break, a joiner between letters) or how it is sent (one such character turns an
English SMS from GSM-7 into UCS-2, halving its room). The ones that never mean anything are
removed when the incident is read (``bidi.STRIPPED_INVISIBLES``); these are the rest, reported
by field and character, except where they do mean something: a zero-width joiner or non-joiner
beside a letter of a script that joins its letters (Arabic, Syriac, the Indic scripts), or a
joiner inside an emoji sequence.

``url``: a web address in a text that a channel in the rule's scope places, by the record of
what each message placed (``Message.placed``): the IVR would read it aloud character by
character. Reported in the language of the text that holds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from ..findings import Finding
from ..model import Incident, Localized
from ..rules import IncidentTextRule
from ..text.bidi import STRIPPED_INVISIBLES
from .base import Context
from .common import rules_for

__all__ = ["INVISIBLES", "check_incident_text", "fact_field", "invisible_characters"]

INVISIBLES = frozenset("\u00ad\u034f\u200c\u200d\u115f\u1160\u17b4\u17b5\u3164\uffa0") \
    | STRIPPED_INVISIBLES
"""Characters that display as nothing (or, the soft hyphen, only at a line break)."""

_JOINERS = frozenset("\u200c\u200d")
# Scripts whose letters join or form conjuncts, where ZWJ/ZWNJ choose a letter's shape:
# Arabic, Syriac, Thaana, N'Ko, Arabic supplements, the Indic scripts, Arabic presentation forms.
_JOINING = re.compile("[\u0600-\u07ff\u0860-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefe]")
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLES)) + "]")
_SERVICE = re.compile(r"^service_list\[(\d+)\]$")


def _meaningful(text: str, index: int) -> bool:
    if text[index] not in _JOINERS:
        return False
    around = text[max(index - 1, 0):index] + text[index + 1:index + 2]
    if _JOINING.search(around):
        return True
    # An emoji sequence (a family, a flag with a sign): a symbol or a variation selector beside.
    return text[index] == "\u200d" and any(
        unicodedata.category(c) == "So" or c == "\ufe0f" for c in around)


def invisible_characters(text: str) -> list[str]:
    """The invisible characters in ``text`` that change its display or SMS encoding, each
    named once, in order of first appearance.

    >>> invisible_characters("sign\\u00adin and log\\u200din")
    ['U+00AD SOFT HYPHEN', 'U+200D ZERO WIDTH JOINER']
    >>> invisible_characters("\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645")  # Persian
    []
    """
    found: dict[str, None] = {}
    for match in _INVISIBLE_RE.finditer(text):
        if not _meaningful(text, match.start()):
            char = match.group()
            found[f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"] = None
    return list(found)


def fact_field(fact: str, incident: Incident) -> str | None:
    """The incident field a placed fact comes from, when it is one of the incident's texts.

    >>> from crisiscomms.samples import load_example
    >>> inc = load_example("identified")
    >>> fact_field("service_list[1]", inc), fact_field("impact", inc), fact_field("eta.time", inc)
    ('services[1].name', 'impact', None)
    """
    service = _SERVICE.match(fact)
    if service:
        fact = f"services[{service.group(1)}].name"
    return fact if fact in _texts(incident) else None


def _texts(incident: Incident) -> Mapping[str, Localized]:
    return {**incident.texts(), **incident.internal_texts()}


def check_incident_text(context: Context) -> Iterator[Finding]:
    """A finding for each invisible character in the incident's texts (by field and language),
    and for each web address a channel in scope places from them."""
    bundle = context.bundle
    if not bundle.languages:
        return
    incident = bundle.incident
    texts = _texts(incident)
    # A finding about the incident itself is for the person who wrote it: it reads in the first
    # language rendered (the one `--lang` names first), whatever language the text is in, and
    # names the incident's file and field.
    primary = bundle.languages[0]
    rules = rules_for(context, primary).of_kind(IncidentTextRule)
    source = incident.source
    for rule in rules:
        if rule.check != "invisible":
            continue
        for lang in bundle.languages:
            for path, localized in texts.items():
                text = localized.get(lang)
                for name in invisible_characters(text) if text else ():
                    yield rule.finding({"field": f"{path}.{lang}", "character": name,
                                        "found": name}, field=f"{path}.{lang}", language=primary,
                                       file=source)
    # A web address is in one language's text, placed by that language's messages: the finding
    # reads in that language and carries it (s19 reading 7 D10: workaround.en was labelled he).
    reported: set[str] = set()
    for message in bundle:
        lang = message.language
        for rule in rules_for(context, lang).of_kind(IncidentTextRule):
            if rule.check != "url" or rule.regex is None or not rule.scope.covers(
                    message.channel):
                continue
            for fact in sorted(message.placed):
                field = fact_field(fact, incident)
                found = None if field is None else texts[field].get(lang)
                match = None if found is None else rule.regex.search(found)
                if field is None or match is None or f"{field}.{lang}" in reported:
                    continue
                reported.add(f"{field}.{lang}")
                yield rule.finding({"field": f"{field}.{lang}", "character": "",
                                    "found": match.group()}, field=f"{field}.{lang}",
                                   channel=message.channel, language=lang, file=source)
