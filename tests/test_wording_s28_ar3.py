"""Arabic reading 53 (s28). AR-1: the call-centre SMS asked «أعيدوا بعد إصلاح البريد الإلكتروني
إرسال رسائلكم منذ 09:30.», a translated order (the adverbial between the verb and its object) that
did not say the messages were emails; after reading 54 (AR-1') it says «بعد الإصلاح، أعيدوا إرسال
رسائلكم الإلكترونية منذ 09:30.», which states the email service that is down (the SMS's only naming
of it, rule required-fact, through f.service_in_resend); the apology is «نعتذر.» where «نعتذر لكم.»
does not fit. AR-2: the
overnight SMS said «اتصلوا دوليًا …» where every other channel says «يمكن إجراء المكالمات الدولية …»;
it now says that too, and the "الحالة: " label gives the apology its room («…، قيد الإصلاح.»)."""

from __future__ import annotations

from typing import Any

import yaml

from crisiscomms import load_incident, render
from crisiscomms.loading import parse_incident
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .test_wording_s27b_ar import _HARD

_RESEND = "بعد الإصلاح، أعيدوا إرسال رسائلكم الإلكترونية منذ 09:30."
_WORKAROUND = "يمكن إجراء المكالمات الدولية بتطبيقات الاتصال عبر الإنترنت."


def _sms(incident: Any) -> tuple[str, dict[str, Any], list[str]]:
    bundle = render(incident, languages=["ar"], channels=["sms"])
    message = bundle["ar", "sms"]
    rules = [f.rule for f in bundle.findings]
    return strip_controls(message.text or ""), dict(message.stats), rules


def test_ar1_callcentre_sms_asks_for_the_emails_in_a_native_order() -> None:
    text, stats, findings = _sms(load_incident(_HARD / "callcentre-arru.yaml"))
    assert text == ("نتيفيم: خلل في مركز الاتصال، قيد الإصلاح. العودة المتوقعة: 12:00."
                    f" التحديث القادم: 11:00. {_RESEND} دردشة موقعنا تعمل. نعتذر لكم."
                    " status.netivim.example"), text
    assert "إصلاح البريد الإلكتروني إرسال" not in text, text
    assert int(stats["units"]) <= 201 and stats["segments"] == 3, stats
    # The request is the SMS's only naming of email: rule required-fact finds it there.
    assert findings == [], findings


def test_ar1_the_brief_apology_where_the_longer_one_does_not_fit() -> None:
    # A title four units longer leaves no room for «لكم»; the request and the apology stay.
    raw = yaml.safe_load((_HARD / "callcentre-arru.yaml").read_text(encoding="utf-8"))
    raw["title"]["ar"] = "خلل كبير في مركز الاتصال"
    text, stats, findings = _sms(parse_incident(raw, "x.yaml"))
    assert f" {_RESEND} دردشة موقعنا تعمل. نعتذر. status.netivim.example" in text, text
    assert int(stats["units"]) <= 201 and findings == [], (stats, findings)


def test_ar1_the_longer_apology_stays_where_it_fits() -> None:
    # A shorter title and service name leave the four units «لكم» needs.
    raw = yaml.safe_load((_HARD / "callcentre-arru.yaml").read_text(encoding="utf-8"))
    raw["title"]["ar"] = "خلل في الهاتف"
    raw["services"][0]["name"]["ar"] = "الهاتف"
    text, stats, findings = _sms(parse_incident(raw, "x.yaml"))
    assert f" {_RESEND} دردشة موقعنا تعمل. نعتذر لكم. status.netivim.example" in text, text
    assert int(stats["units"]) <= 201 and findings == [], (stats, findings)


def test_ar2_overnight_sms_says_the_workaround_as_every_channel_does() -> None:
    incident = load_example("overnight")
    assert incident.workaround_short is not None
    assert incident.workaround_short["ar"] == _WORKAROUND and len(_WORKAROUND) <= 60
    text, stats, findings = _sms(incident)
    assert text == ("نتيفيم: خلل في المكالمات الدولية، قيد الإصلاح. العودة المتوقعة: الليلة 02:00."
                    f" {_WORKAROUND} التحديث القادم: 23:30. نعتذر عن الإزعاج."
                    " status.netivim.example"), text
    assert int(stats["units"]) == 201 and stats["segments"] == 3, stats
    assert findings == [], findings


def test_ar2_the_label_gives_the_night_sms_its_apology() -> None:
    # The same rule: the night TV SMS had no room for its apology beside "الحالة: ".
    text, stats, findings = _sms(load_incident(_HARD / "night-arru.yaml"))
    head = "نتيفيم: خلل في خدمة التلفزيون، تم تحديد السبب، والعمل جارٍ على الإصلاح."
    assert text.startswith(head), text
    assert "الحالة:" not in text and " نعتذر عن الإزعاج. status.netivim.example" in text, text
    assert int(stats["units"]) <= 201 and stats["segments"] == 3 and findings == [], stats
