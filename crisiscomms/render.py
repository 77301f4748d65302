"""Rendering: one incident, every channel and language, from sandboxed templates.

Templates are compiled once per process (per folder and language) and run in Jinja2's
immutable sandbox with undefined variables as errors; incident text only ever reaches them as
data. Facts are formatted once per language and shared by every channel. Rendering never reads
the clock, so the same incident and templates always give the same bytes.

>>> from crisiscomms.samples import load_example
>>> bundle = render(load_example("identified"), languages=["en"], channels=["sms"])
>>> message = bundle["en", "sms"]
>>> message.stats["encoding"]
'GSM-7'
"""

from __future__ import annotations

import hashlib
import os
import re
import traceback
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
from babel import Locale
from jinja2 import (
    BytecodeCache,
    FileSystemBytecodeCache,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError

from .changes import changes
from .channels import CHANNELS, Output, template_name
from .config import (
    ChannelConfig,
    Config,
    Language,
    Limits,
    default_templates_dir,
    load_config,
    load_language,
)
from .errors import (
    AudienceError,
    ConfigError,
    CrisisError,
    IncidentError,
    Problem,
    TemplateError,
    TemplateErrorKind,
)
from .facts import (
    Facts,
    Kind,
    RestrictedFact,
    View,
    build_facts,
    converter,
)
from .findings import Finding
from .messages import Bundle, Message, html_wrap
from .model import Incident
from .sandbox import (
    SANDBOX_VERSION,
    BoundedSandbox,
    RunawayError,
    bounded_environment,
    bundle_scope,
    read_as_items,
    run_bounded,
)
from .text import speech
from .text.bidi import LRI, PDI, RLM, Strategy, has_rtl, protect_typed
from .text.bidi_marks import drop_idle_marks
from .text.sms import sms_capacity, sms_segments
from .text.weighted import weighted_length

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
"""A language folder's name (as ``organisation.languages`` in the config)."""

__all__ = ["Bundle", "Message", "TemplateSet", "render", "template_set"]



read_as_items(View)  # `f.x` reads the fact x: the most frequent lookup of a render

_AUTOESCAPED = (".html", ".ssml")
"""The template files whose every placed value is escaped (HTML, SSML)."""


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith(_AUTOESCAPED)


@dataclass(frozen=True)
class TemplateSet:
    """A template folder: its config, each language's vocabulary, its compiled templates."""

    folder: Path
    config: Config
    _languages: dict[str, Language] = field(default_factory=dict, compare=False, repr=False)

    def language(self, lang: str) -> Language:
        """The vocabulary of ``lang`` (``<folder>/<lang>/language.toml``), read once for this
        set: a bundle and its checks use the same (each file look costs a path walk)."""
        found = self._languages.get(lang)
        if found is None:
            found = self._languages[lang] = load_language(self.folder, lang)
        return found

    def shipped_languages(self) -> tuple[str, ...]:
        """The languages with a folder and a ``language.toml`` here, listed or not."""
        return tuple(sorted(
            entry.name for entry in self.folder.iterdir()
            if LANGUAGE_CODE_RE.match(entry.name) and (entry / "language.toml").is_file()))

    def environment(self, lang: str) -> BoundedSandbox:
        """The sandboxed Jinja environment for ``<folder>/<lang>/`` (built once per process
        and set of limits)."""
        return _environment(str(self.folder), lang, self.config.limits)

    def template(self, lang: str, channel: str, output: Output) -> Template:
        """The compiled template of one output; :class:`TemplateError` names the file."""
        name = template_name(channel, output)
        try:
            # Within a bundle, the sandbox looks each name up once (get_template).
            return self.environment(lang).get_template(name)
        except TemplateNotFound:
            raise TemplateError("template not found", file=f"{self.folder}/{lang}/{name}",
                                kind="not_found") from None
        except TemplateSyntaxError as exc:
            raise TemplateError(exc.message or "syntax error",
                                file=f"{self.folder}/{lang}/{exc.name or name}",
                                line=exc.lineno, kind="syntax") from None
        except RecursionError:
            # Brackets nested thousands deep: Jinja's parser recurses once per level.
            raise TemplateError("nested too deeply to compile", file=f"{self.folder}/{lang}/{name}",
                                kind="syntax") from None


@lru_cache(maxsize=1)
def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept on disk between processes: compiling the ~40 default templates
    costs ~0.4 s, paid by every cold `crisiscomms render` without it. Keyed by the template's
    path and source checksum, so an edited template is compiled afresh. Off with
    CRISISCOMMS_NO_BYTECODE_CACHE=1 or when the cache folder cannot be made."""
    if os.environ.get("CRISISCOMMS_NO_BYTECODE_CACHE") == "1":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # Compiled code bakes in the escaping and the environment's class, and Jinja keys it by
    # the source alone: the options are part of the folder name, so a change to them (here, or
    # in a test that swaps them) never runs code compiled under the old ones.
    options = f"{BoundedSandbox.__name__}|{SANDBOX_VERSION}|{_AUTOESCAPED}|trim|lstrip"
    digest = hashlib.sha256(options.encode()).hexdigest()[:12]
    folder = Path(base) / "crisiscomms" / f"jinja-{jinja2.__version__}-{digest}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=64)
def _environment(folder: str, lang: str, limits: Limits) -> BoundedSandbox:
    env = bounded_environment(
        folder, lang, limits,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals["plural"] = _plural_function(lang)
    return env


def _plural_function(lang: str) -> Callable[..., str]:
    locale = Locale.parse(lang.replace("-", "_"))

    def plural(count: int, **forms: str) -> str:
        """Pick a form by CLDR plural category: ``plural(n, one=..., two=..., other=...)``."""
        category = locale.plural_form(count)
        chosen = forms.get(category, forms.get("other"))
        if chosen is None:
            raise ValueError(f"plural() needs an 'other' form (category {category!r})")
        return chosen.replace("{n}", str(count))

    return plural


def template_set(templates: str | os.PathLike[str] | None = None) -> TemplateSet:
    """The template folder ``templates`` (default: the built-in one), with its config loaded.

    >>> template_set().config.organisation.languages
    ('he', 'en')
    """
    folder = Path(templates) if templates is not None else default_templates_dir()
    if not folder.is_dir():
        raise TemplateError("template folder not found", file=str(folder),
                            kind="folder_not_found")
    return TemplateSet(folder.resolve(), load_config(folder))


class UnknownNameError(CrisisError, ValueError):
    """A language or channel that the config does not know was asked for."""


def _select(asked: Iterable[str] | None, known: Sequence[str], what: str,
            shipped: Sequence[str] = ()) -> tuple[str, ...]:
    """The names asked for (default: ``known``); ``shipped`` are also accepted when asked."""
    if asked is None:
        return tuple(known)
    chosen = tuple(dict.fromkeys(asked))
    for name in chosen:
        if name not in known and name not in shipped:
            raise UnknownNameError(f"unknown {what} {name!r}; expected one of {', '.join(known)}")
    return chosen


def _check_languages(incident: Incident, languages: Sequence[str]) -> None:
    problems = [
        Problem(f"{path}.{lang}", f"missing text for language {lang!r}")
        for path, text in incident.texts().items()
        for lang in languages
        if text.get(lang) is None
    ]
    if problems:
        raise IncidentError(incident.source, problems)


_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines))


_ISOLATED = re.compile("[\u2066\u2067\u2068][^\u2066-\u2069]*\u2069")


def _outside_isolates(line: str) -> str:
    # Isolates are never nested in what the library inserts, so one pass removes them all.
    return _ISOLATED.sub("", line)


def _starts_rtl(line: str) -> bool:
    """Whether a line's first strong character outside isolates is right to left. A digit
    first, a left-to-right letter of any script first, or no strong character at all (a line
    of one isolated value) all leave the direction to the reader's software: not RTL."""
    for char in _outside_isolates(line):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind in ("L", "EN", "AN"):
            return False
    return False


# A Markdown block marker at the start of a line: a heading, list item or quote.
_MARKDOWN_BLOCK = re.compile(r"^(?:#{1,6} |[-*+] |\d{1,9}[.)] |> )")


def _rtl_base(text: str, strategy: Strategy, *, markdown: bool = False) -> str:
    """Start each line that does not open right to left with an RLM, so a Hebrew line opening
    with a Latin name, a digit or only an isolated value still reads right to left. In Markdown
    the RLM goes after a block marker (``- ``, ``## ``), which it would otherwise break."""
    if strategy == "none":
        return text
    lines = []
    for line in text.split("\n"):
        marker = _MARKDOWN_BLOCK.match(line) if markdown else None
        head, line = (marker.group(), line[marker.end():]) if marker else ("", line)
        if line.strip() and not line.startswith(RLM) and not _starts_rtl(line):
            line = RLM + line
        lines.append(head + line)
    return "\n".join(lines)


def _template_line(exc: BaseException, file: str) -> int | None:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(file.rsplit("/", 1)[-1]):
            line = frame.lineno
    return line


def _template_error(exc: Exception, file: str) -> TemplateError:
    kind: TemplateErrorKind = "runtime"
    if isinstance(exc, RestrictedFact):
        return AudienceError(f"f.{exc.fact} is not for this channel's audience", file=file,
                             line=_template_line(exc, file), fact=exc.fact)
    if isinstance(exc, UndefinedError):
        kind, message = "undefined", exc.message or "undefined"
    elif isinstance(exc, SecurityError):
        kind, message = "sandbox", str(exc)
    elif isinstance(exc, RunawayError):
        kind, message = "runaway", str(exc)
    else:
        message = str(exc) or type(exc).__name__
    return TemplateError(message, file=file, line=_template_line(exc, file), kind=kind)


def _run(template: Template, context: Mapping[str, Any], file: str, limits: Limits) -> str:
    try:
        return run_bounded(template, context, limits)
    except TemplateError:
        raise  # an included template refused by the loader names its own file
    except (JinjaTemplateError, RunawayError, TypeError, ValueError, AttributeError,
            LookupError, ArithmeticError, RestrictedFact) as exc:
        # ArithmeticError: `1/0`, and the sandbox's refusal of a huge `range()` (OverflowError).
        raise _template_error(exc, file) from None


Views = dict[tuple[Kind, Strategy], Callable[[Any], Any]]
"""One converter per kind of output and bidi strategy, shared by a language's channels."""


Personal = Callable[[Kind, Strategy], Any]
"""The ``recipient`` a template sees, per output kind and bidi strategy (``crisiscomms.bulk``);
``None`` outside bulk rendering, so ``{% if recipient %}`` guards a personal slot."""


def _render_one(ts: TemplateSet, incident: Incident, lang: str, channel: str, views: Views,
                facts: Facts, language: Language, stated: dict[str, frozenset[str]],
                recipient: Personal | None = None, level: int | None = None, *,
                wheres: dict[str, dict[int, list[str]]] | None = None) -> Message:
    """One message. ``level`` renders that wording only (bulk rendering chooses it per
    recipient); by default the first that fits."""
    spec = CHANNELS[channel]
    settings = ts.config.channel(channel)
    # The wordings in order, full (0) to shortest (spec.short_wording): the first that fits the
    # channel's budget is kept; text is never cut. If the shortest is over too, the budget
    # check reports it.
    fixed = level is not None
    level = level or 0
    # A wording over budget is told by the outputs its budgets count (an IVR's seconds by its
    # SSML alone): while another wording is left, only those are rendered first.
    probe = None if fixed else _budget_outputs(spec.outputs, settings, lang)
    # A wording over budget is tried once more `trim`med before the next: without the words a
    # template keeps only where they fit (the IVR's week of phone hours, reading 44 EN-18), so
    # they go before anything the next wording drops.
    trims = not fixed and _reads(ts, lang, channel, "trim")
    trim = False
    while True:
        done = None
        if probe is not None and level < spec.short_wording:
            done = _probe(ts, lang, channel, views, facts, language, stated, probe,
                          short=level, recipient=recipient, wheres=wheres, trim=trim)
            if done is not None and _over_budget(done[2], settings, lang):
                level, trim = _next_wording(level, trim, trims)
                continue
        outputs, reads = _render_outputs(ts, lang, channel, views, facts, language, stated,
                                         short=level, recipient=recipient, wheres=wheres,
                                         done=None if done is None else done[:2], trim=trim)
        stats = _stats(channel, lang, outputs, ts)
        if fixed or not _over_budget(stats, settings, lang) or (
                level >= spec.short_wording and (trim or not trims)):
            break
        level, trim = _next_wording(level, trim, trims)
    # The fill: a wording drops a line for every incident alike, though this one may leave
    # room for it. The same wording once more, told the room left under the budget (`room`,
    # 0 in every other render), adds back what fits; kept only while still within budget.
    # Not for a fixed level nor for a recipient: bulk renders one variant per wording and
    # joins each recipient's words into it, and how much room is left depends on their words
    # (a fill per recipient would mean a render per recipient); the render path for one
    # recipient agrees with it.
    room = 0 if fixed or recipient is not None else _room(stats, settings, lang)
    if room > 0 and _reads(ts, lang, channel, "room"):
        filled, filled_reads = _render_outputs(ts, lang, channel, views, facts, language,
                                               stated, short=level, recipient=recipient,
                                               room=room, wheres=wheres, trim=trim)
        filled_stats = _stats(channel, lang, filled, ts)
        if not _over_budget(filled_stats, settings, lang):
            outputs, reads, stats = filled, filled_reads, filled_stats
    if spec.short_wording:
        stats["wording"] = "short" if level else "full"
        if spec.short_wording > 1:
            stats["short"] = level
    placed_in = {output: frozenset(paths) for output, paths in reads.items()}
    return Message(language=lang, channel=channel, text=outputs["text"],
                   subject=outputs.get("subject"), html=outputs.get("html"),
                   ssml=outputs.get("ssml"), stats=stats, direction=language.direction,
                   sender=ts.config.organisation.email_from, sent_at=incident.updated_at,
                   placed=frozenset().union(*placed_in.values()), placed_in=placed_in)


_BUDGET_SOURCES = {"segments": "text", "characters": "text", "weighted_length": "text",
                   "subject_characters": "subject", "seconds": "ssml"}
"""The output each budgeted stat (``BUDGET_STATS``) is counted from."""


def _budget_outputs(outputs: Sequence[Output], settings: ChannelConfig,
                    lang: str) -> frozenset[Output] | None:
    """The outputs the channel's budgets count, when fewer than all its outputs (else None:
    a probe would render everything anyway)."""
    needed: set[Output] = set()
    for stat, _ in settings.budgets(lang).values():
        source = _BUDGET_SOURCES.get(stat)
        if source is None or source not in outputs:
            return None
        needed.add(source)  # type: ignore[arg-type]
    if not needed or len(needed) == len(outputs):
        return None
    return frozenset(needed)


def _probe(ts: TemplateSet, lang: str, channel: str, views: Views, facts: Facts,
           language: Language, stated: dict[str, frozenset[str]], only: frozenset[Output], *,
           short: int, recipient: Personal | None,
           wheres: dict[str, dict[int, list[str]]] | None, trim: bool = False,
           ) -> tuple[dict[str, str], dict[str, set[str]], dict[str, Any]] | None:
    """The outputs ``only`` of one wording and their stats; None when rendering or counting
    them fails (the whole wording is then rendered in order, so the error raised is the one a
    full render raises first)."""
    try:
        outputs, reads = _render_outputs(ts, lang, channel, views, facts, language, stated,
                                         short=short, recipient=recipient, only=only,
                                         wheres=wheres, trim=trim)
        return outputs, reads, _stats(channel, lang, outputs, ts)
    except CrisisError:
        return None


def _render_outputs(ts: TemplateSet, lang: str, channel: str, views: Views,
                    facts: Facts, language: Language, stated: dict[str, frozenset[str]], *,
                    short: int, recipient: Personal | None = None, room: int = 0,
                    only: frozenset[Output] | None = None,
                    done: tuple[dict[str, str], dict[str, set[str]]] | None = None,
                    wheres: dict[str, dict[int, list[str]]] | None = None,
                    trim: bool = False,
                    ) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The outputs of one wording, in the channel's order: ``only`` these when given; those in
    ``done`` (rendered by a probe of this same wording) are taken from it."""
    spec = CHANNELS[channel]
    settings = ts.config.channel(channel)
    strategy: Strategy = settings.bidi if language.rtl else "none"
    markdown = spec.text_format == "markdown"
    outputs: dict[str, str] = {}
    reads: dict[str, set[str]] = {}
    for output in spec.outputs:
        if only is not None and output not in only:
            continue
        if done is not None and output in done[0]:
            outputs[output], reads[output] = done[0][output], done[1][output]
            continue
        kind: Kind = "text" if output == "subject" else output
        if output == "text" and markdown:
            kind = "markdown"
        key = (kind, strategy)
        if key not in views:
            views[key] = converter(facts, kind, strategy)
        # A view of its own for each output: the audience (`internal` staff only, `priority`
        # staff and partners) is asked before any read, and what it reads is recorded.
        placed = reads[output] = set()
        f = View(facts, views[key], spec.hidden, placed=placed, stated=stated, wheres=wheres)
        context = {"f": f, "lang": lang, "dir": language.direction, "channel": channel,
                   "short": short, "room": room, "trim": trim, "said_as": language.said_as,
                   "recipient": None if recipient is None else recipient(kind, strategy)}
        template = ts.template(lang, channel, output)
        raw = _run(template, context, f"{ts.folder}/{lang}/{template_name(channel, output)}",
                   ts.config.limits)
        if output == "subject":
            outputs[output] = _rtl_base(" ".join(raw.split()), strategy)
        elif output == "text":
            if "ssml" in spec.outputs:
                # A script read aloud: a caller cannot follow a link, so an address typed in
                # incident text becomes the words for where it points, as in the SSML.
                raw = speech.replace_addresses(raw, language.speech)
                # A keyword said as the SSML says it, where the language writes it so.
                raw = speech.script_keywords(raw, language.speech,
                                             short <= language.speech.keyword_through)
                if strategy == "isolates":
                    # Those words may land inside an isolated left-to-right value ("https://…
                    # *2040" becomes "באתר שלנו *2040"): protect what follows them again.
                    raw = _ISOLATED_RE.sub(_reprotect, raw)
            outputs[output] = _rtl_base(_tidy(raw), strategy, markdown=markdown)
            if channel == "sms" and strategy == "marks":
                # Every unit counts: a mark that changes nothing on screen is not sent.
                outputs[output] = drop_idle_marks(outputs[output])
        elif output == "html":
            outputs[output] = html_wrap(_tidy(raw), lang, language.direction,
                                         outputs.get("subject"), spec.html_document)
        else:
            voice = settings.voice.get(lang)
            # A keyword's words ("the word BILL", "BILL латиницей") go from the wording after
            # [speech] keyword_through, for their time (reading 44 EN-16, RU-4, AR-2).
            raw = speech.keyword_words(raw, short <= language.speech.keyword_through)
            body = speech.glue_prefixes(_tidy(raw), language.speech)
            outputs[output] = speech.wrap_ssml(body, _said_words(ts, lang, language),
                                               dialect=settings.ssml_dialect, voice=voice)
    return outputs, reads


_ISOLATED_RE = re.compile(f"{LRI}([^{LRI}{PDI}]*){PDI}")


def _said_words(ts: TemplateSet, lang: str, language: Language) -> speech.SpeechWords:
    """The language's spoken words with the organisation's ``pronounce`` entries for ``lang``
    added to its lexicon (docs/hebrew.md, "Pronunciation lexicon"); an entry with a phone the
    language's voices do not know is a ConfigError naming ``crisiscomms.toml`` and the entry."""
    entries = ts.config.organisation.pronounce.get(lang)
    if not entries:
        return language.speech
    return _with_lexicon(language.speech, tuple(entries.items()), str(ts.folder))


@lru_cache(maxsize=32)
def _with_lexicon(words: speech.SpeechWords, entries: tuple[tuple[str, speech.Pronunciation], ...],
                  folder: str) -> speech.SpeechWords:
    where = f"organisation.pronounce.{words.lang}"
    try:
        return words.with_lexicon(dict(entries), where)
    except ValueError as exc:
        path, _, message = str(exc).partition(": ")
        raise ConfigError(str(Path(folder) / "crisiscomms.toml"), [Problem(path, message)]) \
            from None


def _reprotect(match: re.Match[str]) -> str:
    inner = match.group(1)
    return f"{LRI}{protect_typed(inner, 'isolates') if has_rtl(inner) else inner}{PDI}"


def _over_budget(stats: Mapping[str, Any], settings: ChannelConfig, lang: str) -> bool:
    """Whether any budget the channel sets is exceeded: what calls for the shorter wording."""
    return bool(settings.over_budget(stats, lang))


def _room(stats: Mapping[str, Any], settings: ChannelConfig, lang: str) -> int:
    """The units left under the channel's budgets (the least of them): SMS units under the
    segment budget in the text's encoding, characters under a character budget. Budgets not
    counted in units (seconds) add no room of their own; the fill is checked against them."""
    left: list[int] = []
    for stat, limit in settings.budgets(lang).values():
        if stat == "segments" and "units" in stats:
            left.append(sms_capacity(stats["encoding"], limit) - stats["units"])
        elif stat in ("characters", "weighted_length") and stat in stats:
            left.append(limit - stats[stat])
    return max(0, min(left)) if left else 0


def _next_wording(level: int, trim: bool, trims: bool) -> tuple[int, bool]:
    """The wording to try after (``level``, ``trim``) went over budget: the same level trimmed
    where the templates read `trim` and it was not yet, else the next level untrimmed.

    >>> _next_wording(2, False, True), _next_wording(2, True, True), _next_wording(2, False, False)
    ((2, True), (3, False), (3, False))
    """
    return (level, True) if trims and not trim else (level + 1, False)


_READERS: weakref.WeakKeyDictionary[Template, frozenset[str]] = weakref.WeakKeyDictionary()


def _reads(ts: TemplateSet, lang: str, channel: str, variable: str) -> bool:
    """Whether a template of the channel reads ``variable`` (`room`, else a fill render would
    change nothing; `trim`, else a trimmed render would): found once per compiled template,
    from its source."""
    env = ts.environment(lang)
    found = False
    for output in CHANNELS[channel].outputs:
        template = ts.template(lang, channel, output)
        names = _READERS.get(template)
        if names is None:
            name = template_name(channel, output)
            assert env.loader is not None
            names = _READERS[template] = _loaded_names(env, env.loader.get_source(env, name)[0])
        found = found or variable in names
    return found


def _loaded_names(env: jinja2.Environment, source: str) -> frozenset[str]:
    """The variables a template's source reads. Parsed only when it names one the render asks
    about (a template cannot read a name its source does not spell), and read from the syntax
    tree rather than through Jinja's code generator (``meta.find_undeclared_variables``), which
    cost a lint run half a second: a name the template also sets counts as read, which at worst
    costs one render that changes nothing."""
    if not any(word in source for word in _ASKED):
        return frozenset()
    return frozenset(node.name for node in env.parse(source).find_all(jinja2.nodes.Name)
                     if node.ctx == "load" and node.name in _ASKED)


# The variables `_reads` is asked about: the fill render's room and the trimmed wording.
_ASKED = frozenset({"room", "trim"})


@lru_cache(maxsize=256)
def _seconds(ssml: str, words_per_minute: float) -> float:
    """:func:`speech.estimate_seconds`, kept by text: the wording a probe counted is counted
    again with the rest of its outputs (a failure is never kept; it raises again)."""
    return speech.estimate_seconds(ssml, words_per_minute=words_per_minute)


def _stats(channel: str, lang: str, outputs: Mapping[str, str], ts: TemplateSet) -> dict[str, Any]:
    # Every output is here but in a probe (`_probe`), which counts only what it rendered.
    stats: dict[str, Any] = {}
    text = outputs.get("text")
    if text is not None:
        stats.update(characters=len(text), utf16_units=len(text.encode("utf-16-le")) // 2)
    if "subject" in outputs:
        stats["subject_characters"] = len(outputs["subject"])
    if text is not None and channel == "sms":
        encoding, units, segments = sms_segments(text)
        stats.update(encoding=encoding, units=units, segments=segments)
    if text is not None and channel == "social":
        stats["weighted_length"] = weighted_length(text)
    if "ssml" in outputs:
        rate = ts.config.channel(channel).words_per_minute
        try:
            seconds = _seconds(outputs["ssml"], rate)
        except ValueError as exc:
            # Counting speech parses the SSML: a team's template that writes broken XML (or
            # an SSML template left out of autoescaping) is that template's error, not a crash.
            raise TemplateError(f"the SSML is not well-formed: {exc}",
                                file=f"{ts.folder}/{lang}/{template_name(channel, 'ssml')}") \
                from None
        stats["seconds"] = round(seconds, 1)
    return stats


def _run_checks(bundle: Bundle, ts: TemplateSet, facts: Mapping[str, Facts]) -> list[Finding]:
    # Imported here: the checks and their rule files load only when findings are read.
    from .checks import check_bundle

    return check_bundle(bundle, ts, facts)


def render(incident: Incident, *, languages: Iterable[str] | None = None,
           channels: Iterable[str] | None = None,
           templates: str | os.PathLike[str] | None = None,
           previous: Incident | None = None) -> Bundle:
    """Render every (language, channel) message of ``incident``.

    ``previous`` is the incident as last published (the journal passes its latest statement's):
    the facts then carry ``changes`` (:func:`crisiscomms.changes.changes`), so messages can
    say what moved since. It must be the same incident id (``ValueError`` otherwise).

    Defaults: every language and enabled channel of the config; ``templates`` is a folder
    that replaces the built-in templates (``crisiscomms init DIR`` makes one to start from).
    Raises :class:`IncidentError` when a text is missing in a language rendered,
    :class:`TemplateError` naming the file and line when a template fails.
    """
    ts = template_set(templates)
    org = ts.config.organisation
    # A language the folder ships but the config does not list (the built-in ar and ru)
    # renders when asked for by name (CONTRACT section 11).
    langs = _select(languages, org.languages, "language", ts.shipped_languages())
    chans = _select(channels, ts.config.enabled_channels(), "channel")
    _check_languages(incident, langs)
    moved = None if previous is None else changes(previous, incident)
    missing = [lang for lang in langs if org.name.get(lang) is None]
    if missing:
        raise IncidentError(str(ts.folder / "crisiscomms.toml"),
                            [Problem(f"organisation.name.{m}", "missing") for m in missing])
    messages = []
    facts_by_lang: dict[str, Facts] = {}
    with bundle_scope():  # each template file is checked for changes once per bundle
        for lang in langs:
            language = ts.language(lang)
            facts = build_facts(incident, ts.config, language, lang, moved)
            facts_by_lang[lang] = facts
            views: Views = {}
            # What each fact states, by path, worked out once per language on first read.
            stated: dict[str, frozenset[str]] = {}
            wheres: dict[str, dict[int, list[str]]] = {}  # where each piece is, by mapping
            for channel in chans:
                messages.append(_render_one(ts, incident, lang, channel, views, facts, language,
                                            stated, wheres=wheres))
    return Bundle(incident, tuple(messages),
                  checks=lambda bundle: _run_checks(bundle, ts, facts_by_lang))
