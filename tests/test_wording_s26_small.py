"""Session 26, helper small: wording defects native readers found.

1. Payment delay (examples/monitoring.yaml): the short action promised every reader "your payment
   went through" ("התשלום נקלט", "تمت دفعتكم بنجاح", "Платёж прошёл") and lost when payments will
   show. It now says "do not pay again: payments will show by the end of Sunday"; its opening
   no-need clause still takes "contact us" into it (`f.action_joined_no_contact`: "אין צורך לשלם
   או לפנות שוב: התשלום יופיע …"), and every SMS keeps its number of segments.
2. Russian: "нет надёжной оценки" (a calque) is "Срок восстановления пока неизвестен".
3. Russian speech: 00:40 is "ноль сорок", not "двенадцать сорок".
4. Resolved (he, ar): "לאחר שעה", "بعد ساعة" can be heard as "in an hour": the length is said
   from the start of the fault ("שעה לאחר תחילתה", "بعد ساعة من بدء الخلل").
5. Banner: the shared day first, "ביום ראשון, 22 בנובמבר: העדכון הבא …, וצפי …", not "…, שניהם
   ביום …" (en "…, both on …", ar "…، وذلك …").
6. English: no "widespread" in any customer text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from crisiscomms import load_incident, render
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident
from crisiscomms.render import template_set
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.speech import speak_text, spoken_time

from .example_edits import with_services

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
LANGS = ("he", "en", "ar", "ru")


def _texts(incident: object, langs: tuple[str, ...], channels: tuple[str, ...]
           ) -> dict[tuple[str, str], str]:
    bundle = render(incident, languages=langs, channels=channels)  # type: ignore[arg-type]
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    return {(m.language, m.channel): strip_controls(m.text or "") for m in bundle}


# --- 1. The payment action -------------------------------------------------------------------

PROMISE = {"he": "נקלט", "en": "went through", "ar": "تمت دفعتكم", "ru": "прошёл"}
SHOWS = {"he": ("התשלום יופיע",), "en": ("will show",), "ar": ("ستظهر الدفع",),
         "ru": ("латёж отобразится",)}


@pytest.mark.parametrize("services", [(), ("chat",), ("call-centre",)],
                         ids=["shipped", "chat-down", "phone-down"])
def test_no_short_channel_promises_the_payment_went_through(services: tuple[str, ...]) -> None:
    incident = parse_incident(with_services("monitoring", list(services)), "monitoring.yaml") \
        if services else load_example("monitoring")
    for (lang, channel), text in _texts(incident, LANGS, ("sms", "banner", "social")).items():
        assert PROMISE[lang] not in text, (lang, channel, text)
        # When payments will show is said in every short channel, short form or whole.
        assert any(said in text for said in SHOWS[lang]), (lang, channel, text)


def test_the_short_action_says_when_payments_will_show() -> None:
    short = load_example("monitoring").customer_action_short
    assert short is not None
    assert short["he"] == "אין צורך לשלם שוב: התשלום יופיע עד סוף יום א׳"
    assert short["en"] == "Please do not pay again: payments will show by Sunday night"
    assert short["ar"] == "لا حاجة إلى الدفع مجددًا: ستظهر الدفعات قبل نهاية الأحد"
    # s27 (reading 46 RU-7): the reason first.
    assert short["ru"] == "Платёж отобразится 22.11, платить повторно не нужно"


def test_the_no_need_clause_takes_contact_us_before_its_reason() -> None:
    ts = template_set()
    joined = {"he": "אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום א׳.",
              "ar": "لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا: ستظهر الدفعات قبل نهاية "
                    "الأحد.",
              "ru": "Платёж отобразится 22.11, платить и обращаться повторно не нужно."}
    for lang, said in joined.items():
        facts = build_facts(load_example("monitoring"), ts.config, ts.language(lang), lang, None)
        assert str(facts["action_joined_no_contact"]) == said, lang
    # English asks ("Please do not pay again: …"), so its own no-contact line stays.
    facts = build_facts(load_example("monitoring"), ts.config, ts.language("en"), "en", None)
    assert facts["action_joined_no_contact"] is None


def test_monitoring_sms_keeps_its_segments_and_the_contact_clause() -> None:
    bundle = render(load_example("monitoring"), languages=LANGS, channels=["sms"])
    segments = {m.language: int(m.stats["segments"]) for m in bundle}
    assert segments == {"he": 2, "en": 2, "ar": 3, "ru": 3}
    text = {m.language: strip_controls(m.text or "") for m in bundle}
    # ", עם סיום המעקב" gives its room to the joined clause (the next update still says when).
    # s27b (reading 47 HE-3): "מתנצלים." in the room of the sender.
    assert text["he"] == ("עיכוב בקליטת תשלומים באתר – התיקון הושלם, במעקב. העדכון הבא: "
                          "12:30. אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום א׳. מתנצלים.")
    # An earlier try lost "ولا إلى التواصل معنا": "مع انتهاء المتابعة" gives it room; link kept.
    assert text["ar"].endswith("التحديث القادم: 12:30. لا حاجة إلى الدفع مجددًا ولا إلى التواصل "
                               "معنا: ستظهر الدفعات قبل نهاية الأحد. status.netivim.example")
    assert text["ru"].endswith("Следующее сообщение: 12:30. Платёж отобразится 22.11, платить и "
                               "обращаться повторно не нужно. status.netivim.example")
    assert "Please do not pay again: your payment will show by the end of Sunday 22 November." \
        in text["en"] and "No need to contact us again." in text["en"]


def test_banners_and_posts_still_apologise_with_a_contact_channel_down() -> None:
    # The longer reason took the apology's room in en/ar/ru: "when monitoring ends" gives it room.
    incident = parse_incident(with_services("monitoring", ["chat"]), "monitoring.yaml")
    texts = _texts(incident, ("en", "ar", "ru"), ("banner", "social"))
    for (lang, channel), text in texts.items():
        assert {"en": "We are sorry.", "ar": "نعتذر", "ru": "Приносим извинения"}[lang] in text, (
            lang, channel, text)
    assert "التحديث القادم يوم الأحد 22 نوفمبر الساعة 12:30. لا حاجة" in texts["ar", "banner"]


# --- 2. Russian: no estimate yet -------------------------------------------------------------

def test_russian_says_no_estimate_natively() -> None:
    texts = _texts(load_example("investigating"), ("ru",),
                   ("email", "status_page", "ivr", "management", "partners", "talking_points"))
    for (_, channel), text in texts.items():
        assert "надёжн" not in text, (channel, text)
        assert "Срок восстановления пока неизвестен" in text, (channel, text)
    assert "Срок восстановления пока неизвестен. Мы сообщим его, как только он будет определён." \
        in texts["ru", "email"]


# --- 3. Russian speech after midnight --------------------------------------------------------

def test_russian_time_after_midnight_is_said_from_zero() -> None:
    assert spoken_time(dt.time(0, 40), "ru") == "ноль сорок ночи"
    assert spoken_time(dt.time(0, 5), "ru") == "ноль ноль пять ночи"
    assert spoken_time(dt.time(0, 0), "ru") == "полночь"
    assert spoken_time(dt.time(12, 40), "ru") == "двенадцать сорок дня"
    assert speak_text("Работы с 00:40 до 01:30.", "ru") == \
        "Работы с ноля сорока ночи до часа тридцати ночи."
    # Other languages keep their clock.
    assert spoken_time(dt.time(0, 40), "en") == "twelve forty a.m."


def test_russian_ivr_says_the_night_eta_from_zero() -> None:
    data = (HARD / "night-arru.yaml").read_text("utf-8").replace(
        "eta: 2026-11-25T02:00:00+02:00", "eta: 2026-11-25T00:40:00+02:00")
    incident = parse_incident(yaml.safe_load(data), "night.yaml")
    ssml = render(incident, languages=["ru"], channels=["ivr"])["ru", "ivr"].ssml or ""
    assert "сегодня ночью в ноль сорок." in ssml
    assert "двенадцать" not in ssml


# --- 4. Resolved: how long it lasted ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "said", "ambiguous"), [
    ("he", "בשעה 10:05, שעה לאחר תחילתה.", ", לאחר שעה."),
    ("ar", "الساعة 10:05، بعد ساعة من بدء الخلل.", "، بعد ساعة."),
])
def test_resolved_says_the_length_from_the_start(lang: str, said: str, ambiguous: str) -> None:
    texts = _texts(load_example("resolved"), (lang,), ("ivr", "social", "email", "status_page"))
    for (_, channel), text in texts.items():
        assert ambiguous not in text, (channel, text)
        assert said in text, (channel, text)
    briefing = _texts(load_incident(HARD / "resolved1h.yaml"), ("he",), ("talking_points",))
    assert "שעה ושלוש דקות לאחר תחילת התקלה." in briefing["he", "talking_points"]


# --- 5. Banner: the shared day first ---------------------------------------------------------

def test_banner_says_the_shared_day_first() -> None:
    texts = _texts(load_example("identified"), LANGS, ("banner",))
    said = {"he": "ביום ראשון, 22 בנובמבר: העדכון הבא בשעה 15:00, וצפי לחזרת השירות בשעה 17:00.",
            "en": "On Sunday 22 November: next update at 15:00, expected back at 17:00.",
            "ar": "يوم الأحد 22 نوفمبر: التحديث القادم الساعة 15:00، والعودة المتوقعة الساعة "
                  "17:00.",
            "ru": "В воскресенье, 22 ноября: следующее сообщение — в 15:00, ожидаемый срок "
                  "восстановления — в 17:00."}
    for lang, sentence in said.items():
        text = texts[lang, "banner"]
        assert sentence in text, (lang, text)
        for clumsy in ("שניהם", "both on", "وذلك"):
            assert clumsy not in text, (lang, text)


# --- 6. English: plain severity words --------------------------------------------------------

def test_no_widespread_in_english_customer_text() -> None:
    for name in example_names():
        for (_, channel), text in _texts(load_example(name), ("en",), (
                "sms", "banner", "social", "ivr", "email", "status_page")).items():
            assert "widespread" not in text.casefold(), (name, channel)
