"""Reading 7 (s19), defects 5-8: the resolved banner after a long outage apologises; the
resolved social post keeps the complete compensation sentence while it fits; one pattern for
the Hebrew resolved email subject; the English SMS no-need line with a contact channel down."""

from __future__ import annotations

from crisiscomms import render

from .example_edits import edited, seen


def _shop(**changes: object) -> object:
    # The reading's "voucher" incident: a 6-hour fault with a voucher, under the 24-hour line.
    fields: dict[str, object] = {
        "id": "INC-3003", "severity": "major",
        "updated_at": "2026-12-20T16:00:00+02:00", "started_at": "2026-12-20T09:10:00+02:00",
        "resolved_at": "2026-12-20T15:30:00+02:00",
        "title": {"he": "תקלה בחנות המקוונת", "en": "Online shop problem"},
        "impact": {"he": "לא ניתן היה להשלים רכישות בחנות המקוונת.",
                   "en": "Purchases could not be completed in the online shop."},
        "services": [{"id": "shop", "name": {"he": "החנות המקוונת", "en": "the online shop"}}],
        "compensation": {"percent": 15, "kind": "voucher", "valid_until": "2027-01-31"},
        "customer_action": None,
    }
    fields.update(changes)
    return edited("resolved", **fields)


def test_resolved_banner_after_a_long_outage_ends_with_the_apology() -> None:
    bundle = render(edited("compensation"), languages=["he", "en"], channels=["banner"])
    he = seen(bundle, "he", "banner")
    # s25 (reading 30): the voucher's route and last day took the room of the thanks (he) and
    # of "to your service" (en, where the fill gives it back only when it fits).
    # s26: the shorter Hebrew sentence leaves room for the thanks again.
    assert he.endswith("אנו מתנצלים על הפגיעה בשירות ומודים לכם על הסבלנות."), he
    assert "שובר זיכוי בגובה 10%" in he  # the complete sentence still fits
    assert len(bundle["he", "banner"].text) <= 300
    en = seen(bundle, "en", "banner")
    assert en.endswith("We are very sorry for such a long disruption."), en  # s26
    assert len(bundle["en", "banner"].text) <= 300
    for lang in ("he", "en"):
        html = seen(bundle, lang, "banner", "html")
        assert ("מתנצלים על הפגיעה בשירות" in html) or (
            "very sorry for such a long disruption" in html)


def test_resolved_banner_after_a_short_outage_apologises_for_the_inconvenience() -> None:
    # Reading 8: below the long-outage threshold the banner apologises too, in the words the
    # other channels use for a short outage (never "הפגיעה בשירות").
    bundle = render(_shop(), languages=["he"], channels=["banner"])  # type: ignore[arg-type]
    he = seen(bundle, "he", "banner")
    # s25: the voucher's route and last day took the room of the thanks.
    assert he.endswith("אנו מתנצלים על אי הנוחות ומודים לכם על הסבלנות."), he  # s26
    assert "הפגיעה בשירות" not in he


def test_resolved_social_keeps_the_complete_compensation_sentence_when_it_fits() -> None:
    bundle = render(_shop(), languages=["he"], channels=["social"])  # type: ignore[arg-type]
    he = seen(bundle, "he", "social")
    assert "שובר זיכוי בגובה 15% מהחשבון החודשי, בתוקף עד 31 בינואר 2027" in he, he
    # s25 (reading 30 HE-17): the route and the last day, in brief.
    # s26 he3 (reading 45 HE-8): the whole sentence, "ללא צורך בפנייה" with it.
    assert "השובר יישלח ב-SMS עד יום ראשון, 27 בדצמבר, ללא צורך בפנייה." in he
    assert "פיצוי" not in he
    assert bundle["he", "social"].stats["weighted_length"] <= 280


def test_hebrew_resolved_email_subject_has_one_pattern() -> None:
    shop = render(_shop(), languages=["he"], channels=["email"])  # type: ignore[arg-type]
    assert seen(shop, "he", "email", "subject") == "התקלה בחנות המקוונת טופלה"
    mobile = render(edited("compensation"), languages=["he"], channels=["email"])
    subject = seen(mobile, "he", "email", "subject")
    assert subject == "הפסקה בשירותי הסלולר במרכז – טופלה", subject
    assert "התקלה טופלה:" not in subject and not subject.startswith("טופלה")
    en = render(_shop(), languages=["en"], channels=["email"])  # type: ignore[arg-type]
    assert seen(en, "en", "email", "subject") == "Resolved: Online shop problem"


def test_english_sms_no_need_line_says_about_this_problem_when_a_channel_is_down() -> None:
    phonechat = edited(
        "identified", id="INC-3008", workaround=None, workaround_short=None, customer_action=None,
        updated_at="2026-11-23T10:00:00+02:00", started_at="2026-11-23T09:30:00+02:00",
        eta="2026-11-23T12:00:00+02:00", next_update_at="2026-11-23T11:00:00+02:00",
        title={"he": "תקלה במוקד הטלפוני ובצ'אט באתר", "en": "Phone line and chat problem"},
        impact={"he": "לא ניתן להגיע למוקד הטלפוני, והצ'אט באתר אינו פועל.",
                "en": "Our phone line cannot be reached; the chat on our website is down."},
        services=[{"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line"}},
                  {"id": "chat", "name": {"he": "הצ'אט באתר", "en": "chat on our website"}}])
    bundle = render(phonechat, languages=["en"], channels=["sms"])
    sms = seen(bundle, "en", "sms")
    assert "No need to contact us again about this problem. You can reach us by email" in sms, sms
    assert bundle["en", "sms"].stats["segments"] <= 2
    assert bundle["en", "sms"].stats["encoding"] == "GSM-7"
    # With every contact channel up, the plain line stays.
    plain = seen(render(edited("identified"), languages=["en"], channels=["sms"]), "en", "sms")
    assert "about this problem" not in plain


def test_long_outage_banner_keeps_a_complete_compensation_sentence_with_the_apology() -> None:
    # en: the full sentence and the apology are over 300 characters; the brief delivery
    # (f.compensation.brief) keeps a complete sentence, not the SMS short form.
    bundle = render(edited("compensation"), languages=["en"], channels=["banner"])
    en = seen(bundle, "en", "banner")
    # s25 (reading 30 en-1): the route and the last day; the harm said as "the disruption".
    # s26 (reading 33 en): one voice, the day first; room again for "to your service".
    assert ("By Saturday 28 November, we will text every affected customer a voucher worth 10% "
            "of their monthly bill, valid until 31 December 2026; no need to ask. We are very "
            "sorry for such a long disruption.") in en, en
    assert "Automatic compensation:" not in en
    assert bundle["en", "banner"].stats["short"] == 1
