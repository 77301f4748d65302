"""What every check receives: the bundle, its template set and the facts it was rendered from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .. import markdown
from ..bidi import strip_controls
from ..channels import CHANNELS
from ..facts import Facts, plain

if TYPE_CHECKING:
    from ..render import Bundle, Message, TemplateSet

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Context:
    """One rendered bundle under check."""

    bundle: Bundle
    templates: TemplateSet
    facts: Mapping[str, Facts]

    @cached_property
    def plain(self) -> dict[str, Any]:
        """Each language's facts as bare strings, the form a check looks for in an output."""
        return {lang: plain(facts) for lang, facts in self.facts.items()}


def readable(message: Message, *, include_html: bool = True) -> str:
    """What a reader of the message's written outputs sees, controls removed, tags dropped:
    text, subject and (unless ``include_html`` is False) the HTML's text."""
    import html

    text = message.text
    spec = CHANNELS.get(message.channel)
    if spec is not None and spec.text_format == "markdown":
        # A Markdown reader sees "*2040", not the "\\*2040" that keeps it from being markup.
        text = markdown.unescape(text)
    parts = [text, message.subject or ""]
    if message.html is not None and include_html:
        parts.append(html.unescape(_TAG.sub(" ", message.html)))
    return strip_controls("\n".join(parts))
