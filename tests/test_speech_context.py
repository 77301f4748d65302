"""Issue 11, speech items 1-5: what a caller hears is decided by context and language data.

Each test pins one guarantee a listener depends on (the hour's part of the day, a code
read digit by digit, an abbreviation said in full, a Latin word in an English voice, no
URL read out, a script that fits its budget) and fails when that guarantee is broken.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import crisiscomms.text.speech as speech_module
from crisiscomms import Bundle, render
from crisiscomms.config import default_templates_dir, load_config
from crisiscomms.loading import parse_incident
from crisiscomms.model import Incident
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.speech import (
    DayPart,
    Dialect,
    Place,
    glue_prefixes,
    replace_addresses,
    speak_text,
    speech_words,
    spoken_time,
    wrap_ssml,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DIGIT = re.compile(r"[0-9]")
ADDRESS = re.compile(r"https?:|www\.|\.co\.il|\.com\b|@", re.IGNORECASE)
# A prefix letter left hyphenated to a Hebrew word: "ב-עשרים" makes an engine say "bet".
FORM_LABEL = re.compile(r"(?:^|[.!?>]\s*)(?:[^\s.:]+\s){0,2}[^\s.:]+:", re.MULTILINE)
HYPHENATED_PREFIX = re.compile(r"(?<![\w])[ובלהמשכ]{1,3}[-\u05be][\u05d0-\u05ea]")

# The hard case of the issue: a night ETA, a short code and a URL in the workaround, a Latin
# brand name in the title and an incident id that is a number.
HARD: dict[str, Any] = {
    "id": "INC-2040",
    "status": "identified",
    "severity": "major",
    "updated_at": "2026-11-24T23:10:00+02:00",
    "started_at": "2026-11-24T21:55:00+02:00",
    "eta": "2026-11-25T02:00:00+02:00",
    "next_update_at": "2026-11-25T00:30:00+02:00",
    "title": {"he": "תקלה בשירות Apple TV", "en": "Problem with Apple TV"},
    "impact": {"he": "לא ניתן לצפות בתכנים ב-Apple TV.", "en": "Apple TV content does not play."},
    "services": [{"id": "tv", "name": {"he": "שירות Apple TV", "en": "Apple TV"}}],
    "workaround": {
        "he": "אפשר לבדוק את היתרה בחיוג ל-*2040 או באתר https://status.netivim.co.il/inc/2040, "
              "ולקבל עדכונים בשליחת SMS עם המילה עדכון למספר 5040.",
        "en": "Check your balance by dialling *2040 or at https://status.netivim.co.il/inc/2040, "
              "and text UPDATE to 5040 for updates.",
    },
}


def hard_incident() -> Incident:
    return parse_incident(HARD)


def render_hard_ivr() -> Bundle:
    """The hard incident's IVR in its full wording: with a budget roomy enough that the
    shorter wordings (the second leaves the workaround out) are not needed."""
    folder = Path(tempfile.mkdtemp(prefix="roomy-")) / "templates"
    shutil.copytree(default_templates_dir(), folder)
    config = folder / "crisiscomms.toml"
    text = config.read_text(encoding="utf-8")
    roomy = text.replace("max_seconds = 45", "max_seconds = 120", 1)
    assert roomy != text
    config.write_text(roomy, encoding="utf-8")
    return render(hard_incident(), channels=["ivr"], templates=folder)


def said(document: str) -> str:
    """The text an engine says: the document's text content, markup aside."""
    return " ".join(ET.fromstring(document.encode()).itertext())


def said_fragment(fragment: str) -> str:
    return said(f"<speak>{fragment}</speak>")


def speech_table(lang: str) -> dict[str, Any]:
    with (TEMPLATES / lang / "language.toml").open("rb") as handle:
        table = tomllib.load(handle)["speech"]
    assert isinstance(table, dict)
    return table


# --- 1. part of day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "hour", "minute", "expected"),
    [
        pytest.param("he", 2, 0, "שתיים לפנות בוקר", id="he-02:00-before-dawn"),
        pytest.param("he", 14, 0, "שתיים בצהריים", id="he-14:00-noon"),
        pytest.param("he", 20, 0, "שמונה בערב", id="he-20:00-evening"),
        pytest.param("he", 23, 30, "אחת עשרה וחצי בלילה", id="he-23:30-night"),
        pytest.param("he", 9, 15, "תשע ורבע בבוקר", id="he-09:15-morning"),
        pytest.param("en", 2, 0, "two a.m.", id="en-02:00"),
        pytest.param("en", 14, 0, "two p.m.", id="en-14:00"),
        pytest.param("en", 20, 0, "eight p.m.", id="en-20:00"),
    ],
)
def test_hour_is_said_with_its_part_of_day(lang: str, hour: int, minute: int,
                                           expected: str) -> None:
    assert spoken_time(dt.time(hour, minute), lang) == expected


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("hour", range(1, 12))
def test_am_and_pm_hours_never_sound_alike(lang: str, hour: int) -> None:
    # 02:00 must never be heard as 14:00: the same clock hour, different words.
    assert spoken_time(dt.time(hour, 0), lang) != spoken_time(dt.time(hour + 12, 0), lang)


def test_hebrew_time_with_prefix_reads_as_one_word() -> None:
    assert speak_text("נחזור ב-20:00", "he") == "נחזור בשמונה בערב"
    assert speak_text("עד 02:00", "he") == "עד שתיים לפנות בוקר"


def test_part_of_day_words_come_from_language_data() -> None:
    words = replace(speech_words("he"), day_parts=(DayPart(0, 24, "לפי השעון"),))
    assert spoken_time(dt.time(2, 0), words) == "שתיים לפי השעון"


def test_english_part_of_day_is_not_read_as_a_word() -> None:
    # espeak-ng reads "AM" as the word "am"; the data spells a.m. so every engine says it.
    for part in speech_table("en")["day_parts"]:
        assert part["words"] in ("a.m.", "p.m."), part


def test_a_template_full_stop_after_a_m_is_written_once() -> None:
    document = wrap_ssml("Back at two a.m.. Then at five p.m., here.", "en")
    assert "Back at two a.m. Then at five p.m., here." in document


def test_night_eta_is_heard_with_its_part_of_day() -> None:
    bundle = render(load_example("overnight"), channels=["ivr"])
    assert "שתיים לפנות בוקר" in said(bundle["he", "ivr"].ssml or "")
    assert "two a.m." in said(bundle["en", "ivr"].ssml or "")


# --- 2. codes and numbers ------------------------------------------------------------------

HE_DIGITS = "שתיים אפס ארבע אפס"
EN_DIGITS = "two zero four zero"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("שלחו SMS למספר 2040", f"למספר {HE_DIGITS}", id="lemispar"),
        pytest.param("מספר 2040", f"מספר {HE_DIGITS}", id="mispar"),
        pytest.param("חייגו 2040", f"חייגו {HE_DIGITS}", id="hayegu"),
        pytest.param("שלחו 2040", f"שלחו {HE_DIGITS}", id="shilhu"),
        pytest.param("בשליחת 2040", f"בשליחת {HE_DIGITS}", id="bishlihat"),
        pytest.param("הקישו *2040", f"כוכבית {HE_DIGITS}", id="star"),
        pytest.param("מס' 2040", f"מספר {HE_DIGITS}", id="abbreviated-mispar"),
        pytest.param("שלחו את המילה עדכון ל-2040", f"ל{HE_DIGITS}", id="trigger-in-clause"),
        pytest.param("INC-2040", HE_DIGITS, id="incident-id"),
    ],
)
def test_hebrew_codes_are_read_digit_by_digit(text: str, expected: str) -> None:
    assert expected in speak_text(text, "he")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("נפגעו 2040 לקוחות", "נפגעו אלפיים וארבעים לקוחות", id="count"),
        pytest.param("הגענו ל-2040 לקוחות", "הגענו לאלפיים וארבעים לקוחות", id="prefix-count"),
        pytest.param("למספר 2040 לקוחות", "למספר אלפיים וארבעים לקוחות", id="trigger-noun"),
        pytest.param("כ-2,500 לקוחות", "כאלפיים וחמש מאות לקוחות", id="thousands"),
        pytest.param("תוך 120 דקות", "תוך מאה ועשרים דקות", id="minutes"),
        pytest.param("שלחו הודעה. 2040 לקוחות", "אלפיים וארבעים לקוחות", id="other-sentence"),
    ],
)
def test_hebrew_quantities_are_numbers(text: str, expected: str) -> None:
    assert expected in speak_text(text, "he")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("text UPDATE to 2040", f"to {EN_DIGITS}", id="to"),
        pytest.param("number 2040", f"number {EN_DIGITS}", id="number"),
        pytest.param("call 2040", f"call {EN_DIGITS}", id="call"),
        pytest.param("text 2040", f"text {EN_DIGITS}", id="text"),
        pytest.param("dial 2040", f"dial {EN_DIGITS}", id="dial"),
        pytest.param("ticket no. 2040", f"no. {EN_DIGITS}", id="no-dot"),
        pytest.param("dial *2040", f"star {EN_DIGITS}", id="star"),
    ],
)
def test_english_codes_are_read_digit_by_digit(text: str, expected: str) -> None:
    assert expected in speak_text(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("up to 2040 customers", "two thousand and forty", id="up-to"),
        pytest.param("restored to 2040 customers", "two thousand and forty", id="counted-noun"),
        pytest.param("about 2040 homes", "two thousand and forty", id="no-trigger"),
    ],
)
def test_english_quantities_are_numbers(text: str, expected: str) -> None:
    assert expected in speak_text(text, "en")


def test_short_numbers_after_a_trigger_stay_numbers() -> None:
    # "press 1" style menus and small counts are said as numbers.
    assert speak_text("חייגו 1", "he") == "חייגו אחת"


def test_the_configs_phone_is_read_digit_by_digit_anywhere() -> None:
    plain = speech_words("he")
    assert speak_text("הקו 2040 פתוח", plain) == "הקו אלפיים וארבעים פתוח"
    assert speak_text("הקו 2040 פתוח", plain.with_codes(["*2040"])) == f"הקו {HE_DIGITS} פתוח"


def test_trigger_words_come_from_language_data() -> None:
    words = replace(speech_words("he"), digit_triggers=frozenset({"הקישו"}))
    assert speak_text("הקישו 2040", words) == f"הקישו {HE_DIGITS}"
    assert speak_text("חייגו 2040", words) == "חייגו אלפיים וארבעים"


def test_hard_incident_codes_are_spoken_as_digits() -> None:
    bundle = render_hard_ivr()
    he = said(bundle["he", "ivr"].ssml or "")
    en = said(bundle["en", "ivr"].ssml or "")
    assert f"כוכבית {HE_DIGITS}" in he and "למספר חמש אפס ארבע אפס" in he
    assert f"star {EN_DIGITS}" in en and "to five zero four zero" in en


# --- 3. Hebrew a TTS engine reads right ------------------------------------------------------


@pytest.mark.parametrize("abbreviation", sorted(speech_table("he")["abbreviations"]))
def test_every_listed_abbreviation_is_said_in_full(abbreviation: str) -> None:
    expansion = speech_table("he")["abbreviations"][abbreviation]
    spoken = speak_text(f"ראו {abbreviation} כאן", "he")
    assert abbreviation not in spoken
    assert not DIGIT.search(spoken)
    if not DIGIT.search(expansion):
        assert spoken == f"ראו {expansion} כאן"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('שיחות לחו"ל', "שיחות לחוץ לארץ", id="with-prefix"),
        pytest.param("שיחות לחו\u05f4ל", "שיחות לחוץ לארץ", id="gershayim"),
        pytest.param('50 ש"ח', "חמישים שקלים", id="shekels"),
        pytest.param('ובחו"ל', "ובחוץ לארץ", id="two-prefix-letters"),
    ],
)
def test_abbreviations_are_expanded(text: str, expected: str) -> None:
    assert speak_text(text, "he") == expected


def test_abbreviations_come_from_language_data() -> None:
    words = replace(speech_words("he"), abbreviations={'שב"ק': "שירות בתי הכלא"})
    assert speak_text('דוברות שב"ק', words) == "דוברות שירות בתי הכלא"
    assert speak_text('שיחות לחו"ל', words) == 'שיחות לחו"ל'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ב-27 בנובמבר", "בעשרים ושבעה בנובמבר", id="date"),
        pytest.param("ב-20:00", "בשמונה בערב", id="time"),
        pytest.param("כ-2,500", "כאלפיים וחמש מאות", id="approximately"),
        pytest.param("וב-3 שעות", "ובשלוש שעות", id="two-letters"),
    ],
)
def test_prefix_hyphen_is_dropped_once_a_number_is_spelled_out(text: str, expected: str) -> None:
    spoken = speak_text(text, "he")
    assert spoken == expected
    assert not HYPHENATED_PREFIX.search(spoken)


def test_glue_prefixes_joins_a_prefix_to_a_spelled_word() -> None:
    assert glue_prefixes("ב-עשרים ושבעה, ו-SMS", "he") == "בעשרים ושבעה, ו-SMS"


@pytest.mark.parametrize("name", example_names())
def test_rendered_hebrew_ivr_has_no_hyphenated_prefix(name: str) -> None:
    ssml = render(load_example(name), channels=["ivr"])["he", "ivr"].ssml or ""
    assert not HYPHENATED_PREFIX.search(said(ssml)), said(ssml)


def test_latin_words_inside_hebrew_are_wrapped() -> None:
    fragment = speak_text("תקלה בשירות Apple TV היום", "he")
    assert fragment == 'תקלה בשירות <lang xml:lang="en-US">Apple TV</lang> היום'


def test_listed_latin_words_are_said_in_hebrew() -> None:
    assert speak_text("שלחו SMS", "he") == "שלחו אס אם אס"


@pytest.mark.parametrize(
    ("dialect", "element"),
    [
        pytest.param("azure", "lang", id="azure-lang"),
        pytest.param("google", "lang", id="google-lang"),
        pytest.param("ssml", "voice", id="plain-voice-for-espeak"),
    ],
)
def test_latin_switch_element_per_dialect(dialect: Dialect, element: str) -> None:
    document = wrap_ssml(speak_text("תקלה בשירות Apple TV", "he"), "he", dialect=dialect)
    root = ET.fromstring(document.encode())
    switches = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == element
                and e.get(XML_LANG, "").startswith("en")]
    assert [e.text for e in switches] == ["Apple TV"]
    if dialect == "ssml":
        assert "<lang" not in document


def test_english_text_wraps_nothing() -> None:
    assert "<" not in speak_text("Problem with Apple TV", "en")


# --- 4. never a dangling sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param("he", "פרטים באתר https://x.co.il/a.", "פרטים באתר שלנו.", id="he-after"),
        pytest.param("he", "פרטים ב-www.x.co.il", "פרטים באתר שלנו", id="he-prefixed"),
        pytest.param("he", "פרטים: https://x.co.il", "פרטים: באתר שלנו", id="he-default"),
        pytest.param("he", "היכנסו לstatus.x.co.il", "היכנסו לאתר שלנו", id="he-glued-prefix"),
        pytest.param("he", "פרטים בwww.x.co.il.", "פרטים באתר שלנו.", id="he-glued-www"),
        pytest.param("en", "Details at https://x.co.il.", "Details on our website.", id="en-at"),
        pytest.param("en", "See x.co.il/inc now", "See our website now", id="en-bare-domain"),
    ],
)
def test_a_url_is_said_as_where_it_points(lang: str, text: str, expected: str) -> None:
    assert speak_text(text, lang) == expected
    assert replace_addresses(text, lang) == expected


def test_url_words_come_from_language_data() -> None:
    words = replace(speech_words("he"), website=Place("בפורטל"))
    assert speak_text("פרטים: https://x.co.il", words) == "פרטים: בפורטל"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param("he", "שירות 7*7", "שירות שבע כוכבית שבע", id="he-star"),
        pytest.param("he", "קוד 7#7", "קוד שבע סולמית שבע", id="he-hash"),
        pytest.param("en", "our 7*7 line", "our seven star seven line", id="en-star"),
    ],
)
def test_symbols_between_numbers_are_spoken_with_spaces(lang: str, text: str,
                                                         expected: str) -> None:
    assert speak_text(text, lang) == expected


def test_hard_incident_speaks_no_url_and_no_digit() -> None:
    bundle = render_hard_ivr()
    for lang, words in (("he", "באתר שלנו"), ("en", "on our website")):
        message = bundle[lang, "ivr"]
        spoken = said(message.ssml or "")
        assert not ADDRESS.search(spoken), spoken
        assert not DIGIT.search(spoken), spoken
        assert words in spoken
        # The written script is read out by people too: no URL there either.
        assert not ADDRESS.search(message.text), message.text
        assert words in message.text


# --- 5. the IVR reads like speech, inside its budget ----------------------------------------


@pytest.mark.parametrize("name", example_names())
def test_default_ivr_script_fits_its_budget(name: str) -> None:
    config = load_config(default_templates_dir())
    bundle = render(load_example(name), channels=["ivr"])
    for lang in ("he", "en"):
        limit = config.channel("ivr").budget("max_seconds", lang)
        assert limit is not None
        stats = bundle[lang, "ivr"].stats
        assert float(stats["seconds"]) <= limit, (lang, stats)


@pytest.mark.parametrize("name", example_names())
def test_ivr_script_is_speech_not_a_form(name: str) -> None:
    bundle = render(load_example(name), channels=["ivr"])
    he = said(bundle["he", "ivr"].ssml or "")
    # No form read aloud: no sentence opens with a label and a colon ("השירותים המושפעים: …").
    assert not FORM_LABEL.search(he), FORM_LABEL.search(he)
    assert "מתנצלים" in he
    if load_example(name).status != "resolved":
        # Out of the phone's opening hours (overnight), when the line opens (R11 he #1).
        assert "הישארו על הקו" in he or "המוקד הטלפוני זמין" in he
        en = said(bundle["en", "ivr"].ssml or "")
        assert "stay on the line" in en or "call back Sunday to Thursday" in en


# --- wording lives in data ----------------------------------------------------------------


def _code_strings() -> list[tuple[int, str]]:
    """String constants in speech.py that are not docstrings (module, class, function, field)."""
    tree = ast.parse(Path(speech_module.__file__).read_text(encoding="utf-8"))
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                if (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                        and isinstance(statement.value.value, str)):
                    docstrings.add(id(statement.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def _spoken_values(table: Any) -> set[str]:
    if isinstance(table, str):
        return {table}
    if isinstance(table, dict):
        return {v for value in table.values() for v in _spoken_values(value)}
    if isinstance(table, list):
        return {v for value in table for v in _spoken_values(value)}
    return set()


def _keys(table: Any) -> set[str]:
    if isinstance(table, dict):
        return {k.casefold() for k in table} | {k for v in table.values() for k in _keys(v)}
    if isinstance(table, list):
        return {k for v in table for k in _keys(v)}
    return set()


def test_no_customer_facing_word_in_speech_code() -> None:
    strings = _code_strings()
    hebrew = [(line, s) for line, s in strings if re.search(r"[\u05d0-\u05ea]", s)]
    assert not hebrew
    english_words = {v.casefold() for v in _spoken_values(speech_table("en"))
                     if re.search(r"[a-z]{2}", v) and "{" not in v}
    # Key names of the table ("minus", "midnight", "to") are read by the code, not said.
    english_words -= _keys(speech_table("en")) | {"en-us", "number", "year"}
    # Regex group names ("code") are names, not words.
    source = Path(speech_module.__file__).read_text(encoding="utf-8")
    english_words -= set(re.findall(r"\(\?P<(\w+)>", source))
    found = [(line, s) for line, s in strings if s.casefold().strip() in english_words]
    assert not found
