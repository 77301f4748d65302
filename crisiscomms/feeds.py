"""Feeds built from the journal (CONTRACT section 8): Atom, Statuspage-shaped JSON and CAP 1.2.

Every value comes from what was recorded when a statement was published (the status page's
words, the organisation's addresses), never from today's templates, and nothing reads the
clock: the same journal always gives the same feeds, byte for byte.

>>> import tempfile, pathlib
>>> from crisiscomms.journal import Journal
>>> from crisiscomms.samples import load_example
>>> journal = Journal(pathlib.Path(tempfile.mkdtemp()) / "j.db")
>>> _ = journal.publish(load_example("identified"))
>>> atom(journal, "en").startswith("<?xml")
True
>>> statuspage(journal, "en")["status"]["indicator"]
'major'
>>> "<msgType>Alert</msgType>" in cap(journal, "INC-2041")
True
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

from .errors import CrisisError
from .journal import Journal, Statement
from .model import Status

__all__ = ["ATOM_NS", "CAP_NS", "FORMATS", "UnknownStatement", "atom", "cap", "statuspage"]

ATOM_NS = "http://www.w3.org/2005/Atom"
CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FORMATS = ("atom", "statuspage", "cap")
# CAP's <language> is an RFC 3066 tag; the journal's languages are ISO 639 codes.
CAP_LANGUAGES = {"he": "he-IL", "en": "en-US"}
# Our severity -> CAP <severity>; a resolved incident is <urgency>Past.
CAP_SEVERITY = {"minor": "Minor", "major": "Moderate", "critical": "Severe"}


class UnknownStatement(CrisisError):
    """No statement matches what a feed asked for (an unknown incident id, seq or language,
    or an empty journal); ``what`` names it."""

    def __init__(self, what: str, message: str) -> None:
        self.what = what
        super().__init__(f"{what}: {message}")


def _host(statement: Statement) -> str:
    return urlparse(statement.feed["org"]["website"]).hostname or "localhost"


def _time(moment: dt.datetime) -> str:
    """RFC 3339 / CAP dateTime: seconds, with the offset (never ``Z``)."""
    return moment.isoformat(timespec="seconds")


def _words(statement: Statement, lang: str) -> dict[str, Any]:
    languages: dict[str, Any] = statement.feed["languages"]
    if lang not in languages:
        raise UnknownStatement(f"--lang {lang}", "statement "
                               f"{statement.incident_id}/{statement.seq} has no text in "
                               f"this language; it has {', '.join(sorted(languages))}")
    return dict(languages[lang])


def _chosen(journal: Journal, incident: str | None, seq: int | None) -> list[Statement]:
    if incident is None:
        found = journal.statements()
        if not found:
            raise UnknownStatement(str(journal.path), "the journal has no statements yet")
        return found
    found = journal.history(incident)
    if not found:
        raise UnknownStatement(incident, f"no statement of this incident in {journal.path}")
    if seq is not None:
        found = [s for s in found if s.seq == seq]
        if not found:
            raise UnknownStatement(f"{incident}/{seq}", "no such statement")
    return found


def _firsts(statements: Sequence[Statement], journal: Journal) -> dict[str, Statement]:
    """The first statement of each incident: its date makes the incident's stable tag ids."""
    firsts: dict[str, Statement] = {}
    for s in statements:
        if s.incident_id not in firsts or s.seq < firsts[s.incident_id].seq:
            firsts[s.incident_id] = s
    missing = {s.incident_id for s in statements if firsts[s.incident_id].seq != 1}
    for incident_id in missing:
        firsts[incident_id] = journal.history(incident_id)[0]
    return firsts


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def atom(journal: Journal, lang: str, *, incident: str | None = None,
         seq: int | None = None) -> str:
    """An Atom feed (RFC 4287) in ``lang``: one entry per statement, newest first, the status
    page's HTML as content. Ids are ``tag:`` URIs (RFC 4151) that never change: the feed's
    from the journal's creation date, an entry's from its incident's first statement."""
    statements = _chosen(journal, incident, seq)
    firsts = _firsts(statements, journal)
    newest = max(statements, key=lambda s: (s.published_at, s.seq))
    words = _words(newest, lang)
    host = _host(newest)
    created = (journal.meta("created_at") or _time(newest.published_at))[:10]
    scope = "crisiscomms" if incident is None else f"crisiscomms/{incident}"
    ET.register_namespace("", ATOM_NS)
    q = f"{{{ATOM_NS}}}"
    feed = ET.Element(f"{q}feed", {f"{{{XML_NS}}}lang": lang})
    _sub(feed, f"{q}id", f"tag:{host},{created}:{scope}/{lang}")
    _sub(feed, f"{q}title", words["org_name"])
    _sub(feed, f"{q}updated", _time(newest.published_at))
    author = _sub(feed, f"{q}author")
    _sub(author, f"{q}name", words["org_name"])
    _sub(author, f"{q}uri", newest.feed["org"]["website"])
    _sub(feed, f"{q}link", rel="alternate", href=newest.feed["org"]["status_page"])
    _sub(feed, f"{q}generator", "crisiscomms")
    for s in sorted(statements, key=lambda s: (s.published_at, s.seq), reverse=True):
        text = _words(s, lang)
        first = firsts[s.incident_id].published_at.astimezone(dt.UTC).date().isoformat()
        entry = _sub(feed, f"{q}entry")
        _sub(entry, f"{q}id", f"tag:{_host(s)},{first}:{s.incident_id}/{s.seq}/{lang}")
        _sub(entry, f"{q}title", text.get("subject") or s.incident_id)
        _sub(entry, f"{q}updated", _time(s.published_at))
        _sub(entry, f"{q}published", _time(s.published_at))
        _sub(entry, f"{q}link", rel="alternate", href=s.feed["org"]["status_page"])
        _sub(entry, f"{q}category", term=s.status.value, label=text["status_label"])
        _sub(entry, f"{q}content", text.get("html") or "", type="html")
    return _xml(feed)


def statuspage(journal: Journal, lang: str) -> dict[str, Any]:
    """One JSON document in the shapes of Atlassian Statuspage's public v2 API: ``page`` and
    ``status`` as in ``summary.json``, ``incidents`` as in ``incidents.json`` (newest first,
    resolved ones included), each with ``incident_updates`` newest first."""
    statements = _chosen(journal, None, None)
    by_incident: dict[str, list[Statement]] = {}
    for s in statements:
        by_incident.setdefault(s.incident_id, []).append(s)
    newest = max(statements, key=lambda s: (s.published_at, s.seq))
    words = _words(newest, lang)
    host = _host(newest)
    org = newest.feed["org"]
    incidents = []
    open_latest: list[Statement] = []
    for incident_id, history in by_incident.items():
        latest = history[-1]
        current = latest.incident
        if latest.status != Status.RESOLVED:
            open_latest.append(latest)
        monitoring = next((s for s in history if s.status == Status.MONITORING), None)
        updates = [{
            "id": f"{incident_id}-{s.seq}", "status": s.status.value,
            "body": _words(s, lang).get("text") or "", "incident_id": incident_id,
            "created_at": _time(s.published_at), "updated_at": _time(s.published_at),
            "display_at": _time(s.published_at), "affected_components": None,
            "deliver_notifications": True, "custom_tweet": None, "tweet_id": None,
        } for s in reversed(history)]
        incidents.append({
            "id": incident_id, "name": current.title.get(lang) or incident_id,
            "status": latest.status.value, "created_at": _time(history[0].published_at),
            "updated_at": _time(latest.published_at),
            "monitoring_at": None if monitoring is None else _time(monitoring.published_at),
            "resolved_at": None if current.resolved_at is None else _time(current.resolved_at),
            "impact": current.severity.value, "shortlink": org["status_page"],
            "started_at": _time(current.started_at), "page_id": host,
            "incident_updates": updates, "components": [],
        })
    incidents.sort(key=lambda i: (i["updated_at"], i["id"]), reverse=True)
    rank = ("minor", "major", "critical")
    if open_latest:
        worst = max(open_latest, key=lambda s: rank.index(s.incident.severity.value))
        status = {"indicator": worst.incident.severity.value,
                  "description": _words(worst, lang)["severity_label"]}
    else:
        status = {"indicator": "none", "description": words["status_label"]}
    return {
        "page": {"id": host, "name": words["org_name"], "url": org["status_page"],
                 "time_zone": org["time_zone"], "updated_at": _time(newest.published_at)},
        "status": status,
        "incidents": incidents,
    }


def statuspage_json(journal: Journal, lang: str) -> str:
    """:func:`statuspage` as indented JSON text."""
    return json.dumps(statuspage(journal, lang), ensure_ascii=False, indent=2) + "\n"


def _cap_id(statement: Statement) -> tuple[str, str, str]:
    host = _host(statement)
    return (f"crisiscomms@{host}", f"{host}.{statement.incident_id}.{statement.seq}",
            _time(statement.published_at))


def cap(journal: Journal, incident: str, seq: int | None = None) -> str:
    """The CAP 1.2 ``<alert>`` of one statement (by default the latest of ``incident``):
    ``Alert`` for seq 1, ``Update`` after with ``<references>`` to every earlier alert, one
    ``<info>`` per language, ``expires`` at the promised next update."""
    history = _chosen(journal, incident, None)
    if seq is None:
        statement = history[-1]
    else:
        matching = [s for s in history if s.seq == seq]
        if not matching:
            raise UnknownStatement(f"{incident}/{seq}", "no such statement")
        statement = matching[0]
    current = statement.incident
    sender, identifier, sent = _cap_id(statement)
    ET.register_namespace("", CAP_NS)
    q = f"{{{CAP_NS}}}"
    alert = ET.Element(f"{q}alert")
    _sub(alert, f"{q}identifier", identifier)
    _sub(alert, f"{q}sender", sender)
    _sub(alert, f"{q}sent", sent)
    _sub(alert, f"{q}status", "Actual")
    _sub(alert, f"{q}msgType", "Alert" if statement.seq == 1 else "Update")
    _sub(alert, f"{q}scope", "Public")
    earlier = [s for s in history if s.seq < statement.seq]
    if earlier:
        _sub(alert, f"{q}references", " ".join(",".join(_cap_id(s)) for s in earlier))
    _sub(alert, f"{q}incidents", statement.incident_id)
    languages: dict[str, Any] = statement.feed["languages"]
    for lang, words in languages.items():
        info = _sub(alert, f"{q}info")
        _sub(info, f"{q}language", CAP_LANGUAGES.get(lang, lang))
        _sub(info, f"{q}category", "Infra")
        _sub(info, f"{q}event", current.title.get(lang) or statement.incident_id)
        resolved = statement.status == Status.RESOLVED
        _sub(info, f"{q}urgency", "Past" if resolved else "Immediate")
        _sub(info, f"{q}severity", CAP_SEVERITY[current.severity.value])
        _sub(info, f"{q}certainty", "Observed")
        _sub(info, f"{q}effective", sent)
        _sub(info, f"{q}onset", _time(current.started_at))
        if statement.next_update_at is not None:
            _sub(info, f"{q}expires", _time(statement.next_update_at))
        _sub(info, f"{q}senderName", words["org_name"])
        _sub(info, f"{q}headline", words.get("subject") or current.title.get(lang) or "")
        _sub(info, f"{q}description", words.get("text") or current.impact.get(lang) or "")
        workaround = None if current.workaround is None else current.workaround.get(lang)
        if workaround:
            _sub(info, f"{q}instruction", workaround)
        _sub(info, f"{q}web", statement.feed["org"]["status_page"])
    return _xml(alert)
