"""The incident: the one typed state every channel's message is rendered from.

Frozen, unknown fields refused, datetimes must carry a UTC offset, text cleaned of bidi controls.
Cross-field rules live on the later field so an error names the field that is wrong.

>>> inc = Incident.model_validate({
...     "id": "INC-1", "status": "investigating", "severity": "minor",
...     "updated_at": "2026-11-22T14:10:00+02:00", "started_at": "2026-11-22T13:05:00+02:00",
...     "next_update_at": "2026-11-22T15:00:00+02:00",
...     "title": {"he": "תקלה", "en": "Outage"}, "impact": {"he": "אין כניסה", "en": "No login"},
...     "services": [{"id": "app", "name": {"he": "האפליקציה", "en": "the app"}}]})
>>> inc.status, inc.eta
(<Status.INVESTIGATING: 'investigating'>, None)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
)

from ._pydantic import PluginScanOff
from .text.bidi import clean_text

_SCAN = PluginScanOff()  # until the end of the module: see crisiscomms._pydantic

from pydantic import RootModel  # noqa: E402  (a model itself, built on first import)

__all__ = [
    "Backlog",
    "Compensation",
    "CompensationBase",
    "CompensationKind",
    "Incident",
    "Internal",
    "Localized",
    "Service",
    "Severity",
    "Status",
    "Update",
]

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")

FIRST_YEAR = 2000
"""The earliest year a date or time of the incident may have."""
LAST_YEAR = 2100
"""The latest year a date or time of the incident may have."""
MAX_OFFSET = dt.timedelta(hours=14)
"""The largest UTC offset any real time zone uses (Pacific/Kiritimati, +14:00)."""
MAX_CONTACTS = 10_000_000
"""The largest contact-centre backlog the model accepts."""


class Status(StrEnum):
    """Where the incident stands."""

    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"


class Severity(StrEnum):
    """How much of the service is hurt; also sets the expected update cadence."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class CompensationKind(StrEnum):
    """What form the compensation takes."""

    VOUCHER = "voucher"
    CREDIT = "credit"
    REFUND = "refund"


class CompensationBase(StrEnum):
    """What the percentage is of."""

    BILL = "bill"
    PURCHASE = "purchase"


def _clean(value: str) -> str:
    cleaned = clean_text(value)
    if not cleaned:
        raise ValueError("must not be empty")
    return cleaned


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Localized(RootModel[dict[str, str]]):
    """A text in several languages: ``{"he": "...", "en": "..."}``.

    >>> Localized.model_validate({"he": "שלום", "en": "hello"})["en"]
    'hello'
    """

    model_config = ConfigDict(frozen=True)
    max_length: ClassVar[int] = 2000

    @field_validator("root")
    @classmethod
    def _check(cls, value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError("needs a text in at least one language")
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not LANGUAGE_RE.match(lang):
                raise ValueError(f"{lang!r} is not a language code such as 'he' or 'en'")
            try:
                out[lang] = _clean(text)
            except ValueError as exc:
                raise ValueError(f"[{lang}] {exc}") from None
            limit = cls.max_length
            if len(out[lang]) > limit:
                raise ValueError(f"[{lang}] is {len(out[lang])} characters; at most {limit}")
        return out

    def __getitem__(self, lang: str) -> str:
        text = self.get(lang)
        if text is None:
            raise KeyError(lang)
        return text

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or None. A language with a region (``en-GB``, a template
        folder of its own) takes the text of its base language (``en``): incidents carry
        texts by language, never by region (docs/languages.md).

        >>> Localized.model_validate({"en": "hello"}).get("en-GB")
        'hello'
        """
        text = self.root.get(lang)
        if text is None and "-" in lang:
            text = self.root.get(lang.split("-", 1)[0])
        return text

    def languages(self) -> frozenset[str]:
        """The languages this text exists in."""
        return frozenset(self.root)


class ShortText(Localized):
    """A title or a service name: at most 120 characters per language."""

    max_length: ClassVar[int] = 120


class LongText(Localized):
    """An impact, workaround, action, note or internal text: at most 600 characters a language."""

    max_length: ClassVar[int] = 600


class SmsText(Localized):
    """A short form for the SMS (``workaround_short``): at most 60 characters a language."""

    max_length: ClassVar[int] = 60

class ServiceShort(Localized):
    """A service's short name for the SMS (``services[].short``): at most 20 characters a
    language."""

    max_length: ClassVar[int] = 20


Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,64}$")]

_MOMENT_WORDS = "a date and time with a UTC offset, e.g. 2026-11-22T14:10:00+02:00"


def _not_a_number(value: object) -> object:
    # Pydantic would read a number as seconds since 1970: a typo, never what a team means.
    if isinstance(value, bool | int | float):
        raise ValueError(f"expected {_MOMENT_WORDS}, not the number {value!r}")
    return value


def _in_range(value: dt.datetime) -> dt.datetime:
    offset = value.utcoffset() or dt.timedelta()
    if abs(offset) > MAX_OFFSET:
        raise ValueError(f"the UTC offset {value.isoformat()[19:]} is beyond the ±14:00 any "
                         "real time zone uses")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year {value.year} is outside {FIRST_YEAR}..{LAST_YEAR}")
    return value


def _day_in_range(value: dt.date) -> dt.date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year {value.year} is outside {FIRST_YEAR}..{LAST_YEAR}")
    return value


def _not_a_day_number(value: object) -> object:
    if isinstance(value, bool | int | float):
        raise ValueError(f"expected a date such as 2026-12-31, not the number {value!r}")
    return value


Moment = Annotated[AwareDatetime, BeforeValidator(_not_a_number), AfterValidator(_in_range)]
"""A moment: a date and time with its UTC offset (at most ±14:00), in the years 2000..2100."""
Day = Annotated[dt.date, BeforeValidator(_not_a_day_number), AfterValidator(_day_in_range)]
"""A calendar date in the years 2000..2100."""


class Service(_Frozen):
    """An affected service."""

    id: Identifier = Field(description="A short name for the service, unique in the incident: "
                           "letters, digits, `.`, `_`, `-`.", examples=["app"])
    name: ShortText = Field(description="The service's name as customers know it, per language.",
                            examples=[{"he": "האפליקציה", "en": "the app"}])
    short: ServiceShort | None = Field(
        None, description="The service's name in a word or two, for the services named in "
                          "the SMS and in the banner's and social post's shortest wordings (at "
                          "most 20 characters a language; in every language, as `name`); "
                          "without it they say `name`. It still says what it is out of context "
                          "and keeps the article `name` has (\"the online account\"; a call "
                          "centre is ru \"колл-центр\", not \"телефон\", which reads as the "
                          "customer's own phone service).",
        examples=[{"he": "האזור האישי", "en": "the online account"}])


class Compensation(_Frozen):
    """What customers get for the trouble, as a percentage of the purchase or monthly bill."""

    percent: Annotated[int, Field(strict=True, ge=1, le=100)] = Field(
        description="How much, as a whole percentage (`true` or `\"10\"` is refused).",
        examples=[10])
    kind: CompensationKind = Field(description="The form the compensation takes.",
                                   examples=["credit"])
    of: CompensationBase = Field(CompensationBase.BILL,
                                 description="What the percentage is of: the monthly bill "
                                             "(default) or the purchase.",
                                 examples=["bill"])
    valid_until: Day | None = Field(None, description="The last day it can be used.",
                                    examples=["2026-12-31"])


class Update(_Frozen):
    """One entry of the public timeline."""

    at: Moment = Field(description="When this update was published.",
                       examples=["2026-11-22T13:20:00+02:00"])
    status: Status = Field(description="The status the update announced.",
                           examples=["investigating"])
    note: LongText = Field(description="What the update said, per language.",
                           examples=[{"he": "אנחנו בודקים", "en": "We are looking into it"}])


class Backlog(_Frozen):
    """The contact centre's queue: how many contacts wait and since when."""

    open_contacts: Annotated[int, Field(strict=True, ge=0, le=MAX_CONTACTS)] = Field(
        description="How many calls, chats and e-mails wait for an answer (a whole number).",
        examples=[340])
    oldest_open_at: Moment | None = Field(None, description="Since when the oldest one waits.",
                                          examples=["2026-11-22T13:10:00+02:00"])


class Internal(_Frozen):
    """Staff-only facts; never reach a customer channel."""

    cause: LongText | None = Field(None, description="What broke, for staff.",
                                   examples=[{"he": "תקלה בשרת", "en": "A database failover"}])
    priority: LongText | None = Field(None, description="What staff should do first.",
                                      examples=[{"he": "לענות לצ'אט", "en": "Answer chats first"}])
    backlog: Backlog | None = Field(None, description="The contact centre's queue.")


class Incident(_Frozen):
    """The incident file of CONTRACT section 3.

    ``updated_at`` is "now" for rendering and for every time check. :attr:`source` names the
    file it was read from, so a problem found later (a language missing at render time) names
    the file too.
    """

    _source: str | None = PrivateAttr(default=None)

    id: Identifier = Field(description="The incident's reference: letters, digits, `.`, `_`, "
                           "`-`.", examples=["INC-2026-1122"])
    status: Status = Field(description="Where the incident stands.", examples=["identified"])
    severity: Severity = Field(description="How much of the service is hurt; sets the expected "
                               "update cadence.", examples=["major"])
    updated_at: Moment = Field(description="When this statement is made: \"now\" for every "
                               "time in the messages.", examples=["2026-11-22T14:10:00+02:00"])
    started_at: Moment = Field(description="When the outage began; not after `updated_at`.",
                               examples=["2026-11-22T13:05:00+02:00"])
    eta: Moment | None = Field(None, description="When service is expected back; not before "
                               "`started_at`.", examples=["2026-11-22T16:00:00+02:00"])
    next_update_at: Moment | None = Field(
        default=None, validate_default=True,
        description="When the next update comes; required unless resolved, not before "
                    "`updated_at`.", examples=["2026-11-22T15:00:00+02:00"])
    resolved_at: Moment | None = Field(
        default=None, validate_default=True,
        description="When service came back; required when resolved and only then, between "
                    "`started_at` and `updated_at`.", examples=["2026-11-22T15:40:00+02:00"])
    title: ShortText = Field(description="A short headline, per language.",
                             examples=[{"he": "תקלה בכניסה לאפליקציה",
                                        "en": "Trouble signing in to the app"}])
    impact: LongText = Field(description="What customers cannot do, per language.",
                             examples=[{"he": "לא ניתן להתחבר", "en": "You cannot sign in"}])
    services: Annotated[tuple[Service, ...], Field(min_length=1, max_length=20)] = Field(
        description="The services affected, each with a unique `id`.")
    workaround: LongText | None = Field(None, description="What customers can do meanwhile.",
                                        examples=[{"he": "אפשר להיכנס דרך האתר",
                                                   "en": "You can sign in on the website"}])
    workaround_short: SmsText | None = Field(
        None, description="The workaround in a few words, for the SMS when the whole "
                          "`workaround` does not fit (without it the SMS drops the workaround); "
                          "unused without `workaround`.",
        examples=[{"he": "אפשר לשלם ב-SMS למספר 2040", "en": "Pay by texting PAY to 2040"}])
    customer_action: LongText | None = Field(
        None, description="What customers must do, if anything.",
        examples=[{"he": "אין צורך לעשות דבר", "en": "You need not do anything"}])
    customer_action_short: SmsText | None = Field(
        None, description="The customer action in a few words, for the SMS when the whole "
                          "`customer_action` does not fit; unused without `customer_action`.",
        examples=[{"he": "אין צורך לשלם שוב", "en": "Please do not pay again"}])
    compensation: Compensation | None = Field(None, description="What customers get for the "
                                              "trouble.")
    updates: Annotated[tuple[Update, ...], Field(max_length=50)] = Field(
        (), description="The public timeline so far, oldest first, none later than "
                        "`updated_at`.")
    internal: Internal | None = Field(None, description="Staff-only facts: never reach a "
                                      "customer channel.")

    @field_validator("started_at")
    @classmethod
    def _started_not_after_update(cls, value: dt.datetime, info: ValidationInfo) -> dt.datetime:
        updated = info.data.get("updated_at")
        if updated is not None and value > updated:
            raise ValueError(f"must not be after updated_at ({updated.isoformat()})")
        return value

    @field_validator("eta")
    @classmethod
    def _eta_after_start(cls, value: dt.datetime | None,
                         info: ValidationInfo) -> dt.datetime | None:
        started = info.data.get("started_at")
        if value is not None and started is not None and value < started:
            raise ValueError(f"must not be before started_at ({started.isoformat()})")
        return value

    @field_validator("next_update_at")
    @classmethod
    def _next_update(cls, value: dt.datetime | None, info: ValidationInfo) -> dt.datetime | None:
        status = info.data.get("status")
        updated = info.data.get("updated_at")
        if value is None and status is not None and status != Status.RESOLVED:
            raise ValueError(f"is required while status is {status.value}: say when the next "
                             "update comes")
        if value is not None and updated is not None and value < updated:
            raise ValueError(f"must not be earlier than updated_at ({updated.isoformat()})")
        return value

    @field_validator("resolved_at")
    @classmethod
    def _resolved(cls, value: dt.datetime | None, info: ValidationInfo) -> dt.datetime | None:
        status = info.data.get("status")
        if status == Status.RESOLVED and value is None:
            raise ValueError("is required when status is resolved")
        if value is not None and status is not None and status != Status.RESOLVED:
            raise ValueError(f"must be empty while status is {status.value}")
        started = info.data.get("started_at")
        if value is not None and started is not None and value < started:
            raise ValueError(f"must not be before started_at ({started.isoformat()})")
        updated = info.data.get("updated_at")
        if value is not None and updated is not None and value > updated:
            raise ValueError(f"must not be after updated_at ({updated.isoformat()})")
        return value

    @field_validator("services")
    @classmethod
    def _unique_services(cls, value: tuple[Service, ...]) -> tuple[Service, ...]:
        seen: set[str] = set()
        for service in value:
            if service.id in seen:
                raise ValueError(f"service id {service.id!r} appears twice")
            seen.add(service.id)
        return value

    @field_validator("updates")
    @classmethod
    def _updates_in_order(cls, value: tuple[Update, ...],
                          info: ValidationInfo) -> tuple[Update, ...]:
        updated = info.data.get("updated_at")
        for earlier, later in pairwise(value):
            if later.at < earlier.at:
                raise ValueError("must be oldest first")
        if updated is not None and value and value[-1].at > updated:
            raise ValueError(f"must not be later than updated_at ({updated.isoformat()})")
        return value

    @property
    def source(self) -> str | None:
        """The file this incident was read from, when it was read from one.

        >>> Incident.model_validate_json(EXAMPLE_JSON).source is None
        True
        """
        return self._source

    def __eq__(self, other: object) -> bool:
        # The same facts are the same incident, whichever file (if any) they came from.
        if not isinstance(other, Incident):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def from_file(self, file: str | None) -> Incident:
        """This incident, remembering ``file`` as its :attr:`source` (a copy; the model is
        frozen)."""
        if file is None or file == self._source:
            return self
        copied = self.model_copy()
        copied._source = file
        return copied

    def texts(self) -> Mapping[str, Localized]:
        """Every customer-facing localized text by its field path, for language checks.

        >>> sorted(Incident.model_validate_json(EXAMPLE_JSON).texts())[:2]
        ['impact', 'services[0].name']
        """
        found: dict[str, Localized] = {"title": self.title, "impact": self.impact}
        for i, service in enumerate(self.services):
            found[f"services[{i}].name"] = service.name
            if service.short is not None:
                found[f"services[{i}].short"] = service.short
        if self.workaround is not None:
            found["workaround"] = self.workaround
        if self.workaround_short is not None:
            found["workaround_short"] = self.workaround_short
        if self.customer_action is not None:
            found["customer_action"] = self.customer_action
        if self.customer_action_short is not None:
            found["customer_action_short"] = self.customer_action_short
        for i, update in enumerate(self.updates):
            found[f"updates[{i}].note"] = update.note
        return found

    def internal_texts(self) -> Mapping[str, Localized]:
        """The staff-only texts by field path."""
        found: dict[str, Localized] = {}
        if self.internal is not None:
            if self.internal.cause is not None:
                found["internal.cause"] = self.internal.cause
            if self.internal.priority is not None:
                found["internal.priority"] = self.internal.priority
        return found


EXAMPLE_JSON = """{"id": "INC-1", "status": "investigating", "severity": "minor",
"updated_at": "2026-11-22T14:10:00+02:00", "started_at": "2026-11-22T13:05:00+02:00",
"next_update_at": "2026-11-22T15:00:00+02:00", "title": {"he": "תקלה", "en": "Outage"},
"impact": {"he": "אין כניסה", "en": "No login"},
"services": [{"id": "app", "name": {"he": "האפליקציה", "en": "the app"}}]}"""


_SCAN.done()
