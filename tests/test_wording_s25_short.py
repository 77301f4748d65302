"""Session 25, helper short: the short channels (SMS, banner, social) keep the customer's key
instruction with its reason, and apologise where room is left (reading 30).

1. Payment delay (en-5, HE-1, HE-9, AR-1, RU-6, RU-7): "no need to pay again" was dropped, or said
   without "your payment went through", to make room for the contact line. The example's short
   action now carries its reason (examples/monitoring.yaml), the "no need to contact us" clause
   still joins it after the reason (`f.action_joined_no_contact`), and the banner, the post and the
   shortest SMS say it before the contact line, the apology and the thanks.
2. Apology (en-3, en-8, en-15, HE-4, HE-14, AR-10, RU-7): live banners, posts and SMS apologise
   where room is left; after a long outage the banner and the post say the stronger apology the
   email says (wording in the templates, per language).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.facts import build_facts
from crisiscomms.loading import load_incident, parse_incident
from crisiscomms.model import Incident
from crisiscomms.render import template_set
from crisiscomms.samples import example_names, load_example
from crisiscomms.text.bidi import strip_controls

from .example_edits import with_services

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
LANGS = ("he", "en", "ar", "ru")
SHORT = ("sms", "banner", "social")
# What the payment action says in each language, and the reason it must keep: the short form's
# "payments will show …" (s26: not "your payment went through", which no public message can
# promise every reader) or the whole form's "your payment will show …".
PAY = {"he": "לשלם", "en": "pay again", "ar": "الدفع مجددًا", "ru": "латить"}
REASON = {"he": ("התשלום יופיע",),
          "en": ("payments will show", "your payment will show"),
          "ar": ("ستظهر الدفعات", "ستظهر الدفعة"),
          "ru": ("всё зачтём", "латёж отобразится")}
SORRY = {"he": "מתנצלים", "en": ("sorry", "apologise"), "ar": "نعتذر", "ru": "извинени"}


def _texts(incident: Incident, langs: tuple[str, ...] = LANGS,
           channels: tuple[str, ...] = SHORT) -> dict[tuple[str, str], str]:
    bundle = render(incident, languages=langs, channels=channels)
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    return {(m.language, m.channel): strip_controls(m.text or "") for m in bundle}


def _sorry(lang: str, text: str) -> bool:
    words = SORRY[lang]
    return any(w in text for w in ((words,) if isinstance(words, str) else words))


# --- 1. The payment action with its reason --------------------------------------------------------

@pytest.mark.parametrize("services", [(), ("chat",), ("call-centre",)],
                         ids=["shipped", "chat-down", "phone-down"])
def test_every_short_channel_says_do_not_pay_again_with_its_reason(
        services: tuple[str, ...]) -> None:
    incident = parse_incident(with_services("monitoring", list(services)), "monitoring.yaml") \
        if services else load_example("monitoring")
    for (lang, channel), text in _texts(incident).items():
        assert PAY[lang] in text, (lang, channel, text)
        assert any(reason in text for reason in REASON[lang]), (lang, channel, text)


def test_the_action_comes_before_the_contact_line() -> None:
    incident = parse_incident(with_services("monitoring", ["chat"]), "monitoring.yaml")
    texts = _texts(incident)
    # Where the contact line is said (with the chat down: the phone number), it follows the action.
    for (lang, channel), text in texts.items():
        if "*2040" in text:
            assert text.index(PAY[lang]) < text.index("*2040"), (lang, channel, text)


def test_the_no_contact_clause_joins_the_action_after_its_reason() -> None:
    ts = template_set()
    joined = {"he": "אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום א׳.",
              "ar": "لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا: ستظهر الدفعات قبل نهاية الأحد.",
              "ru": "Платёж отобразится 22.11, платить и обращаться повторно не нужно."}
    for lang, said in joined.items():
        facts = build_facts(load_example("monitoring"), ts.config, ts.language(lang), lang, None)
        assert str(facts["action_joined_no_contact"]) == said, lang
    texts = _texts(load_example("monitoring"), channels=("sms",))
    for lang, said in joined.items():
        assert said in texts[lang, "sms"], texts[lang, "sms"]


# --- 2. The apology ------------------------------------------------------------------------------

def test_a_long_outage_banner_and_post_say_the_stronger_apology() -> None:
    # long35 (reading 30 en-3, HE-4, HE-14): the banner had 109 characters to spare and no
    # apology; the post said the stock one.
    texts = _texts(load_incident(HARD / "long35.yaml"), langs=("he", "en"),
                   channels=("banner", "social"))
    assert "We are very sorry for the disruption to your service, which has gone on far too long." \
        in texts["en", "banner"]
    assert "We are very sorry for the disruption to your service" in texts["en", "social"]
    assert "אנו מתנצלים מכל הלב על הפגיעה בשירות" in texts["he", "banner"]
    assert "אנו מתנצלים מכל הלב על הפגיעה בשירות" in texts["he", "social"]


@pytest.mark.parametrize("name", ["investigating", "overnight", "identified", "monitoring"])
def test_live_banners_and_posts_apologise(name: str) -> None:
    # Reading 30 RU-7 (investigating), en-15 (overnight: "We are sorry." dropped "Details:").
    for (lang, channel), text in _texts(load_example(name), channels=("banner", "social")).items():
        assert _sorry(lang, text), (name, lang, channel, text)


def test_live_banners_apologise_with_a_contact_channel_down() -> None:
    # Reading 30 HE-4, AR-1: the monitoring banner with the chat down had no apology.
    incident = parse_incident(with_services("monitoring", ["chat"]), "monitoring.yaml")
    for (lang, channel), text in _texts(incident, channels=("banner", "social")).items():
        assert _sorry(lang, text), (lang, channel, text)


def test_open_sms_with_room_left_apologises_before_the_thanks() -> None:
    night = _texts(load_incident(HARD / "night.yaml"), langs=("he", "en"), channels=("sms",))
    assert night["en", "sms"].endswith("No need to contact us again. We apologise for the "
                                       "inconvenience. Thank you for your patience. "
                                       "status.netivim.example")
    assert "אין צורך לפנות שוב. אנו מתנצלים." in night["he", "sms"]
    urlcode = _texts(load_incident(HARD / "urlcode-arru.yaml"), langs=("ar", "ru"),
                     channels=("sms",))
    assert "نعتذر عن الإزعاج." in urlcode["ar", "sms"]
    assert "Приносим извинения." in urlcode["ru", "sms"]


# --- Budgets ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", example_names())
def test_every_example_keeps_its_short_channels_within_budget(name: str) -> None:
    _texts(load_example(name))
