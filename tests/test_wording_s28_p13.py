"""Issue 11 point 13 in every channel a customer reads.

An incident action that already says there is no need to contact us again is not followed by the
fixed sentence saying it a second time (session 28: the English SMS said "There is no need to
contact us again: your request is recorded. … No need to contact us again.")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import parse_incident, render

ROOT = Path(__file__).resolve().parent.parent
ACTION = {"he": "אין צורך לפנות אלינו שוב: הפנייה שלכם רשומה.",
          "en": "There is no need to contact us again: your request is recorded.",
          "ar": "لا حاجة إلى التواصل معنا مجددًا: طلبكم مسجّل.",
          "ru": "Больше обращаться к нам не нужно: ваше обращение зарегистрировано."}
# What every "no need to contact us again" sentence of a language says, the action's and the
# fixed one's. Russian "обращаться за ним не нужно" is the voucher's "no need to ask for it".
SAID = {"he": "צורך לפנות", "en": "contact us again", "ar": "التواصل معنا مجددًا",
        "ru": r"обращаться(?! за )"}
FILES = sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/data/hard/*.yaml")])
CHANNELS = ["sms", "ivr", "email", "banner", "social", "status_page"]


def _with_action(path: Path) -> tuple[Any, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    langs = [lang for lang in ("he", "en", "ar", "ru") if lang in data["title"]]
    data["customer_action"] = {lang: ACTION[lang] for lang in langs}
    data.pop("customer_action_short", None)
    return parse_incident(data, str(path)), langs


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_no_need_to_contact_us_again_sentence_is_said_once_at_most(path: Path) -> None:
    incident, langs = _with_action(path)
    for message in render(incident, languages=langs, channels=CHANNELS):
        count = len(re.findall(SAID[message.language], message.text))
        assert count <= 1, (message.language, message.channel, message.text)


@pytest.mark.parametrize(("lang", "fixed", "budget"),
                         [("en", "No need to contact us again.", 2),
                          ("ar", "لا حاجة إلى التواصل معنا مجددًا.", 3)])
def test_the_sms_says_the_action_whole_in_the_room_of_the_fixed_sentence(
        lang: str, fixed: str, budget: int) -> None:
    # Before: English said both; Arabic said the fixed sentence and left the action out.
    incident, _ = _with_action(ROOT / "examples/investigating.yaml")
    sms = render(incident, languages=[lang], channels=["sms"]).messages[0]
    assert ACTION[lang] in sms.text and fixed not in sms.text, sms.text
    assert sms.stats["segments"] <= budget
