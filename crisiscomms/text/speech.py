"""Spoken forms of numbers, times, dates and codes for IVR scripts, as SSML.

Every ``spoken_*`` function and :func:`speak_text` returns an SSML *fragment*:
text that is already XML-escaped and may carry ``<break/>`` elements, ready to
paste inside ``<speak>``. :func:`wrap_ssml` turns a fragment into a complete
document and :func:`estimate_seconds` estimates how long a document takes to say.

Reading rules (decisions, kept in one place so templates never decide them):

Hebrew (``he``), every number spelled in words with num2words:

* Numbers are feminine unless asked otherwise (``gender="m"``); in free text a
  number takes the gender of a following unit noun it knows (``10 ימים``).
* Times are feminine, 24-hour: ``14:30`` -> ``ארבע עשרה ושלושים``. A full hour
  is the hour alone (``17:00`` -> ``שבע עשרה``); minutes 1-9 name the unit
  (``09:05`` -> ``תשע וחמש דקות``, ``09:01`` -> ``תשע ודקה אחת``,
  ``09:02`` -> ``תשע ושתי דקות``) because a bare ``תשע וחמש`` reads as 9:05 or
  as a sum; minutes 10-59 are the bare number. Hour zero is ``חצות``
  (``00:00`` -> ``חצות``, ``00:30`` -> ``חצות ושלושים``). Seconds are not read.
* The day of the month is masculine, then the month with the prefix ב, month
  names from Babel: 23 November -> ``עשרים ושלושה בנובמבר`` (Hebrew Academy).
  The year is read only on request (``with_year=True``), as a feminine number.
* Digits of phone numbers and codes are read one by one, feminine; ``*`` is
  ``כוכבית``, ``#`` is ``סולמית``, ``+`` is ``פלוס``; hyphens, dots and spaces
  between groups become a short pause (:data:`DIGIT_GROUP_PAUSE_MS`).
* Decimals read the fraction digit by digit after ``נקודה`` (as num2words
  does); a negative number starts with ``מינוס``.

English (``en``): words, not ``<say-as>``. espeak-ng ignores ``say-as`` for
times and telephone numbers (it reads ``+972-3-...`` as "plus nine hundred
seventy-two dash three"), vendors differ in what they do with it, and the
length estimate needs the words that will be said. Times are 12-hour, as US
English speakers say them (``14:30`` -> "two thirty PM", ``09:05`` -> "nine
oh five AM", ``00:00`` -> "midnight", ``12:00`` -> "noon"); dates are month
then ordinal day ("November twenty-third"); digits are "zero".."nine", ``*``
"star", ``#`` "pound" (the en-US IVR word), ``+`` "plus".

Documents: ``xml:lang`` is ``he-IL`` or ``en-US``. Plain and Google SSML use
``version="1.1"``; Azure documents ``version="1.0"``, the only value its
documentation lists, with a ``<voice>`` element inside ``<speak>``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final, Literal
from xml.sax.saxutils import escape, quoteattr

from babel.dates import format_date
from num2words import num2words as _num2words

__all__ = [
    "CLAUSE_PAUSE_S",
    "DIGIT_GROUP_PAUSE_MS",
    "PARAGRAPH_PAUSE_S",
    "SENTENCE_PAUSE_S",
    "Dialect",
    "Gender",
    "estimate_seconds",
    "speak_text",
    "spoken_date",
    "spoken_digits",
    "spoken_number",
    "spoken_time",
    "wrap_ssml",
]

Gender = Literal["f", "m"]
Dialect = Literal["ssml", "azure", "google"]

DIGIT_GROUP_PAUSE_MS: Final = 200
"""Pause between digit groups of a phone number (``03-1234567``)."""

# Pauses for estimate_seconds, calibrated against espeak-ng 1.51 at -s 140
# (benchmarks/calibrate_speech.py): a sentence end costs ~0.45 s there, a
# comma ~0.3 s, and a <p>/<s> boundary ~0.4 s on top of its full stop.
SENTENCE_PAUSE_S: Final = 0.45
"""Seconds added for every sentence end (``.``, ``?``, ``!``)."""
CLAUSE_PAUSE_S: Final = 0.3
"""Seconds added for every clause break (``,``, ``;``, ``:``)."""
PARAGRAPH_PAUSE_S: Final = 0.4
"""Seconds added for every ``<p>`` or ``<s>`` element."""

_XML_LANG: Final = {"he": "he-IL", "en": "en-US"}
_DEFAULT_VOICE: Final = {"he": "he-IL-HilaNeural", "en": "en-US-JennyNeural"}
_SSML_NS: Final = "http://www.w3.org/2001/10/synthesis"

# The small grammatical vocabulary needed to speak numbers; digit names come
# from num2words and month names from Babel.
_SYMBOL_NAMES: Final = {
    "he": {"*": "כוכבית", "#": "סולמית", "+": "פלוס"},
    "en": {"*": "star", "#": "pound", "+": "plus"},
}
_MINUS: Final = {"he": "מינוס", "en": "minus"}
_HE_AND: Final = "ו"
_RANGE_WORD: Final = {"he": "עד", "en": "to"}
_PERCENT_EN: Final = "percent"
_EN_MIDNIGHT: Final = "midnight"
_EN_NOON: Final = "noon"
_EN_OH: Final = "oh"
_EN_AM_PM: Final = ("AM", "PM")
_HE_MIDNIGHT: Final = "חצות"
_HE_MINUTE_ONE: Final = "דקה אחת"
_HE_MINUTES: Final = "דקות"
_HE_PERCENT_ONE: Final = "אחוז"
_HE_PERCENT_MANY: Final = "אחוזים"
_SHEKEL_SIGN: Final = "₪"
_HE_SHEKEL: Final = ("שקל", "שקלים")
_EN_SHEKEL: Final = ("shekel", "shekels")

# Unit nouns whose gender a preceding number must agree with in free Hebrew
# text; the value is (gender, plural). Anything else takes the feminine.
_HE_NOUNS: Final[dict[str, tuple[Gender, bool]]] = {
    "שעה": ("f", False),
    "שעות": ("f", True),
    "דקה": ("f", False),
    "דקות": ("f", True),
    "שנייה": ("f", False),
    "שניות": ("f", True),
    "שנה": ("f", False),
    "שנים": ("f", True),
    "אגורה": ("f", False),
    "אגורות": ("f", True),
    "יום": ("m", False),
    "ימים": ("m", True),
    "ימי": ("m", True),
    "שבוע": ("m", False),
    "שבועות": ("m", True),
    "חודש": ("m", False),
    "חודשים": ("m", True),
    "אחוז": ("m", False),
    "אחוזים": ("m", True),
    "שקל": ("m", False),
    "שקלים": ("m", True),
}

# Bidi controls and characters XML 1.0 forbids: the first are invisible in
# speech, the second would make the document ill-formed.
_DROP_RE: Final = re.compile(
    "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
    "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
)
_SPACES_RE: Final = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_NON_ASCII_DIGIT_RE: Final = re.compile(r"(?![0-9])\d")

_URL_TAIL: Final = r"[^\s<>\"]*[^\s<>\".,;:!?)\]}'»]"
_URL_RE: Final = re.compile(
    r"(?:(?<![\w@])[ובלהמשכ]{1,3}[-\u05be])?"
    r"(?:"
    rf"(?:https?|ftp)://{_URL_TAIL}"
    rf"|www\.{_URL_TAIL}"
    r"|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"|(?<![\w@.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    rf"\.(?:com|net|org|info|io|app|il|co\.il|org\.il|gov\.il|ac\.il)(?:/{_URL_TAIL})?"
    r")(?![\w/])",
    re.IGNORECASE,
)

_PREFIX: Final = r"(?:(?<![\w])(?P<pre>[ובלהמשכ]{1,3})[-\u05be])?"
_NUM: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN_RE: Final = re.compile(
    _PREFIX
    + r"(?:"
    + r"(?P<range>(?<=\d)[ ]?[-\u2013\u2014][ ]?(?=\d))"
    + r"|(?P<iso>(?<!\d)\d{4}-\d{2}-\d{2}(?![\d-]))"
    + r"|(?P<date>(?<![\d.])\d{1,2}(?P<dsep>[./])\d{1,2}(?P=dsep)(?:\d{4}|\d{2})(?!\d|\.\d))"
    + r"|(?P<sdate>(?<![\d/])\d{1,2}/\d{1,2}(?!\d|/\d))"
    + r"|(?P<ddate>(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?![\d.%₪]|[ ]?[%₪]))"
    + r"|(?P<time>(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]))"
    + r"|(?P<code>[*#][\d*#]*\d[\d*#]*)"
    + r"|(?P<intl>\+\d+(?:[- .]\d+)*)"
    + r"|(?P<phone>(?<![\d.,])\d+(?:-\d+){2,}(?![\d]))"
    + r"|(?P<zero>(?<![\d.,])0\d+(?:-\d+)*(?![\d.,]\d))"
    + rf"|(?P<pct>(?P<psign>(?<![\w.,])-)?(?P<pnum>{_NUM})[ ]?%)"
    + r"|(?P<ord>(?P<onum>\d+)(?:st|nd|rd|th)\b)"
    + rf"|(?P<num>(?P<sign>(?<![\w.,])-)?(?P<nnum>{_NUM})(?![\d]))"
    + r"|(?P<digits>\d+)"
    + r")"
    + r"(?P<noun>[ ]?(?P<shekel>₪)|[ ](?P<word>[\u05d0-\u05ea]+)(?![-\u05be\w]))?"
)
# Longer digit runs are identifiers, not amounts anyone says as one number.
_MAX_NUMBER_DIGITS: Final = 15
_TIDY_RES: Final = (
    (re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}"), ""),
    (re.compile(r"[ ]+([.,;:!?)\]}])"), r"\1"),
    (re.compile(r"([(\[{])[ ]+"), r"\1"),
    (re.compile(r"[ ]{2,}"), " "),
)


def _language(lang: str) -> str:
    primary = re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()
    if primary not in _XML_LANG:
        raise ValueError(f"unsupported language {lang!r}: expected 'he' or 'en'")
    return primary


def _words(n: int | Decimal, lang: str, gender: Gender = "f", **kwargs: object) -> str:
    if lang == "he":
        kwargs["gender"] = gender
    result = _num2words(n, lang=lang, **kwargs)
    assert isinstance(result, str)
    return result


def _say_number(n: int | Decimal, lang: str, gender: Gender) -> str:
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"cannot speak {n!r}")
        if n == n.to_integral_value():
            n = int(n)
    # num2words drops the sign of a Decimal between -1 and 0, so the sign is
    # spoken here for every number.
    sign = f"{_MINUS[lang]} " if n < 0 else ""
    magnitude: int | Decimal = -n if n < 0 else n
    try:
        return sign + _words(magnitude, lang, gender)
    except OverflowError as exc:
        raise ValueError(f"{n} is too large to speak as a number") from exc


def spoken_number(n: int | Decimal, lang: str, *, gender: Gender = "f") -> str:
    """Return ``n`` in words as an SSML fragment; Hebrew is feminine unless ``gender="m"``.

    A Decimal reads its fraction digit by digit after the decimal point.

    >>> spoken_number(3, "he"), spoken_number(3, "he", gender="m")
    ('שלוש', 'שלושה')
    >>> spoken_number(Decimal("-2.5"), "en-US")
    'minus two point five'
    """
    if isinstance(n, bool) or not isinstance(n, (int, Decimal)):
        raise TypeError(f"expected int or Decimal, got {type(n).__name__}")
    return escape(_say_number(n, _language(lang), gender))


def _hebrew_time(t: datetime.time) -> str:
    hour = _HE_MIDNIGHT if t.hour == 0 else _words(t.hour, "he")
    if t.minute == 0:
        return hour
    if t.minute == 1:
        minutes = _HE_MINUTE_ONE
    elif t.minute < 10:
        minutes = f"{_words(t.minute, 'he', construct=True)} {_HE_MINUTES}"
    else:
        minutes = _words(t.minute, "he")
    return f"{hour} {_HE_AND}{minutes}"


def _english_time(t: datetime.time) -> str:
    if t.minute == 0 and t.hour in (0, 12):
        return _EN_MIDNIGHT if t.hour == 0 else _EN_NOON
    hour = _words(t.hour % 12 or 12, "en")
    suffix = _EN_AM_PM[t.hour >= 12]
    if t.minute == 0:
        return f"{hour} {suffix}"
    if t.minute < 10:
        return f"{hour} {_EN_OH} {_words(t.minute, 'en')} {suffix}"
    return f"{hour} {_words(t.minute, 'en')} {suffix}"


def spoken_time(t: datetime.time, lang: str) -> str:
    """Return a clock time in words (Hebrew feminine 24-hour, English 12-hour).

    >>> spoken_time(datetime.time(14, 30), "he")
    'ארבע עשרה ושלושים'
    >>> spoken_time(datetime.time(9, 5), "en")
    'nine oh five AM'
    """
    code = _language(lang)
    return escape(_hebrew_time(t) if code == "he" else _english_time(t))


@lru_cache(maxsize=32)
def _month_name(month: int, lang: str) -> str:
    return str(format_date(datetime.date(2000, month, 1), "MMMM", locale=lang))


def _date_words(d: datetime.date, lang: str, with_year: bool) -> str:
    month = _month_name(d.month, lang)
    if lang == "he":
        text = f"{_words(d.day, 'he', 'm')} ב{month}"
        return f"{text} {_words(d.year, 'he')}" if with_year else text
    text = f"{month} {_words(d.day, 'en', to='ordinal')}"
    return f"{text}, {_words(d.year, 'en', to='year')}" if with_year else text


def spoken_date(d: datetime.date, lang: str, *, with_year: bool = False) -> str:
    """Return a calendar date in words; the year only when ``with_year`` is true.

    Hebrew reads the day of the month as a masculine number.

    >>> spoken_date(datetime.date(2026, 11, 23), "he")
    'עשרים ושלושה בנובמבר'
    >>> spoken_date(datetime.date(2026, 11, 23), "en", with_year=True)
    'November twenty-third, twenty twenty-six'
    """
    return escape(_date_words(d, _language(lang), with_year))


def _digit_words(s: str, lang: str) -> str:
    names = _SYMBOL_NAMES[lang]
    pause = f'<break time="{DIGIT_GROUP_PAUSE_MS}ms"/>'
    out: list[str] = []
    pending_pause = False
    for char in _DROP_RE.sub("", s):
        if char.isdigit():
            word = _words(unicodedata.digit(char), lang)
        elif char in names:
            word = names[char]
        elif char.isspace() or unicodedata.category(char).startswith("P"):
            pending_pause = bool(out)
            continue
        else:
            word = escape(char)
        if pending_pause:
            out.append(pause)
            pending_pause = False
        out.append(word)
    return " ".join(out)


def spoken_digits(s: str, lang: str) -> str:
    """Read a phone number or code symbol by symbol; separators become short pauses.

    >>> spoken_digits("*2040", "he")
    'כוכבית שתיים אפס ארבע אפס'
    >>> spoken_digits("03-12", "en")
    'zero three <break time="200ms"/> one two'
    """
    return _digit_words(s, _language(lang))


def _parse_decimal(text: str) -> int | Decimal:
    plain = text.replace(",", "")
    try:
        value = Decimal(plain)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise ValueError(f"not a number: {text!r}") from exc
    return int(value) if "." not in plain else value


def _is_hebrew_month(word: str) -> bool:
    return word.startswith("ב") and word[1:] in {_month_name(m, "he") for m in range(1, 13)}


def _number_before_noun(value: int | Decimal, lang: str, word: str | None) -> tuple[str, bool]:
    """Speak a number agreeing with the Hebrew word after it; True if the word was used."""
    if word == _SHEKEL_SIGN:
        if lang == "en":
            unit = _EN_SHEKEL[0] if value == 1 else _EN_SHEKEL[1]
            return f"{_say_number(value, lang, 'm')} {unit}", True
        word = _HE_SHEKEL[0] if value == 1 else _HE_SHEKEL[1]
    if lang != "he" or word is None:
        return _say_number(value, lang, "f"), False
    if _is_hebrew_month(word):
        return _say_number(value, lang, "m"), False
    agreement = _HE_NOUNS.get(word)
    if agreement is None:
        return _say_number(value, lang, "f"), False
    gender, plural = agreement
    if value == 1 and not plural:
        # Hebrew puts "one" after its noun: יום אחד, שעה אחת.
        return f"{word} {_words(1, 'he', gender)}", True
    if value == 2 and plural and word != "ימי":
        return f"{_words(2, 'he', gender, construct=True)} {word}", True
    return f"{_say_number(value, lang, gender)} {word}", True


def _percent(value: int | Decimal, lang: str) -> str:
    if lang == "en":
        return f"{_say_number(value, lang, 'f')} {_PERCENT_EN}"
    if value == 1:
        return f"{_HE_PERCENT_ONE} {_words(1, 'he', 'm')}"
    return f"{_say_number(value, lang, 'm')} {_HE_PERCENT_MANY}"


def _ordinal_context(text: str, start: int) -> bool:
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    return before in {_month_name(m, "en") for m in range(1, 13)}


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _speak_token(match: re.Match[str], lang: str, text: str) -> str:
    """Return the escaped spoken form of one matched number-like token."""
    groups = match.groupdict()
    word = _SHEKEL_SIGN if groups["shekel"] else groups["word"]
    noun_used = False
    spoken: str
    if groups["range"] is not None:
        spoken = f" {_RANGE_WORD[lang]} "
    elif groups["iso"] is not None:
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        date = _valid_date(year, month, day)
        spoken = _date_words(date, lang, True) if date else _digit_words(groups["iso"], lang)
    elif groups["date"] is not None:
        day, month, year = (int(p) for p in re.split(r"[./]", groups["date"]))
        year += 2000 if year < 100 else 0
        date = _valid_date(year, month, day)
        spoken = _date_words(date, lang, True) if date else _digit_words(groups["date"], lang)
    elif groups["sdate"] is not None:
        day, month = (int(p) for p in groups["sdate"].split("/"))
        date = _valid_date(2000, month, day)
        spoken = _date_words(date, lang, False) if date else _digit_words(groups["sdate"], lang)
    elif groups["ddate"] is not None:
        day, month = (int(p) for p in groups["ddate"].split("."))
        date = _valid_date(2000, month, day)
        spoken = (
            _date_words(date, lang, False)
            if date
            else _say_number(_parse_decimal(groups["ddate"]), lang, "f")
        )
    elif groups["time"] is not None:
        hour, minute = (int(p) for p in groups["time"].split(":"))
        t = datetime.time(hour, minute)
        spoken = _hebrew_time(t) if lang == "he" else _english_time(t)
    elif groups["code"] is not None:
        spoken = _digit_words(groups["code"], lang)
    elif groups["intl"] is not None:
        spoken = _digit_words(groups["intl"], lang)
    elif groups["phone"] is not None:
        spoken = _digit_words(groups["phone"], lang)
    elif groups["zero"] is not None:
        spoken = _digit_words(groups["zero"], lang)
    elif groups["pct"] is not None:
        value = _parse_decimal(groups["pnum"])
        spoken = _percent(-value if groups["psign"] else value, lang)
    elif groups["ord"] is not None:
        spoken = escape(_words(int(groups["onum"]), lang, to="ordinal"))
    elif groups["num"] is not None:
        value = _parse_decimal(groups["nnum"])
        value = -value if groups["sign"] else value
        if len(groups["nnum"]) > _MAX_NUMBER_DIGITS:
            spoken = _digit_words(groups["nnum"], lang)
        elif lang == "en" and isinstance(value, int) and _ordinal_context(text, match.start()):
            spoken = _words(value, "en", to="ordinal")
        else:
            spoken, noun_used = _number_before_noun(value, lang, word)
    else:
        spoken = _digit_words(groups["digits"], lang)
    prefix = groups["pre"] or ""
    rest = f" {word}" if word is not None and not noun_used else ""
    # _digit_words already escaped its output and may hold <break/> markup.
    return escape(prefix) + spoken + escape(rest)


def _clean(text: str) -> str:
    text = _DROP_RE.sub("", text)
    text = _NON_ASCII_DIGIT_RE.sub(lambda m: str(unicodedata.digit(m.group())), text)
    return _SPACES_RE.sub(" ", text)


def _tidy(text: str) -> str:
    for pattern, replacement in _TIDY_RES:
        text = pattern.sub(replacement, text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def speak_text(text: str, lang: str) -> str:
    """Return free text as an escaped SSML fragment with every number spoken in words.

    Times, dates, percentages, decimals, phone numbers and codes are spelled
    out; URLs and e-mail addresses are dropped; a Hebrew prefix letter joined
    to a number by a hyphen is glued to the spoken word.

    >>> speak_text("נחזור ב-14:30 & נעדכן באתר https://example.com", "he")
    'נחזור בארבע עשרה ושלושים &amp; נעדכן באתר'
    >>> speak_text("Save 10% until 31/12/2026.", "en")
    'Save ten percent until December thirty-first, twenty twenty-six.'
    """
    code = _language(lang)
    cleaned = _tidy(_URL_RE.sub("", _clean(text)))
    out: list[str] = []
    position = 0
    for match in _TOKEN_RE.finditer(cleaned):
        out.append(escape(cleaned[position : match.start()]))
        out.append(_speak_token(match, code, cleaned))
        position = match.end()
    out.append(escape(cleaned[position:]))
    return _SPACES_RE.sub(" ", "".join(out)).strip()


def wrap_ssml(body: str, lang: str, *, dialect: Dialect = "ssml", voice: str | None = None) -> str:
    """Wrap a trusted, already escaped SSML fragment in a complete ``<speak>`` document.

    ``"ssml"`` gives an SSML 1.1 document with an XML declaration; ``"azure"``
    adds ``<voice name=...>`` (a default he-IL or en-US neural voice unless
    ``voice`` is given); ``"google"`` has no XML declaration and no voice,
    since Google chooses the voice in the request. ``voice`` is used only by
    ``"azure"``, so one configured voice can serve every dialect.

    >>> doc = wrap_ssml("שלום", "he", dialect="google")
    >>> doc.startswith('<speak version="1.1"'), 'xml:lang="he-IL">שלום</speak>' in doc
    (True, True)
    """
    code = _language(lang)
    xml_lang = _XML_LANG[code]
    if dialect == "azure":
        name = quoteattr(voice or _DEFAULT_VOICE[code])
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<speak version="1.0" xmlns="{_SSML_NS}" xml:lang="{xml_lang}">'
            f"<voice name={name}>{body}</voice></speak>"
        )
    if dialect not in ("ssml", "google"):
        raise ValueError(f"unknown SSML dialect {dialect!r}")
    speak = f'<speak version="1.1" xmlns="{_SSML_NS}" xml:lang="{xml_lang}">{body}</speak>'
    if dialect == "google":
        return speak
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{speak}'


_BREAK_STRENGTH_S: Final = {
    "none": 0.0,
    "x-weak": 0.1,
    "weak": 0.2,
    "medium": 0.4,
    "strong": 0.7,
    "x-strong": 1.2,
}
_BREAK_TIME_RE: Final = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*")
_SENTENCE_END_RE: Final = re.compile(r"[.?!\u05c3\u061f]+")
_CLAUSE_RE: Final = re.compile(r"[,;:\u060c]+")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _break_seconds(element: ET.Element) -> float:
    match = _BREAK_TIME_RE.fullmatch(element.get("time", ""))
    if match:
        value = float(match.group(1))
        return value / 1000 if match.group(2) == "ms" else value
    return _BREAK_STRENGTH_S.get(element.get("strength", "medium"), _BREAK_STRENGTH_S["medium"])


def _spoken_text(element: ET.Element) -> list[str]:
    if _local(element.tag) == "sub" and element.get("alias") is not None:
        parts = [element.get("alias", "")]
    else:
        parts = [element.text or ""]
        for child in element:
            parts.extend(_spoken_text(child))
    parts.append(element.tail or "")
    return parts


def estimate_seconds(ssml: str, *, words_per_minute: float = 140.0) -> float:
    """Estimate how long an SSML document (or fragment) takes to speak, in seconds.

    Words are whitespace-separated tokens holding a letter, at ``words_per_minute``;
    every ``<break>`` adds its time (or a strength-based guess), every sentence end
    adds :data:`SENTENCE_PAUSE_S`, every comma-like break :data:`CLAUSE_PAUSE_S`
    and every ``<p>`` or ``<s>`` :data:`PARAGRAPH_PAUSE_S`.

    >>> estimate_seconds('<speak>one two three <break time="500ms"/></speak>', words_per_minute=60)
    3.5
    """
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    try:
        root = ET.fromstring(ssml)
    except ET.ParseError:
        try:
            root = ET.fromstring(f"<speak>{ssml}</speak>")
        except ET.ParseError as exc:
            raise ValueError(f"not well-formed SSML: {exc}") from exc
    root.tail = None
    # Element boundaries (<p>, <s>, <break/>) separate words even without spaces.
    text = " ".join(_spoken_text(root))
    words = sum(1 for token in text.split() if any(char.isalpha() for char in token))
    seconds = words * 60.0 / words_per_minute
    seconds += SENTENCE_PAUSE_S * len(_SENTENCE_END_RE.findall(text))
    seconds += CLAUSE_PAUSE_S * len(_CLAUSE_RE.findall(text))
    for element in root.iter():
        name = _local(element.tag)
        if name == "break":
            seconds += _break_seconds(element)
        elif name in ("p", "s"):
            seconds += PARAGRAPH_PAUSE_S
    return round(seconds, 3)
