"""Spoken forms for IVR SSML: exact readings, escaping, documents and length estimates."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.text.speech import (
    CLAUSE_PAUSE_S,
    DIGIT_GROUP_PAUSE_MS,
    PARAGRAPH_PAUSE_S,
    SENTENCE_PAUSE_S,
    Gender,
    estimate_seconds,
    speak_text,
    spoken_date,
    spoken_digits,
    spoken_number,
    spoken_time,
    wrap_ssml,
)

SSML_NS = "{http://www.w3.org/2001/10/synthesis}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAUSE = f'<break time="{DIGIT_GROUP_PAUSE_MS}ms"/>'
ASCII_DIGIT = re.compile(r"[0-9]")


def parses_inside_speak(fragment: str) -> ET.Element:
    return ET.fromstring(f'<speak xmlns="http://www.w3.org/2001/10/synthesis">{fragment}</speak>')


def said(fragment: str) -> str:
    """The text a synthesiser would say: the fragment's text content, markup aside."""
    return "".join(parses_inside_speak(fragment).itertext())


@pytest.mark.parametrize(
    ("n", "gender", "expected"),
    [
        pytest.param(0, "f", "אפס", id="zero"),
        pytest.param(1, "f", "אחת", id="one-feminine-default"),
        pytest.param(1, "m", "אחד", id="one-masculine"),
        pytest.param(2, "f", "שתיים", id="two-feminine-absolute"),
        pytest.param(2, "m", "שניים", id="two-masculine-absolute"),
        pytest.param(3, "f", "שלוש", id="three-feminine-no-heh"),
        pytest.param(3, "m", "שלושה", id="three-masculine-takes-heh"),
        pytest.param(11, "f", "אחת עשרה", id="eleven-feminine"),
        pytest.param(11, "m", "אחד עשר", id="eleven-masculine"),
        pytest.param(20, "f", "עשרים", id="twenty-same-both-genders-f"),
        pytest.param(20, "m", "עשרים", id="twenty-same-both-genders-m"),
        pytest.param(23, "m", "עשרים ושלושה", id="compound-masculine"),
        pytest.param(-5, "f", "מינוס חמש", id="negative"),
        pytest.param(Decimal("2.5"), "f", "שתיים נקודה חמש", id="decimal-point"),
        pytest.param(Decimal("-0.5"), "f", "מינוס אפס נקודה חמש", id="num2words-drops-this-sign"),
        pytest.param(Decimal("3.0"), "m", "שלושה", id="integral-decimal-reads-as-integer"),
    ],
)
def test_spoken_number_hebrew(n: int | Decimal, gender: Gender, expected: str) -> None:
    assert spoken_number(n, "he", gender=gender) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        pytest.param(21, "twenty-one", id="hyphenated-tens"),
        pytest.param(Decimal("2.75"), "two point seven five", id="decimal-digits"),
        pytest.param(-3, "minus three", id="negative"),
    ],
)
def test_spoken_number_english(n: int | Decimal, expected: str) -> None:
    assert spoken_number(n, "en") == expected


@pytest.mark.parametrize("lang", ["he-IL", "he_IL", "HE"])
def test_language_tags_use_the_primary_subtag(lang: str) -> None:
    assert spoken_number(3, lang) == "שלוש"


@pytest.mark.parametrize("lang", ["fr", "de", "", "iw"])
def test_other_languages_are_refused(lang: str) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        spoken_number(1, lang)


@pytest.mark.parametrize("value", [1.5, True, "3"])
def test_spoken_number_refuses_floats_bools_and_strings(value: object) -> None:
    with pytest.raises(TypeError):
        spoken_number(value, "he")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        pytest.param(14, 30, "שתיים וחצי בצהריים", id="12h-clock-half-with-part-of-day"),
        pytest.param(17, 0, "חמש אחר הצהריים", id="full-hour-is-the-hour-and-part"),
        pytest.param(0, 0, "חצות", id="midnight"),
        pytest.param(0, 30, "שתים עשרה וחצי בלילה", id="half-past-midnight"),
        pytest.param(9, 5, "תשע וחמש דקות בבוקר", id="minutes-under-ten-name-the-unit"),
        pytest.param(9, 1, "תשע ודקה אחת בבוקר", id="one-minute-noun-first"),
        pytest.param(9, 2, "תשע ושתי דקות בבוקר", id="two-minutes-construct-form"),
        pytest.param(13, 10, "אחת ועשר בצהריים", id="ten-minutes-bare-feminine"),
        pytest.param(12, 0, "שתים עשרה בצהריים", id="noon-is-twelve"),
        pytest.param(1, 0, "אחת בלילה", id="one-oclock-feminine"),
        pytest.param(23, 59, "אחת עשרה וחמישים ותשע בלילה", id="last-minute"),
    ],
)
def test_spoken_time_hebrew(hour: int, minute: int, expected: str) -> None:
    assert spoken_time(dt.time(hour, minute), "he") == expected


def test_spoken_time_ignores_seconds() -> None:
    assert spoken_time(dt.time(14, 30, 59), "he") == "שתיים וחצי בצהריים"


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        pytest.param(14, 30, "two thirty p.m.", id="afternoon"),
        pytest.param(17, 0, "five p.m.", id="full-hour"),
        pytest.param(0, 0, "midnight", id="midnight"),
        pytest.param(12, 0, "noon", id="noon"),
        pytest.param(0, 30, "twelve thirty a.m.", id="after-midnight"),
        pytest.param(9, 5, "nine oh five a.m.", id="oh-for-single-digit-minutes"),
    ],
)
def test_spoken_time_english(hour: int, minute: int, expected: str) -> None:
    assert spoken_time(dt.time(hour, minute), "en-US") == expected


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        pytest.param(dt.date(2026, 11, 23), "he", "עשרים ושלושה בנובמבר", id="day-masculine"),
        pytest.param(dt.date(2026, 12, 1), "he", "אחד בדצמבר", id="first-masculine"),
        pytest.param(dt.date(2027, 1, 2), "he", "שניים בינואר", id="second-masculine"),
        pytest.param(dt.date(2026, 5, 11), "he", "אחד עשר במאי", id="eleventh-masculine"),
        pytest.param(dt.date(2026, 11, 23), "en", "the twenty-third of November", id="en-ordinal"),
        pytest.param(dt.date(2026, 12, 1), "en", "the first of December", id="en-first"),
    ],
)
def test_spoken_date(date: dt.date, lang: str, expected: str) -> None:
    assert spoken_date(date, lang) == expected


def test_spoken_date_with_year() -> None:
    date = dt.date(2026, 11, 23)
    assert spoken_date(date, "he", with_year=True) == "עשרים ושלושה בנובמבר אלפיים עשרים ושש"
    assert spoken_date(date, "en", with_year=True) == (
        "the twenty-third of November twenty twenty-six")


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        pytest.param("*2040", "he", "כוכבית שתיים אפס ארבע אפס", id="star-code-feminine-digits"),
        pytest.param(
            "+972-3-1234567",
            "he",
            f"פלוס תשע שבע שתיים {PAUSE} שלוש {PAUSE} אחת שתיים שלוש ארבע חמש שש שבע",
            id="international-hyphens-pause",
        ),
        pytest.param("#1", "he", "סולמית אחת", id="hash"),
        pytest.param("03 - 12", "he", f"אפס שלוש {PAUSE} אחת שתיים", id="separator-run-one-pause"),
        pytest.param("\u2066*2040\u2069", "he", "כוכבית שתיים אפס ארבע אפס", id="isolates-dropped"),
        pytest.param("*2040", "en", "star two zero four zero", id="en-star"),
        pytest.param("#1", "en", "pound one", id="en-pound"),
        pytest.param("+1", "en", "plus one", id="en-plus"),
    ],
)
def test_spoken_digits(code: str, lang: str, expected: str) -> None:
    assert spoken_digits(code, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ב-14:30", "בשתיים וחצי בצהריים", id="prefix-glued-to-time"),
        pytest.param("ו-5", "וחמש", id="prefix-glued-to-number"),
        pytest.param("ב\u05be14:30", "בשתיים וחצי בצהריים", id="prefix-with-maqaf"),
        pytest.param("וב-00:00", "ובחצות", id="two-prefix-letters"),
        pytest.param("פיצוי של 10%", "פיצוי של עשרה אחוזים", id="percent-masculine-plural"),
        pytest.param("עוד 1%", "עוד אחוז אחד", id="one-percent-noun-first"),
        pytest.param("עלייה של 2.5%", "עלייה של שניים נקודה חמש אחוזים", id="decimal-percent"),
        pytest.param("יחס של 2.5", "יחס של שתיים נקודה חמש", id="decimal"),
        pytest.param("כ-2,500 לקוחות", "כאלפיים וחמש מאות לקוחות", id="thousands-separator"),
        pytest.param("ב-23 בנובמבר", "בעשרים ושלושה בנובמבר", id="day-before-month-masculine"),
        pytest.param("ב-1 בדצמבר", "באחד בדצמבר", id="first-before-month"),
        pytest.param("עד 31.12.2026", "עד שלושים ואחד בדצמבר אלפיים עשרים ושש", id="date"),
        pytest.param("ביום שני, 23.11,", "ביום שני, עשרים ושלושה בנובמבר,", id="day-dot-month"),
        pytest.param("2 ימים", "שני ימים", id="two-masculine-construct"),
        pytest.param("2 שעות", "שתי שעות", id="two-feminine-construct"),
        pytest.param("1 יום", "יום אחד", id="one-after-noun"),
        pytest.param("10 ימים", "עשרה ימים", id="masculine-noun-agreement"),
        pytest.param("3 דקות", "שלוש דקות", id="feminine-noun-agreement"),
        pytest.param("15 ₪", "חמישה עשר שקלים", id="shekel-sign"),
        pytest.param("14:00-16:00", "שתיים בצהריים עד ארבע אחר הצהריים", id="time-range"),
        pytest.param("חייגו *2040", "חייגו כוכבית שתיים אפס ארבע אפס", id="star-code"),
        pytest.param(
            "התקשרו ל-03-1234567",
            f"התקשרו לאפס שלוש {PAUSE} אחת שתיים שלוש ארבע חמש שש שבע",
            id="local-phone",
        ),
        pytest.param("קוד 007", "קוד אפס אפס שבע", id="leading-zero-is-digits"),
        pytest.param(
            "פרטים באתר https://status.example.co.il/inc/2041 או ב-www.example.com.",
            "פרטים באתר שלנו או באתר שלנו.",
            id="urls-said-as-where-they-point",
        ),
        pytest.param(
            "כתבו ל-help@example.co.il היום",
            "כתבו לכתובת הדואר האלקטרוני שלנו היום",
            id="email-said-as-where-it-points",
        ),
        pytest.param("א & ב <ג>", "א &amp; ב &lt;ג&gt;", id="escaped"),
        pytest.param(
            "חייגו \u2066*2040\u2069 עכשיו",
            "חייגו כוכבית שתיים אפס ארבע אפס עכשיו",
            id="bidi-controls-dropped",
        ),
        pytest.param("שעה ١٤:٣٠", "שעה שתיים וחצי בצהריים", id="arabic-indic-digits"),
    ],
)
def test_speak_text_hebrew(text: str, expected: str) -> None:
    assert speak_text(text, "he") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Back by 17:00.", "Back by five p.m.", id="time"),
        pytest.param("on November 23", "on the twenty-third of November",
                     id="day-after-month-ordinal"),
        pytest.param(
            "Save 10% until 31/12/2026.",
            "Save ten percent until the thirty-first of December twenty twenty-six.",
            id="percent-and-date",
        ),
        pytest.param("Call *2040", "Call star two zero four zero", id="star-code"),
        pytest.param("See https://example.com/x now", "See our website now", id="url-said"),
        pytest.param("the 3rd update", "the third update", id="ordinal-suffix"),
    ],
)
def test_speak_text_english(text: str, expected: str) -> None:
    assert speak_text(text, "en") == expected


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from(["f", "m"]))
def test_any_number_is_spoken_without_digits(n: int, gender: Gender) -> None:
    spoken = spoken_number(n, "he", gender=gender)
    assert spoken
    assert not ASCII_DIGIT.search(said(spoken))


@given(st.times())
def test_any_time_is_spoken_without_digits(t: dt.time) -> None:
    for lang in ("he", "en"):
        assert not ASCII_DIGIT.search(said(spoken_time(t, lang)))


@given(st.dates())
def test_any_date_is_spoken_without_digits(d: dt.date) -> None:
    assert not ASCII_DIGIT.search(said(spoken_date(d, "he", with_year=True)))


NUMBERY = st.text(
    alphabet=st.sampled_from(list("0123456789:.,-+*#%/₪ אבגדהוזחטבלמשכabc<&>'\"\u2066\u2069\n")),
    max_size=40,
)


@given(st.one_of(NUMBERY, st.text(max_size=40)), st.sampled_from(["he", "en"]))
def test_speak_text_leaves_no_digit_and_stays_well_formed(text: str, lang: str) -> None:
    assert not ASCII_DIGIT.search(said(speak_text(text, lang)))


@pytest.mark.parametrize("lang", ["he", "en"])
def test_wrap_ssml_plain_document(lang: str) -> None:
    doc = wrap_ssml(speak_text("שלום ב-14:30 & להתראות", lang), lang)
    assert doc.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" ')
    root = ET.fromstring(doc)
    assert root.tag == f"{SSML_NS}speak"
    assert root.get("version") == "1.1"
    assert root.get(XML_LANG) == {"he": "he-IL", "en": "en-GB"}[lang]
    assert root.find(f"{SSML_NS}voice") is None


@pytest.mark.parametrize(
    ("lang", "voice", "expected"),
    [
        pytest.param("he", None, "he-IL-HilaNeural", id="default-hebrew-voice"),
        pytest.param("en", None, "en-GB-SoniaNeural", id="default-english-voice"),
        pytest.param("he", 'he-IL-"Avri"Neural', 'he-IL-"Avri"Neural', id="voice-attr-escaped"),
    ],
)
def test_wrap_ssml_azure_has_voice(lang: str, voice: str | None, expected: str) -> None:
    root = ET.fromstring(wrap_ssml("שלום", lang, dialect="azure", voice=voice))
    voice_element = root.find(f"{SSML_NS}voice")
    assert voice_element is not None
    assert voice_element.get("name") == expected
    assert voice_element.text == "שלום"
    assert root.get(XML_LANG) in ("he-IL", "en-GB")


def test_wrap_ssml_google_has_no_declaration_and_no_voice() -> None:
    doc = wrap_ssml("שלום", "he", dialect="google", voice="ignored-for-google")
    assert doc.startswith("<speak ")
    root = ET.fromstring(doc)
    assert root.get(XML_LANG) == "he-IL"
    assert root.find(f"{SSML_NS}voice") is None


def test_wrap_ssml_refuses_unknown_dialect() -> None:
    with pytest.raises(ValueError, match="dialect"):
        wrap_ssml("x", "he", dialect="polly")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ssml", "expected"),
    [
        pytest.param("<speak>one two three</speak>", 3.0, id="words-at-rate"),
        pytest.param("<speak>one 123 — two</speak>", 2.0, id="tokens-without-letters-silent"),
        pytest.param('<speak>one<break time="500ms"/></speak>', 1.5, id="break-ms"),
        pytest.param('<speak>one<break time="1.5s"/></speak>', 2.5, id="break-seconds"),
        pytest.param("<speak>one. two?!</speak>", 2.0 + 2 * SENTENCE_PAUSE_S, id="sentence-ends"),
        pytest.param("<speak>one, two</speak>", 2.0 + CLAUSE_PAUSE_S, id="clause-break"),
        pytest.param(
            "<speak><p>one</p><s>two</s></speak>",
            2.0 + 2 * PARAGRAPH_PAUSE_S,
            id="paragraph-and-sentence-elements",
        ),
        pytest.param('<speak><sub alias="one two three">x</sub></speak>', 3.0, id="sub-alias"),
        pytest.param("one two", 2.0, id="fragment-accepted"),
    ],
)
def test_estimate_seconds(ssml: str, expected: float) -> None:
    assert estimate_seconds(ssml, words_per_minute=60) == pytest.approx(expected)


def test_estimate_seconds_reads_namespaced_documents() -> None:
    doc = wrap_ssml('שלום עולם<break time="250ms"/>', "he", dialect="azure")
    assert estimate_seconds(doc, words_per_minute=120) == pytest.approx(1.25)


def test_estimate_seconds_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="well-formed"):
        estimate_seconds("<speak><p>unclosed</speak>")
    with pytest.raises(ValueError, match="words_per_minute"):
        estimate_seconds("<speak>x</speak>", words_per_minute=0)
