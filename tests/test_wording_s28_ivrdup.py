"""Reading 28 EN-10, HE-9, RU-8: with the phone line down, the IVR names each contact channel
that is down once: the down line (f.contact.down_on_call) names it, the services sentence
leaves it out (f.services_on_call and its variants), and a title that names it is not
followed by the same channel in the down line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import parse_incident, render
from crisiscomms.render import template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SHORT, with_services

HARD = Path(__file__).parent / "data" / "hard"

# The words that name each contact channel in the IVR, per language: its service's name or
# the down line's words for it (the calls line is counted apart).
NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"phone": ("phone line",), "chat": ("chat",), "email": ("email",)},
    "he": {"phone": ("המוקד הטלפוני",), "chat": ("צ'אט",), "email": ("מייל", "דואר")},
    "ar": {"phone": ("مركز الاتصال",), "chat": ("الدردشة",), "email": ("البريد",)},
    "ru": {"phone": ("телефонн", "колл-центр"), "chat": ("чат",), "email": ("почт",)},
}
CALLS = {"en": "cannot take calls", "he": "לענות לשיחות", "ar": "الرد على المكالمات",
         "ru": "не могут ответить на звонок"}
# Where a working channel is offered (after the down line), its name is no mention of it down.
OFFER = {"en": ("You can reach us", "For anything else", "Anything else?"),
         "he": ("ניתן לפנות", "בעניין אחר"), "ar": ("لأي أمر آخر", "يمكنكم التواصل"),
         "ru": ("По другим вопросам", "Мы на связи")}


def _text(raw: dict[str, Any], lang: str) -> str:
    bundle = render(parse_incident(raw, "ivrdup"), languages=[lang], channels=["ivr"])
    message = bundle[lang, "ivr"]
    assert message.stats["seconds"] <= 45
    return strip_controls(message.text)


def _said(text: str, lang: str) -> str:
    """The script without the working channels offered at its end."""
    cut = min((i for i in (text.find(o) for o in OFFER[lang]) if i >= 0), default=len(text))
    return text[:cut]


def _hard(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HARD / f"{name}.yaml").read_text("utf-8"))
    return loaded


CASES = [
    *((lang, "callcentre", ("phone", "email")) for lang in ("he", "en")),
    *((lang, "phonechat", ("phone", "chat")) for lang in ("he", "en")),
    *((lang, "callcentre-arru", ("phone", "email")) for lang in ("he", "en", "ar", "ru")),
    *((lang, f"identified:call-centre,chat{short}", ("phone", "chat"))
      for lang in ("he", "en", "ar", "ru") for short in ("", ":short")),
    *((lang, "investigating:call-centre,support-mail", ("phone", "email"))
      for lang in ("he", "en", "ar", "ru")),
]


def _raw(case: str) -> dict[str, Any]:
    if ":" not in case:
        return _hard(case)
    name, added, *short = case.split(":")
    return with_services(name, added.split(","), CONTACT_SHORT if short else None)


@pytest.mark.parametrize(("lang", "case", "down"), CASES)
def test_each_down_channel_is_named_once(lang: str, case: str, down: tuple[str, ...]) -> None:
    text = _text(_raw(case), lang)
    said = _said(text, lang).casefold()
    # The Hebrew lost-email request names the email itself (s26 cc2, reading 44 HE-2: "פנייה"
    # would send chat users to write again): counted apart, as the calls line is.
    said = said.replace(template_set().language(lang).lost_email.lost_said.casefold(), "")
    # So does the Arabic one with its times (s27c, reading 48 AR-2: "راسلتمونا" alone did not say
    # that only email is lost, the chat working): its opening, up to the time, counted apart too.
    dated = template_set().language(lang).lost_email.lost_said_dated.split("{since}")[0]
    said = said.replace(dated.casefold(), "") if dated else said
    # The calls line is said once: that is what a caller needs to hear.
    assert said.count(CALLS[lang].casefold()) == 1, text
    for cid in down:
        count = sum(said.count(word.casefold()) for word in NAMES[lang][cid])
        # The phone line by name at most once beside the calls line (the title may name it).
        assert count == 1 or (cid == "phone" and count == 0), (cid, text)


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_the_workaround_stays_with_the_phone_and_chat_down(lang: str) -> None:
    for short in (None, CONTACT_SHORT):
        raw = with_services("identified", ["call-centre", "chat"], short)
        text = _text(raw, lang)
        assert "2040" in text, text
