"""Session 21, Arabic and Russian (helper md21), reading 16.

1. A date typed in incident text ("22 ноября", "22 نوفمبر") is said on the IVR as a date, not a
   cardinal: ``month_dates = true`` in ar/ru [speech]; a Russian "года"/"г." typed after the year
   is said once. 2. The scoped SMS no-need line: Arabic says "إلى التواصل" as the usual line and
   the working channel after it "لأي أمر آخر: …" (not "التواصل معنا" twice in a row); Russian
   says "Повторно обращаться по поводу этого сбоя не нужно." where its 7 more units fit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisiscomms import Incident, parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.loading import load_incident
from crisiscomms.render import _render_one, _render_outputs, template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls
from crisiscomms.text.speech import speak_text

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.yaml"))
ARRU_HARD = sorted(HARD.glob("*-arru.yaml"))
WRONG = {"ar": "اثنتان وعشرون نوفمبر", "ru": "двадцать две ноября"}
RIGHT = {"ar": "قبل نهاية يوم الأحد الثاني والعشرين من نوفمبر.",
         "ru": "до конца воскресенья, двадцать второго ноября."}


def _ssml(incident: Incident) -> dict[str, str]:
    bundle = render(incident, languages=("ar", "ru"), channels=("ivr",))
    return {lang: bundle[lang, "ivr"].ssml or "" for lang in ("ar", "ru")}


# --- 1. dates typed in incident text -------------------------------------------------------


def test_the_monitoring_ivr_says_the_date_as_a_date() -> None:
    ssml = _ssml(load_example("monitoring"))
    for lang in ("ar", "ru"):
        assert RIGHT[lang] in ssml[lang], ssml[lang]
        assert WRONG[lang] not in ssml[lang]


@pytest.mark.parametrize("source", [*EXAMPLES, *(p.name for p in ARRU_HARD)])
def test_no_ivr_says_a_typed_date_as_a_number(source: str) -> None:
    incident = (load_incident(HARD / source) if source.endswith(".yaml")
                else load_example(source))
    for lang, text in _ssml(incident).items():
        assert WRONG[lang] not in text, (source, lang)


@pytest.mark.parametrize("typed", ["С 1 января 2027 года тарифы меняются.",
                                   "С 1 января 2027 г. тарифы меняются."])
def test_a_typed_russian_year_word_is_said_once(typed: str) -> None:
    said = speak_text(typed, "ru")
    assert said == "С первого января две тысячи двадцать седьмого года тарифы меняются.", said
    assert said.count("года") == 1


def test_an_abbreviated_year_ending_the_sentence_keeps_its_full_stop() -> None:
    said = speak_text("Тарифы меняются с 1 января 2027 г. Мы напишем.", "ru")
    assert said.endswith("двадцать седьмого года. Мы напишем."), said


def test_an_arabic_date_with_a_year() -> None:
    assert speak_text("حتى 31 ديسمبر 2026.", "ar") == \
        "حتى الحادي والثلاثين من ديسمبر عام ألفين وستة وعشرين."


# --- 2. the scoped SMS line ------------------------------------------------------------------

SCOPED_AR = "لا حاجة إلى التواصل معنا مجددًا بشأن هذا الخلل."
PHONE_ONLY = {"ru": "Сбой колл-центра", "ar": "خلل في مركز الاتصال"}
RU_LONG = "Повторно обращаться по поводу этого сбоя не нужно."
RU_SHORT = "По этому сбою обращаться повторно не нужно."


def _callcentre(services: int = 1) -> Incident:
    data = yaml.safe_load((HARD / "callcentre-arru.yaml").read_text("utf-8"))
    data["title"].update(PHONE_ONLY)
    data["services"] = data["services"][:services]
    return parse_incident(data)


def test_arabic_scoped_line_then_the_channel_for_any_other_matter() -> None:
    bundle = render(_callcentre(), languages=("ar",), channels=("sms",))
    message = bundle["ar", "sms"]
    text = strip_controls(message.text or "")
    assert f"{SCOPED_AR} لأي أمر آخر: الدردشة في موقعنا." in text, text
    assert text.count("التواصل معنا") == 1, text
    assert int(message.stats["units"]) <= 201


def _levels(incident: Incident, lang: str) -> list[str]:
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    return [strip_controls(_render_one(ts, incident, lang, "sms", {}, facts, language, {},
                                       level=level).text or "")
            for level in range(CHANNELS["sms"].short_wording + 1)]


def test_arabic_two_channels_for_any_other_matter_keep_their_prepositions() -> None:
    for level, text in enumerate(_levels(_callcentre(), "ar")[:7]):
        assert SCOPED_AR in text, (level, text)
        # s23 ruar23 (reading 22 N3): every channel with its verb, joined with "أو".
        assert "لأي أمر آخر اكتبوا لنا عبر الدردشة في موقعنا أو راسلونا على" in text, (level, text)
        assert text.count("التواصل معنا") == 1, (level, text)


def test_russian_scoped_line_long_form_only_where_it_fits() -> None:
    # Rendered at a fixed level there is no room left: the short form stands (levels 0-6).
    for level, text in enumerate(_levels(_callcentre(), "ru")[:7]):
        assert RU_SHORT in text and RU_LONG not in text, (level, text)


def _with_room(incident: Incident, lang: str, level: int, room: int) -> str:
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    outputs, _ = _render_outputs(ts, lang, "sms", {}, facts, language, {}, short=level,
                                 room=room)
    return strip_controls(outputs["text"])


@pytest.mark.parametrize("level", [4, 6])
def test_russian_scoped_line_long_form_where_its_units_fit(level: int) -> None:
    incident = _callcentre()
    more = len(RU_LONG) - len(RU_SHORT)  # 7 units
    assert RU_SHORT in _with_room(incident, "ru", level, more - 1)
    # Reading 47 RU-2: the apology comes first (its 20 units for the 8 of "Статус: " and the 11
    # of "Новости в", reading 48 RU-1): 7 units left give the apology, not the long form.
    assert "Приносим извинения." in _with_room(incident, "ru", level, more)
    assert RU_SHORT in _with_room(incident, "ru", level, more)
    # The long form where its units fit after the apology and the rest of the fill.
    text = _with_room(incident, "ru", level, 42)
    assert "Приносим извинения." in text
    assert RU_LONG in text and RU_SHORT not in text, text
