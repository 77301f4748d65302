"""Audience (kind ``audience``): nothing an audience may not see reaches its channel.

Facts restricted to some audiences (``channels.RESTRICTED_FACTS``: ``internal`` for staff, the
``priority`` policy for staff and partners) are never handed to the other channels' templates,
so a template that reads them fails to render, whatever the render order; ``crisiscomms lint``
reports that reference at its line. This check reads the record of the facts each message
placed (``Message.placed_in``) first, then the rendered text for wording that shows up anyway
(typed into a template, or pasted into the incident's public text). A wording that is also a
fact everyone may see (a time shared by two facts) is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..channels import CHANNELS, RESTRICTED_FACTS
from ..findings import Finding
from ..rules import AudienceRule
from .base import Context
from .common import rules_for, template_file, written

__all__ = ["check_audience", "leaves"]

_TOP = re.compile(r"[.\[]")


def leaves(node: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every string in a tree of facts with its dotted path.

    >>> list(leaves({"cause": "x", "n": [{"a": "y"}]}, "internal"))
    [('internal.cause', 'x'), ('internal.n[0].a', 'y')]
    """
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, Mapping):
        for key in node:
            yield from leaves(node[key], f"{path}.{key}")
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from leaves(item, f"{path}[{index}]")


def _forbidden(restricted: Mapping[str, list[tuple[str, str]]], channel: str,
               shortest: int) -> dict[str, str]:
    """Text -> fact path of what ``channel`` may not say, less what it may say anyway (a
    partner channel may state the priority policy, which is also ``internal.priority``)."""
    spec = CHANNELS[channel]
    shown = {text for name, pairs in restricted.items() if spec.sees(name) for _, text in pairs}
    return {text: path for name, pairs in restricted.items() if not spec.sees(name)
            for path, text in pairs if len(text) >= shortest and text not in shown}


def _top(path: str) -> str:
    """The top-level fact of a path: ``internal`` for ``internal.cause``."""
    return _TOP.split(path, maxsplit=1)[0]


def check_audience(context: Context) -> Iterator[Finding]:
    """An error for each restricted fact a channel that may not see it placed or shows.

    First line, the record (``Message.placed_in``): a restricted fact placed by a template of a
    channel whose audience may not see it, attributed to that template. Rendering refuses such a
    read, so this holds for messages made some other way. Second line, the text: a restricted
    fact's wording in an output that no template placed. Found inside a public fact (the
    incident's impact, a note) it was pasted there by the incident's author and is reported as
    pasted, naming that field, never the template; otherwise a template typed it in.
    """
    rules_by_lang: dict[str, tuple[AudienceRule, ...]] = {}
    for message in context.bundle:
        spec = CHANNELS.get(message.channel)
        if spec is None or all(spec.sees(name) for name in RESTRICTED_FACTS):
            continue
        lang, channel = message.language, message.channel
        if lang not in rules_by_lang:
            rules_by_lang[lang] = rules_for(context, lang).of_kind(AudienceRule)
        rules = [r for r in rules_by_lang[lang] if r.scope.covers(channel)]
        hidden = tuple(spec.hidden)
        for output, paths in message.placed_in.items():
            # A prefix test first (in C): most messages place nothing restricted at all.
            for path in sorted(p for p in paths if p.startswith(hidden)):
                if _top(path) in spec.hidden:
                    file = template_file(context, lang, channel, output)  # type: ignore[arg-type]
                    for rule in rules:
                        yield rule.finding({"fact": path}, language=lang, channel=channel,
                                           file=file)
    if context.bundle.incident.internal is not None:
        # Every restricted fact is built from `internal`: without it there is no wording to seek.
        yield from _wording(context, rules_by_lang)


def _wording(context: Context,
             rules_by_lang: Mapping[str, tuple[AudienceRule, ...]]) -> Iterator[Finding]:
    restricted: dict[str, dict[str, list[tuple[str, str]]]] = {}
    public: dict[str, list[tuple[str, str]]] = {}
    cache: dict[tuple[str, str, int], dict[str, str]] = {}
    for message in context.bundle:
        lang, channel = message.language, message.channel
        spec = CHANNELS.get(channel)
        if spec is None or lang not in rules_by_lang:
            continue
        if lang not in restricted:
            facts = context.plain[lang]
            restricted[lang] = {name: list(leaves(facts[name], name))
                                for name in RESTRICTED_FACTS if name in facts}
        texts = written(message)
        for rule in rules_by_lang[lang]:
            if not rule.scope.covers(channel):
                continue
            key = (lang, spec.audience.value, rule.min_length)
            if key not in cache:
                cache[key] = _forbidden(restricted[lang], channel, rule.min_length)
            for output, text in texts.items():
                for wording, path in cache[key].items():
                    if wording not in text:
                        continue
                    if lang not in public:
                        # Only on a hit: most bundles never get here.
                        facts = context.plain[lang]
                        public[lang] = [(p, t) for name in facts if name not in RESTRICTED_FACTS
                                        for p, t in leaves(facts[name], name)]
                    if any(wording == t for _, t in public[lang]):
                        continue  # also a fact everyone sees (a time shared by two facts)
                    field = next((p for p, t in public[lang] if wording in t), None)
                    if field is not None:
                        yield rule.pasted_finding(path, field, language=lang, channel=channel)
                    else:
                        yield rule.finding({"fact": path}, language=lang, channel=channel,
                                           file=template_file(context, lang, channel, output))
