"""The complaint cases of the preview page (issue 13 step 7): a case file opened read-only, its
three letters side by side in every language of the organisation, and its service-level status.

Plain data in, plain data out, like :mod:`crisiscomms.preview.workspace`: the web layer only
routes. A case that does not load answers its problems (field and message), never a traceback;
a letter that cannot be written yet (the final letter of an open case) or in a language the
case has no text in says why in its own panel, and the other letters still show.

>>> from crisiscomms.render import template_set
>>> from crisiscomms.samples import examples_dir
>>> view = case_view(examples_dir() / "cases" / "justified-voucher.yaml",
...                  template_set(), "2026-11-26T12:30")
>>> view["ok"], [k["kind"] for k in view["letters"]], view["status"]["resolved"]
(True, ['acknowledgement', 'progress', 'final'], True)
>>> [p["language"] for p in view["letters"][2]["panels"]], view["letters"][2]["panels"][0]["dir"]
(['he', 'en'], 'rtl')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ConfigError, CrisisError, InputError
from ..render import TemplateSet

__all__ = ["CaseSource", "case_sources", "case_view", "parse_now"]


@dataclass(frozen=True)
class CaseSource:
    """A case the page can open: a file given with ``--case`` or a built-in example."""

    key: str
    label: str
    path: Path


def case_sources(files: list[Path], examples: Path) -> dict[str, CaseSource]:
    """``--case`` files first (``case:0``...), then the built-in examples
    (``case-example:NAME``)."""
    sources = [CaseSource(f"case:{i}", str(p), p.resolve()) for i, p in enumerate(files)]
    if examples.is_dir():
        sources += [CaseSource(f"case-example:{p.stem}", f"example: {p.stem}", p)
                    for p in sorted(examples.glob("*.yaml"))]
    return {s.key: s for s in sources}


def parse_now(text: str | None, zone: ZoneInfo) -> dt.datetime:
    """The page's "as of" time: ``2026-11-26T12:30`` (a ``datetime-local`` value, read in the
    organisation's zone), an ISO time with its offset, or now when empty.

    >>> parse_now("2026-11-26T12:30", ZoneInfo("Asia/Jerusalem")).isoformat()
    '2026-11-26T12:30:00+02:00'
    """
    if not text:
        return dt.datetime.now(zone).replace(second=0, microsecond=0)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"now: {text!r} is not a date and time such as 2026-11-26T12:30") \
            from None
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _iso(value: dt.datetime | None, zone: ZoneInfo) -> str | None:
    return None if value is None else value.astimezone(zone).isoformat()


def _status(case: Any, now: dt.datetime, ts: TemplateSet, zone: ZoneInfo) -> dict[str, Any]:
    from ..cases.status import case_status

    s = case_status(case, now=now, config=ts.config)
    return {"acknowledge_due": _iso(s.acknowledge_due, zone),
            "acknowledged_at": _iso(s.acknowledged_at, zone),
            "acknowledge_late_minutes": s.acknowledge_late_minutes,
            "resolved": s.resolved, "next": s.next, "next_due": _iso(s.next_due, zone),
            "overdue_minutes": s.overdue_minutes, "updates": s.updates,
            "updates_on_time": s.updates_on_time, "owner_changed": s.owner_changed,
            "other_reps": list(s.other_reps), "late": s.late,
            "findings": [{"rule": f.rule, "severity": f.severity, "message": f.message}
                         for f in s.findings]}


def _panel(case: Any, kind: str, lang: str, now: dt.datetime, ts: TemplateSet) -> dict[str, Any]:
    from ..cases.letters import render_case_letter

    try:
        direction = ts.language(lang).direction
    except (ConfigError, OSError):
        direction = "ltr"
    panel: dict[str, Any] = {"language": lang, "dir": direction}
    missing = [f"{path}.{lang}" for path, text in case.texts().items() if text.get(lang) is None]
    if missing:
        panel["error"] = (f"the case has no text in {lang!r}: "
                          f"{', '.join(missing[:4])}{'…' if len(missing) > 4 else ''}")
        return panel
    try:
        letter = render_case_letter(case.model_copy(update={"language": lang}), kind, now=now,
                                    templates=ts.folder)
    except CrisisError as error:
        panel["error"] = str(error)
        return panel
    panel.update(subject=letter.subject, text=letter.text, html=letter.html,
                 characters=len(letter.text or ""))
    return panel


def case_view(path: Path, ts: TemplateSet, now_text: str | None) -> dict[str, Any]:
    """A case's status and its three letters in every language of the organisation, as of
    ``now_text`` (see :func:`parse_now`)."""
    from ..cases import load_case
    from ..cases.letters import LETTER_KINDS

    zone = ZoneInfo(ts.config.organisation.time_zone)
    try:
        now = parse_now(now_text, zone)
    except ValueError as error:
        return {"ok": False, "problems": [{"field": "now", "message": str(error)}]}
    try:
        case = load_case(path)
    except InputError as error:
        return {"ok": False, "file": str(path),
                "problems": [{"field": p.path, "line": p.line, "message": p.message}
                             for p in error.problems]}
    languages = list(ts.config.organisation.languages)
    # The case's own language first: that is the letter that is sent.
    languages.sort(key=lambda code: code != case.language)
    return {
        "ok": True,
        "case": case.id,
        "language": case.language,
        "now": now.isoformat(),
        "time_zone": str(zone),
        "status": _status(case, now, ts, zone),
        "letters": [{"kind": kind,
                     "panels": [_panel(case, kind, lang, now, ts) for lang in languages]}
                    for kind in LETTER_KINDS],
    }
