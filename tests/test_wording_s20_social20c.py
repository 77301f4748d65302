"""The social post read the next day (issue 11, session 20, R10 he #3 / ar L3) and the resolved
post's apology (R10 he #4 / ar L1).

A compact post keeps the day word with every time ("היום בשעה 12:00", "today at 12:00",
"اليوم الساعة 12:00", "сегодня в 12:00") and gets the apology back where the fill finds room;
the apology goes before the day word does. English says "at" before a bare time. A resolved
post apologises as the banner, IVR and email do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.loading import load_incident
from crisiscomms.samples import example_names, load_example

from .example_edits import seen
from .template_copy import TemplateCopy

HARD = Path(__file__).resolve().parent / "data" / "hard"
LANGS = ("he", "en", "ar", "ru")

# The compact call-centre post: both times with their day, and the apology.
CALLCENTRE = {
    "he": ("צפי: היום בשעה 12:00.", "העדכון הבא: היום בשעה 11:00.", "מתנצלים על אי הנוחות."),
    "en": ("Expected back today at 12:00.", "Next update today at 11:00.",
           "We apologise for the inconvenience."),
    "ar": ("العودة المتوقعة اليوم الساعة 12:00.", "التحديث القادم اليوم الساعة 11:00.",
           "نعتذر عن الإزعاج."),
    # Russian said its apology briefly to name the service centres too (R11 ru nit); with the
    # services by their short names (s23_short) the whole apology fits beside them.
    "ru": ("Ожидаемый срок: сегодня в 12:00.", "Следующее сообщение: сегодня в 11:00.",
           "Приносим извинения за неудобства."),
}
# A time with no day word (nor, in English, "at") before it.
BARE = {
    "he": re.compile(r"(צפי|העדכון הבא|מעקב עד|מעקב): \d\d:\d\d"),
    "en": re.compile(r"(back|update|until) \d\d:\d\d"),
    "ar": re.compile(r"(المتوقعة|القادم|حتى) \d\d:\d\d"),
    "ru": re.compile(r"(срок|сообщение|до):? \d\d:\d\d"),
}
# The resolved post's apology, the channel's words for a short outage.
SORRY = {"he": "מתנצלים על אי הנוחות", "en": "We apologise for the inconvenience",
         "ar": "نعتذر عن الإزعاج", "ru": "Приносим извинения за неудобства"}


def _post(bundle: Bundle, lang: str) -> str:
    message = bundle[lang, "social"]
    assert message.stats["weighted_length"] <= 280, seen(bundle, lang, "social")
    return seen(bundle, lang, "social")


@pytest.mark.parametrize("lang", LANGS)
def test_compact_call_centre_post_keeps_the_day_and_the_apology(lang: str) -> None:
    # It was "צפי: 12:00. העדכון הבא: 11:00." with no apology at 186 of 280.
    b = render(load_incident(HARD.parent / "callcentre-s24-arru.yaml"), languages=(lang,),
               channels=("social",))
    text = _post(b, lang)
    assert b[lang, "social"].stats["short"] == 2, text
    for words in CALLCENTRE[lang]:
        assert words in text, (words, text)


@pytest.mark.parametrize("name", ("phonechat", "longtitle"))
def test_english_compact_posts_say_today_at_and_apologise(name: str) -> None:
    b = render(load_incident(HARD / f"{name}.yaml"), languages=("en",), channels=("social",))
    text = _post(b, "en")
    assert "Next update today at 11:00." in text
    assert "We apologise for the inconvenience." in text


@pytest.mark.parametrize("lang", ("ar", "ru"))
def test_identified_compact_post_keeps_today(lang: str) -> None:
    # It was "العودة المتوقعة 17:00" / "Ожидаемый срок: 17:00".
    b = render(load_example("identified"), languages=(lang,), channels=("social",))
    text = _post(b, lang)
    today = {"ar": "اليوم الساعة", "ru": "сегодня в"}[lang]
    assert f"{today} 17:00" in text and f"{today} 15:00" in text
    assert SORRY[lang] in text


def _every_incident() -> list[tuple[str, Bundle]]:
    found = [(name, render(load_example(name), languages=LANGS, channels=("social",)))
             for name in example_names()]
    for path in sorted(HARD.glob("*.yaml")):
        langs = LANGS if "arru" in path.name else ("he", "en")
        found.append((path.name, render(load_incident(path), languages=langs,
                                        channels=("social",))))
    return found


def test_no_post_says_a_bare_time() -> None:
    for name, b in _every_incident():
        for message in b.messages:
            text = seen(b, message.language, "social")
            assert not BARE[message.language].search(text), (name, text)


@pytest.mark.parametrize("lang", LANGS)
def test_resolved_post_apologises(lang: str) -> None:
    # "… Thank you for your patience." only; the banner, IVR and email apologise.
    b = render(load_example("resolved"), languages=(lang,), channels=("social",))
    text = _post(b, lang)
    assert SORRY[lang] in text
    # The post keeps what the customer need not do.
    need = {"he": "אין צורך לשלוח שוב", "en": "no need to send your emails again",
            "ar": "لا حاجة إلى إعادة الإرسال", "ru": "Отправлять повторно не нужно"}
    assert need[lang] in text


@pytest.mark.parametrize("lang", ("he", "en"))
def test_voucher_post_apologises(lang: str) -> None:
    # It ended "… ואין צורך לפנות אלינו כדי לקבל אותו." / "… no need to contact us for it."
    b = render(load_incident(HARD / "voucher.yaml"), languages=(lang,), channels=("social",))
    text = _post(b, lang)
    # s26 he3 (reading 45 HE-8): he "מתנצלים." in the room of "ללא צורך בפנייה".
    assert (SORRY[lang] if lang != "he" else " מתנצלים.") in text
    # s25 (reading 30): the voucher's route and last day, in brief.
    assert {"he": "השובר יישלח ב-SMS עד יום ראשון, 27 בדצמבר, ללא צורך בפנייה.",
            "en": "By Sunday 27 December, we will text every affected customer"}[lang] in text


def test_resolved_full_post_thanks_only_where_it_fits() -> None:
    b = render(load_example("resolved"), languages=("en", "he"), channels=("social",))
    # en: 285 with the thanks; the apology stays, the thanks goes, the full wording is kept.
    assert b["en", "social"].stats["short"] == 0
    assert "We apologise for the inconvenience. https" in seen(b, "en", "social")
    assert "ומודים לכם על הסבלנות" in seen(b, "he", "social")


@pytest.mark.parametrize(("budget", "says", "not_said"), (
    # The day words fit, the apology does not: the apology goes first.
    ("250", "Expected back today at 12:00. Next update today at 11:00.", "apologise"),
    # Not even the day words: still "at".
    # (219: the services by their short names since s23_short, 17 shorter; it was 236.)
    ("219", "Expected back at 12:00. Next update at 11:00.", "today"),
))
def test_apology_goes_before_the_day_word(tmp_path: Path, budget: str, says: str,
                                          not_said: str) -> None:
    folder = TemplateCopy.with_config(tmp_path / "t", "max_weighted = 280",
                                      f"max_weighted = {budget}").folder
    # s25: the old-shaped fixture, whose title length these budgets were set against.
    b = render(load_incident(HARD.parent / "callcentre-s24.yaml"), languages=("en",),
               channels=("social",), templates=folder)
    text = seen(b, "en", "social")
    assert b["en", "social"].stats["weighted_length"] <= int(budget), text
    assert says in text and not_said not in text, text
