"""What can be known about a template without rendering it, from its Jinja syntax tree.

Each template file is compiled (syntax errors and unknown filters, with their line) and parsed;
then its own words (the ``TemplateData`` between the ``{{ }}`` and ``{% %}``, tags removed in
HTML and SSML) go through every rule about words, with the line and column they sit on; every
``f.x.y`` is checked against the facts that exist, against the channel's audience and against the
sandbox, even in branches no sample incident takes.

>>> from crisiscomms.render import template_set
>>> ts = template_set()
>>> info = parse_template(ts, "en", "sms.txt")
>>> info.channel, info.output, info.tree is not None
('sms', 'text', True)
>>> sorted(fact_paths(info))[:2]
[('action_joined_no_contact',), ('action_says_no_contact',)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale
from jinja2 import TemplateNotFound, TemplateSyntaxError, meta, nodes

from ..channels import CHANNELS, Output, template_name
from ..findings import Finding
from ..render import TemplateSet
from ..rules import AudienceRule, ControlRule, RuleSet, TemplateRule, TextRule

__all__ = [
    "CONTEXT_NAMES",
    "Lookup",
    "TemplateInfo",
    "fact_paths",
    "literal_text",
    "lookups",
    "missing_step",
    "parse_template",
    "static_findings",
    "template_finding",
    "template_names",
]

N = TypeVar("N", bound=nodes.Node)

CONTEXT_NAMES = frozenset({"f", "lang", "dir", "channel", "short", "room", "trim",
                           "recipient", "said_as"})
"""The names render() gives every template besides the environment's globals."""

SUFFIXES = (".txt", ".html", ".ssml", ".md")
"""The files in a language folder that are templates."""

# Attributes the sandbox refuses, and methods that change data (the immutable sandbox refuses
# them on lists, dicts and sets): found here with their line, before any sample reaches them.
_UNSAFE = frozenset({"mro", "func_globals", "func_code", "gi_frame", "gi_code", "cr_frame",
                     "cr_code", "ag_frame", "ag_code", "f_globals", "f_locals", "format_map"})
_MUTATING = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "update",
                       "setdefault", "popitem", "add", "discard", "sort", "reverse",
                       "difference_update", "intersection_update", "symmetric_difference_update"})
_TAG = re.compile(r"<[^>]*>")

# Each set of controls, raw or written as an escape that a Jinja string literal turns into one.
_CONTROLS = {
    "bidi": re.compile(r"[\u202a-\u202e\u2066-\u2069]"
                       r"|\\(?:u|U0000)(?:202[a-eA-E]|206[6-9])"),
    # A C0 control but a tab, a line break, or the carriage return of a Windows line ending.
    "c0": re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)"
                     r"|\\(?:x|u00|U000000)(?:0[0-8bcefBCEF]|1[0-9a-fA-F])"),
}


Lookup = tuple[tuple[str, ...], int, bool, bool]
"""An ``f.…`` chain: its path, its line, whether its last step is a method called
(``f.title.upper()``, which names no fact), and whether it is only the start of a longer chain
(``f.eta`` in ``f.eta.when``)."""


@dataclass(frozen=True)
class TemplateInfo:
    """One template file: where it is, which channel and output it makes (None for a shared
    part), its source and its syntax tree (None when it does not compile)."""

    language: str
    name: str
    file: str
    channel: str | None
    output: Output | None
    source: str
    tree: nodes.Template | None
    error: tuple[str, str, int | None] | None = None
    """When it does not compile: the message, the file (an included one, maybe) and the line."""

    @cached_property
    def nodes(self) -> dict[type[nodes.Node], list[nodes.Node]]:
        """The tree's nodes by type, in document order: one walk, which every check shares."""
        found: dict[type[nodes.Node], list[nodes.Node]] = {}
        for node in () if self.tree is None else self.tree.find_all(nodes.Node):
            found.setdefault(type(node), []).append(node)
        return found

    def of_type(self, *types: type[N]) -> list[N]:
        """The nodes of the given types, in document order within each type."""
        return [n for t in types for n in self.nodes.get(t, ())]  # type: ignore[misc]

    @cached_property
    def lookups(self) -> tuple[Lookup, ...]:
        """Every ``f.…`` chain."""
        return lookups(self)


def _channel_files() -> dict[str, tuple[str, Output]]:
    return {template_name(channel, output): (channel, output)
            for channel, spec in CHANNELS.items() for output in spec.outputs}


def template_names(ts: TemplateSet, language: str) -> list[str]:
    """The template files in ``<folder>/<language>/``, sorted."""
    folder = ts.folder / language
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.is_file() and not p.is_symlink() and p.suffix in SUFFIXES)


def parse_template(ts: TemplateSet, language: str, name: str) -> TemplateInfo:
    """Read, compile and parse one template; ``tree`` is None when it does not compile. Kept
    until the file changes, so linting a folder again (CI watch, the preview page) only parses
    what changed."""
    path = ts.folder / language / name
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    return _parse(_Unhashed(ts), str(ts.folder), language, name, stamp)


@dataclass(frozen=True)
class _Unhashed:
    """Carries the template set into the cache without being part of its key (the folder
    is): a template set holds mappings, which cannot be hashed."""

    value: TemplateSet

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Unhashed)


@lru_cache(maxsize=512)
def _parse(ts: _Unhashed, folder: str, language: str, name: str, stamp: int) -> TemplateInfo:
    env = ts.value.environment(language)
    file = str(Path(folder) / language / name)
    channel, output = _channel_files().get(name, (None, None))
    assert env.loader is not None
    try:
        source, _, _ = env.loader.get_source(env, name)
    except TemplateNotFound:
        return TemplateInfo(language, name, file, channel, output, "", None)
    try:
        env.get_template(name)
        tree = env.parse(source, name, file)
    except TemplateSyntaxError as exc:
        where = file if exc.name in (None, name) else str(Path(folder) / language / str(exc.name))
        error = (exc.message or "syntax error", where, exc.lineno)
        return TemplateInfo(language, name, file, channel, output, source, None, error)
    except RecursionError:
        return TemplateInfo(language, name, file, channel, output, source, None,
                            ("nested too deeply to compile", file, None))
    return TemplateInfo(language, name, file, channel, output, source, tree)


def template_finding(rules: RuleSet, problem: str, error: str, *, language: str,
                     channel: str | None, file: str | None, line: int | None) -> Finding | None:
    """The finding of a template problem (``syntax``, ``undefined``...) under the language's
    rule for it; a problem with no rule in the file is still an error (a template that cannot
    run must never pass), under the id ``template-<problem>``. None when the rule is off."""
    rule = next((r for r in rules.rules if isinstance(r, TemplateRule) and r.problem == problem),
                None)
    if rule is None:
        return Finding(f"template-{problem}", "error", error, language=language,
                       channel=channel, file=file, line=line)
    if not rule.active:
        return None
    return rule.finding({"error": error}, language=language, channel=channel, file=file,
                        line=line)


def literal_text(info: TemplateInfo) -> Iterator[tuple[str, int]]:
    """The template's own words, piece by piece, each with the line it starts on. In HTML and
    SSML the tags become spaces, so words keep their places and lines their breaks."""
    if info.tree is None:
        return
    markup = info.name.endswith((".html", ".ssml"))
    for node in sorted(info.of_type(nodes.TemplateData), key=lambda n: n.lineno):
        text = _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), node.data) if markup \
            else node.data
        yield text, node.lineno


def _chain(node: nodes.Node) -> tuple[str, ...] | None:
    """``f.a["b"].c`` as ``("a", "b", "c")``; None when the chain does not start at ``f``."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            parts.append(node.arg.value)
        else:
            return None
        node = node.node
    if isinstance(node, nodes.Name) and node.name == "f":
        return tuple(reversed(parts))
    return None


def lookups(info: TemplateInfo) -> tuple[Lookup, ...]:
    """Every ``f.…`` chain of a template."""
    getters: list[nodes.Getattr | nodes.Getitem] = info.of_type(nodes.Getattr, nodes.Getitem)
    called = {id(n.node) for n in info.of_type(nodes.Call)}
    inner = {id(n.node) for n in getters}
    found = []
    for node in getters:
        path = _chain(node)
        if path:
            found.append((path, node.lineno, id(node) in called, id(node) in inner))
    return tuple(found)


def missing_step(path: tuple[str, ...], shape: Mapping[str, Any]) -> int | None:
    """The index of the first step of ``path`` that is not a fact in ``shape`` (the nested
    keys of the facts), or None when the path exists. Steps below a value that is not a
    mapping (a text's methods, a list's items) are not facts and are not judged.

    >>> missing_step(("eta", "when"), {"eta": {"when": None}}), missing_step(("et",), {})
    (None, 0)
    """
    node: Any = shape
    for depth, key in enumerate(path):
        if not isinstance(node, Mapping):
            return None
        if key not in node:
            return depth
        node = node[key]
    return None


def fact_paths(info: TemplateInfo) -> set[tuple[str, ...]]:
    """The facts a template places: each whole ``f.…`` chain, a method called on it left out."""
    found = set()
    for path, _, method, inner in info.lookups:
        if inner:
            continue
        if method:
            path = path[:-1]
        if path:
            found.add(path)
    return found


def _words(info: TemplateInfo, rules: Iterable[TextRule]) -> Iterator[Finding]:
    lines = info.source.split("\n")
    for text, lineno in literal_text(info):
        for rule in rules:
            for hit in rule.matcher.finditer(text):
                line = lineno + text.count("\n", 0, hit.start)
                source_line = lines[line - 1] if 0 < line <= len(lines) else ""
                column = source_line.find(hit.found) + 1 or None
                yield rule.finding({"found": hit.found, **hit.params}, language=info.language,
                                   channel=info.channel, file=info.file, line=line,
                                   column=column)


def _sandbox(info: TemplateInfo, rules: RuleSet) -> Iterator[Finding]:
    assert info.tree is not None
    calls = [call.node for call in info.of_type(nodes.Call)]
    for node in info.of_type(nodes.Getattr, nodes.Getitem):
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        else:
            continue
        if isinstance(name, str) and (name.startswith("_") or name in _UNSAFE):
            error = f"attribute {name!r}"
        elif isinstance(name, str) and name in _MUTATING and any(c is node for c in calls):
            error = f"method {name!r} changes data"
        else:
            continue
        found = template_finding(rules, "sandbox", error, language=info.language,
                                 channel=info.channel, file=info.file, line=node.lineno)
        if found is not None:
            yield found


def _undefined(info: TemplateInfo, rules: RuleSet, shape: Mapping[str, Any],
               known: frozenset[str]) -> Iterator[Finding]:
    assert info.tree is not None
    reported: set[tuple[str, ...]] = set()

    def finding(error: str, line: int) -> Iterator[Finding]:
        found = template_finding(rules, "undefined", error, language=info.language,
                                 channel=info.channel, file=info.file, line=line)
        if found is not None:
            yield found

    names: list[nodes.Name] = info.of_type(nodes.Name)
    loaded = {n.name for n in names if n.ctx == "load"}
    # Working out what a template declares means running Jinja's code generator over it:
    # only worth it when it loads a name that is not known anyway.
    undeclared = meta.find_undeclared_variables(info.tree) if loaded - known else set()
    for name in sorted(undeclared - known):
        line = next((n.lineno for n in names if n.name == name), None)
        yield from finding(f"{name!r} is undefined", line or 1)
    for path, line, method, _ in info.lookups:
        step = missing_step(path[:-1] if method else path, shape)
        if step is None or path[:step + 1] in reported:
            continue
        reported.add(path[:step + 1])
        yield from finding(f"f.{'.'.join(path[:step + 1])} is not a fact", line)


def _audience(info: TemplateInfo, rules: RuleSet) -> Iterator[Finding]:
    if info.channel is None or info.tree is None:
        return
    spec = CHANNELS[info.channel]
    active = [r for r in rules.of_kind(AudienceRule) if r.scope.covers(info.channel)]
    seen: set[tuple[tuple[str, ...], int]] = set()
    for path, line, _, _ in info.lookups:
        if not spec.sees(path[0]) and (path[:1], line) not in seen:
            seen.add((path[:1], line))
            for rule in active:
                yield rule.finding({"fact": "f." + ".".join(path)}, language=info.language,
                                   channel=info.channel, file=info.file, line=line)


def _char_name(found: str) -> tuple[str, str]:
    """``("U+202E", "RIGHT-TO-LEFT OVERRIDE")`` for a control found raw or as an escape."""
    code = int(found.lstrip("\\uUx"), 16) if found.startswith("\\") else ord(found)
    name = unicodedata.name(chr(code), "") or _C0_NAMES.get(code, "control")
    return f"U+{code:04X}", name


_C0_NAMES = {0: "NUL", 7: "BEL", 8: "BACKSPACE", 11: "VERTICAL TAB", 12: "FORM FEED",
             13: "CARRIAGE RETURN", 27: "ESC"}


def _controls(info: TemplateInfo, rules: RuleSet) -> Iterator[Finding]:
    """Invisible controls anywhere in the file (text, expressions, comments), each at its line
    and column: they would reach the message, or hide what a line says from a reviewer."""
    active = [r for r in rules.of_kind(ControlRule) if r.scope.covers(info.channel)]
    for rule in active:
        pattern = _CONTROLS[rule.controls]
        for match in pattern.finditer(info.source):
            # Over the whole source, not line by line: a CR is fine only before its LF.
            start = info.source.rfind("\n", 0, match.start()) + 1
            char, name = _char_name(match.group())
            yield rule.finding({"char": char, "name": name}, language=info.language,
                               channel=info.channel, file=info.file,
                               line=info.source.count("\n", 0, match.start()) + 1,
                               column=match.start() - start + 1)


def static_findings(info: TemplateInfo, rules: RuleSet, shape: Mapping[str, Any],
                    known: frozenset[str]) -> list[Finding]:
    """Every finding about one template that needs no rendering: syntax, words, audience,
    sandbox and undefined names. ``shape`` is the tree of facts that exist (keys only), and
    ``known`` the names a template may use besides ``f``'s facts."""
    controls = list(_controls(info, rules))
    if info.tree is None:
        if info.error is None:
            return controls
        message, file, line = info.error
        found = template_finding(rules, "syntax", message, language=info.language,
                                 channel=info.channel, file=file, line=line)
        return [*controls, found] if found is not None else controls
    # A rule for some incidents only (`when`) is checked in the messages, not the templates.
    text_rules = [r for r in rules.text_rules() if r.scope.covers(info.channel)
                  and getattr(r, "when", None) is None]
    return [*controls, *_words(info, text_rules), *_audience(info, rules),
            *_sandbox(info, rules), *_undefined(info, rules, shape, known),
            *_plural(info, rules)]


@lru_cache(maxsize=64)
def plural_categories(lang: str) -> frozenset[str]:
    """The CLDR plural categories of ``lang`` (as ``plural()`` picks them), ``other`` included.

    >>> sorted(plural_categories("ru")), sorted(plural_categories("ar"))[:3]
    (['few', 'many', 'one', 'other'], ['few', 'many', 'one'])
    """
    return frozenset(Locale.parse(lang.replace("-", "_")).plural_form.tags) | {"other"}


def _plural(info: TemplateInfo, rules: RuleSet) -> Iterator[Finding]:
    """A ``plural()`` call without a form for every plural category of the language: a count
    in a category left out would get the ``other`` form ("3 ساعة" for "3 ساعات")."""
    assert info.tree is not None
    categories = plural_categories(info.language)
    for call in info.of_type(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "plural") \
                or call.dyn_kwargs is not None:
            continue
        missing = sorted(categories - {k.key for k in call.kwargs})
        if not missing:
            continue
        error = (f"plural() has no form for {', '.join(missing)} "
                 f"(the {info.language} categories: {', '.join(sorted(categories))})")
        found = template_finding(rules, "plural", error, language=info.language,
                                 channel=info.channel, file=info.file, line=call.lineno)
        if found is not None:
            yield found
