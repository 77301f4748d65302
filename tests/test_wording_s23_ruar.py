"""Session 23, helper ruar23: reading 22 N1-N3 (ar/ru SMS, the channels scoped to any other matter).

N1 ru: "По другим вопросам — звоните *2040." put a dash before a verb; Russian drops the verb
when it uses the dash. Now "По другим вопросам звоните *2040." (the support-mail SMS gets its link
back at 201), while a noun alone keeps it: "По другим вопросам — чат на сайте.". N2 ru: the list
of every channel mixed an imperative, a noun and prepositional phrases;
now every item is an imperative.
N3 ar: "لأي أمر آخر: هاتفيًا على الرقم *2040." (a label and an adverb) is now "لأي أمر آخر اتصلوا بنا
على *2040.", and every item of a list is a plural imperative joined with "أو".
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import yaml

from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident

from .test_wording_s22_smse import LANGS, NAMES, ROOT, _sms

IDE = ROOT / "examples" / "identified.yaml"
LINK = "status.netivim.example"
# The contact service that takes each channel down (templates/crisiscomms.toml).
DOWN_BY = {"phone": "call-centre", "chat": "chat", "email": "support-mail", "stores": "stores"}
LEAD = {"ru": "По другим вопросам ", "ar": "لأي أمر آخر "}
OR = {"ru": (", ", " или "), "ar": (" أو ",)}
VERBS = {"ru": ("звоните ", "пишите ", "приходите "),
         "ar": ("اتصلوا ", "اكتبوا ", "راسلونا ", "زوروا ")}
# A channel alone in its noun form takes the dash (ru) or colon (ar) instead of a verb.
NOUN_ALONE = {"ru": "По другим вопросам — чат на сайте.", "ar": "لأي أمر آخر: الدردشة في موقعنا."}


def test_ru_support_mail_says_call_without_the_dash_and_keeps_the_link() -> None:
    text, _, units = _sms(IDE, "support-mail", "ru")
    assert "По другим вопросам — звоните" not in text
    # The account by its short name (s23_short) leaves room for the whole next-update label.
    assert text.endswith("Следующее сообщение: 15:00. По другим вопросам звоните *2040. " + LINK)
    assert units <= 201


def test_ar_support_mail_calls_with_a_verb() -> None:
    text, _, units = _sms(IDE, "support-mail", "ar")
    assert "لأي أمر آخر: هاتفيًا على الرقم" not in text
    assert text.endswith("التحديث القادم: 15:00. لأي أمر آخر اتصلوا بنا على *2040.")
    assert units <= 201


def _combinations() -> list[tuple[str, ...]]:
    """Every set of channels down, from none to all but one: every set of working channels."""
    return [down for k in range(len(DOWN_BY)) for down in itertools.combinations(DOWN_BY, k)]


def _contact(lang: str, down: tuple[str, ...]) -> dict[str, Any]:
    templates = default_templates_dir()
    raw = yaml.safe_load(IDE.read_text(encoding="utf-8"))
    raw["services"] = [*raw["services"],
                       *({"id": DOWN_BY[d],
                          "name": dict(zip(LANGS, NAMES[DOWN_BY[d]], strict=True))} for d in down)]
    facts = build_facts(parse_incident(raw, str(IDE)), load_config(templates),
                        load_language(templates, lang), lang)
    return {key: str(facts["contact"][key]) for key in ("other_one", "other_all")}


def _items(lang: str, said: str) -> list[str]:
    assert said.startswith(LEAD[lang]) and said.endswith("."), said
    items = [said[len(LEAD[lang]):-1]]
    for joint in OR[lang]:
        items = [part for item in items for part in item.split(joint)]
    return items


@pytest.mark.parametrize("lang", ["ru", "ar"])
@pytest.mark.parametrize("down", _combinations(), ids="+".join)
def test_every_combination_of_working_channels_is_one_form(lang: str,
                                                            down: tuple[str, ...]) -> None:
    said = _contact(lang, down)
    items = _items(lang, said["other_all"])
    assert len(items) == len(DOWN_BY) - len(down), said
    assert all(item.startswith(VERBS[lang]) for item in items), said
    if said["other_one"] != NOUN_ALONE[lang]:
        one = _items(lang, said["other_one"])
        assert len(one) == 1 and one[0].startswith(VERBS[lang]), said
    assert ("—" in said["other_one"] or ":" in said["other_one"]) == (
        said["other_one"] == NOUN_ALONE[lang]), said


@pytest.mark.parametrize("lang", ["ru", "ar"])
def test_the_chat_alone_keeps_its_noun_form(lang: str) -> None:
    assert _contact(lang, ("phone",))["other_one"] == NOUN_ALONE[lang]
