"""``crisiscomms render --visual``: Hebrew laid out in visual order for displays without bidi."""

from __future__ import annotations

import io

from crisiscomms import render
from crisiscomms.cli import main
from crisiscomms.samples import example_path, load_example
from crisiscomms.text.bidi import ALL_CONTROLS
from crisiscomms.text.visual import visual


def rendered_output(*args: str) -> dict[tuple[str, str], str]:
    """Run ``crisiscomms render`` in process; the text output of each (language, channel)."""
    out = io.StringIO()
    assert main(["render", str(example_path("identified")), *args], out=out) == 0
    found: dict[tuple[str, str], str] = {}
    for block in out.getvalue().split("===== ")[1:]:
        header, _, body = block.partition(" =====\n")
        lang, channel = header.split(" / ")
        found[lang, channel] = body.split("--- text ---\n", 1)[1].rstrip("\n")
    return found


def test_visual_hebrew_sms() -> None:
    shown = rendered_output("--lang", "he", "--lang", "en", "--channel", "sms", "--visual")
    message = render(load_example("identified"), channels=["sms"])
    he = shown["he", "sms"]
    assert not set(he) & ALL_CONTROLS
    assert he == visual(message["he", "sms"].text)
    # Visual order: Hebrew letters reversed, the times as written, to the left of their label.
    assert "17:00 :יפצ" in he and "15:00-ב ןכדענ" in he
    # The first word at the right end, the last at the left (reading 46 HE-3: the apology).
    assert he.endswith("הלקת") and he.startswith(".םילצנתמ")
    # English is left as it is.
    assert shown["en", "sms"] == message["en", "sms"].text


def test_without_visual_keeps_logical_order() -> None:
    # The banner isolates its values (LRI ... PDI); the SMS sends no mark that changes nothing.
    shown = rendered_output("--lang", "he", "--channel", "banner")
    text = shown["he", "banner"].split("\n--- html ---", 1)[0]
    assert text == render(load_example("identified"), channels=["banner"])[
        "he", "banner"].text
    assert "\u206617:00\u2069" in text


def test_visual_width_wraps_before_reordering() -> None:
    out = io.StringIO()
    code = main(["render", str(example_path("identified")), "--lang", "he", "--channel",
                 "banner", "--visual", "--width", "40"], out=out, err=io.StringIO())
    text = out.getvalue().split("--- text ---\n", 1)[1].split("\n--- html ---", 1)[0]
    assert code == 0
    assert all(len(line) <= 40 for line in text.splitlines())
    assert len(text.splitlines()) > 3
