"""Session 19, reading 6 (issue 11), defects 2, 9 and 10: staff and partner notices when a
contact channel is down, the email's paragraphs, and English small letters after a label."""

from __future__ import annotations

import html
import re

import pytest

from crisiscomms import Bundle, render
from crisiscomms.samples import load_example

from .example_edits import edited
from .example_edits import seen as _seen

PHONE_AND_MAIL = [
    {"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line"}},
    {"id": "support-mail", "name": {"he": "פניות בדואר האלקטרוני", "en": "email support"}},
]
OUTPUTS = ("text", "html")


def seen(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    """As the reader sees it, HTML entities too ("&#39;" is an apostrophe)."""
    return html.unescape(_seen(bundle, lang, channel, output))


def _contact_down(channel: str, lang: str, output: str = "text") -> str:
    bundle = render(edited("identified", services=PHONE_AND_MAIL), languages=[lang],
                    channels=[channel])
    return seen(bundle, lang, channel, output)


@pytest.mark.parametrize("output", OUTPUTS)
def test_partners_hardship_line_names_the_working_channels(output: str) -> None:
    """D2: "the usual channel" is the phone line that is down; name the ones that work."""
    he, en = _contact_down("partners", "he", output), _contact_down("partners", "en", output)
    assert "בערוץ הרגיל" not in he and "the usual channel" not in en
    assert "ניתן להעביר אלינו באחד הערוצים הפעילים (הצ'אט באתר ומרכזי השירות)" in he
    assert ("can be passed to us through one of the channels that still work (chat on our "
            "website and our service centres)") in en


@pytest.mark.parametrize("lang", ["he", "en"])
def test_partners_keep_the_usual_channel_when_none_is_down(lang: str) -> None:
    text = seen(render(load_example("identified"), languages=[lang], channels=["partners"]),
                lang, "partners")
    assert {"he": "בערוץ הרגיל", "en": "through the usual channel"}[lang] in text


@pytest.mark.parametrize("output", OUTPUTS)
def test_partners_promise_only_requests_received_before_mail_went_down(output: str) -> None:
    """D2: the auto-reply says emails sent during the outage are not kept, so the partners'
    quote may not say that every request received is recorded."""
    he, en = _contact_down("partners", "he", output), _contact_down("partners", "en", output)
    assert "כל פנייה שכבר התקבלה רשומה" not in he
    assert "every request already received is recorded" not in en
    assert "פניות שהתקבלו לפני התקלה רשומות ויטופלו" in he
    assert "פניות שנשלחו במייל בזמן התקלה לא נשמרו" in he
    assert "Requests received before the outage are recorded and will be handled" in en
    # s25 (reading 30 en-2): "have not been saved", not the translated "cannot be kept".
    assert "Emails sent during the outage have not been saved" in en


@pytest.mark.parametrize("output", OUTPUTS)
def test_staff_notices_say_that_mail_sent_during_the_outage_is_lost(output: str) -> None:
    """D2: talking points and management say what the auto-reply tells customers."""
    assert "פניות שנשלחו במייל בזמן התקלה לא נשמרו: לקוח שפנה במייל" in _contact_down(
        "talking_points", "he", output)
    assert "Emails sent to us during the outage have not been saved: if a customer emailed" in (
        _contact_down("talking_points", "en", output))
    assert "פניות שנשלחו במייל בזמן התקלה לא נשמרו, ואנו מבקשים" in _contact_down(
        "management", "he", output)
    assert "Emails sent to us during the outage have not been saved, and we ask" in _contact_down(
        "management", "en", output)
    ordinary = seen(render(load_example("identified"), languages=["en"],
                           channels=["management"]), "en", "management")
    assert "not kept" not in ordinary


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("name", ["identified", "resolved", "compensation", "monitoring"])
def test_email_reference_stands_in_its_own_paragraph(lang: str, name: str) -> None:
    """D9: a blank line before "מספר האירוע לעיון:" / "Reference:"."""
    text = seen(render(load_example(name), languages=[lang], channels=["email"]), lang,
                "email")
    label = {"he": "מספר האירוע לעיון:", "en": "Reference:"}[lang]
    assert f"\n\n{label}" in text, text


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("name", ["resolved", "compensation"])
def test_resolved_email_paragraphs_do_not_run_together(lang: str, name: str) -> None:
    """D9: "…לקבל אותו.\\nאם עדיין אין לכם קליטה" - every paragraph of the resolved email
    stands apart: no line ends a sentence and is followed by another sentence's line."""
    text = seen(render(load_example(name), languages=[lang], channels=["email"]), lang,
                "email")
    body = text.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]
    assert not re.search(r"[.!?]\n\S", body), body


def test_hebrew_resolved_email_says_leahar() -> None:
    """D9: every other channel says "לאחר", and so does the email."""
    bundle = render(load_example("compensation"), languages=["he"], channels=["email"])
    for output in OUTPUTS:
        text = re.sub(r"</?bdi>", "", seen(bundle, "he", "email", output))
        # s26: the length from the fault's start ("לאחר שעה" can be heard as "in an hour").
        assert "אחרי" not in text and ", 35 שעות ו-40 דקות לאחר תחילתה" in text


@pytest.mark.parametrize("output", OUTPUTS)
def test_english_text_after_a_label_starts_small(output: str) -> None:
    """D10: "Priority: Business customers…", "Cause: A certificate update…", "Workaround for
    customers: International calls…", "**Compensation:** Every affected customer…"."""
    tp = seen(render(load_example("identified"), languages=["en"],
                     channels=["talking_points"]), "en", "talking_points", output)
    assert "Priority: business customers and customers waiting" in tp
    assert "Cause: a certificate update on the identity server" in tp
    night = seen(render(load_example("overnight"), languages=["en"],
                        channels=["talking_points"]), "en", "talking_points", output)
    # s26 (reading 44 AR-4): the workaround is offered to the customer, quoted whole.
    assert 'A workaround to offer the customer: "International calls can be made' in night
    status = seen(render(load_example("compensation"), languages=["en"],
                         channels=["status_page"]), "en", "status_page", output)
    # s26: the voucher sentence opens with its last day ("by Saturday 28 November, we will …").
    assert re.search(r"Compensation:(\*\*|</strong>) by Saturday 28 November", status)
    # Standing as a sentence of its own, it keeps its capital.
    management = seen(render(load_example("identified"), languages=["en"],
                             channels=["management"]), "en", "management", output)
    assert "Business customers and customers waiting" in management


def test_a_name_after_a_label_keeps_its_capital() -> None:
    """D10: only a word that merely opens the sentence is lowered, never a name."""
    incident = load_example("investigating")
    tp = seen(render(incident, languages=["en"], channels=["talking_points"]), "en",
              "talking_points")
    assert "Cause: suspected damage to a trunk fibre between Haifa" in tp
    assert incident.internal is not None
    named = incident.model_copy(update={"internal": incident.internal.model_copy(update={
        "priority": {"en": "Haifa customers first.", "he": "לקוחות בחיפה קודם כול."}})})
    tp = seen(render(named, languages=["en"], channels=["talking_points"]), "en",
              "talking_points")
    assert "Priority: Haifa customers first." in tp


@pytest.mark.parametrize("output", OUTPUTS)
def test_english_management_writes_lengths_alike(output: str) -> None:
    """D10: "2 hours and 15 minutes so far" next to "two hours and four minutes ago"."""
    text = seen(render(load_example("monitoring"), languages=["en"], channels=["management"]),
                "en", "management", output)
    assert "has lasted 2 hours and 15 minutes so far" in text
    assert "2 hours and 4 minutes ago" in text and "two hours" not in text
