"""The channels: their stable ids, outputs and audiences. Limits live in the config, not here.

>>> CHANNELS["sms"].outputs
('text',)
>>> CHANNELS["talking_points"].internal
True
>>> template_name("email", "subject")
'email.subject.txt'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

__all__ = ["CHANNELS", "Audience", "ChannelSpec", "Output", "template_name"]

Output = Literal["subject", "text", "html", "ssml"]
"""An output of a message: a title line, plain (or Markdown) text, HTML, or SSML for speech."""


class Audience(StrEnum):
    """Who reads a channel. Only staff channels may carry the incident's ``internal`` facts."""

    CUSTOMER = "customer"
    PUBLIC = "public"
    PARTNER = "partner"
    STAFF = "staff"


@dataclass(frozen=True)
class ChannelSpec:
    """What a channel is: its id, its outputs in order, its audience and the text's markup."""

    id: str
    outputs: tuple[Output, ...]
    audience: Audience
    text_format: Literal["plain", "markdown"] = "plain"
    html_document: bool = False
    """True for a full HTML document (email), False for a fragment placed in a page."""

    @property
    def internal(self) -> bool:
        """Whether templates of this channel see the incident's ``internal`` facts."""
        return self.audience is Audience.STAFF

    @property
    def titled(self) -> bool:
        """Whether the channel has a subject, and so an email form."""
        return "subject" in self.outputs


CHANNELS: dict[str, ChannelSpec] = {
    spec.id: spec
    for spec in (
        ChannelSpec("ivr", ("text", "ssml"), Audience.CUSTOMER),
        ChannelSpec("email", ("subject", "text", "html"), Audience.CUSTOMER, html_document=True),
        ChannelSpec("banner", ("text", "html"), Audience.CUSTOMER),
        ChannelSpec("sms", ("text",), Audience.CUSTOMER),
        ChannelSpec("talking_points", ("text", "html"), Audience.STAFF),
    )
}

_SUFFIX: dict[Output, str] = {"subject": "subject.txt", "text": "txt", "html": "html",
                              "ssml": "ssml"}


def template_name(channel: str, output: Output) -> str:
    """The file, inside a language folder, that holds a channel's output template."""
    spec = CHANNELS[channel]
    if output == "text" and spec.text_format == "markdown":
        return f"{channel}.md"
    return f"{channel}.{_SUFFIX[output]}"
