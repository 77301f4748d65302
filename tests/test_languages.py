"""Arabic and Russian (CONTRACT section 11): every channel renders, plural forms by every CLDR
category, the display check, SMS in UCS-2, numbers and times spoken in words, espeak-ng."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.channels import CHANNELS
from crisiscomms.checks.display import RULE
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.facts import _plural
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.speech import spoken_date, spoken_digits, spoken_number, spoken_time
from tests.test_espeak import espeak_seconds

NEW = ("ar", "ru")
COUNTS = (0, 1, 2, 3, 11, 21, 100)

# Checked by hand (a native reader of each language): the written form of each count of each
# unit, in the case the templates' slots take (Arabic after "لمدة"/"بعد", Russian accusative).
UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {
        "minute": ("0 دقيقة", "دقيقة واحدة", "دقيقتين", "3 دقائق", "11 دقيقة", "21 دقيقة",
                   "100 دقيقة"),
        "hour": ("0 ساعة", "ساعة واحدة", "ساعتين", "3 ساعات", "11 ساعة", "21 ساعة", "100 ساعة"),
        "day": ("0 يوم", "يوم واحد", "يومين", "3 أيام", "11 يومًا", "21 يومًا", "100 يوم"),
    },
    "ru": {
        "minute": ("0 минут", "1 минуту", "2 минуты", "3 минуты", "11 минут", "21 минуту",
                   "100 минут"),
        "hour": ("0 часов", "1 час", "2 часа", "3 часа", "11 часов", "21 час", "100 часов"),
        "day": ("0 дней", "1 день", "2 дня", "3 дня", "11 дней", "21 день", "100 дней"),
    },
}


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize("unit", ["minute", "hour", "day"])
def test_plural_forms(lang: str, unit: str) -> None:
    language = load_language(default_templates_dir(), lang)
    forms = language.units[unit]  # type: ignore[index]
    got = tuple(_plural(forms.model_dump(), n, language.locale).replace("{n}", str(n))
                for n in COUNTS)
    assert got == UNITS[lang][unit]


@pytest.mark.parametrize("name", example_names())
def test_every_channel_renders(name: str) -> None:
    bundle = render(load_example(name), languages=NEW)
    for lang in NEW:
        for channel in CHANNELS:
            message = bundle[lang, channel]
            assert message.text.strip()
            if message.html is not None:
                direction = "rtl" if lang == "ar" else "ltr"
                assert f'lang="{lang}" dir="{direction}"' in message.html


@pytest.mark.parametrize("name", example_names())
def test_arabic_displays_clean(name: str) -> None:
    bundle = render(load_example(name), languages=["ar"])
    assert [f for f in bundle.findings if f.rule == RULE] == []


@pytest.mark.parametrize("lang", NEW)
def test_sms_is_ucs2(lang: str) -> None:
    message = render(load_example("identified"), languages=[lang], channels=["sms"])[lang, "sms"]
    assert message.stats["encoding"] == "UCS-2"
    units = len(message.text.encode("utf-16-le")) // 2
    assert message.stats["units"] == units
    assert message.stats["segments"] == (1 if units <= 70 else -(-units // 67))


def test_default_config_renders_ar_and_ru_when_asked() -> None:
    incident = load_example("identified")
    assert {m.language for m in render(incident)} == {"he", "en"}
    assert {m.language for m in render(incident, languages=["ar"])} == {"ar"}


# Checked by hand: Arabic numbers agree with the counted noun (3-10 in polarity), hours are
# feminine ordinals; Russian times as announcers say them, the day of the month a genitive
# ordinal.
SPOKEN = [
    (spoken_number(3, "ar", gender="f"), "ثلاث"),
    (spoken_number(3, "ar", gender="m"), "ثلاثة"),
    (spoken_number(21, "ar", gender="f"), "إحدى وعشرون"),
    (spoken_number(11, "ar", gender="m"), "أحد عشر"),
    (spoken_number(12, "ar", gender="f"), "اثنتا عشرة"),
    (spoken_number(100, "ar"), "مئة"),
    (spoken_number(2040, "ar", gender="m"), "ألفان وأربعون"),
    (spoken_time(dt.time(17, 0), "ar"), "الخامسة مساءً"),
    (spoken_time(dt.time(9, 30), "ar"), "التاسعة والنصف صباحًا"),
    (spoken_time(dt.time(14, 5), "ar"), "الثانية وخمس دقائق ظهرًا"),
    (spoken_time(dt.time(2, 0), "ar"), "الثانية فجرًا"),
    (spoken_date(dt.date(2026, 11, 23), "ar"), "الثالث والعشرين من نوفمبر"),
    (spoken_digits("*2040", "ar"), "نجمة اثنان صفر أربعة صفر"),
    (spoken_number(2, "ru", gender="f"), "две"),
    (spoken_number(21, "ru", gender="m"), "двадцать один"),
    (spoken_time(dt.time(17, 30), "ru"), "семнадцать тридцать"),
    (spoken_time(dt.time(9, 5), "ru"), "девять ноль пять"),
    (spoken_time(dt.time(15, 0), "ru"), "пятнадцать ноль-ноль"),
    (spoken_time(dt.time(0, 0), "ru"), "полночь"),
    (spoken_date(dt.date(2026, 11, 23), "ru"), "двадцать третьего ноября"),
    (spoken_digits("*2040", "ru"), "звёздочка два ноль четыре ноль"),
]


@pytest.mark.parametrize(("got", "expected"), SPOKEN)
def test_spoken_words(got: str, expected: str) -> None:
    assert got == expected


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize("name", example_names())
def test_ssml_speaks_words_and_espeak_accepts_it(lang: str, name: str, tmp_path: Path) -> None:
    message = render(load_example(name), languages=[lang], channels=["ivr"])[lang, "ivr"]
    assert message.ssml is not None
    assert f'xml:lang="{lang}"' in message.ssml
    spoken = re.sub(r"<[^>]*>", " ", message.ssml.split("?>", 1)[1])
    # Every number, time and date is said in words.
    assert not re.search(r"\d", spoken), message.ssml
    seconds = espeak_seconds(message.ssml, lang, tmp_path / "out.wav")
    assert seconds > 5
    assert abs(message.stats["seconds"] - seconds) <= 0.5 * seconds, (
        message.stats["seconds"], seconds)
