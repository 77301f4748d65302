"""Session 24, helper contact24 (reading 24: he/en N3 and the IVR's "no need to wait", ar A2 and
the IVR nit, ru B1 and S2).

A2: a contact channel down, the banner's full and level-1 wordings still said the unscoped "يمكنكم
التواصل معنا عبر الدردشة في موقعنا." while its SMS and social post scoped it; now every wording
scopes it ("لأي أمر آخر: الدردشة في موقعنا."), unless every affected service is a contact channel.
B1: with two or more services beyond the title the banner names them by their short names at every
wording, not "(также личный кабинет на сайте, телефонная линия и чат на сайте)".
he IVR out of the phone's hours: "בעניין התקלה אין צורך להתקשר שוב", not "להמתין" (nobody answers).
ar IVR: "ويؤثر أيضًا على …، والخلل قيد الإصلاح." ("الخلل" twice, not three times).
N3: the SMS fill brings the status page link back wherever it fits (he/en; ar/ru did already).
S2: the compact social post, a contact channel down, keeps the short workaround before the day
words, and in ru before the second working channel (with the brief apology).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
import yaml

from crisiscomms import render
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import example_path
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SERVICES, CONTACT_SHORT, shifted, with_services

LANGS = ["he", "en", "ar", "ru"]
L4 = ("he", "en", "ar", "ru")
# The scoped lead of the contact line, and the unscoped one it replaces.
SCOPED = {"he": "בעניין אחר פנו", "en": "For anything else", "ar": "لأي أمر آخر",
          "ru": "По другим вопросам"}
GENERIC = {"he": "ניתן לפנות", "en": "You can reach us", "ar": "يمكنكم التواصل معنا",
           "ru": "Мы на связи"}


# The support mailbox's short names beside the phone line's and the chat's.
SHORT = {**CONTACT_SHORT, "support-mail": ("המייל", "email support", "البريد", "почта")}


def _raw(name: str, add: tuple[str, ...], short: bool = True) -> dict[str, Any]:
    return with_services(name, add, SHORT if short else None)


def _levels(raw: dict[str, Any], lang: str, channel: str) -> list[tuple[str, str]]:
    """(text, html without tags) of every wording level of a channel."""
    incident = parse_incident(raw, "x.yaml")
    ts = template_set()
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    out = []
    for level in range(5):
        m = _render_one(ts, incident, lang, channel, {}, facts, language, {}, level=level)
        page = html.unescape(re.sub(r"<[^>]+>", "", m.html or ""))
        out.append((strip_controls(m.text), strip_controls(page)))
    return out


def _text(raw: dict[str, Any], lang: str, channel: str) -> str:
    bundle = render(parse_incident(raw, "x.yaml"), languages=[lang], channels=[channel])
    assert not [x for x in bundle.findings if x.severity == "error"]
    return strip_controls(bundle[lang, channel].text)


@pytest.mark.parametrize("lang", LANGS)
def test_banner_scopes_the_contact_line_at_every_wording(lang: str) -> None:
    raw = _raw("investigating", ("call-centre",), short=False)
    for text, page in _levels(raw, lang, "banner"):
        for said in (text, page):
            assert SCOPED[lang] in said
            assert GENERIC[lang] not in said
    assert SCOPED[lang] in _text(raw, lang, "banner")


def test_banner_only_contact_keeps_the_meanwhile_line() -> None:
    raw = _raw("investigating", ())
    raw["services"] = [{"id": "call-centre", "name": dict(zip(L4, CONTACT_SERVICES["call-centre"],
                                                              strict=True))}]
    raw["title"] = {"he": "תקלה במוקד הטלפוני", "en": "Our phone line is down",
                    "ar": "خلل في مركز الاتصال", "ru": "Сбой телефонной линии"}
    for lang in LANGS:
        for text, _ in _levels(raw, lang, "banner"):
            assert SCOPED[lang] not in text


BEYOND_FULL = {"he": "(גם האזור האישי באתר, המוקד הטלפוני והצ'אט באתר)",
               "en": "(also the online account, our phone line and the chat on our website)",
               "ar": "الدردشة في موقعنا)", "ru": "(также личный кабинет на сайте, телефонная линия"}
BEYOND_SHORT = {"he": "המוקד והצ'אט)", "en": "the phone line and the chat)",
                # s27 (reading 46 RU-8): "Затронуты также: …" where it fits, else in brackets.
                "ar": "ومركز الاتصال والدردشة)", "ru": "личный кабинет, колл-центр и чат"}


@pytest.mark.parametrize("lang", LANGS)
def test_banner_names_two_or_more_services_beyond_the_title_by_short_names(lang: str) -> None:
    raw = _raw("identified", ("call-centre", "chat"))
    for text, page in _levels(raw, lang, "banner"):
        for said in (text, page):
            assert BEYOND_FULL[lang] not in said
            assert BEYOND_SHORT[lang] in said


def _ivr_at(when: str, lang: str) -> str:
    raw: dict[str, Any] = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    up = raw["updated_at"]
    up = up if isinstance(up, dt.datetime) else dt.datetime.fromisoformat(up)
    data = shifted(raw, dt.datetime.fromisoformat(when) - up)
    bundle = render(parse_incident(data, "x.yaml"), languages=[lang], channels=["ivr"])
    assert not [x for x in bundle.findings if x.severity == "error"]
    assert bundle[lang, "ivr"].stats["seconds"] <= 45
    return strip_controls(bundle[lang, "ivr"].text)


def test_he_ivr_out_of_hours_says_no_need_to_call_again() -> None:
    text = _ivr_at("2026-11-28T22:40:00+02:00", "he")
    # Session 25: the reason is that we know about it (reading 32 en-4, ar-6, ru-1).
    assert "בעניין התקלה אין צורך להתקשר שוב: אנו כבר יודעים עליה." in text
    assert "אין צורך להמתין" not in text
    # In the phone's hours, callers are on the line: "no need to wait" stays.
    assert "אין צורך להתקשר שוב" not in _ivr_at("2026-11-26T10:00:00+02:00", "he")


def test_ar_ivr_says_the_fault_twice_not_three_times() -> None:
    text = _ivr_at("2026-11-28T22:40:00+02:00", "ar")
    # Reading 30 AR-16: the services beside the fault, before the apology.
    assert "ويؤثر أيضًا على الحساب الشخصي في الموقع، ونعتذر عن ذلك. الخلل قيد الإصلاح." in text
    assert "ويؤثر الخلل أيضًا" not in text


def test_en_sms_fill_brings_the_link_back() -> None:
    raw = _raw("identified", ("call-centre", "chat"))
    text = _text(raw, "en", "sms")
    assert text.endswith("or visit our service centres. status.netivim.example")


WK = {"he": "חשבונית במייל: שלחו 'חשבונית' ל-2040.", "en": "Bill by email: text BILL to 2040.",
      "ar": "فاتورتكم بالبريد الإلكتروني: أرسلوا BILL إلى 2040.",
      "ru": "Счёт на почту: SMS BILL на 2040."}
TODAY = {"he": "היום", "en": "today", "ar": "اليوم", "ru": "сегодня"}


@pytest.mark.parametrize("lang", LANGS)
def test_social_keeps_the_workaround_over_the_day_words(lang: str) -> None:
    text = _text(_raw("identified", ("support-mail",)), lang, "social")
    assert WK[lang] in text
    assert SCOPED[lang] in text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_social_drops_the_day_words_for_the_workaround(lang: str) -> None:
    text = _text(_raw("identified", ("support-mail",)), lang, "social")
    assert TODAY[lang] not in text


def test_ru_social_keeps_the_workaround_over_the_second_channel() -> None:
    text = _text(_raw("identified", ("call-centre", "chat")), "ru", "social")
    mail = "По другим вопросам пишите на service@netivim.example. "
    assert WK["ru"] + " Приносим извинения. " + mail in text
    assert "сервисные центры. https" not in text
