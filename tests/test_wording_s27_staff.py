"""Reading 46, the staff notices (partners, talking points) in all four languages.

- HE-5 / EN-7: the partner notice's first bullet pasted the title before the impact ("Bill
  payment problem in the app. Bills cannot be paid in the app."); it gives the impact alone,
  as the email's "What is happening" does.
- HE-6: the partner notice's body said "today"/"tonight" ("היום", "הלילה"); a forwarded email is
  read later, so the body is dated as the management notice is, and the quotes partners say
  aloud that day keep "today".
- HE-7 / EN-3: after a long outage the reps' talking points give how long it has lasted and the
  customer channels' stronger apology.
- RU-10: a Russian quote ending in the status URL takes its full stop after «»».
- RU-11 / RU-12: the call-centre talking points' wording of the recorded request.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from crisiscomms import load_incident, render
from crisiscomms.loading import parse_incident
from crisiscomms.model import Incident
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
EXAMPLES = ROOT / "examples"

_QUOTE_LINE = re.compile(r'^\s*(- |<li>)["«]')
_RELATIVE = {
    "he": ("היום", "הלילה", "מחר"),
    "en": ("today", "tonight", "tomorrow"),
    "ar": ("اليوم", "الليلة", "غدًا"),
    "ru": ("сегодня", "завтра"),
}


def _message(incident: Incident, lang: str, channel: str) -> Any:
    return render(incident, languages=[lang], channels=[channel])[lang, channel]


def _outputs(incident: Incident, lang: str, channel: str) -> dict[str, str]:
    message = _message(incident, lang, channel)
    return {"text": strip_controls(message.text), "html": strip_controls(message.html or "")}


def _words(html: str) -> str:
    """The HTML's words, its tags taken out ("<bdi>08:00</bdi>" reads "08:00")."""
    return re.sub(r"<[^>]+>", "", html)


def _first_bullet(body: str, output: str) -> str:
    items = re.findall(r"<li>(.*?)</li>", body) if output == "html" else [
        line[2:] for line in body.splitlines() if line.startswith("- ")]
    return items[0]


def _long35(langs: tuple[str, ...]) -> Incident:
    """The 35-hour outage; in Arabic and Russian with their own words added."""
    data = yaml.safe_load((HARD / "long35.yaml").read_text(encoding="utf-8"))
    if "ar" in langs or "ru" in langs:
        data["title"] = {"ar": "انقطاع الإنترنت المنزلي في القدس",
                         "ru": "Сбой домашнего интернета в Иерусалиме"}
        data["impact"] = {
            "ar": "زبائن الإنترنت المنزلي في القدس ومفاسيرت تسيون غير متصلين بالشبكة.",
            "ru": "Клиенты домашнего интернета в Иерусалиме и Мевасерет-Ционе остались без связи."}
        data["services"][0]["name"] = {"ar": "الإنترنت المنزلي", "ru": "домашний интернет"}
    return parse_incident(data)


# HE-5 / EN-7 -------------------------------------------------------------------------------

def test_the_partner_notice_gives_the_impact_without_the_title_before_it() -> None:
    cases = [("urlcode.yaml", lang) for lang in ("he", "en")] + [
        ("urlcode-arru.yaml", lang) for lang in ("ar", "ru")]
    for name, lang in cases:
        incident = load_incident(HARD / name)
        title, impact = incident.title[lang], incident.impact[lang]
        for output, body in _outputs(incident, lang, "partners").items():
            first = _first_bullet(body, output)
            assert first == impact, (name, lang, output, first)
            assert not first.startswith(title), (name, lang, output, first)
    he = _outputs(load_incident(HARD / "urlcode.yaml"), "he", "partners")["text"]
    assert "- לא ניתן לשלם חשבונות באפליקציה.\n" in he
    assert "תקלה בתשלום חשבונות באפליקציה. לא ניתן" not in he
    en = _outputs(load_incident(HARD / "urlcode.yaml"), "en", "partners")["text"]
    assert "- Bills cannot be paid in the app.\n" in en


# HE-6 --------------------------------------------------------------------------------------

def _body_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if not _QUOTE_LINE.match(line)]


def test_the_partner_notice_body_is_dated_and_its_quotes_keep_today() -> None:
    for name in ("identified", "investigating", "monitoring", "overnight"):
        incident = load_incident(EXAMPLES / f"{name}.yaml")
        for lang in ("he", "en", "ar", "ru"):
            outputs = _outputs(incident, lang, "partners")
            for output, body in outputs.items():
                for line in _body_lines(body):
                    low = line.lower()
                    assert not any(w in low for w in _RELATIVE[lang]), (name, lang, output, line)
    identified = load_incident(EXAMPLES / "identified.yaml")
    he = _outputs(identified, "he", "partners")["text"]
    assert "- צפי לחזרת השירות: ביום ראשון, 22 בנובמבר, בשעה 17:00.\n" in he
    assert "העדכון הבא יישלח אליכם ביום ראשון, 22 בנובמבר, בשעה 15:00." in he
    # The quote partners say aloud that day keeps "today".
    assert "יחזור לפעול היום בשעה 17:00, והעדכון הבא יפורסם היום בשעה 15:00" in he
    en = _outputs(identified, "en", "partners")["text"]
    assert "- Expected back: on Sunday 22 November at 17:00.\n" in en
    assert "Service is expected back today at 17:00" in en
    ru = _outputs(identified, "ru", "partners")["text"]
    assert "- Ожидаемый срок: в воскресенье, 22 ноября, в 17:00.\n" in ru
    ar = _outputs(identified, "ar", "partners")["text"]
    assert "- العودة المتوقعة: يوم الأحد 22 نوفمبر الساعة 17:00.\n" in ar
    night = load_incident(HARD / "night.yaml")
    he_night = _outputs(night, "he", "partners")["text"]
    assert "צפי לחזרת השירות: בלילה שבין שלישי לרביעי (24–25 בנובמבר), בשעה 02:00." in he_night
    ru_night = _outputs(load_incident(HARD / "night-arru.yaml"), "ru", "partners")["text"]
    assert "- Ожидаемый срок: в ночь на среду, 25 ноября, в 02:00.\n" in ru_night


def test_a_changed_estimate_of_another_day_is_dated_in_the_partner_notice() -> None:
    current = load_incident(EXAMPLES / "identified.yaml")
    assert current.eta is not None
    previous = current.model_copy(update={"eta": current.eta - dt.timedelta(hours=20),
                                          "updated_at": current.updated_at
                                          - dt.timedelta(minutes=30)})
    bundle = render(current, previous=previous, languages=["he", "en", "ru"],
                    channels=["partners"])
    he = strip_controls(bundle["he", "partners"].text)
    assert "(במקום ביום שבת, 21 בנובמבר, בשעה 21:00)" in he
    ru = strip_controls(bundle["ru", "partners"].text)
    assert ("- Ожидаемый срок: в воскресенье, 22 ноября, в 17:00 "
            "(прежний срок: в субботу, 21 ноября, в 21:00).") in ru


# HE-7 / EN-3 -------------------------------------------------------------------------------

_LONG = {
    "he": ("התקלה החלה אתמול בשעה 08:00 ונמשכת כבר 35 שעות ו-40 דקות.",
           '- "אנו מתנצלים מכל הלב על הפגיעה בשירות לאורך זמן רב כל כך."'),
    "en": ("It started yesterday at 08:00 and has lasted 35 hours and 40 minutes so far.",
           '- "We are very sorry for the disruption to your service, which has gone on far too '
           'long."'),
    "ar": ("بدأ الخلل أمس الساعة 08:00، وهو مستمر منذ 35 ساعة و40 دقيقة.",
           "- «نعتذر بشدة عن انقطاع الخدمة وما سبّبه لكم من عناء طوال هذه المدة الطويلة.»"),
    "ru": ("Начало: вчера в 08:00; сбой длится уже 35 часов и 40 минут.",
           "- «Приносим искренние извинения за длительный сбой»."),
}


def test_long_outage_talking_points_give_the_duration_and_the_strong_apology() -> None:
    for langs in (("he", "en"), ("ar", "ru")):
        incident = _long35(langs)
        for lang in langs:
            outputs = _outputs(incident, lang, "talking_points")
            lasted, sorry = _LONG[lang]
            assert lasted in outputs["text"], (lang, outputs["text"])
            assert sorry + "\n" in outputs["text"], (lang, outputs["text"])
            assert sorry[2:] in _words(outputs["html"]), lang
            assert lasted in _words(outputs["html"]), lang


def test_a_short_outage_talking_points_keep_the_routine_wording() -> None:
    incident = load_incident(EXAMPLES / "identified.yaml")
    for lang in ("he", "en", "ar", "ru"):
        text = _outputs(incident, lang, "talking_points")["text"]
        assert _LONG[lang][1][:12] not in text, lang
    en = _outputs(incident, "en", "talking_points")["text"]
    assert "so far" not in en and "far too long" not in en


# RU-10, RU-11, RU-12 -----------------------------------------------------------------------

def test_russian_quotes_ending_in_the_status_url_take_the_full_stop_after_the_quote() -> None:
    for name in ("identified", "investigating", "monitoring", "overnight"):
        incident = load_incident(EXAMPLES / f"{name}.yaml")
        for channel in ("partners", "talking_points"):
            outputs = _outputs(incident, "ru", channel)
            assert "status.netivim.example»." in outputs["text"], (name, channel)
            assert "status.netivim.example»\n" not in outputs["text"], (name, channel)
            assert "https://status.netivim.example»." in _words(outputs["html"]), (name, channel)


def test_russian_call_centre_talking_points_say_the_request_is_recorded_plainly() -> None:
    incident = load_incident(HARD / "callcentre-arru.yaml")
    outputs = _outputs(incident, "ru", "talking_points")
    for output, body in outputs.items():
        assert "зарегистрируйте его обращение прямо сейчас, пока он на связи." in body, output
        assert "во время разговора" not in body, output
        assert ("«Мы только что зарегистрировали ваше обращение, так что отправлять письмо "
                "повторно не нужно.") in body, output
