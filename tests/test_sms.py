"""SMS segment counting at the boundaries, each case saying why it is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms import Bundle, parse_incident, render, sms_segments
from crisiscomms.config import default_templates_dir
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
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


# --- The SMS wording fits its budget (issue 11, item 12) -----------------------------------

def _hebrew_sms(title: str, names: list[str], example: str = "identified",
                templates: Path | None = None) -> Bundle:
    data = load_example(example).model_dump(mode="json", exclude_none=True)
    data["title"]["he"] = title
    data["services"] = [{"id": f"s{i}", "name": {"he": name, "en": f"service {i}"}}
                        for i, name in enumerate(names)]
    return render(parse_incident(data), languages=["he"], channels=["sms"], templates=templates)


NAMED = "תקלה באינטרנט, בטלוויזיה ובטלפון בגוש דן"  # names its three services
UNNAMED = "הפסקת שירות רחבה בצפון בעקבות נזק לסיבים"


@pytest.mark.parametrize("example", ["identified", "investigating", "monitoring", "overnight"])
def test_forty_character_title_with_three_services_fits_two_segments(example: str) -> None:
    title = NAMED
    assert len(title) == 40
    bundle = _hebrew_sms(title, ["האינטרנט", "הטלוויזיה", "הטלפון"], example)
    message = bundle["he", "sms"]
    assert message.stats["segments"] <= 2, message.text
    assert not [f for f in bundle.findings if f.severity == "error"], bundle.findings
    assert title in message.text  # never cut


def test_a_list_that_repeats_the_title_is_left_out() -> None:
    message = _hebrew_sms(NAMED, ["האינטרנט", "הטלוויזיה", "הטלפון"])["he", "sms"]
    assert "(" not in message.text
    # ...but kept when the title does not name every service and the SMS has room for it.
    message = _hebrew_sms("תקלה בגוש דן", ["האינטרנט", "הסלולר"])["he", "sms"]
    assert "הסלולר" in message.text


def test_degrades_one_step_at_a_time() -> None:
    # The roomy examples keep the most they can; a long one goes only as far as it must. The
    # services are a required fact (CONTRACT section 6): every wording keeps them, and the
    # sender (which the handset shows as the sender ID) goes before them.
    full = _hebrew_sms("תקלה בשיחות", ["השיחות"])["he", "sms"]
    assert full.stats["short"] <= 4 and "אין צורך לפנות שוב" in full.text
    assert full.text.startswith("נתיבים:")
    names = ["האינטרנט", "הטלוויזיה", "הטלפון"]
    steps = [_hebrew_sms(UNNAMED[:n], names)["he", "sms"] for n in (18, 30, 40)]
    levels = [m.stats["short"] for m in steps]
    assert levels == sorted(levels) and levels[0] < levels[-1] == 10
    shortest = steps[-1]
    assert "הגורם אותר" not in shortest.text and "בטיפול" in shortest.text
    # Level 8 has left out "no need to contact us again" (the sender stays while the text asks
    # for a keyword), 9 the sender and 10 the short workaround: a thing to do outlasts both. The
    # fill then gives the no-need line back before the sender (reading 11 #2).
    assert "2040" not in shortest.text and not shortest.text.startswith("נתיבים:")
    assert "אין צורך לפנות שוב" in shortest.text
    assert "(האינטרנט, הטלוויזיה והטלפון)" in strip_controls(shortest.text)
    assert "2040" in strip_controls(steps[0].text)
    assert shortest.stats["segments"] == 2


def test_error_only_when_the_shortest_wording_does_not_fit() -> None:
    bundle = _hebrew_sms(UNNAMED + " ובדרום בעקבות נזק נוסף לסיבים בכביש 6 ובכביש החוף",
                         ["האינטרנט"])
    message = bundle["he", "sms"]
    assert message.stats["short"] == 11 and message.stats["segments"] == 3
    assert "sms-segments" in {f.rule for f in bundle.findings}


def test_levels_are_tried_in_order_until_one_fits(tmp_path: Path) -> None:
    # A team's template with its own levels: render stops at the first that fits.
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    (folder / "he" / "sms.txt").write_text(
        "{{ f.title }} {{ f.services }} {{ f.next_update.time }} {{ f.eta.time }} "
        "{{ f.status_short }}{{ ' ' ~ 'א' * (200 - 60 * short) }}", encoding="utf-8")
    message = _hebrew_sms("תקלה", ["האינטרנט"], templates=folder)["he", "sms"]
    assert message.stats["short"] == 2 and message.stats["wording"] == "short"
    assert message.stats["segments"] == 2
