"""Text matchers behind the wording rules: phrases, whole words, regular expressions.

A rule file lists what to look for as data; this module compiles it. Matching is on whole
words: ``\\w`` covers Hebrew letters, so ``לך`` does not match inside ``הלך``. Hebrew glues
one-letter prefixes (ו, ש, ב...) to the next word; a rule names the prefixes it accepts.

Checks run on every rendered bundle, and most messages break no rule. A regular expression with
many alternatives tries each at every position, so a rule first looks its phrases up as plain
substrings (fast, in C) in all of a bundle's text in one language (:func:`normalise`); only
a rule that may match is then run message by message.

>>> m = Matcher.of(phrases=["call us again"])
>>> [hit.found for hit in m.finditer("Please CALL us  again later.")]
['CALL us  again']
>>> words = Matcher.of(phrases=["לך"], prefixes="ו")
>>> [hit.found for hit in words.finditer("הלך מלך ולך")]
['ולך']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Hit", "Matcher", "gender_forms", "labelled_phrases", "normalise", "phrase_pattern"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: where it is in the text, what it says, and the values a message may name."""

    start: int
    end: int
    found: str
    params: Mapping[str, str] = field(default_factory=dict)


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regular expression: literal words, any run of spaces between them.

    >>> phrase_pattern("as soon  as")
    'as\\\\s+soon\\\\s+as'
    """
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _bounded(body: str, prefixes: str) -> str:
    # Prefix letters are optional and at most two (ו + ש: "ושלך"); the boundaries are on the
    # outside so a prefix never turns a longer word ("מלך", king) into a match for "לך".
    prefix = f"[{re.escape(prefixes)}]{{0,2}}" if prefixes else ""
    return rf"(?<!\w){prefix}(?:{body})(?!\w)"


def gender_forms(suffixes: Sequence[str], separators: str, ignorecase: bool = False) -> str:
    """A pattern for the ending of slash and dot gender forms such as ``יקר/ה`` or ``לקוח.ה``;
    the word before it is added to the match by :class:`Matcher` (``word_patterns``).

    It starts with the separator, a character class, so the engine jumps from one separator to
    the next instead of trying every position.

    >>> bool(re.search(gender_forms(["ה", "ות"], "/."), "לקוחות יקרים/ות"))
    True
    """
    options = "|".join(sorted((re.escape(s) for s in suffixes), key=len, reverse=True))
    # A scoped flag: a flag on the whole pattern would cost the engine its fast search.
    return rf"[{re.escape(separators)}](?{'i' if ignorecase else ''}:{options})(?!\w)"


def labelled_phrases(swap: Mapping[str, str], key: str) -> list[tuple[str, Mapping[str, str]]]:
    """Each phrase of ``swap`` with its label ``{key: value}``, for :meth:`Matcher.of`.

    >>> labelled_phrases({"glitch": "problem"}, "suggestion")
    [('glitch', {'suggestion': 'problem'})]
    """
    return [(phrase, {key: value}) for phrase, value in swap.items()]


def _word_start(text: str, index: int) -> int:
    while index > 0 and (text[index - 1].isalnum() or text[index - 1] == "_"):
        index -= 1
    return index


@dataclass(frozen=True)
class Matcher:
    """A compiled matcher: phrases in one bounded expression (each phrase its own group, tied to
    its labels), and raw patterns each compiled on its own so the engine's fast search for a
    leading literal still works.

    ``labels`` holds, per phrase, the values a finding's message may name (the suggestion of a
    substitution); ``pattern_labels`` the same per pattern. A pattern marked in ``word_start``
    matches the end of a word, and its hit is widened to the whole word.
    """

    phrases: re.Pattern[str] | None = None
    labels: tuple[Mapping[str, str], ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    pattern_labels: tuple[Mapping[str, str], ...] = ()
    word_start: tuple[bool, ...] = ()
    screen: tuple[str, ...] = ()
    """The phrases, normalised (:func:`normalise`), looked up by :meth:`may_match`."""
    prefixes: str = ""

    @classmethod
    def of(cls, *, phrases: Iterable[str] = (), patterns: Iterable[str] = (),
           prefixes: str = "", ignorecase: bool = True,
           labelled: Iterable[tuple[str, Mapping[str, str]]] = (),
           labelled_patterns: Iterable[tuple[str, Mapping[str, str]]] = (),
           word_patterns: Iterable[str] = ()) -> Matcher:
        """Build a matcher from phrases (whole words), labelled phrases and raw patterns.

        ``ignorecase`` is for phrases; a pattern is case-sensitive unless it says ``(?i)``
        (ignoring case over a whole pattern costs the engine its fast search for a leading
        literal). Raises ``re.error`` when a pattern does not compile.
        """
        flags = re.IGNORECASE if ignorecase else 0
        items: list[tuple[str, Mapping[str, str]]] = \
            [(p, {}) for p in phrases if p.strip()] + \
            [(p, labels) for p, labels in labelled if p.strip()]
        # Longest first, so "as soon as possible" wins over "as soon as".
        items.sort(key=lambda item: len(item[0]), reverse=True)
        compiled = None
        if items:
            body = "|".join(f"(?P<p{i}>{phrase_pattern(p)})" for i, (p, _) in enumerate(items))
            compiled = re.compile(_bounded(body, prefixes), flags)
        raw: list[tuple[str, Mapping[str, str], bool]] = \
            [(p, {}, False) for p in patterns] + \
            [(p, labels, False) for p, labels in labelled_patterns] + \
            [(p, {}, True) for p in word_patterns]
        return cls(compiled, tuple(labels for _, labels in items),
                   tuple(re.compile(p) for p, _, _ in raw),
                   tuple(labels for _, labels, _ in raw), tuple(w for _, _, w in raw),
                   tuple(normalise(p) for p, _ in items), prefixes)

    def finditer(self, text: str) -> list[Hit]:
        """Every match in ``text``, left to right; where two overlap, the earlier one."""
        hits: list[Hit] = []
        if self.phrases is not None:
            for match in self.phrases.finditer(text):
                group = next(i for i in range(len(self.labels))
                             if match.group(f"p{i}") is not None)
                hits.append(Hit(match.start(), match.end(), match.group(), self.labels[group]))
        for pattern, labels, whole in zip(self.patterns, self.pattern_labels, self.word_start,
                                          strict=True):
            for match in pattern.finditer(text):
                start = _word_start(text, match.start()) if whole else match.start()
                if match.end() > start and not (whole and start == match.start()):
                    hits.append(Hit(start, match.end(), text[start:match.end()], labels))
        if len(hits) < 2:
            return hits
        hits.sort(key=lambda hit: (hit.start, -hit.end))
        kept, end = [], -1
        for hit in hits:
            if hit.start >= end:
                end = hit.end
                kept.append(hit)
        return kept

    def search(self, text: str) -> Hit | None:
        """The first match in ``text``, or None."""
        hits = self.finditer(text)
        return hits[0] if hits else None

    def may_match(self, text: str, normalised: str) -> bool:
        """False when ``text`` surely holds no match: no phrase stands as whole words in
        ``normalised`` (the text after :func:`normalise`), and no pattern occurs in ``text``."""
        return any(_has_words(normalised, phrase, self.prefixes) for phrase in self.screen) or \
            any(pattern.search(text) is not None for pattern in self.patterns)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _has_words(text: str, phrase: str, prefixes: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` with a word boundary after it and, before it, a
    boundary or up to two of ``prefixes``. A plain ``str.find`` does the searching (in C); the
    boundaries are checked only where the phrase occurs, which is rare.

    >>> _has_words("dear customers", "dear customer", ""), _has_words("הלך ולך", "לך", "ו")
    (False, True)
    """
    index = text.find(phrase)
    while index >= 0:
        end = index + len(phrase)
        if end == len(text) or not _is_word(text[end]):
            start = index
            for _ in range(3):
                if start == 0 or not _is_word(text[start - 1]):
                    return True
                if text[start - 1] not in prefixes:
                    break
                start -= 1
        index = text.find(phrase, index + 1)
    return False


def normalise(text: str) -> str:
    """Casefolded, with every run of spaces made one space: the form :attr:`Matcher.screen`
    phrases are looked up in.

    >>> normalise("Call  US\\nagain")
    'call us again'
    """
    return " ".join(text.casefold().split())
