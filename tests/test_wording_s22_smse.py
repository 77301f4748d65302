"""Session 22, helper sms22e: reading 20's shortest SMS wordings (he/en #1, #2; ar M1; ru M2).

With a contact channel among the services of an outage customers would contact us about, the
shortest wordings dropped the no-need line but kept an unscoped channel: "…נעדכן ב-09:10. ניתן
לפנות בצ'אט באתר." (level 11) and "You can reach us by phone on *2040, by email at … and at our
service centres." (en, level 7) invited contacts about the outage. The channels are scoped
("בעניין אחר פנו …", "For anything else, call …") unless every affected service is a contact
channel itself. Level 11 dropped the status link even where it fit (ar 178 + 23 = 201).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.text.bidi import strip_controls

from .example_edits import CONTACT_SERVICES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LANGS = ("he", "en", "ar", "ru")
NAMES = {k: v for k, v in CONTACT_SERVICES.items() if k != "website"}


def _sms(path: Path, service: str, lang: str) -> tuple[str, int, int]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["services"] = [*raw["services"],
                       {"id": service, "name": dict(zip(LANGS, NAMES[service], strict=True))}]
    bundle = render(parse_incident(raw, str(path)), languages=[lang], channels=["sms"])
    message = bundle[lang, "sms"]
    return strip_controls(message.text), message.stats["short"], message.stats["units"]


def test_he_level_11_scopes_the_channel_and_takes_the_sender_back() -> None:
    text, short, units = _sms(ROOT / "examples" / "investigating.yaml", "call-centre", "he")
    assert short == 11
    # The TV by its short name beside the phone line, which has none (s23_short).
    # Session 25 (reading 30 en-5, HE-1): at 11 the short action comes before the contact line.
    assert text == ("נתיבים: הפסקת אינטרנט ביתי בצפון (גם הטלוויזיה והמוקד הטלפוני) – "
                    "בבדיקה. טרם נקבע צפי. נעדכן ב-09:10. אין צורך לכבות ולהדליק את הנתב.")
    assert units <= 134


def test_he_level_10_scopes_the_channel_before_the_thanks() -> None:
    text, short, _ = _sms(ROOT / "examples" / "identified.yaml", "chat", "he")
    assert short == 10
    # Session 25 (reading 30 HE-4): the apology where room is left.
    assert text == ("נתיבים: תקלה בכניסה לאפליקציה, באזור האישי ובצ'אט באתר – בטיפול. צפי: 17:00. "
                    "נעדכן ב-15:00. בעניין אחר פנו בטלפון *2040. אנו מתנצלים.")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("service", sorted(NAMES))
def test_he_shortest_never_invites_contacts_about_the_outage(path: Path, service: str) -> None:
    # Beside the example's own services (not only contact channels), a channel named without
    # the no-need line is scoped to any other matter.
    # At 11 the budget comes first: the scope's 4 units ("בעניין אחר פנו" for "ניתן לפנות") are
    # taken only where they fit (the long "תיבת הדואר של השירות": 132 + 4 > 134).
    text, short, units = _sms(path, service, "he")
    if short == 11 and "ניתן לפנות" in text:
        assert units + len("בעניין אחר פנו") - len("ניתן לפנות") > 134, text
    elif short >= 8 and "אין צורך לפנות" not in text and ("פנו" in text or "לפנות" in text):
        assert "ניתן לפנות" not in text and "בעניין אחר פנו" in text, text


def test_en_level_7_scopes_every_channel_with_its_verb() -> None:
    text, short, _ = _sms(ROOT / "examples" / "identified.yaml", "chat", "en")
    assert short == 7
    assert text.endswith(" Next update: 15:00. For anything else, call *2040, email "
                         "service@netivim.example or visit our service centres.")
    assert "You can reach us" not in text


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_level_11_says_the_status_link_where_it_fits(lang: str) -> None:
    text, short, units = _sms(ROOT / "examples" / "investigating.yaml", "call-centre", lang)
    assert short == 11
    # Session 25: in Arabic the short action and the channel take the link's room.
    if lang == "ar":
        assert text.endswith("لا حاجة إلى إعادة تشغيل الراوتر. لأي أمر آخر: الدردشة في موقعنا.")
        return
    assert text.endswith(" status.netivim.example") and units <= 201


def test_level_11_leaves_the_link_out_where_it_does_not_fit() -> None:
    text, short, units = _sms(ROOT / "examples" / "identified.yaml", "chat", "ar")
    # Level 10 since sms22f: the scoped channel ("لأي أمر آخر: …") is 11 units shorter.
    assert short == 10 and units <= 201
    # s28 reading 53 AR-2: the label gives the apology its room.
    assert "status.netivim.example" not in text and text.endswith("*2040. نعتذر عن الإزعاج.")
