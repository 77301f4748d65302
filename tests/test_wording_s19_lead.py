"""Session 19, reading 6: small fixes made while merging (each fails without its fix)."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import changed_example, load_example

from .example_edits import seen


def test_services_join_the_title_only_after_a_title_that_opens_with_its_fault() -> None:
    # "הפסקת אינטרנט ביתי בצפון ובשירות ה-TV" reads the "ב" as another place.
    bundle = render(load_example("investigating"), languages=["he"], channels=["sms"])
    text = seen(bundle, "he", "sms")
    assert "ובשירות ה-TV" not in text and "שירות ה-TV" in text
    # After "תקלה ב…" it reads as one phrase.
    bundle = render(load_example("identified"), languages=["he"], channels=["sms"])
    assert "תקלה בכניסה לאפליקציה ובאזור האישי באתר" in seen(bundle, "he", "sms")


def test_banner_and_social_say_only_the_services_the_title_leaves_out() -> None:
    # Reading 6: "תקלה בכניסה לאפליקציה (האפליקציה והאזור האישי באתר)" repeated the title.
    # (The statement after a statement: its estimate change takes the room of the long form.)
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["he", "en", "ar", "ru"],
                    channels=["banner", "social"])
    for channel in ("banner", "social"):
        assert "(גם האזור האישי באתר)" in seen(bundle, "he", channel)
        assert "(also the online account)" in seen(bundle, "en", channel)
        assert "(وكذلك الحساب الشخصي في الموقع)" in seen(bundle, "ar", channel)
