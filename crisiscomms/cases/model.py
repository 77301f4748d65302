"""The complaint case of CONTRACT section 9: one customer's complaint, owned by one rep from
receipt to resolution (seed 002).

Frozen, unknown fields refused, every datetime aware, text cleaned of bidi controls, as for
incidents. The rules that tie fields together (events in order and none before receipt, a
resolution once resolved and only then, a voucher valid after the resolution, every text in
the case's language) are checked together after the fields, each naming its own field path.

>>> case = Case.model_validate(EXAMPLE)
>>> case.language, case.received_via, case.resolved_event is None
('he', <Channel.FAX: 'fax'>, True)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..errors import Problem
from ..loading import CROSS_FIELD
from ..model import (
    CompensationKind,
    Day,
    Identifier,
    Localized,
    LongText,
    Moment,
    ShortText,
    _clean,
    _Frozen,
)

__all__ = [
    "AddressText",
    "Case",
    "CaseCompensation",
    "Channel",
    "Customer",
    "Event",
    "EventKind",
    "Outcome",
    "Owner",
    "Purchase",
    "Resolution",
    "Title",
    "case_problems",
    "form_in",
    "written_in",
]

MAX_EVENTS = 200
"""The most events one case holds."""

PHONE = r"^[*+]?[0-9][0-9 -]{1,20}$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Channel(StrEnum):
    """How a complaint reached us, or how we reached the customer."""

    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    LETTER = "letter"
    FAX = "fax"
    STORE = "store"


class EventKind(StrEnum):
    """What happened on the case."""

    ACKNOWLEDGED = "acknowledged"
    CONTACTED_PARTY = "contacted_party"
    PROGRESS_UPDATE = "progress_update"
    CUSTOMER_CONTACTED = "customer_contacted"
    RESOLVED = "resolved"


CONTACTS = frozenset({EventKind.ACKNOWLEDGED, EventKind.PROGRESS_UPDATE,
                      EventKind.CUSTOMER_CONTACTED})
"""The events that are a contact with the customer: each restarts the update clock."""


class Outcome(StrEnum):
    """Whether the complaint was justified (seed 001: the measure that matters)."""

    JUSTIFIED = "justified"
    PARTLY_JUSTIFIED = "partly_justified"
    NOT_JUSTIFIED = "not_justified"


class Title(StrEnum):
    """How a letter in English addresses the customer: "Dear Mr Marcus" (British, no full
    stop). The words are each language's own (``[cases.title]`` of ``language.toml``)."""

    MR = "mr"
    MRS = "mrs"
    MS = "ms"
    MISS = "miss"
    DR = "dr"


class AddressText(Localized):
    """A postal address per language: at most 300 characters a language."""

    max_length: ClassVar[int] = 300


def _script(char: str) -> str:
    """The Unicode script of a letter, from its character name ("HEBREW", "LATIN").

    >>> _script("א"), _script("é"), _script("Ж")
    ('HEBREW', 'LATIN', 'CYRILLIC')
    """
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def written_in(text: str, scripts: Collection[str]) -> bool:
    """Whether every letter of ``text`` is in one of ``scripts`` (no scripts: any text).

    >>> written_in("Avi Mizrahi", ("LATIN",)), written_in("אבי מזרחי", ("LATIN",))
    (True, False)
    """
    return not scripts or all(_script(c) in scripts for c in text if c.isalpha())


def form_in(value: str | Localized | None, lang: str,
            scripts: Collection[str] = ()) -> str | None:
    """The form of a name or address a letter in ``lang`` uses: the one given for ``lang``;
    else the one form (a plain string) or another language's form written in one of
    ``scripts``, the letters the language writes a name in; else None.

    >>> names = ShortText({"he": "אבי מזרחי", "en": "Avi Mizrahi"})
    >>> form_in(names, "en", ("LATIN",)), form_in("אבי מזרחי", "en", ("LATIN",))
    ('Avi Mizrahi', None)
    >>> form_in(ShortText({"en": "Avi Mizrahi"}), "he", ("HEBREW", "LATIN"))
    'Avi Mizrahi'
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value if written_in(value, scripts) else None
    given = value.get(lang)
    if given is not None:
        return given
    return next((v for v in value.root.values() if written_in(v, scripts)), None)


class Customer(_Frozen):
    """Who complained: a name and at least one way to reach them.

    The name, surname and address are each one string (as written, in whatever script) or
    a form per language (``{he: "אבי מזרחי", en: "Avi Mizrahi"}``): a letter uses the form in
    its own language, else one written in a script its language reads (:func:`form_in`),
    else greets without the name and leaves the address out (``case check`` warns)."""

    name: Annotated[str, Field(min_length=1, max_length=120)] | ShortText = Field(
        description="The customer's full name, as the letters' address block gives it: one "
        "string, or a form per language (a Latin form for letters in English).",
        examples=["דנה לוי", {"he": "אבי מזרחי", "en": "Avi Mizrahi"}])
    title: Title | None = Field(
        None, description="How a letter greets the customer with the surname ('Dear Mr "
        "Marcus'); without it the greeting uses the full name ('Dear Daniel Marcus').",
        examples=["mr"])
    surname: Annotated[str, Field(min_length=1, max_length=80)] | ShortText | None = Field(
        None, description="The family name the greeting uses with the title (default: the "
        "name's last word; give it for a name such as 'Yossi Ben David'); one string or a "
        "form per language.",
        examples=["Marcus"])
    email: Annotated[str, Field(pattern=EMAIL, max_length=254)] | None = Field(
        None, description="An e-mail address.", examples=["dana@example.com"])
    phone: Annotated[str, Field(pattern=PHONE)] | None = Field(
        None, description="A phone number.", examples=["054-1234567"])
    address: Annotated[str, Field(min_length=1, max_length=300)] | AddressText | None = Field(
        None, description="A postal address, for a letter: one string or a form per language.",
        examples=["הרצל 1, חיפה"])

    @model_validator(mode="before")
    @classmethod
    def _cleaned(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {k: _clean(v) if isinstance(v, str) and k in ("name", "surname", "address")
                    else v
                    for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _reachable(self) -> Customer:
        if self.email is None and self.phone is None and self.address is None:
            raise ValueError("needs at least one way to reach the customer: email, phone or "
                             "address")
        return self

    def name_in(self, lang: str, scripts: Collection[str] = ()) -> str | None:
        """The name a letter in ``lang`` gives (:func:`form_in`), or None."""
        return form_in(self.name, lang, scripts)

    def family_name_in(self, lang: str, scripts: Collection[str] = ()) -> str | None:
        """The surname a letter in ``lang`` greets with: :attr:`surname`'s form, else the
        last word of the name's form.

        >>> c = Customer(name={"he": "יוסי בן דוד", "en": "Yossi Ben David"},
        ...              surname={"en": "Ben David"}, email="y@example.com")
        >>> c.family_name_in("en", ("LATIN",)), c.family_name_in("he", ("HEBREW",))
        ('Ben David', 'דוד')
        """
        surname = form_in(self.surname, lang, scripts)
        if surname is not None:
            return surname
        name = self.name_in(lang, scripts)
        return None if name is None else name.split()[-1]

    def address_in(self, lang: str, scripts: Collection[str] = ()) -> str | None:
        """The address a letter in ``lang`` gives (:func:`form_in`), or None."""
        return form_in(self.address, lang, scripts)

    @property
    def family_name(self) -> str:
        """The surname the greeting uses: :attr:`surname`, else the name's last word (the
        first form given, when they are per language).

        >>> Customer(name="Daniel Marcus", email="d@example.com").family_name
        'Marcus'
        """
        def first(value: str | Localized) -> str:
            return value if isinstance(value, str) else next(iter(value.root.values()))

        return first(self.surname) if self.surname is not None \
            else first(self.name).split()[-1]


class Owner(_Frozen):
    """The one rep who owns the case from start to end (seed 002)."""

    name: ShortText = Field(description="The rep's name, per language.",
                            examples=[{"he": "מיכל כהן", "en": "Michal Cohen"}])
    phone: Annotated[str, Field(pattern=PHONE)] = Field(
        description="The rep's direct phone.", examples=["03-7654321"])


class Purchase(_Frozen):
    """What the customer bought: compensation is a percentage of it."""

    amount: Annotated[float, Field(gt=0, le=100_000_000)] = Field(
        description="The price paid.", examples=[2400])
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = Field(
        description="ISO 4217 code.", examples=["ILS"])
    date: Day = Field(description="When it was bought.", examples=["2026-11-10"])
    where: ShortText | None = Field(None, description="The branch or shop, per language.",
                                    examples=[{"he": "סניף חיפה", "en": "the Haifa branch"}])


class Event(_Frozen):
    """One step of the case, oldest first."""

    at: Moment = Field(description="When it happened.",
                       examples=["2026-11-26T17:20:00+02:00"])
    kind: EventKind = Field(description="What happened.", examples=["acknowledged"])
    via: Channel | None = Field(None, description="How we reached the customer (for contacts).",
                                examples=["phone"])
    party: ShortText | None = Field(
        None, description="Who else was involved (contacted_party), per language.",
        examples=[{"he": "חברת ההובלה", "en": "the delivery company"}])
    note: LongText | None = Field(None, description="What was done, per language.")
    by: ShortText | None = Field(
        None, description="The rep who acted, when not the owner (a change is a warning).")


class CaseCompensation(_Frozen):
    """Compensation for a wronged customer: a share of the purchase, for a limited time."""

    percent: Annotated[int, Field(strict=True, ge=1, le=100)] = Field(
        description="How much, as a whole percentage.", examples=[10])
    of: Literal["purchase"] = Field("purchase", description="What the percentage is of.")
    kind: CompensationKind = Field(description="The form it takes.", examples=["voucher"])
    valid_until: Day = Field(description="The last day it can be used; after the resolution.",
                             examples=["2027-02-28"])
    where: ShortText | None = Field(
        None, description="Where it can be used, per language (default: where the purchase was "
                          "made).", examples=[{"he": "בכל סניפי הרשת", "en": "at any branch"}])


class Resolution(_Frozen):
    """How the case ended."""

    outcome: Outcome = Field(description="Whether the complaint was justified.")
    summary: LongText = Field(description="The outcome in plain words, per language.")
    compensation: CaseCompensation | None = Field(None, description="Where the customer was "
                                                  "wronged.")


class Case(_Frozen):
    """The case file of CONTRACT section 9; :attr:`source` names the file it came from."""

    _source: str | None = PrivateAttr(default=None)

    id: Identifier = Field(description="The case reference.", examples=["CASE-1042"])
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] = Field(
        description="The customer's language: the letters are written in it.", examples=["he"])
    customer: Customer
    received_at: Moment = Field(description="When the complaint arrived.")
    received_via: Channel = Field(description="How it arrived.", examples=["fax"])
    owner: Owner
    subject: LongText = Field(description="The complaint in a sentence, at least in the case's "
                              "language.")
    incident: Identifier | None = Field(None, description="The outage behind it, if any.")
    purchase: Purchase | None = None
    events: Annotated[tuple[Event, ...], Field(max_length=MAX_EVENTS)] = ()
    next_step: LongText | None = Field(
        None, description="What happens next, per language: the progress letter says it.")
    resolution: Resolution | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        problems = case_problems(self)
        if problems:
            # One error per problem at its own field, so every reader of Pydantic's errors
            # (the loader, the preview's form) names the field and its line.
            raise ValidationError.from_exception_data(type(self).__name__, [
                InitErrorDetails(type=PydanticCustomError(CROSS_FIELD, "{message}",
                                                          {"message": p.message}),
                                 loc=path_steps(p.path), input=None)
                for p in problems])
        return self

    @property
    def source(self) -> str | None:
        """The file this case was read from, when it was read from one."""
        return self._source

    def from_file(self, file: str | None) -> Case:
        """This case, remembering ``file`` as its :attr:`source` (a copy)."""
        if file is None or file == self._source:
            return self
        copied = self.model_copy()
        copied._source = file
        return copied

    @property
    def resolved_event(self) -> Event | None:
        """The event that resolved the case, if any."""
        return next((e for e in self.events if e.kind is EventKind.RESOLVED), None)

    @property
    def resolved(self) -> bool:
        """Whether the case is closed."""
        return self.resolved_event is not None

    @property
    def acknowledged_event(self) -> Event | None:
        """The first acknowledgement, if any."""
        return next((e for e in self.events if e.kind is EventKind.ACKNOWLEDGED), None)

    def texts(self) -> Mapping[str, Localized]:
        """Every localized text by field path, for the language check."""
        found: dict[str, Localized] = {"owner.name": self.owner.name, "subject": self.subject}
        if self.next_step is not None:
            found["next_step"] = self.next_step
        if self.purchase is not None and self.purchase.where is not None:
            found["purchase.where"] = self.purchase.where
        for i, event in enumerate(self.events):
            for name in ("party", "note", "by"):
                value = getattr(event, name)
                if value is not None:
                    found[f"events[{i}].{name}"] = value
        if self.resolution is not None:
            found["resolution.summary"] = self.resolution.summary
            comp = self.resolution.compensation
            if comp is not None and comp.where is not None:
                found["resolution.compensation.where"] = comp.where
        return found


def case_problems(case: Case) -> list[Problem]:
    """Every rule that ties a case's fields together, broken, each with its field path."""
    problems: list[Problem] = []
    previous: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    for i, event in enumerate(case.events):
        if event.at < case.received_at:
            problems.append(Problem(f"events[{i}].at", "must not be before received_at "
                                    f"({case.received_at.isoformat()})"))
        elif previous is not None and event.at < previous:
            problems.append(Problem(f"events[{i}].at", "events must be oldest first; this one "
                                    f"is before the one above it ({previous.isoformat()})"))
        previous = event.at
        if resolved_at is not None:
            problems.append(Problem(f"events[{i}]", "no event may follow the one that resolved "
                                    "the case"))
        if event.kind is EventKind.RESOLVED:
            resolved_at = event.at
        if event.kind is EventKind.CONTACTED_PARTY and event.party is None:
            problems.append(Problem(f"events[{i}].party", "required for contacted_party: say "
                                    "who else was involved"))
    if resolved_at is not None and case.resolution is None:
        problems.append(Problem("resolution", "required once the case is resolved: the outcome "
                                "and its summary"))
    if resolved_at is None and case.resolution is not None:
        problems.append(Problem("resolution", "must be empty until an event of kind resolved "
                                "closes the case"))
    comp = case.resolution.compensation if case.resolution is not None else None
    if comp is not None:
        if resolved_at is not None and comp.valid_until < resolved_at.date():
            problems.append(Problem("resolution.compensation.valid_until", "must not be before "
                                    f"the resolution ({resolved_at.date().isoformat()})"))
        if case.purchase is None:
            problems.append(Problem("resolution.compensation.of", "is a share of the purchase: "
                                    "the case needs a purchase"))
    for path, text in case.texts().items():
        if text.get(case.language) is None:
            problems.append(Problem(f"{path}.{case.language}", "missing text in the case's "
                                    f"language {case.language!r}"))
    return problems


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_steps(path: str) -> tuple[str | int, ...]:
    """A field path as the steps of a location: ``events[2].at`` -> ``('events', 2, 'at')``.

    >>> path_steps("events[2].at")
    ('events', 2, 'at')
    """
    return tuple(int(m.group(2)) if m.group(2) else m.group(1) for m in _STEP.finditer(path))


EXAMPLE: dict[str, Any] = {
    "id": "CASE-1", "language": "he",
    "customer": {"name": "דנה לוי", "phone": "054-1234567"},
    "received_at": "2026-11-26T16:40:00+02:00", "received_via": "fax",
    "owner": {"name": {"he": "מיכל כהן"}, "phone": "03-7654321"},
    "subject": {"he": "המקרר הגיע פגום"},
}
