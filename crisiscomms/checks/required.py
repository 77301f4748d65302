"""The facts every channel must state (CONTRACT section 6), checked in the rendered output.

Until resolved: the next-update time, and the ETA or the plain statement that there is none;
customer channels and the rep talking points also the status and every affected service.
Resolved: the restoration time, and the compensation where there is one.

What counts is the record of the facts each template placed (``Message.placed_in``), not a
search of the text: see :func:`check_required_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..channels import CHANNELS, Audience
from ..findings import Finding
from ..rules import ChangesStatedRule, RequiredFactsRule
from ..text.speech import replace_addresses
from .base import Context
from .common import placed_in_text, rules_for, scoped_rules, template_file, written

_STATUS_AUDIENCES = {Audience.CUSTOMER, Audience.STAFF, Audience.PUBLIC, Audience.PARTNER}
# The wordings of a change (`f.changes[i]`, `f.eta_change`): any one of them says it.
_FORMS = ("sentence", "short", "dated", "also")


def _estimate_change_paths(facts: Mapping[str, Any]) -> tuple[str, ...]:
    """Where the estimate's change can be placed: ``f.eta_change`` or its entry in
    ``f.changes`` (a template that lists every change)."""
    index = next((i for i, c in enumerate(facts.get("changes") or ()) if c["eta"]), None)
    if index is None:
        return ()
    return tuple(f"{where}.{form}" for where in ("eta_change", f"changes[{index}]")
                 for form in _FORMS)


def required_facts(facts: Mapping[str, Any],
                   channel: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """``(name, paths, texts)`` for each fact a message of ``channel`` must state: placing any
    one of ``paths`` states it, and its wording is one of ``texts`` (from plain facts)."""
    spec = CHANNELS[channel]
    needed: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    if facts["resolved"]:
        needed.append(("resolved_at.time", ("resolved_at.time",),
                       (facts["resolved_at"]["time"],)))
        if facts["compensation"] is not None:
            needed.append(("compensation.percent", ("compensation.percent",),
                           (facts["compensation"]["percent"],)))
        return needed
    needed.append(("next_update.time", ("next_update.time",), (facts["next_update"]["time"],)))
    # The sentence that says how the estimate changed states the estimate (or that there is
    # none now): a message places it instead of its own ETA line.
    said = _estimate_change_paths(facts)
    if facts["eta"] is not None:
        needed.append(("eta.time", ("eta.time", *said), (facts["eta"]["time"],)))
    elif facts["status"] != "monitoring":
        # Once the fix is in (monitoring) there is nothing to estimate: a message says it is
        # being watched, not that the return has no estimate.
        withdrawn = facts.get("eta_change") and facts["eta_change"]["kind"] == "eta_withdrawn"
        texts: tuple[Any, ...] = (facts["no_eta"], facts["no_eta_short"], facts["no_eta_brief"])
        if withdrawn:
            texts += tuple(facts["eta_change"][form] for form in _FORMS)
        needed.append(("no_eta", ("no_eta", "no_eta_short", "no_eta_brief", *said), texts))
    if spec.audience in _STATUS_AUDIENCES:
        needed.append(("status_label", ("status_label", "status_short", "status_said",
                                        "status_line"),
                       (facts["status_label"], facts["status_short"], facts["status_said"],
                        facts["status_line"])))
        # A title that names every service states them (a short SMS drops the list then).
        every = facts.get("services_in_title", False)
        # Or names some, and a sentence says only the others ("It also affects..."), or the
        # others follow the title (``services_after_title``, placed only right after it:
        # "תקלה בכניסה לאפליקציה ובאזור האישי באתר").
        each = facts.get("service_in_title") or []
        after = facts.get("services_after_title")
        spoken = facts.get("service_said_list") or facts["service_list"]
        shorts = facts.get("service_short_list")
        on_call = facts.get("service_on_call") or []
        in_resend = facts.get("service_in_resend") or []
        resend_brief = facts["contact"].get("resend_brief")
        spoken_channel = "ssml" in spec.outputs
        for index, name in enumerate(facts["service_list"]):
            named = every or (index < len(each) and each[index])
            path = f"service_list[{index}]"
            # A spoken sentence names it as its object ("оплату на сайте"), and the title
            # inside a sentence (``title_inner``, "We are sorry for the home internet
            # outage") names them as well.
            paths: tuple[str, ...] = (path, f"service_said_list[{index}]")
            texts = (name, spoken[index])
            if shorts:
                # Its short name, authored for the SMS (`services[].short`, "טלפון"), says it.
                paths, texts = (*paths, f"service_short_list[{index}]"), (*texts, shorts[index])
            if named:
                # The title as a spoken sentence says it ("a problem with our TV service",
                # ``title_fault``) names them too.
                paths, texts = (*paths, "title", "title_inner", "title_fault"), (
                    *texts, facts["title"], facts["title_inner"],
                    facts.get("title_fault", facts["title_inner"]))
            elif after:
                paths, texts = (*paths, "services_after_title"), (*texts, after)
            if spoken_channel and index < len(on_call) and on_call[index]:
                # With the phone line down, the IVR's down line names a contact channel that
                # is down instead of the services sentence ("Our representatives cannot take
                # calls, and the chat is down"; ``services_on_call``, reading 28 EN-10).
                down = (facts["contact"]["down_on_call_after_title"],
                        facts["contact"]["down_on_call"])
                paths = (*paths, "contact.down_on_call_after_title", "contact.down_on_call")
                texts = (*texts, *(d for d in down if d))
            if resend_brief and index < len(in_resend) and in_resend[index]:
                # The SMS's lost-email request names the email channel that is down ("بعد
                # الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30", reading 54 AR-1'): its own
                # service is stated there, as the IVR's down line states it.
                paths, texts = (*paths, "contact.resend_brief"), (*texts, resend_brief)
            needed.append((path, paths, texts))
    return needed


def check_required_facts(context: Context) -> Iterator[Finding]:
    """An ``error`` for each required fact the subject and text do not state.

    A fact is stated when the template placed it (``Message.placed_in``, recorded while
    rendering) and its wording is in the output: the record is what counts, so incident text
    that happens to hold the same words ("since 15:00") never stands in for a dropped fact; the
    wording second, so a fact a template read without printing it is not counted either.
    """
    by_lang: dict[str, tuple[RequiredFactsRule, ...]] = {}
    for message in context.bundle:
        facts = context.plain[message.language]
        if message.language not in by_lang:
            by_lang[message.language] = rules_for(context, message.language).of_kind(
                RequiredFactsRule)
        rules = [r for r in by_lang[message.language] if r.scope.covers(message.channel)]
        if not rules:
            continue
        placed = placed_in_text(message)
        seen = "\n".join(written(message).values())
        spoken = "ssml" in CHANNELS[message.channel].outputs
        if spoken:
            # Once per message, not per fact: the text grows with the services listed.
            words = context.templates.language(message.language).speech
            seen = seen.casefold()
        for name, paths, texts in required_facts(facts, message.channel):
            if spoken:
                # A script read aloud says where an address points instead of the address
                # (render does the same to its text): that is how the fact is stated there.
                # Its case follows the sentence the address stood in.
                texts = tuple(replace_addresses(t, words).casefold() for t in texts)
            else:
                # A fact may open a sentence ("… and more. Investigating. Expected back …", the
                # shortest SMS without its "Status:" label): its first letter is then a capital.
                texts = (*texts, *(t[:1].upper() + t[1:] for t in texts if t[:1].islower()))
            if placed.isdisjoint(paths) or not any(text in seen for text in texts):
                file = template_file(context, message.language, message.channel, "text")
                for rule in rules:
                    yield rule.finding({"fact": name, "expected": " / ".join(map(repr, texts)),
                                        "output": "text"}, language=message.language,
                                       channel=message.channel, file=file)


def _change_paths(index: int, change: Mapping[str, Any]) -> tuple[frozenset[str],
                                                                    tuple[str, ...]]:
    """The paths whose placing says ``change``: its sentences, and for the estimate's change
    the same through ``eta_change``; and the prefixes of its old estimate's paths."""
    paths = {f"changes[{index}].{form}" for form in _FORMS}
    old: tuple[str, ...] = (f"changes[{index}].old.",)
    if change["eta"]:
        paths |= {f"eta_change.{form}" for form in _FORMS}
        old += ("eta_change.old.",)
    return frozenset(paths), old


def check_changes_stated(context: Context) -> Iterator[Finding]:
    """An ``error`` (or the rule's level) for each change of a rule's kinds that a message in
    its scope does not say: neither its sentence nor its old estimate was placed, or a time it
    must give (the new and the old estimate) is not in the subject or text."""
    for message in context.bundle:
        changes = context.plain[message.language].get("changes") or []
        if not changes:
            continue
        rules = scoped_rules(context, message, ChangesStatedRule)
        if not rules:
            continue
        placed = placed_in_text(message)
        seen = "\n".join(written(message).values())
        for index, change in enumerate(changes):
            paths, old_prefixes = _change_paths(index, change)
            times = tuple(moment["time"] for moment in (change["new"], change["old"])
                          if moment is not None and change["eta"])
            said = (not placed.isdisjoint(paths)
                    or any(p.startswith(old_prefixes) for p in placed))
            # Reading a change is not saying it (a loop's condition reads every one): its
            # times, or for another kind its wording, must be in the text too.
            worded = [str(change[form]) for form in _FORMS if change[form] is not None]
            shown = (all(time in seen for time in times) if times
                     else any(text in seen for text in worded))
            if said and shown:
                continue
            file = template_file(context, message.language, message.channel, "text")
            for rule in rules:
                if change["kind"] in rule.changes:
                    yield rule.finding({"change": change["kind"],
                                        "expected": " / ".join(map(repr, times)) or "-"},
                                       language=message.language, channel=message.channel,
                                       file=file)
