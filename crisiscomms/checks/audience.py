"""Audience (kind ``audience``): nothing an audience may not see reaches its channel.

Facts restricted to some audiences (``channels.RESTRICTED_FACTS``: ``internal`` for staff, the
``priority`` policy for staff and partners) are never handed to the other channels' templates,
so a template that names them fails; ``crisiscomms lint`` reports that reference at its line.
This check looks at the rendered text: a restricted fact's wording that shows up anyway (typed
into a template, or pasted into the incident's public text) is a finding. A wording that is
also a fact everyone may see (a time shared by two facts) is not counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..channels import CHANNELS, RESTRICTED_FACTS
from ..findings import Finding
from ..rules import AudienceRule
from .base import Context
from .common import rules_for, template_file, written

__all__ = ["check_audience", "leaves"]


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


def check_audience(context: Context) -> Iterator[Finding]:
    """An error for each restricted fact's wording in an output of a channel that may not see
    it."""
    if context.bundle.incident.internal is None:
        return  # nothing is restricted: every restricted fact is built from `internal`
    restricted: dict[str, dict[str, list[tuple[str, str]]]] = {}
    public: dict[str, set[str]] = {}
    cache: dict[tuple[str, str, int], dict[str, str]] = {}
    rules_by_lang: dict[str, tuple[AudienceRule, ...]] = {}
    for message in context.bundle:
        lang, channel = message.language, message.channel
        spec = CHANNELS.get(channel)
        if spec is None or all(spec.sees(name) for name in RESTRICTED_FACTS):
            continue
        if lang not in rules_by_lang:
            rules_by_lang[lang] = rules_for(context, lang).of_kind(AudienceRule)
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
                        # Only on a hit: a wording that is also a fact everyone sees (a time
                        # shared by two facts) is no leak. Most bundles never get here.
                        facts = context.plain[lang]
                        public[lang] = {t for name in facts if name not in RESTRICTED_FACTS
                                        for _, t in leaves(facts[name], name)}
                    if wording in public[lang]:
                        continue
                    # Inside a fact everyone sees, the incident's author pasted it there;
                    # otherwise the template wrote it.
                    pasted = any(wording in text for text in public[lang])
                    file = None if pasted else template_file(context, lang, channel, output)
                    yield rule.finding({"fact": path}, language=lang, channel=channel,
                                       file=file)
