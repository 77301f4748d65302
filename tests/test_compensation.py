"""Compensation as one complete fact (issue 11, item 9): how much, of what, in what form, the
last day with its year and how it reaches the customer, the same on every channel; SMS keeps
the percent, its base and the last day with its year; no "inconvenience" after a long outage.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .template_copy import TemplateCopy

CUSTOMER = ("ivr", "email", "banner", "status_page", "social")
STAFF = ("talking_points", "partners", "management")
"""Reps, managers and resellers get the same fact with how it arrives in their own voice
(f.compensation.staff, .partner: tests/test_wording_s18_voice18.py)."""


def _incident(**changes: Any) -> Any:
    data = load_example("compensation").model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return parse_incident(data)


def _seen(bundle: Bundle, lang: str, channel: str) -> str:
    return strip_controls(bundle[lang, channel].text)


@pytest.fixture(scope="module")
def voucher_next_year() -> Bundle:
    # Said on 21 November 2026; the voucher is good until 31 January 2027, of the purchase.
    return render(_incident(compensation={"percent": 15, "kind": "voucher", "of": "purchase",
                                          "valid_until": "2027-01-31"}))


def test_every_channel_states_the_same_complete_sentence(voucher_next_year: Bundle) -> None:
    # s25 (reading 30): the shipped config sends the voucher by SMS within 7 days.
    he = ("כל הלקוחות שנפגעו יקבלו שובר זיכוי בגובה 15% מסכום הרכישה, בתוקף עד 31 בינואר "
          "2027. השובר יישלח ב-SMS עד יום שבת, 28 בנובמבר, ללא צורך בפנייה.")
    # s26 (reading 33 en): one voice, the last day first.
    en = ("By Saturday 28 November, we will text every affected customer a voucher worth 15% "
          "of their purchase, valid until 31 January 2027; no need to ask.")
    for channel in CUSTOMER:
        for lang, sentence in (("he", he), ("en", en)):
            message = voucher_next_year[lang, channel]
            if channel in ("social", "banner") and message.stats.get("wording") == "short":
                continue  # the short form when room is short: below
            seen = _seen(voucher_next_year, lang, channel)
            if channel == "ivr" and ("we will text you" in seen or "פיצוי: " in seen):
                continue  # s25: the short form with the route and last day, to keep the action
            if lang == "en" and channel == "email":
                # s26 (EN-5): the email answers one customer and says it to them
                # (f.compensation.direct), the same fact.
                sentence = ("By Saturday 28 November, we will text you a voucher worth 15% of "
                            "your purchase, valid until 31 January 2027. You do not need to ask.")
            if lang == "he" and channel == "ivr" and message.stats.get("short") in (4, 5):
                # s21: the Hebrew script says how the voucher arrives in brief before it falls
                # to the short form (f.compensation.brief), still one complete sentence.
                sentence = (sentence.split(" השובר")[0]
                            + " השובר יישלח ב-SMS עד יום שבת, 28 בנובמבר.")
            # After a label ("**Compensation:** every affected customer…") the same sentence
            # opens in lower case.
            assert sentence in seen or sentence[0].lower() + sentence[1:] in seen, (
                lang, channel)
    for channel in STAFF:
        for lang, sentence in (("he", he), ("en", en)):
            what = (sentence.split(". ")[0] if lang == "he"
                    else "a voucher worth 15% of their purchase, valid until 31 January 2027")
            assert what in _seen(voucher_next_year, lang, channel), (lang, channel)


def test_banner_compact_form_keeps_the_full_compensation_sentence(
        voucher_next_year: Bundle) -> None:
    # A lasting channel: the compact banner drops its thanks, not the compensation's words.
    en = _seen(voucher_next_year, "en", "banner")
    # s25 (reading 30 en-1): whose purchase; the brief says the route and the last day.
    assert "a voucher worth 15% of their purchase, valid until 31 January 2027" in en
    assert "By Saturday 28 November, we will text every affected customer" in en
    assert "no need to ask" in en


def test_sms_short_form_keeps_percent_base_and_year(voucher_next_year: Bundle) -> None:
    he = _seen(voucher_next_year, "he", "sms")
    assert "15% מסכום הרכישה, בתוקף עד 31.1.2027" in he and "שובר" in he
    assert voucher_next_year["he", "sms"].stats["segments"] <= 2
    en = _seen(voucher_next_year, "en", "sms")
    # s25 (reading 30 en-1): said to the reader, with the route and the last day.
    assert "a voucher worth 15% of your purchase, valid until 31 Jan 2027" in en
    assert "By Saturday 28 Nov, we will text you a voucher" in en and "no need to ask" in en


def test_ivr_speaks_the_year_of_the_last_day(voucher_next_year: Bundle) -> None:
    ssml = voucher_next_year["en", "ivr"].ssml or ""
    assert "the thirty-first of January twenty twenty-seven" in ssml
    he = voucher_next_year["he", "ivr"].ssml or ""
    assert "אלפיים עשרים ושבע" in he or "אלפיים עשרים ושבעה" in he


def test_credit_says_the_next_invoice() -> None:
    bundle = render(_incident(compensation={"percent": 10, "kind": "credit"}))
    assert ("כל הלקוחות שנפגעו יקבלו זיכוי בגובה 10% מהחשבון החודשי, שיופיע בחשבונית "
            "הקרובה. הזיכוי יינתן אוטומטית") in _seen(bundle, "he", "email")
    assert "בתוקף עד" not in _seen(bundle, "he", "email")


@pytest.fixture()
def on_request(tmp_path: Path) -> Path:
    # The voucher's route and last day apply to automatic delivery only (s25).
    return TemplateCopy.with_config(
        tmp_path / "t", 'delivery = "automatic"\nlong_outage_hours = 12\n'
        'voucher_route = "sms"\nvoucher_within_days = 7\n',
        'delivery = "on_request"\nlong_outage_hours = 12\n').folder


def test_delivery_comes_from_the_config(on_request: Path) -> None:
    bundle = render(_incident(), templates=on_request, channels=["email"])
    text = _seen(bundle, "he", "email")
    assert "כדי לקבל את השובר, יש לפנות אלינו." in text
    assert "אוטומטית" not in text


def _apology(bundle: Bundle, lang: str) -> str:
    # s26 (EN-4): a resolved long outage says the stronger apology ("מתנצלים מכל הלב על",
    # "We are very sorry for").
    found = re.search(r"(?:מתנצלים(?: מכל הלב)? על|apologise for|very sorry for) ([^.]+)",
                      _seen(bundle, lang, "email"))
    assert found is not None
    return found.group(1)


def test_a_35_hour_outage_is_no_inconvenience() -> None:
    # started 2026-11-20 06:40, resolved 2026-11-21 17:50: about 35 hours.
    long = render(_incident(), channels=["email", "status_page"])
    assert _apology(long, "he").startswith("הפגיעה בשירות")
    assert _apology(long, "en").startswith("the disruption to your service")
    for lang in ("he", "en"):
        for channel in ("email", "status_page"):
            assert "אי הנוחות" not in _seen(long, lang, channel)
            assert "inconvenience" not in _seen(long, lang, channel)


def test_a_short_outage_is_an_inconvenience() -> None:
    short = render(load_example("resolved"), channels=["email"])
    assert _apology(short, "he").startswith("אי הנוחות")
    assert _apology(short, "en").startswith("the inconvenience")
