"""Visual order for displays without bidi support: exact code points, line by line."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from bidi import get_base_level, get_display
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.text.visual import visual

LRI, PDI, RLM, RLI, RLO, PDF = "\u2066", "\u2069", "\u200f", "\u2067", "\u202e", "\u202c"
CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
PAIRS = "()[]{}<>«»"
CANONICAL = str.maketrans(PAIRS[1::2], PAIRS[0::2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("שלום (עולם)", "(םלוע) םולש", id="brackets-mirrored-in-rtl"),
        pytest.param("חייגו *2040 עכשיו", "וישכע 2040* וגייח", id="unisolated-code-star-moves"),
        pytest.param(
            f"חייגו {LRI}*2040{PDI} עכשיו", "וישכע *2040 וגייח", id="isolated-code-intact"
        ),
        pytest.param(
            "Dana Cohen: התקלה (בכניסה) תוקנה",
            "Dana Cohen: הנקות (הסינכב) הלקתה",
            id="latin-first-gives-ltr-paragraph",
        ),
        pytest.param(
            f"{RLM}Dana Cohen: התקלה תוקנה",
            "הנקות הלקתה :Dana Cohen",
            id="leading-rlm-gives-rtl-paragraph",
        ),
        pytest.param("שלום (abc)", "(abc) םולש", id="brackets-around-latin-take-rtl-context"),
        pytest.param("Hello (world) [x] <y>", "Hello (world) [x] <y>", id="ltr-brackets-untouched"),
        pytest.param("«שלום» {עולם} [א] <ב>", "<ב> [א] {םלוע} «םולש»", id="all-bracket-kinds"),
        pytest.param("השעה 14:00 - 16:00", "16:00 - 14:00 העשה", id="unisolated-range-swaps"),
        pytest.param(f"השעה {LRI}14:00 - 16:00{PDI}", "14:00 - 16:00 העשה", id="isolated-range"),
        pytest.param(f"{RLO}abc{PDF}", "cba", id="override-applied-then-removed"),
        pytest.param("*2040", "*2040", id="no-strong-character-is-ltr"),
        pytest.param(
            "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd",
            "\u05dd\u05d5\u05b9\u05dc\u05e9\u05b8\u05c1",
            id="niqqud-stays-after-its-letter",
        ),
        pytest.param("", "", id="empty"),
    ],
)
def test_visual_single_line(text: str, expected: str) -> None:
    assert visual(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("שלום\nעולם", "םולש\nםלוע", id="each-line-reordered-alone"),
        pytest.param("Hello\nשלום", "Hello\nםולש", id="each-paragraph-own-direction"),
        pytest.param("שלום\r\n\nעולם\n", "םולש\n\nםלוע\n", id="crlf-and-empty-lines-kept"),
        pytest.param("שלום\tעולם", "םלוע םולש", id="tab-becomes-space"),
    ],
)
def test_visual_multi_line(text: str, expected: str) -> None:
    assert visual(text) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param(
            "לקוחות יקרים, התקלה בכניסה לאפליקציה תוקנה. לפרטים חייגו "
            f"{LRI}*2040{PDI} או בקרו באתר {LRI}www.example.co.il{PDI}",
            20,
            [
                "הלקתה ,םירקי תוחוקל",
                "היצקילפאל הסינכב",
                "וגייח םיטרפל .הנקות",
                "רתאב ורקב וא *2040",
                "www.example.co.il",
            ],
            id="width-20-controls-take-no-cell",
        ),
        pytest.param(
            f"חייגו {LRI}+972 3 1234567{PDI} עכשיו",
            10,
            ["+972 וגייח", "3 1234567", "וישכע"],
            id="isolate-reopened-on-next-line",
        ),
        pytest.param("אאאאאאאאאאאא", 5, ["אאאאא", "אאאאא", "אא"], id="long-word-broken"),
        pytest.param(
            "Dana: שלום\nתקלה בכניסה לאתר",
            11,
            ["Dana: םולש", "הסינכב הלקת", "רתאל"],
            id="wrap-per-paragraph",
        ),
        pytest.param("a   b", 1, ["a", "b"], id="spaces-dropped-at-breaks"),
        pytest.param(
            "+972-3-1234567 עכשיו",
            14,
            ["972-3-1234567+", "וישכע"],
            id="no-break-at-hyphen-and-rtl-paragraph-moves-the-plus",
        ),
    ],
)
def test_visual_wrapped(text: str, width: int, expected: list[str]) -> None:
    assert visual(text, width=width).split("\n") == expected


def test_visual_refuses_zero_width() -> None:
    with pytest.raises(ValueError, match="width"):
        visual("שלום", width=0)


def cells(line: str) -> int:
    return sum(1 for c in line if unicodedata.category(c) not in ("Mn", "Me", "Cf"))


ANY_TEXT = st.text(
    alphabet=st.sampled_from([*"אבגדה abcd 0123 ()[]<>«».,:-+*/%\n\t\u05b8", *sorted(CONTROLS)]),
    max_size=60,
)


@given(ANY_TEXT, st.one_of(st.none(), st.integers(min_value=1, max_value=30)))
def test_visual_removes_controls_keeps_characters_and_width(text: str, width: int | None) -> None:
    result = visual(text, width=width)
    assert not CONTROLS & set(result)
    lines = result.split("\n")
    assert len(lines) >= text.count("\n") + 1
    if width is not None:
        assert all(cells(line) <= width for line in lines)

    def kept(s: str) -> Counter[str]:
        return Counter(c for c in s.translate(CANONICAL) if c not in CONTROLS and not c.isspace())

    assert kept(result) == kept(text)


ONE_LINE = st.text(
    alphabet=st.sampled_from([*"אבגד abc 012 ()[]<>.,:-+*/%", LRI, RLI, PDI, RLM, "\u200e"]),
    min_size=1,
    max_size=40,
)


@given(ONE_LINE)
def test_visual_matches_python_bidi_apart_from_mirroring(text: str) -> None:
    base_dir = "R" if get_base_level(text) == 1 else "L"
    reference = "".join(c for c in get_display(text, base_dir=base_dir) if c not in CONTROLS)
    result = visual(text)
    assert result.translate(CANONICAL) == reference.translate(CANONICAL)
