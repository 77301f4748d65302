"""Staff and partner wording (issue 11, session 18): the compensation in the staff voice on
management and talking points and in the partner voice on the partner notice, still counted as
placed; the earlier estimate after a move on management and partners; the partner priority
line; no capital letter after a colon in the English staff templates."""

from __future__ import annotations

import re
from typing import Any

import pytest

from crisiscomms import Bundle, render
from crisiscomms.lint.run import lint
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.bidi import strip_controls

from .example_edits import edited

STAFF = ("management", "talking_points")
LANGS = ("he", "en", "ar", "ru")


def _text(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    message = bundle[lang, channel]
    if output == "text":
        return strip_controls(message.text)
    return strip_controls(re.sub(r"<[^>]+>", "", message.html or ""))


@pytest.fixture(scope="module")
def compensated() -> Bundle:
    return render(load_example("compensation"), languages=LANGS)


@pytest.fixture(scope="module")
def moved() -> Bundle:
    previous, current = changed_example()
    return render(current, previous=previous, languages=LANGS)


# Session 25 (reading 30 en-1): the shipped config sends the voucher by SMS within 7 days.
# s26 (reading 33): the customer sentence is in the third person too ("ללא צורך בפנייה", "ستصلهم";
# en "we will text every affected customer").
# s26 (EN-5, AR-6): the email answers one customer and says it to them (f.compensation.direct:
# en "we will text you", ar "وستصلكم"); the public channels keep the third person. Neither is in
# a briefing outside a quote.
CUSTOMER_VOICE = {"he": ("ללא צורך בפנייה", "לפנות אלינו כדי"),
                  "en": ("we will text every affected customer", "no need to ask",
                         "we will text you", "You do not need to ask"),
                  # s27 (reading 46 AR-1): the Arabic public sentence speaks to its readers.
                  "ar": ("ستصلكم برسالة نصية بحلول", "ستصلهم", "التواصل معنا من أجل", "وستصلكم",
                         "ستحصلون"),
                  "ru": ("Мы пришлём его", "пришлём его")}
DIRECT_VOICE = {"he": "ללא צורך בפנייה", "en": "we will text you a voucher",
                "ar": "وستصلكم برسالة نصية", "ru": "Мы пришлём его"}
STAFF_VOICE = {"he": "השובר יישלח ללקוחות ב-SMS עד יום שבת, 28 בנובמבר, ואין צורך שיפנו כדי "
                     "לקבל אותו.",
               "en": "We will text it to them by Saturday 28 November; they need not ask for it.",
               "ar": "ستصل القسيمة إلى الزبائن برسالة نصية بحلول يوم السبت 28 نوفمبر",
               "ru": "Сертификат придёт клиентам в SMS не позднее субботы, 28 ноября"}
PARTNER_VOICE = {"he": "השובר יישלח ללקוחותיכם ב-SMS עד יום שבת, 28 בנובמבר, ואין צורך שיפנו "
                       "אליכם או אלינו",
                 "en": "We will text it to your clients by Saturday 28 November; they need not "
                       "ask you or us for it.",
                 "ar": "ستصل القسيمة إلى زبائنكم برسالة نصية بحلول يوم السبت 28 نوفمبر",
                 "ru": "Сертификат придёт вашим клиентам в SMS не позднее субботы, 28 ноября"}


def _unquoted(text: str) -> str:
    """The text without what it quotes ("…", «…», “…”)."""
    return re.sub(r'"[^"]*"|«[^»]*»|“[^”]*”|&quot;.*?&quot;', "", text, flags=re.S)


@pytest.mark.parametrize("lang", LANGS)
def test_staff_and_partners_get_the_compensation_in_their_own_voice(compensated: Bundle,
                                                                     lang: str) -> None:
    for output in ("text", "html"):
        for channel in STAFF:
            seen = _text(compensated, lang, channel, output)
            assert STAFF_VOICE[lang] in seen, (channel, output)
            assert "10%" in seen.replace("\u00a0", "").replace(" %", "%"), (channel, output)
            # A rep's quoted line to the customer is in the customer's voice, rightly; the
            # briefing itself is not.
            briefing = _unquoted(seen)
            for phrase in CUSTOMER_VOICE[lang]:
                assert phrase not in briefing, (channel, output, phrase)
        seen = _text(compensated, lang, "partners", output)
        assert PARTNER_VOICE[lang] in seen, output
        for phrase in CUSTOMER_VOICE[lang]:
            assert phrase not in seen, (output, phrase)
    # Customers still hear it in theirs: the email to the one customer, the status page to all.
    assert DIRECT_VOICE[lang] in _text(compensated, lang, "email")
    assert CUSTOMER_VOICE[lang][0] in _text(compensated, lang, "status_page")


def test_the_voiced_compensation_counts_as_placed(compensated: Bundle) -> None:
    for lang in LANGS:
        for channel in (*STAFF, "partners"):
            placed = compensated[lang, channel].placed_in["text"]
            assert "compensation.percent" in placed, (lang, channel)
    missing = [f for f in compensated.findings if f.rule == "required-facts"]
    assert not missing


def test_lint_stays_clean_with_the_voiced_compensation() -> None:
    findings = [f for f in lint() if f.severity == "error"]
    assert not findings


def test_no_capital_after_a_colon_for_compensation_in_english(compensated: Bundle) -> None:
    for channel in (*STAFF, "partners"):
        assert not re.search(r"Compensation: [A-Z]", _text(compensated, "en", channel))


@pytest.mark.parametrize(("lang", "was"), [("he", "(במקום 15:30)"), ("en", "(was 15:30)"),
                                           ("ar", "(بدلًا من 15:30)"), ("ru", "(вместо 15:30)")])
def test_management_and_partners_say_what_the_estimate_was(moved: Bundle, lang: str,
                                                           was: str) -> None:
    for channel in ("management", "partners"):
        for output in ("text", "html"):
            seen = _text(moved, lang, channel, output)
            assert "17:00 " + was in seen, (channel, output)


def test_a_withdrawn_estimate_is_said_on_management_and_partners() -> None:
    previous, current = changed_example()
    data: dict[str, Any] = current.model_dump(mode="json", exclude_none=True)
    data.pop("eta")
    bundle = render(type(current).model_validate(data), previous=previous)
    for channel in ("management", "partners"):
        en = _text(bundle, "en", channel)
        # The management update and the partner notice give the date (s26, reading 44 HE-14;
        # reading 46 HE-6: kept and forwarded).
        day = {"en": "on Sunday 22 November", "he": "ביום ראשון, 22 בנובמבר,"}
        assert f"(the earlier estimate, {day['en']} at 15:30, no longer holds)." in en, channel
        assert "Expected back: We" not in en
        he = _text(bundle, "he", channel)
        assert f"(הצפי הקודם, {day['he']} בשעה 15:30, כבר אינו בתוקף)." in he, channel


def test_the_partner_priority_line_reads_plainly() -> None:
    bundle = render(load_example("identified"), channels=["partners"])
    en = _text(bundle, "en", "partners")
    assert "That way, the customers hit hardest are helped first." in en
    assert "This way help reaches first" not in en
    assert "כך הלקוחות שנפגעו יותר מכול מקבלים מענה ראשונים." in _text(bundle, "he", "partners")


def test_resolved_partner_notice_opens_with_the_title_not_a_bracket(compensated: Bundle) -> None:
    en = _text(compensated, "en", "partners")
    assert "the problem is resolved (" not in en
    assert "Dear agents and resellers,\n\n" in en


def test_management_contact_channels_are_a_sentence_and_a_paragraph_ends() -> None:
    services = [{"id": "app", "name": {"he": "האפליקציה", "en": "the mobile app"}},
                {"id": "call-centre", "name": {"he": "מוקד השירות הטלפוני",
                                               "en": "our phone line"}}]
    bundle = render(edited(services=services), channels=["management"])
    en = _text(bundle, "en", "management")
    assert "Contact channels: Our" not in en
    assert "- Our phone line is down because of this problem." in en
    for lang in ("he", "en"):
        text = _text(bundle, lang, "management")
        heading = {"he": "פניות פתוחות", "en": "Open contacts"}[lang]
        assert "\n\n" + heading + "\n" in text, lang


def test_reps_do_not_tell_customers_to_call_when_the_phone_line_is_down() -> None:
    services = [{"id": "call-centre", "name": {"he": "מוקד השירות הטלפוני",
                                               "en": "our phone line"}}]
    bundle = render(edited(services=services), channels=["talking_points"])
    assert "There is no need to get in touch again: " in _text(bundle, "en", "talking_points")
    assert "call again" not in _text(bundle, "en", "talking_points")
    assert "להתקשר שוב" not in _text(bundle, "he", "talking_points")
