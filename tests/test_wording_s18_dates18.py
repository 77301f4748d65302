"""Lasting channels (email, status page, banner) as a senior service manager reads them
(issue 11, session 18): a night ETA with its dates, a long outage's length and apology, one
British date form, small letters after a colon, the monitoring status, the Hebrew greeting and
the auto-reply while email is down, in every language.
"""

from __future__ import annotations

import pytest

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.text.bidi import strip_controls

from .example_edits import example_data as example
from .example_edits import written as seen

LANGS = ("he", "en", "ar", "ru")
LASTING = ("email", "status_page", "banner")


def night() -> Bundle:
    # 02:00 said at 22:00 the evening before.
    return render(parse_incident(example(
        "overnight", updated_at="2026-11-24T22:00:00+02:00",
        next_update_at="2026-11-24T23:30:00+02:00", eta="2026-11-25T02:00:00+02:00")),
        languages=LANGS, channels=LASTING)


NIGHT = {
    "he": "בלילה שבין שלישי לרביעי (24–25 בנובמבר), בשעה 02:00",
    "en": "at 02:00 in the early hours of Wednesday 25 November",
    "ar": "الساعة 02:00 بعد منتصف ليل الثلاثاء (فجر الأربعاء 25 نوفمبر)",
    "ru": "в ночь на среду, 25 ноября, в 02:00",
}
TONIGHT = {"he": "הלילה", "en": "tonight", "ar": "الليلة", "ru": "сегодня"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_night_eta_on_a_lasting_channel_carries_its_dates_not_tonight(lang: str) -> None:
    bundle = night()
    for channel in LASTING:
        text = seen(bundle, lang, channel)
        assert NIGHT[lang] in text, (lang, channel)
        assert TONIGHT[lang] not in text.casefold(), (lang, channel)


def test_a_night_across_a_month_names_both_months() -> None:
    bundle = render(parse_incident(example(
        "overnight", started_at="2026-11-30T21:00:00+02:00",
        updated_at="2026-11-30T22:00:00+02:00", next_update_at="2026-11-30T23:30:00+02:00",
        eta="2026-12-01T02:00:00+02:00")), languages=("he", "en"), channels=("status_page",))
    assert "בלילה שבין שני לשלישי (30 בנובמבר–1 בדצמבר), בשעה 02:00" in seen(bundle, "he",
                                                                      "status_page")
    assert "at 02:00 in the early hours of Tuesday 1 December" in seen(bundle, "en",
                                                                            "status_page")


def long35() -> Bundle:
    return render(parse_incident(example(
        "identified", started_at="2026-11-22T08:00:00+02:00",
        updated_at="2026-11-23T19:40:00+02:00", next_update_at="2026-11-23T20:40:00+02:00",
        eta="2026-11-23T23:00:00+02:00")), languages=LANGS,
        channels=("email", "status_page", "management"))


LASTED = {"he": "35 שעות ו-40 דקות", "en": "35 hours and 40 minutes",
          "ar": "35 ساعة و40 دقيقة", "ru": "35 часов и 40 минут"}
SORRY = {"he": "אנו מתנצלים מכל הלב על הפגיעה בשירות",
         "en": "We are very sorry for the disruption to your service",
         "ar": "نعتذر بشدة عن انقطاع الخدمة",
         "ru": "Приносим искренние извинения за длительный сбой"}
THANKS = {"he": "ומודים לכם על הסבלנות", "en": "thank you for your patience",
          "ar": "ونشكركم على صبركم", "ru": "за терпение"}
INCONVENIENCE = {"he": "אי הנוחות", "en": "inconvenience", "ar": "الإزعاج", "ru": "неудобств"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_outage_says_once_how_long_and_sorry_for_the_harm(lang: str) -> None:
    bundle = long35()
    assert LASTED[lang] in strip_controls(bundle[lang, "management"].text)
    for channel in ("email", "status_page"):
        text = strip_controls(bundle[lang, channel].text)
        assert text.count(LASTED[lang]) == 1, (lang, channel)
        assert SORRY[lang] in text and THANKS[lang] in text, (lang, channel)
        assert INCONVENIENCE[lang] not in text, (lang, channel)


def test_a_short_outage_does_not_count_its_length_but_still_thanks() -> None:
    bundle = render(parse_incident(example("identified")), languages=("he", "en"),
                    channels=("email",))
    assert "נכון לעדכון זה" not in seen(bundle, "he", "email")
    assert "At the time of writing" not in seen(bundle, "en", "email")
    assert "ומודים לכם על הסבלנות" in seen(bundle, "he", "email")
    assert "thank you for your patience" in seen(bundle, "en", "email")


def test_english_updated_line_is_one_british_date_form() -> None:
    text = seen(render(parse_incident(example("identified")), languages=("en",),
                       channels=("status_page",)), "en", "status_page")
    assert "Updated Sunday 22 November at 14:10" in text
    assert "Sunday," not in text


def test_the_banner_ends_on_its_link_and_the_contact_line_comes_before() -> None:
    data = example("identified", services=[
        {"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line"}}])
    bundle = render(parse_incident(data), languages=("he", "en"), channels=("banner",))
    en = strip_controls(bundle["en", "banner"].text)
    # Every working channel named (s19) takes the banner to a shorter wording, without
    # "Details:"; it still ends on its link.
    assert en.endswith("https://status.netivim.example")
    assert "You can reach us" in en.split("https://")[0]
    he = strip_controls(bundle["he", "banner"].text).rstrip()
    assert he.endswith("https://status.netivim.example")


def test_a_workaround_after_a_colon_starts_with_a_small_letter_but_a_name_keeps_its_capital(
        ) -> None:
    data = example("identified", workaround={
        "he": "אפשר לשלם באתר.", "en": "You can pay on our website.",
        "ar": "يمكنكم الدفع عبر موقعنا.", "ru": "Можно оплатить на нашем сайте."})
    bundle = render(parse_incident(data), languages=LANGS, channels=("email", "status_page"))
    for channel in ("email", "status_page"):
        assert "In the meantime:** you can pay" in seen(bundle, "en", channel) or \
            "In the meantime: you can pay" in seen(bundle, "en", channel)
        assert "You can pay" not in seen(bundle, "en", channel)
        assert "можно оплатить" in seen(bundle, "ru", channel)
    data["workaround"]["en"] = "Netivim TV works on the website."
    bundle = render(parse_incident(data), languages=("en",), channels=("email",))
    # A sentence never starts after a colon (s18b, R10): a name's capital stands alone.
    assert "Netivim TV works on the website." in seen(bundle, "en", "email")
    assert "In the meantime: Netivim" not in seen(bundle, "en", "email")


EXPECT = {"he": "אנו צופים שהשירות יחזור", "en": "we expect service to be back",
          "ar": "نتوقع عودة الخدمة", "ru": "мы рассчитываем восстановить"}
# The he and ar status pages say it once, in the headline (reading 44 HE-5, AR-12).
WATCHING = {"he": ("אנו עוקבים אחר פעולת השירות", "**מצב הטיפול: התיקון הושלם, אנו במעקב.**"),
            "en": ("we are monitoring the service",),
            "ar": ("نتابع عمل الخدمة", "**الحالة: تم الإصلاح، ونحن نتابع الوضع.**"),
            "ru": ("мы следим за работой сервиса",)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("eta", ["2026-11-22T12:30:00+02:00", None])
def test_monitoring_says_we_are_watching_never_that_service_will_be_back(
        lang: str, eta: str | None) -> None:
    bundle = render(parse_incident(example("monitoring", eta=eta)), languages=(lang,),
                    channels=LASTING)
    for channel in ("email", "status_page"):
        text = seen(bundle, lang, channel)
        assert EXPECT[lang] not in text, channel
        assert any(w.casefold() in text.casefold() for w in WATCHING[lang]), channel
    assert EXPECT[lang] not in seen(bundle, lang, "banner")


def test_the_hebrew_one_to_one_email_opens_with_shalom_rav() -> None:
    text = seen(render(parse_incident(example("identified")), languages=("he",),
                       channels=("email",)), "he", "email")
    assert text.startswith("שלום רב,") or "<p>שלום רב,</p>" in text
    assert "לקוחות יקרים" not in text


# s25 (reading 30 en-2): English says it first, "This is an automatic reply:".
AUTOMATIC = {"he": "ומייל זה נשלח אליכם אוטומטית.", "en": "This is an automatic reply:",
             "ar": "هذا رد آلي. بسبب", "ru": "Это автоматический ответ."}  # ar: s27 AR-4
RECEIVED = {"he": ("תודה שכתבתם", "פנייתכם התקבלה"), "en": ("Thank you for", "We have your"),
            "ar": ("شكرًا", "تلقينا طلبكم"), "ru": ("Спасибо за обращение", "получено")}


@pytest.mark.parametrize("lang", LANGS)
def test_while_email_is_down_the_auto_reply_says_so_and_thanks_no_one_for_writing(
        lang: str) -> None:
    data = example("identified", services=[{"id": "support-mail", "name": {
        "he": "פניות בדואר האלקטרוני", "en": "email support", "ar": "البريد الإلكتروني",
        "ru": "поддержка по электронной почте"}}])
    message = render(parse_incident(data), languages=(lang,), channels=("email",))[lang,
                                                                                    "email"]
    for text in (strip_controls(message.text), strip_controls(message.subject or "")):
        for words in RECEIVED[lang]:
            assert words not in text
    assert AUTOMATIC[lang] in strip_controls(message.text)
    assert AUTOMATIC[lang] in strip_controls(message.outputs()["html"])
