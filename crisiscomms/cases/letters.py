"""The three letters of a complaint case (seed 002): ``acknowledgement``, ``progress`` and
``final``, rendered from ``templates/<lang>/case_<kind>.{subject.txt,txt,html}`` with the same
sandbox, facts layer and bidi rules as the channels.

The facts are built here once per letter (every time, date, amount and name pre-formatted with
the language's own words); the templates only place them. Rendering never reads the clock:
``now`` is the letter's date.

>>> from crisiscomms.cases.model import EXAMPLE, Case
>>> now = dt.datetime.fromisoformat("2026-11-26T17:00:00+02:00")
>>> letter = render_case_letter(Case.model_validate(EXAMPLE), "acknowledgement", now=now)
>>> letter.channel, letter.language, "CASE-1" in letter.subject
('case_acknowledgement', 'he', True)
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from functools import partial
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from babel.numbers import format_currency, format_percent

from ..config import CaseWords, Language
from ..errors import CaseError, Problem
from ..facts import (
    Atom,
    Facts,
    Kind,
    Phrase,
    Piece,
    View,
    _babel,
    _join,
    _locale,
    _number,
    _said,
    _url,
    _user_text,
    _word,
    converter,
    date_atom,
    time_atom,
    voucher_sent,
)
from ..findings import Finding
from ..messages import Message, html_wrap
from ..model import Incident, Localized
from ..render import TemplateSet, _rtl_base, _run, _tidy, template_set
from ..text import speech
from ..text.bidi import Strategy
from .clock import BusinessClock
from .model import CONTACTS, Case, Event, EventKind
from .status import case_status

__all__ = ["LETTER_KINDS", "LetterKind", "case_facts", "letter_templates", "name_findings",
           "render_case_letter"]

LetterKind = Literal["acknowledgement", "progress", "final"]
LETTER_KINDS: tuple[LetterKind, ...] = get_args(LetterKind)
_OUTPUTS = (("subject", "subject.txt"), ("text", "txt"), ("html", "html"))


def letter_templates(kind: str) -> tuple[str, ...]:
    """The template files of one letter inside a language folder.

    >>> letter_templates("final")
    ('case_final.subject.txt', 'case_final.txt', 'case_final.html')
    """
    return tuple(f"case_{kind}.{suffix}" for _, suffix in _OUTPUTS)


def _words(ts: TemplateSet, case: Case) -> tuple[Language, CaseWords]:
    """The case's language and its letter words; :class:`CaseError` naming ``language`` when
    the template folder has no letters in it."""
    lang = case.language
    folder = ts.folder / lang
    missing = [name for kind in LETTER_KINDS for name in letter_templates(kind)
               if not (folder / name).is_file()]
    if lang not in ts.config.organisation.languages or missing:
        why = (f"{', '.join(missing[:3])}{'…' if len(missing) > 3 else ''} missing"
               if missing else f"{lang!r} is not among the organisation's languages")
        raise CaseError(case.source, [Problem("language", f"no letter templates for {lang!r} "
                                              f"in {ts.folder} ({why})")])
    language = ts.language(lang)
    if language.cases is None:
        raise CaseError(case.source, [Problem("language", f"{folder}/language.toml has no "
                                              "[cases] words for letters")])
    return language, language.cases


def _moment(value: dt.datetime, zone: ZoneInfo, language: Language,
            words: CaseWords) -> dict[str, Any]:
    local = value.astimezone(zone)
    clock = local.time().replace(second=0, microsecond=0, tzinfo=None)
    time = time_atom(clock, language)
    date = _date(local.date(), language, words)
    return {"iso": local.isoformat(), "time": time, "date": date,
            "when": Phrase(words.when, (("date", date), ("time", time)))}


def _date(day: dt.date, language: Language, words: CaseWords) -> Atom:
    return date_atom(day, words.date_format, language)


def _on_the_hour(value: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The whole hour at or before ``value`` in the organisation's time zone.

    >>> z = ZoneInfo("Asia/Jerusalem")
    >>> _on_the_hour(dt.datetime(2026, 12, 3, 15, 45, tzinfo=z), z).strftime("%H:%M")
    '15:00'
    """
    return value.astimezone(zone).replace(minute=0, second=0, microsecond=0)


def _pattern(pattern: str, **slots: Piece | None) -> Piece:
    """Language wording with its slots filled; a slot with no value is left out with the
    space before it (an event with no channel)."""
    parts = []
    for name, value in slots.items():
        if value is None:
            pattern = pattern.replace(f" {{{name}}}", "").replace(f"{{{name}}}", "")
        elif f"{{{name}}}" in pattern:
            parts.append((name, value))
    return Phrase(pattern, tuple(parts)) if parts else Atom(pattern, partial(_say, pattern))


def _say(text: str) -> str:
    return text


def _money(amount: float, currency: str, language: Language) -> Atom:
    # Whole amounts without the agorot (2,400 ₪, not 2,400.00 ₪).
    whole = (language.cases.money_format if language.cases else None) or (
        "¤#,##0" if language.direction == "ltr" else "#,##0 ¤")
    pattern = None if amount % 1 else whole
    text = _babel(format_currency(amount, currency, format=pattern, currency_digits=pattern is None,
                                  locale=_locale(language.locale)))
    return Atom(text, partial(_say, text), ltr=True)


def _addressed(case: Case, words: CaseWords, rtl: bool, say: speech.SpeechWords) -> Piece | None:
    """The customer as the greeting names them: title and surname ("Mr Marcus") when the case
    gives a title and the language has a word for it, else the full name; None when the case
    has no form of the name the letter's language can write (``[cases] name_scripts``): the
    template greets without it."""
    customer = case.customer
    lang, scripts = case.language, words.name_scripts
    full = customer.name_in(lang, scripts)
    if full is None:
        return None
    title = None if customer.title is None else words.title.get(customer.title.value)
    surname = customer.family_name_in(lang, scripts)
    if title is None or surname is None:
        return _user_text(full, rtl, say)
    return _pattern(words.titled, title=_word(title, say),
                    surname=_user_text(surname, rtl, say), name=_user_text(full, rtl, say))


def name_findings(case: Case, *, templates: str | os.PathLike[str] | None = None,
                  ts: TemplateSet | None = None) -> list[Finding]:
    """A warning for each letter language (the organisation's languages with letters) in
    which the case gives no usable form of the customer's name or address: that letter
    greets without the name, or leaves the address out. Names the file and the field."""
    ts = ts or template_set(templates)
    findings: list[Finding] = []
    customer = case.customer
    for lang in ts.config.organisation.languages:
        try:
            _, words = _words(ts, case.model_copy(update={"language": lang}))
        except CaseError:
            continue
        scripts = words.name_scripts
        for field, value, form, without in (
                ("customer.name", customer.name, customer.name_in(lang, scripts),
                 "greet the customer without the name"),
                ("customer.address", customer.address, customer.address_in(lang, scripts),
                 "leave the address out")):
            if value is None or form is not None:
                continue
            pair = dict.fromkeys((case.language, lang))  # "{he: ..., en: ...}", or one
            findings.append(Finding(
                "case-name-script", "warning",
                f"{field} has no form the {lang} letters can write ({' or '.join(scripts)} "
                f"script), so they {without}; give one per language: "
                f"{field.split('.')[-1]}: {{{', '.join(f'{k}: ...' for k in pair)}}}",
                language=lang, file=case.source, field=field))
    return findings


def _parties_not_in_timeline(parties: list[str], timeline: list[Event], lang: str) -> list[str]:
    """``parties`` less those a ``timeline`` event (one the letter lists) already names."""
    named = {e.party[lang] for e in timeline
             if e.kind is EventKind.CONTACTED_PARTY and e.party is not None}
    return [p for p in parties if p not in named]


def case_facts(case: Case, *, now: dt.datetime, ts: TemplateSet | None = None,
               incident: Incident | None = None) -> Facts:
    """Every fact the letters of ``case`` place, in the case's language, as of ``now``."""
    ts = ts or template_set()
    language, words = _words(ts, case)
    lang = case.language
    rtl = language.rtl
    zone = ZoneInfo(ts.config.organisation.time_zone)
    org = ts.config.organisation
    say = language.speech.with_codes([org.phone, case.owner.phone])
    moment: Callable[[dt.datetime], dict[str, Any]] = partial(
        _moment, zone=zone, language=language, words=words)

    def text(value: Localized | None) -> Atom | None:
        return None if value is None else _user_text(value[lang], rtl, say)

    def user(value: str | None) -> Atom | None:
        return None if value is None else _user_text(value, rtl, say)

    def via(channel: str | None) -> Atom | None:
        return None if channel is None else _word(words.via[channel], language.speech)  # type: ignore[index]

    known = [e for e in case.events if e.at <= now]
    status = case_status(case, now=now, config=ts.config)

    def event(e: Event) -> dict[str, Any]:
        return {"at": moment(e.at), "kind": e.kind.value,
                "says": _pattern(words.event[e.kind.value], via=via(e.via),
                                 party=text(e.party)),
                "note": text(e.note),
                # The note as a sentence of its own, its full stop added where the rep left
                # none: every line of the chronology ends with one.
                "note_sentence": _said(e.note, lang, rtl, say)}

    events = [event(e) for e in known]
    parties = list(dict.fromkeys(e.party[lang] for e in known if e.party is not None))
    contacts = [i for i, e in enumerate(known) if e.kind in CONTACTS]
    # What was done since the contact before this letter: when the latest event is itself a
    # contact (the call this letter follows), since the one before it.
    last = contacts[-1] if contacts else -1
    if contacts and last == len(known) - 1:
        last = contacts[-2] if len(contacts) > 1 else contacts[-1]
    since = [events[i] for i in range(last + 1, len(known))
             if known[i].kind is not EventKind.RESOLVED]
    # The contact the list starts after, so the heading names it and not "our last contact"
    # (the list may end with that very call): its kind and moment, or None (no contact yet).
    since_after = None if last < 0 else {"kind": known[last].kind.value,
                                          "at": moment(known[last].at)}
    parties = _parties_not_in_timeline(parties, [known[i] for i in range(last + 1, len(known))
                                                 if known[i].kind is not EventKind.RESOLVED], lang)
    purchase = None
    if case.purchase is not None:
        p = case.purchase
        purchase = {"amount": _money(p.amount, p.currency, language),
                    "date": _date(p.date, language, words), "where": text(p.where)}
    resolution = None
    if case.resolution is not None:
        r = case.resolution
        comp = None
        if r.compensation is not None and purchase is not None:
            c = r.compensation
            percent = Atom(_babel(format_percent(c.percent / 100,
                                                 locale=_locale(language.locale))),
                           partial(_say, f"{c.percent}%"), ltr=True)
            where = text(c.where)
            # A purchase with no branch given is said without one, not as "(₪2,400, )".
            of = words.of[c.of]
            if purchase["where"] is None and "purchase_no_where" in words.of:
                of = words.of["purchase_no_where"]
            table = (words.delivery or language.compensation.delivery)[
                ts.config.compensation.delivery]
            resolved_at = next((e.at for e in known if e.kind is EventKind.RESOLVED), None)
            sent = voucher_sent(resolved_at, ts.config, language, c.kind.value, now, zone)
            comp = {"percent": percent, "kind": c.kind.value,
                    "kind_label": _word(language.compensation_kind[c.kind.value],
                                        language.speech),
                    "of": _pattern(of, amount=purchase["amount"],
                                   date=purchase["date"], where=purchase["where"]),
                    "value": _money(round(case.purchase.amount * c.percent / 100, 2),  # type: ignore[union-attr]
                                    case.purchase.currency, language),  # type: ignore[union-attr]
                    "where": where,
                    "valid_until": _date(c.valid_until, language, words),
                    # How it reaches the customer (config [compensation] delivery; a
                    # voucher's route and last day, counted from the resolution), in the
                    # letters' one-to-one words, else the channels'.
                    "delivery": sent.wording(table, language.speech)}
        resolution = {"outcome": r.outcome.value,
                      "outcome_label": _word(words.outcome[r.outcome.value], language.speech),
                      "justified": r.outcome.value != "not_justified",
                      "summary": text(r.summary), "compensation": comp}
    linked = None
    if incident is not None and case.incident == incident.id and incident.title.get(lang):
        linked = {"id": Atom(incident.id, "", ltr=True),
                  "title": _user_text(incident.title[lang], rtl, say),
                  "started": moment(incident.started_at),
                  "resolved_at": None if incident.resolved_at is None
                  else moment(incident.resolved_at)}
    resolved_event = next((e for e in known if e.kind is EventKind.RESOLVED), None)
    return {
        "language": lang,
        "direction": language.direction,
        "org": {"name": _user_text(org.name[lang], rtl, say),
                "phone": Atom(org.phone, partial(speech.spoken_digits, org.phone, say),
                              ltr=True),
                "website": _url(str(org.website))},
        "id": Atom(case.id, partial(speech.spoken_digits, case.id, say), ltr=True),
        "date": moment(now),
        "customer": {"name": user(case.customer.name_in(lang, words.name_scripts)),
                     "addressed": _addressed(case, words, rtl, say),
                     "address": user(case.customer.address_in(lang, words.name_scripts))},
        "owner": {"name": text(case.owner.name),
                  "phone": Atom(case.owner.phone,
                                partial(speech.spoken_digits, case.owner.phone, say), ltr=True)},
        "subject": text(case.subject),
        "received": moment(case.received_at),
        "received_via": case.received_via.value,
        "received_says": _pattern(words.received, via=via(case.received_via.value)),
        "purchase": purchase,
        "events": events,
        "since_last": since,
        "since_after": since_after,
        # The parties involved that the timeline above does not name (a party it names is not
        # said twice), and how many (the words agree in number), or None.
        "parties": _join([_user_text(p, rtl, say) for p in parties], language)
        if parties else None,
        "parties_count": len(parties),
        # The promise is made on the hour before the deadline (15:45 -> 15:00): a rep writes
        # a round time, and an earlier one keeps the service level.
        "next_update": None if status.next != "update" or status.next_due is None
        else moment(_on_the_hour(status.next_due, zone)),
        # The acknowledgement's answer date when the case owes no update (not acknowledged
        # yet in the data, or already answered): the service level counted from the letter's
        # date, on the hour ([cases] update_every on its clock). Never a letter without a date.
        "update_due": moment(_on_the_hour(BusinessClock(ts.config.cases, org.time_zone).add(
            now, ts.config.cases.update_every, ts.config.cases.update_clock), zone)),
        "next_step": text(case.next_step),
        # The promise "at least every 48 hours" only where the clock is the calendar's: on the
        # business clock the letters name the date of the next update instead.
        "update_hours": _number(ts.config.cases.update_every // 60, language)
        if ts.config.cases.update_clock == "calendar" and ts.config.cases.update_every >= 180
        else None,
        "resolved": resolved_event is not None,
        "resolved_at": None if resolved_event is None else moment(resolved_event.at),
        # The final letter follows the call that gave the answer ("following our call") only
        # when the answer was given by phone.
        "after_call": resolved_event is not None and resolved_event.via == "phone",
        "resolution": resolution,
        "incident": linked,
    }


def render_case_letter(case: Case, kind: str, *, now: dt.datetime,
                       templates: str | os.PathLike[str] | None = None,
                       incident: Incident | None = None) -> Message:
    """One letter of ``case`` in its language: ``subject``, ``text`` and ``html`` (a whole
    document), with ``as_email_message()``. ``kind`` is ``acknowledgement``, ``progress`` or
    ``final``; ``incident`` (the outage behind the case) lets the final letter name it.

    Raises :class:`CaseError` when the case's language has no letter templates, or a final
    letter is asked of a case not resolved at ``now``; :class:`TemplateError` naming the file
    and line when a template fails.
    """
    if kind not in LETTER_KINDS:
        raise ValueError(f"unknown letter kind {kind!r}; expected one of "
                         f"{', '.join(LETTER_KINDS)}")
    if now.tzinfo is None:
        raise ValueError("now must carry a UTC offset")
    ts = template_set(templates)
    if kind == "final" and not any(e.kind is EventKind.RESOLVED and e.at <= now
                                   for e in case.events):
        raise CaseError(case.source, [Problem("events", "the final letter needs an event of "
                                              "kind resolved (at or before now)")])
    facts = case_facts(case, now=now, ts=ts, incident=incident)
    language = ts.language(case.language)
    strategy: Strategy = ts.config.channel("email").bidi if language.rtl \
        else "none"
    env = ts.environment(case.language)
    outputs: dict[str, str] = {}
    placed: set[str] = set()
    for output, suffix in _OUTPUTS:
        kind_of: Kind = "html" if output == "html" else "text"
        f = View(facts, converter(facts, kind_of, strategy), placed=placed)
        name = f"case_{kind}.{suffix}"
        file = f"{ts.folder}/{case.language}/{name}"
        template = env.get_template(name)
        raw = _run(template, {"f": f, "lang": case.language, "dir": language.direction,
                              "kind": kind}, file, ts.config.limits)
        if output == "subject":
            outputs[output] = _rtl_base(" ".join(raw.split()), strategy)
        elif output == "text":
            outputs[output] = _rtl_base(_tidy(raw), strategy)
        else:
            outputs[output] = html_wrap(_tidy(raw), case.language, language.direction,
                                        outputs.get("subject"), True)
    return Message(language=case.language, channel=f"case_{kind}", text=outputs["text"],
                   subject=outputs["subject"], html=outputs["html"],
                   stats={"characters": len(outputs["text"])}, direction=language.direction,
                   sender=ts.config.organisation.email_from, sent_at=now,
                   placed=frozenset(placed))
