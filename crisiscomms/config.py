"""The organisation's config (``crisiscomms.toml``) and each language's vocabulary
(``<lang>/language.toml``), both beside the templates and both owned by the comms team.

>>> cfg = load_config(default_templates_dir())
>>> cfg.organisation.time_zone
'Asia/Jerusalem'
>>> cfg.channel("sms").budget("max_segments", "he")
2
"""

from __future__ import annotations

import datetime as dt
import os
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from ._pydantic import PluginScanOff
from .channels import CHANNELS
from .errors import ConfigError, Problem
from .folder import DATA_FILE_BYTES, problem
from .loading import file_stamp, read_data, validate
from .text.bidi import Strategy, clean_text
from .text.speech import Pronunciation, SpeechWords, parse_lexicon, speech_words

_SCAN = PluginScanOff()  # until the end of the module: see crisiscomms._pydantic

__all__ = [
    "BUDGET_STATS",
    "CONTACT_CHANNELS",
    "CasesConfig",
    "ChannelConfig",
    "CompensationPolicy",
    "CompensationWords",
    "Config",
    "ContactChannel",
    "ContactWords",
    "Language",
    "Limits",
    "Organisation",
    "default_templates_dir",
    "load_config",
    "load_language",
]

CONFIG_FILE = "crisiscomms.toml"
LANGUAGE_FILE = "language.toml"

# Strict: TOML's `true` is not the number 1. The upper bounds keep every figure printable.
Positive = Annotated[float, Field(strict=True, gt=0, le=1000)]
Count = Annotated[int, Field(strict=True, ge=1, le=1_000_000)]
Budget = Count | dict[str, Count]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


V = TypeVar("V")


class ByLanguage(dict[str, V]):
    """Values by language code, where a language with a region (``en-GB``) that has none of
    its own takes its base language's (``en``): a regional template folder needs no new
    entries in ``crisiscomms.toml`` (docs/languages.md).

    >>> names = ByLanguage({"en": "Netivim"})
    >>> names["en-GB"], names.get("en-GB"), names.get("fr")
    ('Netivim', 'Netivim', None)
    """

    def __missing__(self, key: str) -> V:
        base = key.split("-", 1)[0]
        if base != key and dict.__contains__(self, base):
            return dict.__getitem__(self, base)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


def _clean_all(value: dict[str, str]) -> dict[str, str]:
    return ByLanguage({key: clean_text(text) for key, text in value.items()})


def _by_language(value: Any) -> Any:
    return ByLanguage(value) if isinstance(value, dict) else value


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]


class Organisation(_Strict):
    """Who speaks: names per language, phone, website, status page, time zone, languages."""

    name: dict[str, str]
    short_name: dict[str, str] = {}
    phone: Annotated[str, Field(pattern=r"^[*+]?[0-9][0-9 -]{1,20}$")]
    website: HttpUrl
    status_page: HttpUrl
    email_from: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    time_zone: str = "Asia/Jerusalem"
    # A language code names a folder: nothing but letters (and a region) may reach a path.
    languages: Annotated[tuple[LanguageCode, ...], Field(min_length=1)] = ("he", "en")
    pronounce: dict[LanguageCode, dict[str, Pronunciation]] = {}
    """How the organisation's own names are said, by language: written word -> ``ipa``,
    ``alias`` (docs/hebrew.md, "Pronunciation lexicon"), added to the language's
    ``[speech.lexicon]`` in the IVR's SSML."""

    _check_name = field_validator("name", "short_name")(_clean_all)

    @field_validator("pronounce", mode="before")
    @classmethod
    def _lexicons(cls, value: Any) -> dict[str, dict[str, Pronunciation]]:
        if not isinstance(value, Mapping):
            raise ValueError(f"expected a table by language, got {value!r}")
        found: dict[str, dict[str, Pronunciation]] = {}
        for lang, table in value.items():
            found[str(lang)] = parse_lexicon(table, str(lang))
        return found

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; expected an IANA name such as "
                             "'Asia/Jerusalem'") from None
        return value


BUDGET_STATS: dict[str, str] = {
    "max_segments": "segments",
    "max_chars": "characters",
    "max_subject_chars": "subject_characters",
    "max_seconds": "seconds",
    "max_weighted": "weighted_length",
}
"""Each budget a channel may set -> the ``Message.stats`` entry it limits."""


class ChannelConfig(_Strict):
    """One channel's settings: whether it is rendered, its bidi strategy and its budgets.

    A budget is a number for every language or a table by language (``{he = 2, en = 1}``).
    """

    enabled: bool = True
    bidi: Strategy = "isolates"
    max_chars: Budget | None = None
    max_subject_chars: Budget | None = None
    max_segments: Budget | None = None
    max_seconds: Budget | None = None
    max_weighted: Budget | None = None
    words_per_minute: Positive = 140.0
    ssml_dialect: Literal["ssml", "azure", "google"] = "ssml"
    voice: dict[str, str] = {}

    _by_language = field_validator("max_chars", "max_subject_chars", "max_segments",
                                   "max_seconds", "max_weighted", "voice")(_by_language)

    def budget(self, name: str, language: str) -> int | None:
        """The budget ``name`` (``max_segments``...) for ``language``, or None when unset."""
        value = getattr(self, name)
        if isinstance(value, dict):
            found = value.get(language)
            return int(found) if found is not None else None
        return None if value is None else int(value)

    def budgets(self, language: str) -> dict[str, tuple[str, int]]:
        """Every budget set for ``language``: name -> (the ``Message.stats`` entry, its limit).
        The one place render (shorter wording), the checks and the preview read budgets from.

        >>> ChannelConfig(max_segments={"he": 2}).budgets("he")
        {'max_segments': ('segments', 2)}
        """
        found = {}
        for name, stat in BUDGET_STATS.items():
            limit = self.budget(name, language)
            if limit is not None:
                found[name] = (stat, limit)
        return found

    def over_budget(self, stats: Mapping[str, Any],
                    language: str) -> dict[str, tuple[Any, int]]:
        """Each budget ``stats`` exceed: name -> (the value, the limit).

        >>> ChannelConfig(max_chars=10).over_budget({"characters": 12}, "en")
        {'max_chars': (12, 10)}
        """
        return {name: (stats[stat], limit) for name, (stat, limit) in self.budgets(language).items()
                if stat in stats and stats[stat] > limit}


class Cadence(_Strict):
    """The longest gap, in minutes, between updates for each severity."""

    minor: Annotated[int, Field(strict=True, ge=1, le=10_080)] = 120
    major: Annotated[int, Field(strict=True, ge=1, le=10_080)] = 60
    critical: Annotated[int, Field(strict=True, ge=1, le=10_080)] = 30


class Limits(_Strict):
    """What one template may cost (``[limits]``): a runaway template is stopped with an error
    naming it, never left to hang a render, ``lint`` or the preview page. Each limit has a
    ceiling of its own, so no config can switch the guard off.

    >>> Limits().seconds, Limits().loop_iterations
    (1.0, 10000)
    """

    template_bytes: Annotated[int, Field(ge=1024, le=4 * 1024 * 1024)] = 256 * 1024
    """The largest template file read."""
    loop_iterations: Annotated[int, Field(ge=100, le=1_000_000)] = 10_000
    """Loop iterations, calls and filters while rendering one output."""
    output_chars: Annotated[int, Field(ge=1000, le=10_000_000)] = 200_000
    """The longest output, and the longest value a template may build."""
    seconds: Annotated[float, Field(gt=0, le=10)] = 1.0
    """Wall-clock time to render one output."""


ContactId = Literal["phone", "chat", "email", "stores"]
CONTACT_CHANNELS: tuple[str, ...] = ("phone", "chat", "email", "stores")
"""The contact channels a config may name (``[contact.<id>]``), in the order messages list them."""
ServiceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,64}$")]
CompensationKindId = Literal["voucher", "credit", "refund"]
Delivery = Literal["automatic", "on_request"]
VoucherRoute = Literal["sms", "email", "app"]
"""How a voucher is sent (config ``[compensation] voucher_route``)."""
DeliveryKey = Literal["voucher", "credit", "refund", "voucher_sms", "voucher_email", "voucher_app"]
"""A key of the tables saying how compensation arrives (``[compensation.delivery.automatic]``...):
the kind, or ``voucher_<route>`` for a voucher sent by a known route."""


def _seven_or_none(value: list[str]) -> list[str]:
    if value and len(value) != 7:
        raise ValueError(f"expected 7 weekdays, Monday first; got {len(value)}")
    return value


SevenWeekdays = Annotated[list[str], AfterValidator(_seven_or_none)]
"""Weekday names, Monday first: all seven or none."""


class ContactChannel(_Strict):
    """One way customers reach the organisation (``[contact.phone]``...).

    ``services`` are the incident service ids it depends on: when an incident affects one of
    them, messages say the channel is down and point nowhere near it.

    >>> ContactChannel(address="*2040", services=("call-centre",)).services
    ('call-centre',)
    """

    address: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    """What customers dial, write to or open; the phone line defaults to the organisation's."""
    hours: dict[str, Annotated[str, Field(min_length=1, max_length=120)]] = {}
    """Opening hours as customers read them, by language (optional)."""
    services: tuple[ServiceId, ...] = ()
    kept: bool = False
    """While the channel is down, whether what customers send it is kept and handled once it
    is back (email): the auto-reply says so, or asks them to send it again or use a working
    channel. False unless the team states it: an outage often loses what is sent, and a
    promise that it is kept would contradict an incident saying email is not received."""

    opening_hours: dict[str, Hours] | None = None
    """When the channel answers, per weekday in the organisation's time zone (``"08:00-20:00"``
    or ``"closed"``; a weekday left out is closed). Read for the phone line: outside these
    hours the phone answer tells callers when the line opens instead of asking them to hold.
    Unset: the line is taken as always open."""

    _check_hours = field_validator("hours")(_clean_all)

    @field_validator("opening_hours")
    @classmethod
    def _opening_weekdays(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        return None if value is None else _opening_hours(value)


def _check_week(value: dict[str, str]) -> None:
    """Weekday names only, and each open day opening before it closes (the cases' business
    hours and the phone line's opening hours)."""
    _known(value, WEEKDAYS, "weekday")
    for name, hours in value.items():
        if hours != "closed" and hours[:5] >= hours[6:]:
            raise ValueError(f"{name}: {hours!r} closes before it opens")


def hours_span(hours: str) -> tuple[dt.time, dt.time | None] | None:
    """An :data:`Hours` value as times: ``"08:00-18:00"`` -> (08:00, 18:00); ``"...-24:00"``
    closes at midnight (None); ``"closed"`` -> None.

    >>> hours_span("08:00-24:00")
    (datetime.time(8, 0), None)
    """
    if hours == "closed":
        return None
    start, end = hours.split("-")
    close = None if end == "24:00" else dt.time.fromisoformat(end)
    return dt.time.fromisoformat(start), close


def _opening_hours(value: dict[str, str]) -> dict[str, str]:
    """``[contact.phone] opening_hours`` checked: weekday names, each day opening before it
    closes, some day open; every weekday left out is closed."""
    _check_week(value)
    if all(hours == "closed" for hours in value.values()):
        raise ValueError("every day is closed; leave opening_hours out when the line "
                         "never closes")
    return {day: value.get(day, "closed") for day in WEEKDAYS}


class CompensationPolicy(_Strict):
    """How compensation reaches customers and when an outage is too long for "inconvenience".

    >>> CompensationPolicy().delivery, CompensationPolicy().long_outage_hours
    ('automatic', 12)
    >>> CompensationPolicy().voucher_route is None
    True
    """

    delivery: Delivery = "automatic"
    """``automatic``: customers get it without asking; ``on_request``: they must ask for it."""
    long_outage_hours: Annotated[int, Field(strict=True, ge=1, le=24 * 90)] = 12
    """From this many hours of outage on, messages speak of the harm to the service
    (``f.trouble``), never of mere inconvenience."""
    voucher_route: VoucherRoute | None = None
    """How an automatic voucher is sent: ``sms`` (a text message), ``email`` or ``app`` (it
    appears in the organisation's app); every channel says it. Absent: not said ("it will
    arrive automatically"). A credit comes on the next bill and a refund goes back to the
    payment method: neither takes a route."""
    voucher_within_days: Annotated[int, Field(strict=True, ge=1, le=90)] | None = None
    """An automatic voucher reaches the customer within this many days of the restoration:
    once the incident is resolved, every channel says by when (the restoration's date plus
    this many days, with its weekday: "by Monday 30 November"). While the incident is live,
    and when absent, no date is said."""

    @model_validator(mode="after")
    def _automatic_only(self) -> CompensationPolicy:
        for name in ("voucher_route", "voucher_within_days"):
            if getattr(self, name) is not None and self.delivery != "automatic":
                raise ValueError(f"{name} says how an automatic voucher arrives: it needs "
                                 f'delivery = "automatic" (now {self.delivery!r}); leave it out')
        return self


def _known(names: Iterable[str], allowed: Iterable[str], what: str) -> None:
    """Refuse the first of ``names`` that is not one of ``allowed``, listing them."""
    allowed = tuple(allowed)
    for name in names:
        if name not in allowed:
            raise ValueError(f"unknown {what} {name!r}; expected one of {', '.join(allowed)}")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Weekday names in Python's order (``date.weekday()``: Monday is 0)."""

Hours = Annotated[str, Field(pattern=r"^(closed|([01][0-9]|2[0-3]):[0-5][0-9]-"
                                     r"(([01][0-9]|2[0-3]):[0-5][0-9]|24:00))$")]
"""Opening hours of a day, ``"08:00-18:00"``, or ``"closed"``."""

ContactChannel.model_rebuild()  # its opening_hours are Hours, defined here

Clock = Literal["business", "calendar"]


def _default_hours() -> dict[str, str]:
    return {"sunday": "08:00-18:00", "monday": "08:00-18:00", "tuesday": "08:00-18:00",
            "wednesday": "08:00-18:00", "thursday": "08:00-18:00", "friday": "08:00-13:00",
            "saturday": "closed"}


class CasesConfig(_Strict):
    """Service levels of complaint cases (``[cases]``, CONTRACT section 9, seed 002).

    >>> CasesConfig().acknowledge_within, CasesConfig().hours["friday"]
    (120, '08:00-13:00')
    """

    acknowledge_within: Annotated[int, Field(strict=True, ge=1, le=43_200)] = 120
    """Minutes from receipt to the acknowledgement."""
    acknowledge_clock: Clock = "business"
    update_every: Annotated[int, Field(strict=True, ge=1, le=43_200)] = 48 * 60
    """Minutes from the latest contact with the customer to the next update."""
    update_clock: Clock = "business"
    hours: dict[str, Hours] = Field(default_factory=_default_hours)
    """Business hours per weekday in the organisation's time zone; a weekday left out keeps
    its default."""
    holidays: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = "IL"
    """The country whose public holidays are closed all day (the `holidays` package); none
    when empty."""
    holiday_categories: Annotated[tuple[str, ...], Field(min_length=1)] = ("public",)
    holiday_eve: Hours | None = None
    """Hours on the day before a holiday (``"08:00-13:00"``, ``"closed"``); unset: an
    ordinary day."""
    closed: tuple[dt.date, ...] = ()
    """More days closed all day (a company day off)."""

    @field_validator("hours")
    @classmethod
    def _weekdays(cls, value: dict[str, str]) -> dict[str, str]:
        _check_week(value)
        return {**_default_hours(), **value}


class Config(_Strict):
    """The whole ``crisiscomms.toml``."""

    organisation: Organisation
    channels: dict[str, ChannelConfig] = {}
    cadence: Cadence = Cadence()
    limits: Limits = Limits()
    contact: dict[ContactId, ContactChannel] = {}
    """The contact channels, in the order of :data:`CONTACT_CHANNELS` whatever the file's."""
    compensation: CompensationPolicy = CompensationPolicy()
    cases: CasesConfig = CasesConfig()
    sms_segment_price: Annotated[float, Field(ge=0, le=1000)] | None = None
    """What one SMS segment costs the organisation; ``crisiscomms personalise`` reports the
    cost of a run with it (in the same currency)."""

    @field_validator("contact")
    @classmethod
    def _opening_hours_phone(cls, value: dict[str, ContactChannel]) -> dict[str, ContactChannel]:
        for cid, channel in value.items():
            if cid != "phone" and channel.opening_hours is not None:
                raise ValueError(f"{cid}.opening_hours: only the phone line has opening hours")
        return value

    @field_validator("channels")
    @classmethod
    def _known_channels(cls, value: dict[str, ChannelConfig]) -> dict[str, ChannelConfig]:
        _known(value, CHANNELS, "channel")
        return value

    def channel(self, name: str) -> ChannelConfig:
        """The settings of channel ``name`` (defaults where the file says nothing)."""
        return self.channels.get(name) or ChannelConfig()

    def enabled_channels(self) -> tuple[str, ...]:
        """The channels rendered by default, in the order of :data:`CHANNELS`."""
        return tuple(name for name in CHANNELS if self.channel(name).enabled)


class UnitForms(_Strict):
    """A unit's forms by CLDR plural category; ``{n}`` stands for the number. A category the
    language has but the table leaves out takes ``other`` (Arabic has zero, one, two, few,
    many, other; Russian one, few, many, other)."""

    zero: str | None = None
    one: str
    two: str | None = None
    few: str | None = None
    many: str | None = None
    other: str
    one_figure: str | None = None
    """The ``one`` form with the count in figures, where ``one`` says it in words ("{n} hour"
    for "an hour"): a length in figures says "1 hour and 5 minutes" (s19 reading 7 D9)."""
    gender: Literal["f", "m"] = "f"
    case: Literal["nominative", "genitive", "dative", "accusative", "instrumental",
                  "prepositional"] = "nominative"
    """The case the count is spoken in, the case of the forms above: Russian accusative ("через
    одну минуту"), Arabic genitive after a preposition ("بعد خمس وثلاثين ساعة")."""
    after: dict[str, str] = {}
    """Whole wordings of a count that follows a larger unit ("שעה וחצי": 30 = "חצי")."""
    alone: dict[str, str] = {}
    """A count said in words of its own when it is the whole length, by count (Hebrew
    ``30 = "חצי שעה"``, never "שלושים דקות"; reading 44 HE-13)."""
    and_half: str | None = None
    """A rounded length of ``{n}`` units and a half said as one ("{n} and a half hours", British
    English: "about two and a half hours"); the exact lengths keep the forms above."""


class DayWords(_Strict):
    """Words for a day relative to the moment of the statement; ``{date}`` is the date."""

    today: str
    tomorrow: str
    yesterday: str
    other: str
    tonight: str | None = None
    """A time after midnight said the evening before, or in the small hours ("tonight");
    without it, the words of the day it falls on."""
    tonight_said: str | None = None
    """How ``tonight`` is spoken when the spoken time names the night itself (Russian
    "сегодня" before "в два часа ночи", never "сегодня ночью в два часа ночи"); without
    it, ``tonight`` as written."""
    tonight_drops_part: bool = False
    """Speech leaves the part of the day out of a time said after ``tonight``, which names the
    night already (Russian "сегодня ночью в два часа": "сегодня в два часа ночи", said at 22:00,
    can be heard as the night just gone; reading 15 R7)."""
    morning_from: int = Field(default=4, ge=1, le=12)
    """The hour the morning starts: a time after midnight and before it is ``tonight``, said
    the evening before or in the small hours ("tonight at 02:05" and "tonight at 04:05", both
    said at 01:15, never one of them "today"; reading 23 H2/E1)."""
    evening_from: int | None = Field(default=None, ge=0, le=23)
    """The hour from which a time later the same day is said with ``tonight``, not ``today``
    ("tonight at 23:30", said at 22:40; R13 #6): in ``when`` and ``day`` only, the channels
    read at once. Without it, ``today`` all day."""
    this_morning: str | None = None
    """A time later the same morning (from ``morning_from``, before noon), said in the small
    hours (before ``morning_from``): "this morning at 05:20" beside "tonight at 02:50", both
    said at 02:00, so they read as one night and its morning, never "today" after "tonight"
    (reading 28 EN-8, HE-20, AR-4). In ``when``, ``day`` and ``short`` only, the channels read
    at once; speech leaves the part of the day out of the time after it ("this morning at
    five twenty"). Without it, ``today``."""


ChangeKindName = Literal["eta_later", "eta_earlier", "eta_known", "eta_withdrawn",
                         "status_forward", "status_back", "services_added", "services_restored",
                         "workaround_added", "update_late"]


_CHANGE_SLOTS = frozenset({"new", "old", "services", "duration"})


class CompensationWords(_Strict):
    """The ``[compensation]`` table: how the compensation is said, one complete sentence.

    ``sentence`` and ``short`` have the slots ``{what}`` (the kind's wording, itself with
    ``{percent}`` and ``{base}``), ``{expiry}`` (empty without a last day) and ``{delivery}``.
    """

    sentence: str
    short: str
    what: dict[CompensationKindId, str]
    what_short: dict[CompensationKindId, str]
    base: dict[Literal["bill", "purchase"], str]
    expiry: str
    expiry_kind: dict[CompensationKindId, str] = {}
    """``expiry`` for one kind, where the sentence names the thing itself (Arabic "وتسري
    القسيمة حتى {date}": the verb agrees with it); without it, ``expiry``."""
    expiry_short: str
    expiry_short_kind: dict[CompensationKindId, str] = {}
    """``expiry_short`` for one kind, where it agrees with the thing (Arabic "، سارية حتى {date}"
    after "قسيمة"); without it, ``expiry_short``."""
    date_format: str
    """The last day's date, always with the year."""
    date_format_short: str
    delivery: dict[Delivery, dict[DeliveryKey, str]]
    delivery_short: dict[Delivery, str]
    delivery_brief: dict[Delivery, dict[DeliveryKey, str]] | None = None
    """How it arrives, in brief, for a lasting channel short on room (the banner after a long
    outage, which also apologises); without it, ``delivery``."""
    base_short: dict[Literal["bill", "purchase"], str] = {}
    """``base`` in the short form, said to the reader ("of your monthly bill") where the
    sentence says it of "every affected customer" ("of their monthly bill"); without it,
    ``base``."""
    by: str | None = None
    """The last day an automatic voucher arrives (config ``[compensation]
    voucher_within_days``, once resolved), the ``{by}`` slot of the voucher's ``delivery``,
    ``delivery_brief`` and ``[compensation_voice]`` wordings: ``{weekday}`` and ``{date}``
    (" by Monday 30 November"); empty while live or without the setting. Without it, no date
    is said."""
    by_weekdays: SevenWeekdays = []
    """The weekday as ``by`` says it, Monday first, where it takes another form after the
    preposition (Russian "до понедельника"); without it, the weekday's own name."""

    by_short: str | None = None
    """``by`` in the short form (SMS): ``{date}`` in ``by_date_format_short`` (" by 30 Nov")."""
    by_date_format_short: str | None = None
    """The date ``by_short`` says, without the year unless it differs; without it, the
    language's ``date_format``."""
    short_sent: str | None = None
    """The short form (SMS) when it says how the voucher is sent or by when: ``{what}``,
    ``{expiry}`` and ``{delivery}`` (from ``delivery_sent_short``, with ``{by}`` from
    ``by_short``); without it (or for a credit or refund), ``short``."""
    delivery_sent_short: dict[DeliveryKey, str] = {}
    """How the voucher arrives, in the short form: ``voucher`` (no route) and
    ``voucher_<route>``, each with ``{by}``."""
    by_lead: str | None = None
    """The last day an automatic voucher arrives, said first in a ``sent`` sentence:
    ``{weekday}`` and ``{date}`` as in ``by`` ("By Saturday 28 November")."""
    by_lead_short: str | None = None
    """``by_lead`` in the short form: ``{date}`` as in ``by_short`` ("By 28 Nov")."""
    sent: dict[DeliveryKey, str] = {}
    """The whole sentence of an automatic voucher once its last day is known, by route
    (``voucher``, ``voucher_<route>``), where the language says it in one voice as one sentence
    ("By Saturday 28 November, we will text every affected customer a voucher worth 10% of their
    monthly bill, valid until 31 December 2026; no need to ask.", reading 33 en): ``{by}`` (from
    ``by_lead``), ``{percent}``, ``{base}``, ``{expiry}``. It is ``sentence`` and ``brief`` alike;
    without it (or before the day is known), ``sentence``."""
    sent_brief: dict[DeliveryKey, str] = {}
    """``sent`` in brief (``f.compensation.brief``: the social post, short on room), with the
    dates in full: the same slots, ``{expiry}`` as ``expiry_short`` says it (Arabic "، سارية
    حتى 31 ديسمبر 2026"; reading 46 AR-1); without it, ``sent``."""
    sent_direct: dict[DeliveryKey, str] = {}
    """``sent`` said to one customer (``f.compensation.direct``: the email reply, the IVR, the
    rep's quote), where ``sent`` speaks of "every affected customer" for the public channels
    (s26 EN-5, AR-6): ``{by}`` (from ``by_lead``, else ``by``), ``{percent}``, ``{base}``
    (``base_direct``, else ``base_short``, else ``base``), ``{expiry}`` (``expiry_direct``, else
    as the sentence says it); without it (or before the day is known), the sentence."""
    base_direct: dict[Literal["bill", "purchase"], str] = {}
    """``base`` in ``sent_direct`` ("من فاتورتكم الشهرية"); without it, ``base_short``."""
    expiry_direct: str | None = None
    """``expiry`` in ``sent_direct`` (Arabic "، سارية حتى {date}" after "قسيمة"); without it,
    the sentence's."""
    sent_short: dict[DeliveryKey, str] = {}
    """``sent`` in the short form (SMS), said to the reader: ``{by}`` (from ``by_lead_short``),
    ``{percent}``, ``{base}`` (``base_short``), ``{expiry}`` (``expiry_short``); without it,
    ``short_sent``."""
    trouble: str
    """What the apology is for ("the inconvenience")..."""
    trouble_long: str
    """... and after a long outage (``[compensation] long_outage_hours`` in the config)."""
    trouble_critical: str | None = None
    """... and in a critical incident that is not (yet) a long outage: the harm to the service
    from the first minute, not an "inconvenience" (s26 HE-3, AR-9); without it,
    ``trouble_long``."""


class CompensationVoiceWords(_Strict):
    """The ``[compensation_voice]`` table: how the compensation reaches customers, said by
    staff to staff (``staff``: "customers receive it automatically") and to agents and
    resellers (``partner``: "your clients receive it"), by delivery and kind. The rest of the
    sentence is ``[compensation]``'s (``f.compensation.staff``, ``f.compensation.partner``)."""

    staff: dict[Delivery, dict[DeliveryKey, str]]
    partner: dict[Delivery, dict[DeliveryKey, str]]


class NoNeedJoin(_Strict):
    """How a short customer action that is itself a "no need to X again" sentence is
    recognised and how "contact us" joins it (``[contact.no_need_join]``): "אין צורך לשלם
    שוב." -> "אין צורך לשלם או לפנות שוב." (``f.action_joined_no_contact``)."""

    starts: str = ""
    """What the action opens with ("אין צורך ל"); empty: any opening."""
    ends: str
    """What it ends with, its full stop included (" שוב.")."""
    joins: str
    """Put just before ``ends`` (" או לפנות")."""
    tail: str | None = None
    """What the joined sentence ends with in place of ``ends`` (en ".": "No need to pay again or
    contact us."); missing: ``ends`` itself."""


class ContactWords(_Strict):
    """The ``[contact]`` table: how each contact channel is named and said to be down."""

    channel: dict[ContactId, str]
    """How a message points at the channel ("by phone on {address}"); ``{address}`` optional."""
    with_hours: str
    """A channel with its opening hours: ``{channel}`` and ``{hours}``."""
    down: dict[ContactId, str]
    """The sentence that says the channel is down because of this incident."""
    working: str
    """Where to turn: ``{channels}``, the working channels as a list."""
    none_working: str
    """Said when every configured channel is down."""
    alternatives: str = ""
    """What joins the working channels offered as ways to reach us (``f.contact.working``,
    ``short_all``, ``working_third``) where the language's standard list ("A, B and C")
    would read as "use them all": every channel after the first follows it (Arabic "، أو ";
    reading 28 AR-17). Empty: the standard list."""
    short: str
    """Where to turn in a short message (SMS): ``{channel}``, the first working channel."""
    short_any: str = ""
    """Where to turn in an SMS that has just said there is no need to contact us about this
    problem: ``{channel}``, every working channel joined with "or" (``f.contact.short_any``).
    Missing: ``short``."""
    short_other: str = ""
    """Where to turn in an SMS that has no room for "no need to contact us about this problem"
    beside every working channel: the channels scoped to any other matter instead
    ("בעניין אחר פנו במייל …"; ``f.contact.short_other``, R15 #1). Where given, it also
    leads ``f.contact.other_all``/``other_one`` with each channel's ``scoped`` verb ("По другим
    вопросам звоните *2040, …"; reading 22 N1-N3). Missing: not said."""
    short_meanwhile: str = ""
    """The same channels when every affected service is a contact channel itself (the call
    centre down): nobody contacts us about the fault, so nothing to scope against ("בינתיים
    ניתן לפנות …"; ``f.contact.short_meanwhile``, R19 he #1). Missing: ``short_other``."""
    other: str = ""
    """Every working channel for any other matter, beside the scoped no-need line
    ("لأي أمر آخر: {channel}."): ``{channel}``, the channels joined with "and"
    (``f.contact.other_all``), or the first one alone, its ``bare`` form where the language
    gives one (``f.contact.other_one``; with ``short_other`` given, only a channel alone in
    its ``bare`` noun form: "По другим вопросам — чат на сайте."). Missing: not said."""
    bare: dict[ContactId, str] = {}
    """A channel alone after ``other``'s colon, without its preposition ("الدردشة في موقعنا",
    not "عبر الدردشة …"); ``{address}`` optional. Missing: its ``channel``."""
    name: dict[ContactId, str] = {}
    """Each channel as the subject of a sentence ("the chat on our website"), for ``down_many``."""
    listed: dict[ContactId, str] = {}
    """A working channel as an item of a bare list ("the chat on our website", "email to
    {address}"), for staff notices (``f.contact.list_all``); ``{address}`` optional. Missing:
    its ``name``."""
    third: dict[ContactId, str] = {}
    """A working channel said of the organisation in the third person, inside a quote a
    reseller says in their own name ("by chat on its website"; ``f.contact.working_third``);
    ``{address}`` optional. Missing: its ``channel``."""
    brief: dict[ContactId, str] = {}
    """A working channel said in brief as a whole sentence ("دردشة موقعنا تعمل."), for the SMS
    where a lost-email request leaves no room for ``short`` (``f.contact.brief_one``, the first
    working channel; reading 47 AR-1). Missing: not said."""
    scoped: dict[ContactId, str] = {}
    """A working channel with a verb of its own, as ``short_other`` lists them ("call
    {address}", "visit our service centres": "For anything else, call *2040 or …";
    ``f.contact.short_other``, reading 20 en #2, and ``other_all``/``other_one`` where the
    language gives ``short_other``); ``{address}`` optional. Missing: its ``channel``."""
    listed_ours: str = ""
    """The possessive that ends several ``listed`` items ("لدينا"): said once, on the last of a
    run of items that end with it ("البريد الإلكتروني ومراكز الخدمة لدينا", R19 ar nit).
    Missing: each item as written."""
    down_many: str = ""
    """One sentence for two or more channels down: ``{channels}``, their ``name`` as a list.
    Missing (or a channel without a name): each down channel's own ``down`` sentence."""
    calls_down: str = ""
    """What the phone line says to callers when the phone channel is down: that our people
    cannot take calls now (said on that line, "our phone line is down" makes no sense);
    ``f.contact.down_on_call``. Missing: the phone's own ``down`` sentence."""
    calls_down_and: str = ""
    """``calls_down`` joined to the other channels that are down, in one sentence that says
    "now" once: ``{others}``, their ``down`` sentence (first letter small). Missing:
    ``calls_down``, then that sentence."""
    also_down: dict[ContactId, str] = {}
    """A channel's down clause inside ``calls_down_and`` when it is the only other channel
    down (said on the phone line: "…, and email to us is not getting through at the
    moment."). Missing: its ``down`` sentence."""
    no_contact: list[str] = []
    """Words that, found in ``customer_action``, already tell customers not to contact again:
    the fixed sentence is then left out (``f.action_says_no_contact``)."""
    no_need_join: NoNeedJoin | None = None
    """A short action "no need to X again" joined with "contact us" in one sentence; missing:
    never joined."""
    days: list[str] = []
    """The seven weekdays, Monday first, as the phone's opening hours name them (``{first}``
    and ``{last}`` of ``open_hours``; ``{first}`` of ``open_hours_day``)."""
    days_from: list[str] = []
    """The weekdays as the first day of a run ("с воскресенья"); missing: ``days``."""
    days_on: list[str] = []
    """The weekdays as ``{first}`` of ``open_hours_day``, a day alone (Russian "во вторник");
    missing: ``days``."""
    open_hours: str = ""
    """The phone line's hours on a run of days: ``{first}``, ``{last}``, ``{open}``, ``{close}``
    ("Sunday to Thursday, {open} to {close}")."""
    open_hours_day: str = ""
    """... on one day: ``{first}``, ``{open}``, ``{close}``."""
    open_hours_every_day: str = ""
    """... on all seven days alike: ``{open}``, ``{close}`` ("every day, {open} to {close}");
    missing: ``open_hours``."""
    open_hours_today: str = ""
    """... on one day that is the statement's own day: ``{open}``, ``{close}`` ("today,
    {open} to {close}"; the IVR is heard at once). Missing: ``open_hours_day``."""
    open_hours_tomorrow: str = ""
    """... on one day that is the next day: ``{open}``, ``{close}``. Missing:
    ``open_hours_day``."""
    open_hours_more: str = ""
    """The run of days the line next opens (``{hours}``) followed by the week's other hours
    (``{more}``, each run in ``open_hours`` or ``open_hours_day``), so that a caller on a
    Saturday night hears Friday's hours too ("Sunday to Thursday, 08:00 to 20:00, or on
    Friday, 08:00 to 13:00"; reading 44 EN-18, RU-6, HE-8). Missing: the run alone."""
    open_hours_until: str = ""
    """One of those other days that opens when the run does, its closing alone: ``{first}``
    (``days_on``), ``{close}`` ("Friday until {close}"). Missing: ``open_hours_day``."""
    opens_day: str = ""
    """When the line next opens, its day and time alone (``{first}``: ``days_on``, ``{open}``;
    "on {first} from {open}"), in ``f.contact.phone_closed_next``, the IVR's last wordings.
    Missing: that fact is None."""
    opens_today: str = ""
    """... when it opens later the same day ("today from {open}"). Missing: ``opens_day``."""
    opens_tomorrow: str = ""
    """... when it opens the next day ("tomorrow from {open}"). Missing: ``opens_day``."""
    phone_channel: dict[ContactId, str] = {}
    """The next working channel as ``phone_closed`` says it, with a verb of its own (Russian
    "пишите в чат на нашем сайте" after "звоните нам ..., или", English "chat with us on our
    website"; ``{address}``); a channel missing: its ``channel``."""
    phone_closed: str = ""
    """Said on the phone line outside its ``opening_hours`` instead of "stay on the line":
    ``{hours}`` (``open_hours``) and ``{channel}`` (the first other working channel, its
    ``[contact.channel]``); ``f.contact.phone_closed``. Missing: the line is never closed."""
    phone_closed_alone: str = ""
    """... when no other channel works: ``{hours}``."""
    phone_closes: str = ""
    """Inside the hours, when the line closes today before the next update replaces the
    recording: said on the IVR instead of a bare "stay on the line", in place of
    ``phone_closed`` (``{close}``: today's closing; ``{next}``: its next opening,
    ``reopens_tomorrow`` or ``reopens_day``). Missing: ``phone_closed`` stays None there."""
    reopens_tomorrow: str = ""
    """... the next opening the next day (``{open}``). Missing: ``reopens_day``."""
    reopens_day: str = ""
    """... the next opening by its weekday (``{first}``: ``days_on``, ``{open}``)."""
    phone_closed_next: str = ""
    """``phone_closed`` for the line's next opening alone (``opens_day``), whose ``{hours}``
    has no comma of its own to close ("звоните нам сегодня с 08:00 или пишите в чат", where
    the run of days takes "…, с 08:00 до 20:00, или …"). Missing: ``phone_closed``."""
    phone_closed_run: str = ""
    """``phone_closed`` for the run the line opens in alone, without the week's other hours
    (``f.contact.phone_closed_run``), whose ``{hours}`` has no comma of its own to close
    ("звоните нам с воскресенья по четверг с 08:00 до 20:00 или пишите в чат"; reading 46
    RU-4). Missing: ``phone_closed``."""

    @property
    def days_alone(self) -> list[str]:
        """``days_on`` where the language gives all seven, else ``days``.

        >>> from crisiscomms.config import default_templates_dir, load_language
        >>> [load_language(default_templates_dir(), lang).contact.days_alone[6]
        ...  for lang in ("ru", "en")]
        ['в воскресенье', 'Sunday']
        """
        return self.days_on if len(self.days_on) == 7 else self.days


_VIA = Literal["phone", "email", "web", "letter", "fax", "store"]
_EVENT = Literal["acknowledged", "contacted_party", "progress_update", "customer_contacted",
                 "resolved"]


class LostEmailWords(_Strict):
    """Words about emails that did not reach us while email support is down and mail is not
    kept (``[contact.email] kept`` false)."""

    resend: list[str] = []
    """Words that, found in ``customer_action``, already ask customers to send their emails
    again: where a message says its own lost-email sentence, the action is left out
    (``f.action_says_resend``), so it is not said twice."""

    lost: str = ""
    """The lost-email sentence of the short channels (the SMS, social post, banner and phone
    line), which have no room for the pages' own with its time: emails sent since the fault
    began did not reach us, so send them again once email is back (``f.contact.resend``)."""

    lost_dated: str = ""
    """``lost`` with its times, shorter where the clock says it ("Emails sent to us since
    {since} did not reach us: please resend them after {back}."): ``{since}`` the outage's
    start, ``{back}`` the estimate, both as the short channels write a time; used while an
    estimate is set and not monitoring. Empty: ``lost`` alone (reading 44 EN-2, EN-3)."""

    lost_brief: str = ""
    """``lost_dated`` as a bare request, for the SMS where the working channel, the apology and
    the link must still fit beside it ("أعيدوا بعد الإصلاح إرسال رسائل البريد الإلكتروني منذ
    {since}."; ``f.contact.resend_brief``, readings 47/48 AR-1): ``{since}`` as in ``lost_dated``.
    Empty: not said."""

    lost_said: str = ""
    """The same on the phone line, after its down line has said that email is not getting
    through: only the request, without naming email again ("if you have written to us since
    ..., please write again"; ``f.contact.resend_said``)."""

    lost_said_dated: str = ""
    """``lost_said`` with its times, as ``lost_dated`` has them ("If you have written to us
    since {since}, please write again after {back}."), while an estimate is set and not
    monitoring. Empty: ``lost_said`` alone (reading 46 EN-4)."""


class CaseWords(_Strict):
    """The small words of complaint-case letters (``[cases]`` of ``language.toml``): how a
    complaint arrived, what each event was, the outcome. Whole sentences live in the
    ``case_*`` templates."""

    date_format: str
    """Letters carry the year on every date."""
    when: str
    """A date and time: ``{date}`` and ``{time}``."""
    via: dict[_VIA, str]
    """How it reached us or we reached them, as a phrase (``by fax``)."""
    money_format: str | None = None
    """A whole amount's Babel pattern (Russian "#,##0 ¤": "2 400 ₪"); without it, the sign
    before the number in a left-to-right language ("₪2,400"), after it in a right-to-left one."""
    received: str
    """The receipt as the chronology's first line: ``{via}``."""
    event: dict[_EVENT, str]
    """Each event as a line of the chronology: ``{via}`` and ``{party}`` where they apply."""
    outcome: dict[Literal["justified", "partly_justified", "not_justified"], str]
    of: dict[Literal["purchase", "purchase_no_where"], str]
    """What a compensation percentage is of: ``{amount}``, ``{date}``, ``{where}``;
    ``purchase_no_where`` for a purchase with no branch or shop given (else ``purchase``)."""
    title: dict[Literal["mr", "mrs", "ms", "miss", "dr"], str] = {}
    """The customer's title as the greeting says it (``Mr``); a language without it (or a
    case without a title) greets with the full name."""
    titled: str = "{title} {surname}"
    """The customer greeted by title and surname (``f.customer.addressed``)."""
    name_scripts: tuple[str, ...] = ()
    """The Unicode scripts (``LATIN``, ``HEBREW``) a letter writes a customer's name and
    address in: a case that gives them in no form of these scripts gets a greeting without
    the name and no address block, and ``case check`` warns. Empty: any script."""
    delivery: dict[Delivery, dict[DeliveryKey, str]] = {}
    """How the compensation reaches the customer, said to one customer (config
    ``[compensation] delivery``); without it, the channels' ``[compensation.delivery]``."""

    _check = field_validator("via", "event", "outcome", "of", "title")(_clean_all)


class FaultSaid(_Strict):
    """How a spoken sentence says a title that piles nouns before the word for the fault
    (``[fault_said]``; s20 R11 he #5, R12 he #4, R14 #4): ``{nouns}`` are the title's words
    before ``after``, ``{rest}`` what follows it ("in the app"). ``ours`` for a thing we run
    ("problem with our TV service"), ``named`` when the last noun is one of ``activities``
    ("problem with bill payment in the app"), ``said`` when ``said_as`` has the nouns
    (``{said}``: "problem paying bills in the app"). ``f.title_fault``; without this table,
    the title inside a sentence."""

    after: str
    ours: str
    named: str
    said: str
    activities: frozenset[str] = frozenset()
    """Last nouns of a pile that name an activity, not a thing we run, in lower case."""


class Language(_Strict):
    """A language's vocabulary and formats, from ``<lang>/language.toml``.

    Wording of whole messages lives in the templates; this file holds the small words the
    facts are built from, so every channel says them the same way.
    """

    locale: str
    direction: Literal["rtl", "ltr"]
    time_format: str = "HH:mm"
    date_format: str
    date_year_format: str | None = None
    """A date in another year than the statement's ("31 בינואר 2027"); without it, the
    date format followed by the year."""
    weekday_format: str = "EEEE"
    prefix_hyphen: bool = False
    """Hebrew: a one-letter prefix (ו, ב, ל...) before a digit or Latin letter takes a hyphen."""
    articles: tuple[str, ...] = ()
    """Words a service name may open with that a title leaves out ("the"): a title names a
    service when it holds the name's other words (``f.services_in_title``)."""
    stem_endings: tuple[str, ...] = ()
    """Endings taken off a word before a title and a service name are compared, so forms of
    one word match ("calls" and "calling"; "תשלומים" and "תשלום"): the longest that leaves
    at least ``stem_min`` letters is taken off, at most one per word."""
    stem_min: int = 4
    """The fewest letters a word keeps once an ending is taken off (``stem_endings``)."""
    stem_alike: dict[str, str] = {}
    """Stems of one word family a title and a service name may use in turn (Russian
    "телевизионн" of "телевизионной службы" for "телевиден" of "телевидение"): each key is
    compared as its value."""
    stem_letters: dict[str, str] = {}
    """Letters written one way at a word's end and another inside it (Hebrew ם and מ):
    a stem is compared with each replaced by its inner form."""
    name_links: tuple[str, ...] = ()
    """Words that join a noun to the one it belongs to ("payments on the website"): a title
    names a service of two or more words when it says them in the order these words make
    ("website payments"), and one that ends in a place ("chat on our website") by the words
    before it when the title itself says no place with them."""
    name_modifiers: tuple[str, ...] = ()
    """Words an article in a title stands for before a service's noun: "the app" names "the
    mobile app" (never a bare "phone" for "mobile phone")."""
    object_adjectives: dict[str, str] = {}
    """Adjective endings a service name changes as the object of a verb (Russian accusative
    "мобильная" -> "мобильную"), for ``f.services_said``; with ``object_keep`` (adjective
    endings that stay) and ``object_nouns`` (the first noun's: "оплата" -> "оплату").
    Without them, the name as written (:func:`crisiscomms.text.inflect.as_object`)."""
    object_keep: tuple[str, ...] = ()
    object_nouns: dict[str, str] = {}
    object_each: str = "{service}"
    """Each service after the first in ``f.services_said``, when the verb's preposition is
    said again before every item (Hebrew "על {service}": "משפיעה על המוקד הטלפוני ועל
    הפניות בדואר האלקטרוני", s19 reading 7 D4). The list's items stay as they are."""
    after_title: str = "{services}"
    """The services a title does not name, placed right after it with what joins them to it
    (``f.services_after_title``, Hebrew " ו{services}": "תקלה בכניסה לאפליקציה ובאזור האישי
    באתר")."""
    after_title_many: str = ""
    """``after_title`` for two services or more, whose list joins its own items (Hebrew ",
    {services}": "תקלה בכניסה לאפליקציה, באזור האישי, במוקד ובצ'אט", not a second "ו" before
    the list; reading 25 he D2). Missing: ``after_title``."""
    sms_implied: tuple[Annotated[str, Field(min_length=1, max_length=40)], ...] = ()
    """Words the SMS leaves out of the incident's short workaround because a text message says
    them itself (Arabic " برسالة نصية": the banner needs them, the text does not; reading 50
    B-1): ``f.workaround_min``, each taken out once, in order."""
    after_title_each: str = "{service}"
    """One of those services ("ב{service}"): its name with ``after_title_article`` taken off
    first (ב + ה: "האזור" -> "באזור")."""
    after_title_article: str = ""
    after_title_openings: tuple[str, ...] = ()
    """The title openings after which ``after_title`` reads as one phrase (Hebrew "תקלה ב":
    "תקלה בכניסה לאפליקציה ובאזור האישי באתר", never "הפסקת אינטרנט ביתי בצפון ובשירות
    ה-TV", where the "ב" pairs with the place); after any other, the list is said apart.
    Empty: after any title."""
    lower_after_colon: tuple[str, ...] = ()
    """Words that open a sentence and take a small letter after a colon in this language's
    style ("In the meantime: you can pay..."): incident text opening with one of them is
    lowered there (``f.workaround_inline``); any other opening (a name) keeps its capital."""
    services_label: dict[Literal["one", "many", "one_past", "many_past"], str] = {}
    """The label before the list of affected services (``f.services_label``), by number:
    ``one``/``many`` while the incident is open, ``one_past``/``many_past`` once resolved
    ("השירות המושפע" / "השירותים המושפעים" / "השירות שהושפע" / "השירותים שהושפעו")."""
    plural_name_openings: tuple[str, ...] = ()
    """Name openings that make one service's name plural in form (Hebrew "שירותי": "שירותי
    הסלולר" takes the plural label, "השירותים שהושפעו: שירותי הסלולר"); empty: one name is
    always singular."""
    no_eta: str
    no_eta_short: str
    no_eta_brief: str | None = None
    """The shortest "no estimate yet" (Russian "Срок пока неизвестен"), for an SMS that needs the
    room for the status link (``f.no_eta_brief``); without it, ``no_eta_short``."""
    status: dict[Literal["investigating", "identified", "monitoring", "resolved"], str]
    status_short: dict[Literal["investigating", "identified", "monitoring", "resolved"], str]
    status_said: dict[Literal["investigating", "identified", "monitoring", "resolved"], str] = {}
    """The status as a spoken sentence opens (``f.status_said``: "We have applied a fix");
    a language without it says the label."""
    status_line: dict[Literal["investigating", "identified", "monitoring", "resolved"], str] = {}
    """The status as the email's status line says it where the line after it would say the
    same again (``f.status_line``; reading 44 HE-5, AR-12, RU-8: a fix being watched is said
    once); a status without it says the label."""
    title_done: dict[str, str] = {}
    """The word that makes a title a sentence once the fault is fixed, by the title's first
    word, agreeing with it (Russian "Сбой" = "устранён", "Проблема" = "устранена": "Сбой
    мобильной связи устранён"; ``f.title_done``). A title opening with any other word, or a
    language without it: none."""
    severity: dict[Literal["minor", "major", "critical"], str]
    compensation_kind: dict[Literal["voucher", "credit", "refund"], str]
    day: DayWords
    day_short: DayWords
    when: str
    when_short: str
    at_time: str = "{time}"
    """The time alone in a sentence ("בשעה {time}", "at {time}"): an earlier estimate said on
    the same day as the new one (``f.changes[i].sentence``)."""
    about: str = "{duration}"
    """A rounded length of time in prose ("לאחר כשעה", "after about an hour"): slot
    ``{duration}`` (``f.elapsed_about``)."""
    about_words: dict[str, str] = {}
    """Rounded lengths that prose says in words of their own, by minutes ("60" = "an hour",
    so "about an hour", not "about 1 hour"); the exact lengths keep the units' forms."""
    dated: str = "{weekday}, {date}, {time}"
    """A moment on a lasting channel: weekday, date and time ("ביום שבת, 21 בנובמבר, בשעה
    17:50"); slots ``{weekday}``, ``{date}``, ``{time}``."""
    dated_tonight: str | None = None
    """A moment after midnight, still ahead, said the evening before on a lasting channel:
    the night's name and dates, never "tonight", which is wrong the next morning ("בליל
    שלישי–רביעי (24–25 בנובמבר), בשעה 02:00"); slots ``{night}``, ``{eve}`` (the evening's
    weekday), ``{weekday}``, ``{date}``, ``{dates}`` ("24–25 November"), ``{time}``.
    Without it, ``dated``."""
    night: str = "{eve}–{morning}"
    """The name of a night from the two weekdays around it; slots ``{eve}``, ``{morning}``."""
    night_weekdays: list[str] = []
    """Weekday names for a night's name, Monday first; without them, ``weekday_format``."""
    dated_weekdays: SevenWeekdays = []
    """The weekday as ``dated`` and ``dated_tonight`` place it, Monday first, where the
    language puts it in a case of its own (Russian accusative "в среду, 25 ноября, в 17:50");
    seven or none. Without them, ``weekday_format`` (``f.x.weekday`` keeps it either way)."""

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left (``direction``)."""
        return self.direction == "rtl"

    counts: dict[Literal["f", "m"], dict[str, str]] = {}
    """Small counts written in words in prose, by grammatical gender ("שלוש דקות")."""
    said_as: dict[str, str] = {}
    """Noun phrases a spoken sentence says as the activity they name, by their words in lower
    case ("bill payment" = "paying bills": the IVR says "a problem paying bills in the app" for
    "Bill payment problem in the app", R14 #4); templates read it as ``said_as``."""
    fault_said: FaultSaid | None = None
    """A title's pile of nouns as a spoken sentence says it (``f.title_fault``)."""
    counts_each: bool = False
    """Each count of a length in words on its own where ``counts`` has one ("six hours and 20
    minutes", British house style; R14 #5). Without it, a length's counts are words only when
    every one of them has a word ("6 שעות ו-23 דקות", never "שש שעות ו-23 דקות")."""
    units: dict[Literal["minute", "hour", "day"], UnitForms]
    changes: dict[ChangeKindName, str] = Field(default_factory=dict)
    """What changed since the last statement, one sentence per kind (``f.changes[i].sentence``);
    slots ``{new}`` and ``{old}`` (the estimates, as ``when``), ``{services}``, ``{duration}``.
    An empty or missing sentence says nothing: the message's own wording covers that kind."""
    changes_short: dict[ChangeKindName, str] = Field(default_factory=dict)
    """The same, for channels short on room (``f.changes[i].short``); slots as ``when_short``."""
    changes_also: dict[ChangeKindName, str] = Field(default_factory=dict)
    """A change said inside the apology that is there anyway (``f.changes[i].also``), so a
    script apologises once: "and for this late update". No slots; missing says nothing."""
    compensation: CompensationWords
    compensation_voice: CompensationVoiceWords | None = None
    """The compensation in the staff and partner voice; without it those channels use the
    customer's sentence."""
    contact: ContactWords
    lost_email: LostEmailWords = LostEmailWords()
    """What customers are asked about emails lost while email support is down."""
    cases: CaseWords | None = None
    """The words of complaint-case letters; a language without them has no letters."""
    speech: SpeechWords
    """How the IVR says things: the ``[speech]`` table (``crisiscomms.speech.SpeechWords``).
    A language file without one uses the built-in table of its language."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    @model_validator(mode="before")
    @classmethod
    def _speech(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        code = str(data.get("locale", "")).replace("-", "_").split("_")[0].lower()
        table = data.get("speech")
        if isinstance(table, SpeechWords):
            return data
        try:
            words = (speech_words(code) if table is None
                     else SpeechWords.from_mapping(code, table))
        except ValueError as exc:
            raise ValueError(str(exc)) from None
        return {**data, "speech": words}

    @field_validator("status", "status_short", "status_said", "status_line", "severity",
                     "compensation_kind")
    @classmethod
    def _complete(cls, value: dict[str, str], info: object) -> dict[str, str]:
        return _clean_all(value)

    @field_validator("changes", "changes_short", "changes_also")
    @classmethod
    def _change_slots(cls, value: dict[str, str]) -> dict[str, str]:
        for kind, pattern in value.items():
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
            except ValueError as exc:
                raise ValueError(f"{kind}: {exc}") from None
            unknown = names - _CHANGE_SLOTS
            if unknown:
                raise ValueError(f"{kind}: unknown slot {{{sorted(unknown)[0]}}}; a change "
                                 f"sentence may place {{new}}, {{old}}, {{services}}, "
                                 f"{{duration}}")
        return _clean_all(value)


def default_templates_dir() -> Path:
    """The built-in templates: inside the installed package, or beside it in a checkout.

    >>> (default_templates_dir() / "crisiscomms.toml").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


def refuse_unsafe(folder: str | os.PathLike[str], relative: str) -> None:
    """:class:`ConfigError` naming ``folder/relative`` when it is a symlink, a device or FIFO,
    or larger than :data:`~crisiscomms.folder.DATA_FILE_BYTES` (:mod:`crisiscomms.folder`)."""
    reason = problem(folder, relative, limit=DATA_FILE_BYTES,
                     limit_name="the limit for a config, language or rule file")
    if reason is not None:
        raise ConfigError(str(Path(folder) / relative), [Problem("", reason)])


def load_config(folder: str | os.PathLike[str]) -> Config:
    """Read and validate ``crisiscomms.toml`` in a template folder (cached until it changes)."""
    refuse_unsafe(folder, CONFIG_FILE)
    path = Path(folder) / CONFIG_FILE
    return _load_config(str(path), file_stamp(path))


@lru_cache(maxsize=32)
def _load_config(path: str, stamp: int) -> Config:
    if stamp == -1:
        raise ConfigError(path, [Problem("", "config file not found; `crisiscomms init DIR` "
                                              "writes one")])
    data, lines = read_data(path, ConfigError)
    return validate(Config, data, path, ConfigError, lines)


def load_language(folder: str | os.PathLike[str], language: str) -> Language:
    """Read and validate ``<language>/language.toml`` in a template folder (cached)."""
    refuse_unsafe(folder, os.path.join(language, LANGUAGE_FILE))
    path = Path(folder) / language / LANGUAGE_FILE
    return _load_language(str(path), file_stamp(path))


@lru_cache(maxsize=64)
def _load_language(path: str, stamp: int) -> Language:
    if stamp == -1:
        raise ConfigError(path, [Problem("", "language file not found")])
    data, lines = read_data(path, ConfigError)
    return validate(Language, data, path, ConfigError, lines)


_SCAN.done()
