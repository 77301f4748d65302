"""Reading 28: "every request is recorded" never said while a channel that takes written
requests is down (HE-1, EN-3/EN-10, AR-5, RU-7/RU-8): the no-need line then says we know about
the problem; and the IVR never offers email alone while another channel works, nor email
without where its address is (HE-15, EN-11, AR-3, RU-1)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import render
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SHORT, with_services

LANGS = ("he", "en", "ar", "ru")
HARD = Path(__file__).parent / "data" / "hard"
# "Every request is recorded" as each language says it in the IVR and the talking points.
RECORDED = {"he": "רשומ", "en": "recorded", "ar": "مسجل", "ru": "зарегистрирован"}
# "We know about it": the reason given instead.
KNOWN = {"he": "אנו כבר יודעים עליה", "en": "we know about it", "ar": "نحن على علم به",
         "ru": "мы знаем о нём"}
# The service centres, offered on the IVR before email when they work.
CENTRES = {"he": "במרכזי השירות", "en": "at our service centres", "ar": "مراكز الخدمة",
           "ru": "в наших сервисных центрах"}
EMAIL_SAID = {"he": "במייל לכתובת שמופיעה באתר", "en": "by email at the address on our website",
              "ar": "على العنوان المنشور في موقعنا", "ru": "на адрес, указанный на сайте"}


def _levels(raw: dict[str, Any], lang: str, channel: str, count: int = 9) -> list[str]:
    """Text and SSML (without tags) of the first ``count`` wording levels of a channel."""
    incident = parse_incident(raw, "x.yaml")
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    out = []
    for level in range(count):
        m = _render_one(ts, incident, lang, channel, {}, facts, language, {}, level=level)
        said = html.unescape(re.sub(r"<[^>]+>", "", getattr(m, "ssml", None) or ""))
        out.append(strip_controls(m.text) + "\n" + said)
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("add", [("call-centre", "support-mail"), ("call-centre", "chat"),
                                 ("support-mail",), ("chat",)])
def test_ivr_never_says_every_request_is_recorded_with_a_written_channel_down(
        lang: str, add: tuple[str, ...]) -> None:
    raw = with_services("investigating", add, CONTACT_SHORT)
    levels = _levels(raw, lang, "ivr")
    for said in levels:
        assert RECORDED[lang] not in said
    assert any(KNOWN[lang] in said for said in levels)


@pytest.mark.parametrize("lang", LANGS)
def test_ivr_never_says_every_request_is_recorded_with_the_phone_down(lang: str) -> None:
    # Reading 30 HE-6: the caller's own call is not recorded; the reason is that we know.
    raw = with_services("investigating", ("call-centre",), CONTACT_SHORT)
    levels = _levels(raw, lang, "ivr")
    assert not any(RECORDED[lang] in said for said in levels)
    assert any(KNOWN[lang] in said for said in levels)


@pytest.mark.parametrize(("lang", "name"), [
    ("he", "callcentre.yaml"), ("en", "callcentre.yaml"),
    ("ar", "callcentre-arru.yaml"), ("ru", "callcentre-arru.yaml")])
def test_talking_points_with_email_lost_never_say_the_request_is_recorded(
        lang: str, name: str) -> None:
    raw = yaml.safe_load((HARD / name).read_text("utf-8"))
    incident = parse_incident(raw, name)
    bundle = render(incident, languages=[lang], channels=["talking_points"])
    text = strip_controls(bundle[lang, "talking_points"].text)
    quotes = [line for line in text.splitlines() if line.startswith(('- "', "- «"))]
    assert not [q for q in quotes if RECORDED[lang] in q and "עכשיו" not in q
                and "now" not in q and "الآن" not in q and "прямо сейчас" not in q]
    assert "בשיחה" not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("short", [True, False])
def test_ivr_with_phone_and_chat_down_offers_the_service_centres_not_a_bare_email(
        lang: str, short: bool) -> None:
    raw = with_services("identified", ("call-centre", "chat"), CONTACT_SHORT if short else None)
    bundle = render(parse_incident(raw, "x.yaml"), languages=[lang], channels=["ivr"])
    assert not [x for x in bundle.findings if x.severity == "error"]
    message = bundle[lang, "ivr"]
    assert message.stats["seconds"] <= 45
    # Russian says what works right after the greeting (reading 30 RU-4), the others last.
    lines = strip_controls(message.text).strip().splitlines()
    assert CENTRES[lang] in lines[1 if lang == "ru" else -1]
    if lang == "en":
        assert "text BILL to 2040" in message.text


@pytest.mark.parametrize("lang", LANGS)
def test_ivr_says_where_the_email_address_is(lang: str) -> None:
    # The phone line, the chat and the service centres down: email is all that is left.
    raw = with_services("identified", ("call-centre", "chat", "stores"), CONTACT_SHORT)
    said = "\n".join(_levels(raw, lang, "ivr"))
    assert EMAIL_SAID[lang] in said
