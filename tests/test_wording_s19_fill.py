"""The SMS fill (reading 6, D1 and D4): once the ladder has chosen a wording, the same wording
is rendered once more with `room`, the units left under the budget, and adds back what that
wording dropped while it fits (sender, apology, no-need line, customer action, thanks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms.bulk.personalise import Personaliser
from crisiscomms.config import ChannelConfig
from crisiscomms.render import _room, render
from crisiscomms.samples import changed_example, example_names, load_example
from crisiscomms.text.sms import sms_capacity

from .example_edits import seen
from .template_copy import TemplateCopy


def _sms(bundle: object, lang: str = "he") -> str:
    return seen(bundle, lang, "sms")  # type: ignore[arg-type]


def test_room_is_the_units_left_under_the_segment_budget() -> None:
    settings = ChannelConfig(max_segments={"he": 2, "en": 2})
    assert sms_capacity("UCS-2", 2) == 134 and sms_capacity("GSM-7", 1) == 160
    assert _room({"encoding": "UCS-2", "units": 110, "segments": 2}, settings, "he") == 24
    assert _room({"encoding": "GSM-7", "units": 209, "segments": 2}, settings, "en") == 97
    assert _room({"encoding": "UCS-2", "units": 140, "segments": 3}, settings, "he") == 0
    assert _room({"characters": 10}, ChannelConfig(), "he") == 0


def test_statement_after_statement_sms_gets_its_sender_back() -> None:
    # Level 9 drops the sender for every incident; the fill gives it back. s21 (R12 he #1): the
    # previous SMS carried the workaround, so the no-need line and the late apology take its
    # room here, under the sender.
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["he"], channels=["sms"])
    message = bundle["he", "sms"]
    assert message.stats["short"] == 10
    assert "שלחו 'חשבונית' ל-2040" not in _sms(bundle)
    assert _sms(bundle).endswith("אין צורך לפנות.")
    assert _sms(bundle).startswith("נתיבים: תקלה בכניסה לאפליקציה")
    assert message.stats["segments"] <= 2


def test_english_statement_after_statement_sms_apologises_for_the_late_update() -> None:
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["en"], channels=["sms"])
    assert bundle["en", "sms"].stats["short"] == 1
    assert "Sorry this update is late." in _sms(bundle, "en")


def test_monitoring_payment_sms_says_do_not_pay_again() -> None:
    bundle = render(load_example("monitoring"), languages=["he", "en"], channels=["sms"])
    # Session 25 (reading 30 en-5): the short action carries its reason; s26: what will happen
    # ("התשלום יופיע …"), not "התשלום נקלט", the contact clause joined into its opening clause in
    # the room of ", עם סיום המעקב".
    assert "העדכון הבא: 12:30. אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום א׳." in (
        _sms(bundle))
    # English has room for the whole action.
    assert "Please do not pay again: your payment will show by the end of Sunday 22 November" in (
        _sms(bundle, "en"))


def test_investigating_sms_adds_the_thanks_it_has_room_for() -> None:
    bundle = render(load_example("investigating"), languages=["he"], channels=["sms"])
    # The router line (customer_action_short, reading 10 #2) takes the room of the sender
    # and the link (level 5); "no need to contact us again" stays.
    assert bundle["he", "sms"].stats["short"] == 5
    # s26 he3 (reading 45 HE-5): the no-need line joined into the router line, and the apology.
    assert _sms(bundle).endswith("הנתב או לפנות שוב. נעדכן ב-09:10. מתנצלים.")


@pytest.mark.parametrize("example", example_names())
def test_the_fill_keeps_every_sms_within_its_budget(example: str) -> None:
    bundle = render(load_example(example), channels=["sms"])
    for message in bundle:
        assert message.stats["segments"] <= (2 if message.language in ("he", "en") else 3)


def test_a_fill_over_budget_is_dropped_and_one_that_fits_is_kept(tmp_path: Path) -> None:
    copy = TemplateCopy.of_defaults(tmp_path / "t")
    incident = load_example("identified")
    # 100 units; the fill asks for exactly the room left: 134 in all.
    with copy.changed("he/sms.txt", '{{ "א" * 100 }}{{ "ב" * room }}\n'):
        message = render(incident, languages=["he"], channels=["sms"],
                         templates=copy.folder)["he", "sms"]
        assert message.stats["units"] == 134 and message.text.count("ב") == 34
    # One unit more than the room: a third segment, so the first render stands.
    with copy.changed("he/sms.txt", '{{ "א" * 100 }}{{ "ב" * (room + 1) if room else "" }}\n'):
        message = render(incident, languages=["he"], channels=["sms"],
                         templates=copy.folder)["he", "sms"]
        assert message.stats["units"] == 100 and "ב" not in message.text


def test_bulk_renders_with_no_room() -> None:
    # A recipient's name takes room the no-name render would give away: bulk (and the render
    # path for one recipient, which it must equal) keeps the chosen wording as it is.
    run = Personaliser(load_example("investigating"))
    personal = run.render_for("he", "sms", {"name": "Dana"})
    assert "תודה על הסבלנות" not in personal.text
    assert personal.stats["segments"] <= 2
