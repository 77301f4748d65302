"""One message per affected recipient, rendered once and joined (CONTRACT section 10).

Each (language, channel, variant) is rendered once through the ordinary render path, with a
marker standing in for each personal slot (:mod:`crisiscomms.bulk.slots`); a *variant* is which
slots a recipient fills (a name or none), since a template may test a slot to choose wording.
The rendered outputs are split at the markers into shared parts, and each recipient's message
is the shared parts joined with their own values, converted as the output needs (escaped for
HTML; a left-to-right name isolated inside Hebrew text with the channel's bidi strategy).

SMS segments are counted once per variant and recounted per recipient only when the text holds
a slot, from the shared parts' counts plus the value's (a full recount only when an escape pair
or a surrogate pair could straddle a segment boundary).

>>> from crisiscomms.samples import load_example
>>> from crisiscomms.bulk.recipients import check_rows
>>> rows = [(2, {"id": "c1", "channel": "sms", "address": "+972501234567", "name": "Dana",
...              "language": "en"})]
>>> [m] = personalise(load_example("identified"), rows)
>>> m.text.startswith("Netivim: Hi Dana,"), m.encoding, m.segments
(True, 'GSM-7', 2)
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from unicodedata import bidirectional, category

from markupsafe import Markup, escape

from ..channels import CHANNELS, template_name
from ..errors import TemplateError
from ..facts import Facts, Kind, build_facts
from ..messages import Message
from ..model import Incident
from ..render import TemplateSet, Views, _check_languages, _render_one, template_set
from ..text.bidi import LRM, RLM, Strategy, has_rtl, isolate
from ..text.bidi_marks import SLOT, drop_idle_marks
from ..text.sms import GSM7_BASIC, GSM7_EXTENSION, sms_segments
from .recipients import Recipient, Rejected, check_rows
from .slots import personal_slots

__all__ = ["Personalised", "Personaliser", "Tally", "boundary", "idempotency_key",
           "personalise"]

_OUTPUTS = ("subject", "text", "html")
_MARK = SLOT + "{}\ue001\u2069"
"""A slot's stand-in while rendering: private-use code points no text holds (bidi controls
are refused on input), wrapped in an isolate so a line's direction is read past it."""
_MARK_RE = re.compile("\u2068\ue000([0-9]+)\ue001\u2069")
_LINE_START_RE = re.compile("(?:^|\n)\u200f?\u2068\ue000")


class Personalised(NamedTuple):
    """One recipient's message. ``key`` is the idempotency key: a sender that has sent a key
    never sends it again. ``segments`` and ``encoding`` are for SMS (``None`` for email)."""

    recipient_id: str
    channel: str
    language: str
    address: str
    key: str
    subject: str | None
    text: str
    html: str | None
    segments: int | None
    encoding: str | None


def idempotency_key(incident: Incident, recipient_id: str, channel: str) -> str:
    """sha256 of the incident id, its ``updated_at`` (ISO 8601), the recipient id and the
    channel, joined by U+001F (a separator none of them can hold), as hex.

    >>> from crisiscomms.samples import load_example
    >>> len(idempotency_key(load_example("identified"), "c1", "sms"))
    64
    """
    joined = "\x1f".join((incident.id, incident.updated_at.isoformat(), recipient_id, channel))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


@dataclass
class Tally:
    """What a run did with its rows: sent by (language, channel), skipped (no affected
    service), rejected, language fallbacks and SMS segments. ``sent + skipped + rejected`` is
    the number of rows read."""

    sent: Counter[tuple[str, str]] = field(default_factory=Counter)
    skipped: int = 0
    rejected: int = 0
    fell_back: int = 0
    segments: int = 0
    over_budget: int = 0
    """SMS messages over the channel's segment budget once the recipient's values are in."""

    @property
    def rows(self) -> int:
        """Every row read."""
        return sum(self.sent.values()) + self.skipped + self.rejected


def _convert(value: str, kind: Kind, strategy: Strategy, rtl: bool) -> str:
    """A personal value as one output places it."""
    ltr = rtl and not has_rtl(value)
    if kind == "html":
        return Markup("<bdi>{}</bdi>").format(value) if ltr else escape(value)
    return isolate(value, strategy) if ltr else value


@dataclass(frozen=True, slots=True)
class _Shape:
    """One output split at its slots: ``parts[0] v0 parts[1] v1 ... parts[n]``."""

    parts: tuple[str, ...]
    slots: tuple[int, ...]

    def join(self, values: list[str]) -> str:
        if not self.slots:
            return self.parts[0]
        pieces = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            pieces.append(values[slot])
            pieces.append(part)
        return "".join(pieces)


def _shape(text: str | None) -> _Shape | None:
    if text is None:
        return None
    pieces = _MARK_RE.split(text)
    return _Shape(tuple(pieces[0::2]), tuple(int(i) for i in pieces[1::2]))


@dataclass(frozen=True)
class _Sms:
    """What the shared parts of an SMS text count: GSM-7 septets when they are all GSM-7,
    UTF-16 units, and whether an escape or surrogate pair could straddle a boundary."""

    gsm: bool
    septets: int
    units: int
    pairs: bool


@dataclass(frozen=True)
class _Variant:
    """One (language, channel, variant) rendered once: its outputs split at the slots."""

    language: str
    channel: str
    names: tuple[str, ...]
    """The slots this variant fills, in marker order."""
    shapes: Mapping[str, _Shape]
    strategy: Strategy
    rtl: bool
    sms: _Sms | None
    fixed: tuple[str, int] | None
    """``(encoding, segments)`` when the SMS text holds no slot: counted once."""
    drops: bool = False
    """The text's marks that change nothing are dropped (a right-to-left SMS with marks): the
    render path left the lines holding a slot as they are (:data:`SLOT`), for each
    recipient's line is judged with their value in it."""


def _sms_counts(text: str) -> _Sms:
    gsm = GSM7_BASIC.issuperset(text) or (GSM7_BASIC | GSM7_EXTENSION).issuperset(text)
    extension = sum(1 for c in text if c in GSM7_EXTENSION) if gsm else 0
    units = len(text.encode("utf-16-le")) // 2
    return _Sms(gsm, len(text) + extension, units, extension > 0 or units != len(text))


class Personaliser:
    """The compiled state of one run: templates, facts per language, variants rendered on
    first need. :func:`personalise` makes one; reuse it for batches of the same incident."""

    def __init__(self, incident: Incident, *,
                 templates: str | os.PathLike[str] | None = None) -> None:
        self.incident = incident
        self.ts: TemplateSet = template_set(templates)
        org = self.ts.config.organisation
        self.languages = org.languages
        _check_languages(incident, self.languages)
        self.services = frozenset(s.id for s in incident.services)
        self._facts: dict[str, tuple[Facts, Views, dict[str, frozenset[str]]]] = {}
        self._slots: dict[tuple[str, str], tuple[str, ...]] = {}
        self._variants: dict[tuple[str, str, tuple[str, ...], int], _Variant] = {}
        self._levels: dict[tuple[str, str], int] = {}
        self._frames: dict[tuple[str, str], _EmailFrame] = {}
        self._budgets: dict[str, float] = {}
        self._builders: dict[tuple[str, str, tuple[str, ...], int],
                             Callable[[Recipient], Personalised]] = {}
        self._key_prefix = "\x1f".join((incident.id, incident.updated_at.isoformat()))

    def slots(self, lang: str, channel: str) -> tuple[str, ...]:
        """The personal slots the templates of (``lang``, ``channel``) place or test, checked
        at compile time (:func:`~crisiscomms.bulk.slots.personal_slots`)."""
        key = (lang, channel)
        if key not in self._slots:
            env = self.ts.environment(lang)
            found: set[str] = set()
            for output in ("subject", "text", "html"):
                name = template_name(channel, output)
                try:
                    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
                except Exception:
                    continue
                found |= personal_slots(env, source, f"{self.ts.folder}/{lang}/{name}")
            self._slots[key] = tuple(sorted(found))
        return self._slots[key]

    def _language(self, lang: str) -> tuple[Facts, Views, dict[str, frozenset[str]]]:
        if lang not in self._facts:
            language = self.ts.language(lang)
            self._facts[lang] = (build_facts(self.incident, self.ts.config, language, lang),
                                 {}, {})
        return self._facts[lang]

    def render_for(self, lang: str, channel: str, values: Mapping[str, str]) -> Any:
        """The ordinary render path for one recipient's values: a
        :class:`~crisiscomms.messages.Message` (what the joined messages are checked against)."""
        rtl = self.ts.language(lang).rtl
        slots = self.slots(lang, channel)

        def recipient(kind: Kind, strategy: Strategy) -> dict[str, str]:
            return {s: _convert(values[s], kind, strategy, rtl) if values.get(s) else ""
                    for s in slots}

        return self._render(lang, channel, recipient)

    def _render(self, lang: str, channel: str,
                recipient: Callable[[Kind, Strategy], dict[str, str]],
                level: int | None = None) -> Any:
        facts, views, stated = self._language(lang)
        return _render_one(self.ts, self.incident, lang, channel, views, facts,
                           self.ts.language(lang), stated, recipient=recipient, level=level)

    def start_level(self, lang: str, channel: str) -> int:
        """The wording the message takes with no personal part (``short``, 0 = full): a
        recipient's own words only lengthen it, so theirs is never shorter-numbered."""
        found = self._levels.get((lang, channel))
        if found is None:
            stats = self._render(lang, channel, lambda kind, strategy: {}).stats
            found = self._levels[lang, channel] = int(
                stats.get("short", 1 if stats.get("wording") == "short" else 0))
        return found

    def variant(self, lang: str, channel: str, names: tuple[str, ...],
                level: int = 0) -> _Variant:
        """The variant of (``lang``, ``channel``) that fills ``names``, in the wording
        ``level``, rendered once."""
        key = (lang, channel, names, level)
        found = self._variants.get(key)
        if found is not None:
            return found
        slots = self.slots(lang, channel)
        marks = {s: _MARK.format(names.index(s)) if s in names else "" for s in slots}
        message = self._render(lang, channel, lambda kind, strategy: marks, level)
        language = self.ts.language(lang)
        rtl = language.rtl
        strategy: Strategy = self.ts.config.channel(channel).bidi if rtl else "none"
        shapes = {o: s for o in _OUTPUTS if (s := _shape(getattr(message, o))) is not None}
        file = f"{self.ts.folder}/{lang}/{template_name(channel, 'text')}"
        if rtl and _LINE_START_RE.search(message.text):
            raise TemplateError("a personal slot opens a line of right-to-left text, where its "
                                "own direction would decide the line's; start the line with "
                                "words", file=file)
        sms = fixed = None
        drops = channel == "sms" and strategy == "marks" and SLOT in message.text
        if channel == "sms":
            text = shapes["text"]
            if text.slots:
                sms = _sms_counts("".join(text.parts))
            else:
                encoding, _, segments = sms_segments(text.parts[0])
                fixed = (encoding, segments)
        found = _Variant(lang, channel, names, shapes, strategy, rtl, sms, fixed, drops)
        self._variants[key] = found
        return found

    def one(self, recipient: Recipient) -> Personalised:
        """The message of one checked recipient (affected or not: targeting is the caller's)."""
        lang, channel = recipient.language, recipient.channel
        slots = self._slots.get((lang, channel))
        if slots is None:
            slots = self.slots(lang, channel)
        values = recipient.values
        names: tuple[str, ...]
        if len(slots) == 1:
            names = slots if slots[0] in values else ()
        else:
            names = tuple(s for s in slots if s in values)
        # The first wording that fits this recipient's message, as the render path chooses:
        # from the one that fits with no personal part, a shorter one only when their name
        # pushes the SMS over its segment budget.
        level = self.start_level(lang, channel)
        top = CHANNELS[channel].short_wording
        while True:
            build = self._builders.get((lang, channel, names, level))
            if build is None:
                build = self._builders[lang, channel, names, level] = self._builder(
                    self.variant(lang, channel, names, level))
            message = build(recipient)
            if (level >= top or message.segments is None
                    or message.segments <= self.segment_budget(lang)):
                return message
            level += 1

    def _builder(self, variant: _Variant) -> Callable[[Recipient], Personalised]:
        """One variant's join, made once: the hot path of a bulk run."""
        lang, channel, names = variant.language, variant.channel, variant.names
        shapes = variant.shapes
        strategy, rtl = variant.strategy, variant.rtl
        prefix = (self._key_prefix + "\x1f").encode("utf-8")
        suffix = ("\x1f" + channel).encode("utf-8")
        sha256 = hashlib.sha256
        make = Personalised
        text_shape, subject_shape = shapes["text"], shapes.get("subject")
        html_shape = shapes.get("html")
        subject = None if subject_shape is None or subject_shape.slots \
            else subject_shape.parts[0]
        fixed, sms = variant.fixed, variant.sms
        encoding, segments = fixed if fixed is not None else (None, None)

        seen: dict[str, str] = {}

        def as_text(value: str) -> str:
            # Right to left only: a name's direction decides its isolation. Names repeat
            # (first names), so each is worked out once; the memo is bounded.
            found = seen.get(value)
            if found is None:
                if len(seen) >= 65_536:
                    seen.clear()
                found = seen[value] = _convert(value, "text", strategy, rtl)
            return found

        if (len(names) == 1 and text_shape.slots == (0,) and html_shape is None
                and subject_shape is None and sms is not None):
            # One slot in an SMS text: the case a million-recipient run spends its time in.
            head, tail = text_shape.parts
            name = names[0]
            gsm, septets, pairs = sms.gsm, sms.septets, sms.pairs
            basic = GSM7_BASIC.issuperset

            if variant.drops:
                # The slot's line has its idle marks dropped with the value in it, as the
                # render path does; names repeat, so each line is worked out once (bounded).
                cut = head.rfind("\n") + 1
                fixed_head, line_head = head[:cut], head[cut:]
                line_tail, newline, rest = tail.partition("\n")
                fixed_tail = newline + rest
                lines: dict[str, tuple[str, tuple[str, int]]] = {}
                # Which characters of the line stay depends on the value only through its
                # characters' bidi classes (brackets, spaces and marks as themselves): names
                # of one shape ("Dana", "Yoav") share the answer, worked out once.
                by_shape: dict[tuple[str, ...], tuple[tuple[int, int], ...]] = {}

                def build_dropped(recipient: Recipient) -> Personalised:
                    value = recipient.values[name]
                    found = lines.get(value)
                    if found is None:
                        if len(lines) >= 16_384:
                            lines.clear()
                        converted = as_text(value)
                        line = line_head + converted + line_tail
                        shape = _bidi_shape(converted)
                        kept = by_shape.get(shape)
                        if kept is None:
                            if len(by_shape) >= 16_384:
                                by_shape.clear()
                            kept = by_shape[shape] = _kept(line, drop_idle_marks(line))
                        line = "".join([line[start:end] for start, end in kept])
                        text = fixed_head + line + fixed_tail
                        found = lines[value] = (text, _recount(_sms_counts(text), text, []))
                    text, (encoding, segments) = found
                    key = sha256(prefix + recipient.id.encode("utf-8") + suffix).hexdigest()
                    return make(recipient.id, channel, lang, recipient.address, key, None,
                                text, None, segments, encoding)

                return build_dropped

            def build_sms(recipient: Recipient) -> Personalised:
                value = recipient.values[name]
                if rtl:
                    value = as_text(value)
                text = head + value + tail
                if gsm and basic(value):
                    count = septets + len(value)
                    found = ("GSM-7", 1) if count <= 160 else ("GSM-7", -(-count // 153)) \
                        if not pairs else _recount(sms, text, [value])
                else:
                    found = _recount(sms, text, [value])
                key = sha256(prefix + recipient.id.encode("utf-8") + suffix).hexdigest()
                return make(recipient.id, channel, lang, recipient.address, key, None, text,
                            None, found[1], found[0])

            return build_sms

        # Which lines of the text hold a slot (values hold no line break).
        slot_lines = [SLOT in line for line in _MARK.join(text_shape.parts).split("\n")]

        def build(recipient: Recipient) -> Personalised:
            values = recipient.values
            text_values = [as_text(values[s]) if rtl else values[s] for s in names]
            text = text_shape.join(text_values)
            if variant.drops:
                text = "\n".join(drop_idle_marks(line) if slotted else line for line, slotted
                                 in zip(text.split("\n"), slot_lines, strict=True))
            title = subject if subject_shape is None or not subject_shape.slots \
                else subject_shape.join(text_values)
            html = None if html_shape is None else html_shape.join(
                [_convert(values[s], "html", strategy, rtl) for s in names])
            found_encoding: str | None = encoding
            found_segments: int | None = segments
            if sms is not None and variant.drops:
                found_encoding, found_segments = _recount(_sms_counts(text), text, [])
            elif sms is not None:
                found_encoding, found_segments = _recount(sms, text, text_values)
            key = sha256(prefix + recipient.id.encode("utf-8") + suffix).hexdigest()
            return make(recipient.id, channel, lang, recipient.address, key, title, text, html,
                        found_segments, found_encoding)

        return build

    def email_bytes(self, message: Personalised) -> bytes:
        """``message`` as the bytes of a ready email: headers encoded and the MIME frame built
        once per language and subject, only the address and bodies spliced in. The same bytes
        as ``Message.as_email_message(to=address)`` with :func:`boundary` set on it."""
        if message.subject is None:
            raise ValueError(f"channel {message.channel!r} has no subject, so no email form")
        frame = self._frames.get((message.language, message.subject))
        if frame is None:
            shared = Message(language=message.language, channel=message.channel, text="",
                             subject=message.subject, html=message.html,
                             sender=self.ts.config.organisation.email_from,
                             sent_at=self.incident.updated_at,
                             direction=self.ts.language(message.language).direction)
            frame = self._frames[message.language, message.subject] = _email_frame(shared)
        mark = boundary(message.key)
        head = frame.head.replace(_TO, message.address, 1).replace(_BOUNDARY_PROBE, mark, 1)
        pieces = [head]
        bodies = [message.text] + ([] if message.html is None else [message.html])
        for (before, after), body in zip(frame.parts, bodies, strict=True):
            cte, payload = _encode_text(body)
            pieces += [f"\n--{mark}", before, f"Content-Transfer-Encoding: {cte}", after,
                       payload]
        pieces.append(f"\n--{mark}--\n")
        return "".join(pieces).encode("utf-8", "surrogateescape")

    def segment_budget(self, lang: str) -> float:
        """The most SMS segments ``lang`` may take (the config's ``max_segments``)."""
        found = self._budgets.get(lang)
        if found is None:
            budgets = self.ts.config.channel("sms").budgets(lang)
            found = self._budgets[lang] = float(budgets["max_segments"][1]) \
                if "max_segments" in budgets else math.inf
        return found

    def affected(self, recipient: Recipient) -> bool:
        """Whether any of the recipient's services is hit (no services given: every one)."""
        return recipient.services is None or not recipient.services.isdisjoint(self.services)


_TO = "to@recipient.invalid"
_PROBE = "\ue000"
"""A body that takes ``8bit``: where each part's transfer encoding goes in the frame."""
_BOUNDARY_PROBE = "=" * 15 + "0" * 19 + "=="


def _encode_text(body: str) -> tuple[str, str]:
    """What ``EmailMessage.set_content`` runs to choose a body's transfer encoding and encode
    it: the same function, so a spliced body is the bytes ``as_email_message()`` gives.
    Imported on first use: only email output needs it."""
    import email.contentmanager
    import email.policy

    encode: Callable[..., tuple[str, str]] = \
        email.contentmanager._encode_text  # type: ignore[attr-defined]
    return encode(body, "utf-8", None, email.policy.default)


def boundary(key: str) -> str:
    """The MIME boundary of a message with idempotency key ``key``: the shape of Python's own
    (15 ``=``, 19 digits, ``==``, so headers fold alike) but fixed, so a resend is the same.

    >>> len(boundary("ab" * 32))
    36
    """
    return "=" * 15 + f"{int(key[:16], 16) % 10**19:019d}" + "=="


@dataclass(frozen=True)
class _EmailFrame:
    """One language's email built once: encoded headers and part headers, with the places
    for the recipient's address, the boundary and each body's transfer encoding."""

    head: str
    parts: tuple[tuple[str, str], ...]
    """Per body (text, then html): the part's headers before and after its encoding."""


def _email_frame(message: Message) -> _EmailFrame:
    probe = Message(language=message.language, channel=message.channel, text=_PROBE,
                    subject=message.subject,
                    html=None if message.html is None else "<!DOCTYPE html>" + _PROBE,
                    sender=message.sender, sent_at=message.sent_at,
                    direction=message.direction)
    built = probe.as_email_message(to=_TO)
    built.set_boundary(_BOUNDARY_PROBE)
    raw = built.as_bytes().decode("utf-8", "surrogateescape")
    head, *bodies = raw.split(f"\n--{_BOUNDARY_PROBE}")
    parts = []
    for body in bodies[:-1]:
        headers = body.split("\n\n", 1)[0]
        before, after = headers.split("Content-Transfer-Encoding: 8bit")
        parts.append((before, after + "\n\n"))
    return _EmailFrame(head, tuple(parts))


_AS_THEMSELVES = frozenset((LRM, RLM, " "))
_BRACKETS = frozenset(("Ps", "Pe"))


def _bidi_shape(value: str) -> tuple[str, ...]:
    """What :func:`~crisiscomms.text.bidi_marks.drop_idle_marks` reads of ``value``: each
    character's bidi class, except marks, spaces (a line's end loses them), brackets (rule N0
    pairs them by character) and characters of no known class, which stand as themselves."""
    return tuple(char if char in _AS_THEMSELVES or category(char) in _BRACKETS
                 or not bidirectional(char) else bidirectional(char) for char in value)


def _kept(line: str, dropped: str) -> tuple[tuple[int, int], ...]:
    """The stretches ``(start, end)`` of ``line`` that ``dropped`` (``line`` less some marks
    and end spaces) keeps. Where two equal marks stand side by side either may be the one
    kept: the text is the same."""
    kept: list[tuple[int, int]] = []
    at = 0
    for index, char in enumerate(line):
        if at < len(dropped) and dropped[at] == char:
            if kept and kept[-1][1] == index:
                kept[-1] = (kept[-1][0], index + 1)
            else:
                kept.append((index, index + 1))
            at += 1
    return tuple(kept)


def _recount(shared: _Sms, text: str, values: list[str]) -> tuple[str, int]:
    """``(encoding, segments)`` of ``text``: the shared parts' counts plus the values'. Only
    when a pair (an escape or a surrogate) could straddle a boundary is the text packed again."""
    if shared.gsm:
        if all(GSM7_BASIC.issuperset(v) for v in values):
            septets = shared.septets + sum(len(v) for v in values)
            if septets <= 160:
                return "GSM-7", 1
            if not shared.pairs:
                return "GSM-7", math.ceil(septets / 153)
    else:
        units = len(text.encode("utf-16-le")) // 2
        if units <= 70:
            return "UCS-2", 1
        if units == len(text):  # no surrogate pair anywhere
            return "UCS-2", math.ceil(units / 67)
    encoding, _, segments = sms_segments(text)
    return encoding, segments


def personalise(incident: Incident, recipients: Iterable[Mapping[str, str]]
                | Iterable[tuple[int, Mapping[str, str]]], *,
                templates: str | os.PathLike[str] | None = None,
                tally: Tally | None = None,
                rejects: Callable[[Rejected], None] | None = None) -> Iterator[Personalised]:
    """One :class:`Personalised` per affected recipient, in input order.

    ``recipients`` is any iterable of mappings from column to string (the first is line 1), or
    of ``(line, mapping)`` pairs (what :func:`~crisiscomms.bulk.recipients.read_rows` gives).
    Rows that are refused go to ``rejects``; ``tally`` counts everything.
    """
    run = Personaliser(incident, templates=templates)
    counts = tally if tally is not None else Tally()
    rows = _numbered(recipients)
    for row in check_rows(rows, languages=run.languages):
        if isinstance(row, Rejected):
            counts.rejected += 1
            if rejects is not None:
                rejects(row)
            continue
        if row.fell_back:
            counts.fell_back += 1
        if not run.affected(row):
            counts.skipped += 1
            continue
        message = run.one(row)
        counts.sent[message.language, message.channel] += 1
        if message.segments is not None:
            counts.segments += message.segments
            if message.segments > run.segment_budget(message.language):
                counts.over_budget += 1
        yield message


def _numbered(recipients: Iterable[Any]) -> Iterator[tuple[int, Mapping[str, str]]]:
    for number, item in enumerate(recipients, 1):
        if isinstance(item, tuple):
            yield item
        else:
            yield number, item
