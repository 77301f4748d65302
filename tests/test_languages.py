"""Arabic and Russian (CONTRACT section 11): every channel renders, plural forms by every CLDR
category, the display check, SMS in UCS-2, numbers and times spoken in words, espeak-ng."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml

from crisiscomms import render
from crisiscomms.channels import CHANNELS
from crisiscomms.checks.display import RULE
from crisiscomms.cli import main
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.errors import IncidentError
from crisiscomms.facts import _plural
from crisiscomms.lint import lint
from crisiscomms.preview.workspace import Workspace
from crisiscomms.samples import example_names, example_path, load_example
from crisiscomms.text.speech import (
    speak_text,
    spoken_date,
    spoken_digits,
    spoken_number,
    spoken_time,
)
from tests.test_espeak import espeak_seconds

from .template_copy import TemplateCopy

NEW = ("ar", "ru")
COUNTS = (0, 1, 2, 3, 11, 21, 100)

# Checked by hand (a native reader of each language): the written form of each count of each
# unit, in the case the templates' slots take (Arabic after "لمدة"/"بعد", Russian accusative).
UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {
        "minute": ("0 دقيقة", "دقيقة", "دقيقتين", "3 دقائق", "11 دقيقة", "21 دقيقة",
                   "100 دقيقة"),
        "hour": ("0 ساعة", "ساعة", "ساعتين", "3 ساعات", "11 ساعة", "21 ساعة", "100 ساعة"),
        "day": ("0 يوم", "يوم", "يومين", "3 أيام", "11 يومًا", "21 يومًا", "100 يوم"),
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
    (spoken_time(dt.time(17, 30), "ru"), "пять тридцать вечера"),
    (spoken_time(dt.time(9, 5), "ru"), "девять ноль пять утра"),
    (spoken_time(dt.time(15, 0), "ru"), "три часа дня"),
    (spoken_time(dt.time(0, 0), "ru"), "полночь"),
    (spoken_date(dt.date(2026, 11, 23), "ru"), "двадцать третьего ноября"),
    (spoken_digits("*2040", "ru"), "звёздочка два ноль четыре ноль"),
    # The year after "عام" in the genitive; the Russian year a genitive ordinal.
    (spoken_date(dt.date(2026, 12, 31), "ar", with_year=True),
     "الحادي والثلاثين من ديسمبر عام ألفين وستة وعشرين"),
    (spoken_date(dt.date(2027, 2, 28), "ru", with_year=True),
     "двадцать восьмого февраля две тысячи двадцать седьмого года"),
    # Counts in the unit's case: Arabic genitive after a preposition, Russian accusative.
    (spoken_number(35, "ar", gender="f", case="genitive"), "خمس وثلاثين"),
    (spoken_number(12, "ar", gender="m", case="genitive"), "اثني عشر"),
    (spoken_number(1, "ru", gender="f", case="accusative"), "одну"),
    (spoken_number(21, "ru", gender="f", case="accusative"), "двадцать одну"),
    (speak_text("Работа восстановится через 1 минуту.", "ru"),
     "Работа восстановится через одну минуту."),
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


# --- Dated moments, lint over four languages, a language as data ----------------------------


def test_dated_moments_read_naturally(tmp_path: Path) -> None:
    incident = load_example("identified")
    bundle = render(incident, languages=NEW, channels=["status_page"])
    # Russian: the weekday in the accusative after "в", before the date.
    assert "в воскресенье, 22 ноября, в 17:00" in bundle["ru", "status_page"].text
    # The full spoken wording (a short one may say "today at 17:50" to fit 45 seconds).
    roomy = TemplateCopy.with_config(tmp_path / "t", "max_seconds = 45", "max_seconds = 90")
    ivr = render(load_example("compensation"), languages=NEW, channels=["ivr"],
                 templates=roomy.folder)
    ru, ar = ivr["ru", "ivr"].ssml or "", ivr["ar", "ivr"].ssml or ""
    assert "в субботу, двадцать первого ноября, в пять пятьдесят вечера" in ru
    assert "بعد خمس وثلاثين ساعة وأربعين دقيقة" in ar
    assert "عام ألفين وستة وعشرين" in ar


def _four_languages(tmp_path: Path) -> Path:
    folder = TemplateCopy.with_config(tmp_path / "templates", 'languages = ["he", "en"]',
                                      'languages = ["he", "en", "ar", "ru"]').folder
    return folder


def test_lint_is_clean_over_four_languages(tmp_path: Path) -> None:
    # Once a KeyError 'ar' (exit 70): the example complaint cases had no Arabic texts.
    folder = _four_languages(tmp_path)
    assert lint(folder) == []
    assert main(["lint", str(folder)]) == 0


def test_a_sample_without_a_language_is_an_error_naming_field_and_language(
        tmp_path: Path) -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    del data["title"]["ar"]
    sample = tmp_path / "no-ar.yaml"
    sample.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(IncidentError) as raised:
        lint(_four_languages(tmp_path), [sample])
    assert "title.ar" in str(raised.value) and "'ar'" in str(raised.value)


def test_wording_rules_of_arabic_and_russian(tmp_path: Path) -> None:
    folder = _four_languages(tmp_path)
    sms, letter = folder / "ar" / "sms.txt", folder / "ru" / "case_progress.txt"
    sms.write_text(sms.read_text(encoding="utf-8") + "\nنشكرك على صبرك.\n", encoding="utf-8")
    letter.write_text(letter.read_text(encoding="utf-8").replace("Благодарим Вас",
                                                                 "Благодарим вас"),
                      encoding="utf-8")
    ru_sms = folder / "ru" / "sms.txt"
    ru_sms.write_text(ru_sms.read_text(encoding="utf-8").replace(
        "{{ f.org.status_page_short }}{% endif %}\n{% else %}",
        "{{ f.org.status_page_short }} {{ plural(f.service_count, one='{n} сервис', other='{n} "
        "сервисов') }}{% endif %}\n{% else %}", 1), encoding="utf-8")
    found = {(f.rule, Path(f.file or "").parent.name, Path(f.file or "").name)
             for f in lint(folder)}
    # Singular address in an Arabic mass message; the lowercase polite "вас" in a letter to one
    # person; a plural() without few and many in Russian.
    assert ("address-form", "ar", "sms.txt") in found
    assert ("reply-greeting", "ru", "case_progress.txt") in found
    assert ("plural-forms", "ru", "sms.txt") in found


def test_a_language_is_data_en_gb(tmp_path: Path) -> None:
    """en-GB from data files only: a copy of en with British wording, rendered on every channel
    with no Python change. Incidents carry no en-GB texts: they fall back to en, as the
    organisation's names and the channels' budgets in crisiscomms.toml do."""
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    shutil.copytree(folder / "en", folder / "en-GB")
    toml = folder / "en-GB" / "language.toml"
    text = toml.read_text(encoding="utf-8")
    # en already speaks en-GB (reading 44 EN-10): the variant changes its locale and wording.
    for old, new in (('locale = "en_IL"', 'locale = "en_GB"'),
                     ("We do not yet have a reliable estimate",
                      "We don't yet have a firm estimate")):
        assert old in text
        text = text.replace(old, new)
    toml.write_text(text, encoding="utf-8")
    ivr = folder / "en-GB" / "ivr.txt"
    ivr.write_text(ivr.read_text(encoding="utf-8").replace("stay on the line",
                                                           "please hold the line"),
                   encoding="utf-8")
    incident = load_example("investigating")
    assert "en-GB" not in incident.title.languages()
    bundle = render(incident, languages=["en-GB"], templates=folder)
    assert {m.channel for m in bundle} == set(CHANNELS)
    for message in bundle:
        assert message.text.strip()
        if message.html is not None:
            assert 'lang="en-GB"' in message.html
    assert "please hold the line" in bundle["en-GB", "ivr"].text
    assert "We don't yet have a firm estimate" in bundle["en-GB", "status_page"].text
    assert incident.title["en"] in bundle["en-GB", "sms"].text
    assert bundle["en-GB", "ivr"].ssml is not None
    assert 'xml:lang="en-GB"' in bundle["en-GB", "ivr"].ssml


def test_init_copy_renders_arabic_and_russian(tmp_path: Path) -> None:
    target = tmp_path / "team"
    assert main(["init", str(target)], out=io.StringIO()) == 0
    assert {p.name for p in target.iterdir() if p.is_dir()} >= {"he", "en", "ar", "ru"}
    bundle = render(load_example("identified"), languages=NEW, templates=target)
    assert {m.language for m in bundle} == set(NEW)


def test_preview_shows_configured_languages_side_by_side(tmp_path: Path) -> None:
    workspace = Workspace(_four_languages(tmp_path), [example_path("identified")])
    assert workspace.meta()["languages"] == [
        {"code": "he", "direction": "rtl"}, {"code": "en", "direction": "ltr"},
        {"code": "ar", "direction": "rtl"}, {"code": "ru", "direction": "ltr"}]
    fields = workspace.load("file:0")["fields"]
    result = workspace.render(fields)
    assert result["ok"] is True, result
    shown = {(m["language"], m["direction"]) for m in result["messages"]}
    assert shown == {("he", "rtl"), ("en", "ltr"), ("ar", "rtl"), ("ru", "ltr")}
