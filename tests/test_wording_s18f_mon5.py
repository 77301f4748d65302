"""Monitoring on the internal channels (issue 11, session 18f, final reading item 3): the
talking points, the partners' note and the management update say the fix is in and when
monitoring ends, never that service is expected back, in every language; the time is said
once in the quote when monitoring ends at the next update.
"""

from __future__ import annotations

import pytest

from crisiscomms import Bundle, render

from .example_edits import edited
from .example_edits import written as seen

LANGS = ("he", "en", "ar", "ru")
INTERNAL = ("talking_points", "partners", "management")


def monitoring(**changes: str) -> Bundle:
    return render(edited("monitoring", **changes), languages=LANGS, channels=INTERNAL)


LABEL = {
    "he": "סיום המעקב הצפוי: היום בשעה 12:30.",
    "en": "Monitoring expected to end: today at 12:30.",
    "ar": "الانتهاء المتوقع للمتابعة: اليوم الساعة 12:30.",
    "ru": "Ожидаемое окончание наблюдения: сегодня в 12:30.",
}
# The management update and the partner notice give the date (s26, reading 44 HE-14; reading 46
# HE-6: kept and forwarded).
LABEL_DATED = {
    "he": "סיום המעקב הצפוי: ביום ראשון, 22 בנובמבר, בשעה 12:30.",
    "en": "Monitoring expected to end: on Sunday 22 November at 12:30.",
    "ar": "الانتهاء المتوقع للمتابعة: يوم الأحد 22 نوفمبر الساعة 12:30.",
    "ru": "Ожидаемое окончание наблюдения: в воскресенье, 22 ноября, в 12:30.",
}
EXPECTED_BACK = {
    "he": "צפי לחזרת השירות",
    "en": "Expected back",
    "ar": "العودة المتوقعة",
    "ru": "Ожидаемый срок",
}
QUOTE_ONCE = {
    "he": "התיקון הושלם ואנו עוקבים אחר פעולת השירות; העדכון הבא יפורסם"
          " היום בשעה 12:30, עם סיום המעקב.",
    "en": "The fix is in and we are monitoring the service; the next update will be published"
          " today at 12:30, when monitoring ends.",
    "ar": "تم الإصلاح ونتابع عمل الخدمة؛ سننشر التحديث القادم"
          " اليوم الساعة 12:30، مع انتهاء المتابعة.",
    "ru": "Исправление внесено, и мы следим за работой сервиса; следующее сообщение выйдет"
          " сегодня в 12:30, по окончании наблюдения",
}
RESTORE = {
    "he": ("הצפי שלנו הוא", "הצפי הוא שהשירות יחזור"),
    "en": ("We expect service to be back", "Service is expected back"),
    "ar": ("نتوقع عودة الخدمة", "من المتوقع أن تعود الخدمة"),
    "ru": ("Мы рассчитываем восстановить", "рассчитывают восстановить"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_lists_say_when_monitoring_ends(lang: str) -> None:
    bundle = monitoring()
    for channel in INTERNAL:
        text = seen(bundle, lang, channel)
        dated = channel in ("management", "partners")
        assert (LABEL_DATED if dated else LABEL)[lang] in text, (channel, text)
        assert EXPECTED_BACK[lang] not in text, (channel, text)


@pytest.mark.parametrize("lang", LANGS)
def test_quotes_say_the_fix_is_in_and_the_time_once(lang: str) -> None:
    bundle = monitoring()
    tp = seen(bundle, lang, "talking_points")
    assert QUOTE_ONCE[lang] in tp, tp
    for channel in ("talking_points", "partners"):
        text = seen(bundle, lang, channel)
        for phrase in RESTORE[lang]:
            assert phrase not in text, (channel, text)


@pytest.mark.parametrize("lang", LANGS)
def test_quotes_say_end_of_monitoring_and_next_update_apart(lang: str) -> None:
    bundle = monitoring(next_update_at="2026-11-22T12:00:00+02:00")
    for channel in ("talking_points", "partners"):
        text = seen(bundle, lang, channel)
        assert "12:00" in text and "12:30" in text, (channel, text)
        for phrase in RESTORE[lang]:
            assert phrase not in text, (channel, text)


@pytest.mark.parametrize("lang", LANGS)
def test_open_incident_keeps_its_estimate(lang: str) -> None:
    bundle = render(edited("identified"), languages=LANGS, channels=INTERNAL)
    for channel in INTERNAL:
        assert EXPECTED_BACK[lang] in seen(bundle, lang, channel), channel
