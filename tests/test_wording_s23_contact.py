"""Session 23, helper contact23: with contact channels among the affected services, the banner's
compact wordings and the social post's compact one scope the working channel to any other
matter, as the SMS does (reading 23 ar D1, he/en H4/E3, ru S1).

Before, the identified example with the phone line and chat down ended its banner and social
post with the generic contact line ("You can reach us by email at service@netivim.example and
at our service centres.", "يمكنكم التواصل معنا بالبريد الإلكتروني على العنوان …"): it invited
customers to write about the outage itself on a channel everyone reads, and was so long the
social post lost its apology in every language. Now they say "For anything else, email …"
(`f.contact.short_other_one`, ar/ru `f.contact.other_one`) and the post apologises.

ar D2: the service centres have their own verb-noun ("بزيارة مراكز الخدمة"), so "عبر الدردشة في
موقعنا وفي مراكز الخدمة" no longer reads as the chat in the centres, and the social post offers
the working channels as alternatives ("… أو بزيارة مراكز الخدمة").
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.text.bidi import strip_controls

from .example_edits import with_contact_channels
from .test_wording_s22_smse import LANGS, ROOT

IDE = ROOT / "examples" / "identified.yaml"
HARD = ROOT / "tests" / "data" / "hard" / "callcentre-arru.yaml"
# The generic, unscoped contact line each language had (the first working channel, email).
GENERIC = {"he": "ניתן לפנות במייל", "en": "You can reach us by email",
           "ar": "يمكنكم التواصل معنا بالبريد الإلكتروني", "ru": "Мы на связи по электронной почте"}
# The SMS's scoped form.
SCOPED = {"he": "בעניין אחר פנו במייל service@netivim.example",
          "en": "For anything else, email service@netivim.example",
          "ar": "لأي أمر آخر راسلونا على service@netivim.example",
          "ru": "По другим вопросам пишите на service@netivim.example"}
# Each social template's own apology at its compact wording.
SORRY = {"he": "מתנצלים על", "en": "We apologise for", "ar": "نعتذر عن", "ru": "Приносим извинения"}


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("lang", LANGS)
def test_two_down_banner_and_social_scope_the_contact_line(lang: str, short: bool) -> None:
    bundle = render(parse_incident(with_contact_channels(short), str(IDE)), languages=[lang],
                    channels=["banner", "social"])
    banner = bundle[lang, "banner"]
    social = bundle[lang, "social"]
    page = html.unescape(re.sub(r"<[^>]+>", "", banner.html or ""))
    for text in (banner.text, page, social.text):
        text = strip_controls(text)
        assert GENERIC[lang] not in text
        assert SCOPED[lang] in text
    # The post keeps its apology, and nothing is over its budget (ar banner: 307 of 300 before).
    assert SORRY[lang] in strip_controls(social.text)
    assert not [x for x in bundle.findings if x.severity == "error"]


def test_hebrew_compact_apology_is_measured_as_printed() -> None:
    """The fill measured " אנו מתנצלים על …" and printed "מתנצלים על …"."""
    template = (ROOT / "templates" / "he" / "social.txt").read_text(encoding="utf-8")
    assert '{% set sorry_words = " מתנצלים על "' in template


def test_only_contact_is_not_scoped() -> None:
    """The call centre itself down: nothing to scope against, the channels stay unscoped."""
    bundle = render(parse_incident(yaml.safe_load(HARD.read_text(encoding="utf-8")), str(HARD)),
                    languages=["ar"], channels=["social", "banner"])
    for channel in ("social", "banner"):
        assert "لأي أمر آخر" not in strip_controls(bundle["ar", channel].text)


def test_arabic_stores_have_their_own_verb_noun() -> None:
    bundle = render(parse_incident(yaml.safe_load(HARD.read_text(encoding="utf-8")), str(HARD)),
                    languages=["ar"])
    texts = [strip_controls(m.text) for m in bundle.messages]
    assert not [t for t in texts if "وفي مراكز الخدمة" in t]
    social = strip_controls(bundle["ar", "social"].text)
    # s27 (reading 46 AR-3): the lost-email line takes the second channel's room, as in English
    # (reading 45 EN-1); the chat stays.
    assert "لم تصلنا رسائل البريد الإلكتروني منذ 09:30" in social
    assert "عبر الدردشة في موقعنا." in social
    assert any("عبر الدردشة في موقعنا، أو بزيارة مراكز الخدمة." in t for t in texts)
