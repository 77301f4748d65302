"""Session 20 (ivr20b), the phone line: with the phone and other channels down, "now" is said
once (callers heard "נציגינו אינם יכולים לענות לשיחות כרגע. פניות במייל אינן מתקבלות כרגע");
Arabic and Russian keep the whole workaround at the last wording of the statement after a
statement, as he/en do; the Hebrew last wording measures within 45 s in espeak-ng too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.loading import load_incident
from crisiscomms.samples import changed_example

from .example_edits import seen
from .test_espeak import espeak_seconds

HARD = Path(__file__).parent / "data" / "hard"
LANGS = ("he", "en", "ar", "ru")
# The changed sample's wording: the last before the short workaround (s20 ivr20c).
LAST = 5  # short_wording - 1 until s22 ivrd added wordings 7-8 (out of phone hours)
# Each language's words for "now": said once on the phone-down line; with email down too,
# once in the script (s20 ivr20c: the opening says it, the phone-down line then does not).
NOW = {"he": r"כרגע", "en": r"\b(?:right now|for now|now|at the moment)\b", "ar": r"حاليًا",
       "ru": r"\bсейчас\b"}
CALLS = {"he": "נציגינו אינם יכולים לענות לשיחות", "en": "Our representatives cannot take calls",
         # s27 (reading 46 RU-1): after "Сейчас у нас сбой колл-центра:" in small letters.
         "ar": "لا يمكن لممثلينا الرد على المكالمات", "ru": "аши операторы"}
EMAIL = {"he": "וגם פניות במייל אינן מתקבלות", "en": "emails to us are not getting through",
         "ar": "ولا تصلنا رسائل البريد الإلكتروني",
         # s27 (reading 46 RU-1): the fault is named first, before its colon.
         "ru": "письма на нашу электронную почту тоже не доходят"}
WORKING = {"he": "ניתן לפנות בצ'אט באתר ובמרכזי השירות",
           "en": "You can reach us by chat on our website and at our service centres",
           "ar": "يمكنكم التواصل معنا عبر الدردشة في موقعنا، أو بزيارة مراكز الخدمة",
           # s27: "А пока мы на связи …" after the estimate.
           "ru": "ы на связи в чате на нашем сайте и в наших сервисных центрах"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("output", ["text", "ssml"])
def test_the_phone_down_line_says_now_once(lang: str, output: str) -> None:
    incident = load_incident(HARD / "callcentre-arru.yaml")
    bundle = render(incident, languages=[lang], channels=["ivr"])
    text = seen(bundle, lang, "ivr", output)
    start = text.index(CALLS[lang])
    line = text[start:]
    # One sentence: our people cannot take calls, and the email is not received; "now" once.
    said = line[:line.index(".") + 1]
    assert EMAIL[lang] in said, said
    assert len(re.findall(NOW[lang], text, re.IGNORECASE)) == 1, text
    # Then what works, at every level.
    assert WORKING[lang] in line, line


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_alone_down_still_says_now(lang: str) -> None:
    incident = load_incident(HARD / "callcentre-arru.yaml")
    phone_only = incident.model_copy(update={"services": incident.services[:1]})
    text = seen(render(phone_only, languages=[lang], channels=["ivr"]), lang, "ivr")
    said = text[text.index(CALLS[lang]):]
    said = said[:said.index(".") + 1]
    assert len(re.findall(NOW[lang], said, re.IGNORECASE)) == 1, said


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_arabic_and_russian_keep_the_whole_workaround_in_a_spoken_frame(lang: str) -> None:
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=[lang], channels=["ivr"])
    message = bundle[lang, "ivr"]
    assert message.stats["seconds"] <= 45, message.stats
    text = seen(bundle, lang, "ivr")
    assert str(current.workaround[lang]) in text, text  # type: ignore[index]
    assert str(current.workaround_short[lang]) not in text, text  # type: ignore[index]
    # What makes the room: the short status and the next update's time alone (today).
    status, update = {"ar": (". الخلل قيد الإصلاح.", "التحديث القادم الساعة 15:00."),
                      "ru": ("Идёт устранение.", "Следующее сообщение в 15:00.")}[lang]
    assert status in text and update in text, text
    # Every required fact stays: the services beyond the title, the estimate, the path.
    others, eta, hold = {
        "ar": ("الحساب الشخصي في الموقع", "17:00", "ابقوا على الخط"),
        "ru": ("личный кабинет на сайте", "17:00", "оставайтесь на линии")}[lang]
    assert others in text and eta in text and hold in text, text


def test_the_hebrew_last_wording_fits_in_espeak_too(tmp_path: Path) -> None:
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["he"], channels=["ivr"])
    message = bundle["he", "ivr"]
    assert message.stats["short"] == LAST, message.stats
    assert message.ssml is not None
    assert espeak_seconds(message.ssml, "he", tmp_path / "he.wav") <= 45
    text = seen(bundle, "he", "ivr")
    # The whole workaround, why not to hold (we know about it; session 25), the path to a person.
    assert str(current.workaround["he"]) in text, text  # type: ignore[index]
    assert "אנו כבר יודעים עליה" in text and "הישארו על הקו" in text, text
    assert "נעדכן בשעה 15:00." in text, text


def test_the_channel_guide_describes_the_phone_down_line_and_the_one_opener() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "channels.md").read_text("utf-8")
    section = guide[guide.index("### `ivr`: why"):guide.index("### `status_page`")]
    for words in ("`[contact] calls_down`", "`[contact] calls_down_and`", "then the channels that",
                  "opens with the same one line", "never its SMS"):
        assert words in section, words
