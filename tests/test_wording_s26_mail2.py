"""Reading 44 (en, he, ar, ru) on the email, status page, talking points, partners and
management channels:

- EN-8, HE-4: the email of an ongoing incident said "What happened: <title>. <impact>" (past
  tense, and the title said again by the impact): "What is happening: <impact>".
- HE-5, AR-12, RU-8: the monitoring email and status page said "we are monitoring" twice in a
  row: once.
- AR-4: the workaround in the partner notice and the rep briefing spoke to the reseller or rep
  about their own bill: offered to the customer, in quotes (the same slip in he/en/ru).
- AR-8 "الأولوية: الأولوية"; RU-5 "исключение, которое ничего не стоит".
- EN-13: "(overnight from Tuesday)" -> "in the early hours of Wednesday 25 November".
- EN-14: the partner notice's script for clients apologises, in the third person.
- HE-9: the minor severity label; HE-14: management gives weekday and date, not "today".
- EN-7, EN-15: the en title of longtitle.yaml and resolved.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.model import Incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
LANGS = ("he", "en", "ar", "ru")


def _texts(incident: Incident, langs: tuple[str, ...], channels: tuple[str, ...],
           html: bool = False) -> dict[tuple[str, str], str]:
    bundle = render(incident, languages=langs, channels=channels)
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    return {(m.language, m.channel): strip_controls((m.html if html else m.text) or "")
            for m in bundle}


# --- EN-8, HE-4: "What is happening: <impact>" -----------------------------------------------

NOW = {"he": "מה קורה: ", "en": "What is happening: ", "ar": "ما الذي يحدث: ",
       "ru": "Что происходит: "}
PAST = {"he": "מה קרה:", "en": "What happened:", "ar": "ما الذي حدث:", "ru": "Что случилось:"}


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
@pytest.mark.parametrize("name", ["identified", "investigating", "monitoring", "overnight"])
def test_an_ongoing_email_says_what_is_happening_without_the_title(name: str,
                                                                   html: bool) -> None:
    incident = load_example(name)
    for (lang, _), text in _texts(incident, LANGS, ("email",), html).items():
        assert PAST[lang] not in text, (lang, text)
        label = NOW[lang].replace(": ", ":</strong> ") if html else NOW[lang]
        assert label in text, (lang, text)
        line = text[text.index(label) + len(label):].split("\n")[0]
        assert incident.title[lang].lower() not in line.lower(), (lang, line)


def test_the_impact_after_the_label_takes_a_small_letter_in_english() -> None:
    text = _texts(load_example("identified"), ("en",), ("email",))["en", "email"]
    assert ("What is happening: some customers cannot sign in to the app or to their account"
            in text), text
    urlcode = _texts(load_incident(HARD / "urlcode.yaml"), ("he",), ("email",))["he", "email"]
    assert "מה קורה: לא ניתן לשלם חשבונות באפליקציה." in urlcode, urlcode
    assert "תקלה בתשלום חשבונות באפליקציה. לא ניתן" not in urlcode, urlcode


def test_a_resolved_email_keeps_what_happened() -> None:
    for (lang, _), text in _texts(load_example("resolved"), LANGS, ("email",)).items():
        assert NOW[lang] not in text, (lang, text)


# --- HE-5, AR-12, RU-8: the monitoring said once ----------------------------------------------

ONCE = {
    ("he", "email"): "מצב הטיפול: התיקון הושלם, ואנו עוקבים אחר פעולת השירות כדי לוודא שהכול תקין.",
    ("ar", "email"): "الحالة: تم الإصلاح، ونتابع عمل الخدمة للتأكد من أن كل شيء يعمل كما ينبغي.",
    ("ru", "email"): "Статус: неисправность устранена.\nЧто дальше: мы следим за работой сервиса",
    ("ru", "status_page"): "**Статус: неисправность устранена.**",
}
TWICE = {"he": ("מה עכשיו", "אנו במעקב"), "ar": ("الخطوة التالية", "ونحن نتابع الوضع"),
         "ru": ("следим за работой.",)}


def test_the_monitoring_email_and_status_page_say_it_once() -> None:
    texts = _texts(load_example("monitoring"), ("he", "ar", "ru"), ("email", "status_page"))
    for (lang, channel), text in texts.items():
        if (lang, channel) in ONCE:
            assert ONCE[lang, channel] in text, (lang, channel, text)
        # The status page's headline keeps the label (he, ar); the line after it goes.
        words = TWICE[lang][:1] if channel == "status_page" else TWICE[lang]
        for word in words:
            assert word not in text, (lang, channel, word, text)


def test_the_monitoring_html_email_says_it_once() -> None:
    texts = _texts(load_example("monitoring"), ("he", "ar", "ru"), ("email", "status_page"),
                   html=True)
    for (lang, channel), text in texts.items():
        assert TWICE[lang][0] not in text, (lang, channel, text)


# --- AR-4: the workaround offered to the customer ---------------------------------------------

OFFER = {
    ("ar", "partners"): "حل بديل يمكنكم اقتراحه على زبائنكم: «لفاتورتكم الأخيرة",
    ("ar", "talking_points"): "حل بديل تقترحونه على الزبون: «لفاتورتكم الأخيرة",
    ("en", "partners"): 'A workaround you can offer your clients: "To get your latest bill',
    ("en", "talking_points"): 'A workaround to offer the customer: "To get your latest bill',
    ("he", "partners"): 'פתרון עוקף שאפשר להציע ללקוחות: "את החשבונית האחרונה',
    ("he", "talking_points"): 'פתרון עוקף להציע ללקוח: "את החשבונית האחרונה',
    ("ru", "partners"): "Обходной путь, который вы можете предложить своим клиентам: «Чтобы",
    ("ru", "talking_points"): "Обходной путь, который можно предложить клиенту: «Чтобы",
}


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_the_workaround_is_offered_to_the_customer_in_quotes(html: bool) -> None:
    texts = _texts(load_example("identified"), LANGS, ("partners", "talking_points"), html)
    for key, text in texts.items():
        assert OFFER[key] in text, (key, text)
    assert "حل بديل للزبائن" not in texts["ar", "partners"]


def test_the_partner_workaround_names_the_company_not_us() -> None:
    text = _texts(load_incident(HARD / "urlcode-arru.yaml"), ("ar",), ("partners",))
    line = next(x for x in text["ar", "partners"].split("\n") if "حل بديل" in x)
    assert "«يمكنكم الدفع عبر الموقع" in line, line


# --- AR-8, RU-5 --------------------------------------------------------------------------------

def test_the_rep_briefing_wording() -> None:
    texts = _texts(load_example("identified"), ("ar", "ru"), ("talking_points",))
    assert "الأولوية: الأولوية" not in texts["ar", "talking_points"]
    assert "- ترتيب المعالجة: الأولوية" in texts["ar", "talking_points"]
    assert "которое ничего не стоит" not in texts["ru", "talking_points"]
    assert "небольшое исключение, не требующее затрат," in texts["ru", "talking_points"]


# --- EN-13 ------------------------------------------------------------------------------------

def test_the_night_eta_is_in_the_early_hours() -> None:
    texts = _texts(load_example("overnight"), ("en",), ("email", "banner", "status_page"))
    for key, text in texts.items():
        assert "overnight from" not in text, (key, text)
        assert "at 02:00 in the early hours of Wednesday 25 November" in text, (key, text)


# --- EN-14: the partner script apologises ----------------------------------------------------

SORRY = {"he": '"בנתיבים מתנצלים על התקלה."', "en": '"Netivim apologises for the disruption."',
         "ar": "«تعتذر شركة نتيفيم عن هذا الخلل.»", "ru": "«Нетивим приносит извинения за сбой»."}
SORRY_LONG = {
    "he": '"בנתיבים מתנצלים מכל הלב על הפגיעה בשירות לאורך זמן רב כל כך."',
    "en": '"Netivim is very sorry for the disruption, which {} on far too long."',
    "ar": "«تعتذر شركة نتيفيم بشدة عن انقطاع الخدمة طوال هذه المدة الطويلة.»",
    "ru": "«Нетивим приносит искренние извинения за столь длительный сбой».",
}


@pytest.mark.parametrize("name", ["identified", "resolved"])
def test_the_partner_script_apologises(name: str) -> None:
    for (lang, _), text in _texts(load_example(name), LANGS, ("partners",)).items():
        assert SORRY[lang] in text, (lang, text)


def test_the_partner_script_apologises_for_a_long_outage() -> None:
    for (lang, _), text in _texts(load_example("compensation"), LANGS, ("partners",)).items():
        assert SORRY_LONG[lang].format("went") in text, (lang, text)
    long35 = _texts(load_incident(HARD / "long35.yaml"), ("en",), ("partners",))
    assert SORRY_LONG["en"].format("has gone") in long35["en", "partners"]


# --- HE-9, HE-14: management ------------------------------------------------------------------

def test_management_gives_dates_and_the_he_minor_label() -> None:
    texts = _texts(load_example("compensation"), LANGS, ("management",))
    assert "עודכן: ביום שבת, 21 בנובמבר, בשעה 18:30." in texts["he", "management"]
    assert "התקלה החלה ביום שישי, 20 בנובמבר, בשעה 06:10." in texts["he", "management"]
    assert "It started on Friday 20 November at 06:10." in texts["en", "management"]
    for (lang, _), text in texts.items():
        for word in ("היום", "אתמול", "today", "yesterday", "اليوم", "أمس", "сегодня", "вчера"):
            assert word not in text, (lang, word, text)
    minor = _texts(load_example("monitoring"), ("he",), ("management", "talking_points"))
    for key, text in minor.items():
        assert "(חומרה נמוכה)" in text and "תקלה חלקית" not in text, (key, text)


# --- EN-7, EN-15: incident data --------------------------------------------------------------

def test_the_en_titles() -> None:
    bundle = render(load_example("resolved"), languages=["en"], channels=["email", "sms"])
    said = [bundle["en", "email"].subject or "", bundle["en", "sms"].text or ""]
    for text in said:
        assert "email from Netivim mailboxes" in text and "our mailboxes" not in text, text
    wide = _texts(load_incident(HARD / "longtitle.yaml"), ("en",), ("email", "ivr"))
    for text in wide.values():
        assert "the Sharon and the Shfela" in text and "Wide network" not in text, text


def test_ru_what_is_happening_lowers_a_one_letter_opening() -> None:
    """Reading 35 (ru): «Что происходит: у клиентов…», not «У клиентов» after the colon."""
    bundle = render(load_example("investigating"), languages=["ru"], channels=["email"])
    text = bundle["ru", "email"].text
    assert "Что происходит: у клиентов" in text, text
