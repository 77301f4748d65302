"""Hypothesis strategies for valid incidents, including the awkward values Hebrew text meets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

HEBREW = "אבגדהוזחטיכלמנסעפצקרשתךםןףץ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
AWKWARD = ["*2040", "+972-3-1234567", "14:00 - 16:00", "-5%", "Yes!", "INC-12",
           "https://example.com/a?b=1", "Wi-Fi", "(עולם)", "5G", "TV", "₪120", "100%"]

words = st.one_of(
    st.text(alphabet=HEBREW, min_size=1, max_size=8),
    st.text(alphabet=LATIN, min_size=1, max_size=8),
    st.sampled_from(AWKWARD),
)


def phrase(max_words: int) -> st.SearchStrategy[str]:
    """A short text of Hebrew, Latin and awkward tokens."""
    return st.lists(words, min_size=1, max_size=max_words).map(" ".join)


def localized(max_words: int = 6) -> st.SearchStrategy[dict[str, str]]:
    """A text in both languages."""
    return st.fixed_dictionaries({"he": phrase(max_words), "en": phrase(max_words)})


offsets = st.sampled_from([dt.timezone(dt.timedelta(hours=h)) for h in (2, 3, 0, -5, 5.5)])


@st.composite
def incidents(draw: st.DrawFn) -> dict[str, Any]:
    """A dict that is a valid incident file."""
    zone = draw(offsets)
    start = dt.datetime(2026, 1, 1, tzinfo=zone) + dt.timedelta(
        minutes=draw(st.integers(0, 365 * 24 * 60)))
    updated = start + dt.timedelta(minutes=draw(st.integers(0, 5 * 24 * 60)))
    status = draw(st.sampled_from(["investigating", "identified", "monitoring", "resolved"]))
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"[A-Za-z0-9._-]{1,20}", fullmatch=True)),
        "status": status,
        "severity": draw(st.sampled_from(["minor", "major", "critical"])),
        "updated_at": updated.isoformat(),
        "started_at": start.isoformat(),
        "title": draw(localized(5)),
        "impact": draw(localized(12)),
        "services": [
            {"id": f"s{i}", "name": name}
            for i, name in enumerate(draw(st.lists(localized(3), min_size=1, max_size=3)))
        ],
    }
    if draw(st.booleans()):
        data["eta"] = (start + dt.timedelta(minutes=draw(st.integers(0, 4 * 24 * 60)))
                       ).isoformat()
    if status == "resolved":
        data["resolved_at"] = (start + dt.timedelta(
            minutes=draw(st.integers(0, int((updated - start).total_seconds() // 60))))
        ).isoformat()
        if draw(st.booleans()):
            data["compensation"] = {"percent": draw(st.integers(1, 100)),
                                    "kind": draw(st.sampled_from(["voucher", "credit", "refund"]))}
    else:
        data["next_update_at"] = (updated + dt.timedelta(
            minutes=draw(st.integers(0, 3 * 24 * 60)))).isoformat()
    for key in ("workaround", "customer_action"):
        if draw(st.booleans()):
            data[key] = draw(localized(10))
    if draw(st.booleans()):
        # The § marker cannot occur in customer-facing text, so finding it there is a leak.
        secret = localized(6).map(lambda t: {k: f"§{v}§" for k, v in t.items()})
        data["internal"] = {"cause": draw(secret), "priority": draw(secret),
                            "backlog": {"open_contacts": draw(st.integers(0, 10**6)),
                                        "oldest_open_at": start.isoformat()}}
    return data
