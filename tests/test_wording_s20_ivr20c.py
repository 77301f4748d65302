"""Session 20 (ivr20c), the phone line: a statement after a statement that moves the estimate
to tomorrow and comes late was 45.3 s in English at the last wording (every level keeps the
whole workaround when the incident has a short form); a last wording now says the short form
after a spoken opener. With the phone and email down, the English line read "we cannot receive
email for now because of this problem" and the Hebrew said "כרגע" twice (s20 R10 he #8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.loading import load_incident

from .example_edits import seen
from .journal_states import BASE, state

LANGS = ("he", "en", "ar", "ru")
LAST = 6  # the short workaround's wording (the last until s22 ivrd added 7-8)
HARD = Path(__file__).parent / "data" / "hard"
OPENER = {"he": "לנוחותכם, ", "en": "Meanwhile, ", "ar": "وحتى ذلك الحين، ", "ru": "А пока — "}


def test_the_late_statement_with_a_later_estimate_fits_in_four_languages() -> None:
    previous = state(0)
    current = state(70, eta=(BASE + dt.timedelta(hours=26)).isoformat())
    bundle = render(current, previous=previous, languages=list(LANGS), channels=["ivr"])
    assert not [f for f in bundle.findings if f.rule == "ivr-seconds"], bundle.findings
    for lang in LANGS:
        message = bundle[lang, "ivr"]
        assert message.stats["seconds"] <= 45, (lang, message.stats)
        text = seen(bundle, lang, "ivr")
        # Every required fact stays: the moved estimate, the next update at 16:10.
        assert "14:10" in text and text.count("16:10") == 2, text
        # s23 said23: never the short form (a screen label); the whole workaround at every
        # wording up to 7 ("To get your latest bill by email, text BILL to 2040.").
        short = str(current.workaround_short[lang])  # type: ignore[index]
        assert short not in text, text
        assert "2040" in text and message.stats["short"] <= 7, text
    assert "To get your latest bill by email, text BILL to 2040." in seen(bundle, "en", "ivr")


def test_the_last_wording_is_the_one_before_without_a_short_workaround() -> None:
    # An incident without workaround_short: the last wording changes nothing (no opener).
    previous = state(0, workaround_short=None)
    current = state(70, workaround_short=None, eta=(BASE + dt.timedelta(hours=26)).isoformat())
    bundle = render(current, previous=previous, languages=list(LANGS), channels=["ivr"])
    for lang in LANGS:
        assert OPENER[lang] not in seen(bundle, lang, "ivr")


@pytest.mark.parametrize("name", ["callcentre.yaml", "callcentre-arru.yaml"])
def test_the_phone_down_line_says_email_in_its_own_words(name: str) -> None:
    incident = load_incident(HARD / name)
    langs = list(LANGS) if "arru" in name else ["he", "en"]
    bundle = render(incident, languages=langs, channels=["ivr"])
    en = seen(bundle, "en", "ivr")
    assert ("Our representatives cannot take calls, and emails to us are not getting through "
            "right now.") in en, en
    assert "cannot receive email" not in en
    he = seen(bundle, "he", "ivr")
    assert "נציגינו אינם יכולים לענות לשיחות, וגם פניות במייל אינן מתקבלות בגלל התקלה." in he
    # "כרגע" once, in the opening sentence (R10 he #8: said twice in one paragraph).
    assert he.count("כרגע") == 1, he
    if "arru" in name:
        assert seen(bundle, "ar", "ivr").count("حاليًا") == 1
        assert seen(bundle, "ru", "ivr").lower().count("сейчас") == 1
    for lang in langs:
        assert bundle[lang, "ivr"].stats["seconds"] <= 45


def test_the_channel_guide_describes_the_short_workaround_level_and_also_down() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "channels.md").read_text("utf-8")
    section = guide[guide.index("### `ivr`: why"):guide.index("### `status_page`")]
    for words in ("`workaround_short`", "never its SMS form", "`[contact.also_down]`",
                  "emails to us are not getting through"):
        assert words in section, words
