"""Language parity: every template in every language, placing the same facts.

A language that lacks a template (a shared part; a channel's own template missing is
``template-missing``), or whose template leaves out a fact the same template places in another
language, says less to its readers. A fact's trailing form (``eta.when`` or ``eta.short``) and the
names a rule groups as ``same`` (``org.name`` and ``org.short_name``) count as one fact.

>>> normalised(("eta", "short"), forms=("when", "short"), same=())
'eta'
>>> normalised(("org", "short_name"), forms=(), same=(("org.name", "org.short_name"),))
'org.name'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..channels import CHANNELS
from ..findings import Finding
from ..rules import ParityRule, RuleSet
from .static import TemplateInfo, fact_paths, missing_step

__all__ = ["normalised", "parity_findings"]


def normalised(path: tuple[str, ...], forms: Sequence[str],
               same: Sequence[Sequence[str]]) -> str:
    """A fact path as parity compares it: trailing form dropped, grouped names merged."""
    if len(path) > 1 and path[-1] in forms:
        path = path[:-1]
    name = ".".join(path)
    for group in same:
        if name in group:
            return group[0]
    return name


def parity_findings(infos: Mapping[str, Mapping[str, TemplateInfo]],
                    rules: Mapping[str, RuleSet], channel_files: set[str],
                    shape: Mapping[str, Any]) -> Iterator[Finding]:
    """Parity findings over every language's templates (``infos[lang][name]``); files in
    ``channel_files`` are left to ``template-missing`` when absent. Only facts that exist in
    ``shape`` and that the channel may see are compared: the others are findings already."""
    languages = sorted(infos)
    names = sorted({name for by_name in infos.values() for name in by_name})
    for lang in languages:
        for rule in rules[lang].of_kind(ParityRule):
            for name in names:
                yield from _check(rule, lang, name, infos, languages, channel_files, shape)


def _check(rule: ParityRule, lang: str, name: str,
           infos: Mapping[str, Mapping[str, TemplateInfo]], languages: Sequence[str],
           channel_files: set[str], shape: Mapping[str, Any]) -> Iterator[Finding]:
    own = infos[lang].get(name)
    others = [other for other in languages if other != lang and name in infos[other]]
    if not others:
        return
    if rule.check == "templates":
        if own is None and name not in channel_files:
            folder = infos[others[0]][name].file.rsplit("/", 2)[0]
            yield rule.finding({"template": name, "other": others[0], "fact": ""},
                               language=lang, file=f"{folder}/{lang}/{name}")
        return
    if own is None or own.tree is None:
        return
    spec = CHANNELS.get(own.channel or "")

    def facts(info: TemplateInfo) -> set[str]:
        return {normalised(p, rule.forms, rule.same) for p in fact_paths(info)
                if missing_step(p, shape) is None and not any(s.startswith("_") for s in p)
                and (spec is None or spec.sees(p[0]))}

    mine = facts(own)
    reported: set[str] = set()
    for other in others:
        theirs = infos[other][name]
        if theirs.tree is None:
            continue
        for fact in sorted(facts(theirs) - mine - reported):
            reported.add(fact)
            yield rule.finding({"template": name, "other": other, "fact": f"f.{fact}"},
                               language=lang, channel=own.channel, file=own.file)
