"""Session 21, the phone line's opening hours (helper hours21).

R13 #3 / R12 ru L2: the Russian out-of-hours sentence is one sentence an operator would say,
and its times are said in the genitive after "с" and "до" ("с восьми утра до восьми вечера").
Public holidays and closed days of ``[cases]`` close the line and are skipped by "opens
next". A line open every day is said "every day", not a run "Monday to Sunday".
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.config import default_templates_dir
from crisiscomms.samples import load_example
from crisiscomms.text.speech import speak_text, spoken_time

from .example_edits import overnight_ivr_at, seen

LANGS = ("he", "en", "ar", "ru")
# s26 reading 44 RU-6: Friday too, and no comma inside a run's hours (the reader's wording).
RU_CLOSED = ("По другим вопросам звоните нам с воскресенья по четверг с 08:00 до 20:00, "
             "в пятницу до 13:00, или пишите в чат на нашем сайте.")
RU_SAID = ("звоните нам с воскресенья по четверг с восьми утра до восьми вечера, в пятницу до "
           "часа дня, или пишите")
HOLD = "stay on the line"

ivr = overnight_ivr_at


def said(bundle: Bundle, lang: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", bundle[lang, "ivr"].ssml or "").split())


def test_russian_out_of_hours_sentence_and_its_spoken_times() -> None:
    b = render(load_example("overnight"), languages=("ru",), channels=("ivr",))
    assert RU_CLOSED in seen(b, "ru", "ivr")
    assert RU_SAID in said(b, "ru")
    assert "открывается" not in seen(b, "ru", "ivr")
    assert b["ru", "ivr"].stats["seconds"] <= 45


def test_r12_ru_overnight_gets_back_here_and_on_the_website() -> None:
    b = render(load_example("overnight"), languages=("ru",), channels=("ivr",))
    assert "Следующее сообщение сегодня в 23:30, здесь и на сайте." in seen(b, "ru", "ivr")


@pytest.mark.parametrize(("hour", "minute", "words"), [
    (8, 0, "с восьми утра"), (20, 0, "до восьми вечера"), (8, 30, "с восьми тридцати утра"),
    (2, 0, "с двух часов ночи"), (13, 0, "с часа дня"), (0, 0, "до полуночи"),
    (12, 0, "с полудня"), (9, 5, "с девяти ноль пяти утра"), (17, 45, "до пяти сорока пяти вечера"),
])
def test_russian_time_after_s_and_do_is_genitive(hour: int, minute: int, words: str) -> None:
    word = words.split()[0]
    text = f"Звоните {word} {hour:02d}:{minute:02d}."
    assert words in " ".join(re.sub(r"<[^>]+>", " ", speak_text(text, "ru"))
                             .split())


def test_russian_time_elsewhere_stays_nominative() -> None:
    assert spoken_time(dt.time(8, 0), "ru") == "восемь утра"
    doc = speak_text("Следующее сообщение в 08:30.", "ru")
    assert "в восемь тридцать утра" in doc
    # A range after its first time: "с восьми утра до восьми вечера".
    assert "с восьми утра до восьми вечера" in speak_text("Звоните с 08:00–20:00.",
                                                                        "ru")


def test_yom_kippur_closes_the_line_and_opens_next_skips_it() -> None:
    # 2026-09-21 (Monday) is Yom Kippur, a public holiday in Israel ([cases] holidays = "IL").
    on_the_day = ivr("2026-09-21T10:00:00+03:00")
    assert HOLD not in seen(on_the_day, "en", "ivr")
    assert "call back Tuesday to Thursday, 08:00 to 20:00" in seen(on_the_day, "en", "ivr")
    assert "звоните нам со вторника по четверг с 08:00 до 20:00" in seen(on_the_day, "ru",
                                                                           "ivr")
    # The evening before: it does not open Monday.
    eve = seen(ivr("2026-09-20T21:00:00+03:00"), "he", "ivr")
    assert "בימים שלישי עד חמישי מ-08:00 עד 20:00" in eve, eve
    # An ordinary Monday 10:00 is open.
    assert HOLD in seen(ivr("2026-09-14T10:00:00+03:00"), "en", "ivr")


def test_a_holiday_later_in_the_run_ends_it() -> None:
    # Sunday 2026-09-20 07:00: opens today, but Monday is a holiday: on Sunday only, said
    # "today" (the IVR is heard at once; reading 18).
    early = seen(ivr("2026-09-20T07:00:00+03:00"), "en", "ivr")
    assert "call back today, 08:00 to 20:00" in early, early


def test_closed_days_close_the_line(tmp_path: Path) -> None:
    folder = _templates(tmp_path, cases="closed = [2026-11-24]\n")
    b = ivr("2026-11-24T10:00:00+02:00", folder)
    assert HOLD not in seen(b, "en", "ivr")
    assert "Wednesday to Thursday, 08:00 to 20:00" in seen(b, "en", "ivr")


def _templates(tmp_path: Path, cases: str = "", hours: str | None = None) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    config = folder / "crisiscomms.toml"
    text = config.read_text("utf-8")
    if hours is not None:
        text = re.sub(r"^opening_hours = .*$", f"opening_hours = {hours}", text, count=1,
                      flags=re.M)
    config.write_text(text.replace("[cases]\n", "[cases]\n" + cases, 1), "utf-8")
    return folder


EVERY = {"he": "המוקד הטלפוני זמין בכל יום מ-08:00 עד 22:00",
         "en": "call back every day, 08:00 to 22:00",
         "ar": "اتصلوا بنا كل يوم، من 08:00 حتى 22:00",
         "ru": "звоните нам ежедневно, с 08:00 до 22:00"}


def test_a_line_open_every_day_is_said_every_day(tmp_path: Path) -> None:
    week = ", ".join(f'{d} = "08:00-22:00"' for d in
                     ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"))
    folder = _templates(tmp_path, hours="{ " + week + " }")
    b = ivr("2026-11-24T23:00:00+02:00", folder)
    for lang in LANGS:
        assert EVERY[lang] in seen(b, lang, "ivr"), seen(b, lang, "ivr")


def test_russian_says_vo_vtornik_for_a_day_alone(tmp_path: Path) -> None:
    # Sunday 21:00 with Monday and Wednesday closed: it opens on Tuesday only, the day after
    # tomorrow (tomorrow is said "завтра").
    folder = _templates(tmp_path, cases="closed = [2026-11-23, 2026-11-25]\n")
    b = ivr("2026-11-22T21:00:00+02:00", folder)
    assert "звоните нам во вторник, с 08:00 до 20:00, или пишите" in seen(b, "ru", "ivr")
    assert "call back on Tuesday, 08:00 to 20:00" in seen(b, "en", "ivr")


def test_one_day_and_a_run_in_every_language() -> None:
    # Thursday 21:00: it opens on Friday alone, tomorrow (reading 18: "today"/"tomorrow" for
    # one day near, as the IVR is heard at once).
    thursday = ivr("2026-11-26T21:00:00+02:00")
    assert "זמין מחר מ-08:00 עד 13:00" in seen(thursday, "he", "ivr")
    assert "call back tomorrow, 08:00 to 13:00" in seen(thursday, "en", "ivr")
    assert "اتصلوا بنا غدًا، من 08:00 حتى 13:00" in seen(thursday, "ar", "ivr")
    assert "звоните нам завтра, с 08:00 до 13:00, или пишите" in seen(thursday, "ru", "ivr")
    assert "завтра, с восьми утра до часа дня" in said(thursday, "ru")


def test_a_year_the_holiday_calendar_lacks_still_renders_the_phone_hours() -> None:
    # The days ahead reach 2101, a year the `holidays` package does not cover: the line is
    # said with its weekly hours, never a render that fails (the cases' clock reports it).
    bundle = ivr("2100-12-20T22:40:00+02:00")
    assert "call back Sunday to Thursday" in seen(bundle, "en", "ivr")
