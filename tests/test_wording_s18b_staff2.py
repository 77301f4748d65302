"""Session 18, round 2 (issue 11, final reading R11-R13): the partner notice, the reps'
talking points and the management update as a senior service manager would send them."""

from __future__ import annotations

import pytest

from crisiscomms import render
from crisiscomms.samples import load_example

from .example_edits import edited, seen

LANGS = ["he", "en", "ar", "ru"]
CALL_CENTRE = [{"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line",
                                              "ar": "مركز الاتصال", "ru": "телефонная линия"}}]


@pytest.mark.parametrize("lang", LANGS)
def test_partner_notice_does_not_claim_some_customers(lang: str) -> None:
    """R11: a nationwide outage is not "a problem affecting some customers"."""
    some, ours = {"he": ("על חלק מהלקוחות", "תקלה שמשפיעה על לקוחותינו,"),
                  "en": ("affecting some customers", "a problem affecting our customers,"),
                  "ar": ("على بعض الزبائن", "خلل يؤثر على زبائننا،"),
                  "ru": ("затронул часть клиентов", "который затронул наших клиентов,")}[lang]
    for name in ("identified", "overnight"):
        for output in ("text", "html"):
            text = seen(render(load_example(name), languages=[lang], channels=["partners"]),
                        lang, "partners", output)
            assert some not in text and ours in text, (name, output)


def test_resolved_partner_notice_says_the_fault_was_fixed() -> None:
    """R11: "the handling is complete: <title>." becomes a sentence that names the fault."""
    bundle = render(load_example("compensation"), languages=["he", "en"],
                    channels=["partners"])
    he, en = seen(bundle, "he", "partners"), seen(bundle, "en", "partners")
    assert "הטיפול בתקלה הושלם:" not in he
    assert "ברצוננו לעדכן שהתקלה שהשפיעה על שירותי הסלולר טופלה, והשירות חזר" in he
    assert "– resolved." not in en
    assert "The mobile outage in central Israel has been resolved. Service was" in en
    assert "The mobile outage in central Israel has been resolved." in seen(
        bundle, "en", "partners", "html")


@pytest.mark.parametrize("lang", LANGS)
def test_resolved_talking_points_speak_in_the_past(lang: str) -> None:
    """R12: a resolved briefing is headed "what happened", "service affected" (one service,
    s20 R9 #4: the label follows the count)."""
    live, done = {"he": (("מה קורה", "השירותים המושפעים"), ("מה קרה", "השירות שהושפע")),
                  "en": (("What is happening", "Affected services"),
                         ("What happened", "Service affected")),
                  "ar": (("ما الذي يحدث", "الخدمات المتأثرة"),
                         ("ما الذي حدث", "الخدمة التي تأثرت")),
                  "ru": (("Что происходит", "Затронутые сервисы"),
                         ("Что произошло", "Был затронут сервис"))}[lang]
    for output in ("text", "html"):
        resolved = seen(render(load_example("resolved"), languages=[lang],
                               channels=["talking_points"]), lang, "talking_points", output)
        ongoing = seen(render(load_example("identified"), languages=[lang],
                              channels=["talking_points"]), lang, "talking_points", output)
        assert all(w not in resolved for w in live) and all(w in resolved for w in done)
        assert all(w in ongoing for w in live) and all(w not in ongoing for w in done)


@pytest.mark.parametrize("lang", LANGS)
def test_talking_points_give_reps_the_compensation_to_say(lang: str) -> None:
    """R12: under "what to say", the compensation in the words a rep says to a customer."""
    bundle = render(load_example("compensation"), languages=[lang],
                    channels=["talking_points", "email"])
    text = seen(bundle, lang, "talking_points")
    email = seen(bundle, lang, "email")
    quoted = [line for line in text.split("\n") if line.startswith(("- \"", "- «"))]
    # Russian puts the full stop after the closing guillemet: «…».
    assert any(len(line) > 60 and line[3:].rstrip(".").rstrip("»\"") in email
               for line in quoted), text


@pytest.mark.parametrize("lang", LANGS)
def test_management_open_contacts_do_not_repeat_their_heading(lang: str) -> None:
    """R13: under "Open contacts", no line opens with "Open contacts:" again."""
    label = {"he": "פניות פתוחות:", "en": "Open contacts:", "ar": "الطلبات المفتوحة:",
             "ru": "Открыт"}[lang]
    for name in ("identified", "overnight"):
        for output in ("text", "html"):
            text = seen(render(load_example(name), languages=[lang], channels=["management"]),
                        lang, "management", output)
            body = text.split("\n", 1)[1].replace("<li>", "- ")
            assert not any(line.startswith(f"- {label}") for line in body.split("\n")), body


def test_hebrew_management_says_how_long_it_has_lasted_in_one_sentence() -> None:
    """R13: "התקלה החלה ...; היא נמשכת 40 דקות" -> "התקלה החלה ... ונמשכת כבר 40 דקות"."""
    text = seen(render(load_example("identified"), languages=["he"], channels=["management"]),
                "he", "management")
    assert "היא נמשכת" not in text
    # s26 (reading 44 HE-14): with its date, the update being kept and forwarded.
    assert "התקלה החלה ביום ראשון, 22 בנובמבר, בשעה 13:05 ונמשכת כבר שעה וחמש דקות." in text


@pytest.mark.parametrize("lang", LANGS)
def test_talking_points_leave_the_customer_apology_for_a_late_update_out(lang: str) -> None:
    """"We apologise for this late update" is said to customers, not to reps in a briefing."""
    late = {"he": "העיכוב בעדכון", "en": "late update", "ar": "التأخر", "ru": "задерж"}[lang]
    bundle = render(load_example("identified"), languages=[lang], channels=["talking_points"])
    assert late not in seen(bundle, lang, "talking_points").split("\n\n")[2]


def test_reps_quote_the_customer_action_and_english_lowers_after_a_colon() -> None:
    bundle = render(load_example("identified"), languages=["he", "en"],
                    channels=["talking_points", "partners"])
    assert '- "There is no need to reinstall the app' in seen(bundle, "en", "talking_points")
    assert '- "אין צורך להתקין מחדש את האפליקציה' in seen(bundle, "he", "talking_points")
    # s26 (reading 44 AR-4): the workaround is offered to the customer, quoted whole.
    assert 'A workaround to offer the customer: "To get' in seen(bundle, "en", "talking_points")
    assert 'A workaround you can offer your clients: "To get' in seen(bundle, "en", "partners")


@pytest.mark.parametrize("lang", ["he", "en"])
def test_partners_and_reps_are_told_which_contact_channels_are_down(lang: str) -> None:
    bundle = render(edited("identified", services=CALL_CENTRE), languages=[lang],
                    channels=["talking_points", "partners", "management"])
    down = {"he": "מוקד השירות הטלפוני אינו זמין", "en": "Our phone line is down"}[lang]
    assert down in seen(bundle, lang, "management")
    for channel in ("talking_points", "partners"):
        for output in ("text", "html"):
            assert down in seen(bundle, lang, channel, output), channel
