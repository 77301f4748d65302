"""Session 25 (reading 32 en-4, ar-6, ru-1; readings 29/30 en-7, AR-9): the recorded phone
message gives "we know about it" as the reason not to hold, never "every request is
recorded": a caller who hangs up has made no request, so the line promised what it could not
keep. The same reason in every language and every wording that says it."""

from __future__ import annotations

import pytest

from crisiscomms import render
from crisiscomms.samples import load_example

from .example_edits import seen

KNOWN = {"he": "אנו כבר יודעים עליה", "en": "we know about it", "ar": "نحن على علم به",
         "ru": "мы знаем о нём"}
RECORDED = {"he": ("רשומה ותטופל",), "en": ("request is recorded",),
            "ar": ("الطلبات مسجلة",), "ru": ("зарегистрированы",)}


@pytest.mark.parametrize("example", ["identified", "investigating", "monitoring"])
@pytest.mark.parametrize("lang", sorted(KNOWN))
def test_the_ivr_says_we_know_about_it_not_that_requests_are_recorded(example: str,
                                                                      lang: str) -> None:
    bundle = render(load_example(example), languages=(lang,), channels=("ivr",))
    for output in ("text", "ssml"):
        said = seen(bundle, lang, "ivr", output)
        assert KNOWN[lang] in said, said
        assert not any(words in said for words in RECORDED[lang]), said
