"""Session 23, the IVR with the phone line (and the chat) down beside another fault (helper ivrc26,
reading 26 R1/E1 and E1b).

R1/E1: with the phone line and the chat down, the IVR said "Our representatives cannot take
calls, and the chat on our website is down because of this problem." although the affected
services had just named the chat; in English and Russian the length pushed the script to its last
wording, which drops the whole workaround. Now the chat is said in a short clause
([contact.also_down] chat: "…, and the chat is down.", "…, и чат тоже не работает.") and the
workaround stays within 45 s; Hebrew and Arabic say it as short ("וגם הצ'אט אינו זמין",
"والدردشة في موقعنا معطلة أيضًا").
E1b: English with the phone line alone down said at wording 7 "Our representatives cannot take
calls right now. Anything else? You can reach us by chat on our website.": nothing said there was
no need to contact us about this problem. Now the no-need line stays after the down one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import parse_incident, render

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("he", "en", "ar", "ru")
NAMES = {"call-centre": ("המוקד הטלפוני", "our phone line", "مركز الاتصال", "телефонная линия"),
         "chat": ("הצ'אט באתר", "the chat on our website", "الدردشة في موقعنا", "чат на сайте")}
CONTROLS = re.compile("[\u2066-\u2069\u200e\u200f]")
# The chat's down clause inside the phone's, short, and its long form that repeats the scope.
SHORT = {"he": "לשיחות, וגם הצ'אט אינו זמין.", "en": "calls, and the chat is down.",
         "ar": "المكالمات، والدردشة في موقعنا معطلة أيضًا.",
         "ru": "на звонок, и чат тоже не работает."}
LONG = {"he": "בגלל התקלה. בעניין", "en": "down because of this problem",
        "ar": "بسبب هذا الخلل. لأي", "ru": "из-за этого сбоя чат"}
# The workaround (examples/identified.yaml: the bill by text to 2040).
WORKAROUND = "2040"


def _ivr(add: tuple[str, ...], lang: str) -> Any:
    path = ROOT / "examples/identified.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["services"] = raw["services"] + [
        {"id": i, "name": dict(zip(LANGS, NAMES[i], strict=True))} for i in add]
    return render(parse_incident(raw, str(path)), languages=[lang], channels=["ivr"])[lang, "ivr"]


@pytest.mark.parametrize("lang", LANGS)
def test_chat_down_beside_the_phone_is_said_short_and_the_workaround_stays(lang: str) -> None:
    m = _ivr(("call-centre", "chat"), lang)
    text = CONTROLS.sub("", m.text)
    last = text.strip().splitlines()[-1]
    # Russian says the down line right after the greeting (reading 30 RU-4), at wording 6
    # since s26 ivrsms. English reaches wording 7, where the services sentence alone names the
    # chat and the no-need line takes the down one's place (reading 27 N1, test_wording_s27_ivr).
    said = text if lang == "ru" else last
    assert SHORT[lang] in said or (lang == "en" and m.stats["short"] == 7), said
    assert LONG[lang] not in said, said
    assert WORKAROUND in text, text
    assert m.stats["seconds"] <= 45, m.stats


def test_english_phone_down_keeps_the_no_need_line_with_the_workaround() -> None:
    m = _ivr(("call-centre",), "en")
    text = CONTROLS.sub("", m.text)
    last = text.strip().splitlines()[-1]
    # s28 ivrdup: the services sentence no longer names the phone line (the down line does),
    # so the script fits at wording 6, its no-need line and the calls line each said once.
    assert m.stats["short"] >= 6, m.stats
    assert "No need to contact us about this problem" in last, last
    assert text.count("Our representatives cannot take calls") == 1, text
    assert "phone line" not in text, text
    assert WORKAROUND in text, text
    assert m.stats["seconds"] <= 45, m.stats
