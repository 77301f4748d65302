"""Session 19, the SMS (R1, R4, R8, R11): the he SMS names only the services its title leaves
out, so the short workaround fits and outlasts the no-need line and the sender; the resolved
SMS says the day; Russian takes a small letter after the sender's colon."""

from __future__ import annotations

from crisiscomms.bulk.personalise import Personaliser
from crisiscomms.channels import CHANNELS
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.facts import after_title
from crisiscomms.render import render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .example_edits import seen

_HE = load_language(default_templates_dir(), "he")


def _findings(bundle: object, rule: str) -> list[object]:
    return [f for f in bundle.findings if f.rule == rule]  # type: ignore[attr-defined]


def test_he_identified_sms_carries_the_short_workaround_without_a_warning() -> None:
    bundle = render(load_example("identified"), channels=["sms"])
    text = seen(bundle, "he", "sms")
    assert "שלחו 'חשבונית' ל-2040" in text
    assert bundle["he", "sms"].stats["segments"] <= 2
    assert not _findings(bundle, "sms-workaround-dropped")
    assert not _findings(bundle, "required-fact")


def test_he_sms_names_only_the_services_the_title_leaves_out() -> None:
    text = seen(render(load_example("identified"), channels=["sms"]), "he", "sms")
    assert "תקלה בכניסה לאפליקציה ובאזור האישי – " in text
    assert "(האפליקציה" not in text


def test_beyond_title_only_when_the_title_names_some() -> None:
    names = ["האפליקציה", "האזור האישי באתר"]
    assert str(after_title("תקלה בכניסה לאפליקציה", names, _HE, True, _HE.speech)) == \
        " ובאזור האישי באתר"
    # The title names none, or all: the whole list (or none) is said instead.
    assert after_title("תקלה בתשלומים", names, _HE, True, _HE.speech) is None
    assert after_title("תקלה באפליקציה ובאזור האישי באתר", names, _HE, True,
                        _HE.speech) is None
    # A name opening with a Latin letter takes a hyphen after ב.
    assert str(after_title("תקלה באפליקציה", ["האפליקציה", "Wi-Fi"], _HE, True,
                            _HE.speech)) == " וב-Wi-Fi"


def test_required_fact_accepts_the_title_with_the_services_beyond_it() -> None:
    bundle = render(load_example("identified"), channels=["sms"])
    assert "האפליקציה" not in seen(bundle, "he", "sms")
    assert not _findings(bundle, "required-fact")


def test_short_workaround_outlasts_the_no_need_line_and_the_sender() -> None:
    # Every SMS wording but the last keeps the short form; the no-need line goes first.
    text = seen(render(load_example("identified"), channels=["sms"]), "he", "sms")
    assert "אין צורך לפנות שוב" not in text and "2040" in text
    assert CHANNELS["sms"].short_wording == 11


def test_resolved_compensation_sms_says_the_day() -> None:
    # Reading 6 D4: the short form drops "היום בשעה"; the time is today's. s21 (R12 he #7): the
    # sender goes before the apology (the handset shows the sender ID; the voucher asks nothing).
    text = seen(render(load_example("compensation"), channels=["sms"]), "he", "sms")
    assert text.startswith("הפסקה בשירותי הסלולר במרכז – טופלה ב-17:50.")
    # s20 (R8 he #2): "– טופלה ב-17:50." gives its room to the apology after a long outage.
    # s25 (reading 30 HE-17): beside the voucher's route and last day, "מתנצלים." in brief.
    assert "– טופלה ב-17:50." in text and text.endswith("מתנצלים.")


def test_russian_sms_small_letter_after_the_sender() -> None:
    bundle = render(load_example("investigating"), languages=["ru"], channels=["sms"])
    assert seen(bundle, "ru", "sms").startswith("Нетивим: сбой домашнего интернета")
    bundle = render(load_example("resolved"), languages=["ru"], channels=["sms"])
    assert seen(bundle, "ru", "sms").startswith("Нетивим: проблема с отправкой")


def test_russian_title_after_a_greeting_keeps_its_capital() -> None:
    message = Personaliser(load_example("investigating")).render_for(
        "ru", "sms", {"name": "Анна"})
    assert "Анна! Сбой" in strip_controls(message.text)
