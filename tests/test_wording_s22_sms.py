"""Session 22, the SMS (helper sms22), reading 17.

1. A short customer action that is itself "no need to X again" takes "contact us" into it, in
   one sentence, from language data ([contact.no_need_join], ``f.action_joined_no_contact``):
   he "אין צורך לשלם או לפנות שוב." (was sliced inside the template), and now ar/ru too, where
   the monitoring SMS never said "no need to contact us again". Not beside a working channel
   (a contact channel down: the line is scoped there). ``_says_no_contact`` knows the joined form.
2. The Arabic "لأي أمر آخر: …" line beside the scoped no-need line comes from data ([contact] other,
   [contact.bare]), not from a text swap inside the ``[contact] short`` sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from crisiscomms import Incident, parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.config import Language
from crisiscomms.facts import build_facts
from crisiscomms.render import _render_one, _render_outputs, template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
# s26: the short action opens with its no-need clause and says its reason after a colon.
JOINED = {"he": "אין צורך לשלם או לפנות שוב:",
          "ar": "لا حاجة إلى الدفع مجددًا ولا إلى التواصل معنا:",
          # s27 (reading 46 RU-7): Russian gives the reason first, "Платёж отобразится 22.11, …".
          "ru": "платить и обращаться повторно не нужно."}
SHORT = {"he": "אין צורך לשלם שוב:", "ar": "لا حاجة إلى الدفع مجددًا:",
         "ru": "платить повторно не нужно."}
# s27b (reading 47 HE-3): "מתנצלים." in the room of the sender.
HE_MONITORING = ("עיכוב בקליטת תשלומים באתר – התיקון הושלם, במעקב. העדכון הבא: 12:30. "
                 "אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום א׳. מתנצלים.")


def _sms(incident: Incident, lang: str) -> tuple[str, dict[str, Any]]:
    message = render(incident, languages=(lang,), channels=("sms",))[lang, "sms"]
    return strip_controls(message.text or ""), dict(message.stats)


def _levels(incident: Incident, lang: str, language: Language | None = None) -> list[str]:
    ts = template_set()
    language = language or ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    return [strip_controls(_render_one(ts, incident, lang, "sms", {}, facts, language, {},
                                       level=level).text or "")
            for level in range(CHANNELS["sms"].short_wording + 1)]


# --- 1. the no-need join ---------------------------------------------------------------------


def test_ar_ru_monitoring_sms_joins_contact_into_the_action_and_keeps_the_link() -> None:
    for lang in ("ar", "ru"):
        text, stats = _sms(load_example("monitoring"), lang)
        # Session 25: after its reason the Russian clause opens in small letters.
        assert JOINED[lang].lower() in text.lower(), text
        assert SHORT[lang].lower() not in text.lower(), text
        assert text.endswith("status.netivim.example"), text
        assert int(stats["units"]) <= 201 and int(stats["segments"]) <= 3, stats


def test_he_monitoring_sms_unchanged() -> None:
    text, stats = _sms(load_example("monitoring"), "he")
    assert text == HE_MONITORING, text
    assert int(stats["segments"]) <= 2


def test_every_ar_ru_level_that_says_no_need_says_it_once() -> None:
    for lang in ("ar", "ru"):
        for level, text in enumerate(_levels(load_example("monitoring"), lang)):
            assert not (JOINED[lang] in text and SHORT[lang] in text), (level, text)
            assert "لا حاجة إلى التواصل معنا مجددًا." not in text, (level, text)
            assert "Повторно обращаться не нужно." not in text, (level, text)


def _monitoring_with_call_centre_down() -> Incident:
    """The monitoring incident with the call centre down (its service among the affected)."""
    data = yaml.safe_load((ROOT / "examples" / "monitoring.yaml").read_text("utf-8"))
    hard = yaml.safe_load((HARD / "callcentre-arru.yaml").read_text("utf-8"))
    data["services"] = data["services"] + hard["services"][:1]
    for lang in ("he", "en"):
        data["services"][-1]["name"].setdefault(lang, data["services"][0]["name"][lang])
    return parse_incident(data)


def test_no_join_when_a_contact_channel_is_down() -> None:
    incident = _monitoring_with_call_centre_down()
    for lang in ("he", "ar", "ru"):
        facts = build_facts(incident, template_set().config, template_set().language(lang),
                            lang, None)
        assert facts["contact"]["any_down"], lang
        for level, text in enumerate(_levels(incident, lang)):
            assert JOINED[lang] not in text, (lang, level, text)


def test_the_fact_is_none_for_an_action_that_is_not_a_no_need_again_line() -> None:
    ts = template_set()
    for lang in ("he", "ar", "ru"):
        facts = build_facts(load_example("investigating"), ts.config, ts.language(lang), lang,
                            None)
        assert facts["action_joined_no_contact"] is None, lang
        facts = build_facts(load_example("monitoring"), ts.config, ts.language(lang), lang,
                            None)
        said = {"he": " התשלום יופיע עד סוף יום א׳.", "ar": " ستظهر الدفعات قبل نهاية الأحد.",
                "ru": "Платёж отобразится 22.11, "}[lang]
        joined = said + JOINED[lang] if lang == "ru" else JOINED[lang] + said
        assert str(facts["action_joined_no_contact"]) == joined, lang


def test_a_joined_action_already_says_no_contact() -> None:
    data = yaml.safe_load((ROOT / "examples" / "monitoring.yaml").read_text("utf-8"))
    for lang in ("he", "ar", "ru"):
        data["customer_action"][lang] = JOINED[lang]
    incident = parse_incident(data)
    ts = template_set()
    for lang in ("he", "ar", "ru"):
        facts = build_facts(incident, ts.config, ts.language(lang), lang, None)
        assert facts["action_says_no_contact"], lang


# --- 2. the Arabic "for any other matter" line -------------------------------------------------

PHONE_ONLY = "خلل في مركز الاتصال"
SCOPED_AR = "لا حاجة إلى التواصل معنا مجددًا بشأن هذا الخلل."


def _callcentre(services: int) -> Incident:  # the call centre down (1: and the mail)
    data = yaml.safe_load((HARD / "callcentre-arru.yaml").read_text("utf-8"))
    data["title"]["ar"] = PHONE_ONLY
    data["services"] = data["services"][:services]
    return parse_incident(data)


def _other_short(language: Language) -> Language:
    """The language with another ``[contact] short`` sentence: the line for any other matter
    must not depend on its words."""
    contact = language.contact.model_copy(update={"short": "تواصلوا معنا {channel}."})
    return language.model_copy(update={"contact": contact})


def _with_room(incident: Incident, language: Language, level: int, room: int) -> str:
    ts = template_set()
    facts = build_facts(incident, ts.config, language, "ar", None)
    outputs, _ = _render_outputs(ts, "ar", "sms", {}, facts, language, {}, short=level,
                                 room=room)
    return strip_controls(outputs["text"])


def test_the_line_for_any_other_matter_does_not_depend_on_the_short_sentence() -> None:
    language = _other_short(template_set().language("ar"))
    # Every working channel (levels 0-6), each with its verb.
    for level, text in enumerate(_levels(_callcentre(1), "ar", language)[:7]):
        # s23 ruar23 (reading 22 N3): every channel with its verb, joined with "أو".
        assert f"{SCOPED_AR} لأي أمر آخر اكتبوا لنا عبر الدردشة في موقعنا أو راسلونا" in text, (
            level, text)
        assert text.count("التواصل معنا") == 1 and "تواصلوا معنا" not in text, (level, text)
    # The first one alone (from 7, the scoped line brought back by the fill), bare.
    text = _with_room(_callcentre(1), language, 7, 50)
    assert f"{SCOPED_AR} لأي أمر آخر: الدردشة في موقعنا." in text, text
    assert text.count("التواصل معنا") == 1 and "تواصلوا معنا" not in text, text
