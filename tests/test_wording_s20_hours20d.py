"""The phone line's opening hours (R11 he #1): outside ``[contact.phone] opening_hours`` the
IVR no longer asks callers to hold for nobody; it says when the line opens and points at the
next working channel. Inside the hours, or with no structured hours, it asks them to hold.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.config import ContactChannel, default_templates_dir, load_config
from crisiscomms.errors import ConfigError
from crisiscomms.samples import load_example

from .example_edits import overnight_ivr_at, seen

LANGS = ("he", "en", "ar", "ru")
HOLD = {"he": "הישארו על הקו", "en": "stay on the line", "ar": "البقاء على الخط",
        "ru": "оставайтесь на линии"}
CLOSED = {
    "he": ("בנושא אחר, המוקד הטלפוני זמין בימים ראשון עד חמישי מ-08:00 עד 20:00, "
           "וביום שישי עד 13:00, ואפשר לפנות אלינו בצ'אט באתר."),
    "en": ("For anything else, call back Sunday to Thursday, 08:00 to 20:00, "
           "Friday until 13:00, or chat with us on our website."),  # Friday where it fits (s27)
    "ar": ("لأي استفسار آخر، اتصلوا بنا من الأحد إلى الخميس، من 08:00 حتى 20:00، "
           "والجمعة حتى 13:00، أو تواصلوا معنا عبر الدردشة في موقعنا."),
    "ru": ("По другим вопросам звоните нам с воскресенья по четверг с 08:00 до 20:00, "
           "в пятницу до 13:00, или пишите в чат на нашем сайте."),
}
SAID = {"he": "משמונה בבוקר עד שמונה בערב", "en": "eight a.m. to eight p.m.",
        "ar": "من الثامنة صباحًا حتى الثامنة مساءً",
        "ru": "с восьми утра до восьми вечера"}


ivr = overnight_ivr_at


def ssml_text(bundle: Bundle, lang: str) -> str:
    return re.sub(r"<[^>]+>", " ", bundle[lang, "ivr"].ssml or "")


@pytest.mark.parametrize("lang", LANGS)
def test_out_of_hours_the_ivr_says_when_the_line_opens(lang: str) -> None:
    # overnight.yaml is updated 22:40 on a Tuesday: the centre (08:00-20:00) is closed.
    b = render(load_example("overnight"), languages=LANGS, channels=("ivr",))
    assert CLOSED[lang] in seen(b, lang, "ivr"), seen(b, lang, "ivr")
    assert HOLD[lang] not in seen(b, lang, "ivr")
    said = ssml_text(b, lang)
    assert SAID[lang] in said and HOLD[lang] not in said, said
    assert b[lang, "ivr"].stats["seconds"] <= 45


@pytest.mark.parametrize("lang", LANGS)
def test_in_hours_the_ivr_asks_callers_to_hold(lang: str) -> None:
    assert load_config(default_templates_dir()).contact["phone"].opening_hours is not None
    b = ivr("2026-11-24T10:00:00+02:00")
    assert HOLD[lang] in seen(b, lang, "ivr")
    assert CLOSED[lang] not in seen(b, lang, "ivr")


def test_before_opening_and_on_a_closed_day() -> None:
    # 06:00 Tuesday: it opens today; Thursday 21:00: it opens Friday (its own hours), said
    # "tomorrow"; Saturday 10:00 (closed all day): Sunday to Thursday.
    early = seen(ivr("2026-11-24T06:00:00+02:00"), "he", "ivr")
    assert "בימים ראשון עד חמישי מ-08:00 עד 20:00" in early
    thursday = ivr("2026-11-26T21:00:00+02:00")
    assert "מחר מ-08:00 עד 13:00" in seen(thursday, "he", "ivr")
    assert "tomorrow, 08:00 to 13:00" in seen(thursday, "en", "ivr")
    assert "завтра, с 08:00 до 13:00" in seen(thursday, "ru", "ivr")
    saturday = seen(ivr("2026-11-28T10:00:00+02:00"), "en", "ivr")
    assert "Sunday to Thursday, 08:00 to 20:00" in saturday


def test_the_statement_time_is_read_in_the_organisations_zone() -> None:
    # 17:30 UTC is 19:30 in Jerusalem: open.
    assert HOLD["en"] in seen(ivr("2026-11-24T17:30:00+00:00"), "en", "ivr")


def _templates(tmp_path: Path, hours: str | None) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    config = folder / "crisiscomms.toml"
    text = config.read_text("utf-8")
    line = re.search(r"^opening_hours = .*\n", text, re.M)
    assert line is not None
    config.write_text(text.replace(line.group(0), "" if hours is None else hours), "utf-8")
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_without_opening_hours_the_line_never_closes(tmp_path: Path, lang: str) -> None:
    b = ivr("2026-11-24T22:40:00+02:00", _templates(tmp_path, None))
    assert HOLD[lang] in seen(b, lang, "ivr")
    assert CLOSED[lang] not in seen(b, lang, "ivr")


@pytest.mark.parametrize(("hours", "said"), [
    ('opening_hours = { sunday = "20:00-08:00" }\n', "opening_hours"),
    ('opening_hours = { sun = "08:00-20:00" }\n', "unknown weekday 'sun'"),
    ('opening_hours = { sunday = "8-20" }\n', "opening_hours.sunday"),
    ('opening_hours = { sunday = "closed" }\n', "every day is closed"),
])
def test_bad_opening_hours_are_refused_naming_the_field(tmp_path: Path, hours: str,
                                                        said: str) -> None:
    folder = _templates(tmp_path, hours)
    with pytest.raises(ConfigError) as caught:
        load_config(folder)
    assert said in str(caught.value) and "opening_hours" in str(caught.value), caught.value


def test_only_the_phone_line_has_opening_hours(tmp_path: Path) -> None:
    folder = _templates(tmp_path, "")
    config = folder / "crisiscomms.toml"
    config.write_text(config.read_text("utf-8").replace(
        '[contact.chat]\n', '[contact.chat]\nopening_hours = { sunday = "08:00-20:00" }\n'),
        "utf-8")
    with pytest.raises(ConfigError, match=r"chat\.opening_hours"):
        load_config(folder)


def test_a_weekday_left_out_is_closed() -> None:
    hours = ContactChannel(opening_hours={"friday": "08:00-13:00"}).opening_hours
    assert hours is not None and hours["friday"] == "08:00-13:00"
    assert hours["sunday"] == "closed"
