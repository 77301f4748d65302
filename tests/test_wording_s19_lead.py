"""Session 19, reading 6: small fixes made while merging (each fails without its fix)."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import load_example

from .example_edits import seen


def test_services_join_the_title_only_after_a_title_that_opens_with_its_fault() -> None:
    # "הפסקת אינטרנט ביתי בצפון ובשירות ה-TV" reads the "ב" as another place.
    bundle = render(load_example("investigating"), languages=["he"], channels=["sms"])
    text = seen(bundle, "he", "sms")
    assert "ובשירות ה-TV" not in text and "שירות ה-TV" in text
    # After "תקלה ב…" it reads as one phrase.
    bundle = render(load_example("identified"), languages=["he"], channels=["sms"])
    assert "תקלה בכניסה לאפליקציה ובאזור האישי באתר" in seen(bundle, "he", "sms")
