"""Session 19 (issue 11, reading 5 R3, R9, R12, R13): the reps' talking points, the
management update and the partner notice as a senior service manager would send them."""

from __future__ import annotations

import html
import re

import pytest

from crisiscomms import Bundle, render
from crisiscomms.samples import changed_example, load_example

from .example_edits import edited
from .example_edits import seen as _seen

STAFF = ["talking_points", "management", "partners"]
OUTPUTS = ["text", "html"]


def seen(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    """What a reader sees: HTML without its tags, entities ("&#39;") as their characters."""
    return html.unescape(re.sub(r"<bdi>|</bdi>", "", _seen(bundle, lang, channel, output)))


CALL_CENTRE_DOWN = [
    {"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line"}},
    {"id": "support-mail", "name": {"he": "פניות בדואר האלקטרוני", "en": "email support"}},
]


@pytest.mark.parametrize("channel", STAFF)
@pytest.mark.parametrize("output", OUTPUTS)
def test_working_channels_are_a_bare_list(channel: str, output: str) -> None:
    """R3: no preposition after the colon; the list names the channels."""
    bundle = render(edited("identified", services=CALL_CENTRE_DOWN), languages=["he", "en"],
                    channels=[channel])
    he, en = seen(bundle, "he", channel, output), seen(bundle, "en", channel, output)
    assert "לערוצים הפעילים: הצ'אט באתר ומרכזי השירות." in he
    # The staff lists are bare; the partners' customer quote may say "אפשר לפנות … בצ'אט באתר
    # ובמרכזי השירות" (a sentence, reading 18 ar L4), so only the lists are looked at.
    lists = [line for line in he.splitlines() if "הפעילים" in line or ": הצ'אט" in line]
    assert lists and not any(": בצ'אט" in line or "ובמרכזי השירות" in line for line in lists)
    assert "the channels that still work: chat on our website and our service centres." in en
    assert "the ones that work" not in en and ": by chat" not in en


def test_the_list_keeps_an_address_and_hours() -> None:
    """R3: a working email is named with its address, a working phone with its hours."""
    services = [{"id": "chat", "name": {"he": "הצ'אט באתר", "en": "the chat on our website"}}]
    bundle = render(edited("identified", services=services), languages=["he", "en"],
                    channels=["management"])
    he, en = seen(bundle, "he", "management"), seen(bundle, "en", "management")
    assert "לערוצים הפעילים: המוקד הטלפוני " in he
    assert "(א'–ה' 08:00–20:00, ו' 08:00–13:00), המייל service@netivim.example ומרכזי השירות." in he
    assert "still work: our phone line on " in en
    assert "email to service@netivim.example and our service centres." in en


@pytest.mark.parametrize("channel", ["talking_points", "management"])
@pytest.mark.parametrize("output", OUTPUTS)
def test_one_date_style_in_a_staff_notice(channel: str, output: str) -> None:
    """R9: restored today beside started yesterday, both relative; s25 (reading 30 AR-11): the
    reps' brief of a resolved incident is quoted for weeks, so both carry the date there."""
    bundle = render(load_example("compensation"), languages=["he", "en"], channels=[channel])
    he, en = seen(bundle, "he", channel, output), seen(bundle, "en", channel, output)
    # s26 (reading 44 HE-14): the management update too, kept and forwarded.
    if channel in ("talking_points", "management"):
        assert "השירות חזר לפעול ביום שבת, 21 בנובמבר, בשעה 17:50" in he
        assert "התקלה החלה ביום שישי, 20 בנובמבר, בשעה 06:10" in he and "אתמול" not in he
        assert "restored on Saturday 21 November at 17:50" in en
        assert "started on Friday 20 November at 06:10" in en and "yesterday" not in en
        return
    assert "השירות חזר לפעול היום בשעה 17:50" in he and "התקלה החלה אתמול בשעה 06:10" in he
    assert "ביום שבת, 21 בנובמבר" not in he
    assert "restored today at 17:50" in en and "started yesterday at 06:10" in en
    assert "Saturday 21 November" not in en


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", ["identified", "monitoring", "investigating"])
def test_what_not_to_promise_is_true_in_each_status(name: str, output: str) -> None:
    """R12: no "official estimate" when there is none or while monitoring."""
    incident = load_example(name)
    bundle = render(incident, languages=["he", "en"], channels=["talking_points"])
    he = seen(bundle, "he", "talking_points", output)
    en = seen(bundle, "en", "talking_points", output)
    assert "מהצפי הרשמי" not in he and "official estimate" not in en
    if incident.eta is not None:
        assert "לא לנקוב בשעת סיום אחרת מזו שפורסמה." in he
        assert "Do not give any end time other than the published one." in en
    else:
        assert "לא לנקוב בשעת סיום: טרם פורסם צפי, ואין לנחש." in he
        assert "Do not give an end time: none has been published yet, so do not guess." in en
    # Each item on its own line.
    if output == "text":
        assert "ואין לנחש.-" not in he and "שפורסמה.-" not in he


def test_investigating_has_no_estimate() -> None:
    assert load_example("investigating").eta is None


@pytest.mark.parametrize("output", OUTPUTS)
def test_management_without_priority_says_the_order_received(output: str) -> None:
    """R13: no "this priority order" after "no special priority has been set"."""
    bundle = render(edited("identified", internal=None), languages=["he", "en"],
                    channels=["management"])
    he, en = seen(bundle, "he", "management", output), seen(bundle, "en", "management", output)
    assert "מציגה את סדר העדיפויות הזה" not in he
    assert "ההודעה לסוכנים ולמשווקים מסבירה שהפניות מטופלות לפי סדר קבלתן" in he
    assert "states this order" not in en
    assert "explains that contacts are handled in the order received and asks" in en


def test_management_with_priority_still_states_it() -> None:
    bundle = render(load_example("monitoring"), languages=["he", "en"], channels=["management"])
    assert "מציגה את סדר העדיפויות הזה" in seen(bundle, "he", "management")
    assert "states this order" in seen(bundle, "en", "management")


@pytest.mark.parametrize("output", OUTPUTS)
def test_thanks_close_what_to_say(output: str) -> None:
    """The customer action is said before the thanks, not after them."""
    bundle = render(load_example("identified"), languages=["he", "en"],
                    channels=["talking_points"])
    he = seen(bundle, "he", "talking_points", output)
    en = seen(bundle, "en", "talking_points", output)
    assert he.index("אין צורך להתקין מחדש") < he.index("תודה על הסבלנות")
    assert en.index("There is no need to reinstall") < en.index("Thank you for your patience")


@pytest.mark.parametrize("output", OUTPUTS)
def test_what_to_say_owns_a_changed_estimate(output: str) -> None:
    """A customer told 15:30 hears that the estimate is new, not a bare "17:00"."""
    prev, cur = changed_example()
    bundle = render(cur, previous=prev, languages=["he", "en"],
                    channels=["talking_points", "partners"])
    assert "הצפי המעודכן שלנו הוא היום בשעה 17:00" in seen(bundle, "he", "talking_points", output)
    assert "We now expect service to be back today at 17:00" in seen(
        bundle, "en", "talking_points", output)
    assert "הצפי המעודכן הוא שהשירות יחזור לפעול היום בשעה 17:00" in seen(
        bundle, "he", "partners", output)
    assert "Service is now expected back today at 17:00" in seen(bundle, "en", "partners", output)
    plain = render(load_example("identified"), languages=["he", "en"],
                   channels=["talking_points"])
    assert "הצפי שלנו הוא" in seen(plain, "he", "talking_points", output)
    assert "We expect service to be back" in seen(plain, "en", "talking_points", output)


@pytest.mark.parametrize("output", OUTPUTS)
def test_management_says_the_order_received_once(output: str) -> None:
    """R13: "handled in the order received" is said once, in the line about the notice."""
    bundle = render(edited("identified", internal=None), languages=["he", "en"],
                    channels=["management"])
    he, en = seen(bundle, "he", "management", output), seen(bundle, "en", "management", output)
    assert he.count("לפי סדר קבלתן") == 1 and en.count("in the order received") == 1
    resolved = render(edited("resolved", internal=None), languages=["he", "en"],
                      channels=["management"])
    assert "לא נקבע סדר עדיפויות מיוחד: הפניות מטופלות לפי סדר קבלתן." in seen(
        resolved, "he", "management", output)
    assert "No special priority has been set: contacts are handled in the order received." in (
        seen(resolved, "en", "management", output))


@pytest.mark.parametrize("channel", STAFF)
@pytest.mark.parametrize("output", OUTPUTS)
def test_no_estimate_line_does_not_echo_itself(channel: str, output: str) -> None:
    """"צפי לחזרת השירות: עדיין אין לנו הערכה מבוססת למועד חזרת השירות" says it twice."""
    bundle = render(load_example("investigating"), languages=["he"], channels=[channel])
    he = seen(bundle, "he", channel, output)
    assert "צפי לחזרת השירות: עדיין אין" not in he
    assert "טרם נקבע צפי." in he
