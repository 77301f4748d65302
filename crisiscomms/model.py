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
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    ValidationInfo,
    field_validator,
)

from .text.bidi import clean_text

__all__ = [
    "Backlog",
    "Compensation",
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
        return self.root[lang]

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, or None."""
        return self.root.get(lang)

    def languages(self) -> frozenset[str]:
        """The languages this text exists in."""
        return frozenset(self.root)


class ShortText(Localized):
    """A title or a service name: at most 120 characters per language."""

    max_length: ClassVar[int] = 120


class LongText(Localized):
    """An impact, workaround, action, note or internal text: at most 600 characters a language."""

    max_length: ClassVar[int] = 600

Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,64}$")]


class Service(_Frozen):
    """An affected service."""

    id: Identifier
    name: ShortText


class Compensation(_Frozen):
    """What customers get for the trouble, as a percentage of the purchase or monthly bill."""

    percent: Annotated[int, Field(ge=1, le=100)]
    kind: CompensationKind
    valid_until: dt.date | None = None


class Update(_Frozen):
    """One entry of the public timeline."""

    at: AwareDatetime
    status: Status
    note: LongText


class Backlog(_Frozen):
    """The contact centre's queue: how many contacts wait and since when."""

    open_contacts: Annotated[int, Field(ge=0)]
    oldest_open_at: AwareDatetime | None = None


class Internal(_Frozen):
    """Staff-only facts; never reach a customer channel."""

    cause: LongText | None = None
    priority: LongText | None = None
    backlog: Backlog | None = None


class Incident(_Frozen):
    """The incident file of CONTRACT section 3.

    ``updated_at`` is "now" for rendering and for every time check.
    """

    id: Identifier
    status: Status
    severity: Severity
    updated_at: AwareDatetime
    started_at: AwareDatetime
    eta: AwareDatetime | None = None
    next_update_at: AwareDatetime | None = Field(default=None, validate_default=True)
    resolved_at: AwareDatetime | None = Field(default=None, validate_default=True)
    title: ShortText
    impact: LongText
    services: Annotated[tuple[Service, ...], Field(min_length=1, max_length=20)]
    workaround: LongText | None = None
    customer_action: LongText | None = None
    compensation: Compensation | None = None
    updates: Annotated[tuple[Update, ...], Field(max_length=50)] = ()
    internal: Internal | None = None

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

    def texts(self) -> Mapping[str, Localized]:
        """Every customer-facing localized text by its field path, for language checks.

        >>> sorted(Incident.model_validate_json(EXAMPLE_JSON).texts())[:2]
        ['impact', 'services[0].name']
        """
        found: dict[str, Localized] = {"title": self.title, "impact": self.impact}
        for i, service in enumerate(self.services):
            found[f"services[{i}].name"] = service.name
        if self.workaround is not None:
            found["workaround"] = self.workaround
        if self.customer_action is not None:
            found["customer_action"] = self.customer_action
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
