"""Spoken forms of numbers, times, dates and codes for IVR scripts, as SSML.

Every ``spoken_*`` function and :func:`speak_text` returns an SSML *fragment*:
text that is already XML-escaped and may carry ``<break/>`` and ``<lang>``
elements, ready to paste inside ``<speak>``. :func:`wrap_ssml` turns a fragment
into a complete document and :func:`estimate_seconds` estimates how long a
document takes to say.

Every word spoken here comes from language data, the ``[speech]`` table of
``templates/<lang>/language.toml`` (:class:`SpeechWords`): symbol names, unit
nouns and their gender, parts of the day, abbreviations, the words that mark a
code, what a URL is said as. Only numbers are spelled by num2words and month
names taken from Babel, so a new language is data plus, at most, a number
speller. Every function takes ``lang`` as a language code (the built-in
``language.toml`` of that language) or as a :class:`SpeechWords` (a team's own).

Reading rules (decisions, kept in one place so templates never decide them;
``docs/hebrew.md`` explains them for comms teams):

* **Times** are read on the clock the data names (``clock = 12``) with the part
  of the day from its hour ranges, so 02:00 is never heard as 14:00: Hebrew
  ``02:00`` -> ``שתיים לפנות בוקר``, ``20:00`` -> ``שמונה בערב``; English
  ``14:30`` -> "two thirty p.m.". Minutes with a word of their own in the data
  use it (Hebrew ``09:05`` -> ``תשע וחמש דקות``, ``14:30`` -> ``שתיים וחצי
  בצהריים``; English ``09:05`` -> "nine oh five a.m."); midnight and noon have
  their own words when the data gives them. Seconds are not read.
* **Dates**: the day of the month with its gender (Hebrew masculine, English
  ordinal), the month from Babel, the year only on request.
* **Codes and numbers**: a quantity is a number (``2,500`` -> two thousand five
  hundred); a code is read digit by digit. A code is a number written with a
  star, hash or plus, a phone number with hyphens, a number with a leading
  zero, a number glued to Latin letters (``INC-2040``), a number the config
  names (the organisation's phone), or a whole number of at least
  ``digit_trigger_min`` digits after a trigger word in the same clause, at most
  ``digit_trigger_window`` words back (Hebrew ``למספר``, ``חייגו``; English "to",
  "call"), unless the word before the trigger undoes it (English "up to 500") or
  a counted noun follows the number (``2040 לקוחות``, "500 customers").
* **Abbreviations** (Hebrew ``חו"ל``, ``ש"ח``) are expanded from the data's
  list, with or without a glued prefix letter. A prefix letter hyphenated to a
  number is glued to the spoken word (``ב-27`` -> ``בעשרים ושבעה``).
* **Latin words inside another language** are said from the data's
  transliteration list when listed (``SMS`` -> ``אס אם אס``), otherwise wrapped
  in ``<lang xml:lang="en-US">``; :func:`wrap_ssml` turns that into
  ``<voice xml:lang=...>`` for the plain dialect, which espeak-ng obeys.
* **Addresses**: a URL or e-mail address is never spoken; it becomes the data's
  words for "on our website" (or "by email"), merged with a word before it
  (``באתר https://...`` -> ``באתר שלנו``) or a glued prefix (``ל-www...`` ->
  ``לאתר שלנו``), so the sentence still says where to look.
* Symbols between numbers are words with spaces (``7*7`` -> ``שבע כוכבית
  שבע``); hyphens, dots and spaces between digit groups become a short pause
  (:data:`DIGIT_GROUP_PAUSE_MS`).

English (``en``): words, not ``<say-as>``. espeak-ng ignores ``say-as`` for
times and telephone numbers, vendors differ in what they do with it, and the
length estimate needs the words that will be said.

Documents: ``xml:lang`` and the default Azure voice come from the data. Plain
and Google SSML use ``version="1.1"``; Azure documents ``version="1.0"``, the
only value its documentation lists, with a ``<voice>`` element inside ``<speak>``.
"""

from __future__ import annotations

import datetime
import re
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal

from babel.dates import format_date

__all__ = [
    "CLAUSE_PAUSE_S",
    "DIGIT_GROUP_PAUSE_MS",
    "PARAGRAPH_PAUSE_S",
    "SENTENCE_PAUSE_S",
    "DayPart",
    "Dialect",
    "Gender",
    "Measure",
    "Noun",
    "Place",
    "Pronunciation",
    "SpeechWords",
    "apply_lexicon",
    "estimate_seconds",
    "glue_prefixes",
    "keyword_words",
    "parse_lexicon",
    "replace_addresses",
    "script_keywords",
    "speak_text",
    "speech_words",
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

_SSML_NS: Final = "http://www.w3.org/2001/10/synthesis"


@dataclass(frozen=True, slots=True)
class DayPart:
    """A part of the day said after the hour: hours ``start`` up to (not including) ``end``.

    ``end`` may be smaller than ``start`` for a part that runs past midnight.

    >>> DayPart(22, 1, "בלילה").covers(0), DayPart(22, 1, "בלילה").covers(1)
    (True, False)
    """

    start: int
    end: int
    words: str
    after_tonight: bool = True
    """Said after the day word "tonight" too; False where that word names this part already
    (Hebrew "הלילה בשעה אחת וחצי", never "הלילה בשעה אחת וחצי בלילה"; reading 23 H1)."""
    in_dated_night: bool = True
    """Said inside the language's ``dated_tonight`` too; False where that wording names this
    part already (Arabic "الساعة الواحدة بعد منتصف ليل السبت", never "الواحدة بعد منتصف الليل
    بعد منتصف ليل السبت"; reading 28 AR-4)."""

    def covers(self, hour: int) -> bool:
        """Whether the hour (0-23) falls in this part of the day."""
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end


GrammaticalCase = Literal["nominative", "genitive", "dative", "accusative", "instrumental",
                         "prepositional"]
"""A grammatical case, as num2words' Russian speller names it (Arabic: nominative or not)."""
_CASES: Final = ("nominative", "genitive", "dative", "accusative", "instrumental",
                 "prepositional")


def _case(reader: _Reader, key: str) -> GrammaticalCase:
    value = reader.text(key, "nominative")
    for case in _CASES:
        if value == case:
            return case
    raise ValueError(f"{reader.where}.{key}: expected one of {', '.join(_CASES)}, got {value!r}")


@dataclass(frozen=True, slots=True)
class Noun:
    """A unit noun a number before it agrees with: its gender and whether it is plural.

    ``construct_two``: "2" before it reads the construct form (``שתי שעות``, ``שני ימים``).
    """

    gender: Gender
    plural: bool = False
    construct_two: bool = True
    case: GrammaticalCase = "nominative"
    """The case the noun form is in, which the number before it takes too (Russian
    "минуту" is accusative: "одну минуту", "двадцать одну минуту")."""


@dataclass(frozen=True, slots=True)
class Measure:
    """How a sign after a number is said (``%``, ``₪``): singular, plural, gender."""

    one: str
    other: str
    gender: Gender = "m"


@dataclass(frozen=True, slots=True)
class Genitive:
    """A clock time after a word that governs the genitive (Russian "с восьми утра до восьми
    вечера"): the ``[speech.genitive]`` table. Its word tables replace the plain ones there;
    other minutes are declined."""

    after: frozenset[str] = frozenset()
    hour_words: Mapping[int, str] = field(default_factory=dict)
    full_hour_words: Mapping[int, str] = field(default_factory=dict)
    minute_words: Mapping[int, str] = field(default_factory=dict)
    midnight: str = ""
    noon: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """What an address (URL, e-mail) is said as, so the sentence still says where to look.

    ``after`` maps a word just before the address to what replaces both (``באתר`` ->
    ``באתר שלנו``); ``prefixed`` maps a prefix glued to it (``ל-www...``) to the words.
    """

    default: str
    after: Mapping[str, str] = field(default_factory=dict)
    prefixed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pronunciation:
    """How a word of the lexicon (``[speech.lexicon]``, the organisation's ``pronounce``) is
    said: ``ipa`` in the voice's IPA phones, for the dialects that read ``<phoneme>`` (Azure,
    Google); ``alias`` a respelling the plain dialect's engine (espeak-ng, which ignores
    ``<phoneme>``) says right, in ``<sub alias>``. ``any_case``: the word is found in any
    case, not only as written."""

    ipa: str = ""
    alias: str = ""
    any_case: bool = False


LEXICON_MAX_ENTRIES: Final = 500
"""The most entries one lexicon table may hold."""
LEXICON_MAX_WORD: Final = 64
"""The longest written word (or name of a few words) a lexicon entry may name."""
LEXICON_MAX_SAID: Final = 100
"""The longest ``ipa`` or ``alias`` a lexicon entry may give."""
# A written word: letters, digits inside, single spaces, hyphens and apostrophes between.
_LEXICON_WORD_RE: Final = re.compile(r"[^\W\d_](?:[\w'\u2019-]| (?! ))*(?<=[^\W_])")
_ALIAS_RE: Final = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f'\u2019-]| (?! ))*")
# IPA: letters (ˈ ˌ ː are modifier letters), combining marks, and the syllable dot and tie.
_IPA_EXTRA: Final = frozenset(".\u203f\u0361\u035c")


def _ipa_problem(ipa: str, phones: frozenset[str]) -> str | None:
    """Why ``ipa`` is no IPA the voice can say, or None: a character that is no letter nor mark,
    or (when the language lists its ``ipa_phones``) a piece that is no phone of the list."""
    for char in ipa:
        if not (unicodedata.category(char)[0] in "LM" or char in _IPA_EXTRA):
            return f"{char!r} is not IPA (stress is ˈ and ˌ, length ː, not ' , :)"
    if not phones:
        return None
    longest = max(map(len, phones))
    position = 0
    while position < len(ipa):
        if ipa[position] in "ˈˌ.\u203f":
            position += 1
            continue
        for size in range(min(longest, len(ipa) - position), 0, -1):
            if ipa[position:position + size] in phones:
                position += size
                break
        else:
            return (f"{ipa[position]!r} (at {position + 1}) is not one of the voice's phones "
                    "(ipa_phones in language.toml): the engine would refuse the whole document")
    return None


def parse_lexicon(data: object, where: str,
                  phones: frozenset[str] = frozenset()) -> dict[str, Pronunciation]:
    """A lexicon table (written word -> ``{ipa, alias, any_case}``), each entry checked; a bad
    entry is a ValueError naming ``where`` and the entry.

    >>> parse_lexicon({"Netivim": {"ipa": "nɛtɪˈviːm"}}, "x")["Netivim"].ipa
    'nɛtɪˈviːm'
    >>> parse_lexicon({"Netivim": {"ipa": "neti'vim"}}, "speech.lexicon")
    Traceback (most recent call last):
    ...
    ValueError: speech.lexicon.Netivim.ipa: "'" is not IPA (stress is ˈ and ˌ, length ː, not ' , :)
    """
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a table of words, got {data!r}")
    if len(data) > LEXICON_MAX_ENTRIES:
        raise ValueError(f"{where}: {len(data)} entries, at most {LEXICON_MAX_ENTRIES}")
    found: dict[str, Pronunciation] = {}
    for word, spec in data.items():
        name = f"{where}.{word}"
        if (not isinstance(word, str) or len(word) > LEXICON_MAX_WORD
                or not _LEXICON_WORD_RE.fullmatch(word)):
            raise ValueError(f"{name}: expected a word as written (letters; spaces, hyphens or "
                             f"apostrophes between; at most {LEXICON_MAX_WORD} characters)")
        r = _Reader(spec, name)
        entry = Pronunciation(r.text("ipa", ""), r.text("alias", ""), r.flag("any_case", False))
        r.done()
        if not entry.ipa and not entry.alias:
            raise ValueError(f"{name}: expected ipa, alias or both")
        for key, value in (("ipa", entry.ipa), ("alias", entry.alias)):
            if len(value) > LEXICON_MAX_SAID:
                raise ValueError(f"{name}.{key}: at most {LEXICON_MAX_SAID} characters")
        if entry.alias and not _ALIAS_RE.fullmatch(entry.alias):
            raise ValueError(f"{name}.alias: expected a respelling in letters (spaces, hyphens, "
                             f"apostrophes between), got {entry.alias!r}")
        _check_ipa({word: entry}, phones, where)
        found[word] = entry
    return found


def _check_ipa(entries: Mapping[str, Pronunciation], phones: frozenset[str], where: str) -> None:
    """A ValueError naming ``where`` and the first entry whose IPA the voice cannot say."""
    for word, entry in entries.items():
        problem = _ipa_problem(entry.ipa, phones) if entry.ipa else None
        if problem:
            raise ValueError(f"{where}.{word}.ipa: {problem}")


@dataclass(frozen=True, eq=False)
class SpeechWords:
    """A language's spoken vocabulary: the ``[speech]`` table of its ``language.toml``.

    Compared and hashed by identity, so it can key caches; build one with
    :meth:`from_mapping` or :func:`speech_words`.

    >>> speech_words("he").symbols["*"]
    'כוכבית'
    """

    lang: str
    xml_lang: str
    voice: str
    minus: str
    range: str
    percent: Measure
    website: Place
    email: Place
    latin: str | None = None
    prefix_letters: str = ""
    clock: int = 24
    hour_gender: Gender = "f"
    digit_gender: Gender = "f"
    day_gender: Gender = "m"
    year_gender: Gender = "f"
    time: str = "{hour} {minutes} {part}"
    time_full_hour: str = "{hour} {part}"
    midnight: str = ""
    noon: str = ""
    day_parts: tuple[DayPart, ...] = ()
    minute_words: Mapping[int, str] = field(default_factory=dict)
    hour_words: Mapping[int, str] = field(default_factory=dict)
    """The hour said on the clock where a number will not do (Arabic ordinals "الخامسة")."""
    full_hour_words: Mapping[int, str] = field(default_factory=dict)
    """The hour said on the clock at a full hour, before hour_words (Russian "два часа" in
    "в два часа ночи", but "два" in "в два тридцать ночи")."""
    day_words: Mapping[int, str] = field(default_factory=dict)
    """The day of the month where a number will not do (Russian "двадцать третьего")."""
    date: str = "{day} {month}"
    date_year: str = "{day} {month} {year}"
    ordinal_day: bool = False
    ordinal_after_month: bool = False
    month_dates: bool = False
    """A date written with its month's name ("31 January 2027", "December 20") is said with the
    ``date``/``date_year`` patterns, whichever order it was written in."""
    year_style: Literal["number", "year", "ordinal"] = "number"
    """How a year is said: a cardinal number, num2words' year, or an ordinal (Russian "две
    тысячи двадцать шестого года")."""
    year_case: GrammaticalCase = "nominative"
    """The case the year takes after its word (Arabic genitive after "عام": "عام ألفين وستة
    وعشرين"; Russian genitive "...шестого года")."""
    month_prefix: str = ""
    one_after_noun: bool = False
    symbols: Mapping[str, str] = field(default_factory=dict)
    currency: Mapping[str, Measure] = field(default_factory=dict)
    nouns: Mapping[str, Noun] = field(default_factory=dict)
    digit_triggers: frozenset[str] = frozenset()
    digit_trigger_min: int = 3
    digit_trigger_window: int = 1
    counted: frozenset[str] = frozenset()
    """Words after a number that make it a quantity, not a code, besides the nouns."""
    not_after: frozenset[str] = frozenset()
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    say: Mapping[str, str] = field(default_factory=dict)
    genitive: Genitive | None = None
    """A time after a word that governs the genitive; None: said as anywhere else."""
    codes: frozenset[str] = frozenset()
    """Digits of numbers always read one by one (the organisation's phone), set by the caller."""
    keyword: str = ""
    """How a keyword is said: a word in Latin capitals (two or more, not in ``say``) after one
    of ``keyword_after`` and before a digit trigger and its number in the same clause ("text
    BILL to 2040"), with ``{word}``
    for the word itself, said as a word (``<sub alias="bill">``): English "the word {word}",
    Russian "{word} латинскими буквами" (reading 44 EN-16, RU-4, AR-2). Empty: said as
    written. Speech only; the written script keeps the text as it is."""
    keyword_after: frozenset[str] = frozenset()
    """The words a keyword comes right after ("text", "send", "word", "словом")."""
    keyword_named: frozenset[str] = frozenset()
    """Those of ``keyword_after`` that already name it as a word ("word"): after one of them,
    ``keyword``'s words before ``{word}`` are left out."""
    keyword_through: int = 99
    """The last IVR wording (``short``) that says ``keyword``'s words; from the next, the
    keyword is said alone, as a word (:func:`keyword_words`), for the time they take."""
    ipa_phones: frozenset[str] = frozenset()
    """The phones the language's voices know, for IPA in the lexicon (an engine refuses a whole
    document with a phone it does not know); empty: not checked."""
    lexicon: Mapping[str, Pronunciation] = field(default_factory=dict)
    """Words said otherwise than an engine guesses from their spelling (``[speech.lexicon]``:
    place names; the organisation's ``pronounce`` adds its names): :func:`apply_lexicon`."""
    keyword_script: bool = False
    """Whether the IVR's written script says ``keyword``'s words too, as the SSML does
    (:func:`script_keywords`; Arabic "كلمة BILL بالإنجليزية", reading 46 AR-6): whoever records
    or reads the script must not leave them out."""

    @classmethod
    def from_mapping(cls, lang: str, data: Mapping[str, Any]) -> SpeechWords:
        """Build from the ``[speech]`` table; a bad entry is a ValueError naming its key.

        >>> SpeechWords.from_mapping("en", {"xml_lang": "en-US", "voice": 1})
        Traceback (most recent call last):
        ...
        ValueError: speech.voice: expected text, got 1
        """
        return _parse_words(lang, data)

    def with_lexicon(self, entries: Mapping[str, Pronunciation], where: str) -> SpeechWords:
        """A copy whose lexicon adds ``entries`` (over an entry for the same word), their IPA
        checked against ``ipa_phones``; a ValueError names ``where`` and the entry."""
        _check_ipa(entries, self.ipa_phones, where)
        if len(self.lexicon) + len(entries) > 2 * LEXICON_MAX_ENTRIES:
            raise ValueError(f"{where}: too many entries")
        return replace(self, lexicon={**self.lexicon, **entries})

    def with_codes(self, codes: Iterable[str]) -> SpeechWords:
        """A copy that reads these numbers (the organisation's phone, say) digit by digit."""
        digits = {re.sub(r"\D", "", code) for code in codes}
        return replace(self, codes=frozenset(d for d in digits if d))


# --- reading the [speech] table -------------------------------------------------------------


class _Reader:
    """Typed reads from one table, each error naming the key; unknown keys are refused."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        if not isinstance(data, Mapping):
            raise ValueError(f"{where}: expected a table, got {data!r}")
        self.data = data
        self.where = where
        self.seen: set[str] = set()

    def _get(self, key: str) -> Any:
        self.seen.add(key)
        return self.data.get(key)

    def text(self, key: str, default: str | None = None) -> str:
        value = self._get(key)
        if value is None and default is not None:
            return default
        if not isinstance(value, str):
            raise ValueError(f"{self.where}.{key}: expected text, got {value!r}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise ValueError(f"{self.where}.{key}: expected true or false, got {value!r}")
        return value

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self._get(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{self.where}.{key}: expected a whole number from {low} to "
                             f"{high}, got {value!r}")
        return value

    def gender(self, key: str, default: Gender) -> Gender:
        value = self._get(key)
        if value is None:
            return default
        if value == "f":
            return "f"
        if value == "m":
            return "m"
        raise ValueError(f"{self.where}.{key}: expected \"f\" or \"m\", got {value!r}")

    def words(self, key: str) -> frozenset[str]:
        value = self._get(key)
        if value is None:
            return frozenset()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"{self.where}.{key}: expected a list of words, got {value!r}")
        return frozenset(v.casefold() for v in value)

    def table(self, key: str) -> _Reader:
        value = self._get(key)
        return _Reader({} if value is None else value, f"{self.where}.{key}")

    def texts(self, key: str) -> dict[str, str]:
        sub = self.table(key)
        for name, value in sub.data.items():
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{sub.where}.{name}: expected text, got {value!r}")
        return {str(k): v for k, v in sub.data.items()}

    def numbered(self, key: str, low: int, high: int, what: str) -> dict[int, str]:
        """A table of words by number (``minute_words``: ``{"15": "quarter"}``), each key a
        whole number from ``low`` to ``high``."""
        found: dict[int, str] = {}
        for name, value in self.texts(key).items():
            if not name.isdigit() or not low <= int(name) <= high:
                raise ValueError(f"{self.where}.{key}.{name}: expected {what} from {low} to "
                                 f"{high}")
            found[int(name)] = value
        return found

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise ValueError(f"{self.where}: unknown key {unknown[0]!r}")


def _measure(reader: _Reader) -> Measure:
    measure = Measure(reader.text("one"), reader.text("other"), reader.gender("gender", "m"))
    reader.done()
    return measure


def _place(reader: _Reader) -> Place:
    place = Place(reader.text("default"), reader.texts("after"), reader.texts("prefixed"))
    reader.done()
    return Place(place.default, {k.casefold(): v for k, v in place.after.items()},
                 place.prefixed)


def _parse_words(lang: str, data: Mapping[str, Any]) -> SpeechWords:
    r = _Reader(data, "speech")
    parts: list[DayPart] = []
    raw_parts = r._get("day_parts") or []
    if not isinstance(raw_parts, list):
        raise ValueError(f"speech.day_parts: expected a list of tables, got {raw_parts!r}")
    for i, item in enumerate(raw_parts):
        p = _Reader(item, f"speech.day_parts[{i}]")
        parts.append(DayPart(p.integer("from", 0, 23), p.integer("to", 0, 24), p.text("words"),
                             p.flag("after_tonight", True), p.flag("in_dated_night", True)))
        p.done()
    uncovered = [h for h in range(24) if parts and not any(p.covers(h) for p in parts)]
    if uncovered:
        raise ValueError(f"speech.day_parts: no part of the day covers hour {uncovered[0]}")
    minutes = r.numbered("minute_words", 1, 59, "a minute")
    hours = r.numbered("hour_words", 0, 23, "an hour")
    full_hours = r.numbered("full_hour_words", 0, 23, "an hour")
    days = r.numbered("day_words", 1, 31, "a day")
    nouns: dict[str, Noun] = {}
    noun_table = r.table("nouns")
    for word, spec in noun_table.data.items():
        n = _Reader(spec, f"speech.nouns.{word}")
        nouns[str(word)] = Noun(n.gender("gender", "f"), n.flag("plural", False),
                                n.flag("construct_two", True), _case(n, "case"))
        n.done()
    currency_table = r.table("currency")
    currency = {str(sign): _measure(_Reader(spec, f"speech.currency.{sign}"))
                for sign, spec in currency_table.data.items()}
    year_style = r.text("year_style", "number")
    if year_style not in ("number", "year", "ordinal"):
        raise ValueError("speech.year_style: expected \"number\", \"year\" or \"ordinal\", "
                         f"got {year_style!r}")
    clock = r.integer("clock", 12, 24, 24)
    if clock not in (12, 24):
        raise ValueError(f"speech.clock: expected 12 or 24, got {clock!r}")
    latin = r.text("latin", "") or None
    words = SpeechWords(
        lang=lang,
        xml_lang=r.text("xml_lang"),
        voice=r.text("voice"),
        minus=r.text("minus"),
        range=r.text("range"),
        percent=_measure(r.table("percent")),
        website=_place(r.table("website")),
        email=_place(r.table("email")),
        latin=latin,
        prefix_letters=r.text("prefix_letters", ""),
        clock=clock,
        hour_gender=r.gender("hour_gender", "f"),
        digit_gender=r.gender("digit_gender", "f"),
        day_gender=r.gender("day_gender", "m"),
        year_gender=r.gender("year_gender", "f"),
        time=r.text("time", "{hour} {minutes} {part}"),
        time_full_hour=r.text("time_full_hour", "{hour} {part}"),
        midnight=r.text("midnight", ""),
        noon=r.text("noon", ""),
        day_parts=tuple(parts),
        minute_words=minutes,
        hour_words=hours,
        full_hour_words=full_hours,
        day_words=days,
        date=r.text("date", "{day} {month}"),
        date_year=r.text("date_year", "{day} {month} {year}"),
        ordinal_day=r.flag("ordinal_day", False),
        ordinal_after_month=r.flag("ordinal_after_month", False),
        month_dates=r.flag("month_dates", False),
        year_style="year" if year_style == "year" else
        "ordinal" if year_style == "ordinal" else "number",
        year_case=_case(r, "year_case"),
        month_prefix=r.text("month_prefix", ""),
        one_after_noun=r.flag("one_after_noun", False),
        symbols=r.texts("symbols"),
        currency=currency,
        nouns=nouns,
        digit_triggers=r.words("digit_triggers"),
        digit_trigger_min=r.integer("digit_trigger_min", 1, 20, 3),
        digit_trigger_window=r.integer("digit_trigger_window", 1, 10, 1),
        counted=r.words("counted"),
        not_after=r.words("not_after"),
        abbreviations=r.texts("abbreviations"),
        say=r.texts("say"),
        genitive=_genitive(r),
        keyword=r.text("keyword", ""),
        keyword_after=r.words("keyword_after"),
        keyword_named=r.words("keyword_named"),
        keyword_through=r.integer("keyword_through", 0, 99, 99),
        ipa_phones=_phones(r),
        keyword_script=r.flag("keyword_script", False),
    )
    words = replace(words, lexicon=parse_lexicon(r.table("lexicon").data, "speech.lexicon",
                                                 words.ipa_phones))
    r.done()
    for name, pattern in (("time", words.time), ("time_full_hour", words.time_full_hour),
                          ("date", words.date), ("date_year", words.date_year)):
        try:
            pattern.format(hour="", minutes="", part="", day="", month="", year="")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"speech.{name}: a slot it cannot fill ({exc})") from exc
    if words.keyword and words.keyword.count("{word}") != 1:
        raise ValueError("speech.keyword: expected {word} once")
    if re.search(r"[^\w]", words.prefix_letters):
        raise ValueError("speech.prefix_letters: expected letters only")
    return words


def _phones(r: _Reader) -> frozenset[str]:
    value = r._get("ipa_phones")
    if value is None:
        return frozenset()
    if (not isinstance(value, list) or len(value) > 200
            or not all(isinstance(v, str) and 0 < len(v) <= 4 for v in value)):
        raise ValueError(f"speech.ipa_phones: expected a list of phones, got {value!r}")
    return frozenset(value)


def _genitive(r: _Reader) -> Genitive | None:
    """``[speech.genitive]``: the words after which a time is genitive, and its words."""
    if r._get("genitive") is None:
        return None
    g = r.table("genitive")
    found = Genitive(g.words("after"), g.numbered("hour_words", 0, 23, "an hour"),
                     g.numbered("full_hour_words", 0, 23, "an hour"),
                     g.numbered("minute_words", 1, 59, "a minute"),
                     g.text("midnight", ""), g.text("noon", ""))
    g.done()
    return found


def _builtin_file(code: str) -> Path | None:
    # The built-in templates sit inside the installed package or beside it in a checkout;
    # walking up a few levels keeps this right wherever the module lives in the package.
    here = Path(__file__).resolve().parent
    for folder in (here, *list(here.parents)[:3]):
        candidate = folder / "templates" / code / "language.toml"
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=16)
def speech_words(lang: str) -> SpeechWords:
    """The spoken vocabulary of a built-in language (``he``, ``en``; ``he-IL`` works too).

    >>> speech_words("en-US").xml_lang
    'en-GB'
    """
    code = re.split(r"[-_]", lang.strip(), maxsplit=1)[0].lower()
    path = _builtin_file(code) if re.fullmatch(r"[a-z]{2,3}", code) else None
    if path is None:
        raise ValueError(f"unsupported language {lang!r}: no built-in language.toml for it")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if "speech" not in data:
        raise ValueError(f"unsupported language {lang!r}: {path} has no [speech] table")
    return SpeechWords.from_mapping(code, data["speech"])


def _resolve(lang: str | SpeechWords) -> SpeechWords:
    return lang if isinstance(lang, SpeechWords) else speech_words(lang)


def escape(data: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities: :func:`xml.sax.saxutils.escape`, without
    importing it (it pulls in ``urllib.request`` and ``http.client`` on every cold start)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """An XML attribute value, quoted: as :func:`xml.sax.saxutils.quoteattr`."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        if "'" in data:
            return '"{}"'.format(data.replace('"', "&quot;"))
        return f"'{data}'"
    return f'"{data}"'


# --- numbers --------------------------------------------------------------------------------

_AR_UNITS: Final = {
    # The counted noun's gender -> 0..10 as said before it (3-10 take the other gender's form).
    "m": ("صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة",
          "عشرة"),
    "f": ("صفر", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"),
}
_AR_TEENS: Final = {"m": ("أحد عشر", "اثنا عشر", "عشر"), "f": ("إحدى عشرة", "اثنتا عشرة", "عشرة")}
_AR_TENS: Final = ("", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون",
                   "تسعون")
_AR_HUNDREDS: Final = ("", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة",
                       "ثمانمئة", "تسعمئة")


def _arabic_below_1000(n: int, gender: Gender) -> str:
    """0..999 before a noun of ``gender``, nominative, as Modern Standard Arabic says it."""
    hundreds, rest = divmod(n, 100)
    parts = [_AR_HUNDREDS[hundreds]] if hundreds else []
    units = _AR_UNITS[gender]
    if rest == 0:
        words = "" if parts else units[0]
    elif rest <= 10:
        words = units[rest]
    elif rest < 20:
        eleven, twelve, ten = _AR_TEENS[gender]
        words = eleven if rest == 11 else twelve if rest == 12 else f"{units[rest - 10]} {ten}"
    else:
        tens, one = divmod(rest, 10)
        first = {1: "إحدى" if gender == "f" else "واحد"}.get(one, units[one])
        words = _AR_TENS[tens] if one == 0 else f"{first} و{_AR_TENS[tens]}"
    if words:
        parts.append(words)
    return " و".join(parts)


_AR_OBLIQUE: Final = {"اثنان": "اثنين", "اثنتان": "اثنتين", "اثنا": "اثني", "اثنتا": "اثنتي",
                      "ألفان": "ألفين", "مئتان": "مئتين"}
_AR_OBLIQUE_RE: Final = re.compile(
    r"(?<!\S)(و?)(?:(" + "|".join(_AR_OBLIQUE) + r")|(عشر|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)ون)(?!\S)")


def _arabic_oblique(words: str) -> str:
    """The genitive (and accusative) of a number in words, as written without vowels: the
    duals and the tens end in ين ("ألفين وستة وعشرين" after "عام")."""
    return _AR_OBLIQUE_RE.sub(
        lambda m: m.group(1) + (_AR_OBLIQUE[m.group(2)] if m.group(2) else m.group(3) + "ين"),
        words)


def _arabic_number(n: int, gender: Gender, case: GrammaticalCase = "nominative") -> str | None:
    """An integer below a million in Arabic words with the counted noun's gender, in the
    nominative or (any other ``case``) the oblique; None above.

    >>> _arabic_number(3, "f"), _arabic_number(3, "m"), _arabic_number(21, "f")
    ('ثلاث', 'ثلاثة', 'إحدى وعشرون')
    >>> _arabic_number(2040, "m")
    'ألفان وأربعون'
    >>> _arabic_number(2026, "m", "genitive"), _arabic_number(212, "m", "genitive")
    ('ألفين وستة وعشرين', 'مئتين واثني عشر')
    """
    said = _arabic_nominative(n, gender)
    return said if said is None or case == "nominative" else _arabic_oblique(said)


def _arabic_nominative(n: int, gender: Gender) -> str | None:
    if not 0 <= n < 1_000_000:
        return None
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _arabic_below_1000(rest, gender)
    if thousands == 1:
        head = "ألف"
    elif thousands == 2:
        head = "ألفان"
    elif thousands <= 10:
        head = f"{_AR_UNITS['m'][thousands]} آلاف"
    else:
        # 11..99 thousand take the accusative singular (أحد عشر ألفًا), 100+ the genitive.
        plain = f"{_arabic_below_1000(thousands, 'm')} ألف"
        head = plain + "ًا" if 11 <= thousands % 100 <= 99 else plain
    return head if rest == 0 else f"{head} و{_arabic_below_1000(rest, gender)}"


def _words(n: int | Decimal, w: SpeechWords, gender: Gender = "f",
           case: GrammaticalCase = "nominative", **kwargs: object) -> str:
    if w.lang == "ar" and isinstance(n, int) and not kwargs:
        # num2words' Arabic has no gender and writes "و" apart: crisiscomms spells it.
        said = _arabic_number(n, gender, case)
        if said is not None:
            return said
    if w.lang != "he":
        # Only num2words' Hebrew speller has a construct form ("שתי שעות").
        kwargs.pop("construct", None)
    if w.lang == "ru" and case != "nominative":
        # num2words' Russian speller declines (cardinals and ordinals alike).
        kwargs["case"] = case
        if case == "accusative" and not kwargs.get("to"):
            # The units counted are things: "один час", "две минуты", not the animate
            # accusative num2words assumes ("одного час", "двух минуты").
            kwargs["animate"] = False
    if (w.lang in ("he", "ru") and not kwargs.get("to")) or \
            (w.lang == "ru" and kwargs.get("to") == "ordinal"):
        # num2words' Hebrew and Russian spellers take the gender (Russian ordinals too).
        kwargs["gender"] = gender
    # Imported on first use: num2words loads every language it has (~30 ms of a cold start),
    # and only SSML and spoken estimates need it.
    from num2words import num2words

    result = num2words(n, lang=w.lang, **kwargs)
    assert isinstance(result, str)
    return result


def _say_number(n: int | Decimal, w: SpeechWords, gender: Gender,
                case: GrammaticalCase = "nominative") -> str:
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"cannot speak {n!r}")
        if n == n.to_integral_value():
            n = int(n)
    # num2words drops the sign of a Decimal between -1 and 0, so the sign is
    # spoken here for every number.
    sign = f"{w.minus} " if n < 0 else ""
    magnitude: int | Decimal = -n if n < 0 else n
    try:
        return sign + _words(magnitude, w, gender, case)
    except OverflowError as exc:
        raise ValueError(f"{n} is too large to speak as a number") from exc


def spoken_number(n: int | Decimal, lang: str | SpeechWords, *, gender: Gender = "f",
                  case: GrammaticalCase = "nominative") -> str:
    """Return ``n`` in words as an SSML fragment; Hebrew is feminine unless ``gender="m"``.

    A Decimal reads its fraction digit by digit after the decimal point.

    >>> spoken_number(3, "he"), spoken_number(3, "he", gender="m")
    ('שלוש', 'שלושה')
    >>> spoken_number(Decimal("-2.5"), "en-US")
    'minus two point five'
    """
    if isinstance(n, bool) or not isinstance(n, (int, Decimal)):
        raise TypeError(f"expected int or Decimal, got {type(n).__name__}")
    return escape(_say_number(n, _resolve(lang), gender, case))


def _time_words(t: datetime.time, w: SpeechWords, genitive: bool = False) -> str:
    g = w.genitive if genitive else None
    if g is not None:
        # The genitive's own words where it has them; other minutes declined.
        w = replace(w, hour_words=g.hour_words, full_hour_words=g.full_hour_words,
                    minute_words=g.minute_words, midnight=g.midnight or w.midnight,
                    noon=g.noon or w.noon)
    if t.minute == 0 and t.hour == 0 and w.midnight:
        return w.midnight
    if t.minute == 0 and t.hour == 12 and w.noon:
        return w.noon
    if w.clock == 12:
        said_hour = t.hour % 12 or 12
        # The hour after midnight may have words of its own on a 12-hour clock (``hour_words``
        # 0, Russian "ноль": 00:40 "ноль сорок ночи", not "двенадцать сорок").
        hour = ((w.full_hour_words.get(said_hour) if t.minute == 0 else None)
                or (w.hour_words.get(0) if t.hour == 0 else None)
                or w.hour_words.get(said_hour) or _words(said_hour, w, w.hour_gender))
    elif t.minute == 0 and t.hour in w.full_hour_words:
        hour = w.full_hour_words[t.hour]
    elif t.hour in w.hour_words:
        hour = w.hour_words[t.hour]
    else:
        hour = w.midnight if t.hour == 0 and w.midnight else _words(t.hour, w, w.hour_gender)
    part = next((p.words for p in w.day_parts if p.covers(t.hour)), "")
    if t.minute == 0:
        said = w.time_full_hour.format(hour=hour, part=part, minutes="")
    else:
        minutes = w.minute_words.get(t.minute) or _words(
            t.minute, w, w.hour_gender, "genitive" if g is not None else "nominative")
        said = w.time.format(hour=hour, minutes=minutes, part=part)
    return " ".join(said.split())


def spoken_time(t: datetime.time, lang: str | SpeechWords) -> str:
    """Return a clock time in words with its part of the day, as the language data says it.

    >>> spoken_time(datetime.time(2, 0), "he"), spoken_time(datetime.time(14, 30), "he")
    ('שתיים לפנות בוקר', 'שתיים וחצי בצהריים')
    >>> spoken_time(datetime.time(9, 5), "en")
    'nine oh five a.m.'
    """
    return escape(_time_words(t, _resolve(lang)))


@lru_cache(maxsize=64)
def _month_name(month: int, lang: str) -> str:
    return str(format_date(datetime.date(2000, month, 1), "MMMM", locale=lang))


def _date_words(d: datetime.date, w: SpeechWords, with_year: bool) -> str:
    month = _month_name(d.month, w.lang)
    day = (w.day_words.get(d.day) or
           (_words(d.day, w, to="ordinal") if w.ordinal_day else _words(d.day, w, w.day_gender)))
    if not with_year:
        return w.date.format(day=day, month=month)
    if w.year_style == "year":
        year = _words(d.year, w, to="year")
    elif w.year_style == "ordinal":
        year = _words(d.year, w, w.year_gender, w.year_case, to="ordinal")
    else:
        year = _words(d.year, w, w.year_gender, w.year_case)
    return w.date_year.format(day=day, month=month, year=year)


def spoken_date(d: datetime.date, lang: str | SpeechWords, *, with_year: bool = False) -> str:
    """Return a calendar date in words; the year only when ``with_year`` is true.

    Hebrew reads the day of the month as a masculine number.

    >>> spoken_date(datetime.date(2026, 11, 23), "he")
    'עשרים ושלושה בנובמבר'
    >>> spoken_date(datetime.date(2026, 11, 23), "en", with_year=True)
    'the twenty-third of November twenty twenty-six'
    """
    return escape(_date_words(d, _resolve(lang), with_year))


# Bidi controls and characters XML 1.0 forbids: the first are invisible in
# speech, the second would make the document ill-formed.
_DROP_RE: Final = re.compile(
    "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
    "\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\ue005\ufffe\uffff\ud800-\udfff]"
)
_SPACES_RE: Final = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_NON_ASCII_DIGIT_RE: Final = re.compile(r"(?![0-9])\d")
_GERSH: Final = str.maketrans({"\u05f4": '"', "\u05f3": "'"})


def _digit_words(s: str, w: SpeechWords) -> str:
    pause = f'<break time="{DIGIT_GROUP_PAUSE_MS}ms"/>'
    out: list[str] = []
    pending_pause = False
    for char in _DROP_RE.sub("", s):
        if char.isdigit():
            word = escape(_words(unicodedata.digit(char), w, w.digit_gender))
        elif char in w.symbols:
            word = escape(w.symbols[char])
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


def spoken_digits(s: str, lang: str | SpeechWords) -> str:
    """Read a phone number or code symbol by symbol; separators become short pauses.

    >>> spoken_digits("*2040", "he")
    'כוכבית שתיים אפס ארבע אפס'
    >>> spoken_digits("03-12", "en")
    'zero three <break time="200ms"/> one two'
    """
    return _digit_words(s, _resolve(lang))


def _parse_decimal(text: str) -> int | Decimal:
    plain = text.replace(",", "")
    try:
        value = Decimal(plain)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise ValueError(f"not a number: {text!r}") from exc
    return int(value) if "." not in plain else value


def _is_month(word: str, w: SpeechWords) -> bool:
    prefix = w.month_prefix
    return (word.startswith(prefix) and
            word[len(prefix):] in {_month_name(m, w.lang) for m in range(1, 13)})


def _one_with(noun: str, gender: Gender, w: SpeechWords,
              case: GrammaticalCase = "nominative") -> str:
    one = _words(1, w, gender, case)
    # Hebrew puts "one" after its noun: יום אחד, שעה אחת.
    return f"{noun} {one}" if w.one_after_noun else f"{one} {noun}"


def _measure_words(value: int | Decimal, measure: Measure, w: SpeechWords) -> str:
    if value == 1:
        return _one_with(measure.one, measure.gender, w)
    return f"{_say_number(value, w, measure.gender)} {measure.other}"


def _number_before_noun(value: int | Decimal, w: SpeechWords, sign: str | None,
                        word: str | None) -> tuple[str, bool]:
    """Speak a number agreeing with the sign or word after it; True if that was used."""
    if sign is not None:
        return _measure_words(value, w.currency[sign], w), True
    if word is None:
        return _say_number(value, w, "f"), False
    if w.month_prefix and _is_month(word, w):
        return _say_number(value, w, w.day_gender), False
    noun = w.nouns.get(word)
    if noun is None:
        return _say_number(value, w, "f"), False
    if value == 1 and not noun.plural:
        return _one_with(word, noun.gender, w, noun.case), True
    if value == 2 and noun.plural and noun.construct_two:
        return f"{_words(2, w, noun.gender, construct=True)} {word}", True
    return f"{_say_number(value, w, noun.gender, noun.case)} {word}", True


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- free text ------------------------------------------------------------------------------

_URL_TAIL: Final = (r"[^\s<>\"\u200e\u200f\u202a-\u202e\u2066-\u2069]*"
                    r"[^\s<>\".,;:!?)\]}'»\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ADDRESS: Final = (
    r"(?P<addr>"
    rf"(?:https?|ftp)://{_URL_TAIL}"
    rf"|www\.{_URL_TAIL}"
    r"|(?P<mail>[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    r"|(?<![A-Za-z0-9_@.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    rf"\.(?:com|net|org|info|io|app|il|co\.il|org\.il|gov\.il|ac\.il)(?:/{_URL_TAIL})?"
    r")(?![A-Za-z0-9_/])"
)
_NUM: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Longer digit runs are identifiers, not amounts anyone says as one number.
_MAX_NUMBER_DIGITS: Final = 15
_TIDY_RES: Final = (
    (re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}"), ""),
    (re.compile(r"[ ]+([.,;:!?)\]}])"), r"\1"),
    (re.compile(r"([(\[{])[ ]+"), r"\1"),
    (re.compile(r"[ ]{2,}"), " "),
)
_LATIN_WORD: Final = r"[A-Za-z][A-Za-z0-9]*(?:['\u2019&.+-][A-Za-z0-9]+)*"


def _prefix(letters: str, name: str = "pre", hyphen: str = "") -> str:
    if not letters:
        return ""
    return rf"(?:(?<![\w])(?P<{name}>[{re.escape(letters)}]{{1,3}})[-\u05be]{hyphen})?"


@lru_cache(maxsize=16)
def _address_re(letters: str) -> re.Pattern[str]:
    # Hebrew often glues a prefix to an address without a hyphen (בwww..., לstatus.x.co.il).
    return re.compile(_prefix(letters, hyphen="?") + _ADDRESS, re.IGNORECASE)


@lru_cache(maxsize=16)
def _token_re(letters: str, signs: str) -> re.Pattern[str]:
    sign = f"[ ]?(?P<sign>[{re.escape(signs)}])|" if signs else ""
    return re.compile(
        _prefix(letters)
        + r"(?:"
        + r"(?P<range>(?<=\d)[ ]?[-\u2013\u2014][ ]?(?=\d))"
        + r"|(?P<ident>(?<![\w])(?P<letters>[A-Za-z]{1,10})[-#]?(?P<idnum>\d+)(?![\w]))"
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
        + rf"|(?P<num>(?P<nsign>(?<![\w.,])-)?(?P<nnum>{_NUM})(?![\d]))"
        + r"|(?P<digits>\d+)"
        + r")"
        + rf"(?P<noun>{sign}[ ](?P<word>[^\W\d_A-Za-z]+)(?![-\u05be\w]))?"
    )


@lru_cache(maxsize=16)
def _abbreviation_re(letters: str, keys: tuple[str, ...]) -> re.Pattern[str] | None:
    if not keys:
        return None
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    pre = rf"(?P<pre>[{re.escape(letters)}]{{0,3}})" if letters else "(?P<pre>)"
    return re.compile(rf"(?<![\w\"'])(?:{pre}(?P<abbr>{alternatives}))(?![\w\"'])")


@lru_cache(maxsize=16)
def _latin_re(letters: str) -> re.Pattern[str]:
    return re.compile(_prefix(letters) + rf"(?<![\w])(?P<run>{_LATIN_WORD}(?:[ ]{_LATIN_WORD})*)")


def _with_case(model: str, phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] if model[:1].isupper() else phrase


_BIDI_OPEN_RE: Final = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2068]+$")
_BIDI_CLOSE_RE: Final = re.compile(" ?[\u200e\u200f\u202c\u2069]+")


def _lead(before: str, place: Place) -> re.Match[str] | None:
    """The words just before an address: the longest run (up to three words) that ``after``
    names (``by email at`` -> ``by email``), else the one word."""
    for words in (3, 2):
        lead = re.search(rf"((?:\S+[ ]+){{{words - 1}}}\S+)[ ]*:?[ ]*$", before)
        if lead is not None and lead.group(1).rstrip(":").casefold() in place.after:
            return lead
    return re.search(r"(\S+)[ ]*:?[ ]*$", before)


def _replace_addresses(text: str, w: SpeechWords) -> str:
    pattern = _address_re(w.prefix_letters)
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        place = w.email if match.group("mail") else w.website
        before = text[position:match.start()]
        end = match.end()
        # An address inserted into right-to-left text comes inside a bidi isolate or marks:
        # the words replace those too, and the word before is read past them.
        # When the address is the whole protected value, its controls go with it; when more
        # of the value follows it ("https://… *2040"), the isolate stays open around the words.
        keep = ""
        opener = _BIDI_OPEN_RE.search(before)
        if opener is not None:
            closer = _BIDI_CLOSE_RE.match(text, end)
            if closer is not None:
                end = closer.end()
            else:
                keep = before[opener.start():]
            before = before[:opener.start()]
        prefix = match.group("pre") if w.prefix_letters else None
        lead = _lead(before, place)
        lead_word = lead.group(1).rstrip(":") if lead else ""
        if not prefix and lead is not None and lead_word.casefold() in place.after:
            phrase = _with_case(lead_word, place.after[lead_word.casefold()])
            out.append(before[:lead.start()] + keep + phrase)
        elif prefix:
            if prefix in place.prefixed:
                phrase = place.prefixed[prefix]
            elif prefix[-1] in place.prefixed:
                phrase = prefix[:-1] + place.prefixed[prefix[-1]]
            else:
                phrase = prefix + place.default
            out.append(before + keep + phrase)
        else:
            opens = (not "".join([*out, before]).strip()
                     or before.rstrip().endswith((".", "!", "?")))
            out.append(before + keep + _with_case("X" if opens else "x", place.default))
        position = end
    out.append(text[position:])
    return "".join(out)


def replace_addresses(text: str, lang: str | SpeechWords) -> str:
    """Replace every URL and e-mail address in plain text with the words for where it points.

    For text that is read aloud (the IVR script): a caller cannot click a link, and a
    sentence that loses it must still say where to look. Returns plain text, not SSML.

    >>> replace_addresses("הפרטים באתר https://x.co.il/a. תודה", "he")
    'הפרטים באתר שלנו. תודה'
    >>> replace_addresses("Details: https://x.co.il", "en")
    'Details: on our website'
    """
    return _replace_addresses(text, _resolve(lang))


def _clean(text: str) -> str:
    text = _DROP_RE.sub("", text)
    text = _NON_ASCII_DIGIT_RE.sub(lambda m: str(unicodedata.digit(m.group())), text)
    return _SPACES_RE.sub(" ", text)


def _tidy(text: str) -> str:
    for pattern, replacement in _TIDY_RES:
        text = pattern.sub(replacement, text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _expand_abbreviations(text: str, w: SpeechWords) -> str:
    if not w.abbreviations:
        return text
    pattern = _abbreviation_re(w.prefix_letters, tuple(w.abbreviations))
    assert pattern is not None
    return pattern.sub(lambda m: m.group("pre") + w.abbreviations[m.group("abbr")],
                       text.translate(_GERSH))


def _latin_run(run: str, w: SpeechWords) -> list[tuple[bool, str]]:
    """Split a run of Latin words into (said from the list?, text) pieces."""
    pieces: list[tuple[bool, str]] = []
    for word in run.split(" "):
        said = w.say.get(word) or w.say.get(word.casefold()) or w.say.get(word.upper())
        if said is not None:
            pieces.append((True, said))
        elif pieces and not pieces[-1][0]:
            pieces[-1] = (False, f"{pieces[-1][1]} {word}")
        else:
            pieces.append((False, word))
    return pieces


def _plain(segment: str, w: SpeechWords) -> str:
    """Escape a stretch of text between numbers; Latin words said from the list or switched."""
    out: list[str] = []
    position = 0
    if w.latin or w.say:
        for match in _latin_re(w.prefix_letters).finditer(segment):
            out.append(_symbols(segment[position:match.start()], w))
            prefix = (match.group("pre") or "") if w.prefix_letters else ""
            pieces = _latin_run(match.group("run"), w)
            if prefix and not pieces[0][0]:
                out.append(escape(prefix) + "-")
                prefix = ""
            said: list[str] = []
            for listed, text in pieces:
                if listed:
                    said.append(escape(text))
                elif w.latin:
                    said.append(f'<lang xml:lang="{escape(w.latin)}">{escape(text)}</lang>')
                else:
                    said.append(escape(text))
            out.append(escape(prefix) + " ".join(said))
            position = match.end()
    out.append(_symbols(segment[position:], w))
    return "".join(out)


def _symbols(segment: str, w: SpeechWords) -> str:
    """Escape text; a symbol standing alone between spaces or numbers is said by name."""
    if not w.symbols:
        return escape(segment)
    names = "".join(re.escape(s) for s in w.symbols)
    return re.sub(rf"(?:(?<=\s)|^)([{names}])(?=\s|$)",
                  lambda m: w.symbols[m.group(1)], escape(segment))


# A clause ends at punctuation; a dot before a number ("no. 2040") does not end it.
_CLAUSE_END_RE: Final = re.compile(r"[,;!?()\[\]{}\n\u05c3]|\.(?![ ]?\d)")
_WORD_RE: Final = re.compile(r"[^\W\d_][\w\"'\u05f3\u05f4.-]*")


def _triggered(text: str, end: int, w: SpeechWords) -> bool:
    """Whether a trigger word stands in the same clause within ``digit_trigger_window``
    words before ``end``, and the word before that trigger does not undo it ("up to")."""
    # Searched in the whole text: whether a dot ends the clause depends on what follows it.
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(text) if m.start() < end]
    clause = text[ends[-1] if ends else 0:end]
    words = [word.casefold().rstrip(".") for word in _WORD_RE.findall(clause)]
    for back in range(1, min(w.digit_trigger_window, len(words)) + 1):
        index = len(words) - back
        trigger = words[index]
        if trigger in w.digit_triggers or trigger + "." in w.digit_triggers:
            return index == 0 or words[index - 1] not in w.not_after
    return False


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[ ]?([^\W\d_]+)", text[end:])
    return match.group(1).casefold() if match else ""


def _is_code(number: str, text: str, start: int, end: int, w: SpeechWords) -> bool:
    """Whether a plain whole number is a code (read digit by digit) in this context.

    A number the config names is always a code; otherwise a whole number of at least
    ``digit_trigger_min`` digits is one after a trigger word (:func:`_triggered`), unless
    a counted noun from the data follows it ("למספר 2,040 לקוחות" stays a quantity).
    """
    if not number.isdigit():
        return False
    if number in w.codes:
        return True
    if len(number) < w.digit_trigger_min:
        return False
    following = _next_word(text, end)
    if following in w.nouns or following in w.counted:
        return False
    return _triggered(text, start, w)


def _genitive_before(text: str, start: int, w: SpeechWords) -> bool:
    """Whether the word just before ``start`` (or a range's dash after a time, said as
    ``range``) governs the genitive (``[speech.genitive] after``)."""
    if w.genitive is None:
        return False
    before = text[:start].rstrip()
    if re.search(r"\d[ ]?[-\u2013\u2014][ ]?$", text[:start]):
        return w.range.casefold() in w.genitive.after
    word = re.search(r"([^\W\d_]+)$", before)
    return word is not None and word.group(1).casefold() in w.genitive.after


def _speak_token(match: re.Match[str], w: SpeechWords, text: str) -> str:
    """Return the escaped spoken form of one matched number-like token."""
    groups = match.groupdict()
    sign = groups.get("sign")
    word = groups["word"]
    noun_used = False
    spoken: str
    if groups["range"] is not None:
        spoken = escape(f" {w.range} ")
    elif groups["ident"] is not None:
        spoken = (_plain(groups["letters"], w) + " " + _digit_words(groups["idnum"], w))
    elif groups["iso"] is not None:
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        date = _valid_date(year, month, day)
        spoken = (escape(_date_words(date, w, True)) if date
                  else _digit_words(groups["iso"], w))
    elif groups["date"] is not None:
        day, month, year = (int(p) for p in re.split(r"[./]", groups["date"]))
        year += 2000 if year < 100 else 0
        date = _valid_date(year, month, day)
        spoken = (escape(_date_words(date, w, True)) if date
                  else _digit_words(groups["date"], w))
    elif groups["sdate"] is not None:
        day, month = (int(p) for p in groups["sdate"].split("/"))
        date = _valid_date(2000, month, day)
        spoken = (escape(_date_words(date, w, False)) if date
                  else _digit_words(groups["sdate"], w))
    elif groups["ddate"] is not None:
        day, month = (int(p) for p in groups["ddate"].split("."))
        date = _valid_date(2000, month, day)
        spoken = escape(_date_words(date, w, False) if date
                        else _say_number(_parse_decimal(groups["ddate"]), w, "f"))
    elif groups["time"] is not None:
        hour, minute = (int(p) for p in groups["time"].split(":"))
        spoken = escape(_time_words(datetime.time(hour, minute), w,
                                    _genitive_before(text, match.start(), w)))
    elif groups["code"] is not None:
        spoken = _digit_words(groups["code"], w)
    elif groups["intl"] is not None:
        spoken = _digit_words(groups["intl"], w)
    elif groups["phone"] is not None:
        spoken = _digit_words(groups["phone"], w)
    elif groups["zero"] is not None:
        spoken = _digit_words(groups["zero"], w)
    elif groups["pct"] is not None:
        value = _parse_decimal(groups["pnum"])
        spoken = escape(_measure_words(-value if groups["psign"] else value, w.percent, w))
    elif groups["ord"] is not None:
        spoken = escape(_words(int(groups["onum"]), w, to="ordinal"))
    elif groups["num"] is not None:
        value = _parse_decimal(groups["nnum"])
        value = -value if groups["nsign"] else value
        if len(groups["nnum"]) > _MAX_NUMBER_DIGITS or (
                not groups["nsign"]
                and _is_code(groups["nnum"], text, match.start(), match.end("nnum"), w)):
            spoken = _digit_words(groups["nnum"], w)
        elif (w.ordinal_after_month and isinstance(value, int)
              and _ordinal_context(text, match.start(), w)):
            # A day after its month is an ordinal ("May 5th"); a year is a year ("May 2027").
            spoken = escape(_words(value, w, to="ordinal") if value <= 31 else
                            _words(value, w, to="year") if w.year_style == "year"
                            and 1000 <= value <= 2999 else _say_number(value, w, "f"))
        else:
            said, noun_used = _number_before_noun(value, w, sign, word)
            spoken = escape(said)
    else:
        spoken = _digit_words(groups["digits"], w)
    prefix = (groups.get("pre") or "") if w.prefix_letters else ""
    rest = ""
    if not noun_used:
        if sign is not None:
            rest = " " + _plain(sign, w)
        elif word is not None:
            rest = " " + _plain(word, w)
    # Symbols glued to numbers (7*7) are said as separate words.
    start, end = match.start(), match.end()
    if rest == "" and spoken.endswith(".") and text.startswith(".", end):
        spoken = spoken[:-1]  # "five p.m." before a full stop keeps one dot
    lead = " " if not prefix and start > 0 and not text[start - 1].isspace() else ""
    trail = " " if end < len(text) and text[end].isalnum() else ""
    return lead + escape(prefix) + spoken + rest + trail


def _ordinal_context(text: str, start: int, w: SpeechWords) -> bool:
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    return before in {_month_name(m, w.lang) for m in range(1, 13)}


@lru_cache(maxsize=16)
def _month_date_re(lang: str, year_word: str = "") -> re.Pattern[str]:
    months = "|".join(re.escape(_month_name(m, lang)) for m in range(1, 13))
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    # A word the spoken year already ends with (ru "года"), typed after the year in full or
    # as its first letter and a dot ("2027 г."), belongs to the date: said once.
    tail = (rf"(?P<{{t}}> (?:{re.escape(year_word)}|{re.escape(year_word[0])}\.))?"
            if year_word else "")
    year = r"(?:,? (?P<{y}>\d{{4}})" + tail + ")?"
    return re.compile(
        rf"(?<![\w/.])(?:(?P<d1>{day}) (?P<m1>{months}){year.format(y='y1', t='t1')}"
        rf"|(?P<m2>{months}) (?P<d2>{day}){year.format(y='y2', t='t2')})(?![\w/])")


def _month_dates(text: str, w: SpeechWords) -> str:
    """Dates written with the month's name, in words (``SpeechWords.month_dates``)."""
    if not w.month_dates:
        return text
    months = [_month_name(m, w.lang) for m in range(1, 13)]
    year_word = w.date_year.rsplit("{year}", 1)[-1].strip() if "{year}" in w.date_year else ""

    def said(match: re.Match[str]) -> str:
        month = months.index(match["m1"] or match["m2"]) + 1
        day = int(re.sub(r"\D", "", match["d1"] or match["d2"]))
        year = match["y1"] or match["y2"]
        date = _valid_date(int(year) if year else 2000, month, day)
        if date is None:
            return match.group()
        words = _date_words(date, w, with_year=year is not None)
        tail = (match.groupdict().get("t1") or match.groupdict().get("t2") or "")
        rest = text[match.end():]
        if tail.endswith(".") and (not rest.strip() or (re.match(r"\s+[^\W\d_]", rest)
                                    and rest.lstrip()[0].isupper())):
            words += "."  # the abbreviation's dot also ended the sentence
        return words

    return _month_date_re(w.lang, year_word).sub(said, text)


# A keyword (SpeechWords.keyword) is marked in the cleaned text by these private-use
# characters, one on each side: said with the pattern's words before it, or without them.
_KEYWORD_MARKS: Final = ("\ue000", "\ue002", "\ue001")
_KEYWORD_RE: Final = re.compile(r"(?<![\w'\"&.+-])[A-Z]{2,}(?![\w'\"&.+-])")
_KEYWORD_SAID_RE: Final = re.compile("([\ue000\ue002])(.*?)\ue001")
# The words ``keyword`` adds around a keyword, in a fragment from speak_text(marked=True).
_KEYWORD_WORDS_RE: Final = re.compile("\ue004([^\ue005]*)\ue005")


def _mark_keywords(text: str, w: SpeechWords) -> str:
    """Mark each keyword (``SpeechWords.keyword``): a word in Latin capitals, not in ``say``
    nor an abbreviation, right after one of ``keyword_after`` and followed in its clause by a
    digit trigger and a number."""
    if not w.keyword or not w.digit_triggers:
        return text
    out: list[str] = []
    position = 0
    for match in _KEYWORD_RE.finditer(text):
        word = match.group()
        before = re.search(r"([^\W\d_]+)[ ]*$", text[:match.start()])
        if (any(k in w.say for k in (word, word.casefold())) or word in w.abbreviations
                or before is None or before.group(1).casefold() not in w.keyword_after):
            continue
        ends = _CLAUSE_END_RE.search(text, match.end())
        clause = text[match.end():ends.start() if ends else len(text)]
        if not any(found.group(1).casefold() in w.digit_triggers
                   for found in re.finditer(r"(?<![\w])([^\W\d_][\w'.]*)[ ]+\d", clause)):
            continue
        named = before.group(1).casefold() in w.keyword_named
        out.append(text[position:match.start()] + _KEYWORD_MARKS[1 if named else 0] + word
                   + _KEYWORD_MARKS[2])
        position = match.end()
    return "".join(out) + text[position:]


def _say_keywords(fragment: str, w: SpeechWords) -> str:
    """The marked keywords of a spoken fragment, said from ``SpeechWords.keyword``."""
    lead, _, tail = w.keyword.partition("{word}")

    def said(match: re.Match[str]) -> str:
        inner = match.group(2)
        word = re.sub(r"<[^>]*>", "", inner)
        alias = f'<sub alias={quoteattr(word.casefold())}>{word}</sub>'
        inner = re.sub(rf"(?<![\w=\"]){re.escape(word)}(?![\w\"])", lambda _: alias, inner,
                       count=1)
        before = escape(lead) if match.group(1) == _KEYWORD_MARKS[0] else ""
        return ((f"\ue004{before}\ue005" if before else "") + inner
                + (f"\ue004{escape(tail)}\ue005" if tail else ""))

    return _KEYWORD_SAID_RE.sub(said, fragment)


def script_keywords(text: str, lang: str | SpeechWords, keep: bool) -> str:
    """Plain text (the IVR's written script) with each keyword said as the SSML says it, where
    the language writes it so (``SpeechWords.keyword_script``) and the wording keeps the
    keyword's words (``keep``); else the text as it is.

    >>> from dataclasses import replace
    >>> w = replace(_resolve("ar"), keyword_script=True)
    >>> script_keywords("أرسلوا كلمة BILL إلى الرقم 2040.", w, True)
    'أرسلوا كلمة BILL بالإنجليزية إلى الرقم 2040.'
    >>> script_keywords("أرسلوا كلمة BILL إلى الرقم 2040.", w, False)
    'أرسلوا كلمة BILL إلى الرقم 2040.'
    """
    w = _resolve(lang)
    if not (keep and w.keyword_script and w.keyword):
        return text
    lead, _, tail = w.keyword.partition("{word}")
    marked = _mark_keywords(text, w)
    return _KEYWORD_SAID_RE.sub(
        lambda m: (lead if m.group(1) == _KEYWORD_MARKS[0] else "") + m.group(2) + tail, marked)


def keyword_words(fragment: str, keep: bool) -> str:
    """A fragment from ``speak_text(..., marked=True)`` with the words ``keyword`` adds around
    each keyword kept (``keep``) or left out, the keyword still said as a word.

    >>> said = speak_text("text PAY to 2040", "en", marked=True)
    >>> keyword_words(said, True)
    'text the word <sub alias="pay">PAY</sub> to two zero four zero'
    >>> keyword_words(said, False)
    'text <sub alias="pay">PAY</sub> to two zero four zero'
    """
    return _KEYWORD_WORDS_RE.sub(lambda m: m.group(1) if keep else "", fragment)


def speak_text(text: str, lang: str | SpeechWords, *, marked: bool = False) -> str:
    """Return free text as an escaped SSML fragment with every number spoken in words.

    Times, dates, percentages, decimals, phone numbers and codes are spelled
    out; abbreviations expanded; an address becomes the words for where it
    points; a prefix letter joined to a number by a hyphen is glued to the word. A short-code
    keyword is said from ``SpeechWords.keyword``; ``marked`` keeps the words that adds marked,
    for :func:`keyword_words` to keep or leave out once the wording is known.

    >>> speak_text("נחזור ב-02:00 & נעדכן באתר https://example.com", "he")
    'נחזור בשתיים לפנות בוקר &amp; נעדכן באתר שלנו'
    >>> speak_text("Save 10% until 31/12/2026.", "en")
    'Save ten percent until the thirty-first of December twenty twenty-six.'
    """
    w = _resolve(lang)
    cleaned = _mark_keywords(_month_dates(
        _tidy(_expand_abbreviations(_replace_addresses(_clean(text), w), w)), w), w)
    out: list[str] = []
    position = 0
    for match in _token_re(w.prefix_letters, "".join(w.currency)).finditer(cleaned):
        out.append(_plain(cleaned[position : match.start()], w))
        out.append(_speak_token(match, w, cleaned))
        position = match.end()
    out.append(_plain(cleaned[position:], w))
    said = _say_keywords("".join(out), w)
    return _SPACES_RE.sub(" ", said if marked else keyword_words(said, True)).strip()


def glue_prefixes(fragment: str, lang: str | SpeechWords) -> str:
    """Drop the hyphen between a prefix letter and a word once a number is said in words.

    Written Hebrew hyphenates a prefix before a digit (``ב-27``); spoken, ``ב-עשרים`` would
    make an engine say the letter alone, so the prefix is glued: ``בעשרים``.

    >>> glue_prefixes("ב-עשרים ושבעה בנובמבר, ו-SMS", "he")
    'בעשרים ושבעה בנובמבר, ו-SMS'
    """
    w = _resolve(lang)
    if not w.prefix_letters:
        return fragment
    letters = re.escape(w.prefix_letters)
    return re.sub(rf"(?<![\w])([{letters}]{{1,3}})[-\u05be](?=[^\W\d_A-Za-z])", r"\1", fragment)


# An abbreviation's dot that a template's full stop follows ("a.m." + ".") is written once.
_DOUBLE_DOT_RE: Final = re.compile(r"((?<![^\W\d_])[^\W\d_]\.[^\W\d_]\.)\.(?!\.)")
_LANG_OPEN_RE: Final = re.compile(r"<lang(?=[\s>/])")
_LANG_CLOSE_RE: Final = re.compile(r"</lang\s*>")


# Elements whose words are said already as something else, or in another language: the
# lexicon leaves what is inside them alone.
_LEXICON_SHUT: Final = frozenset({"sub", "phoneme", "say-as", "lang", "voice", "audio"})
_TAG_RE: Final = re.compile(r"(<[^>]*>)")
_TAG_NAME_RE: Final = re.compile(r"<(/?)([\w:-]+)[^>]*?(/?)>")


@lru_cache(maxsize=64)
def _lexicon_re(w: SpeechWords) -> re.Pattern[str] | None:
    """The lexicon's words, longest first, each whole: not inside a longer word, an address
    (``netivim.example``, ``@Netivim``) or a hyphenated name; a possessive after it is fine."""
    if not w.lexicon:
        return None
    words = sorted(w.lexicon, key=len, reverse=True)
    alternatives = "|".join(
        f"(?i:{re.escape(word)})" if w.lexicon[word].any_case else re.escape(word)
        for word in words)
    return re.compile(rf"(?<![\w@/.:-])(?P<word>{alternatives})(?![\w@/-]|[.:][^\W_])"
                      r"(?P<s>['\u2019]s(?!\w))?")


def _possessive_ipa(ipa: str, phones: frozenset[str]) -> str:
    """The sound of an English possessive "'s" after ``ipa``: ɪz after a sibilant, s after
    another voiceless sound, else z; empty when the voice's phones lack it (left outside the
    element then, for the engine to say).

    >>> en = speech_words("en").ipa_phones
    >>> _possessive_ipa("nɛtɪˈviːm", en), _possessive_ipa("ʃɒp", en), _possessive_ipa("tʃɜːtʃ", en)
    ('z', 's', 'ɪz')
    """
    said = "ɪz" if ipa.endswith(("s", "z", "ʃ", "ʒ")) else \
        "s" if ipa.endswith(("p", "t", "k", "f", "θ")) else "z"
    return said if all(phone in phones for phone in said) else ""


def _lexicon_entry(w: SpeechWords, written: str) -> Pronunciation | None:
    found = w.lexicon.get(written)
    if found is not None:
        return found
    folded = written.casefold()
    return next((entry for word, entry in w.lexicon.items()
                 if entry.any_case and word.casefold() == folded), None)


def apply_lexicon(body: str, lang: str | SpeechWords, dialect: Dialect = "ssml") -> str:
    """Say the lexicon's words (:attr:`SpeechWords.lexicon`) in an escaped SSML fragment as
    the data says them: ``<phoneme alphabet="ipa">`` for Azure and Google, ``<sub alias>``
    (the respelling) for the plain dialect, whose engine (espeak-ng) ignores ``<phoneme>``; an
    entry without the form a dialect takes is said from the other where it can (an alias
    anywhere), else left as written. Whole words only, matched as written unless the entry
    says ``any_case``; never inside an element that says its words already (``<sub>``,
    ``<phoneme>``, ``<say-as>``) or in another language (``<lang>``, ``<voice>``), nor in an
    address.

    >>> from dataclasses import replace
    >>> w = replace(speech_words("en"), lexicon={"Netivim": Pronunciation("nɛtɪˈviːm", "nett")})
    >>> apply_lexicon("This is Netivim, not netivim.example.", w, "azure")
    'This is <phoneme alphabet="ipa" ph="nɛtɪˈviːm">Netivim</phoneme>, not netivim.example.'
    >>> apply_lexicon('<lang xml:lang="en-US">Netivim</lang> Netivim', w)
    '<lang xml:lang="en-US">Netivim</lang> <sub alias="nett">Netivim</sub>'
    """
    w = _resolve(lang)
    pattern = _lexicon_re(w)
    if pattern is None:
        return body

    def said(match: re.Match[str]) -> str:
        written, possessive = match.group("word"), match.group("s") or ""
        entry = _lexicon_entry(w, written)
        if entry is None:
            return match.group()
        if entry.ipa and dialect != "ssml":
            tail = _possessive_ipa(entry.ipa, w.ipa_phones) if possessive else ""
            ipa = entry.ipa + tail
            if tail:  # the possessive inside, in the voice's phones ("Netivim's": ...ˈviːmz)
                written, possessive = written + possessive, ""
            return (f'<phoneme alphabet="ipa" ph={quoteattr(ipa)}>{written}</phoneme>'
                    + possessive)
        if entry.alias:
            # The possessive inside: said after the alias, not as a letter of its own.
            return (f"<sub alias={quoteattr(entry.alias + possessive)}>{written}{possessive}"
                    "</sub>")
        return match.group()

    out: list[str] = []
    shut = 0
    for piece in _TAG_RE.split(body):
        tag = _TAG_NAME_RE.fullmatch(piece) if piece.startswith("<") else None
        if tag is not None:
            closing, name, empty = tag.groups()
            if name.rsplit(":", 1)[-1] in _LEXICON_SHUT and not empty:
                shut = max(0, shut - 1) if closing else shut + 1
            out.append(piece)
        elif piece.startswith("<") or shut:
            out.append(piece)
        else:
            out.append(pattern.sub(said, piece))
    return "".join(out)


def wrap_ssml(body: str, lang: str | SpeechWords, *, dialect: Dialect = "ssml",
              voice: str | None = None) -> str:
    """Wrap a trusted, already escaped SSML fragment in a complete ``<speak>`` document.

    ``"ssml"`` gives an SSML 1.1 document with an XML declaration, where a ``<lang>``
    element becomes ``<voice xml:lang=...>`` (espeak-ng ignores ``<lang>`` but switches
    language on ``<voice>``); ``"azure"`` adds ``<voice name=...>`` (the language's
    default neural voice unless ``voice`` is given) and keeps ``<lang>``, as Azure
    allows no nested voice; ``"google"`` has no XML declaration and no voice, since
    Google chooses the voice in the request. ``voice`` is used only by ``"azure"``.
    An abbreviation's final dot before a template's full stop is kept once (``a.m.``). The
    language's lexicon is applied for the dialect (:func:`apply_lexicon`).

    >>> doc = wrap_ssml("שלום", "he", dialect="google")
    >>> doc.startswith('<speak version="1.1"'), 'xml:lang="he-IL">שלום</speak>' in doc
    (True, True)
    """
    w = _resolve(lang)
    body = apply_lexicon(_DOUBLE_DOT_RE.sub(r"\1", body), w, dialect)
    xml_lang = quoteattr(w.xml_lang)
    if dialect == "azure":
        name = quoteattr(voice or w.voice)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<speak version="1.0" xmlns="{_SSML_NS}" xml:lang={xml_lang}>'
            f"<voice name={name}>{body}</voice></speak>"
        )
    if dialect not in ("ssml", "google"):
        raise ValueError(f"unknown SSML dialect {dialect!r}")
    if dialect == "ssml":
        body = _LANG_CLOSE_RE.sub("</voice>", _LANG_OPEN_RE.sub("<voice", body))
    speak = f'<speak version="1.1" xmlns="{_SSML_NS}" xml:lang={xml_lang}>{body}</speak>'
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
# A dot inside a word ("a.m.") is not a sentence end.
_SENTENCE_END_RE: Final = re.compile(r"[.?!\u05c3\u061f]+(?![^\W\d_])")
# The last dot of an abbreviation ("a.m.") inside a sentence: before a comma or a lower-case word.
_ABBREVIATION_DOTS_RE: Final = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?=[,;:]|\s+[a-z])")
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
    words = sum(1 for token in text.split() if any(map(str.isalpha, token)))
    seconds = words * 60.0 / words_per_minute
    text = _ABBREVIATION_DOTS_RE.sub(lambda m: m.group().replace(".", ""), text)
    seconds += SENTENCE_PAUSE_S * len(_SENTENCE_END_RE.findall(text))
    seconds += CLAUSE_PAUSE_S * len(_CLAUSE_RE.findall(text))
    for element in root.iter():
        name = _local(element.tag)
        if name == "break":
            seconds += _break_seconds(element)
        elif name in ("p", "s"):
            seconds += PARAGRAPH_PAUSE_S
    return round(seconds, 3)
