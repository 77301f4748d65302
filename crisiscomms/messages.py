"""Messages: what rendering gives, one per (language, channel), and the bundle that holds them.

A :class:`Message` is plain data (outputs, counts, the sender and time it speaks for); a
:class:`Bundle` holds every message of one incident and runs the checks the first time its
findings are read. Nothing here renders or checks: it is the hand-off between the two.

>>> m = Message(language="en", channel="sms", text="Service is back.")
>>> m.outputs()
{'text': 'Service is back.'}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import escape

from .channels import CHANNELS
from .findings import Finding
from .model import Incident
from .text.bidi import strip_controls

if TYPE_CHECKING:
    from email.message import EmailMessage

__all__ = ["Bundle", "Message", "html_wrap"]


@dataclass(frozen=True)
class Message:
    """One channel's message in one language.

    ``text`` is always there; ``subject``, ``html`` and ``ssml`` where the channel has them.
    ``stats`` holds the counts that fit the channel (characters, SMS encoding and segments,
    estimated seconds of speech).

    ``placed`` is the set of facts the templates placed, by path (``next_update.time``,
    ``eta.time``, ``service_list[0]``, ``status_label``), recorded while rendering from what
    each template read: the checks of required facts and of audiences read it, so incident
    text can neither stand in for a fact nor be mistaken for one. A phrase counts for the facts
    it states (``next_update.when`` places ``next_update.time``). ``placed_in`` is the same
    per output (``subject``, ``text``, ``html``, ``ssml``).

    >>> from crisiscomms.samples import load_example
    >>> from crisiscomms.render import render
    >>> sms = render(load_example("identified"), languages=["en"], channels=["sms"])["en", "sms"]
    >>> "next_update.time" in sms.placed, "internal.cause" in sms.placed
    (True, False)
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
    placed: frozenset[str] = frozenset()
    placed_in: Mapping[str, frozenset[str]] = field(default_factory=dict)
    direction: Literal["rtl", "ltr"] = "ltr"
    """The language's writing direction, as its ``language.toml`` says."""

    def outputs(self) -> dict[str, str]:
        """The outputs this message has, by name (``subject``, ``text``, ``html``, ``ssml``)."""
        found = {"subject": self.subject, "text": self.text, "html": self.html,
                 "ssml": self.ssml}
        return {k: v for k, v in found.items() if v is not None}

    def as_email_message(self, sender: str | None = None, to: str | None = None) -> EmailMessage:
        """A ready ``multipart/alternative`` email: UTF-8, ``Auto-Submitted: auto-replied``
        (RFC 3834) and ``Content-Language``. Only for channels with a subject.

        >>> from crisiscomms.samples import load_example
        >>> from crisiscomms.render import render
        >>> msg = render(load_example("identified"), channels=["email"])["he", "email"]
        >>> email = msg.as_email_message(to="customer@example.com")
        >>> email["Auto-Submitted"], email.get_content_type()
        ('auto-replied', 'multipart/alternative')
        """
        if self.subject is None:
            raise ValueError(f"channel {self.channel!r} has no subject, so no email form")
        # Imported here: the email package costs a cold start that never builds an email.
        from email.message import EmailMessage
        from email.utils import format_datetime

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
                html = html_wrap(html, self.language, self.direction, self.subject, True)
            email.add_alternative(html, subtype="html", charset="utf-8")
        # After add_alternative: it moves every Content-* header into the first part.
        email["Content-Language"] = self.language
        return email


@dataclass(frozen=True)
class Bundle:
    """Every message rendered from one incident, by ``(language, channel)``, plus the findings
    of the checks run on them.

    >>> from crisiscomms.samples import load_example
    >>> from crisiscomms.render import render
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


def html_wrap(body: str, lang: str, direction: str, subject: str | None, document: bool) -> str:
    """An HTML body in its container: a ``<div lang dir>`` fragment for a page, or a whole
    document (with the subject as its title) for email."""
    if not document:
        return f'<div lang="{lang}" dir="{direction}">\n{body}\n</div>'
    title = escape(strip_controls(subject or ""))
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f'<body dir="{direction}">\n{body}\n</body>\n</html>')
