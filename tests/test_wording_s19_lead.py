"""Session 19, reading 6: small fixes made while merging (each fails without its fix)."""

from __future__ import annotations

from typing import Any

import pytest

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.samples import changed_example, load_example

from .example_edits import seen


def test_services_join_the_title_only_after_a_title_that_opens_with_its_fault() -> None:
    # "הפסקת אינטרנט ביתי בצפון ובשירות ה-TV" reads the "ב" as another place.
    bundle = render(load_example("investigating"), languages=["he"], channels=["sms"])
    text = seen(bundle, "he", "sms")
    # The TV service by its short name (services[].short, reading 10 #2).
    assert "ובשירות ה-TV" not in text and "ובטלוויזיה" not in text and "(גם הטלוויזיה)" in text
    # After "תקלה ב…" it reads as one phrase.
    bundle = render(load_example("identified"), languages=["he"], channels=["sms"])
    assert "תקלה בכניסה לאפליקציה ובאזור האישי – " in seen(bundle, "he", "sms")


def test_banner_and_social_say_only_the_services_the_title_leaves_out() -> None:
    # Reading 6: "תקלה בכניסה לאפליקציה (האפליקציה והאזור האישי באתר)" repeated the title.
    # (The statement after a statement: its estimate change takes the room of the long form.)
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["he", "en", "ar", "ru"],
                    channels=["banner", "social"])
    for channel in ("banner", "social"):
        # The shortest wordings by the short name (s23_short), the others by the name.
        assert "(גם האזור האישי" in seen(bundle, "he", channel)
        assert "online account)" in seen(bundle, "en", channel)
        assert "(ويشمل أيضًا الحساب الشخصي" in seen(bundle, "ar", channel)
        assert "(האפליקציה" not in seen(bundle, "he", channel)


CALL_CENTRE: dict[str, Any] = {
    "id": "INC-3005", "status": "identified", "severity": "major",
    "updated_at": "2026-11-23T10:00:00+02:00", "started_at": "2026-11-23T09:30:00+02:00",
    "eta": "2026-11-23T12:00:00+02:00", "next_update_at": "2026-11-23T11:00:00+02:00",
    "title": {'ar': 'خلل في مركز خدمة الزبائن',
         'en': 'Customer service centre problem',
         'he': 'תקלה במוקד שירות הלקוחות',
         'ru': 'Сбой в центре обслуживания клиентов'},
    "impact": {'ar': 'لا يمكن الوصول إلى مركز الاتصال، ولا تصلنا رسائل البريد الإلكتروني.',
         'en': 'Our phone line cannot be reached and emails to us are not being received.',
         'he': 'לא ניתן להגיע למוקד הטלפוני ולא ניתן לשלוח פניות בדואר האלקטרוני.',
         'ru': 'До колл-центра невозможно дозвониться, и электронные письма к нам не доходят.'},
    "services": [{'id': 'call-centre',
          'name': {'ar': 'مركز الاتصال',
                   'en': 'our phone line',
                   'he': 'המוקד הטלפוני',
                   'ru': 'колл-центр'}},
         {'id': 'support-mail',
          'name': {'ar': 'الدعم عبر البريد الإلكتروني',
                   'en': 'email support',
                   'he': 'פניות בדואר האלקטרוני',
                   'ru': 'поддержка по электронной почте'}}]}
NOT_KEPT = {"ar": ("رسائل البريد الإلكتروني التي أُرسلت إلينا خلال الخلل لم تُحفظ",
                   "عبر إحدى القنوات العاملة", "الطلبات التي وصلت إلى نتيفيم قبل الخلل"),
            "ru": ("Письма, отправленные нам по электронной почте во время сбоя, не сохраняются",
                   "по одному из работающих каналов", "Обращения, поступившие до сбоя")}


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_staff_notices_in_arabic_and_russian_say_what_an_email_outage_means(lang: str) -> None:
    # As the Hebrew and English do (down19): the partner quote no longer says every request
    # is recorded while emails sent during the outage are not kept, and a client in hardship
    # is not sent to the usual channel, which is down.
    bundle = render(parse_incident(CALL_CENTRE), languages=[lang],
                    channels=["talking_points", "management", "partners"])
    lost, hardship, before = NOT_KEPT[lang]
    assert lost in seen(bundle, lang, "talking_points")
    assert lost in seen(bundle, lang, "management")
    partners = seen(bundle, lang, "partners")
    assert hardship in partners and before in partners


@pytest.mark.parametrize(("lang", "apology"), [
    ("he", "אנו מתנצלים על אי הנוחות ומודים לכם על הסבלנות."),
    ("en", "We apologise for the inconvenience and thank you for your patience.")])
def test_a_resolved_banner_apologises_after_a_short_outage_too(lang: str, apology: str) -> None:
    # Reading 8: the IVR, email and status page apologised; the banner only thanked.
    bundle = render(load_example("resolved"), languages=[lang], channels=["banner"])
    assert apology in seen(bundle, lang, "banner")


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_reps_read_the_status_page_without_https_and_click_a_whole_link(lang: str) -> None:
    # Reading 8: a quote reps read aloud gave "https://status.netivim.example"; the HTML keeps
    # an absolute link (a bare host name would be a relative href).
    bundle = render(load_example("identified"), languages=[lang], channels=["talking_points"])
    text = seen(bundle, lang, "talking_points")
    assert "status.netivim.example" in text and "https://status" not in text
    html = bundle[lang, "talking_points"].html or ""
    assert 'href="https://status.netivim.example"' in html and 'href="status.' not in html


@pytest.mark.parametrize(("lang", "label"), [
    ("he", "השירות שהושפע:"), ("en", "Service affected:"), ("ar", "الخدمة التي تأثرت:"),
    ("ru", "Был затронут сервис:")])
def test_management_names_one_service_in_the_singular(lang: str, label: str) -> None:
    # Reading 8: "Были затронуты: Webmail", "الخدمات التي تأثرت: Webmail" for one service.
    bundle = render(load_example("resolved"), languages=[lang], channels=["management"])
    assert label in seen(bundle, lang, "management")
