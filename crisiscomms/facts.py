"""Incident + language -> the pre-formatted facts every template places, formatted once.

Every fact a message states (a time, a count, the list of services) is built here from the
incident, the organisation's config and the language's vocabulary, with an explicit locale and
time zone. Templates only place the results, so the SMS and the phone answer cannot disagree.

A fact is an :class:`Atom` (one inserted value: its written form, its spoken form, and whether it
runs left to right) or a :class:`Phrase` (language wording with atoms in its slots). A *view*
turns the facts into what one kind of output needs: plain text with the channel's bidi
protection, HTML with ``<bdi>``, or SSML with every number spoken in words.

>>> from crisiscomms.config import default_templates_dir, load_config, load_language
>>> from crisiscomms.samples import load_example
>>> inc = load_example("identified")
>>> folder = default_templates_dir()
>>> facts = build_facts(inc, load_config(folder), load_language(folder, "en"), "en")
>>> view(facts, "text", "none")["next_update"]["when"]
'today at 15:00'
"""

from __future__ import annotations

import datetime as dt
import math
import re
import string
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any, Literal, NamedTuple, TypeVar, cast
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape

from .changes import Change, Changes
from .channels import RESTRICTED_FACTS
from .closed_days import days_shut
from .config import (
    CONTACT_CHANNELS,
    WEEKDAYS,
    ChangeKindName,
    CompensationKindId,
    CompensationWords,
    Config,
    ContactWords,
    DayWords,
    DeliveryKey,
    Language,
    NoNeedJoin,
    Organisation,
    UnitForms,
    VoucherRoute,
    hours_span,
)
from .model import Incident, Localized
from .text import markdown, speech
from .text.bidi import (
    Strategy,
    has_rtl,
    isolate,
    isolate_url,
    protect_typed,
    strip_controls,
    typed_values,
)
from .text.inflect import as_object

__all__ = ["Atom", "Facts", "Later", "Phrase", "RestrictedFact", "View", "build_facts",
           "is_long_outage", "view"]

Kind = Literal["text", "html", "ssml", "markdown"]


@dataclass(frozen=True, slots=True)
class Atom:
    """One inserted value: as written, as spoken (an SSML fragment), and its direction."""

    text: str
    say: str | Callable[[], str]
    """The spoken form, or how to make it: speech is only worked out for an SSML output."""
    ltr: bool = False
    url: bool = False

    @property
    def spoken(self) -> str:
        """The value as spoken: an SSML fragment, numbers in words."""
        return self.say if isinstance(self.say, str) else self.say()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Phrase:
    """Wording from the language file with named slots filled by atoms or other phrases."""

    pattern: str
    parts: tuple[tuple[str, Atom | Phrase], ...]
    say: str | Callable[[], str] | None = None
    """How the whole phrase is spoken, when its parts cannot be spoken one by one (an address
    is said together with the words before it: "by email at {address}"); None speaks the
    pattern with each part's spoken form."""

    def __str__(self) -> str:
        return self.pattern.format(**{k: str(v) for k, v in self.parts})


Piece = Atom | Phrase
Facts = Mapping[str, Any]
"""A tree of dicts, lists, plain keys (str, int, bool, None) and pieces."""

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _babel(text: str) -> str:
    """Babel output without its own bidi marks and no-break spaces: we protect values ourselves,
    and one U+202F would push an English SMS from GSM-7 into UCS-2."""
    return strip_controls(text).translate(_SPACES)


def _number(value: int, language: Language, gender: Literal["f", "m"] = "f") -> Atom:
    return Atom(_babel(format_decimal(value, locale=_locale(language.locale))),
                partial(speech.spoken_number, value, language.speech, gender=gender), ltr=True)


def _user_text(text: str, rtl: bool, say: speech.SpeechWords) -> Atom:
    return Atom(text, partial(_speak_text, text, say), ltr=rtl and not has_rtl(text))


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    """Babel's locale object, parsed once: Babel re-parses a locale name on every call."""
    return Locale.parse(name)


# Formatting is pure, and the same times, dates and words recur across channels, languages
# and incidents: each is worked out once per process (bounded caches).
@lru_cache(maxsize=4096)
def _format_time(clock: dt.time, pattern: str, locale: str) -> str:
    return _babel(format_time(clock, pattern, locale=_locale(locale)))


@lru_cache(maxsize=4096)
def _format_date(day: dt.date, pattern: str, locale: str) -> str:
    return _babel(format_date(day, pattern, locale=_locale(locale)))


def date_atom(day: dt.date, pattern: str, language: Language, *,
              with_year: bool = False) -> Atom:
    """A date written in ``pattern`` and spoken in words (with its year when asked), isolated
    in right-to-left text when it holds no right-to-left letter."""
    text = _format_date(day, pattern, language.locale)
    return Atom(text, partial(_spoken_date, day, language.speech, with_year=with_year),
                ltr=language.rtl and not has_rtl(text))


def time_atom(clock: dt.time, language: Language) -> Atom:
    """A time of day written in the language's format and spoken in words."""
    return Atom(_format_time(clock, language.time_format, language.locale),
                partial(_spoken_time, clock, language.speech), ltr=True)


# Marked: the IVR keeps or leaves out a keyword's words by its wording (render).
_speak_text = lru_cache(maxsize=4096)(partial(speech.speak_text, marked=True))
_spoken_time = lru_cache(maxsize=4096)(speech.spoken_time)
_spoken_date = lru_cache(maxsize=4096)(speech.spoken_date)


@lru_cache(maxsize=64)
def _with_phone(words: speech.SpeechWords, phone: str) -> speech.SpeechWords:
    """``words.with_codes([phone])``, one copy per vocabulary and phone: a copy is compared by
    identity, so a new one each render would miss every spoken text kept above."""
    return words.with_codes([phone])


# The list styles the SMS uses: "A and B", or "A or B" (f.contact.short_any).
ListStyle = Literal["standard", "or"]


@lru_cache(maxsize=64)
def _list_pattern(count: int, locale: str, style: ListStyle = "standard") -> str:
    """The language's list pattern for ``count`` slots ("{p0}, {p1} and {p2}"; ``style``
    "or": "{p0}, {p1} or {p2}")."""
    slots = [f"{{p{i}}}" for i in range(count)]
    return _babel(format_list(slots, style=style, locale=_locale(locale)))


def _plural(forms: Mapping[str, str | None], n: int, locale: str) -> str:
    category = _locale(locale).plural_form(n)
    chosen = forms.get(category)
    return chosen if chosen is not None else str(forms["other"])


_DAY = 24 * 60


def duration(minutes: int, language: Language, lang: str, *, hours: bool = False,
             figures: bool = False) -> Piece:
    """A length of time in words, exact to the minute (a part minute counts as a whole one):
    minutes, then hours and minutes, and from two days on days, hours and minutes. ``hours``
    keeps hours and minutes however long (for managers). Small counts are words where the
    language writes them so (``counts``), and a unit may have a word of its own after a
    larger one ("שעה וחצי"). ``figures`` writes every count in figures, so that two lengths in
    one notice read alike ("2 hours and 15 minutes", "2 hours and 4 minutes").

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> str(duration(170, he, "he")), str(duration(63, he, "he")), str(duration(90, he, "he"))
    ('שעתיים וחמישים דקות', 'שעה ושלוש דקות', 'שעה וחצי')
    >>> str(duration(60, he, "he")), str(duration(120, he, "he")), str(duration(180, he, "he"))
    ('שעה', 'שעתיים', 'שלוש שעות')
    >>> str(duration(30, he, "he")), str(duration(150, he, "he"))
    ('חצי שעה', 'שעתיים וחצי')
    >>> str(duration(35 * 60 + 40, he, "he")), str(duration(48 * 60 + 1, he, "he"))
    ('35 שעות ו-40 דקות', 'יומיים ודקה')
    >>> str(duration(51 * 60, he, "he", hours=True))
    '51 שעות'
    >>> str(duration(6 * 60 + 23, he, "he")), str(duration(3 * 60 + 5, he, "he"))
    ('6 שעות ו-23 דקות', 'שלוש שעות וחמש דקות')
    >>> en = load_language(default_templates_dir(), "en")
    >>> str(duration(65, en, "en", figures=True)), str(duration(61, en, "en", figures=True))
    ('1 hour and 5 minutes', '1 hour and 1 minute')
    >>> str(duration(6 * 60 + 20, en, "en")), str(duration(63, en, "en"))
    ('six hours and 20 minutes', 'an hour and three minutes')
    """
    minutes = max(minutes, 1)
    if minutes < 60:
        parts = [("minute", minutes)]
    elif minutes < 2 * _DAY or hours:
        parts = [("hour", minutes // 60), ("minute", minutes % 60)]
    else:
        parts = [("day", minutes // _DAY), ("hour", minutes % _DAY // 60),
                 ("minute", minutes % 60)]
    said = [(unit, count) for unit, count in parts if count]
    alone = (None if figures or len(said) != 1 else
             language.units[said[0][0]].alone.get(str(said[0][1])))  # type: ignore[index]
    if alone is not None:
        return _word(alone, language.speech)
    pieces: list[Piece] = []
    worded = not figures and _counts_worded(parts, language)
    for unit, count in parts:
        if count == 0:
            continue
        forms = language.units[unit]  # type: ignore[index]
        after = forms.after.get(str(count)) if pieces else None
        if after is not None:
            pieces.append(_word(after, language.speech))
            continue
        pattern = _figures_form(forms, count, language) if figures else \
            _plural(forms.model_dump(), count, language.locale)
        word = language.counts.get(forms.gender, {}).get(str(count)) if worded else None
        if word == "":
            # A count the language leaves unsaid ("спустя час", not "спустя 1 час").
            pieces.append(_word(pattern.replace("{n}", "").strip(), language.speech))
            continue
        number = (_word(word, language.speech) if word is not None else
                  Atom(str(count), partial(speech.spoken_number, count, language.speech,
                                           gender=forms.gender, case=forms.case), ltr=True))
        pieces.append(_slot(pattern, "n", number, language.speech))
    return _join(pieces, language)


def _counts_worded(parts: list[tuple[str, int]], language: Language) -> bool:
    """Whether a length's small counts are words. Where the language writes each count on its
    own (``counts_each``, British English: "six hours and 20 minutes"), always; otherwise only
    when every count of this length has a word: "6 שעות ו-23 דקות", never "שש שעות ו-23 דקות"."""
    if language.counts_each:
        return True
    return all(str(count) in language.counts.get(language.units[unit].gender, {})  # type: ignore[index]
               or "{n}" not in _plural(language.units[unit].model_dump(), count,  # type: ignore[index]
                                       language.locale)
               for unit, count in parts if count)


def _figures_form(forms: UnitForms, count: int, language: Language) -> str:
    """A unit's form for ``count`` in a length written in figures: the language's ``one_figure``
    where its ``one`` form says the count in words ("an hour" -> "{n} hour")."""
    pattern = _plural(forms.model_dump(), count, language.locale)
    if "{n}" not in pattern and forms.one_figure is not None:
        return str(forms.one_figure)
    return pattern


def about(minutes: int, language: Language, lang: str) -> Piece:
    """A length of time rounded for prose, in the language's ``about`` wording: to 5 minutes
    under an hour, to half an hour under two days, then to the hour. For resolved messages
    ("לאחר כשעה"); the exact length stays in ``f.elapsed``.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> str(about(63, he, "he")), str(about(100, he, "he")), str(about(35 * 60 + 40, he, "he"))
    ('כשעה', 'כשעה וחצי', 'כ-35 שעות וחצי')
    >>> en = load_language(default_templates_dir(), "en")
    >>> str(about(63, en, "en")), str(about(100, en, "en")), str(about(150, en, "en"))
    ('about an hour', 'about an hour and a half', 'about two and a half hours')
    >>> str(about(35 * 60 + 40, en, "en")), str(duration(150, en, "en"))
    ('about 35 and a half hours', 'two hours and 30 minutes')
    """
    step = 5 if minutes < 60 else 30 if minutes < 2 * _DAY else 60
    rounded = max(step, step * round(minutes / step))
    words = language.about_words.get(str(rounded))
    piece = (_word(words, language.speech) if words is not None
             else _and_half(rounded, language) or duration(rounded, language, lang))
    pattern = language.about
    if language.prefix_hyphen and _starts_ltr(piece):
        pattern = re.sub(r"(?<=[^\s])\{duration\}", "-{duration}", pattern)
    return Phrase(pattern, (("duration", piece),))


def _and_half(minutes: int, language: Language) -> Piece | None:
    """A rounded length of whole hours and a half in the hour's ``and_half`` form ("two and a
    half hours", "35 and a half hours"), or None where the language has none (Hebrew says "שעתיים
    וחצי" through the minute's ``after``) or the length is not hours and a half."""
    forms = language.units["hour"]
    if forms.and_half is None or minutes % 60 != 30 or minutes < 60:
        return None
    count = minutes // 60
    word = language.counts.get(forms.gender, {}).get(str(count)) \
        if _counts_worded([("hour", count)], language) else None
    number = (_word(word, language.speech) if word else
              Atom(str(count), partial(speech.spoken_number, count, language.speech,
                                       gender=forms.gender, case=forms.case), ltr=True))
    return _slot(forms.and_half, "n", number, language.speech)


def _stem(word: str, language: Language) -> str:
    """``word`` without its longest ending from ``stem_endings`` that leaves ``stem_min``
    letters, end letters in their inner form: "calling" and "calls" -> "call"."""
    for ending in sorted(language.stem_endings, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= language.stem_min:
            word = word[:-len(ending)]
            break
    word = language.stem_alike.get(word, word)
    return "".join(language.stem_letters.get(letter, letter) for letter in word)


def _title_words(text: str, language: Language, articles: bool = False) -> list[str]:
    prefixes = language.speech.prefix_letters
    words = []
    # A geresh or apostrophe belongs to the word (צ'אט, ג'ימייל): a prefix is taken off whole.
    for word in re.findall(r"\w+(?:['\u05f3]\w+)*", text.casefold()):
        if word in language.articles:
            if articles:
                words.append(word)
            continue
        # Hebrew: the same noun with or without ו, ב, ל, ה... before it ("לאפליקציה").
        while len(word) > 2 and word[0] in prefixes:
            word = word[1:]
        words.append(_stem(word, language))
    return words


def names_services(title: str, names: Sequence[str], language: Language) -> bool:
    """Whether ``title`` names every service, so a list of them after it says nothing new:
    each word of a service's name (but an article) is in the title, in the same order, as
    the same word or another form of it (``stem_endings``). A false "named" drops a fact,
    so a word the title lacks ("mobile", "website") keeps the list.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> names_services("תקלה באינטרנט ובטלוויזיה", ["האינטרנט", "הטלוויזיה"], he)
    True
    >>> names_services("תקלה בכניסה לאפליקציה", ["האפליקציה", "האזור האישי באתר"], he)
    False
    >>> names_services("תקלה במוקד הטלפוני ובצ'אט באתר", ["המוקד הטלפוני", "הצ'אט באתר"], he)
    True
    >>> names_services("עיכוב בקליטת תשלומים באתר", ["התשלום באתר"], he)
    True
    >>> en = load_language(default_templates_dir(), "en")
    >>> names_services("Delay in processing payments on the website", ["website payments"], en)
    True
    >>> names_services("Phone line and chat problem", ["our phone line", "chat on our website"], en)
    True
    >>> names_services("Bill payment problem in the app", ["payments on our website"], en)
    False
    """
    have = _title_words(title, language)
    return all(_names_service(have, _title_words(name, language), language)
               or _names_by_its_noun(title, name, language) for name in names)


def _names_by_its_noun(title: str, name: str, language: Language) -> bool:
    """Whether ``title`` names the service ``name`` by an article and its noun alone, without
    a word the language lets "the" stand for (``name_modifiers``): "the app" is "the mobile
    app"; "Home phone problem when calling mobile numbers" does not name "mobile phone".

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> en = load_language(default_templates_dir(), "en")
    >>> _names_by_its_noun("Problem signing in to the app", "the mobile app", en)
    True
    >>> _names_by_its_noun("Home phone problem when calling mobile numbers", "mobile phone", en)
    False
    """
    want = _title_words(name, language)
    if len(want) < 2 or want[0] not in language.name_modifiers:
        return False
    rest = want[1:]
    have = _title_words(title, language, articles=True)
    if not language.articles:  # Russian: "вход в приложение" names "мобильное приложение",
        # the noun after a preposition ("в", "на", "со"), not after a word of its own
        return any(list(have[at:at + len(rest)]) == list(rest)
                   and (at == 0 or len(have[at - 1]) <= 2) for at in range(len(have)))
    return any(word in language.articles and have[at + 1:at + 1 + len(rest)] == rest
               for at, word in enumerate(have))


def _names_service(have: Sequence[str], want: Sequence[str], language: Language) -> bool:
    """Whether title words ``have`` name the service of words ``want`` (``names_services``)."""
    if not want:
        return False
    # Each word found after the one before it: "mobile phone" is not named by
    # "Home phone problem when calling mobile numbers".
    rest = iter(have)
    if all(any(word == seen for seen in rest) for word in want):
        return True
    links = language.name_links
    if not links:
        return False
    # "website payments" said as "payments on the website": the last word, a joining word,
    # then the others.
    *head, last = want
    for at, word in enumerate(have):
        if word != last or not head:
            continue
        after = at + 1
        while after < len(have) and have[after] in links:
            after += 1
        if after > at + 1 and list(have[after:after + len(head)]) == head:
            return True
    # "chat on our website" by a title that says "chat" and no place of its own.
    cut = next((at for at, word in enumerate(want) if at and word in links), None)
    if cut is not None and not any(word in links for word in have):
        return _names_service(have, want[:cut], language)
    return False


def _named_by_title(title: str, names: Sequence[str], language: Language) -> list[bool]:
    """For each service, whether ``title`` names it (:func:`names_services`, one by one): all
    true, the title names every service (``f.services_in_title``); some, a sentence can say
    only the others ("It also affects the online account").

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> _named_by_title("תקלה בכניסה לאפליקציה", ["האפליקציה", "האזור האישי באתר"], he)
    [True, False]
    >>> _named_by_title("תקלה במוקד שירות הלקוחות", ["המוקד הטלפוני", "המייל"], he)
    [False, False]
    """
    return [names_services(title, [name], language) for name in names]


def _beyond(names: Sequence[str], named: Sequence[bool]) -> list[str]:
    """The services the title leaves out when it names some of them; empty when it names all
    of them or none (then the whole list is said, or none)."""
    return [n for n, k in zip(names, named, strict=True) if not k] if any(named) else []


def after_title(title: str, names: Sequence[str], language: Language, rtl: bool,
                say: speech.SpeechWords, named: Sequence[bool] | None = None) -> Piece | None:
    """The services ``title`` does not name, worded to follow it (``after_title`` in the
    language file), when it names some of them; ``None`` when it names all or none (then the
    whole list is said, or none). ``named``: :func:`_named_by_title`, when already known.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> str(after_title("תקלה בכניסה לאפליקציה", ["האפליקציה", "האזור האישי באתר"], he,
    ...                 True, he.speech))
    ' ובאזור האישי באתר'
    >>> after_title("הפסקת אינטרנט ביתי בצפון", ["האינטרנט הביתי", "שירות ה-TV"], he,
    ...             True, he.speech) is None
    True
    """
    others = _beyond(names, _named_by_title(title, names, language) if named is None else named)
    openings = language.after_title_openings
    if not others or (openings and not title.startswith(openings)):
        return None
    pieces: list[Piece] = []
    for name in others:
        article = language.after_title_article
        bare = name[len(article):] if article and name.startswith(article) else name
        each = language.after_title_each
        if language.prefix_hyphen and re.match(r"[A-Za-z0-9*+#]", bare):
            each = re.sub(r"(?<=[^\s])\{service\}", "-{service}", each)
        pieces.append(Phrase(each, (("service", _user_text(bare, rtl, say)),)))
    pattern = (language.after_title_many or language.after_title) if len(pieces) > 1 \
        else language.after_title
    return Phrase(pattern, (("services", _join(pieces, language)),))


def _inner(title: str, names: Sequence[str] = (), texts: Sequence[str] = ()) -> str:
    """``title`` to place after other words: "Home internet outage" -> "home internet outage";
    "TV service problem" and "iPhone ..." stay as written (a script without case is unchanged),
    and so does a first word that is a name: the first word of one of ``names``, or one that
    ``texts`` write with a capital in mid-sentence ("Jerusalem fibre outage").

    >>> _inner("Jerusalem fibre outage", texts=["Customers in Jerusalem are offline."])
    'Jerusalem fibre outage'
    """
    first = title.split(" ", 1)[0]
    if not (len(first) > 1 and first[0].isupper() and first[1:].islower()):
        return title
    word = re.compile(rf"\b{re.escape(first)}\b")

    def named(text: str) -> bool:
        # A capital that does not open a sentence marks a name.
        return any(m.start() > 0 and not re.search(r"[.!?:]\s*$", text[:m.start()])
                   for m in word.finditer(text))

    if any(name.split(" ", 1)[0] == first for name in names) or any(map(named, texts)):
        return title
    return title[0].lower() + title[1:]


def _join(pieces: Sequence[Piece], language: Language,
          style: ListStyle = "standard") -> Piece:
    """Join pieces as a natural list ("A, B and C"), with the language's own conjunction
    (``style`` "or": "A, B or C")."""
    if len(pieces) == 1:
        return pieces[0]
    pattern = _list_pattern(len(pieces), language.locale, style)
    if language.prefix_hyphen:
        # "ו{p1}" gets a hyphen when the slot will start with a digit or Latin letter.
        for i, piece in enumerate(pieces):
            if _starts_ltr(piece):
                pattern = re.sub(rf"(?<![^\s])ו(\{{p{i}\}})", r"ו-\1", pattern)
    return Phrase(pattern, tuple((f"p{i}", p) for i, p in enumerate(pieces)))


def _alternatives(pieces: Sequence[Piece], language: Language) -> Piece:
    """The working contact channels as ways to reach us: joined by the language's
    ``[contact] alternatives`` where it has one ("A، أو B، أو C"), else its standard list.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> ar = load_language(default_templates_dir(), "ar")
    >>> str(_alternatives([Atom("أ", "أ"), Atom("ب", "ب"), Atom("ج", "ج")], ar))
    'أ، أو ب، أو ج'
    >>> en = load_language(default_templates_dir(), "en")
    >>> str(_alternatives([Atom("a", "a"), Atom("b", "b"), Atom("c", "c")], en))
    'a, b and c'
    """
    joint = language.contact.alternatives
    if not joint or len(pieces) == 1:
        return _join(pieces, language)
    pattern = "{p0}" + "".join(joint + f"{{p{i}}}" for i in range(1, len(pieces)))
    return Phrase(pattern, tuple((f"p{i}", p) for i, p in enumerate(pieces)))


def _join_said(pieces: Sequence[Piece], language: Language) -> Piece:
    """The services as the object of a spoken verb: each after the first with the verb's
    preposition again where the language says it (``object_each``, Hebrew "על {service}")."""
    each = [piece if i == 0 or language.object_each == "{service}" else
            Phrase(language.object_each, (("service", piece),))
            for i, piece in enumerate(pieces)]
    return _join(each, language)


def _starts_ltr(piece: Piece) -> bool:
    if isinstance(piece, Atom):
        return bool(re.match(r"[A-Za-z0-9*+#]", piece.text))
    first = re.match(r"\{(\w+)\}", piece.pattern)
    if first is None:
        return bool(re.match(r"[A-Za-z0-9*+#]", piece.pattern))
    return _starts_ltr(dict(piece.parts)[first.group(1)])


# A time before the morning ([day] morning_from) counts as "tonight" when said from this hour
# the evening before (or in the small hours of the same night): "הלילה בשעה 02:00", never
# "מחר בשעה 02:00".
_EVENING_STARTS = 18
# "This morning" runs until noon ([day] this_morning).
_NOON = 12


def _weekday(day: dt.date, language: Language) -> Atom:
    """The weekday of ``day``, written and spoken ("יום שלישי", "Tuesday")."""
    return _word(_format_date(day, language.weekday_format, language.locale), language.speech)


def _moment(value: dt.datetime, now: dt.datetime, zone: ZoneInfo, language: Language,
            lang: str) -> dict[str, Any]:
    """A point in time as every template needs it, relative to ``now`` (the statement's time).

    ``when`` and ``short`` are relative ("today", "tomorrow", "tonight"): for channels read at
    once. ``dated`` carries the weekday and the date, for what stays up and is read later.
    A date in another year than ``now`` carries its year.
    """
    local = value.astimezone(zone)
    here = now.astimezone(zone)
    today = here.date()
    days = (local.date() - today).days
    relation = base = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days, "other")
    night_ends = language.day.morning_from
    tonight = local.hour < night_ends and (
        (days == 1 and here.hour >= _EVENING_STARTS) or (days == 0 and here.hour < night_ends))
    if tonight and language.day.tonight is not None:
        relation = "tonight"
    clock = local.time().replace(second=0, microsecond=0, tzinfo=None)
    time = time_atom(clock, language)
    other_year = local.year != today.year
    date_pattern = (language.date_format if not other_year else
                    language.date_year_format or f"{language.date_format} y")
    date = date_atom(local.date(), date_pattern, language, with_year=other_year)
    weekday = _weekday(local.date(), language)
    said = _morning(_evening(relation, local, value > now, language.day), local, here,
                    language.day)
    day = _day(language.day, said, base, date, language)
    short_day = _slot(_day_word(language.day_short,
                                said if said == "this_morning" else relation, base),
                      "date", date, language.speech)
    in_dated = weekday
    if language.dated_weekdays:
        in_dated = _word(language.dated_weekdays[local.weekday()], language.speech)
    dated: Piece = Phrase(language.dated, (("weekday", in_dated), ("date", date),
                                           ("time", time)))
    if relation == "tonight" and language.dated_tonight is not None:
        # Said with its dates, never "tonight": the page is still right the next morning. A
        # time already past in the same night is named the same way ("Начало: в ночь на
        # воскресенье, 29 ноября, в 00:10" beside its estimate, reading 24).
        night = _word(_night(local.date(), language), language.speech)
        eve = local.date() - dt.timedelta(days=1)
        eve_day = _weekday(eve, language)
        same_month = (eve.year, eve.month) == (local.year, local.month)
        eve_date = date_atom(eve, "d" if same_month else date_pattern, language,
                             with_year=other_year and not same_month)
        dates = Phrase("{eve}–{morning}", (("eve", eve_date), ("morning", date)))
        parts: tuple[tuple[str, Piece], ...] = (
            ("night", night), ("eve", eve_day), ("weekday", in_dated), ("date", date),
            ("dates", dates), ("time", time))
        # The time spoken without a part of the day the wording names already ("الساعة
        # الواحدة بعد منتصف ليل السبت", reading 28 AR-4); the parts stay the facts' own.
        dated = Phrase(language.dated_tonight, parts) if all(
            p.in_dated_night for p in language.speech.day_parts) else Phrase(
            language.dated_tonight, parts, say=partial(
                _say_dated_night, language.dated_tonight, parts, clock,
                _in_dated_night(language.speech)))
    return {
        "iso": local.isoformat(),
        "relation": relation,
        # The day word ``when`` says: ``relation``, or "tonight" for a time late this evening,
        # or "this_morning" for one later this morning said in the small hours.
        "said": said,
        "time": time,
        "date": date,
        "weekday": weekday,
        "day": day,
        # The evening's "tonight" drops the part of the day as the night's does ("הלילה בשעה
        # אחת עשרה וחצי", reading 24 A3).
        "when": _when(day, time, clock, said, language),
        # An empty short day word (today) leaves just the time: "צפי: 17:00".
        "short": Phrase(language.when_short, (("day", short_day), ("time", time)))
        if str(short_day) else time,
        "dated": dated,
        "at": Phrase(language.at_time, (("time", time),)),
        # The weekday and the time without the date ("on Sunday at 08:00"), for speech about
        # a moment of the past week (f.started_said).
        "weekday_at": Phrase(_WITHOUT_DATE.sub("", language.dated),
                             (("weekday", in_dated), ("time", time))),
        # Two moments of one day said once (banner: "Expected back at 01:50 and next update
        # at 00:50, both in the early hours of Friday 27 November").
        "day_dated": dated_day(dated, language),
        "day_dated_plain": dated_day(Phrase(language.dated, (("weekday", in_dated),
                                                              ("date", date))), language),
    }


_WITHOUT_DATE = re.compile(r",?\s*\{date\},?")
"""The date slot of ``dated`` with the comma and space around it ("on {weekday} {date} at
{time}" -> "on {weekday} at {time}", "ב{weekday}, {date}, בשעה {time}" -> "ב{weekday} בשעה
{time}")."""


def dated_day(dated: Piece, language: Language) -> Phrase | None:
    """``dated`` without its time: the language's ``at_time`` taken out of the pattern with
    the spaces and commas around it ("at {time} on {weekday} {date}" -> "on {weekday}
    {date}"); None where the pattern does not hold ``at_time`` as it is."""
    if not isinstance(dated, Phrase) or language.at_time not in dated.pattern:
        return None
    pattern = re.sub(r" {2,}", " ", dated.pattern.replace(language.at_time, "", 1)).strip(" ,")
    return Phrase(pattern, tuple((k, v) for k, v in dated.parts if k != "time"))


@lru_cache(maxsize=64)
def _without_parts(words: speech.SpeechWords, every: bool) -> speech.SpeechWords:
    """``words`` without the parts of the day not said after "tonight": all of them
    (``every``), or those marked ``after_tonight = false``."""
    return replace(words, day_parts=() if every else tuple(
        p for p in words.day_parts if p.after_tonight))


@lru_cache(maxsize=64)
def _in_dated_night(words: speech.SpeechWords) -> speech.SpeechWords:
    """``words`` without the parts of the day ``dated_tonight`` names already
    (``in_dated_night = false``)."""
    return replace(words, day_parts=tuple(p for p in words.day_parts if p.in_dated_night))


def _say_dated_night(pattern: str, parts: tuple[tuple[str, Piece], ...], clock: dt.time,
                     words: speech.SpeechWords) -> str:
    spoken = {k: _piece(v, "ssml", "none", False) for k, v in parts}
    spoken["time"] = _spoken_time(clock, words)
    return str(escape(pattern)).format(**spoken)


def _when(day: Piece, time: Atom, clock: dt.time, relation: str, language: Language) -> Phrase:
    """The day word and the time; after a ``tonight`` that names the night
    (``DayWords.tonight_drops_part``, or a part of the day marked ``after_tonight = false``)
    the time is spoken without its part of the day. The parts stay the facts' own pieces:
    placing ``when`` still states the time."""
    parts: tuple[tuple[str, Atom | Phrase], ...] = (("day", day), ("time", time))
    if relation == "this_morning" and language.day.this_morning is not None:
        # "this morning at five twenty", never "this morning at five twenty a.m."
        return Phrase(language.when, parts, say=partial(
            _say_when, language.when, day, clock, _without_parts(language.speech, True)))
    every = language.day.tonight_drops_part
    drops = every or any(not p.after_tonight for p in language.speech.day_parts)
    if relation != "tonight" or not drops:
        return Phrase(language.when, parts)
    return Phrase(language.when, parts, say=partial(_say_when, language.when, day, clock,
                                                     _without_parts(language.speech, every)))


def _say_when(pattern: str, day: Piece, clock: dt.time, words: speech.SpeechWords) -> str:
    spoken_day = day.spoken if isinstance(day, Atom) else _piece(day, "ssml", "none", False)
    return str(escape(pattern)).format(day=spoken_day, time=_spoken_time(clock, words))


def _evening(relation: str, local: dt.datetime, ahead: bool, words: DayWords) -> str:
    """``relation`` as the day word says it: a time still ahead today, from ``evening_from``
    on, is "tonight" ("Our next update is tonight at 23:30", R13 #6)."""
    if (relation == "today" and ahead and words.evening_from is not None
            and words.tonight is not None and local.hour >= words.evening_from):
        return "tonight"
    return relation


def _morning(relation: str, local: dt.datetime, here: dt.datetime, words: DayWords) -> str:
    """``relation`` as the day word says it: a time later this morning (from ``morning_from``,
    before noon), said in the small hours, is "this morning" ("this morning at 05:20" beside
    "tonight at 02:50", both said at 02:00; reading 28 EN-8)."""
    if (relation == "today" and words.this_morning is not None
            and here.hour < words.morning_from <= local.hour < _NOON):
        return "this_morning"
    return relation


def _day(words: DayWords, relation: str, base: str, date: Atom, language: Language) -> Piece:
    """The day word before a time, spoken as ``tonight_said`` where the spoken time already
    names the night."""
    if relation == "tonight" and words.tonight is not None and words.tonight_said is not None:
        return Atom(words.tonight, partial(_speak_text, words.tonight_said, language.speech))
    return _slot(_day_word(words, relation, base), "date", date, language.speech)


def _day_word(words: DayWords, relation: str, base: str) -> str:
    """The word for ``relation``; "tonight" without a word of its own is said as ``base``
    (the day the moment falls on)."""
    if relation == "tonight" and words.tonight is not None:
        return words.tonight
    if relation == "this_morning" and words.this_morning is not None:
        return words.this_morning
    return str(getattr(words, base))


def _night(morning: dt.date, language: Language) -> str:
    """The name of the night that ends on the morning of ``morning`` ("ליל שלישי–רביעי")."""
    eve = morning - dt.timedelta(days=1)
    if len(language.night_weekdays) == 7:
        names = [language.night_weekdays[d.weekday()] for d in (eve, morning)]
    else:
        names = [_format_date(d, language.weekday_format, language.locale)
                 for d in (eve, morning)]
    return language.night.format(eve=names[0], morning=names[1])


def _slot(pattern: str, name: str, value: Piece, say: speech.SpeechWords) -> Piece:
    """The language's wording as a phrase when it has a ``{name}`` slot, else a plain word."""
    if f"{{{name}}}" in pattern:
        return Phrase(pattern, ((name, value),))
    return Atom(pattern, partial(_speak_text, pattern, say))


def _minutes(start: dt.datetime, end: dt.datetime) -> int:
    return max(0, math.ceil((end - start).total_seconds() / 60))


def is_long_outage(incident: Incident, config: Config) -> bool:
    """Whether the outage has lasted ``[compensation] long_outage_hours`` or more (until it
    was resolved, or until the incident's "now"): apologies then speak of the harm to the
    service, never of "inconvenience"."""
    end = incident.resolved_at or incident.updated_at
    return _minutes(incident.started_at, end) >= config.compensation.long_outage_hours * 60


def _loc(text: Localized | None, lang: str, rtl: bool, say: speech.SpeechWords) -> Atom | None:
    return None if text is None else _user_text(text[lang], rtl, say)


_SENTENCE_END = re.compile(r"[.!?…؟][\"'”»)\]]*\s*$")


def _said(text: Localized | None, lang: str, rtl: bool,
          say: speech.SpeechWords) -> Piece | None:
    """Incident text placed as a sentence of its own (the workaround, what customers should
    do): a full stop is added where the author left none, so the next sentence does not run
    on ("…למספר 2040 העדכון הבא").

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he").speech
    >>> from crisiscomms.model import LongText
    >>> str(_said(LongText({"he": "אפשר לשלם ב-SMS למספר 2040"}), "he", True, he))[-1]
    '.'
    >>> str(_said(LongText({"he": "אין צורך לשלם שוב!"}), "he", True, he)).endswith("שוב!")
    True
    """
    if text is None:
        return None
    return _sentence(text[lang], rtl, say)


def _without_implied(text: Localized | None, lang: str, implied: Sequence[str], rtl: bool,
                     say: speech.SpeechWords) -> Piece | None:
    """``text`` as :func:`_said` places it, without each of ``implied`` (once, in order); None
    when it has none of them.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> ar = load_language(default_templates_dir(), "ar").speech
    >>> from crisiscomms.model import LongText
    >>> str(_without_implied(LongText({"ar": "أرسلوا PAY برسالة نصية إلى 2040"}), "ar",
    ...                      [" برسالة نصية"], True, ar))
    'أرسلوا PAY إلى 2040.'
    >>> _without_implied(LongText({"ar": "أرسلوا PAY إلى 2040"}), "ar", [" برسالة نصية"], True, ar)
    """
    if text is None:
        return None
    value = shorter = text[lang]
    for words in implied:
        shorter = shorter.replace(words, "", 1)
    return None if shorter == value else _sentence(shorter, rtl, say)


def _sentence(value: str, rtl: bool, say: speech.SpeechWords) -> Piece:
    """``value`` as a sentence of its own (:func:`_said`)."""
    if not value.strip() or _SENTENCE_END.search(value):
        return _user_text(value, rtl, say)
    # The stop stands outside the text, in the sentence's direction: after a left-to-right
    # value in Hebrew ("... A") it must not join the value's run and show on its left.
    return Phrase("{text}.", (("text", _user_text(value.rstrip(), rtl, say)),))


def _after_colon(text: Atom | None, language: Language, say: speech.SpeechWords) -> Atom | None:
    """``text`` as placed after a colon: its opening word in small letters when the language
    lists it (``lower_after_colon``: "You can pay" -> "you can pay"); a name keeps its capital."""
    if text is None:
        return None
    first = re.match(r"\w+", text.text)
    if (first is None or not first.group().istitle()
            or first.group().casefold() not in language.lower_after_colon):
        return text
    lowered = text.text[0].lower() + text.text[1:]
    return Atom(lowered, partial(_speak_text, lowered, say), ltr=text.ltr)


def _lowers_after_colon(text: str, language: Language, names: Sequence[str],
                        texts: Sequence[str]) -> bool:
    """Whether ``text`` takes a small first letter after a label's colon (s19 reading 6 D10).

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> en = load_language(default_templates_dir(), "en")
    >>> [_lowers_after_colon(t, en, ["Netivim"], ["Calls to Haifa fail."]) for t in
    ...  ["A fix", "Business customers first", "Netivim will", "Haifa first", "TV first"]]
    [True, True, False, False, False]
    """
    first = re.match(r"\w+", text)
    if first is None or not first.group().istitle():
        return False
    if first.group().casefold() in language.lower_after_colon:
        return True
    return bool(language.lower_after_colon) and _inner(text, names, texts) != text


def _lower_first(piece: Piece) -> Piece:
    """``piece`` with its first letter in small case, wherever that letter stands: the
    pattern's own words or the first part it opens with ("{what}{expiry}. {delivery}")."""
    if isinstance(piece, Atom):
        lowered = piece.text[:1].lower() + piece.text[1:]
        return Atom(lowered, _said_lowered(piece, lowered), piece.ltr, piece.url)
    opening = re.match(r"\{(\w+)\}", piece.pattern)
    if opening is None:
        return Phrase(piece.pattern[:1].lower() + piece.pattern[1:], piece.parts, piece.say)
    return Phrase(piece.pattern, tuple((k, _lower_first(v) if k == opening.group(1) else v)
                                       for k, v in piece.parts), piece.say)


def _said_lowered(piece: Atom, lowered: str) -> str | Callable[[], str]:
    """The spoken form of ``piece`` lowered as its text is, made again from the lowered text
    (before SSML escaping) where it was made from the text: the SSML says "In the meantime,
    international calls…" as the text writes it (R12 he #6). Any other spoken form (a number,
    a name's own reading) is kept."""
    say = piece.say
    if isinstance(say, partial) and say.func is _speak_text and say.args[:1] == (piece.text,):
        return partial(_speak_text, lowered, *say.args[1:], **say.keywords)
    return say


def _inline(piece: Piece | None, language: Language, names: Sequence[str],
            texts: Sequence[str]) -> Piece | None:
    """A piece placed after a label's colon ("**Compensation:** every affected customer…"):
    small first letter unless it opens with a name (:func:`_lowers_after_colon`)."""
    if piece is None or not _lowers_after_colon(str(piece), language, names, texts):
        return piece
    return _lower_first(piece)


def _services_said(incident: Incident, language: Language, lang: str,
                   say: speech.SpeechWords) -> list[Atom]:
    """Each service as the object of a verb (``object_*`` in the language file)."""
    return [_user_text(as_object(s.name[lang], language.object_adjectives,
                                 language.object_keep, language.object_nouns),
                       language.rtl, say) for s in incident.services]


_T = TypeVar("_T")


def _by_short_name(incident: Incident, lang: str, full: Sequence[_T],
                   make: Callable[[str], _T]) -> list[_T] | None:
    """Each service by its short name in ``lang`` (``services[].short``, made by ``make``)
    where it has one, by its entry in ``full`` (one per service, in order) where not; ``None``
    when none has one. Pieces (``full`` the pieces of ``service_list``) or names (``str``)."""
    shorts = [None if s.short is None else s.short.get(lang) for s in incident.services]
    if not any(shorts):
        return None
    return [entry if short is None else make(short)
            for entry, short in zip(full, shorts, strict=True)]


def services_label(names: Sequence[str], language: Language) -> dict[str, str] | None:
    """The label before the list of affected services, by number (``f.services_label.now``,
    ``.past`` once resolved): one name takes the singular unless it opens with one of the
    language's ``plural_name_openings`` (Hebrew "שירותי הסלולר" is plural in form); None
    when the language file gives no labels.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> he = load_language(default_templates_dir(), "he")
    >>> services_label(["האפליקציה"], he)["now"]
    'השירות המושפע'
    >>> services_label(["שירותי הסלולר"], he)["past"]
    'השירותים שהושפעו'
    >>> services_label(["האפליקציה", "האתר"], he)["now"]
    'השירותים המושפעים'
    """
    labels = language.services_label
    if not labels:
        return None
    one = len(names) == 1 and not names[0].startswith(language.plural_name_openings)
    if one:
        return {"now": labels["one"], "past": labels["one_past"]}
    return {"now": labels["many"], "past": labels["many_past"]}


def build_facts(incident: Incident, config: Config, language: Language, lang: str,
                changes: Changes | None = None) -> Facts:
    """Every fact of ``incident`` in ``lang``, formatted once for all channels.

    ``incident.updated_at`` is "now": nothing here reads the clock. ``changes`` (since the
    previous statement) become ``changes``: one entry per change, empty without a previous.
    """
    zone = ZoneInfo(config.organisation.time_zone)
    now = incident.updated_at
    org = config.organisation
    # The organisation's phone is a code wherever incident text mentions it.
    say = _with_phone(language.speech, org.phone)
    # The writing direction is the language file's, nowhere else's.
    rtl = language.rtl

    def moment(value: dt.datetime | None) -> dict[str, Any] | None:
        return None if value is None else _moment(value, now, zone, language, lang)

    services = [_user_text(s.name[lang], rtl, say) for s in incident.services]
    names = [s.name[lang] for s in incident.services]
    # Which services the title names, worked out once for every fact that needs it.
    named = _named_by_title(incident.title[lang], names, language)
    others = _beyond(names, named)
    beyond = [piece for piece, name in zip(services, names, strict=True) if name in others]
    services_said = _services_said(incident, language, lang, say)
    shorts = _by_short_name(incident, lang, services, partial(_user_text, rtl=rtl, say=say))
    beyond_said = [piece for piece, name in zip(services_said, names, strict=True)
                   if name in others]
    beyond_short = [piece for piece, name in zip(shorts or services, names, strict=True)
                    if name in others]
    # With the phone line down, the IVR's down line names every contact channel that is down
    # (f.contact.down_on_call): the services sentence there leaves out their own services.
    down_ids = _down_channels(incident, config)
    said_down = _said_on_call(incident, config, down_ids)
    kept = [s.id not in said_down for s in incident.services]
    mail_own = _own_services(config).get("email", set()) if "email" in down_ids else set()

    def on_call(pieces: Sequence[Piece], of: Sequence[bool], said: bool = False) -> Piece | None:
        left = [p for p, k, o in zip(pieces, kept, of, strict=True) if k and o]
        return (_join_said(left, language) if said else _join(left, language)) if left else None

    every, outside = [True] * len(names), [name in others for name in names]
    whole = not any(named)
    end = incident.resolved_at or now
    lasted = _minutes(incident.started_at, end)
    long_outage = is_long_outage(incident, config)
    facts: dict[str, Any] = {
        "language": lang,
        "direction": language.direction,
        "org": {
            "name": _user_text(org.name[lang], rtl, say),
            "short_name": _user_text(org.short_name.get(lang, org.name[lang]), rtl, say),
            "phone": Atom(org.phone, partial(speech.spoken_digits, org.phone, say), ltr=True),
            "website": _url(str(org.website)),
            "status_page": _url(str(org.status_page)),
            # The same link without its scheme, for the SMS, short of room: handsets link a
            # bare host name as they do a full address.
            "status_page_short": _url(_bare(str(org.status_page))),
        },
        "id": Atom(incident.id, partial(speech.spoken_digits, incident.id, say), ltr=True),
        "status": incident.status.value,
        "status_label": _word(language.status[incident.status.value], language.speech),
        "status_short": _word(language.status_short[incident.status.value], language.speech),
        "status_line": _word(language.status_line.get(incident.status.value)
                             or language.status[incident.status.value], language.speech),
        "status_said": _word(language.status_said.get(incident.status.value)
                             or language.status[incident.status.value], language.speech),
        "severity": incident.severity.value,
        "severity_label": _word(language.severity[incident.severity.value], language.speech),
        "resolved": incident.status.value == "resolved",
        "title": _user_text(incident.title[lang], rtl, say),
        # The title inside a sentence ("We are sorry for the home internet outage"): its first
        # letter lower-cased unless the first word is an abbreviation ("TV") or a name.
        "title_inner": _user_text(_inner(incident.title[lang], [
            org.name[lang], org.short_name.get(lang, "")], [incident.impact[lang],
            *(text.get(lang) or "" for text in (incident.workaround, incident.customer_action)
              if text is not None)]), rtl, say),
        "impact": _user_text(incident.impact[lang], rtl, say),
        "workaround": _said(incident.workaround, lang, rtl, say),
        # The workaround in a few words, for the SMS where the whole one does not fit; none
        # without the workaround (a team that clears the workaround clears what it says).
        "workaround_short": None if incident.workaround is None else
        _said(incident.workaround_short, lang, rtl, say),
        # The short form without the words a text message says itself (``sms_implied``: Arabic
        # " برسالة نصية"), for the SMS, and the banner and post where the short form does not
        # fit; none where it has none of them.
        "workaround_min": None if incident.workaround is None else
        _without_implied(incident.workaround_short, lang, language.sms_implied, rtl, say),
        "customer_action": _said(incident.customer_action, lang, rtl, say),
        # The customer action in a few words, for the SMS fill; none without the action.
        "customer_action_short": None if incident.customer_action is None else
        _said(incident.customer_action_short, lang, rtl, say),
        # The short action "no need to pay again" with "contact us" joined into it, for the
        # SMS ([contact.no_need_join]: "אין צורך לשלם או לפנות שוב."); none when it is not one.
        "action_joined_no_contact": None if incident.customer_action is None else
        _joined_no_contact(_said(incident.customer_action_short, lang, rtl, say), language,
                           rtl, say),
        "workaround_inline": _after_colon(_loc(incident.workaround, lang, rtl, say), language,
                                          say),
        "services": _join(services, language),
        # The services as the object of a spoken sentence ("Сбой затронул оплату на сайте").
        "services_said": _join_said(services_said, language),
        "service_said_list": services_said,
        "service_list": services,
        # The services by their short names, for the SMS (`services[].short`); none without.
        "service_short_list": shorts,
        "services_short": None if shorts is None else _join(shorts, language),
        "service_count": len(services),
        "services_label": services_label(names, language),
        "services_in_title": all(named),
        # Only the services the title leaves out, when it names the others (s19 R5).
        "services_beyond_title": _join(beyond, language) if beyond else None,
        # The same by their short names where the team gave them (`services[].short`): the SMS,
        # and the banner's and social post's shortest wordings.
        "services_beyond_short": _join(beyond_short, language) if beyond_short else None,
        # Those as the object of a spoken sentence ("Сбой затронул также личный кабинет").
        "services_beyond_said": _join_said(beyond_said, language) if beyond_said else None,
        # The same, worded to follow the title (the SMS, short of room).
        # By their short names where the team gave them (`services[].short`).
        "services_after_title": after_title(incident.title[lang],
                                            _by_short_name(incident, lang, names, str) or names,
                                            language, rtl, say, named),
        # The same lists for the IVR: with the phone line down, without the services that are
        # a down contact channel's own, which its down line names (f.contact.down_on_call;
        # reading 28 EN-10, HE-9, RU-8); none when nothing is left. The whole list only when
        # the title names none of the services.
        "services_on_call": on_call(services, every) if whole else None,
        "services_said_on_call": on_call(services_said, every, said=True) if whole else None,
        "services_beyond_title_on_call": on_call(services, outside),
        "services_beyond_short_on_call": on_call(shorts or services, outside),
        "services_beyond_said_on_call": on_call(services_said, outside, said=True),
        # Each service: whether the IVR's down line names it in place of the services sentence.
        "service_on_call": [not k for k in kept],
        # Each service: whether it is the down email channel's own (support mail), which the
        # lost-email request names in the SMS (f.contact.resend_brief: "re-send your emails").
        "service_in_resend": [s.id in mail_own for s in incident.services],
        # Each service: whether the title names it, when it names only some of them.
        "service_in_title": [bool(others) and k for k in named],
        "updated": moment(now),
        "started": moment(incident.started_at),
        # When the outage began as a recording says it, right until the next update: "today at
        # 08:00" that day, else the weekday ("on Sunday at 08:00"), with its date a week or
        # more back; never how long it has lasted, which is stale within the hour (reading 30
        # en-3).
        "started_said": _started_said(incident, now, zone, moment(incident.started_at)),
        "eta": moment(incident.eta),
        "eta_in": None if incident.eta is None else
        duration(_minutes(now, incident.eta), language, lang),
        "no_eta": _word(language.no_eta, language.speech),
        "no_eta_short": _word(language.no_eta_short, language.speech),
        "no_eta_brief": _word(language.no_eta_brief or language.no_eta_short, language.speech),
        "next_update": moment(incident.next_update_at),
        "resolved_at": moment(incident.resolved_at),
        "elapsed": duration(lasted, language, lang),
        "elapsed_about": about(lasted, language, lang),
        "elapsed_hours": duration(lasted, language, lang, hours=True),
        # The same in figures, next to other lengths in a manager's notice (s19 reading 6 D10).
        "elapsed_figures": duration(lasted, language, lang, hours=True, figures=True),
        "compensation": _compensation(incident, config, language, lang, now, zone),
        # A long outage says how long it has lasted and apologises for the harm; short
        # channels (SMS, social) then find room for the apology.
        "long_outage": long_outage,
        # What an apology is for: "inconvenience" belittles a long outage, and a critical one
        # from its first minute (s26 HE-3, AR-9).
        "trouble": _word(_trouble(language.compensation, long_outage,
                                  incident.severity.value == "critical"), language.speech),
        "contact": _contact(incident, config, language, lang, say, down_ids,
                            {s.id for s, k in zip(incident.services, named, strict=True) if k}),
        "action_says_no_contact": _says_no_contact(incident.customer_action, language, lang),
        # The customer action asks to send lost emails again while email support is down and
        # its mail is not kept: the lost-email sentence of the email, the status page and the
        # staff notices says it already, with the time, so they leave the action out.
        "action_says_resend": _says_resend(incident, config, language, lang, down_ids),
        # Only the status page shows the updates: formatted when first read (up to 50, each
        # with its moment, in every language).
        "updates": Later(lambda: [
            {"at": moment(u.at), "status": u.status.value,
             "status_label": _word(language.status[u.status.value], language.speech),
             "note": _user_text(u.note[lang], rtl, say)}
            for u in incident.updates
        ]),
    }
    # The short channels' lost-email sentence ([lost_email] lost), while email support is down
    # and its mail is not kept; none where the customer action asks it already.
    # The phone line's one says only the request: its down line says that email is not getting
    # through ([lost_email] lost_said).
    for key, text in (("resend", language.lost_email.lost),
                      ("resend_said", language.lost_email.lost_said)):
        facts["contact"][key] = _resend(incident, config, text, say, down_ids,
                                        facts["action_says_resend"])
    # With an estimate, the short channels' sentence says the times where the language has
    # them ([lost_email] lost_dated): "since 09:30 … after 12:00" is shorter and says more; the
    # phone line's too (lost_said_dated: "since the problem began … once it is fixed" never
    # told callers when, reading 46 EN-4).
    estimated = incident.eta is not None and incident.status.value != "monitoring"
    for key, dated in (("resend", language.lost_email.lost_dated),
                       ("resend_said", language.lost_email.lost_said_dated)):
        if facts["contact"][key] is not None and dated and estimated:
            facts["contact"][key] = Phrase(dated, (("since", facts["started"]["short"]),
                                                   ("back", facts["eta"]["short"])))
    # The same as a bare request, for the SMS ([lost_email] lost_brief; reading 47 AR-1).
    brief = language.lost_email.lost_brief
    facts["contact"]["resend_brief"] = Phrase(brief, (("since", facts["started"]["short"]),)) \
        if facts["contact"]["resend"] is not None and brief and estimated else None
    facts["changes"] = [_change(c, language, lang, say, moment) for c in changes or ()]
    # The estimate's change on its own, for the sentence that replaces a message's ETA line.
    facts["eta_change"] = next((c for c in facts["changes"] if c["eta"]), None)
    facts["times_day"] = _times_day(facts)
    # The two times in time order: the next update first when it comes first (reading 20).
    facts["next_update_first"] = bool(facts["times_day"]) and (
        facts["next_update"]["iso"] < facts["eta"]["iso"])
    facts["internal"] = _internal(incident, language, lang, now, zone)
    # The priority policy again at the top level, so partner channels can state it without
    # seeing the rest of `internal` (channels.RESTRICTED_FACTS says who sees what).
    facts["priority"] = None if facts["internal"] is None else facts["internal"]["priority"]
    _add_inline(facts, incident, config, language, lang)
    facts["title_done"] = _title_done(incident, language, facts["title"], facts["title_inner"])
    facts["title_fault"] = _title_fault(facts["title_inner"], language)
    return facts


def _title_done(incident: Incident, language: Language, title: Atom,
                inner: Atom) -> dict[str, Piece] | None:
    """The title as a sentence once the fault is fixed (monitoring or resolved): the title and
    the word from ``language.title_done`` for its first word ("Сбой мобильной связи
    устранён"). ``sentence`` opens a sentence, ``inner`` follows a label ("Нетивим: сбой …
    устранён"), ``word`` is the word alone (after a title set in bold). None while the fault
    lasts, in a language without the table, or for a title opening with another word."""
    if incident.status.value not in ("monitoring", "resolved"):
        return None
    first = title.text.split(" ")[0]
    said = language.title_done.get(first)
    if said is None:
        return None
    word = _word(said, language.speech)
    return {"sentence": Phrase("{title} {done}", (("title", title), ("done", word))),
            "inner": Phrase("{title} {done}", (("title", inner), ("done", word))),
            "word": word}


def _name_sources(incident: Incident, config: Config,
                  lang: str) -> tuple[list[str], list[str]]:
    """The organisation's names and every incident text in ``lang``: what tells a name from a
    word that only opens a sentence (:func:`_inner`)."""
    org = config.organisation
    texts = [incident.title[lang], incident.impact[lang]]
    internal = incident.internal
    for text in (incident.workaround, incident.customer_action,
                 *((internal.cause, internal.priority) if internal is not None else ())):
        if text is not None:
            texts.append(text.get(lang) or "")
    return [org.name[lang], org.short_name.get(lang, "")], texts


def _times_day(facts: Mapping[str, Any]) -> Piece | None:
    """The day (or night) the estimate and the next update share, said once for both
    (``f.times_day``: "both in the early hours of Sunday 29 November"; s22, reading 24
    N2): its ``day_dated`` when both name the day alike, else the plain one; None when they fall
    on different days, or the estimate changed or ends monitoring (their own sentences)."""
    eta, update = facts["eta"], facts["next_update"]
    if not (update and eta and not facts["eta_change"] and facts["status"] != "monitoring"
            and eta["day_dated_plain"] and str(eta["date"]) == str(update["date"])):
        return None
    same = str(eta["day_dated"]) == str(update["day_dated"])
    day: Piece = eta["day_dated"] if same else eta["day_dated_plain"]
    return day


def _add_inline(facts: dict[str, Any], incident: Incident, config: Config, language: Language,
                lang: str) -> None:
    """Incident text and the compensation as placed after a label's colon ("Priority:
    business customers first", "**Compensation:** every affected customer…"): ``*_inline``
    next to each (s19 reading 6 D10)."""
    names, texts = _name_sources(incident, config, lang)
    # After a label ("Workaround for customers: international calls…", the status page's and
    # the email's "In the meantime: international calls…", R11 he #9): small first letter
    # unless it opens with a name. ``workaround_inline`` lowers only listed openings.
    facts["workaround_after_label"] = _inline(facts["workaround_inline"], language, names, texts)
    # The impact after the email's label ("What is happening: some customers cannot sign in…",
    # reading 44 EN-8): small first letter unless it opens with a name.
    facts["impact_inline"] = _inline(facts["impact"], language, names, texts)
    internal = facts["internal"]
    if internal is not None:
        for key in ("priority", "cause"):
            internal[f"{key}_inline"] = _inline(internal[key], language, names, texts)
    compensation = facts["compensation"]
    if compensation is not None:
        compensation["sentence_inline"] = _inline(compensation["sentence"], language, names,
                                                  texts)


class Later(list[Any]):
    """A list of facts made on first use: a template, a check or any other reader sees a plain
    list, and a bundle whose messages never read it does not pay for formatting it.

    Its items are mappings, never pieces (:func:`_where` does not look inside it).

    >>> made = Later(lambda: [{"n": 1}])
    >>> len(made), made[0], made == [{"n": 1}]
    (1, {'n': 1}, True)
    """

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        super().__init__()
        self._make: Callable[[], list[Any]] | None = make

    def made(self) -> bool:
        """Whether the items have been made."""
        return self._make is None

    def _items(self) -> None:
        make = self._make
        if make is not None:
            self._make = None
            super().extend(make())

    def __len__(self) -> int:
        self._items()
        return super().__len__()

    def __iter__(self) -> Iterator[Any]:
        self._items()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Any]:
        self._items()
        return super().__reversed__()

    def __getitem__(self, index: Any) -> Any:
        self._items()
        return super().__getitem__(index)

    def __contains__(self, item: object) -> bool:
        self._items()
        return super().__contains__(item)

    def __eq__(self, other: object) -> bool:
        self._items()
        if isinstance(other, Later):
            other._items()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __add__(self, other: Any) -> Any:
        return list(self) + other

    def __radd__(self, other: Any) -> Any:
        return other + list(self)

    def __repr__(self) -> str:
        self._items()
        return super().__repr__()

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))

    def index(self, *args: Any) -> int:
        self._items()
        return super().index(*args)

    def count(self, value: Any) -> int:
        self._items()
        return super().count(value)

    def copy(self) -> list[Any]:
        return list(self)


def _change(change: Change, language: Language, lang: str, say: speech.SpeechWords,
            moment: Callable[[dt.datetime | None], dict[str, Any] | None]) -> dict[str, Any]:
    """One change as templates place it: ``kind`` (a stable id), ``eta`` (whether it is about
    the estimate), ``sentence``, ``short`` and ``dated`` (the language file's wording with the
    estimates as ``when``, ``short`` and ``dated``; None when it has none for the kind),
    ``minutes`` and ``duration`` (late, or how far the estimate moved), ``old``/``new``
    estimates as moments, the statuses and the names of the services added or no longer
    affected."""
    rtl = language.rtl
    services = [_user_text(s.name[lang], rtl, say) for s in change.services
                if s.name.get(lang) is not None]
    kind = change.kind.value
    key = cast(ChangeKindName, kind)
    old, new = moment(change.old_eta), moment(change.new_eta)
    named = _join(services, language) if services else None
    length = None if change.minutes is None else duration(change.minutes, language, lang)

    def wording(pattern: str | None, form: str) -> Piece | None:
        if not pattern:
            return None
        # An earlier estimate on the same day as the new one is said by its time alone:
        # "...today at 19:00, not at 17:00 as we said".
        same_day = old is not None and new is not None and old["iso"][:10] == new["iso"][:10]
        slots = {"new": None if new is None else new[form],
                 "old": None if old is None else old["at" if same_day and form != "short"
                                                      else form],
                 "services": named, "duration": length}
        parts = tuple((name, value) for name, value in slots.items()
                      if value is not None and f"{{{name}}}" in pattern)
        return Phrase(pattern, parts) if parts else Atom(pattern, partial(_speak_text, pattern,
                                                                          say))

    return {
        "kind": kind,
        "eta": kind.startswith("eta_"),
        "sentence": wording(language.changes.get(key), "when"),
        "short": wording(language.changes_short.get(key) or language.changes.get(key), "short"),
        # For a page that stays up: the estimates with their weekday and date.
        "dated": wording(language.changes.get(key), "dated"),
        # Said inside an apology the message makes anyway ("ועל העיכוב בעדכון הזה").
        "also": wording(language.changes_also.get(key), "when"),
        "minutes": change.minutes,
        "duration": length,
        "old": old,
        "new": new,
        "old_status": None if change.old_status is None else change.old_status.value,
        "new_status": None if change.new_status is None else change.new_status.value,
        "services": named,
        "service_ids": [s.id for s in change.services],
    }


def _word(text: str, say: speech.SpeechWords) -> Atom:
    return Atom(text, partial(_speak_text, text, say))


def _url(url: str) -> Atom:
    return Atom(url.rstrip("/"), "", ltr=True, url=True)


def _bare(url: str) -> str:
    """``url`` without its scheme: "https://status.x.co/" -> "status.x.co/".

    >>> _bare("https://status.netivim.example")
    'status.netivim.example'
    """
    return url.split("://", 1)[-1]


def _trouble(words: CompensationWords, long_outage: bool, critical: bool) -> str:
    """What the apology is for (``f.trouble``): ``trouble_long`` after a long outage,
    ``trouble_critical`` (else ``trouble_long``) in a critical incident, else ``trouble``."""
    if long_outage:
        return words.trouble_long
    if critical:
        return words.trouble_critical or words.trouble_long
    return words.trouble


def _compensation(incident: Incident, config: Config, language: Language, lang: str,
                  now: dt.datetime, zone: ZoneInfo) -> dict[str, Any] | None:
    """The compensation as one complete fact: ``sentence`` (how much, of what, in what form,
    the last day with its year, how it reaches the customer) and ``short`` (for SMS: the
    percent, its base and the last day with its year), both from ``[compensation]`` in the
    language file; ``staff`` and ``partner``, the same sentence with how it reaches customers
    said by reps and managers or by agents and resellers (``[compensation_voice]``); plus the
    parts for templates that lay it out themselves."""
    comp = incident.compensation
    if comp is None:
        return None
    words = language.compensation
    kind: Literal["voucher", "credit", "refund"] = comp.kind.value
    percent = Atom(_babel(format_percent(comp.percent / 100, locale=_locale(language.locale))),
                   partial(_speak_text, f"{comp.percent}%", language.speech), ltr=True)
    base = _word(words.base[comp.of.value], language.speech)
    valid = expiry = expiry_short = None
    if comp.valid_until is not None:
        valid = _moment(dt.datetime.combine(comp.valid_until, dt.time(12), tzinfo=zone), now,
                        zone, language, lang)
        expiry = date_atom(comp.valid_until, words.date_format, language, with_year=True)
        expiry_short = date_atom(comp.valid_until, words.date_format_short, language,
                                 with_year=True)
    delivery = config.compensation.delivery
    until = words.expiry_kind.get(kind, words.expiry)
    sent = voucher_sent(incident.resolved_at, config, language, kind, now, zone)

    def how(table: Mapping[DeliveryKey, str], by: Piece | None = None) -> Piece:
        return sent.wording(table, language.speech, by)

    def whole(pattern: str, what: str, until: str, last: Atom | None, how: Piece,
              base: Piece = base) -> Phrase:
        what_piece = Phrase(what, (("percent", percent), ("base", base)))
        until_piece: Piece = (Atom("", "") if last is None
                              else Phrase(until, (("date", last),)))
        return Phrase(pattern, (("what", what_piece), ("expiry", until_piece),
                                ("delivery", how)))

    # The same fact passed on by reps and managers (``staff``: "customers receive it") and by
    # agents and resellers (``partner``: "your clients receive it"), from
    # ``[compensation_voice]``; a language file without it keeps the customer's sentence.
    voices = language.compensation_voice
    voiced = {name: (whole(words.sentence, words.what[kind], until, expiry,
                           how(getattr(voices, name)[delivery])) if voices is not None
                     else None)
              for name in ("staff", "partner")}
    sentence = whole(words.sentence, words.what[kind], until, expiry,
                     how(words.delivery[delivery]))
    brief = sentence
    if words.delivery_brief is not None:
        # The expiry as the full sentence says it: a voucher's own verb ("وتسري القسيمة").
        brief = whole(words.sentence, words.what[kind], until, expiry,
                      how(words.delivery_brief[delivery]))
    expiry_said = words.expiry_short_kind.get(kind, words.expiry_short)

    def dated(table: Mapping[DeliveryKey, str], lead: Piece | None, last: Atom | None,
              until: str, base: Piece) -> Phrase | None:
        """The voucher's one-voice sentence led by its last day (``sent``, ``sent_short``),
        once that day is known and the language has one; else None."""
        pattern = table.get(sent.key)
        if pattern is None or lead is None or delivery != "automatic":
            return None
        until_piece: Piece = (Atom("", "") if last is None
                              else Phrase(until, (("date", last),)))
        # The words around the slots are spoken as words ("SMS" said as letters).
        return with_words(pattern, (("by", lead), ("percent", percent), ("base", base),
                                    ("expiry", until_piece)), language.speech)

    short_base = (_word(words.base_short[comp.of.value], language.speech)
                  if comp.of.value in words.base_short else base)
    if (whole_sent := dated(words.sent, sent.lead, expiry, until, base)) is not None:
        sentence = brief = whole_sent
        brief = dated(words.sent_brief, sent.lead, expiry, expiry_said, base) or brief
    # The same said to one customer (the email reply, the IVR, a rep's quote: "we will text you
    # a voucher worth 10% of your monthly bill"), s26 EN-5.
    direct_base = (_word(words.base_direct[comp.of.value], language.speech)
                   if comp.of.value in words.base_direct else short_base)
    direct = dated(words.sent_direct, sent.lead or (sent.by if sent.by_date else None), expiry,
                   words.expiry_direct or until, direct_base) or sentence
    short_sent = dated(words.sent_short, sent.lead_short, expiry_short, expiry_said, short_base)
    if short_sent is not None:
        short = short_sent
    elif sent.said and words.short_sent is not None and words.delivery_sent_short:
        # How the voucher is sent and by when, said in the SMS too (reading 30 en-1).
        short = whole(words.short_sent, words.what_short[kind], expiry_said, expiry_short,
                      how(words.delivery_sent_short, sent.by_short), short_base)
    else:
        short = whole(words.short, words.what_short[kind], expiry_said, expiry_short,
                      _word(words.delivery_short[delivery], language.speech), short_base)
    return {"percent": percent, "kind": kind,
            "kind_label": _word(language.compensation_kind[kind], language.speech),
            "of": comp.of.value, "base": base, "delivery": delivery,
            "valid_until": valid, "expiry": expiry,
            # How a voucher is sent (config ``voucher_route``) and the last day it arrives
            # (``voucher_within_days`` after the restoration, once resolved), or None.
            "route": sent.route, "by_date": sent.by_date,
            "sentence": sentence,
            "direct": direct,
            "staff": voiced["staff"] or sentence,
            "partner": voiced["partner"] or sentence,
            "short": short,
            "brief": brief}


def _title_fault(inner: Atom, language: Language) -> Atom:
    """The title inside a spoken sentence (``f.title_fault``, ``[fault_said]``): a pile of nouns
    before the fault's word said as the language file says it ("problem with our TV service"
    for "TV service problem"), as written and as spoken alike; any other title, or a language
    without the table, is ``title_inner`` itself."""
    words = language.fault_said
    if words is None:
        return inner

    def said(text: str, escaped: Callable[[str], str]) -> str | None:
        nouns, after, rest = text.partition(words.after)
        if not (after and nouns) or rest[:1] not in ("", " "):
            return None
        if activity := language.said_as.get(nouns.lower()):
            return escaped(words.said).format(said=escaped(activity), rest=rest)
        last = (nouns.split() or [""])[-1].lower()
        pattern = words.named if last in words.activities else words.ours
        return escaped(pattern).format(nouns=nouns, rest=rest)

    text = said(inner.text, str)
    if text is None:
        return inner
    return Atom(text, lambda: said(inner.spoken, lambda s: str(escape(s))) or inner.spoken,
                ltr=inner.ltr)


def with_words(pattern: str, parts: tuple[tuple[str, Piece], ...],
               say: speech.SpeechWords) -> Phrase:
    """``pattern`` with its slots filled by ``parts`` and the words between them spoken as
    words, as :func:`with_slot` does for one slot ("…ב-SMS עד {by}" said "אס אם אס").

    >>> from crisiscomms.text.speech import speech_words
    >>> said = with_words("{by}, ב-SMS", (("by", Atom("עד 28.11", "")),), speech_words("he"))
    >>> str(said), "אס" in said.parts[1][1].spoken
    ('עד 28.11, ב-SMS', True)
    """
    pieces: list[tuple[str, Piece]] = []
    slots = dict(parts)
    out: list[str] = []
    for n, (literal, field, _spec, _conv) in enumerate(string.Formatter().parse(pattern)):
        if literal:
            # No underscore: Markdown output escapes the pattern's own marks.
            key = f"words{n}"
            out.append("{" + key + "}")
            # Speech trims a word's edges; the spaces between slots must stay.
            core = literal.strip()
            lead, trail = literal[:len(literal) - len(literal.lstrip())], literal[len(
                literal.rstrip()):]
            pieces.append((key, Atom(literal, partial(_spaced, core, lead, trail, say))))
        if field is not None:
            out.append("{" + field + "}")
            pieces.append((field, slots[field]))
    return Phrase("".join(out), tuple(pieces))


def _spaced(core: str, lead: str, trail: str, say: speech.SpeechWords) -> str:
    return lead + _speak_text(core, say) + trail if core else lead


def with_slot(pattern: str, name: str, value: Piece, say: speech.SpeechWords) -> Piece:
    """``pattern`` with its one slot ``{name}`` filled by ``value``; the words around it are
    spoken as words ("בהודעת SMS" said "אס אם אס"), which a phrase's own pattern is not. A
    pattern without the slot is a word.

    >>> from crisiscomms.text.speech import speech_words
    >>> by = Atom(" by 28 Nov", "")
    >>> str(with_slot("We will text it to you{by}.", "by", by, speech_words("en")))
    'We will text it to you by 28 Nov.'
    """
    before, slot, after = pattern.partition("{" + name + "}")
    if not slot:
        return _word(pattern, say)
    return Phrase("{before}{" + name + "}{after}",
                  (("before", _word(before, say)), (name, value), ("after", _word(after, say))))


class VoucherSent(NamedTuple):
    """How an automatic voucher reaches the customer, as config and incident allow."""

    kind: CompensationKindId
    key: DeliveryKey
    """The delivery tables' key: ``voucher_<route>`` with a route, else the kind."""
    route: VoucherRoute | None
    by_date: Atom | None
    """The last day it arrives, as the sentence writes it; None while live or not set."""
    by: Piece
    """The ``{by}`` slot: " by Monday 30 November", or empty."""
    by_short: Piece
    """The same in the short form (" by 30 Nov"), or empty."""
    lead: Piece | None = None
    """The last day said first (``by_lead``: "By Monday 30 November"), or None."""
    lead_short: Piece | None = None
    """The same in the short form (``by_lead_short``: "By 30 Nov"), or None."""

    @property
    def said(self) -> bool:
        """Whether the route or the last day is said."""
        return self.route is not None or self.by_date is not None

    def wording(self, table: Mapping[DeliveryKey, str], say: speech.SpeechWords,
                by: Piece | None = None) -> Piece:
        """How it arrives from one of the delivery tables: the route's wording, else the
        kind's, with its ``{by}`` slot filled (``by``, else :attr:`by`)."""
        return with_slot(table.get(self.key) or table[self.kind], "by", by or self.by, say)


def voucher_sent(restored: dt.datetime | None, config: Config, language: Language,
                 kind: CompensationKindId, now: dt.datetime, zone: ZoneInfo) -> VoucherSent:
    """How an automatic voucher is sent (``[compensation] voucher_route``) and the last day it
    arrives: the date of ``restored`` (the restoration, or a case's resolution) plus
    ``voucher_within_days``, with its weekday and its year when that differs from ``now``'s,
    said only once resolved (a live incident has no restoration to count from). A credit or
    refund: neither (the next bill; the payment method)."""
    policy = config.compensation
    words = language.compensation
    empty = Atom("", "")
    if kind != "voucher" or policy.delivery != "automatic":
        return VoucherSent(kind, kind, None, None, empty, empty)
    route = policy.voucher_route
    key: DeliveryKey = "voucher" if route is None else _ROUTE_KEYS[route]
    if policy.voucher_within_days is None or restored is None or words.by is None:
        return VoucherSent(kind, key, route, None, empty, empty)
    day = (restored.astimezone(zone).date()
           + dt.timedelta(days=policy.voucher_within_days))
    other_year = day.year != now.astimezone(zone).year
    pattern = (language.date_format if not other_year else
               language.date_year_format or f"{language.date_format} y")
    date = date_atom(day, pattern, language, with_year=other_year)
    weekday = (_word(words.by_weekdays[day.weekday()], language.speech) if words.by_weekdays
               else _weekday(day, language))
    by = Phrase(words.by, (("weekday", weekday), ("date", date)))
    lead = (None if words.by_lead is None
            else Phrase(words.by_lead, (("weekday", weekday), ("date", date))))
    by_short: Piece = empty
    lead_short: Piece | None = None
    if words.by_short is not None or words.by_lead_short is not None:
        # A date in another year is said with it, as the expiry's short date is.
        short_pattern = (words.date_format_short if other_year
                         else words.by_date_format_short or language.date_format)
        short_date = date_atom(day, short_pattern, language, with_year=other_year)
        if words.by_short is not None:
            by_short = Phrase(words.by_short, (("date", short_date),))
        if words.by_lead_short is not None:
            # With its weekday where the language says it ("By Saturday 28 Nov", reading 46 EN-8).
            lead_short = Phrase(words.by_lead_short, (("weekday", weekday),
                                                      ("date", short_date)))
    return VoucherSent(kind, key, route, date, by, by_short, lead, lead_short)


_ROUTE_KEYS: dict[VoucherRoute, DeliveryKey] = {
    "sms": "voucher_sms", "email": "voucher_email", "app": "voucher_app"}


def _own_services(config: Config) -> dict[str, set[str]]:
    """Each contact channel's own services: those it depends on that are the channel itself
    (the same id, or the channel's only service; the chat's, not the website it rides on)."""
    return {cid: {sid for sid in channel.services if sid == cid or len(channel.services) == 1}
            for cid in CONTACT_CHANNELS
            if (channel := config.contact.get(cid)) is not None}  # type: ignore[call-overload]


def _said_on_call(incident: Incident, config: Config, down: Collection[str]) -> set[str]:
    """The affected services the IVR's down line names (``f.contact.down_on_call``): with the
    phone line down, the own services (:func:`_own_services`) of every contact channel that is
    down (``down``, from :func:`_down_channels`); none when the phone line works or the incident
    is resolved (no down line is said).

    >>> from crisiscomms.config import default_templates_dir, load_config
    >>> from crisiscomms.samples import load_example
    >>> config = load_config(default_templates_dir())
    >>> base = load_example("identified")
    >>> def with_ids(*ids: str) -> Incident:
    ...     return base.model_copy(update={"services": [
    ...         base.services[0].model_copy(update={"id": i}) for i in ids]})
    >>> def said(*ids: str) -> list[str]:
    ...     incident = with_ids(*ids)
    ...     return sorted(_said_on_call(incident, config, _down_channels(incident, config)))
    >>> said("app", "call-centre", "chat")
    ['call-centre', 'chat']
    >>> said("website", "call-centre")
    ['call-centre']
    >>> said("app", "chat")
    []
    """
    if "phone" not in down:
        return set()
    own = _own_services(config)
    return {sid for cid in down for sid in own[cid]} & {s.id for s in incident.services}


def _down_channels(incident: Incident, config: Config) -> set[str]:
    """The configured contact channels the incident takes down: those that depend on an
    affected service (``[contact.<id>] services``); none once it is resolved, when every
    channel is offered again."""
    if incident.status.value == "resolved":
        return set()
    affected = {s.id for s in incident.services}
    return {cid for cid in CONTACT_CHANNELS
            if (channel := config.contact.get(cid)) is not None  # type: ignore[call-overload]
            and affected.intersection(channel.services)}


def _contact(incident: Incident, config: Config, language: Language, lang: str,
             say: speech.SpeechWords, down_ids: Collection[str],
             titled: Collection[str] = ()) -> dict[str, Any]:
    """The organisation's contact channels against this incident: the ones that work, named
    (with their hours) for customers to turn to, and a sentence for each one that is down
    because the incident affects a service it depends on (``[contact.<id>] services``).
    ``down_ids``: the channels it takes down (:func:`_down_channels`, worked out once per
    render); ``titled``: the ids of the services the title names."""
    org = config.organisation
    words = language.contact
    # Once the fault is fixed, no channel is down: every one is offered again.
    affected = (set() if incident.status.value == "resolved"
                else {s.id for s in incident.services})
    working: list[Piece] = []
    working_short: list[Piece] = []
    working_ids: list[str] = []
    down: list[tuple[str, Piece]] = []
    others: list[tuple[str, Piece]] = []
    is_down: dict[str, bool] = {}
    for cid in CONTACT_CHANNELS:
        channel = config.contact.get(cid)  # type: ignore[call-overload]
        if channel is None:
            is_down[cid] = False
            continue
        is_down[cid] = cid in down_ids
        if is_down[cid]:
            down.append((cid, _word(words.down[cid], say)))  # type: ignore[index]
            continue
        pattern = words.channel[cid]  # type: ignore[index]
        named = _slot(pattern, "address", _address(cid, channel.address, org, say), say)
        if cid != "phone" and isinstance(named, Phrase):
            # An address is never spoken: speech says the filled phrase as a whole, so the
            # words before it and the words for where it points become one ("by email").
            named = Phrase(named.pattern, named.parts, partial(_speak_text, str(named), say))
        working_short.append(named)
        working_ids.append(cid)
        if cid != "phone":
            others.append((cid, named))
        working.append(_with_hours(named, channel.hours.get(lang), language, say))
    listed = _alternatives(working, language) if working else None
    # When the line opens, worked out once for both sentences that say it.
    phone_hours = None if is_down.get("phone") else _phone_hours(incident, config, language, say)
    # The run the line opens in without the week's other hours, for the last wording.
    phone_run = None if is_down.get("phone") else _phone_hours(incident, config, language, say,
                                                               more=False)
    # Inside the hours, when the line closes before the next update replaces the statement:
    # each hold line below says until when it answers today and when it opens next instead
    # (``[contact] phone_closes``; reading 46 HE-2). None without that wording.
    closing = None if is_down.get("phone") or phone_hours is not None \
        else _phone_closes(incident, config, language, say)
    email = config.contact.get("email")
    own = _own_services(config)
    # The down channels whose affected own services the title names, every one of them.
    in_title = {c for c, _ in down if (own_affected := own[c] & affected)
                and own_affected <= set(titled)}
    return {
        "is_down": is_down,
        "any_down": bool(down),
        "working": listed,
        "down": _down(down, language, say),
        # The email auto-reply: the other channels that are down, and whether the email it
        # answers is kept until the service is back ([contact.email] kept).
        "down_others": _down([(c, p) for c, p in down if c != "email"], language, say),
        "email_kept": email is None or email.kept,
        # The same two without the channels whose own affected services the title names
        # ("Phone line and chat problem ... Our phone line and the chat are down"), so a page
        # does not say it twice (reading 30 en-9, RU-5); a channel down because of another
        # service (the chat, with the website) is still said.
        "down_untitled": _down([(c, p) for c, p in down if c not in in_title], language, say),
        "down_others_untitled": _down([(c, p) for c, p in down
                                       if c != "email" and c not in in_title], language, say),
        # A channel that takes written requests is down: the chat, or email whose mail is not
        # kept. "Every request is recorded" is then untrue for what customers wrote there, so
        # the no-need line gives its other reason: we know about the problem (reading 28 HE-1).
        "requests_lost": is_down.get("chat", False)
        or (is_down.get("email", False) and not (email is None or email.kept)),
        "sentence": None if not config.contact else
        Phrase(words.working, (("channels", listed),)) if listed is not None
        else _word(words.none_working, say),
        "short": Phrase(words.short, (("channel", working_short[0]),))
        if working_short else None,
        # The same for speech, which never says an address: the first working channel that a
        # caller can use from what they hear, email last (reading 28 HE-15, EN-11, AR-3, RU-1).
        "short_said": Phrase(words.short, (("channel", _said_first(working_short, working_ids)),))
        if working_short else None,
        # The first working channel as a brief sentence ([contact.brief]), for the SMS beside a
        # lost-email request (reading 47 AR-1); None without one.
        "brief_one": next((_word(words.brief[cid], say) for cid in working_ids[:1]
                           if cid in words.brief), None),
        # The working channels said of the organisation, for the partners' quote (R19).
        "working_third": _working_third(config, language, lang, say, is_down),
        # Every working channel as a bare list, for staff notices (s19 R3).
        "list_all": _list_all(config, language, lang, say, is_down),
        "down_on_call": _down_on_call(down, language, say),
        # The same without the other channels the title names, all of whose affected own
        # services it names ("Phone line and chat problem ... Our representatives cannot take
        # calls."): the calls line is always said, the rest once (reading 28 EN-10, HE-9).
        "down_on_call_after_title": _down_on_call(
            [(c, p) for c, p in down if c == "phone" or c not in in_title], language, say),
        # Every working channel, without hours: the IVR names them all (s18b R4).
        "short_all": Phrase(words.short, (("channel", _alternatives(working_short, language)),))
        if working_short else None,
        # The same for speech, email last: its spoken address ends in "on our website", and a
        # channel after it was heard as where the address appears ("במייל לכתובת שמופיעה באתר
        # ובמרכזי השירות", reading 30 HE-3).
        "short_all_said": Phrase(words.short, (("channel", _alternatives(
            _email_last(working_short, working_ids), language)),)) if working_short else None,
        "short_any_said": Phrase(words.short_any or words.short, (("channel", _join(
            _email_last(working_short, working_ids), language, "or")),))
        if working_short else None,
        # Every working channel as alternatives, for the SMS beside "no need to contact us
        # about this problem" ([contact] short_any, "פנו במייל … או במרכזי השירות"; R14 #1).
        "short_any": Phrase(words.short_any or words.short,
                            (("channel", _join(working_short, language, "or")),))
        if working_short else None,
        **_contact_scoped(config, language, is_down, working_short, say),
        # Outside the phone's opening hours, the IVR's "stay on the line" (R11 he #1).
        "phone_closed": _phone_closed(phone_hours, config, language, say, others) or closing,
        # The same without the other channel ("For anything else, call us ... 08:00 to
        # 20:00."), for the IVR's last wordings (s22 ivr22d).
        # The run the line opens in alone: the week's other hours ("or Friday until 13:00")
        # are said at every wording before (reading 44 EN-18).
        "phone_closed_alone": _phone_closed(phone_run, config, language, say, ()) or closing,
        # The run with the other channel, for the wording before the last (the chat kept over
        # the week's other hours).
        "phone_closed_run": _phone_closed(phone_run, config, language, say, others,
                                          language.contact.phone_closed_run) or closing,
        # The same with the line's next opening alone ("call us tomorrow from 08:00, or chat
        # with us ..."), for the IVR's last wordings, which keep the chat (s23 saidb23).
        "phone_closed_next": _phone_closed(
            None if phone_hours is None else _phone_opens(incident, config, language, say),
            config, language, say, others, language.contact.phone_closed_next) or closing,
        **_contact_other(config, language, is_down, working_short, say),
        **_contact_only(affected, config, language, working_short),
    }


def _said_first(channels: Sequence[Piece], ids: Sequence[str]) -> Piece:
    """The first of the working ``channels`` (their ids ``ids``) that speech can offer whole:
    email, whose address is never spoken, only when no other channel works.

    >>> _said_first(["by email", "at our service centres"], ["email", "stores"])
    'at our service centres'
    >>> _said_first(["by email"], ["email"])
    'by email'
    """
    return _email_last(channels, ids)[0]


def _email_last(channels: Sequence[Piece], ids: Sequence[str]) -> list[Piece]:
    """The working ``channels`` (their ids ``ids``) with email moved to the end, for speech.

    >>> _email_last(["by chat", "by email", "at our service centres"], ["chat", "email", "stores"])
    ['by chat', 'at our service centres', 'by email']
    """
    pairs = list(zip(channels, ids, strict=True))
    return [c for c, cid in pairs if cid != "email"] + [c for c, cid in pairs if cid == "email"]


def _contact_only(affected: set[str], config: Config, language: Language,
                  working_short: Sequence[Piece]) -> dict[str, Any]:
    """Whether every affected service is a contact channel itself (``only_contact``): the
    call centre and its mail, not an internet outage that also takes the phone line down.
    Nobody then contacts us about the fault itself, so the SMS points at the working channels
    for now (``short_meanwhile``, "בינתיים ניתן לפנות …"), not "for any other matter" (R19 he
    #1). A service is a channel itself when the channel depends on it alone or shares its id
    (the chat, which also rides on the website: a website outage is not a contact channel's).

    >>> from crisiscomms.config import default_templates_dir, load_config, load_language
    >>> config = load_config(default_templates_dir())
    >>> he = load_language(default_templates_dir(), "he")
    >>> [_contact_only(a, config, he, ())["only_contact"] for a in
    ...  ({"call-centre", "support-mail"}, {"call-centre", "chat"}, {"website"},
    ...   {"fiber", "call-centre"}, set())]
    [True, True, False, False, False]
    """
    own = {sid for cid in CONTACT_CHANNELS
           if (channel := config.contact.get(cid)) is not None  # type: ignore[call-overload]
           for sid in channel.services if sid == cid or len(channel.services) == 1}
    only = bool(affected) and affected <= own
    words = language.contact
    return {"only_contact": only,
            "short_meanwhile": Phrase(words.short_meanwhile,
                                      (("channel", _join(working_short, language, "or")),))
            if only and working_short and words.short_meanwhile else None}


def _contact_scoped(config: Config, language: Language, is_down: Mapping[str, bool],
                    working_short: Sequence[Piece], say: speech.SpeechWords) -> dict[str, Any]:
    """The working channels scoped to any other matter, where the no-need line does not fit
    beside them (``[contact] short_other``, "בעניין אחר פנו במייל …"; R15 #1): every one joined
    with "or" (``short_other``) or the first alone (``short_other_one``, the SMS's shortest
    wordings: an outage customers would contact us about never gets an unscoped "ניתן לפנות";
    reading 20 #1). Each channel in its ``[contact.scoped]`` wording where the language gives
    one ("call *2040", reading 20 en #2), else as ``working_short`` has it."""
    words = language.contact
    if not working_short or not words.short_other:
        return {"short_other": None, "short_other_one": None, "short_other_one_said": None,
                "short_other_said": None}
    org = config.organisation
    said: list[Piece] = []
    ids: list[str] = []
    for cid, channel in _working(config, is_down):
        pattern = words.scoped.get(cid)  # type: ignore[call-overload]
        said.append(working_short[len(said)] if pattern is None else
                    _slot(pattern, "address", _address(cid, channel.address, org, say), say))
        ids.append(cid)
    return {"short_other": Phrase(words.short_other, (("channel", _join(said, language, "or")),)),
            # The same for speech, email last (short_all_said).
            "short_other_said": Phrase(words.short_other, (("channel", _join(
                _email_last(said, ids), language, "or")),)),
            "short_other_one": Phrase(words.short_other, (("channel", said[0]),)),
            "short_other_one_said": Phrase(words.short_other,
                                           (("channel", _said_first(said, ids)),))}


def _contact_other(config: Config, language: Language, is_down: dict[str, bool],
                   working_short: Sequence[Piece], say: speech.SpeechWords) -> dict[str, Any]:
    """The working channels for any other matter (``[contact] other``, "لأي أمر آخر: …"),
    beside the scoped no-need line: every one (``other_all``) or the first alone
    (``other_one``). Where the language gives ``short_other`` and ``[contact.scoped]``, each
    channel has a verb of its own and a list is all verbs joined with "or" ("لأي أمر آخر اتصلوا
    بنا على *2040 أو …", "По другим вопросам звоните *2040, …"; reading 22 N1-N3); a channel
    alone with a ``[contact.bare]`` noun form takes ``other`` instead ("لأي أمر آخر: الدردشة في
    موقعنا", "По другим вопросам — чат на сайте")."""
    words = language.contact
    if not words.other or not working_short:
        return {"other_all": None, "other_one": None}
    org = config.organisation
    working = list(_working(config, is_down))
    verbs = bool(words.short_other)
    said = [working_short[i] if (pattern := words.scoped.get(cid)) is None or not verbs  # type: ignore[call-overload]
            else _slot(pattern, "address", _address(cid, channel.address, org, say), say)
            for i, (cid, channel) in enumerate(working)]
    first, channel = working[0]
    bare = words.bare.get(first)  # type: ignore[call-overload]
    lead = words.short_other or words.other
    one = (Phrase(lead, (("channel", said[0]),)) if bare is None else Phrase(words.other, ((
        "channel", _slot(bare, "address", _address(first, channel.address, org, say), say)),)))
    every = _join(said, language, "or" if verbs else "standard")
    return {"other_all": Phrase(lead, (("channel", every),)), "other_one": one}


def _phone_closed(hours: Atom | None, config: Config, language: Language,
                  say: speech.SpeechWords,
                  others: Sequence[tuple[str, Piece]], pattern: str = "") -> Piece | None:
    """When the line opens (``hours``, from :func:`_phone_hours`) and the first other working
    channel (``[contact] phone_channel``, else its ``channel``), in ``[contact] phone_closed``;
    with no other channel given, the hours alone (``phone_closed_alone``); None inside the
    hours, or with no structured hours or no wording. ``pattern``: another wording of
    ``phone_closed`` for these hours."""
    if hours is None:
        return None
    words = language.contact
    if others:
        return Phrase(pattern or words.phone_closed, (("hours", hours),
                                           ("channel", _phone_channel(config, language, say,
                                                                      *others[0]))))
    if words.phone_closed_alone:
        return Phrase(words.phone_closed_alone, (("hours", hours),))
    return None


class _LineWeek(NamedTuple):
    """The phone line's week as a statement made ``now`` sees it: each weekday's hours
    (``spans``, Monday first; None closed), the time to the minute, as the hours are written,
    ``today`` and the days the business is shut from today (``[cases]``)."""

    spans: list[tuple[dt.time, dt.time | None] | None]
    now: dt.datetime
    clock: dt.time
    today: dt.date
    shut: frozenset[dt.date]


def _line_week(week: Mapping[str, str], incident: Incident, config: Config) -> _LineWeek:
    now = incident.updated_at.astimezone(ZoneInfo(config.organisation.time_zone))
    today = now.date()
    return _LineWeek([hours_span(week[day]) for day in WEEKDAYS], now,
                     now.time().replace(second=0, microsecond=0, tzinfo=None), today,
                     days_shut(config.cases, today))


def _next_opening(line: _LineWeek) -> dt.date:
    """The day the line next opens: today if it has not opened yet, else the next day with
    hours that is not shut (within a week beyond the shut days: the statement's week has an
    open day, or none of these is asked)."""
    spans, _, clock, today, shut = line
    return next(d for d in (today + dt.timedelta(days=n) for n in range(len(shut) + 8))
                if d not in shut and (found := spans[d.weekday()]) is not None
                and (d != today or clock < found[0]))


def _phone_hours(incident: Incident, config: Config, language: Language,
                 say: speech.SpeechWords, *, more: bool = True) -> Atom | None:
    """When the statement's time falls outside ``[contact.phone] opening_hours`` or on a day
    the business is closed (``[cases] holidays`` and ``closed``): when the line opens (the run
    of days with the hours of its next opening, or every day); None inside the hours, or with
    no structured hours or no ``phone_closed`` wording. ``more``: the week's other hours
    after that run (``open_hours_more``), Friday's after Sunday to Thursday."""
    words = language.contact
    phone = config.contact.get("phone")
    week = None if phone is None else phone.opening_hours
    if week is None or not words.phone_closed or not words.open_hours or len(words.days) != 7:
        return None
    line = _line_week(week, incident, config)
    spans, now, clock, today, shut = line
    span = None if today in shut else spans[today.weekday()]
    if span is not None and span[0] <= clock and (span[1] is None or clock < span[1]):
        return None
    date = _next_opening(line)
    day = date.weekday()
    # The weekly run around the day it opens, unless a closed day falls in it from today on:
    # then the days it really opens, from that day on.
    run = [date]
    while len(run) < 7 and spans[(run[0] - dt.timedelta(days=1)).weekday()] == spans[day]:
        run.insert(0, run[0] - dt.timedelta(days=1))
    while len(run) < 7 and spans[(run[-1] + dt.timedelta(days=1)).weekday()] == spans[day]:
        run.append(run[-1] + dt.timedelta(days=1))
    broken = any(d in shut for d in run if d >= today)
    first, last = (day if broken else run[0].weekday()), day
    following = date + dt.timedelta(days=1)
    while spans[following.weekday()] == spans[day] and following.weekday() != first \
            and following not in shut:
        last, following = following.weekday(), following + dt.timedelta(days=1)
    opens, closes = spans[day] or (dt.time(0), None)  # `day` is open: never the default
    ahead = -1 if _heard_later(incident, now.tzinfo) or _small_hours(now, language) \
        else (date - today).days

    def at(clock: dt.time | None) -> str:
        return _format_time(clock or dt.time(0), language.time_format, language.locale)

    starts = words.days_from if len(words.days_from) == 7 else words.days
    every_day = (last + 1) % 7 == first and words.open_hours_every_day
    pattern = (words.open_hours_every_day if every_day else words.open_hours if first != last
               else _one_day_hours(words, ahead) or words.open_hours)
    alone = words.days_alone
    text = pattern.format(first=starts[first] if first != last else alone[first],
                          last=words.days[last], open=at(opens), close=at(closes))
    if more and words.open_hours_more and pattern == words.open_hours and first != last \
            and not broken:
        # The week's other hours after the run it opens in: Friday's after Sunday to Thursday.
        runs: list[str] = []
        d = (last + 1) % 7
        while d != first:
            if spans[d] is None:
                d = (d + 1) % 7
                continue
            start = d
            while (d + 1) % 7 != first and spans[(d + 1) % 7] == spans[start]:
                d = (d + 1) % 7
            o, c = spans[start] or (dt.time(0), None)
            # A day that opens when the run does says its closing alone ("Friday until 13:00").
            runs.append(words.open_hours.format(first=starts[start], last=words.days[d],
                                                open=at(o), close=at(c)) if start != d else
                        words.open_hours_until.format(first=alone[d], close=at(c))
                        if o == opens and words.open_hours_until else
                        words.open_hours_day.format(first=alone[d], open=at(o), close=at(c)))
            d = (d + 1) % 7
        for other in runs:
            text = words.open_hours_more.format(hours=text, more=other)
    return Atom(text, partial(_speak_text, text, say))


def _phone_opens(incident: Incident, config: Config, language: Language,
                 say: speech.SpeechWords) -> Atom | None:
    """When the line next opens, its day and time alone (``[contact] opens_today``,
    ``opens_tomorrow``, else ``opens_day``: "tomorrow from 08:00", "on Sunday from 08:00"),
    for a call made outside the hours (:func:`_phone_hours`); None without that wording."""
    words = language.contact
    phone = config.contact.get("phone")
    week = None if phone is None else phone.opening_hours
    if week is None or not words.opens_day or len(words.days) != 7:
        return None
    line = _line_week(week, incident, config)
    spans, now, _, today, _ = line
    date = _next_opening(line)
    opens = (spans[date.weekday()] or (dt.time(0), None))[0]
    # A resolved statement is replaced by no update: it plays after midnight, and names the day
    # ("on Sunday from 08:00", never "tomorrow"; reading 48 EN-1).
    later = _heard_later(incident, now.tzinfo) or incident.status.value == "resolved"
    pattern = "" if later or _small_hours(now, language) else {
        0: words.opens_today, 1: words.opens_tomorrow}.get((date - today).days, "")
    alone = words.days_alone
    text = (pattern or words.opens_day).format(
        first=alone[date.weekday()],
        open=_format_time(opens, language.time_format, language.locale))
    return Atom(text, partial(_speak_text, text, say))


def _phone_closes(incident: Incident, config: Config, language: Language,
                  say: speech.SpeechWords) -> Atom | None:
    """When the statement's time is inside ``[contact.phone] opening_hours`` but the line
    closes today before the next update replaces the statement: ``[contact] phone_closes``
    with today's closing and the line's next opening ("stay on the line: we are open today
    until 20:00, and tomorrow from 08:00"), so that a caller who hears the recording after
    closing is not told to hold for a closed line (reading 46 HE-2); said by the
    ``f.contact.phone_closed`` facts. None otherwise, or without that wording.

    >>> from crisiscomms.config import default_templates_dir, load_config, load_language
    >>> from crisiscomms.samples import load_example
    >>> config = load_config(default_templates_dir())
    >>> he = load_language(default_templates_dir(), "he")
    >>> inc = load_example("identified")
    >>> late = inc.model_copy(update={
    ...     "updated_at": inc.updated_at.replace(hour=19, minute=40),
    ...     "next_update_at": inc.updated_at.replace(hour=20, minute=40)})
    >>> str(_phone_closes(late, config, he, he.speech))
    'אם פנייתכם בנושא אחר, הישארו על הקו: המוקד הטלפוני פתוח היום עד 20:00, ומחר מ-08:00.'
    >>> _phone_closes(inc, config, he, he.speech) is None
    True
    """
    words = language.contact
    phone = config.contact.get("phone")
    week = None if phone is None else phone.opening_hours
    if week is None or not words.phone_closes or not words.reopens_day \
            or incident.next_update_at is None or len(words.days) != 7:
        return None
    line = _line_week(week, incident, config)
    spans, now, clock, today, shut = line
    zone = now.tzinfo
    span = None if today in shut else spans[today.weekday()]
    if span is None or span[1] is None or not span[0] <= clock < span[1]:
        return None
    closing = dt.datetime.combine(today, span[1], tzinfo=zone)
    if incident.next_update_at.astimezone(zone) <= closing:
        return None
    # Inside today's hours: the next opening is on a later day.
    date = _next_opening(line)
    opens = (spans[date.weekday()] or (dt.time(0), None))[0]
    near = (date - today).days == 1 and not _heard_later(incident, zone) \
        and not _small_hours(now, language)
    alone = words.days_alone

    def at(clock: dt.time) -> str:
        return _format_time(clock, language.time_format, language.locale)

    after = (words.reopens_tomorrow if near and words.reopens_tomorrow else words.reopens_day)
    text = words.phone_closes.format(
        close=at(span[1]), next=after.format(first=alone[date.weekday()], open=at(opens)))
    return Atom(text, partial(_speak_text, text, say))


def _started_said(incident: Incident, now: dt.datetime, zone: ZoneInfo,
                  started: Mapping[str, Any] | None) -> Piece | None:
    """``started`` as :func:`build_facts` says it in ``started_said``."""
    if started is None:
        return None
    days = (now.astimezone(zone).date() - incident.started_at.astimezone(zone).date()).days
    if days == 0 and not _heard_later(incident, zone):
        return cast(Piece, started["when"])
    return cast(Piece, started["weekday_at"] if days < 7 else started["dated"])


def _small_hours(now: dt.datetime, language: Language) -> bool:
    """Whether ``now`` is in the small hours, before the morning (``[day] morning_from``):
    at 02:00 many listeners still count the day that has just ended as "today", so the line's
    next opening is said by its weekday, never "today" or "tomorrow" (reading 30 en-12,
    HE-13, RU-12)."""
    return now.hour < language.day.morning_from


def _heard_later(incident: Incident, zone: dt.tzinfo | None) -> bool:
    """Whether the statement may still be heard on a later date than its own: its next
    update, else its estimate, falls on a later calendar date in ``zone``. A recording made at
    23:50 plays until the 00:40 update, when "tomorrow" names the day after the one the line
    opens; such a script names the weekday instead (reading 28 HE-6, EN-4, AR-4, RU-4).

    >>> from crisiscomms.samples import load_example
    >>> zone = dt.timezone(dt.timedelta(hours=2))
    >>> base = load_example("overnight").model_copy(update={
    ...     "updated_at": dt.datetime(2026, 11, 26, 23, 50, tzinfo=zone)})
    >>> [_heard_later(base.model_copy(update={"next_update_at": dt.datetime(
    ...     2026, 11, day, hour, 40, tzinfo=zone)}), zone) for day, hour in ((27, 0), (26, 23))]
    [True, False]
    """
    until = incident.next_update_at or incident.eta
    return until is not None and (until.astimezone(zone).date()
                                  > incident.updated_at.astimezone(zone).date())


def _one_day_hours(words: ContactWords, ahead: int) -> str:
    """The wording of a line open on one day ``ahead`` days from the statement's: "today" and
    "tomorrow" where the language has them (at 06:40 on a Friday the line opens that day, and
    "on Friday" sounded like next week; reading 18 ar), else the weekday's."""
    near = {0: words.open_hours_today, 1: words.open_hours_tomorrow}.get(ahead, "")
    return near or words.open_hours_day


def _phone_channel(config: Config, language: Language, say: speech.SpeechWords, cid: str,
                   named: Piece) -> Piece:
    """The next working channel as ``phone_closed`` says it: ``[contact] phone_channel``
    when the language has it for ``cid``, else ``named`` (its ``[contact.channel]``)."""
    pattern = language.contact.phone_channel.get(cid)  # type: ignore[call-overload]
    if pattern is None:
        return named
    channel = config.contact.get(cid)  # type: ignore[call-overload]
    address = None if channel is None else channel.address
    said = _slot(pattern, "address", _address(cid, address, config.organisation, say), say)
    if isinstance(said, Phrase):
        said = Phrase(said.pattern, said.parts, partial(_speak_text, str(said), say))
    return said


def _address(cid: str, address: str | None, org: Organisation,
             say: speech.SpeechWords) -> Atom:
    """A contact channel's address (its own, else the organisation's phone, email or
    website): a phone number spoken digit by digit, a web address as a link, else as written."""
    value = address or {"phone": org.phone, "email": org.email_from}.get(cid, str(org.website))
    if cid == "phone":
        return Atom(value, partial(speech.spoken_digits, value, say), ltr=True)
    if value.startswith(("http://", "https://")):
        return _url(value)
    return Atom(value, "", ltr=True)


def _list_all(config: Config, language: Language, lang: str, say: speech.SpeechWords,
              is_down: Mapping[str, bool]) -> Piece | None:
    """The working channels as a bare list ("הצ'אט באתר ומרכזי השירות"), each in its
    ``[contact.listed]`` wording (else its ``[contact.name]``) with its hours; None when none
    works or a channel has no wording."""
    org = config.organisation
    words = language.contact
    items: list[Piece] = []
    chosen: list[tuple[str, Any, str]] = []
    for cid, channel in _working(config, is_down):
        pattern = words.listed.get(cid) or words.name.get(cid)  # type: ignore[call-overload]
        if not pattern:
            return None
        chosen.append((cid, channel, pattern))
    for i, (cid, channel, pattern) in enumerate(chosen):
        pattern = _ours_once(pattern, chosen[i + 1][2] if i + 1 < len(chosen) else "",
                             " " + words.listed_ours if words.listed_ours else "")
        named = _slot(pattern, "address", _address(cid, channel.address, org, say), say)
        items.append(_with_hours(named, channel.hours.get(lang), language, say))
    return _join(items, language) if items else None


def _working(config: Config, is_down: Mapping[str, bool]) -> Iterator[tuple[str, Any]]:
    """The configured contact channels that work, in the config's order: (id, its config)."""
    for cid in CONTACT_CHANNELS:
        channel = config.contact.get(cid)  # type: ignore[call-overload]
        if channel is not None and not is_down.get(cid):
            yield cid, channel


def _with_hours(named: Piece, hours: str | None, language: Language,
                say: speech.SpeechWords) -> Piece:
    """A channel followed by its free-text hours (``[contact] with_hours``) where it has them."""
    if not hours:
        return named
    return Phrase(language.contact.with_hours,
                  (("channel", named), ("hours", _user_text(hours, language.rtl, say))))


def _working_third(config: Config, language: Language, lang: str, say: speech.SpeechWords,
                   is_down: Mapping[str, bool]) -> Piece | None:
    """The working channels as ``working`` lists them, each in its ``[contact.third]`` wording
    (else its ``[contact.channel]``): the organisation in the third person ("by chat on its
    website"), for a quote a reseller says in their own name; None when none works."""
    org = config.organisation
    words = language.contact
    items: list[Piece] = []
    for cid, channel in _working(config, is_down):
        pattern = words.third.get(cid) or words.channel[cid]  # type: ignore[call-overload,index]
        named = _slot(pattern, "address", _address(cid, channel.address, org, say), say)
        items.append(_with_hours(named, channel.hours.get(lang), language, say))
    return _alternatives(items, language) if items else None


def _ours_once(pattern: str, following: str, ours: str) -> str:
    """A list item without its trailing possessive when the next item ends with it too.

    >>> _ours_once("email ours", "stores ours", " ours")
    'email'
    >>> _ours_once("email ours", "chat on our site", " ours")
    'email ours'
    """
    if ours and pattern.endswith(ours) and following.endswith(ours):
        return pattern[:-len(ours)]
    return pattern


def _down(down: Sequence[tuple[str, Piece]], language: Language,
          say: speech.SpeechWords) -> Piece | None:
    """What is down, from (channel id, its own sentence) pairs: one channel's own sentence;
    two or more named in one sentence (``[contact] down_many``), so "... is down because of
    this problem" is not said twice."""
    words = language.contact
    if not down:
        return None
    if len(down) > 1 and words.down_many and all(words.name.get(c) for c, _ in down):  # type: ignore[call-overload]
        names = [_word(words.name[c], say) for c, _ in down]  # type: ignore[index]
        return Phrase(words.down_many, (("channels", _join(names, language)),))
    return Phrase(" ".join(f"{{p{i}}}" for i in range(len(down))),
                  tuple((f"p{i}", p) for i, (_, p) in enumerate(down)))


def _down_on_call(down: Sequence[tuple[str, Piece]], language: Language,
                  say: speech.SpeechWords) -> Piece | None:
    """What is down, said on the phone line (the IVR): with the phone down, that our people
    cannot take calls now (``[contact] calls_down``), then the other channels that are down;
    else as :func:`_down`."""
    words = language.contact
    if not words.calls_down or not any(c == "phone" for c, _ in down):
        return _down(down, language, say)
    calls = _word(words.calls_down, say)
    others = _down([(c, p) for c, p in down if c != "phone"], language, say)
    if others is None:
        return calls
    if words.calls_down_and:
        # One sentence, "now" said once (s20 R9): "our people cannot take calls, and {others}".
        rest = [c for c, _ in down if c != "phone"]
        if len(rest) == 1 and rest[0] in words.also_down:
            return Phrase(words.calls_down_and, (("others", _word(words.also_down[rest[0]],
                                                                   say)),))
        return Phrase(words.calls_down_and, (("others", _said_lower(others, say)),))
    return Phrase("{calls} {others}", (("calls", calls), ("others", others)))


def _said_lower(piece: Piece, say: speech.SpeechWords) -> Piece:
    """``piece`` with its first letter in small case, in what is shown and what is said
    (a sentence joined to the one before it); scripts without case are left as they are."""
    if isinstance(piece, Atom):
        lowered = piece.text[:1].lower() + piece.text[1:]
        return Atom(lowered, partial(_speak_text, lowered, say), piece.ltr, piece.url)
    opening = re.match(r"\{(\w+)\}", piece.pattern)
    if opening is None:
        return Phrase(piece.pattern[:1].lower() + piece.pattern[1:], piece.parts, piece.say)
    return Phrase(piece.pattern, tuple((k, _said_lower(v, say) if k == opening.group(1) else v)
                                       for k, v in piece.parts), piece.say)


def _says_no_contact(action: Localized | None, language: Language, lang: str) -> bool:
    """Whether ``customer_action`` already tells customers there is no need to contact us
    (``[contact] no_contact`` in the language file): the fixed sentence is then left out."""
    join = language.contact.no_need_join
    # The joined form ("אין צורך לשלם או לפנות שוב") says it too.
    joined = [] if join is None else [(join.joins + _join_tail(join)).strip().rstrip(".")]
    return _says(action, lang, [*language.contact.no_contact, *joined])


def _says_resend(incident: Incident, config: Config, language: Language, lang: str,
                 down_ids: Collection[str]) -> bool:
    """Whether ``customer_action`` asks customers to send their emails again
    (``[lost_email] resend`` in the language file) while email support is down and its mail
    is not kept ([contact.email] kept), when every channel says its own lost-email sentence."""
    email = config.contact.get("email")
    if email is None or email.kept or "email" not in down_ids:
        return False
    return _says(incident.customer_action, lang, language.lost_email.resend)


def _resend(incident: Incident, config: Config, text: str, say: speech.SpeechWords,
            down_ids: Collection[str], said: bool) -> Piece | None:
    """``text``, a short channel's sentence asking customers to send again the emails that did
    not reach us (``[lost_email] lost``, ``lost_said``): while the incident is open, email
    support is down (``down_ids``) and its mail is not kept ([contact.email] kept); none where
    the language has no such sentence or the customer action asks it already (``said``).

    >>> from crisiscomms.config import default_templates_dir, load_config, load_language
    >>> from crisiscomms.samples import load_example
    >>> folder = default_templates_dir()
    >>> config, en = load_config(folder), load_language(folder, "en")
    >>> base = load_example("identified")
    >>> mail = base.model_copy(update={"services": [
    ...     base.services[0].model_copy(update={"id": "support-mail"})]})
    >>> lost = en.lost_email.lost
    >>> str(_resend(mail, config, lost, en.speech, {"email"}, False))[:36]
    'Emails sent to us since the problem '
    >>> _resend(mail, config, lost, en.speech, {"email"}, True) is None
    True
    >>> _resend(base, config, lost, en.speech, set(), False) is None
    True
    """
    email = config.contact.get("email")
    if (said or not text or email is None or email.kept or "email" not in down_ids
            or incident.status.value == "resolved"):
        return None
    return _word(text, say)


def _says(action: Localized | None, lang: str, markers: Sequence[str]) -> bool:
    """Whether ``action`` in ``lang`` contains one of ``markers``, case aside."""
    if action is None:
        return False
    text = action[lang].casefold()
    return any(marker.casefold() in text for marker in markers)


def _joined_no_contact(short: Piece | None, language: Language, rtl: bool,
                       say: speech.SpeechWords) -> Piece | None:
    """``short`` (the short customer action) with "contact us" joined into it when it is a
    "no need to X again" sentence (``[contact.no_need_join]``): "אין צורך לשלם שוב." ->
    "אין צורך לשלם או לפנות שוב."; none otherwise.

    >>> from crisiscomms.config import default_templates_dir, load_language
    >>> ar = load_language(default_templates_dir(), "ar")
    >>> from crisiscomms.model import LongText
    >>> said = _said(LongText({"ar": "لا حاجة إلى الدفع مجددًا"}), "ar", True, ar.speech)
    >>> str(_joined_no_contact(said, ar, True, ar.speech))
    'لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا.'
    >>> said = _said(LongText({"ar": "تمت دفعتكم بنجاح، لا حاجة إلى الدفع مجددًا"}), "ar", True,
    ...              ar.speech)
    >>> str(_joined_no_contact(said, ar, True, ar.speech))
    'تمت دفعتكم بنجاح، لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا.'
    >>> said = _said(LongText({"ar": "لا حاجة إلى الدفع مجددًا: ستظهر الدفعات قبل نهاية الأحد"}),
    ...              "ar", True, ar.speech)
    >>> str(_joined_no_contact(said, ar, True, ar.speech))
    'لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا: ستظهر الدفعات قبل نهاية الأحد.'
    """
    join = language.contact.no_need_join
    text = "" if short is None else str(short)
    if join is None:
        return None
    # The no-need clause may open the action and its reason follow a colon ("אין צורך לשלם שוב:
    # התשלום יופיע עד סוף יום ראשון.", reading s26: the reason says what will happen, not that
    # every reader's payment went through).
    clause = join.ends.rstrip(".") + ": "
    leading = text.find(clause)
    if (not text.endswith(join.ends) and leading > len(join.starts)
            and text.startswith(join.starts) and not re.search(r"[.,:;،] ", text[:leading])):
        said = _join_tail(join).rstrip(".")
        return _user_text(text[:leading] + join.joins + said + text[leading + len(clause) - 2:],
                          rtl, say)
    if not text.endswith(join.ends):
        return None
    # The no-need clause may follow its reason after a comma or colon ("התשלום נקלט, אין צורך
    # לשלם שוב."): the reason stays before it (reading 30: "do not pay again" without it invites
    # the call).
    opens = [0] if text.startswith(join.starts) else [
        found.end() for found in re.finditer(r"[,:;،] ", text)
        if text.startswith(join.starts, found.end())]
    if not opens or len(text) - opens[-1] <= len(join.starts) + len(join.ends):
        return None
    return _user_text(text[:-len(join.ends)] + join.joins + _join_tail(join), rtl, say)


def _join_tail(join: NoNeedJoin) -> str:
    """What a joined no-need sentence ends with: ``tail`` (en ".") or ``ends`` (" שוב.")."""
    return join.ends if join.tail is None else join.tail


def _internal(incident: Incident, language: Language, lang: str, now: dt.datetime,
              zone: ZoneInfo) -> dict[str, Any] | None:
    internal = incident.internal
    if internal is None:
        return None
    rtl = language.rtl
    backlog = internal.backlog
    oldest = None if backlog is None or backlog.oldest_open_at is None else backlog.oldest_open_at
    return {
        "cause": _loc(internal.cause, lang, rtl, language.speech),
        "priority": _loc(internal.priority, lang, rtl, language.speech),
        "open_contacts": None if backlog is None else _number(backlog.open_contacts, language),
        "oldest_open": None if oldest is None else _moment(oldest, now, zone, language, lang),
        "oldest_age": None if oldest is None else duration(_minutes(oldest, now), language, lang),
        "oldest_age_figures": None if oldest is None else
        duration(_minutes(oldest, now), language, lang, hours=True, figures=True),
    }


@lru_cache(maxsize=256)
def _escaped_pattern(pattern: str, escaper: Callable[[str], str]) -> str:
    return str(escaper(pattern))


def _piece(piece: Piece, kind: Kind, strategy: Strategy, rtl: bool) -> str:
    if isinstance(piece, Phrase):
        if kind == "ssml" and piece.say is not None:
            return Markup(piece.say if isinstance(piece.say, str) else piece.say())
        values = {k: _piece(v, kind, strategy, rtl) for k, v in piece.parts}
        if kind == "text":
            return piece.pattern.format(**values)
        if kind == "markdown":
            return _escaped_pattern(piece.pattern, markdown.escape).format(**values)
        # The values are already escaped for HTML or SSML, and so is the pattern: plain
        # str.format joins them (Markup.format escapes again, at several times the cost).
        return Markup(_escaped_pattern(piece.pattern, escape).format(**values))
    if kind == "ssml":
        return Markup(piece.spoken)
    if kind == "html":
        if piece.url:
            return Markup('<a href="{0}" dir="ltr">{0}</a>').format(piece.text)
        if piece.ltr and rtl:
            return Markup("<bdi>{}</bdi>").format(piece.text)
        if rtl:
            # Times, codes and ranges a person typed inside Hebrew text display as written,
            # like the values we insert (`*2040`, `14:00 - 16:00`).
            return Markup("").join(Markup("<bdi>{}</bdi>").format(run) if value else escape(run)
                                   for value, run in typed_values(piece.text))
        return escape(piece.text)
    if kind == "markdown":
        # Markdown: incident text is escaped so it cannot turn into markup; a link is an autolink.
        if piece.url:
            text = f"<{piece.text}>"
        elif rtl and not piece.ltr:
            return "".join(isolate(markdown.escape(run), strategy) if value
                           else markdown.escape(run) for value, run in typed_values(piece.text))
        else:
            text = markdown.escape(piece.text)
        if piece.ltr and rtl:
            return isolate_url(text, strategy) if piece.url else isolate(text, strategy)
        return text
    if piece.ltr and rtl:
        return isolate_url(piece.text, strategy) if piece.url else isolate(piece.text, strategy)
    if rtl:
        return protect_typed(piece.text, strategy)
    return piece.text


class RestrictedFact(Exception):
    """A template asked for a fact its channel's audience may not see (``channels.sees``).

    Deliberately not a ``LookupError``: Jinja turns those into an undefined value, which a
    template could test and step around; this one always stops the render, and the renderer
    turns it into a :class:`TemplateError` naming the template, the line and ``fact``.

    >>> View({"internal": {"cause": "x"}}, str, {"internal"})["internal"]
    Traceback (most recent call last):
    ...
    crisiscomms.facts.RestrictedFact: internal
    """

    def __init__(self, fact: str) -> None:
        self.fact = fact
        super().__init__(fact)


_MISSING = object()


class View(Mapping[str, Any]):
    """A read-only view of the facts that formats a fact the first time a template asks for it,
    and records which facts were read.

    Templates use a fraction of the facts, and speech or escaping of the rest would be wasted:
    this keeps a whole bundle's rendering close to the cost of the bare templates.

    One view serves one output of one channel: it owns its cache, and ``hidden`` (the top-level
    facts the channel's audience may not see) is asked before anything is read, so no render
    order can hand one channel a fact another channel read. Every fact read as a value (not a
    mapping) is added to ``placed`` by its path (``next_update.time``, ``service_list[0]``),
    with the facts it states: a phrase
    states its parts (``next_update.when`` places ``next_update.day`` and ``next_update.time``),
    and a value that is also another fact of the same audience is that fact too (today's
    ``eta.short`` is ``eta.time``; ``services`` states each of ``service_list``). ``stated``
    keeps what was worked out, by path, for the next view of the same facts, and ``wheres``
    (shared with it) where each piece of a mapping is found, by the mapping's path.

    >>> placed: set[str] = set()
    >>> t = Atom("15:00", "", ltr=True)
    >>> eta = {"time": t, "when": Phrase("at {t}", (("t", t),))}
    >>> v = View({"eta": eta, "tags": ["a", "b"]}, str, placed=placed)
    >>> v["eta"]["when"], v["tags"][1], sorted(placed)
    ('at 15:00', 'b', ['eta.time', 'eta.when', 'tags[1]'])
    """

    __slots__ = ("_cache", "_convert", "_hidden", "_node", "_placed", "_prefix", "_stated",
                 "_wheres")

    def __init__(self, node: Mapping[str, Any], convert: Callable[[Piece], Any],
                 hidden: Collection[str] = (), *, placed: set[str] | None = None,
                 stated: dict[str, frozenset[str]] | None = None, prefix: str = "",
                 wheres: dict[str, dict[int, list[str]]] | None = None) -> None:
        self._node = node
        self._convert = convert
        self._hidden = hidden
        self._wheres = {} if wheres is None else wheres
        self._cache: dict[str, Any] = {}
        self._placed = set() if placed is None else placed
        self._stated = {} if stated is None else stated
        self._prefix = prefix

    def _wrap(self, value: Any, path: str, key: str | None = None) -> Any:
        if isinstance(value, Atom | Phrase):
            if key is None:
                self._placed.add(path)
            else:
                stated = self._stated.get(path)
                if stated is None:
                    stated = self._stated[path] = _stated(self._node, key, value, self._prefix,
                                                          self._where())
                self._placed.update(stated)
            return self._convert(value)
        if isinstance(value, Mapping):
            return View(value, self._convert, placed=self._placed, stated=self._stated,
                        prefix=path + ".", wheres=self._wheres)
        if isinstance(value, list):
            return _Items(self, value, path)
        if value is not None and not isinstance(value, bool):
            self._placed.add(path)
        return value

    def _where(self) -> dict[int, list[str]]:
        # Only on the first read of a fact in a language (`stated` keeps the result); a path
        # names one mapping of the facts `stated` (and so `wheres`) is shared over.
        found = self._wheres.get(self._prefix)
        if found is None:
            found = self._wheres[self._prefix] = _where(self._node, self._prefix)
        return found

    def __getitem__(self, key: str) -> Any:
        # The audience first, then the cache: a cached value is never a way around it.
        if key in self._hidden:
            raise RestrictedFact(key)
        value = self._cache.get(key, _MISSING)
        if value is _MISSING:
            value = self._cache[key] = self._wrap(self._node[key], self._prefix + key, key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """``f.get(name)``: a restricted name raises, as ``f[name]`` does."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key in self._hidden:
            raise RestrictedFact(key)
        return key in self._node

    def __iter__(self) -> Iterator[str]:
        # Iteration skips what the audience may not see: listing names is not reading them.
        return (k for k in self._node if k not in self._hidden)

    def __len__(self) -> int:
        if not self._hidden:
            return len(self._node)
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        # `{% if f.compensation %}` asks this on every render: answer without counting keys.
        return bool(self._node)


class _Items(Sequence[Any]):
    """A list of facts (services, updates) that records which items were read."""

    __slots__ = ("_items", "_owner", "_path")

    def __init__(self, owner: View, items: list[Any], path: str) -> None:
        self._owner = owner
        self._items = items
        self._path = path

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._items))[index]]
        position = range(len(self._items))[index]
        return self._owner._wrap(self._items[position], f"{self._path}[{position}]")

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self._items)))

    def __bool__(self) -> bool:
        return bool(self._items)


def view(facts: Facts, kind: Kind, strategy: Strategy,
         hidden: Collection[str] = (), *,
         placed: set[str] | None = None) -> View:
    """The facts as one kind of output places them: every piece turned into a string.

    ``text`` protects left-to-right values in right-to-left languages with ``strategy``;
    ``markdown`` does the same and also escapes Markdown marks in every value, links as
    autolinks; ``html`` wraps them in ``<bdi>`` and escapes; ``ssml`` gives spoken words.
    ``hidden`` names the top-level facts the reader may not see (a channel's audience); reading
    one raises :class:`RestrictedFact`. Reads are added to ``placed`` when given.
    """
    return View(facts, converter(facts, kind, strategy), hidden, placed=placed)


def converter(facts: Facts, kind: Kind, strategy: Strategy) -> Callable[[Piece], Any]:
    """How one kind of output writes a piece of ``facts``: several views of the same kind
    (one per channel) share it, so what one formatted is not formatted again. It holds values,
    never access: each view still asks its audience before it reads a fact.
    """
    rtl = facts["direction"] == "rtl"
    done: dict[int, Any] = {}
    keep: list[Piece] = []  # holds each converted piece, so its id is never reused

    def convert(piece: Piece) -> Any:
        # Keyed by identity: the facts hold every piece for as long as this converter lives.
        value = done.get(id(piece), _MISSING)
        if value is _MISSING:
            value = _piece(piece, kind, strategy, rtl)
            done[id(piece)] = value
            keep.append(piece)
        return value

    return convert


def _parts(piece: Piece, into: set[int]) -> set[int]:
    """The ids of every piece inside ``piece``, itself included."""
    into.add(id(piece))
    if isinstance(piece, Phrase):
        for _, part in piece.parts:
            _parts(part, into)
    return into


def _stated(node: Mapping[str, Any], key: str, piece: Piece, prefix: str,
            where: dict[int, list[str]]) -> frozenset[str]:
    """The paths of the facts that placing ``node[key]`` states: itself, and each sibling that
    is it or one of its parts (the same object, not the same text). At the top level, only
    siblings of the same audience: ``priority`` is shown to partners, ``internal`` is not.
    ``where`` maps each piece of ``node`` (by id) to its paths there."""
    found = {prefix + key}
    audience = RESTRICTED_FACTS.get(key)
    for part in _parts(piece, set()):
        for path in where.get(part, ()):
            if prefix or RESTRICTED_FACTS.get(_TOP.split(path, maxsplit=1)[0]) == audience:
                found.add(path)
    return frozenset(found)


def _where(node: Mapping[str, Any], prefix: str) -> dict[int, list[str]]:
    """Each piece among ``node``'s values and list items, by id: the paths it is found at."""
    where: dict[int, list[str]] = {}
    for name, value in node.items():
        if isinstance(value, Atom | Phrase):
            where.setdefault(id(value), []).append(prefix + name)
        elif isinstance(value, list) and not isinstance(value, Later):  # no pieces in a Later
            for index, item in enumerate(value):
                if isinstance(item, Atom | Phrase):
                    where.setdefault(id(item), []).append(f"{prefix}{name}[{index}]")
    return where


_TOP = re.compile(r"[.\[]")


def plain(facts: Facts) -> View:
    """The facts as bare strings with no protection: what a check looks for in an output.

    >>> plain({"language": "he", "direction": "rtl", "t": Atom("14:00", "", ltr=True)})["t"]
    '14:00'
    """
    return view(facts, "text", "none")

