"""SMS segment counting at the boundaries, each case saying why it is there."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms import sms_segments
from crisiscomms.text.sms import sms_parts

CASES = [
    pytest.param("", ("GSM-7", 0, 1), id="empty-is-one-segment"),
    pytest.param("a" * 160, ("GSM-7", 160, 1), id="gsm-160-fits-one"),
    pytest.param("a" * 161, ("GSM-7", 161, 2), id="gsm-161-needs-two"),
    pytest.param("a" * 306, ("GSM-7", 306, 2), id="gsm-306-fills-two"),
    pytest.param("a" * 307, ("GSM-7", 307, 3), id="gsm-307-needs-three"),
    pytest.param("€" * 80, ("GSM-7", 160, 1), id="extension-counts-two"),
    pytest.param("a" * 152 + "€" + "a" * 7, ("GSM-7", 161, 2), id="escape-pair-long-message"),
    pytest.param("a" * 152 + "€" + "a" * 152, ("GSM-7", 306, 3),
                 id="escape-pair-pushed-to-next-segment"),
    pytest.param("א" * 70, ("UCS-2", 70, 1), id="hebrew-70-fits-one"),
    pytest.param("א" * 71, ("UCS-2", 71, 2), id="hebrew-71-needs-two"),
    pytest.param("א" * 134, ("UCS-2", 134, 2), id="hebrew-134-fills-two"),
    pytest.param("א" * 135, ("UCS-2", 135, 3), id="hebrew-135-needs-three"),
    pytest.param("a" * 69 + "\u202f", ("UCS-2", 70, 1), id="narrow-nbsp-forces-ucs2"),
    pytest.param("₪", ("UCS-2", 1, 1), id="shekel-forces-ucs2"),
    pytest.param("\u200f", ("UCS-2", 1, 1), id="rlm-forces-ucs2"),
    pytest.param("😀" * 35, ("UCS-2", 70, 1), id="emoji-is-two-units"),
    pytest.param("a" * 66 + "😀" + "a", ("UCS-2", 69, 1), id="surrogate-in-single"),
    pytest.param("א" * 66 + "😀" + "א" * 5, ("UCS-2", 73, 2),
                 id="surrogate-pair-not-split"),
    pytest.param("👍🏽" * 17 + "a", ("UCS-2", 69, 1), id="skin-tone-emoji-is-four-units"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_boundaries(text: str, expected: tuple[str, int, int]) -> None:
    assert sms_segments(text) == expected


def test_surrogate_split_moves_whole_pair() -> None:
    # 66 units then an emoji at 67-68 would straddle the first 67-unit segment.
    encoding, units, segments = sms_segments("א" * 66 + "😀" + "א" * 67)
    assert (encoding, units, segments) == ("UCS-2", 135, 3)


@given(st.text(max_size=400))
def test_segments_cover_units(text: str) -> None:
    encoding, units, segments = sms_segments(text)
    per = {"GSM-7": (160, 153), "UCS-2": (70, 67)}[encoding]
    if units <= per[0]:
        assert segments == 1
    else:
        assert segments >= -(-units // per[1])
        assert segments <= units  # never more segments than units


@given(st.text(max_size=400))
def test_parts_match_segments(text: str) -> None:
    parts = sms_parts(text)
    assert "".join(parts) == text
    assert len(parts) == sms_segments(text)[2]
