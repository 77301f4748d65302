"""Hypothesis strategies for valid incidents, up to the model's limits, including the awkward
values Hebrew text meets: niqqud, maqaf, one-letter prefixes glued to digits, real time zones
with their daylight-saving gaps and overlaps."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from crisiscomms.model import Incident, ShortText

HEBREW = "אבגדהוזחטיכלמנסעפצקרשתךםןףץ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
NIQQUD = "\u05b0\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\u05bb\u05bc\u05c1\u05c2"
MAQAF = "\u05be"
AWKWARD = ["*2040", "+972-3-1234567", "14:00 - 16:00", "-5%", "Yes!", "INC-12",
           "https://example.com/a?b=1", "Wi-Fi", "(עולם)", "5G", "TV", "₪120", "100%",
           # One-letter prefixes glued to digits and Latin, with and without the hyphen.
           "ב-14:00", "ל2040", "ו-5G", "מ-100%", "ה-SMS", "בWi-Fi", "כ-3", "ש-2026",
           # Maqaf and pointed words.
           f"בית{MAQAF}ספר", f"תל{MAQAF}אביב", "שָׁלוֹם", "בְּעוֹד"]

SERVICES_MAX = 20  # Incident.services max_length
UPDATES_MAX = 50  # Incident.updates max_length

words = st.one_of(
    st.text(alphabet=HEBREW, min_size=1, max_size=8),
    # Pointed Hebrew: each letter may carry a vowel point.
    st.lists(st.tuples(st.sampled_from(HEBREW), st.sampled_from(["", *NIQQUD])),
             min_size=1, max_size=6).map(lambda pairs: "".join(a + b for a, b in pairs)),
    st.text(alphabet=LATIN, min_size=1, max_size=8),
    st.sampled_from(AWKWARD),
)


def phrase(max_words: int, max_chars: int | None = None) -> st.SearchStrategy[str]:
    """A short text of Hebrew, Latin and awkward tokens (cut to ``max_chars`` at a space)."""
    text = st.lists(words, min_size=1, max_size=max_words).map(" ".join)
    if max_chars is None:
        return text
    return text.map(lambda t: t if len(t) <= max_chars else t[:max_chars].rsplit(" ", 1)[0]
                    or t[:max_chars])


def localized(max_words: int = 6, max_chars: int | None = None
              ) -> st.SearchStrategy[dict[str, str]]:
    """A text in both languages."""
    return st.fixed_dictionaries({"he": phrase(max_words, max_chars),
                                  "en": phrase(max_words, max_chars)})


ZONES = ["Asia/Jerusalem", "America/New_York", "Europe/London", "Asia/Kolkata",
         "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]
# Moments around the daylight-saving changes: (zone, local time) where the clock jumps
# forward (the time does not exist; ZoneInfo still gives it an offset) or back (it exists twice).
DST_MOMENTS = [
    ("Asia/Jerusalem", dt.datetime(2026, 3, 27, 2, 30)),   # gap
    ("Asia/Jerusalem", dt.datetime(2026, 10, 25, 1, 30)),  # overlap
    ("America/New_York", dt.datetime(2026, 3, 8, 2, 30)),  # gap
    ("America/New_York", dt.datetime(2026, 11, 1, 1, 30)),  # overlap
    ("Europe/London", dt.datetime(2026, 3, 29, 1, 30)),    # gap
    ("Europe/London", dt.datetime(2026, 10, 25, 1, 30)),   # overlap
]


@st.composite
def starts(draw: st.DrawFn) -> dt.datetime:
    """A start time: in a real zone, often right at a daylight-saving change."""
    if draw(st.booleans()):
        name, local = draw(st.sampled_from(DST_MOMENTS))
        local += dt.timedelta(minutes=draw(st.integers(-90, 90)))
        moment = local.replace(tzinfo=ZoneInfo(name), fold=draw(st.integers(0, 1)))
    else:
        moment = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(draw(st.sampled_from(ZONES)))) + \
            dt.timedelta(minutes=draw(st.integers(0, 365 * 24 * 60)))
    # The offset the zone gives that moment, frozen as a file would hold it.
    return moment.replace(tzinfo=dt.timezone(moment.utcoffset() or dt.timedelta()))


def _later(start: dt.datetime, minutes: int) -> str:
    return (start + dt.timedelta(minutes=minutes)).isoformat()


@st.composite
def incidents(draw: st.DrawFn) -> dict[str, Any]:
    """A dict that is a valid incident file."""
    start = draw(starts())
    updated = start + dt.timedelta(minutes=draw(st.integers(0, 5 * 24 * 60)))
    status = draw(st.sampled_from(["investigating", "identified", "monitoring", "resolved"]))
    name_chars = ShortText.max_length
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"[A-Za-z0-9._-]{1,64}", fullmatch=True)),
        "status": status,
        "severity": draw(st.sampled_from(["minor", "major", "critical"])),
        "updated_at": updated.isoformat(),
        "started_at": start.isoformat(),
        "title": draw(localized(5) | localized(40, name_chars)),
        "impact": draw(localized(12)),
        "services": [
            {"id": f"s{i}", "name": name}
            for i, name in enumerate(draw(st.lists(localized(3) | localized(40, name_chars),
                                                   min_size=1, max_size=SERVICES_MAX)))
        ],
    }
    if draw(st.booleans()):
        data["eta"] = _later(start, draw(st.integers(0, 4 * 24 * 60)))
    if status == "resolved":
        span = int((updated - start).total_seconds() // 60)
        data["resolved_at"] = _later(start, draw(st.integers(0, span)))
        if draw(st.booleans()):
            data["compensation"] = {"percent": draw(st.integers(1, 100)),
                                    "kind": draw(st.sampled_from(["voucher", "credit", "refund"]))}
            if draw(st.booleans()):
                data["compensation"]["valid_until"] = (
                    updated.date() + dt.timedelta(days=draw(st.integers(0, 400)))).isoformat()
    else:
        data["next_update_at"] = _later(updated, draw(st.integers(0, 3 * 24 * 60)))
    for key in ("workaround", "customer_action"):
        if draw(st.booleans()):
            data[key] = draw(localized(10))
    span = int((updated - start).total_seconds() // 60)
    offsets = sorted(draw(st.lists(st.integers(0, span), max_size=UPDATES_MAX)))
    data["updates"] = [
        {"at": _later(start, minutes),
         "status": draw(st.sampled_from(["investigating", "identified", "monitoring",
                                         "resolved"])),
         "note": draw(localized(8))}
        for minutes in offsets
    ]
    if draw(st.booleans()):
        # The § marker cannot occur in customer-facing text, so finding it there is a leak.
        secret = localized(6).map(lambda t: {k: f"§{v}§" for k, v in t.items()})
        data["internal"] = {"cause": draw(secret), "priority": draw(secret),
                            "backlog": {"open_contacts": draw(st.integers(0, 10_000_000)),
                                        "oldest_open_at": start.isoformat()}}
    return data


def valid(data: dict[str, Any]) -> Incident:
    """The incident a drawn dict stands for (the strategy only draws valid ones)."""
    return Incident.model_validate(data)
