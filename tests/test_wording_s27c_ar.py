"""Arabic reading 48 (s27c).

AR-2: the call-centre IVR asked callers to resend what they wrote «منذ بداية الخلل», a
moment they cannot place, without saying which channel; it now says the time and email
([lost_email] lost_said_dated), spoken in the SSML, within the 45 seconds.
AR-1: the call-centre SMS had two colons in a row («نتيفيم: خلل في مركز الاتصال: قيد
الإصلاح.») and its request read as "resend from 09:30 on"; the status now follows the title
after a comma, and «بعد الإصلاح» comes before what to resend ([lost_email] lost_brief).
AR-4 (left): «فاتورتكم بالبريد» for «فاتورة إلكترونية» was tried and reverted: reading 49 read
«بالبريد» alone as post and marked the SMS down too (5 -> 4); a longer form costs the SMS its
link (workaround_short is shared by SMS, banner and post)."""

from __future__ import annotations

from crisiscomms.text.bidi import strip_controls

from .test_wording_s27b_ar import ar_message


def _message(channel: str, name: str = "") -> tuple[str, str]:
    message = ar_message(channel, name)
    return strip_controls(message.text), strip_controls(message.ssml or "")


def test_ar2_callcentre_ivr_says_since_when_and_by_email() -> None:
    text, ssml = _message("ivr")
    # Reading 49 B-2: "after the fix", not the estimate's 12:00 (a late fix would lose the
    # email again); every other channel says it so.
    assert ("إذا راسلتمونا بالبريد الإلكتروني منذ الساعة 09:30، فيُرجى إعادة إرسال رسالتكم بعد"
            " إصلاح الخلل.") in text, text
    assert "منذ بداية الخلل" not in text and "بعد الساعة 12:00" not in text, text
    assert ("إذا راسلتمونا بالبريد الإلكتروني منذ الساعة التاسعة والنصف صباحًا، فيُرجى إعادة إرسال"
            " رسالتكم بعد إصلاح الخلل.") in ssml, ssml


def test_ar1_callcentre_sms_one_colon_and_a_clear_request() -> None:
    text, _ = _message("sms")
    assert text.startswith("نتيفيم: خلل في مركز الاتصال، قيد الإصلاح."), text
    # One colon each after the sender and the two labels, none after the title.
    assert text.count(":") - text.count(":00") - text.count(":30") == 3, text
    # s28 reading 53 AR-1
    assert "بعد الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30." in text, text
    assert "دردشة موقعنا تعمل. نعتذر لكم. status.netivim.example" in text, text
