"""Arabic on every channel as a native service manager reads it before sending (issue 11,
session 19): the resolved email's opening sentence, a voucher's expiry that agrees with its
noun, "still not working" without the doubled negation, the email and status page labels, the
spoken minutes after an adverbial "الساعة", and one form of the next update on banner and
social.
"""

from __future__ import annotations

import datetime as dt

import pytest

from crisiscomms import Bundle, render
from crisiscomms.samples import load_example
from crisiscomms.text.speech import spoken_time

from .example_edits import seen, written

CHANNELS = ("ivr", "email", "banner", "sms", "talking_points", "status_page", "social",
            "management", "partners")


def bundle(name: str) -> Bundle:
    return render(load_example(name), languages=("ar",), channels=CHANNELS)


def every_output(b: Bundle) -> str:
    return "\n".join(written(b, "ar", channel) + "\n" + seen(b, "ar", channel, "ssml")
                     for channel in CHANNELS)


def test_resolved_email_opening_is_one_grammatical_sentence() -> None:
    # Was: "نود إعلامكم بأن الخلل الذي راسلتمونا بشأنه: تمت معالجة الخلل (…)." (أنّ with no
    # predicate, a colon in its place).
    b = bundle("compensation")
    for output in ("text", "html"):
        text = seen(b, "ar", "email", output).replace("<strong>", "").replace("</strong>", "")
        assert "بشأنه:" not in text
        # s27 (reading 46 AR-5): the title without brackets, the restoration as news.
        assert ("شكرًا لتواصلكم معنا بشأن الخلل في الشبكة الخلوية في وسط البلاد. يسعدنا إعلامكم "
                "بأن الخلل قد عولج، وبأن الخدمة عادت إلى العمل بالكامل") in text


def test_voucher_expiry_in_short_agrees_with_the_compensation() -> None:
    # Was "قسيمة بقيمة 10% …، صالح حتى" (a feminine voucher, a masculine adjective). The SMS
    # says it in short; the post now keeps the complete sentence (s20, R8 ar L1).
    text = seen(bundle("compensation"), "ar", "sms")
    assert "صالح حتى" not in text
    # s22 (reading 18): the last day follows the voucher it bounds, agreeing with it.
    # s25 (reading 30 AR-14): "قسيمة شراء" as everywhere else, then the route and the last day.
    # s27 (reading 46 AR-1): one sentence, said to the reader, the route and the last day first.
    assert ("ستصلكم تلقائيًا برسالة نصية بحلول 28.11 قسيمة شراء بقيمة 10% من الفاتورة الشهرية، "
            "سارية حتى 31.12.2026.") in text


@pytest.mark.parametrize("name", ["compensation", "resolved"])
def test_still_not_working_without_the_doubled_negation(name: str) -> None:
    text = every_output(bundle(name))
    assert "لا تزال لا" not in text
    assert "لا يزال لا" not in text
    assert "إذا كانت الخدمة لا تعمل لديكم" in text


def test_email_eta_label_does_not_repeat_the_return_and_workaround_label_starts_clean() -> None:
    b = bundle("identified")
    email = written(b, "ar", "email")
    assert "موعد عودة الخدمة: نتوقع عودة الخدمة" not in email
    assert "العودة المتوقعة: يوم الأحد 22 نوفمبر الساعة 17:00." in email
    for channel in ("email", "status_page"):
        text = written(b, "ar", channel)
        assert "وحتى ذلك الحين:" not in text, channel
        assert "حتى عودة الخدمة:" in text, channel


def test_no_eta_email_label() -> None:
    email = written(bundle("investigating"), "ar", "email")
    assert "العودة المتوقعة: لا يتوفر لدينا بعد تقدير موثوق لموعد عودة الخدمة" in email


def test_monitoring_next_step_label_and_one_next_update_form() -> None:
    b = bundle("monitoring")
    for channel in ("email", "status_page"):
        text = written(b, "ar", channel)
        assert "ما التالي" not in text, channel
        # s26 (reading 44 AR-12): the status line says it; no second line.
        assert "الخطوة التالية" not in text, channel
        assert ("الحالة: تم الإصلاح، ونتابع عمل الخدمة" if channel == "email" else
                "الحالة: تم الإصلاح، ونحن نتابع الوضع") in text.replace("**", ""), channel
    for channel in ("banner", "social"):
        text = written(b, "ar", channel)
        assert "التحديث القادم:" not in text, channel
        assert "التحديث القادم " in text, channel


@pytest.mark.parametrize(("hour", "minute", "said"), [
    (17, 50, "الخامسة وخمسين دقيقة"),
    (9, 2, "التاسعة ودقيقتين"),
    (9, 12, "التاسعة واثنتي عشرة دقيقة"),
    (9, 22, "التاسعة واثنتين وعشرين دقيقة"),
    (9, 45, "التاسعة وخمس وأربعين دقيقة"),
])
def test_spoken_minutes_are_accusative_after_an_adverbial_hour(hour: int, minute: int,
                                                                said: str) -> None:
    assert said in spoken_time(dt.time(hour, minute), "ar")


def test_resolved_ivr_speaks_the_minutes_in_the_accusative() -> None:
    ssml = seen(bundle("compensation"), "ar", "ivr", "ssml")
    assert "الساعة الخامسة وخمسين دقيقة مساءً" in ssml
    assert "وخمسون" not in ssml
