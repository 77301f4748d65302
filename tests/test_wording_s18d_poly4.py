"""Session 18d (poly4): monitoring that ends at the next update says the time once on the
banner, social post, status page and email, as the SMS does; a resolved Hebrew title that
reads "תקלה ב…" is not followed by "התקלה טופלה" (banner, social, email and its subject).
"""

from __future__ import annotations

import pytest

from crisiscomms import parse_incident, render
from crisiscomms.text.bidi import strip_controls

from .example_edits import example_data as example
from .example_edits import written as seen

LANGS = ("he", "en", "ar", "ru")
CHANNELS = ("banner", "social", "status_page", "email")


ONCE = {"he": "עם סיום המעקב", "en": "when monitoring ends",
        "ar": "مع انتهاء المتابعة", "ru": "по окончании наблюдения"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_monitoring_ending_at_next_update_says_the_time_once(lang: str, channel: str) -> None:
    bundle = render(parse_incident(example("monitoring")), languages=(lang,), channels=(channel,))
    for name, text in bundle[lang, channel].outputs().items():
        if name in ("ssml", "subject"):
            continue
        plain = strip_controls(text)
        assert plain.count("12:30") == 1, (name, plain)
        assert ONCE[lang] in plain, (name, plain)


def test_monitoring_exact_wording_he_en() -> None:
    bundle = render(parse_incident(example("monitoring")), languages=("he", "en"),
                    channels=("social",))
    assert "העדכון הבא: היום בשעה 12:30, עם סיום המעקב." in seen(bundle, "he", "social")
    assert "Next update today at 12:30, when monitoring ends." in seen(bundle, "en", "social")


@pytest.mark.parametrize("lang", LANGS)
def test_monitoring_ending_later_keeps_both_times(lang: str) -> None:
    data = example("monitoring", eta="2026-11-22T14:45:00+02:00")
    bundle = render(parse_incident(data), languages=(lang,), channels=CHANNELS)
    for channel in CHANNELS:
        text = seen(bundle, lang, channel)
        assert "14:45" in text and "12:30" in text, (channel, text)
        assert ONCE[lang] not in text, (channel, text)


RESOLVED_TITLE = "תקלה בשליחת מיילים מתיבות הדואר שלנו"


def test_resolved_hebrew_says_takala_once() -> None:
    bundle = render(parse_incident(example("resolved")), languages=("he",),
                    channels=("banner", "social", "email"))
    opener = f"ה{RESOLVED_TITLE} טופלה"
    for channel in ("banner", "social"):
        text = seen(bundle, "he", channel)
        assert opener in text, text
        assert "התקלה טופלה" not in text, text
    email = bundle["he", "email"].outputs()
    # One subject pattern (s19 reading 7, D7): the IVR's resolved opener.
    assert strip_controls(email["subject"]).strip() == f"ה{RESOLVED_TITLE} טופלה"
    assert f"ש{opener}" in seen(bundle, "he", "email")


def test_resolved_hebrew_other_title_keeps_label() -> None:
    data = example("resolved")
    data["title"] = dict(data["title"], he="עיכוב בשליחת מיילים")
    bundle = render(parse_incident(data), languages=("he",), channels=("banner", "email"))
    assert "עיכוב בשליחת מיילים: התקלה טופלה." in seen(bundle, "he", "banner")
    subject = strip_controls(bundle["he", "email"].outputs()["subject"])
    assert subject.strip() == "עיכוב בשליחת מיילים – טופלה"  # s19 reading 7, D7
    assert "שהתקלה שהשפיעה על" in seen(bundle, "he", "email")
