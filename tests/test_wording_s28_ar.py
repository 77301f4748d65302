"""Arabic reading 50 (s28). B-1: the identified incident's short workaround read as e-billing
(«فاتورة إلكترونية») and «2040» without «برسالة نصية» could be dialled. The short form is now
«فاتورة بالبريد الإلكتروني: أرسلوا BILL برسالة نصية إلى 2040» (60 characters at most, so «فاتورة»,
not «فاتورتكم»): the banner and the social post say it whole, the banner giving its long status
for the apology; the SMS, itself a text message, leaves «برسالة نصية» out where the words would
take the link's room (rule sms-workaround-dropped knows them as `implied`)."""

from __future__ import annotations

from typing import Any

from crisiscomms import load_incident, render
from crisiscomms.loading import parse_incident
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SHORT, with_services
from .test_wording_s22_smsb import _sms
from .test_wording_s25_banner import _at
from .test_wording_s27b_ar import _HARD, ar_message

# Reading 51 B-1' (tests/test_wording_s28_ar2.py): the banner and the social post now say the whole
# workaround, the short form is «فاتورتكم …» without «برسالة نصية»; the assertions below follow it.
_WHOLE = "لفاتورتكم الأخيرة بالبريد الإلكتروني، أرسلوا BILL برسالة نصية إلى الرقم 2040."


def _text(channel: str, name: str = "identified") -> str:
    return strip_controls(ar_message(channel, name).text)


def test_b1_banner_says_by_email_and_by_text_and_apologises() -> None:
    text = _text("banner")
    assert "): قيد الإصلاح. يوم الأحد 22 نوفمبر:" in text, text
    assert f" {_WHOLE} نعتذر عن الإزعاج. https://" in text, text
    assert "إلكترونية" not in text, text
    html = strip_controls(ar_message("banner", "identified").html or "")
    assert "): قيد الإصلاح. يوم الأحد 22 نوفمبر:" in html, html
    assert f" {_WHOLE} نعتذر عن الإزعاج." in html, html
    assert len(ar_message("banner", "identified").text) <= 300


def test_b1_social_says_by_email_and_by_text() -> None:
    text = _text("social")
    assert f" {_WHOLE} نعتذر عن الإزعاج. https://" in text, text


def test_b1_sms_leaves_by_text_out_for_the_link() -> None:
    message = ar_message("sms", "identified")
    text = strip_controls(message.text)
    assert message.stats["segments"] == 3, message.stats
    assert "(ويشمل الحساب الشخصي)، قيد الإصلاح." in text, text
    said = " فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040. التحديث القادم: 15:00."
    assert said in text, text
    assert text.endswith(" status.netivim.example"), text


def test_b1_sms_keeps_by_text_where_it_fits() -> None:
    incident = load_incident(_HARD / "urlcode-arru.yaml")
    message = render(incident, languages=["ar"], channels=["sms"])["ar", "sms"]
    text = strip_controls(message.text)
    assert message.stats["segments"] == 3, message.stats
    said = "للدفع: أرسلوا PAY برسالة نصية إلى 2040. التحديث القادم: 16:00. نعتذر عن الإزعاج."
    assert said in text, text


def test_b1_the_sms_short_form_is_not_reported_dropped() -> None:
    bundle = render(load_example("identified"), languages=["ar"], channels=["sms"])
    assert [f.rule for f in bundle.findings] == []


def test_b1_a_short_form_said_whole_with_its_implied_words_is_not_reported_dropped() -> None:
    # urlcode-arru's SMS says «للدفع: أرسلوا PAY برسالة نصية إلى 2040» as written: the words the
    # rule lets an SMS leave out are still there, and the form is not dropped (merge s28 warned).
    bundle = render(load_incident(_HARD / "urlcode-arru.yaml"), languages=["ar"], channels=["sms"])
    assert [f.rule for f in bundle.findings] == []


def _variant(raw: dict[str, Any], channel: str) -> str:
    bundle = render(parse_incident(raw, "x.yaml"), languages=["ar"], channels=[channel])
    message = bundle["ar", channel]
    if channel == "sms":
        assert message.stats["segments"] == 3, message.stats
    else:
        assert message.stats["characters"] <= 300, message.stats
    return strip_controls(message.text)


def test_b1_night_sms_gives_also_for_the_link() -> None:
    # The longer short form took the link's room beside the night estimate: "أيضًا" gives it back.
    text = _variant(_at(with_services("identified", (), CONTACT_SHORT),
                        "2026-11-28T22:40:00+02:00"), "sms")
    assert "(ويشمل الحساب الشخصي): قيد الإصلاح." in text, text
    said = " فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040. التحديث القادم: 23:30."
    assert said in text, text
    assert text.endswith(" status.netivim.example"), text


def test_b1_tight_banner_keeps_the_workaround_without_by_text() -> None:
    # Where the whole short form does not fit the banner, it is said without "برسالة نصية".
    text = _variant(with_services("identified", ("call-centre",), CONTACT_SHORT), "banner")
    assert " فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040. لأي أمر آخر:" in text, text


def test_b3_callcentre_sms_says_whose_emails_and_names_email() -> None:
    message = ar_message("sms")
    text = strip_controls(message.text)
    # reading 53 AR-1
    assert " بعد الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30. " in text, text
    assert "إرسال رسائل البريد الإلكتروني" not in text, text
    incident = load_incident(_HARD / "callcentre-arru.yaml")
    bundle = render(incident, languages=["ar"], channels=["sms"])
    assert [f.rule for f in bundle.findings] == []


def test_ar3_compensation_ivr_says_friday_within_45_seconds() -> None:
    message = ar_message("ivr", "compensation")
    text = strip_controls(message.text)
    assert ("لأي استفسار آخر، اتصلوا بنا من الأحد إلى الخميس، من 08:00 حتى 20:00، والجمعة حتى"
            " 13:00، أو تواصلوا معنا عبر الدردشة في موقعنا.") in text, text
    assert "من الثامنة صباحًا حتى الثامنة مساءً، والجمعة حتى الواحدة ظهرًا، أو" in (message.ssml or "")
    # What the reader praised stays: the apology, the compensation's lead and whole sentence.
    assert "ونعتذر بشدة عن طول الانقطاع." in text and "وتعويضًا عن ذلك، ستصلكم تلقائيًا" in text, text
    assert "إذا بقي هاتفكم دون إشارة، فأعيدوا تشغيله." in text, text
    assert float(message.stats["seconds"]) <= 45


def test_b1_moved_estimate_sms_keeps_the_link() -> None:
    # The identified SMS after the estimate moved: the sender gives way to the link
    # (reading 18 ar L3).
    previous, current = changed_example()
    text, units = _sms(current, "ar", previous)
    head = "خلل في تسجيل الدخول إلى التطبيق (ويشمل الحساب الشخصي): قيد الإصلاح."
    assert text.startswith(head), text
    assert " فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040." in text, text
    assert text.endswith(" status.netivim.example") and units <= 201, (units, text)
