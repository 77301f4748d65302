"""Session 18c, SMS (final reading 2, D6, D7, D11): monitoring that ends at the next update
says the time once, the Hebrew SMS words the next update one way at every level, and the
SMS names every working contact channel where it fits."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import Bundle, Message, parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

LANGS = ("he", "en", "ar", "ru")
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _data(example: str) -> dict[str, Any]:
    return load_example(example).model_dump(mode="json", exclude_none=True)


def _render(data: dict[str, Any], languages: tuple[str, ...] = LANGS) -> Bundle:
    return render(parse_incident(data), languages=list(languages), channels=["sms"])


def _text(message: Message) -> str:
    return strip_controls(message.text)


def _errors(bundle: Bundle) -> list[Any]:
    return [f for f in bundle.findings if f.severity == "error"]


# --- D7: monitoring ends at the next update: the time once -----------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_monitoring_to_the_next_update_says_the_time_once(lang: str) -> None:
    # Before: "מעקב עד 12:30. עדכון נוסף עד 12:30." (examples/monitoring: eta == next update).
    bundle = _render(_data("monitoring"), (lang,))
    text = _text(bundle[lang, "sms"])
    assert text.count("12:30") == 1, text
    # Both facts are still stated (required-fact sees the estimate and the next update).
    assert not _errors(bundle), bundle.findings


def test_monitoring_sentence_in_hebrew_and_english() -> None:
    bundle = _render(_data("monitoring"), ("he", "en"))
    # s26: beside the payment action's reason "עם סיום המעקב" gives way to the joined no-need
    # clause (the status still says "במעקב").
    assert "העדכון הבא: 12:30. אין צורך לשלם או לפנות שוב:" in _text(bundle["he", "sms"])
    assert "Next update: 12:30, when monitoring ends." in _text(bundle["en", "sms"])


def test_monitoring_to_another_time_keeps_both() -> None:
    data = _data("monitoring")
    data["next_update_at"] = data["eta"].replace("12:30", "12:15")
    bundle = _render(data, ("he",))
    text = _text(bundle["he", "sms"])
    # s26: the longer payment action leaves the short next-update form, "נעדכן ב-12:15.".
    assert "מעקב עד 12:30." in text and "נעדכן ב-12:15." in text, text
    assert not _errors(bundle), bundle.findings


# --- D11: one Hebrew wording of the next update at every level --------------------------------

@pytest.mark.parametrize("example", ["identified", "investigating", "monitoring", "overnight"])
def test_hebrew_sms_words_the_next_update_one_way_at_every_level(example: str) -> None:
    # Before: "עדכון נוסף עד" up to wording 7, "העדכון הבא:" at 8 and 9. Now every wording
    # says "נעדכן ב-…" or "העדכון הבא: …" (the monitoring one with "עם סיום המעקב").
    sms = (TEMPLATES / "he" / "sms.txt").read_text(encoding="utf-8")
    assert "עדכון נוסף עד" not in re.sub(r"\{#.*?#\}", "", sms, flags=re.S)
    incident = load_example(example)
    ts = template_set(None)
    language = ts.language("he")
    facts = build_facts(incident, ts.config, language, "he", None)
    for level in range(CHANNELS["sms"].short_wording + 1):
        text = strip_controls(_render_one(ts, incident, "he", "sms", {}, facts, language, {},
                                          level=level).text)
        assert "עדכון נוסף" not in text, (level, text)
        assert "נעדכן ב-" in text or "העדכון הבא: " in text, (level, text)


# --- D6: every working contact channel where it fits -------------------------------------------

def _call_centre_down() -> dict[str, Any]:
    data = _data("identified")
    for key in ("title", "impact", "workaround", "customer_action"):
        if key in data:
            data[key] = {k: v for k, v in data[key].items() if k in ("he", "en")}
    data.pop("updates", None)
    data.pop("customer_action", None)
    data["title"] = {"he": "תקלה במוקד שירות הלקוחות", "en": "Customer service centre problem"}
    data["services"] = [
        {"id": "call-centre", "name": {"he": "המוקד הטלפוני", "en": "our phone line"}},
        {"id": "support-mail", "name": {"he": "פניות בדואר האלקטרוני", "en": "email support"}}]
    return data


def test_call_centre_sms_names_chat_and_service_centres_where_it_fits() -> None:
    # Before: "You can reach us by chat on our website." while IVR/email add the centres.
    bundle = _render(_call_centre_down(), ("he", "en"))
    assert "by chat on our website and at our service centres." in _text(bundle["en", "sms"])
    # Hebrew: the working channels as alternatives take the no-need line's room (s21, R14 #1).
    he = bundle["he", "sms"]
    assert "פנו בצ'אט באתר או במרכזי השירות." in _text(he) and he.stats["segments"] == 2
    assert not _errors(bundle), bundle.findings
