"""Arabic reading 51 (s28), B-1'. The identified incident's «فاتورة بالبريد الإلكتروني: …», without
«كم» and «الأخيرة», read as the paperless-billing advert. The whole workaround is now
«لفاتورتكم الأخيرة بالبريد الإلكتروني، أرسلوا BILL برسالة نصية إلى الرقم 2040.» (short enough for
the banner and the social post, a comma where the email and the status page put it after their own
colon, «الرقم» so that the phone line says «كلمة BILL بالإنجليزية»); the short form, for the SMS,
«فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040» (60 characters at most: «برسالة نصية» no
longer fits beside «كم»). The banner says the whole form where it fits, with the status in short
if it must; the social post where «أيضًا» gives it room. The SMS with its sender says «(…)، قيد
الإصلاح.», not a second colon."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.speech import script_keywords

from .example_edits import CONTACT_SHORT, with_services
from .test_wording_s25_banner import _at
from .test_wording_s27b_ar import ar_message
from .test_wording_s28_ar import _variant

_TITLE = "خلل في تسجيل الدخول إلى التطبيق"
_WHOLE = "لفاتورتكم الأخيرة بالبريد الإلكتروني، أرسلوا BILL برسالة نصية إلى الرقم 2040."


def _text(channel: str, name: str = "identified") -> str:
    return strip_controls(ar_message(channel, name).text)


def test_banner_says_the_whole_workaround_with_its_apology() -> None:
    message = ar_message("banner", "identified")
    text = strip_controls(message.text)
    assert "(ويشمل أيضًا الحساب الشخصي في الموقع): قيد الإصلاح. يوم الأحد 22 نوفمبر:" in text, text
    assert f" {_WHOLE} نعتذر عن الإزعاج. https://" in text, text
    assert "فاتورة " not in text, text
    html = strip_controls(message.html or "")
    assert f" {_WHOLE} نعتذر عن الإزعاج." in html and "): قيد الإصلاح." in html, html
    assert message.stats["characters"] <= 300, message.stats


def test_social_says_the_whole_workaround_in_the_room_of_also() -> None:
    message = ar_message("social", "identified")
    text = strip_controls(message.text)
    assert text.startswith(_TITLE + " (ويشمل الحساب الشخصي): قيد الإصلاح."), text
    assert f" التحديث القادم اليوم الساعة 15:00. {_WHOLE} نعتذر عن الإزعاج. https://" in text, text
    assert message.stats["weighted_length"] <= 280, message.stats


def test_sms_says_your_bill_after_one_colon() -> None:
    message = ar_message("sms", "identified")
    assert strip_controls(message.text) == (
        "نتيفيم: " + _TITLE + " (ويشمل الحساب الشخصي)، قيد الإصلاح. العودة المتوقعة: 17:00."
        " فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040. التحديث القادم: 15:00."
        " status.netivim.example")
    assert message.stats["segments"] == 3 and message.stats["units"] <= 201, message.stats
    bundle = render(load_example("identified"), languages=["ar"], channels=["sms"])
    assert [f.rule for f in bundle.findings] == []


def test_sms_without_its_sender_keeps_the_colon() -> None:
    # At night the sender gives way to the link (no longer only for a moved estimate): "title (…):
    # status" is then the one colon, and «فاتورتكم», longer, leaves the link its room.
    text = _variant(_at(with_services("identified", (), CONTACT_SHORT),
                        "2026-11-28T22:40:00+02:00"), "sms")
    assert text.startswith(_TITLE + " (ويشمل الحساب الشخصي): قيد الإصلاح."), text
    assert text.endswith(" التحديث القادم: 23:30. status.netivim.example"), text


def test_the_other_channels_read_the_whole_workaround() -> None:
    ivr = ar_message("ivr", "identified")
    said = ("وحتى ذلك الحين، لفاتورتكم الأخيرة بالبريد الإلكتروني، أرسلوا كلمة BILL بالإنجليزية"
            " برسالة نصية إلى الرقم 2040.")
    assert said in strip_controls(ivr.text), ivr.text
    assert "أرسلوا كلمة <voice" in (ivr.ssml or "") and "بالإنجليزية" in (ivr.ssml or ""), ivr.ssml
    assert float(ivr.stats["seconds"]) <= 45
    assert f"حتى عودة الخدمة: {_WHOLE}" in _text("email")
    assert f"**حتى عودة الخدمة:** {_WHOLE}" in _text("status_page")
    assert f"حل بديل تقترحونه على الزبون: «{_WHOLE}»" in _text("talking_points")


def test_the_phone_line_adds_the_word_for_a_keyword_once() -> None:
    # "كلمة" is added where the text has none before the keyword, never a second time.
    assert script_keywords("أرسلوا BILL إلى الرقم 2040.", "ar", True) == (
        "أرسلوا كلمة BILL بالإنجليزية إلى الرقم 2040.")
    assert script_keywords("أرسلوا كلمة BILL إلى الرقم 2040.", "ar", True) == (
        "أرسلوا كلمة BILL بالإنجليزية إلى الرقم 2040.")
