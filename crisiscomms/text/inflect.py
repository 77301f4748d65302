"""A name as the object of a verb, by its endings (Russian accusative: "мобильная связь" ->
"мобильную связь", "оплата на сайте" -> "оплату на сайте"), from the language's data.

The adjectives that open the name change by ``adjectives`` (or stay, by ``keep``) and the
first other word by ``nouns``; the rest of the name ("на сайте") is left as written.

>>> adjectives, keep, nouns = {"ая": "ую"}, ("ый", "ие"), {"а": "у", "я": "ю"}
>>> as_object("мобильная связь", adjectives, keep, nouns)
'мобильную связь'
>>> as_object("оплата на сайте", adjectives, keep, nouns)
'оплату на сайте'
>>> as_object("личный кабинет на сайте", adjectives, keep, nouns)
'личный кабинет на сайте'
>>> as_object("Webmail", adjectives, keep, nouns)
'Webmail'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["as_object"]


def _ending(word: str, endings: Sequence[str]) -> str | None:
    """The longest of ``endings`` that ``word`` ends with and that leaves a stem."""
    found = [e for e in endings if len(word) > len(e) and word.casefold().endswith(e)]
    return max(found, key=len) if found else None


def as_object(name: str, adjectives: Mapping[str, str], keep: Sequence[str],
              nouns: Mapping[str, str]) -> str:
    """``name`` as the object of a verb; unchanged without data."""
    words = name.split(" ")
    for i, word in enumerate(words):
        ending = _ending(word, list(adjectives))
        if ending is not None:
            words[i] = word[:-len(ending)] + adjectives[ending]
            continue
        if _ending(word, keep) is not None:
            continue
        ending = _ending(word, list(nouns))
        if ending is not None:
            words[i] = word[:-len(ending)] + nouns[ending]
        break
    return " ".join(words)
