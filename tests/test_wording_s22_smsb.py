"""Session 22, the SMS (helper sms22b), reading 18.

1. he: the scoped no-need line is never followed by a bare "פנו …" ("אין צורך לפנות בעניין זה.
   פנו בצ'אט …" said "don't contact us" and then "contact us"): the channels are scoped,
   "בעניין אחר פנו …", and in the call-centre SMS the room that frees brings the sender back.
2. ar: the statement-after-statement SMS keeps the status link ("موعد جديد: 17:00 بدلًا من
   15:30."; the "الحالة: " label gives room where the link does not fit).
3. ar: the compensation's last day follows the voucher it bounds, agreeing with it.
4. en: the no-need join comes from data ([contact.no_need_join], with its ``tail``).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from crisiscomms import Incident, parse_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import changed_example, example_path, load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
FILES = [*sorted((ROOT / "examples").glob("*.yaml")),
         *(p for p in sorted(HARD.glob("*.yaml")) if "arru" not in p.name)]


def _load(path: Path) -> Incident:
    return parse_incident(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def _sms(incident: Incident, lang: str, previous: Incident | None = None) -> tuple[str, int]:
    message = render(incident, previous=previous, languages=(lang,), channels=("sms",))[lang, "sms"]
    return strip_controls(message.text or ""), int(message.stats["units"])


def test_he_callcentre_sms_scopes_the_channels_and_brings_the_sender_back() -> None:
    text, units = _sms(_load(HARD / "callcentre.yaml"), "he")
    # s28 (reading 48 HE-1): the lost-email request takes the room of the sender and of the
    # second working channel.
    assert text == ("תקלה במוקד שירות הלקוחות (טלפון ומייל) – בטיפול. צפי: 12:00. "
                    "נעדכן ב-11:00. מיילים מאז 09:30 לא נשמרו. פנו שוב בצ'אט באתר. מתנצלים.")
    assert units == 131


def test_no_he_level_says_no_need_then_a_bare_contact_us() -> None:
    ts = template_set()
    language = ts.language("he")
    for path in FILES:
        incident = _load(path)
        facts = build_facts(incident, ts.config, language, "he", None)
        for level in range(CHANNELS["sms"].short_wording + 1):
            text = strip_controls(_render_one(ts, incident, "he", "sms", {}, facts, language, {},
                                              level=level).text or "")
            for bare in ("פנו ", "ניתן לפנות "):
                assert f"בעניין זה. {bare}" not in text, (path.name, level, text)


def test_he_full_callcentre_sms_keeps_the_line_beside_the_scoped_channels() -> None:
    ts = template_set()
    language = ts.language("he")
    incident = _load(HARD / "callcentre.yaml")
    facts = build_facts(incident, ts.config, language, "he", None)
    text = strip_controls(_render_one(ts, incident, "he", "sms", {}, facts, language, {},
                                      level=0).text or "")
    # s26: beside lost emails (to be sent again) the line is about calls only.
    assert "אין צורך להתקשר בעניין זה. בעניין אחר פנו בצ'אט באתר או במרכזי השירות." in text


def test_ar_changed_sms_keeps_the_link() -> None:
    previous, current = changed_example()
    text, units = _sms(current, "ar", previous)
    assert "موعد جديد: 17:00 بدلًا من 15:30." in text
    assert "): قيد الإصلاح." in text  # s22 reading 19: a colon
    # s28 B-1: beside the longer short workaround the sender (the handset shows its ID) gives way
    # to the link, which a moved estimate must keep (reading 18 ar L3).
    assert text.startswith("خلل في تسجيل الدخول إلى التطبيق (ويشمل الحساب الشخصي)"), text
    assert "التحديث القادم: 15:00." in text
    assert text.endswith(" status.netivim.example")
    assert units <= 201


def test_ar_compensation_expiry_follows_the_voucher() -> None:
    text, units = _sms(load_example("compensation"), "ar")
    # s25 (reading 30 AR-14): "قسيمة شراء", then the route and the last day.
    # s27 (reading 46 AR-1): one sentence.
    assert "قسيمة شراء بقيمة 10% من الفاتورة الشهرية، سارية حتى 31.12.2026." in text
    assert "يسري حتى" not in text
    assert units <= 201


def test_ar_credit_expiry_agrees_with_a_masculine_thing() -> None:
    raw = yaml.safe_load(example_path("compensation").read_text(encoding="utf-8"))
    raw["compensation"]["kind"] = "credit"
    incident = parse_incident(raw, "credit")
    ts = template_set()
    facts = build_facts(incident, ts.config, ts.language("ar"), "ar", None)
    assert str(facts["compensation"]["short"]).endswith("، ساري حتى 31.12.2026.")


def test_en_join_from_data() -> None:
    ts = template_set()
    language = ts.language("en")
    assert language.contact.no_need_join is not None
    raw = yaml.safe_load(example_path("monitoring").read_text(encoding="utf-8"))
    raw["customer_action_short"]["en"] = "No need to pay again"
    facts = build_facts(parse_incident(raw, "m"), ts.config, language, "en", None)
    assert str(facts["action_joined_no_contact"]) == "No need to pay again or contact us."
    # Rendered in the SMS: test_wording_s20_sms20d (a long action, so the short one is said).
    raw["customer_action_short"]["en"] = "Please do not pay again"
    facts = build_facts(parse_incident(raw, "m"), ts.config, language, "en", None)
    assert facts["action_joined_no_contact"] is None
