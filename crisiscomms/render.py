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

import datetime as dt
import os
import re
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from jinja2 import (
    BytecodeCache,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import speech
from .bidi import RLM, Strategy, strip_controls
from .channels import CHANNELS, Output, template_name
from .config import (
    BUDGET_STATS,
    ChannelConfig,
    Config,
    Language,
    default_templates_dir,
    load_config,
    load_language,
)
from .errors import CrisisError, IncidentError, Problem, TemplateError
from .facts import Facts, Kind, View, build_facts, lang_is_rtl, view
from .findings import Finding
from .model import Incident
from .sms import sms_segments
from .weighted import weighted_length

__all__ = ["Bundle", "Message", "TemplateSet", "render", "template_set"]


@dataclass(frozen=True)
class Message:
    """One channel's message in one language.

    ``text`` is always there; ``subject``, ``html`` and ``ssml`` where the channel has them.
    ``stats`` holds the counts that fit the channel (characters, SMS encoding and segments,
    estimated seconds of speech).
    """

    language: str
    channel: str
    text: str
    subject: str | None = None
    html: str | None = None
    ssml: str | None = None
    stats: Mapping[str, Any] = field(default_factory=dict)
    sender: str | None = None
    sent_at: dt.datetime | None = None

    def outputs(self) -> dict[str, str]:
        """The outputs this message has, by name (``subject``, ``text``, ``html``, ``ssml``)."""
        found = {"subject": self.subject, "text": self.text, "html": self.html,
                 "ssml": self.ssml}
        return {k: v for k, v in found.items() if v is not None}

    def as_email_message(self, sender: str | None = None, to: str | None = None) -> EmailMessage:
        """A ready ``multipart/alternative`` email: UTF-8, ``Auto-Submitted: auto-replied``
        (RFC 3834) and ``Content-Language``. Only for channels with a subject.

        >>> from crisiscomms.samples import load_example
        >>> msg = render(load_example("identified"), channels=["email"])["he", "email"]
        >>> email = msg.as_email_message(to="customer@example.com")
        >>> email["Auto-Submitted"], email.get_content_type()
        ('auto-replied', 'multipart/alternative')
        """
        if self.subject is None:
            raise ValueError(f"channel {self.channel!r} has no subject, so no email form")
        email = EmailMessage()
        email["Subject"] = self.subject
        if sender or self.sender:
            email["From"] = sender or self.sender
        if to:
            email["To"] = to
        if self.sent_at is not None:
            email["Date"] = format_datetime(self.sent_at)
        # RFC 3834: an answer to someone who wrote in is auto-replied; a notice we send first
        # (status page subscribers, management, partners) is auto-generated.
        spec = CHANNELS.get(self.channel)
        email["Auto-Submitted"] = "auto-replied" if spec is None or spec.reply \
            else "auto-generated"
        email.set_content(self.text, charset="utf-8")
        if self.html is not None:
            html = self.html
            if not html.lstrip().lower().startswith("<!doctype"):
                # A fragment made for a web page (status page) becomes a whole document.
                direction = "rtl" if lang_is_rtl(self.language) else "ltr"
                html = _html_wrap(html, self.language, direction, self.subject, True)
            email.add_alternative(html, subtype="html", charset="utf-8")
        # After add_alternative: it moves every Content-* header into the first part.
        email["Content-Language"] = self.language
        return email


@dataclass(frozen=True)
class Bundle:
    """Every message rendered from one incident, by ``(language, channel)``, plus the findings
    of the checks run on them.

    >>> from crisiscomms.samples import load_example
    >>> bundle = render(load_example("identified"))
    >>> ("he", "ivr") in bundle, len(bundle) == len(list(bundle))
    (True, True)
    """

    incident: Incident
    messages: tuple[Message, ...]
    checks: Callable[[Bundle], Iterable[Finding]] | None = field(
        default=None, repr=False, compare=False)
    """What :attr:`findings` runs; ``render()`` sets it."""

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """The findings of every check on this bundle, sorted. The checks run the first time
        this is read, so a bulk renderer that never reads them does not pay for them."""
        return () if self.checks is None else tuple(self.checks(self))

    def __getitem__(self, key: tuple[str, str]) -> Message:
        for message in self.messages:
            if (message.language, message.channel) == key:
                return message
        raise KeyError(f"no message for language {key[0]!r} and channel {key[1]!r}")

    def __contains__(self, key: object) -> bool:
        return any((m.language, m.channel) == key for m in self.messages)

    def __iter__(self) -> Iterator[Message]:
        return iter(self.messages)

    def __len__(self) -> int:
        return len(self.messages)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages in this bundle, in render order."""
        return tuple(dict.fromkeys(m.language for m in self.messages))

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels in this bundle, in render order."""
        return tuple(dict.fromkeys(m.channel for m in self.messages))


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".html", ".ssml"))


@dataclass(frozen=True)
class TemplateSet:
    """A template folder: its config, each language's vocabulary, its compiled templates."""

    folder: Path
    config: Config

    def language(self, lang: str) -> Language:
        """The vocabulary of ``lang`` (``<folder>/<lang>/language.toml``)."""
        return load_language(self.folder, lang)

    def environment(self, lang: str) -> ImmutableSandboxedEnvironment:
        """The sandboxed Jinja environment for ``<folder>/<lang>/`` (built once per process)."""
        return _environment(str(self.folder), lang)

    def template(self, lang: str, channel: str, output: Output) -> Template:
        """The compiled template of one output; :class:`TemplateError` names the file."""
        name = template_name(channel, output)
        try:
            return self.environment(lang).get_template(name)
        except TemplateNotFound:
            raise TemplateError("template not found", file=f"{self.folder}/{lang}/{name}") \
                from None
        except TemplateSyntaxError as exc:
            raise TemplateError(exc.message or "syntax error",
                                file=f"{self.folder}/{lang}/{exc.name or name}",
                                line=exc.lineno) from None


@lru_cache(maxsize=1)
def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept on disk between processes: compiling the ~40 default templates
    costs ~0.4 s, paid by every cold `crisiscomms render` without it. Keyed by the template's
    path and source checksum, so an edited template is compiled afresh. Off with
    CRISISCOMMS_NO_BYTECODE_CACHE=1 or when the cache folder cannot be made."""
    if os.environ.get("CRISISCOMMS_NO_BYTECODE_CACHE") == "1":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "crisiscomms" / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=64)
def _environment(folder: str, lang: str) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(os.path.join(folder, lang)),
        undefined=StrictUndefined,
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
    locale = Locale.parse(lang)

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
        raise TemplateError("template folder not found", file=str(folder))
    return TemplateSet(folder.resolve(), load_config(folder))


class UnknownNameError(CrisisError, ValueError):
    """A language or channel that the config does not know was asked for."""


def _select(asked: Iterable[str] | None, known: Sequence[str], what: str) -> tuple[str, ...]:
    if asked is None:
        return tuple(known)
    chosen = tuple(dict.fromkeys(asked))
    for name in chosen:
        if name not in known:
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


def _html_wrap(body: str, lang: str, direction: str, subject: str | None, document: bool) -> str:
    from markupsafe import escape

    if not document:
        return f'<div lang="{lang}" dir="{direction}">\n{body}\n</div>'
    title = escape(strip_controls(subject or ""))
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f'<body dir="{direction}">\n{body}\n</body>\n</html>')


def _template_error(exc: Exception, file: str) -> TemplateError:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(file.rsplit("/", 1)[-1]):
            line = frame.lineno
    if isinstance(exc, UndefinedError):
        message = f"undefined: {exc.message}"
    elif isinstance(exc, SecurityError):
        message = f"not allowed in the sandbox: {exc}"
    else:
        message = str(exc) or type(exc).__name__
    return TemplateError(message, file=file, line=line)


def _run(template: Template, context: Mapping[str, Any], file: str) -> str:
    try:
        return template.render(context)
    except (JinjaTemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _template_error(exc, file) from None


def _render_one(ts: TemplateSet, incident: Incident, lang: str, channel: str,
                views: dict[tuple[Kind, Strategy], View],
                facts: Facts, language: Language) -> Message:
    spec = CHANNELS[channel]
    outputs = _render_outputs(ts, lang, channel, views, facts, language, short=False)
    stats = _stats(channel, lang, outputs, ts)
    if spec.short_wording:
        # The template's shorter wording replaces the full one when that is over budget; text is
        # never cut. If the short one is over too, the budget check reports it.
        short = _over_budget(stats, ts.config.channel(channel), lang)
        if short:
            outputs = _render_outputs(ts, lang, channel, views, facts, language, short=True)
            stats = _stats(channel, lang, outputs, ts)
        stats["wording"] = "short" if short else "full"
    return Message(language=lang, channel=channel, text=outputs["text"],
                   subject=outputs.get("subject"), html=outputs.get("html"),
                   ssml=outputs.get("ssml"), stats=stats,
                   sender=ts.config.organisation.email_from, sent_at=incident.updated_at)


def _render_outputs(ts: TemplateSet, lang: str, channel: str,
                    views: dict[tuple[Kind, Strategy], View],
                    facts: Facts, language: Language, *, short: bool) -> dict[str, str]:
    spec = CHANNELS[channel]
    settings = ts.config.channel(channel)
    strategy: Strategy = settings.bidi if lang_is_rtl(lang) else "none"
    markdown = spec.text_format == "markdown"
    outputs: dict[str, str] = {}
    for output in spec.outputs:
        kind: Kind = "text" if output == "subject" else output
        if output == "text" and markdown:
            kind = "markdown"
        key = (kind, strategy)
        if key not in views:
            views[key] = view(facts, kind, strategy)
        # Each audience sees only its facts: `internal` staff only, `priority` staff and partners.
        f = views[key].only(spec.sees)
        context = {"f": f, "lang": lang, "dir": language.direction, "channel": channel,
                   "short": short}
        template = ts.template(lang, channel, output)
        raw = _run(template, context, f"{ts.folder}/{lang}/{template_name(channel, output)}")
        if output == "subject":
            outputs[output] = _rtl_base(" ".join(raw.split()), strategy)
        elif output == "text":
            outputs[output] = _rtl_base(_tidy(raw), strategy, markdown=markdown)
        elif output == "html":
            outputs[output] = _html_wrap(_tidy(raw), lang, language.direction,
                                         outputs.get("subject"), spec.html_document)
        else:
            voice = settings.voice.get(lang)
            outputs[output] = speech.wrap_ssml(_tidy(raw), lang, dialect=settings.ssml_dialect,
                                               voice=voice)
    return outputs


def _over_budget(stats: Mapping[str, Any], settings: ChannelConfig, lang: str) -> bool:
    """Whether any budget the channel sets is exceeded: what calls for the shorter wording."""
    for budget, stat in BUDGET_STATS.items():
        limit = settings.budget(budget, lang)
        if limit is not None and stat in stats and stats[stat] > limit:
            return True
    return False


def _stats(channel: str, lang: str, outputs: Mapping[str, str], ts: TemplateSet) -> dict[str, Any]:
    text = outputs["text"]
    stats: dict[str, Any] = {"characters": len(text),
                             "utf16_units": len(text.encode("utf-16-le")) // 2}
    if "subject" in outputs:
        stats["subject_characters"] = len(outputs["subject"])
    if channel == "sms":
        encoding, units, segments = sms_segments(text)
        stats.update(encoding=encoding, units=units, segments=segments)
    if channel == "social":
        stats["weighted_length"] = weighted_length(text)
    if "ssml" in outputs:
        rate = ts.config.channel(channel).words_per_minute
        stats["seconds"] = round(speech.estimate_seconds(outputs["ssml"],
                                                         words_per_minute=rate), 1)
    return stats


def _run_checks(bundle: Bundle, ts: TemplateSet, facts: Mapping[str, Facts]) -> list[Finding]:
    # Imported here: the checks and their rule files load only when findings are read.
    from .checks import check_bundle

    return check_bundle(bundle, ts, facts)


def render(incident: Incident, *, languages: Iterable[str] | None = None,
           channels: Iterable[str] | None = None,
           templates: str | os.PathLike[str] | None = None) -> Bundle:
    """Render every (language, channel) message of ``incident``.

    Defaults: every language and enabled channel of the config; ``templates`` is a folder
    that replaces the built-in templates (``crisiscomms init DIR`` makes one to start from).
    Raises :class:`IncidentError` when a text is missing in a language rendered,
    :class:`TemplateError` naming the file and line when a template fails.
    """
    ts = template_set(templates)
    org = ts.config.organisation
    langs = _select(languages, org.languages, "language")
    chans = _select(channels, ts.config.enabled_channels(), "channel")
    _check_languages(incident, langs)
    missing = [lang for lang in langs if org.name.get(lang) is None]
    if missing:
        raise IncidentError(str(ts.folder / "crisiscomms.toml"),
                            [Problem(f"organisation.name.{m}", "missing") for m in missing])
    messages = []
    facts_by_lang: dict[str, Facts] = {}
    for lang in langs:
        language = ts.language(lang)
        facts = build_facts(incident, ts.config, language, lang)
        facts_by_lang[lang] = facts
        views: dict[tuple[Kind, Strategy], View] = {}
        for channel in chans:
            messages.append(_render_one(ts, incident, lang, channel, views, facts, language))
    return Bundle(incident, tuple(messages),
                  checks=lambda bundle: _run_checks(bundle, ts, facts_by_lang))
