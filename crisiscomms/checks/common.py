"""What the rule-driven checks share: the rules of a message's language, the template file an
output comes from, and an output as its reader sees it.

>>> from crisiscomms.render import render
>>> from crisiscomms.samples import load_example
>>> message = render(load_example("identified"), languages=["en"], channels=["sms"])["en", "sms"]
>>> sorted(written(message))
['text']
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, TypeVar

from babel.lists import format_list

from ..channels import CHANNELS, Output, template_name
from ..rules import RuleBase, RuleSet, load_rules
from ..text import markdown
from ..text.bidi import strip_controls
from .base import Context

if TYPE_CHECKING:
    from ..messages import Message

R = TypeVar("R", bound=RuleBase)

__all__ = ["placed_in_text", "rules_for", "scoped_rules", "strip_controls", "template_file",
           "written"]

_HEAD = re.compile(r"<head>.*?</head>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
def rules_for(context: Context, language: str) -> RuleSet:
    """The rules of ``language`` beside the bundle's templates (cached until the file changes),
    looked up once per bundle checked: every check asks, and each look walks the path."""
    found = context.rule_sets.get(language)
    if found is None:
        found = context.rule_sets[language] = load_rules(context.templates.folder, language)
    return found


def scoped_rules(context: Context, message: Message, kind: type[R]) -> list[R]:
    """The rules of ``kind`` in the message's language whose scope covers its channel."""
    return [r for r in rules_for(context, message.language).of_kind(kind)
            if r.scope.covers(message.channel)]


def placed_in_text(message: Message) -> frozenset[str]:
    """The facts placed in what every reader gets, the subject and the text (the HTML and
    SSML come from their own templates over the same facts)."""
    return message.placed_in.get("text", frozenset()) | message.placed_in.get(
        "subject", frozenset())


def template_file(context: Context, language: str, channel: str, output: Output) -> str:
    """The path of the template that makes one output of one channel in one language."""
    return str(context.templates.folder / language / template_name(channel, output))


def written(message: Message, *, include_html: bool = False) -> dict[Output, str]:
    """Each written output (subject, text, and the HTML's text when asked) as its reader sees
    it: bidi controls removed, Markdown escapes and HTML tags dropped. The spoken SSML is left
    out: it says the same as the text, with numbers in words."""
    found: dict[Output, str] = {}
    if message.subject is not None:
        found["subject"] = strip_controls(message.subject)
    text = message.text
    spec = CHANNELS.get(message.channel)
    if spec is not None and spec.text_format == "markdown":
        text = markdown.unescape(text)
    found["text"] = strip_controls(text)
    if include_html and message.html is not None:
        body = _TAG.sub(" ", _HEAD.sub(" ", message.html))
        found["html"] = strip_controls(html.unescape(body))
    return found


def long_names(context: Context, language: str) -> str:
    """The names, in ``language``, of the affected services a short message lists (those the
    title does not name) that have no short name (``services[].short``), as a list in that
    language ("", none): what a team can shorten besides the title when even the shortest
    wording is over."""
    facts = context.plain[language]
    if facts.get("services_in_title"):
        return ""
    in_title = facts.get("service_in_title") or []
    names = [service.name[language] for k, service in enumerate(context.bundle.incident.services)
             if not (k < len(in_title) and in_title[k])
             and not (service.short and service.short.get(language))]
    return format_list(names, locale=language) if names else ""
