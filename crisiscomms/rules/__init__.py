"""The rule files: ``<lang>/rules.yaml`` beside the templates, owned by the comms team.

Rule *kinds* live in code (this module's models say what each kind takes; ``checks/`` and
``lint`` apply them); rule *instances* live in the rule files: an id, a kind, a level, the
message a finding shows, a scope, the kind's own options, and examples that must fail and pass.
Every file is validated when it loads, and an error names the file, the rule and the field.
Text rules' examples are run when the file loads: a rule whose failing example does not fail is
refused, so a comms team finds a broken pattern before CI trusts it.

>>> from crisiscomms.config import default_templates_dir
>>> rules = load_rules(default_templates_dir(), "en")
>>> rules.get("no-call-again").kind
'existence'
>>> rules.get("sms-segments").finding({"value": 3, "limit": 2}, language="en").severity
'error'
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .._pydantic import PluginScanOff
from ..channels import CHANNELS, Audience
from ..config import ChangeKindName, default_templates_dir, refuse_unsafe
from ..errors import ConfigError, Problem
from ..findings import Finding, Severity
from ..loading import file_stamp, read_data, validate
from .match import Matcher, gender_forms, labelled_phrases, normalise

_SCAN = PluginScanOff()  # until the end of the module: see crisiscomms._pydantic

__all__ = [
    "KINDS",
    "LETTERS",
    "AddressRule",
    "AudienceRule",
    "BudgetRule",
    "Case",
    "ControlRule",
    "ExistenceRule",
    "HardCodedRule",
    "IncidentTextRule",
    "LeftoverRule",
    "ParityRule",
    "RelativeDayRule",
    "RequiredFactsRule",
    "Rule",
    "RuleSet",
    "Scope",
    "ShortFormKeywordRule",
    "SubstitutionRule",
    "TemplateRule",
    "TextRule",
    "TimeRule",
    "WorkaroundDroppedRule",
    "load_rules",
]

RULES_FILE = "rules.yaml"

Level = Literal["error", "warning", "info", "off"]
"""A rule's level: the severity of its findings, or ``off`` to keep the rule but not run it."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


LETTERS: Final = "letters"
"""The scope name of the complaint-case letters (templates ``case_*``)."""


class Scope(_Strict):
    """Where a rule applies: channel ids and/or audiences; unset means everywhere. Among the
    channels, ``letters`` names the complaint-case letters (``case_*``), which a rule scoped
    to channels or audiences otherwise leaves alone: they are written to one named customer.

    >>> Scope(audiences=("customer",)).covers("talking_points")
    False
    """

    channels: tuple[str, ...] | None = None
    audiences: tuple[Audience, ...] | None = None

    @field_validator("channels")
    @classmethod
    def _known(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for name in value or ():
            if name not in CHANNELS and name != LETTERS:
                raise ValueError(f"unknown channel {name!r}; expected one of "
                                 f"{', '.join(CHANNELS)} or {LETTERS}")
        return value

    def covers(self, channel: str | None) -> bool:
        """Whether a message (or template) of ``channel`` is in scope; a template that belongs
        to no channel (a shared part) is in every scope."""
        if channel is None or channel not in CHANNELS:
            return True
        if self.channels is not None and channel not in self.channels:
            return False
        return self.audiences is None or CHANNELS[channel].audience in self.audiences


class Case(_Strict):
    """An example for a rule that is not about words alone: a change to a fresh copy of the
    default templates (``file`` given ``template`` text, or removed when ``template`` is
    absent) and/or fields replaced in the built-in ``identified`` incident."""

    file: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")] | None = None
    template: str | None = None
    incident: dict[str, Any] | None = None


Example = str | Case


class Examples(_Strict):
    """Texts (or cases) the rule must flag (``fail``) and must leave alone (``pass``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    fail: tuple[Example, ...] = ()
    pass_: tuple[Example, ...] = Field((), alias="pass")


_FORMATTER = string.Formatter()


class RuleBase(_Strict):
    """What every rule has, whatever its kind."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,63}$")]
    kind: str
    level: Level = "error"
    message: Annotated[str, Field(min_length=1, max_length=400)]
    description: str | None = None
    link: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    scope: Scope = Scope()
    examples: Examples = Field(default_factory=lambda: Examples.model_validate({}))

    PARAMS: ClassVar[frozenset[str]] = frozenset()
    """The names a message may place, as ``{name}``."""
    TEXT: ClassVar[bool] = False
    """Whether the kind looks at words (its examples are texts) or at cases."""
    WHERE: ClassVar[str] = "messages"
    """What the kind looks at (for docs/rules.md)."""

    @field_validator("level", mode="before")
    @classmethod
    def _off(cls, value: object) -> object:
        # YAML 1.1 reads a bare `off` as false: take it as meant.
        return "off" if value is False else value

    @field_validator("message")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        try:
            names = [name for _, name, _, _ in _FORMATTER.parse(value) if name is not None]
        except ValueError as exc:
            raise ValueError(f"{exc}; write a literal brace as {{{{ or }}}}") from None
        for name in names:
            if name not in cls.PARAMS:
                known = ", ".join(f"{{{p}}}" for p in sorted(cls.PARAMS)) or "none"
                raise ValueError(f"unknown placeholder {{{name}}}; this kind offers {known}")
        return value

    @field_validator("examples")
    @classmethod
    def _example_form(cls, value: Examples) -> Examples:
        want, other = (str, "a text") if cls.TEXT else (Case, "a case (file/template/incident)")
        for group, items in (("fail", value.fail), ("pass", value.pass_)):
            for index, item in enumerate(items):
                if not isinstance(item, want):
                    raise ValueError(f"{group}[{index}]: an example of this kind is {other}")
        return value

    @property
    def active(self) -> bool:
        """False for ``level: off``."""
        return self.level != "off"

    def finding(self, params: Mapping[str, object], *, language: str | None = None,
                channel: str | None = None, file: str | None = None, line: int | None = None,
                column: int | None = None, field: str | None = None) -> Finding:
        """A finding of this rule: its id, its level, its message with ``params`` placed."""
        severity: Severity = "info" if self.level == "off" else self.level
        message = self.message.format_map({k: str(v) for k, v in params.items()})
        return Finding(self.id, severity, message, language=language, channel=channel,
                       file=file, line=line, column=column, field=field)


class TextRule(RuleBase):
    """A rule about words, checked in a template's literal text and in every rendered output."""

    WHERE: ClassVar[str] = "templates and messages"

    TEXT: ClassVar[bool] = True
    PARAMS: ClassVar[frozenset[str]] = frozenset({"found"})
    static_only: ClassVar[bool] = False
    """True when only a template's own words are checked (not the facts placed in them)."""

    @cached_property
    def matcher(self) -> Matcher:
        """The compiled matcher of this rule's options."""
        raise NotImplementedError


def _compiles(patterns: Any) -> Any:
    items = patterns.values() if isinstance(patterns, Mapping) else patterns
    for pattern in items:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
    return patterns


class ExistenceRule(TextRule):
    """Forbidden phrases or patterns: any occurrence is a finding. With ``when: long-outage``,
    only in the messages of an outage that has lasted ``[compensation] long_outage_hours`` or
    more (``crisiscomms.toml``), and not in templates' own text, which shorter outages share."""

    kind: Literal["existence"]
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    prefixes: str = ""
    ignorecase: bool = True
    when: Literal["long-outage"] | None = None

    _check_patterns = field_validator("patterns")(_compiles)

    @cached_property
    def matcher(self) -> Matcher:
        """Phrases as whole words (with the allowed prefixes), patterns as written."""
        return Matcher.of(phrases=self.phrases, patterns=self.patterns, prefixes=self.prefixes,
                          ignorecase=self.ignorecase)


class SubstitutionRule(TextRule):
    """Preferred wording: each phrase in ``swap`` has a better one, named in the message."""

    PARAMS: ClassVar[frozenset[str]] = frozenset({"found", "suggestion"})
    kind: Literal["substitution"]
    swap: Annotated[dict[str, str], Field(min_length=1)]
    prefixes: str = ""
    ignorecase: bool = True

    @cached_property
    def matcher(self) -> Matcher:
        """One alternative per phrase, labelled with its suggestion."""
        return Matcher.of(labelled=labelled_phrases(self.swap, "suggestion"),
                          prefixes=self.prefixes, ignorecase=self.ignorecase)


class AddressRule(TextRule):
    """How the public is addressed: singular words and slash or dot gender forms."""

    kind: Literal["address"]
    words: tuple[str, ...] = ()
    prefixes: str = ""
    suffixes: tuple[str, ...] = ()
    separators: str = "/."
    ignorecase: bool = True

    @cached_property
    def matcher(self) -> Matcher:
        """The words (with the allowed prefixes) and ``word<separator><suffix>`` forms."""
        forms = [gender_forms(self.suffixes, self.separators, self.ignorecase)] \
            if self.suffixes else []
        return Matcher.of(phrases=self.words, word_patterns=forms, prefixes=self.prefixes,
                          ignorecase=self.ignorecase)


class LeftoverRule(TextRule):
    """Placeholders left behind: XXX, TODO, ``[name]``, lorem ipsum, an unrendered ``{{``."""

    kind: Literal["leftover"]
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    ignorecase: bool = True

    _check_patterns = field_validator("patterns")(_compiles)

    @cached_property
    def matcher(self) -> Matcher:
        """Phrases as whole words, patterns as written."""
        return Matcher.of(phrases=self.phrases, patterns=self.patterns,
                          ignorecase=self.ignorecase)


class HardCodedRule(TextRule):
    """Facts typed into a template's own text (a time, a date, a percentage, a count) instead
    of placed from the facts. ``patterns`` maps what it is to how it looks."""

    WHERE: ClassVar[str] = "templates"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"found", "what"})
    static_only: ClassVar[bool] = True
    kind: Literal["hard-coded"]
    patterns: Annotated[dict[str, str], Field(min_length=1)]

    _check_patterns = field_validator("patterns")(_compiles)

    @cached_property
    def matcher(self) -> Matcher:
        """The patterns, each labelled with what it finds (the longest match wins)."""
        return Matcher.of(labelled_patterns=[(p, {"what": what})
                                             for what, p in self.patterns.items()],
                          ignorecase=False)


class TemplateRule(RuleBase):
    """A template that cannot run: bad syntax, an undefined name, a sandbox violation, a
    missing file, a runaway (over a limit of ``[limits]`` in ``crisiscomms.toml``: too many
    loop iterations, too much output, too long), or another error while rendering; or, as
    ``plural``, a ``plural()`` call without a form for each CLDR plural category of the
    language (Arabic zero, one, two, few, many, other; Russian one, few, many, other), which
    would say the ``other`` form where the language says another."""

    WHERE: ClassVar[str] = "templates"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"error"})
    kind: Literal["template"]
    problem: Literal["syntax", "undefined", "sandbox", "missing", "runtime", "runaway",
                     "plural"]


class ControlRule(RuleBase):
    """Invisible control characters in a template file, which reach every message it makes:
    ``bidi`` the embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make a
    text display differently from what it says (the library places the isolates values need
    itself), ``c0`` the C0 controls (NUL, ESC, ...; a line break, a tab and a Windows line
    ending are fine). Written raw or as an escape in a Jinja string (``"\\u202e"``)."""

    WHERE: ClassVar[str] = "templates"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"char", "name"})
    kind: Literal["control"]
    controls: Literal["bidi", "c0"]


class ParityRule(RuleBase):
    """Every language has every template (``check: templates``), and each template places the
    same facts in every language (``check: facts``). A fact's trailing form in ``forms``
    (``eta.when`` and ``eta.short``) and names grouped in ``same`` count as one fact."""

    WHERE: ClassVar[str] = "templates"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"template", "other", "fact"})
    kind: Literal["parity"]
    check: Literal["templates", "facts"]
    forms: tuple[str, ...] = ()
    same: tuple[tuple[str, ...], ...] = ()


class RequiredFactsRule(RuleBase):
    """The facts each channel must state (CONTRACT section 6), in each message's text."""

    PARAMS: ClassVar[frozenset[str]] = frozenset({"fact", "expected", "output"})
    kind: Literal["required-facts"]


class ChangesStatedRule(RuleBase):
    """What changed since the last statement is said (CONTRACT section 8): each change of the
    listed kinds, through its sentence (``f.changes[i].sentence`` or ``.short``, or
    ``f.eta_change``) or by placing the old estimate, with the new and the old time where the
    estimate moved. Checked in each message's subject and text, like the required facts."""

    PARAMS: ClassVar[frozenset[str]] = frozenset({"change", "expected"})
    kind: Literal["changes-stated"]
    changes: Annotated[tuple[ChangeKindName, ...], Field(min_length=1)]


class _NamesRule(RuleBase):
    """A rule whose advice may end by naming the services a short message lists without a
    short name (``names``, ``{services}``: their names as a list in the message's language)."""

    names: Annotated[str, Field(min_length=1, max_length=400)] | None = None

    @field_validator("names")
    @classmethod
    def _names_placeholders(cls, value: str | None) -> str | None:
        return _placeholders(value, frozenset({"services"}), "`names`")

    def with_names(self, text: str, long_names: str) -> str:
        """``text``, and ``names`` after it when ``long_names`` is not empty."""
        return f"{text} {self.names.format(services=long_names)}" if long_names and self.names \
            else text


class BudgetRule(_NamesRule):
    """A length budget; the limits per channel and language are in ``crisiscomms.toml``.
    ``shortest``, added to the message when even the channel's shortest wording is over,
    tells the team what in the incident to shorten (no template choice is left to make);
    ``names`` follows it when services the message lists have no short name (``{services}``:
    their names)."""

    PARAMS: ClassVar[frozenset[str]] = frozenset({"value", "limit"})
    kind: Literal["budget"]
    budget: Literal["max_segments", "max_chars", "max_subject_chars", "max_seconds",
                    "max_weighted"]
    shortest: Annotated[str, Field(min_length=1, max_length=400)] | None = None

    @field_validator("shortest")
    @classmethod
    def _shortest_placeholders(cls, value: str | None) -> str | None:
        return _placeholders(value, cls.PARAMS, "this kind")

    def finding_over(self, params: Mapping[str, object], *, shortest: bool,
                     long_names: str = "", language: str | None = None,
                     channel: str | None = None, file: str | None = None) -> Finding:
        """:meth:`finding`, with ``shortest`` appended when the shortest wording is over, and
        ``names`` after it for ``long_names`` (the services it lists without a short name, as a
        list in the message's language).

        >>> rule = BudgetRule(id="sms-segments", kind="budget", budget="max_segments",
        ...                   message="{value} segments", shortest="Shorten the title.",
        ...                   names="Or give {services} a short name.")
        >>> rule.finding_over({"value": 3, "limit": 2}, shortest=True, long_names="chat").message
        '3 segments. Shorten the title. Or give chat a short name.'
        """
        found = self.finding(params, language=language, channel=channel, file=file)
        if not (shortest and self.shortest):
            return found
        tail = self.shortest.format_map({k: str(v) for k, v in params.items()})
        return replace(found, message=f"{found.message}. {self.with_names(tail, long_names)}")


class WorkaroundDroppedRule(_NamesRule):
    """A message in ``scope`` (the SMS) that says neither the incident's workaround nor its
    short form (``workaround_short``): its budget dropped them. ``{limit}`` is the most
    characters a short form may have. ``given``: the message instead when the incident has
    the short form and even that did not fit (the title is what is left to shorten);
    ``names`` follows it when services the message lists have no short name
    (``{services}``: their names). The SMS's short form without the words a text message says
    itself (``f.workaround_min``, ``sms_implied`` in language.toml) says it too."""

    PARAMS: ClassVar[frozenset[str]] = frozenset({"limit"})
    kind: Literal["workaround-dropped"]
    given: Annotated[str, Field(min_length=1, max_length=400)] | None = None

    @field_validator("given")
    @classmethod
    def _given_placeholders(cls, value: str | None) -> str | None:
        return _placeholders(value, cls.PARAMS, "this kind")

    def given_message(self, limit: int, long_names: str) -> str | None:
        """``given`` with ``names`` after it for ``long_names``; None without ``given``."""
        if self.given is None:
            return None
        return self.with_names(self.given.format(limit=limit), long_names)


class ShortFormKeywordRule(RuleBase):
    """A short form (``workaround_short``, ``customer_action_short``) that names a keyword, a
    quoted word or an upper-case Latin word, or a number (a short code, a phone) that the full
    text of the same language lacks: customers who read or hear only the full text miss it.
    ``{field}`` is the full text (``workaround.<lang>``), ``{short}`` the short form's field,
    ``{token}`` what the full text lacks."""

    WHERE: ClassVar[str] = "the incident"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"field", "short", "token"})
    kind: Literal["short-form-keyword"]


class RelativeDayRule(RuleBase):
    """A relative day word (``words``: today, tomorrow, tonight...) in the incident's own
    text (the workaround, what customers should do, their short forms, the updates' notes)
    that a channel in ``scope`` places: a lasting channel (the status page, the email, the
    banner, the partners' email) is read hours or days after it was written, when "today"
    means another day. Whole words, with the one-letter ``prefixes`` a language glues to a
    word (Hebrew "ומחר").
    ``{field}`` is the text's field (``customer_action.he``), ``{found}`` the word,
    ``{channels}`` the lasting channels that place it, ``{example}`` the rule's ``example``
    with the day the word means (R15 #3: "by the end of Wednesday 25 November" for
    "tomorrow" said on Tuesday 24 November)."""

    WHERE: ClassVar[str] = "the incident"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"field", "found", "channels", "example"})
    EXAMPLE_PARAMS: ClassVar[frozenset[str]] = frozenset({"weekday", "date"})
    kind: Literal["relative-day"]
    words: Annotated[tuple[str, ...], Field(min_length=1)]
    prefixes: str = ""
    ignorecase: bool = True
    example: Annotated[str, Field(min_length=1, max_length=200)] = "{weekday} {date}"
    """The dated form the message offers, in the language's words: ``{weekday}`` and
    ``{date}`` of the day the word found means, written as the language's dates are."""
    days: dict[str, int] = {}
    """Words (of ``words``) that mean another day than the statement's, and how many days
    after it: ``{tomorrow: 1, yesterday: -1}``; every other word means the statement's day."""
    example_for: dict[str, str] = {}
    """Words (of ``words``) that name a part of a day rather than a deadline, with their own
    ``example``: ``{this morning: "on the morning of {weekday} {date}"}`` (R16 he/en #2: a
    start time is not "by the end of")."""

    @field_validator("example")
    @classmethod
    def _example_placeholders(cls, value: str) -> str:
        checked = _placeholders(value, cls.EXAMPLE_PARAMS, "example")
        assert checked is not None
        return checked

    @field_validator("example_for")
    @classmethod
    def _examples_placeholders(cls, value: dict[str, str]) -> dict[str, str]:
        for word, pattern in value.items():
            _placeholders(pattern, cls.EXAMPLE_PARAMS, f"example_for: {word!r}")
        return value

    @model_validator(mode="after")
    def _days_are_words(self) -> RelativeDayRule:
        known = {normalise(word) for word in self.words}
        for what, given in (("days", self.days), ("example_for", self.example_for)):
            for word in given:
                if normalise(word) not in known:
                    raise ValueError(f"{what}: {word!r} is not one of words")
        return self

    def example_of(self, word: str) -> str:
        """The ``example`` pattern for ``word`` (one of ``words``, as the matcher labels it)."""
        patterns = {normalise(w): pattern for w, pattern in self.example_for.items()}
        return patterns.get(normalise(word), self.example)

    @cached_property
    def matcher(self) -> Matcher:
        """The words as whole words, with the allowed prefixes; each labelled with the days
        after the statement's day it means (``offset``) and the word as the rule lists it."""
        offsets = {normalise(word): offset for word, offset in self.days.items()}
        return Matcher.of(labelled=[(word, {"offset": str(offsets.get(normalise(word), 0)),
                                            "word": word})
                                    for word in self.words],
                          prefixes=self.prefixes, ignorecase=self.ignorecase)


def _placeholders(value: str | None, allowed: frozenset[str], what: str) -> str | None:
    """``value`` when each ``{placeholder}`` in it is one of ``allowed`` (a second message of a
    rule, like ``pasted`` or ``late``); else the error names the first that is not."""
    if value is None:
        return None
    for _, name, _, _ in _FORMATTER.parse(value):
        if name is not None and name not in allowed:
            known = ", ".join(f"{{{p}}}" for p in sorted(allowed))
            raise ValueError(f"unknown placeholder {{{name}}}; {what} offers {known}")
    return value


class AudienceRule(RuleBase):
    """Nothing reaches an audience that may not see it (``internal``: staff only; ``priority``:
    staff and partners): no reference in a template, and none of its texts (``min_length``
    characters or longer) in an output."""

    WHERE: ClassVar[str] = "templates and messages"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"fact"})
    PASTED_PARAMS: ClassVar[frozenset[str]] = frozenset({"fact", "field"})
    kind: Literal["audience"]
    min_length: Annotated[int, Field(ge=1)] = 12
    pasted: Annotated[str, Field(min_length=1, max_length=400)] | None = None
    """The message when a restricted fact's wording was pasted into the incident's public text
    (``{field}``, such as ``impact``) rather than placed by a template; default ``message``."""

    @field_validator("pasted")
    @classmethod
    def _pasted_placeholders(cls, value: str | None) -> str | None:
        return _placeholders(value, cls.PASTED_PARAMS, "pasted")

    def pasted_finding(self, fact: str, field: str, *, language: str | None = None,
                       channel: str | None = None) -> Finding:
        """A finding for wording pasted into the public text ``field``: not the template's."""
        if self.pasted is None:
            return self.finding({"fact": fact}, language=language, channel=channel)
        severity: Severity = "info" if self.level == "off" else self.level
        return Finding(self.id, severity, self.pasted.format(fact=fact, field=field),
                       language=language, channel=channel)


class TimeRule(RuleBase):
    """The incident's times against its own "now" (``updated_at``) and the update cadence."""

    WHERE: ClassVar[str] = "the incident"

    PARAMS: ClassVar[frozenset[str]] = frozenset(
        {"now", "eta", "next_update", "minutes", "cadence", "severity", "severity_label"})
    kind: Literal["time"]
    condition: Literal["next-update-due", "eta-passed", "cadence"]
    LATE_PARAMS: ClassVar[frozenset[str]] = frozenset({"late", "promised", "now"})
    late: Annotated[str, Field(min_length=1, max_length=400)] | None = None
    """``cadence`` only: the message when this statement came after the next update the
    previous statement promised (``{late}`` minutes after ``{promised}``); without it the
    rule does not compare with the previous statement."""

    @field_validator("late")
    @classmethod
    def _late_placeholders(cls, value: str | None) -> str | None:
        return _placeholders(value, cls.LATE_PARAMS, "late")

    def late_finding(self, late: int, promised: str, now: str) -> Finding:
        """The finding for a statement later than the previous one promised."""
        severity: Severity = "info" if self.level == "off" else self.level
        text = (self.late or self.message).format_map(
            {"late": late, "promised": promised, "now": now})
        return Finding(self.id, severity, text)


class IncidentTextRule(RuleBase):
    """The incident's own texts: an invisible character that changes how a text displays or
    the SMS encoding (``check: invisible``), or a web address a channel in ``scope`` would
    place, such as the IVR speaking it aloud (``check: url``, matched by ``pattern``)."""

    WHERE: ClassVar[str] = "the incident"

    PARAMS: ClassVar[frozenset[str]] = frozenset({"field", "character", "found"})
    kind: Literal["incident-text"]
    check: Literal["invisible", "url"]
    pattern: Annotated[str, Field(min_length=1)] | None = None
    """``check: url``: what a web address looks like (a regular expression)."""

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        return value if value is None else _compiles([value])[0]

    @model_validator(mode="after")
    def _url_needs_pattern(self) -> IncidentTextRule:
        if self.check == "url" and self.pattern is None:
            raise ValueError("check: url needs a pattern (what a web address looks like)")
        return self

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """The compiled ``pattern``."""
        return None if self.pattern is None else re.compile(self.pattern)


Rule = RuleBase
R = TypeVar("R", bound=RuleBase)

KINDS: dict[str, type[RuleBase]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "address": AddressRule,
    "leftover": LeftoverRule,
    "hard-coded": HardCodedRule,
    "template": TemplateRule,
    "control": ControlRule,
    "parity": ParityRule,
    "required-facts": RequiredFactsRule,
    "changes-stated": ChangesStatedRule,
    "budget": BudgetRule,
    "audience": AudienceRule,
    "time": TimeRule,
    "incident-text": IncidentTextRule,
    "workaround-dropped": WorkaroundDroppedRule,
    "short-form-keyword": ShortFormKeywordRule,
    "relative-day": RelativeDayRule,
}
"""Every rule kind by the name a rule file gives in ``kind``."""


@dataclass(frozen=True)
class RuleSet:
    """The rules of one language, as loaded from its file."""

    file: str
    language: str
    rules: tuple[RuleBase, ...]
    _by_kind: dict[type[RuleBase], tuple[RuleBase, ...]] = field(default_factory=dict,
                                                                 repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds: tuple[type[RuleBase], ...] = (*KINDS.values(), TextRule)
        for cls in kinds:
            self._by_kind[cls] = tuple(r for r in self.rules if isinstance(r, cls) and r.active)

    def of_kind(self, cls: type[R]) -> tuple[R, ...]:
        """The active rules of one kind, in file order."""
        return self._by_kind.get(cls, ())  # type: ignore[return-value]

    def text_rules(self) -> tuple[TextRule, ...]:
        """Every active rule about words."""
        return self.of_kind(TextRule)

    @cached_property
    def _output_rules(self) -> tuple[TextRule, ...]:
        return tuple(r for r in self.text_rules() if not r.static_only)

    def candidates(self, text: str) -> tuple[TextRule, ...]:
        """The rules about words that may match somewhere in ``text`` (rendered output); the
        others surely do not."""
        flat = normalise(text)
        return tuple(rule for rule in self._output_rules if rule.matcher.may_match(text, flat))

    def get(self, rule_id: str) -> RuleBase | None:
        """The rule with id ``rule_id`` (active or not), or None."""
        return next((r for r in self.rules if r.id == rule_id), None)


class _RuleFile(_Strict):
    version: Literal[1] = 1
    rules: list[Any]


def load_rules(folder: str | os.PathLike[str], language: str) -> RuleSet:
    """The rules of ``language`` in a template folder (``<folder>/<language>/rules.yaml``),
    read once and cached until the file changes.

    A folder without a rule file for a language gets the built-in rules of that language (or,
    for a language with none, the built-in structural rules, which are not about words).
    Raises :class:`ConfigError` naming the file, the rule and the field.
    """
    refuse_unsafe(folder, os.path.join(language, RULES_FILE))
    path = Path(folder) / language / RULES_FILE
    stamp = file_stamp(path)
    if stamp != -1:
        return _load(str(path), stamp, language)
    default = default_templates_dir() / language / RULES_FILE
    if file_stamp(default) != -1 and default != path:
        return _load(str(default), file_stamp(default), language)
    english = default_templates_dir() / "en" / RULES_FILE
    if file_stamp(english) == -1 or english == path:
        raise ConfigError(str(path), [Problem("", "rule file not found")])
    base = _load(str(english), file_stamp(english), "en")
    return RuleSet(base.file, language, tuple(r for r in base.rules if not r.TEXT))


def _sub_lines(lines: Mapping[tuple[str | int, ...], int],
               prefix: tuple[str | int, ...]) -> dict[tuple[str | int, ...], int]:
    size = len(prefix)
    return {key[size:]: line for key, line in lines.items() if key[:size] == prefix}


def _example_problems(rule: TextRule, where: str,
                      lines: Mapping[tuple[str | int, ...], int]) -> list[Problem]:
    problems = []
    for group, items, should in (("fail", rule.examples.fail, True),
                                 ("pass", rule.examples.pass_, False)):
        for index, text in enumerate(items):
            hit = rule.matcher.search(str(text))
            if (hit is not None) == should:
                continue
            what = ("does not break the rule" if should
                    else f"breaks the rule ({hit.found if hit else ''!r})")
            problems.append(Problem(f"{where}.examples.{group}[{index}]",
                                    f"{str(text)!r} {what}",
                                    lines.get(("examples", group, index))))
    return problems


@lru_cache(maxsize=32)
def _load(path: str, stamp: int, language: str) -> RuleSet:
    data, lines = read_data(path, ConfigError)
    head = validate(_RuleFile, data, path, ConfigError, lines)
    problems: list[Problem] = []
    rules: list[RuleBase] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(head.rules):
        sub = _sub_lines(lines, ("rules", index))
        rule_id = item.get("id") if isinstance(item, dict) else None
        where = f"rules[{index}]" + (f" ({rule_id})" if isinstance(rule_id, str) else "")
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in KINDS:
            problems.append(Problem(f"{where}.kind", f"unknown kind {kind!r}; expected one of "
                                    f"{', '.join(KINDS)}", sub.get(("kind",), sub.get(()))))
            continue
        try:
            rule = validate(KINDS[kind], item, path, ConfigError, sub)
        except ConfigError as exc:
            problems += [Problem(f"{where}.{p.path}" if p.path else where, p.message, p.line)
                         for p in exc.problems]
            continue
        if rule.id in seen:
            problems.append(Problem(f"{where}.id", f"duplicate id; {seen[rule.id]} has it",
                                    sub.get(("id",))))
        seen.setdefault(rule.id, where)
        if isinstance(rule, TextRule):
            problems += _example_problems(rule, where, sub)
        rules.append(rule)
    if problems:
        raise ConfigError(path, problems)
    return RuleSet(path, language, tuple(rules))


_SCAN.done()
