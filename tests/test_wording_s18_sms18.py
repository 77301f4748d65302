"""SMS and social wording after the session-18 reading (issue 11): what a short message keeps.

Each test names the defect it pins; each fails on the templates before the fix.
"""

from __future__ import annotations

from typing import Any

import pytest

from crisiscomms import Bundle, Message, parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

# The SMS writes the link without its scheme (test_wording_s18b_sms2).
STATUS_PAGE = "status.netivim.example"


def _data(example: str = "identified") -> dict[str, Any]:
    return load_example(example).model_dump(mode="json", exclude_none=True)


def _render(data: dict[str, Any], languages: tuple[str, ...] = ("he", "en"),
            channels: tuple[str, ...] = ("sms",)) -> Bundle:
    return render(parse_incident(data), languages=list(languages), channels=list(channels))


def _text(message: Message) -> str:
    return strip_controls(message.text)


def _errors(bundle: Bundle) -> list[Any]:
    return [f for f in bundle.findings if f.severity == "error"]


def _long_title_three_services() -> dict[str, Any]:
    # A 35-character title that does not name its three services (the reading's longtitle).
    data = _data("investigating")
    data["title"] = {"he": "תקלה רחבה ברשת באזור השרון והשפלה",
                     "en": "Wide network fault in the Sharon and Shfela"}
    data["impact"] = {"he": "לקוחות בשרון ובשפלה חווים ניתוקים.",
                      "en": "Customers in the Sharon and Shfela are experiencing disconnections."}
    data["services"] = [{"id": i, "name": {"he": he, "en": en}} for i, he, en in (
        ("fiber", "האינטרנט", "internet"), ("tv", "הטלוויזיה", "TV"),
        ("voip", "הטלפון הביתי", "home phone"))]
    for key in ("workaround", "workaround_short", "customer_action", "updates"):
        data.pop(key, None)
    return data


def _only(data: dict[str, Any], languages: tuple[str, ...] = ("he", "en")) -> dict[str, Any]:
    """The incident's text in ``languages`` only, so services of our own can be set."""
    for key in ("title", "impact", "workaround", "customer_action"):
        if key in data:
            data[key] = {k: v for k, v in data[key].items() if k in languages}
    data.pop("updates", None)
    return data


# --- 1. The services stay (a required fact); the sender goes before them ------------------

def test_long_title_keeps_its_services_and_fits_two_segments() -> None:
    bundle = _render(_long_title_three_services())
    sms = _text(bundle["he", "sms"])
    # With no room spent on idle direction marks (s20), "no need to contact us again" fits;
    # it outranks the sender, which the handset shows as the sender ID (R8 he #7).
    # Reading 46 HE-4: "שוב" and "העדכון הבא:" give their room to the apology.
    assert sms.startswith("תקלה רחבה ברשת") and "אין צורך לפנות. מתנצלים." in sms
    assert "(האינטרנט, הטלוויזיה והטלפון הביתי)" in sms
    assert bundle["he", "sms"].stats["segments"] == 2
    assert not _errors(bundle), bundle.findings


@pytest.mark.parametrize("example", ["identified", "investigating", "monitoring", "overnight",
                                     "resolved", "compensation"])
def test_every_example_sms_has_the_sender(example: str) -> None:
    bundle = render(load_example(example), languages=["he", "en", "ar", "ru"], channels=["sms"])
    for lang, sender in (("he", "נתיבים: "), ("en", "Netivim: "), ("ar", "نتيفيم: "),
                         ("ru", "Нетивим: ")):
        # The sender goes only at level 4, after the thanks, the long status and the link.
        if bundle[lang, "sms"].stats["short"] < 4:
            assert _text(bundle[lang, "sms"]).startswith(sender), (lang, bundle[lang, "sms"].text)


def test_the_services_are_in_every_wording() -> None:
    from crisiscomms.facts import build_facts
    from crisiscomms.render import _render_one, template_set

    incident = parse_incident(_long_title_three_services())
    ts = template_set()
    for lang, services in (("he", "האינטרנט, הטלוויזיה והטלפון הביתי"),
                           ("en", "internet, TV and home phone")):
        language = ts.language(lang)
        facts = build_facts(incident, ts.config, language, lang, None)
        for level in range(10):
            text = _text(_render_one(ts, incident, lang, "sms", {}, facts, language, {},
                                     level=level))
            assert services in text, (lang, level, text)
            # From 5 the Hebrew sender gives way (reading 11 #2: the no-need line outranks it).
            sender = level < 5 or (level == 8 and lang == "en")
            assert text.startswith(("נתיבים: ", "Netivim: ")) == sender, (level, text)


# --- 2. An apology after a long outage -------------------------------------------------

def _long_outage() -> dict[str, Any]:
    data = _data("identified")
    data["started_at"] = "2026-11-21T03:10:00+02:00"  # 35 hours before the statement
    return data


def test_sms_apologises_after_a_long_outage() -> None:
    data = _long_outage()
    data["services"] = data["services"][:1]  # a title that names its one service
    # Without a short workaround: with one, the thing to do outlasts the apology (s19).
    data.pop("workaround_short", None)
    bundle = _render(data)
    assert "מתנצלים על הפגיעה בשירות" in _text(bundle["he", "sms"])
    assert "We are very sorry for the disruption to your service" in _text(bundle["en", "sms"])
    assert bundle["he", "sms"].stats["segments"] <= 2
    assert not _errors(bundle), bundle.findings


def test_a_short_outage_sms_does_not_apologise_for_harm() -> None:
    bundle = _render(_data("identified"))
    # Reading 46 HE-3: a brief apology, never one for the harm of a long outage.
    assert "מתנצלים על הפגיעה" not in _text(bundle["he", "sms"])


def test_social_compact_wording_apologises_after_a_long_outage_and_keeps_the_link() -> None:
    data = _data("compensation")  # resolved after a long outage; a shorter social wording
    bundle = _render(data, channels=("social",))
    # English: the middle wording's shorter apology leaves the compensation its room (s20).
    for lang, apology in (("he", "מתנצלים על הפגיעה בשירות"),
                          ("en", "We are very sorry for the long outage")):
        message = bundle[lang, "social"]
        assert apology in _text(message), message.text
        assert STATUS_PAGE in message.text
    assert not _errors(bundle), bundle.findings


def test_social_open_compact_wording_apologises_after_a_long_outage() -> None:
    data = _long_outage()
    data["title"]["he"] = "תקלה בכניסה לאפליקציה ולאזור האישי באתר אצל חלק מלקוחות הסלולר"
    data["title"]["en"] = ("Problem signing in to the app and the online account for some "
                           "mobile customers across the country")
    bundle = _render(data, languages=("he",), channels=("social",))
    message = bundle["he", "social"]
    # Session 25 (reading 30 HE-14): after a long outage the stronger apology, where it fits.
    assert "מתנצלים מכל הלב על הפגיעה בשירות" in _text(message)
    assert STATUS_PAGE in message.text


# --- 3. The status page link beyond the full wording ----------------------------------

def test_link_is_kept_after_the_thanks_go() -> None:
    data = load_example("overnight").model_dump(mode="json", exclude_none=True)
    # Without its short workaround (s18e), which the ladder keeps before the link.
    data.pop("workaround_short", None)
    message = _render(data, languages=("he",))["he", "sms"]
    assert message.stats["short"] > 0
    assert STATUS_PAGE in message.text
    resolved = _render(_data("resolved"), languages=("he",))["he", "sms"]
    assert STATUS_PAGE in resolved.text


# --- 4. A working contact channel when the call centre is down -------------------------

def test_phone_and_chat_down_the_sms_names_the_email_and_fits() -> None:
    data = _only(_data("identified"))
    data["title"] = {"he": "תקלה במוקד הטלפוני ובצ'אט באתר", "en": "Phone line and chat problem"}
    data["services"] = [{"id": "call-centre", "name": {"he": "המוקד הטלפוני",
                                                       "en": "our phone line"}},
                        {"id": "chat", "name": {"he": "הצ'אט באתר",
                                                "en": "chat on our website"}}]
    data.pop("customer_action", None)
    bundle = _render(data)
    sms = _text(bundle["he", "sms"])
    assert "מייל service@netivim.example" in sms  # reading 46 HE-4: "בינתיים: מייל …"
    assert bundle["he", "sms"].stats["segments"] == 2
    assert "service@netivim.example" in _text(bundle["en", "sms"])
    assert not _errors(bundle), bundle.findings


def test_call_centre_down_keeps_the_chat() -> None:
    data = _only(_data("identified"))
    data["title"] = {"he": "תקלה במוקד שירות הלקוחות", "en": "Customer service centre problem"}
    data["services"] = [{"id": "call-centre", "name": {"he": "המוקד הטלפוני",
                                                       "en": "our phone line"}},
                        {"id": "support-mail", "name": {"he": "פניות בדואר האלקטרוני",
                                                        "en": "email support"}}]
    data.pop("customer_action", None)
    sms = _text(_render(data, languages=("he",))["he", "sms"])
    # s21 (R14 #1): the working channels as alternatives, ahead of the no-need line.
    assert "פנו בצ'אט באתר או במרכזי השירות." in sms
    assert _render(data, languages=("he",))["he", "sms"].stats["segments"] == 2


# --- 5. Hebrew that reads as a Hebrew SMS ---------------------------------------------

def test_hebrew_sms_says_when_the_next_update_comes_in_hebrew_terms() -> None:
    sms = _text(_render(_data("identified"), languages=("he",))["he", "sms"])
    # s21 (R12 he #1): "נעדכן ב-15:00." at the deeper levels makes room for the no-need line.
    assert "נעדכן ב-15:00." in sms and "העדכון הבא" not in sms


# --- 6. Compensation in short says how it arrives -------------------------------------

# Session 25 (reading 30 en-1, HE-17, AR-14, RU-9): the shipped config sends the voucher by SMS
# within 7 days, so the short form says that instead of "automatic".
@pytest.mark.parametrize(("lang", "words"), [
    ("he", ["יישלח ב-SMS עד 28.11", "10%", "מהחשבון החודשי", "31.12.2026"]),
    ("en", ["we will text you", "no need to ask", "10%", "of your monthly bill", "31 Dec 2026"]),
    ("ar", ["ستصلكم تلقائيًا برسالة نصية بحلول 28.11",  # s27 AR-1
             "من الفاتورة الشهرية", "31.12.2026"]),
    # s26 RU-3: "не позднее" for the last day.
    ("ru", ["Пришлём его в SMS не позднее 28.11", "от ежемесячного счёта", "31.12.2026"]),
])
def test_short_compensation_says_it_is_automatic(lang: str, words: list[str]) -> None:
    message = render(load_example("compensation"), languages=[lang], channels=["sms"])[lang,
                                                                                      "sms"]
    text = _text(message)
    for word in words:
        assert word in text, (word, text)
    assert message.stats["segments"] <= {"he": 2, "en": 2, "ar": 3, "ru": 3}[lang]


def test_voucher_valid_next_year_keeps_year_and_delivery_in_two_segments() -> None:
    data = _data("compensation")
    data["compensation"]["valid_until"] = "2027-01-31"
    bundle = _render(data)
    he = _text(bundle["he", "sms"])
    assert "יישלח ב-SMS עד 28.11" in he and "31.1.2027" in he  # s25: the route and last day
    assert bundle["he", "sms"].stats["segments"] == 2
    assert not _errors(bundle), bundle.findings


# --- 7. Arabic thanks and link when they fit; Russian sender --------------------------

def test_arabic_sms_with_room_thanks_and_links() -> None:
    # Without the example's customer action, which comes before the thanks (reading 28).
    plain = load_example("resolved").model_dump(mode="json", exclude_none=True)
    plain.pop("customer_action"), plain.pop("customer_action_short")
    text = _text(_render(plain, languages=("ar",))["ar", "sms"])
    assert "ونشكركم على صبركم" in text and STATUS_PAGE in text
    # Without room for the thanks, the link stays (it went with the thanks before).
    # (Without the example's short workaround, which the ladder keeps before the link: s18e.)
    data = load_example("overnight").model_dump(mode="json", exclude_none=True)
    data.pop("workaround_short", None)
    message = _render(data, languages=("ar",))["ar", "sms"]
    assert message.stats["short"] > 0 and STATUS_PAGE in message.text


def test_russian_sms_names_the_sender() -> None:
    for example in ("identified", "investigating", "compensation"):
        message = render(load_example(example), languages=["ru"], channels=["sms"])["ru", "sms"]
        # An open incident's SMS gives the sender up at level 4; a resolved one keeps it.
        if message.stats["short"] < 4 or example == "compensation":
            assert _text(message).startswith("Нетивим: "), message.text


# --- English stays GSM-7 ----------------------------------------------------------------

@pytest.mark.parametrize("example", ["identified", "investigating", "monitoring", "overnight",
                                     "resolved", "compensation"])
def test_english_sms_stays_gsm7(example: str) -> None:
    message = render(load_example(example), languages=["en"], channels=["sms"])["en", "sms"]
    assert message.stats["encoding"] == "GSM-7", message.text
