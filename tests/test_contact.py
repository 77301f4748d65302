"""Contact channels and reference (issue 11, items 10, 11 and 13): a contact channel the
incident takes down is never pointed at and is said to be down, every customer message names
the channels that work (with the phone's hours); the email auto-reply carries a reference;
SMS carries the status page link when it fits; a customer_action that already says there is
no need to contact us is not repeated by the fixed sentence."""

from __future__ import annotations

from typing import Any

import pytest

from crisiscomms import Bundle, render

from .example_edits import edited, seen

LISTED = ("email", "status_page")
"""Customer channels with room for every working channel and the phone's hours."""


_incident = edited
_seen = seen


def _call_centre_down(**changes: Any) -> Any:
    services = [{"id": "app", "name": {"he": "האפליקציה", "en": "the mobile app"}},
                {"id": "call-centre", "name": {"he": "מוקד השירות הטלפוני",
                                               "en": "our phone line"}}]
    return _incident(services=services, **changes)


@pytest.fixture(scope="module")
def phone_down() -> Bundle:
    return render(_call_centre_down())


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_call_centre_down_is_never_pointed_at(phone_down: Bundle, lang: str) -> None:
    pointers = {"he": ("בטלפון", "הישארו על הקו", "חייגו"),
                "en": ("by phone", "stay on the line", "dial")}[lang]
    for channel in ("ivr", "email", "banner", "sms", "status_page", "social"):
        for output in ("text", "ssml", "html"):
            seen = _seen(phone_down, lang, channel, output)
            for pointer in pointers:
                assert pointer not in seen, (channel, output, pointer)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_call_centre_down_is_said_and_the_others_named(phone_down: Bundle,
                                                           lang: str) -> None:
    down = {"he": "מוקד השירות הטלפוני אינו זמין כרגע בגלל התקלה.",
            "en": "Our phone line is down because of this problem."}[lang]
    # The banner scopes the working channel to any other matter with a verb of its own
    # ("For anything else, chat with us on our website.", reading 23), the others say it.
    chat = {"he": ("בצ'אט באתר",), "en": ("by chat on our website",
                                         "chat with us on our website")}[lang]
    for channel in ("ivr", "email", "banner", "status_page"):
        seen = _seen(phone_down, lang, channel)
        assert any(words in seen for words in chat), channel
        if channel in ("email", "status_page"):
            assert down in seen, channel
    errors = [(f.channel, f.rule) for f in phone_down.findings
              if f.severity == "error" and f.language == lang]
    assert errors == []


@pytest.mark.parametrize("lang", ["he", "en"])
def test_every_working_channel_with_the_phone_hours(lang: str) -> None:
    bundle = render(_incident(), channels=list(LISTED))
    # s25 (reading 30 HE-10, RU-14): an open incident's email and status page have said there
    # is no need to call about it, so the channels are for anything else.
    expected = {
        "he": "בכל נושא אחר אפשר לפנות אלינו בטלפון *2040 (א'–ה' 08:00–20:00, ו' 08:00–13:00), "
              "בצ'אט באתר, במייל service@netivim.example ובמרכזי השירות.",
        "en": "For anything else, you can reach us by phone on *2040 (Sun–Thu 08:00–20:00, "
              "Fri 08:00–13:00), "
              "by chat on our website, by email at service@netivim.example and at our "
              "service centres."}[lang]
    for channel in LISTED:
        assert expected in _seen(bundle, lang, channel).replace("\\", ""), channel


def test_email_down_no_reply_to_this_email() -> None:
    services = [{"id": "support-mail", "name": {"he": "פניות במייל", "en": "email support"}}]
    bundle = render(_incident(services=services), channels=["email"])
    assert "השיבו למייל זה" not in _seen(bundle, "he", "email")
    assert "reply to this email" not in _seen(bundle, "en", "email")
    assert "במייל service@" not in _seen(bundle, "he", "email")
    assert "איננו מטפלים כרגע בפניות במייל" in _seen(bundle, "he", "email")
    # Once resolved, email works again (s18b): it is offered, never said to be down.
    bundle = render(_incident("resolved", services=services), channels=["email"])
    assert "השיבו למייל זה" in _seen(bundle, "he", "email")
    assert "פניות במייל אינן מתקבלות כרגע" not in _seen(bundle, "he", "email")


def test_the_email_auto_reply_carries_a_reference() -> None:
    bundle = render(_incident(), channels=["email"])
    assert "מספר האירוע לעיון: INC-2041" in _seen(bundle, "he", "email")
    assert "Reference: INC-2041" in _seen(bundle, "en", "email")
    assert "INC-2041" in _seen(bundle, "he", "email", "html")


def test_sms_carries_the_status_page_when_it_fits() -> None:
    bundle = render(_incident(), channels=["sms"])
    assert "status.netivim.example" in _seen(bundle, "en", "sms")  # written bare in SMS
    assert bundle["en", "sms"].stats["segments"] <= 2


def test_no_contact_again_is_said_once() -> None:
    action = {"he": "אין צורך לפנות אלינו שוב: הפנייה שלכם רשומה.",
              "en": "There is no need to contact us again: your request is recorded."}
    bundle = render(_incident(customer_action=action), channels=["email", "ivr"])
    he, en = _seen(bundle, "he", "email"), _seen(bundle, "en", "email")
    assert he.count("אין צורך") == 1 and "ואין צורך לשלוח אותה שוב" not in he
    assert en.count("no need") == 1
    assert "בעניין התקלה אין צורך להמתין" not in _seen(bundle, "he", "ivr")
    assert "No need to hold" not in _seen(bundle, "en", "ivr")
    # Without such an action the fixed sentence is there.
    plain = render(_incident(), channels=["email"])
    assert "ואין צורך לשלוח אותה שוב" in _seen(plain, "he", "email")
