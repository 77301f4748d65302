"""The facts every channel must state (CONTRACT section 6), checked in the rendered output.

Until resolved: the next-update time, and the ETA or the plain statement that there is none;
customer channels and the rep talking points also the status and every affected service.
Resolved: the restoration time, and the compensation where there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..channels import CHANNELS, Audience
from ..findings import Finding
from ..rules import RequiredFactsRule
from .base import Context
from .common import rules_for, template_file, written

_STATUS_AUDIENCES = {Audience.CUSTOMER, Audience.STAFF, Audience.PUBLIC, Audience.PARTNER}


def required_facts(facts: dict[str, Any], channel: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(name, texts)`` pairs a message of ``channel`` must state (any one of ``texts``),
    from plain facts."""
    spec = CHANNELS[channel]
    needed: list[tuple[str, tuple[str, ...]]] = []
    if facts["resolved"]:
        needed.append(("resolved_at.time", (facts["resolved_at"]["time"],)))
        if facts["compensation"] is not None:
            needed.append(("compensation.percent", (facts["compensation"]["percent"],)))
        return needed
    needed.append(("next_update.time", (facts["next_update"]["time"],)))
    if facts["eta"] is not None:
        needed.append(("eta.time", (facts["eta"]["time"],)))
    else:
        needed.append(("no_eta", (facts["no_eta"], facts["no_eta_short"])))
    if spec.audience in _STATUS_AUDIENCES:
        needed.append(("status_label", (facts["status_label"], facts["status_short"])))
        for index, name in enumerate(facts["service_list"]):
            needed.append((f"service_list[{index}]", (name,)))
    return needed


def check_required_facts(context: Context) -> Iterator[Finding]:
    """An ``error`` for each required fact a written output does not state."""
    by_lang: dict[str, tuple[RequiredFactsRule, ...]] = {}
    for message in context.bundle:
        facts = context.plain[message.language]
        # The HTML is rendered from the same facts as the text; reading the text is enough
        # and keeps this check cheap enough to run on every bundle.
        seen = "\n".join(written(message).values())
        if message.language not in by_lang:
            by_lang[message.language] = rules_for(context, message.language).of_kind(
                RequiredFactsRule)
        rules = [r for r in by_lang[message.language] if r.scope.covers(message.channel)]
        for name, texts in required_facts(facts, message.channel) if rules else ():
            if not any(text in seen for text in texts):
                file = template_file(context, message.language, message.channel, "text")
                for rule in rules:
                    yield rule.finding({"fact": name, "expected": " / ".join(map(repr, texts)),
                                        "output": "text"}, language=message.language,
                                       channel=message.channel, file=file)
