"""The engine behind :func:`crisiscomms.lint.lint` (imported only when lint runs)."""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..changes import changes
from ..channels import CHANNELS, template_name
from ..errors import AudienceError, CrisisError, TemplateError
from ..facts import build_facts
from ..findings import Finding
from ..folder import unsafe_entries
from ..loading import load_incident
from ..model import Incident
from ..render import TemplateSet, render, template_set
from ..rules import LETTERS, AudienceRule, RuleSet, TemplateRule, load_rules
from ..samples import changed_example, example_names, load_example
from .parity import parity_findings
from .static import (
    CONTEXT_NAMES,
    TemplateInfo,
    parse_template,
    static_findings,
    template_finding,
    template_names,
)

__all__ = ["lint", "sample_incidents"]

Sample = Incident | str | os.PathLike[str]

_DIGITS = re.compile(r"\d+")

# A TemplateError's kind -> the template rule's problem that reports it; the other kinds
# (a folder or file that may not be read) are bad input, not findings.
_PROBLEMS: dict[str, str] = {"not_found": "missing", "undefined": "undefined",
                             "sandbox": "sandbox", "syntax": "syntax", "runtime": "runtime",
                             "runaway": "runaway"}


def sample_incidents(incidents: Iterable[Sample] | None = None) -> list[Incident]:
    """The incidents to render: the built-in examples when ``incidents`` is None, else those
    given (incidents or files, which :class:`IncidentError` names when invalid)."""
    if incidents is None:
        return [load_example(name) for name in example_names()]
    return [i if isinstance(i, Incident) else load_incident(i) for i in incidents]


def lint(templates: str | os.PathLike[str] | None = None,
         incidents: Iterable[Sample] | None = None) -> list[Finding]:
    """Every template and rule check over a template folder (default: the built-in one),
    rendered over sample incidents (default: the built-in examples).

    Raises :class:`ConfigError` for an invalid config, language or rule file, and
    :class:`IncidentError` for an invalid sample; template problems are findings.
    """
    ts = template_set(templates)
    for path, reason in unsafe_entries(ts.folder):
        # Refused before anything is read: a symlink out of the folder, a loop, a FIFO.
        raise TemplateError(reason, file=path, kind="unsafe_file")
    languages = ts.config.organisation.languages
    rules = {lang: load_rules(ts.folder, lang) for lang in languages}
    samples = sample_incidents(incidents)
    # Besides the samples, one statement after another: every template must say what changed.
    previous, current = changed_example()
    runaway: set[tuple[str, str]] = set()
    dynamic = [(found, incident.id) for incident in samples
               for found in _rendered(ts, incident, rules, runaway)]
    # (Its own lateness is the sample's, not the templates': findings about the incident itself
    # carry no language and are left out.)
    # Nor is a workaround its SMS has no room for after the change sentence: that is the
    # sample's text (a shorter `workaround_short`), which `check` reports on a real incident.
    dynamic += [(found, f"{current.id}, after a statement") for found in
                _rendered(ts, current, rules, runaway, previous) if found.language is not None
                and not (found.field or "").startswith("workaround_short.")]
    infos = {lang: {name: parse_template(ts, lang, name) for name in template_names(ts, lang)}
             for lang in languages}
    channel_files = {template_name(channel, output) for channel in ts.config.enabled_channels()
                     for output in CHANNELS[channel].outputs}
    static: list[Finding] = []
    shapes = {lang: _shape(ts, lang, samples, (previous, current)) for lang in languages}
    # Complaint-case letters (case_*) place the facts of a case, not of an incident.
    case_shapes = {lang: _case_shape(ts, lang) for lang in languages}
    for lang in languages:
        known = CONTEXT_NAMES | frozenset(ts.environment(lang).globals) | {"kind"}
        for info in infos[lang].values():
            shape = case_shapes[lang] if info.name.startswith("case_") else shapes[lang]
            static += static_findings(info, rules[lang], shape, known)
        static += _missing(ts, lang, infos[lang], channel_files, rules[lang])
    # A case letter is written to one named customer: the rules scoped to channels' audiences
    # (mass messages: plural address and the like) are not about it.
    # A rule that names `letters` among its channels is about them.
    scoped = {(lang, r.id) for lang, rs in rules.items() for r in rs.rules
              if getattr(r, "scope", None) is not None
              and (r.scope.audiences is not None or r.scope.channels is not None)
              and LETTERS not in (r.scope.channels or ())}
    static = [f for f in static
              if not (Path(f.file or "").name.startswith("case_")
                      and (f.language, f.rule) in scoped)]
    # Facts are the same in every language (their wording differs), so any shape will do.
    static += parity_findings(infos, rules, channel_files,
                              {**case_shapes[languages[0]], **shapes[languages[0]]})
    return _merge(static, dynamic, rules)


def _missing(ts: TemplateSet, lang: str, infos: Mapping[str, TemplateInfo],
             channel_files: set[str], rules: RuleSet) -> Iterator[Finding]:
    for name in sorted(channel_files - set(infos)):
        channel = name.split(".", 1)[0]
        found = template_finding(rules, "missing", name, language=lang, channel=channel,
                                 file=str(ts.folder / lang / name), line=None)
        if found is not None:
            yield found


def _merge_shape(into: dict[str, Any], node: Mapping[str, Any]) -> None:
    for key, value in node.items():
        if isinstance(value, Mapping):
            child = into.get(key)
            if not isinstance(child, dict):
                child = into[key] = {}
            _merge_shape(child, value)
        else:
            into.setdefault(key, None)


def _shape(ts: TemplateSet, lang: str, samples: Iterable[Incident],
           pair: tuple[Incident, Incident]) -> dict[str, Any]:
    """The facts that exist (keys only, nested), over every sample and a statement after
    another (``pair``): a fact that is a mapping in one sample (an ETA, what changed) and
    absent in another still has its keys known."""
    shape: dict[str, Any] = {}
    language = ts.language(lang)
    for incident in samples:
        _merge_shape(shape, build_facts(incident, ts.config, language, lang))
    _merge_shape(shape, build_facts(pair[1], ts.config, language, lang, changes(*pair)))
    return shape


def _case_shape(ts: TemplateSet, lang: str) -> dict[str, Any]:
    """The facts of complaint-case letters (keys only), over the example cases put in
    ``lang`` (those with a text in it for every field); empty when the folder has no letters
    in that language or no example case is written in it."""
    import datetime as dt

    from ..cases.letters import LETTER_KINDS, case_facts, letter_templates
    from ..cases.loading import case_files, load_case
    from ..samples import examples_dir, load_example

    if not all((ts.folder / lang / name).is_file() for kind in LETTER_KINDS
               for name in letter_templates(kind)) or ts.language(lang).cases is None:
        return {}
    shape: dict[str, Any] = {}
    outage = load_example("compensation")
    for path in case_files(examples_dir() / "cases"):
        case = load_case(path)
        if any(text.get(lang) is None for text in case.texts().values()):
            continue  # an example case not written in this language: nothing to learn from it
        case = case.model_copy(update={"language": lang})
        last = max([case.received_at, *(e.at for e in case.events)])
        for now in (case.received_at, last + dt.timedelta(days=1)):
            _merge_shape(shape, case_facts(case, now=now, ts=ts, incident=outage))
    return shape


def _rendered(ts: TemplateSet, incident: Incident, rules: Mapping[str, RuleSet],
              runaway: set[tuple[str, str]], previous: Incident | None = None) -> list[Finding]:
    """The findings of rendering one sample; when a template fails, each language and
    channel on its own, so every failing template is found and the others still checked.
    A (language, channel) in ``runaway`` went over a limit with an earlier sample and is not
    run again: one runaway template costs lint its time budget once, not once per sample."""
    if not runaway:
        try:
            return list(render(incident, templates=ts.folder, previous=previous).findings)
        except TemplateError as exc:
            if exc.kind not in _PROBLEMS and exc.kind != "audience":
                raise
        except CrisisError:
            raise
        except Exception:
            pass
    found: list[Finding] = []
    for lang in ts.config.organisation.languages:
        for channel in ts.config.enabled_channels():
            if (lang, channel) in runaway:
                continue
            try:
                bundle = render(incident, languages=[lang], channels=[channel],
                                templates=ts.folder, previous=previous)
            except AudienceError as exc:
                # A read the channel's audience may not make: the audience rule's finding, at
                # the line (the static pass finds `f.internal.x`; this also `f.get(...)`).
                found += [rule.finding({"fact": f"f.{exc.fact}"}, language=lang,
                                       channel=channel, file=exc.file, line=exc.line)
                          for rule in rules[lang].of_kind(AudienceRule)
                          if rule.scope.covers(channel)]
                continue
            except TemplateError as exc:
                if exc.kind not in _PROBLEMS:
                    raise
                if exc.kind == "runaway":
                    runaway.add((lang, channel))
                problem = _PROBLEMS[exc.kind]
                error = exc.message if problem != "missing" else Path(exc.file or "").name
                finding = template_finding(rules[lang], problem, error, language=lang,
                                           channel=channel, file=exc.file, line=exc.line)
                found += [finding] if finding is not None else []
                continue
            except CrisisError:
                raise
            except Exception as exc:
                file, line = _where(exc, ts)
                finding = template_finding(rules[lang], "runtime",
                                           f"{type(exc).__name__}: {exc}", language=lang,
                                           channel=channel, file=file, line=line)
                found += [finding] if finding is not None else []
                continue
            # Findings about the incident itself (its times) come with every bundle: keep
            # those of the first language's.
            found += [f for f in bundle.findings
                      if f.language is not None or lang == ts.config.organisation.languages[0]]
    return found


def _where(exc: BaseException, ts: TemplateSet) -> tuple[str | None, int | None]:
    """The last template frame of an exception's traceback: its file and line."""
    folder = str(ts.folder)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(folder)]
    return (frames[-1].filename, frames[-1].lineno) if frames else (None, None)


def _template_rule_ids(rules: Mapping[str, RuleSet]) -> set[str]:
    ids = {f"template-{p}" for p in set(_PROBLEMS.values())}
    return ids | {r.id for rs in rules.values() for r in rs.rules if isinstance(r, TemplateRule)}


def _merge(static: list[Finding], dynamic: list[tuple[Finding, str]],
           rules: Mapping[str, RuleSet]) -> list[Finding]:
    """Static findings, then the rendered ones that neither repeat one nor follow from a
    static error in the same template; each once (from the first sample that shows it, whose
    id ends its message), in file and line order."""
    template_ids = _template_rule_ids(rules)
    audience_ids = {r.id for rs in rules.values() for r in rs.of_kind(AudienceRule)}
    said = {(f.rule, f.file, f.message) for f in static}
    # The static pass names the whole path (`f.internal.cause`), a render only its first step.
    audience_lines = {(f.rule, f.file, f.line) for f in static if f.rule in audience_ids}
    # A template the static pass found broken (cannot compile, names what does not exist or
    # what its audience may not see) fails to render too: that failure says nothing new. A
    # plural() call short of a category still runs: what its render says is news.
    plural_ids = {"template-plural"} | {r.id for rs in rules.values() for r in rs.rules
                                        if isinstance(r, TemplateRule) and r.problem == "plural"}
    broken = {f.file for f in static if f.severity == "error" and f.rule not in plural_ids
              and (f.rule in template_ids or f.rule in audience_ids)}
    merged: dict[tuple[Any, ...], Finding] = {}
    for finding in static:
        merged.setdefault(_key(finding), finding)
    for finding, incident in dynamic:
        if (finding.rule, finding.file, finding.message) in said:
            continue
        if finding.rule in template_ids and finding.file in broken:
            continue
        if (finding.rule, finding.file, finding.line) in audience_lines:
            continue
        # The same finding from several samples differs only in their values (a time, a
        # count): the first sample's stands for all.
        key = (*_key(finding)[:-1], _DIGITS.sub("#", finding.message))
        if key not in merged:
            merged[key] = replace(finding, message=f"{finding.message} [{incident}]")
    return sorted(merged.values(), key=_order)


def _key(finding: Finding) -> tuple[Any, ...]:
    return (finding.rule, finding.language, finding.channel, finding.file, finding.line,
            finding.column, finding.message)


def _order(finding: Finding) -> tuple[Any, ...]:
    return (finding.file is None, finding.file or "", finding.line or 0, finding.column or 0,
            finding.language or "", finding.channel or "", finding.rule, finding.message)
