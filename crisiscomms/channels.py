"""The channels: their stable ids, outputs and audiences. Limits live in the config, not here.

>>> CHANNELS["sms"].outputs
('text',)
>>> CHANNELS["talking_points"].internal
True
>>> CHANNELS["partners"].sees("priority"), CHANNELS["partners"].sees("internal")
(True, False)
>>> template_name("email", "subject")
'email.subject.txt'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Literal

__all__ = ["CHANNELS", "RESTRICTED_FACTS", "Audience", "ChannelSpec", "Output", "template_name"]

Output = Literal["subject", "text", "html", "ssml"]
"""An output of a message: a title line, plain (or Markdown) text, HTML, or SSML for speech."""


class Audience(StrEnum):
    """Who reads a channel. Only staff channels may carry the incident's ``internal`` facts."""

    CUSTOMER = "customer"
    PUBLIC = "public"
    PARTNER = "partner"
    STAFF = "staff"


RESTRICTED_FACTS: dict[str, frozenset[Audience]] = {
    # Cause and backlog: staff only (reps and management).
    "internal": frozenset({Audience.STAFF}),
    # The priority policy (``internal.priority``, repeated as a top-level fact): staff, and the
    # agents and resellers who must explain it to their clients (seed 000, point 2).
    "priority": frozenset({Audience.STAFF, Audience.PARTNER}),
}
"""Top-level facts only some audiences see; every other fact is for everyone."""


@dataclass(frozen=True)
class ChannelSpec:
    """What a channel is: its id, its outputs in order, its audience and the text's markup."""

    id: str
    outputs: tuple[Output, ...]
    audience: Audience
    text_format: Literal["plain", "markdown"] = "plain"
    html_document: bool = False
    """True for a full HTML document (email), False for a fragment placed in a page."""
    short_wording: int = 0
    """How many shorter wordings the template holds, in order: ``short`` in its context is 0
    for the full wording and 1..``short_wording`` for each shorter one. Render tries them in
    turn and keeps the first that fits the channel's budget (docs/templates.md)."""
    reply: bool = False
    """True when a message answers someone who wrote in: its email form is ``Auto-Submitted:
    auto-replied`` (RFC 3834); otherwise we write first, and it is ``auto-generated``."""

    @property
    def internal(self) -> bool:
        """Whether templates of this channel see the incident's ``internal`` facts."""
        return self.audience is Audience.STAFF

    def sees(self, fact: str) -> bool:
        """Whether templates of this channel receive the top-level fact ``fact``."""
        allowed = RESTRICTED_FACTS.get(fact)
        return allowed is None or self.audience in allowed

    @cached_property
    def hidden(self) -> frozenset[str]:
        """The top-level facts this channel's templates may not read.

        >>> sorted(CHANNELS["sms"].hidden), sorted(CHANNELS["partners"].hidden)
        (['internal', 'priority'], ['internal'])
        """
        return frozenset(name for name in RESTRICTED_FACTS if not self.sees(name))

    @property
    def titled(self) -> bool:
        """Whether the channel has a subject, and so an email form."""
        return "subject" in self.outputs


CHANNELS: dict[str, ChannelSpec] = {
    spec.id: spec
    for spec in (
        # IVR: 1 the shorter greeting and closing, no thanks; 2 without the workaround; out
        # of phone hours, 7 (open) or 8 (resolved) names the line's hours without the other
        # channel, and an open script's 8 drops the workaround; Arabic resolved 6 says the
        # compensation's whole sentence without the year, 7 the shorter form (s22 ivr22d).
        ChannelSpec("ivr", ("text", "ssml"), Audience.CUSTOMER, short_wording=8),
        ChannelSpec("email", ("subject", "text", "html"), Audience.CUSTOMER, html_document=True,
                    reply=True),
        # Banner: 1 the compact form (no labels, no thanks), 2 the compensation in short,
        # 3 the day of the estimate and the next update said once, no estimate in short,
        # 4 the status in short.
        ChannelSpec("banner", ("text", "html"), Audience.CUSTOMER, short_wording=4),
        # SMS (templates/<lang>/sms.txt; the ladder is in docs/templates.md): what matters
        # least goes first (the thanks, the long status phrase, the whole workaround, the status
        # page link, the sender, the apology, "no need to contact us again"). The services, the
        # estimate and the next update are in every wording. Once a level is chosen, the fill
        # (render: `room`) adds back what that level dropped and this incident has room for:
        # sender, apology, no-need line (or every working contact channel), customer action,
        # thanks.
        ChannelSpec("sms", ("text",), Audience.CUSTOMER, short_wording=11),
        ChannelSpec("talking_points", ("text", "html"), Audience.STAFF),
        ChannelSpec("status_page", ("subject", "text", "html"), Audience.PUBLIC,
                    text_format="markdown"),
        ChannelSpec("social", ("text",), Audience.PUBLIC, short_wording=2),
        ChannelSpec("management", ("subject", "text", "html"), Audience.STAFF,
                    html_document=True),
        ChannelSpec("partners", ("subject", "text", "html"), Audience.PARTNER,
                    html_document=True),
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
