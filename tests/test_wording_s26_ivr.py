"""Session 26, helper ivrsms: the IVR's shortest wordings keep the essential facts with the phone
line down (readers he, en, ar, ru).

Before, with the phone line down beside another affected service, the shortest wordings dropped
where the next update comes ("here and on our website" went from wording 3, nothing in its
place; Arabic alone kept "على موقعنا") and the reason not to contact us ("we know about it" went
from wording 6, Russian 7). Now every wording says where ("here" from wording 3: "Our next update
here is …", "העדכון הבא יימסר כאן …", "Следующее сообщение здесь …") and keeps the reason.
English said "we know about it" on a recording about the phone line itself being down; it now
says "we are already on it", and its last wordings say "For anything else, chat with us on our
website." ([contact] short_other) instead of "Anything else? You can reach us by chat on our
website.", which makes room for the reason within the 45 s.

The stress variants tests/data/callcentre-s26-arru.yaml and phonechat-s26-arru.yaml (long
titles, three services, a night estimate and next update on the next day) reach wordings 5 to 8.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import build_facts
from crisiscomms.model import Incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LANGS = ("he", "en", "ar", "ru")
STRESS = ("callcentre-s26-arru.yaml", "phonechat-s26-arru.yaml")
MAX_SECONDS = 45.0

# What is wrong: the fault as each language says it.
FAULT = {
    "callcentre-s26-arru.yaml": {
        "he": "תקלה במוקד שירות הלקוחות ובמערכות הפניות של נתיבים בכל הארץ",
        "en": "a problem with our customer service centre and contact systems nationwide",
        "ar": "خلل في مركز خدمة الزبائن وأنظمة التواصل لدى نتيفيم في جميع أنحاء البلاد",
        "ru": "сбой в центре обслуживания клиентов и системах обращений Нетивим по всей стране"},
    "phonechat-s26-arru.yaml": {
        "he": "תקלה במוקד הטלפוני ובצ'אט באתר של נתיבים בכל רחבי הארץ",
        "en": "a problem with our phone line and website chat across the whole country",
        "ar": "خلل في الخط الهاتفي والدردشة في موقع نتيفيم في جميع أنحاء البلاد",
        "ru": "сбой телефонной линии и чата на сайте Нетивим по всей стране"},
}
# The night's day word before the estimate (02:30) and the next update (01:30), both after
# midnight of an update at 23:40.
NIGHT = {"he": "הלילה בשעה", "en": "tonight at", "ar": "الليلة الساعة", "ru": "сегодня ночью в"}
ETA = {"he": "יחזור לפעול", "en": "We expect service to be back", "ar": "نتوقع عودة الخدمة",
       "ru": "Рассчитываем восстановить"}
# The next update's sentence and the place it names (at least "here").
NEXT = {"he": r"(?:העדכון הבא יימסר|נעדכן)[^.]*", "en": r"Our next update[^.]*",
        "ar": r"التحديث القادم[^.]*", "ru": r"Следующее сообщение[^.]*"}
PLACE = {"he": "כאן", "en": "here", "ar": "(?:هنا|على موقعنا)", "ru": "здесь"}
# No need to contact us, and why.
REASON = {"he": "בעניין התקלה אין צורך לפנות: אנו כבר יודעים עליה.",
          "en": "about this problem: we are already on it.",
          "ar": "لا حاجة إلى التواصل بخصوص هذا الخلل: نحن على علم به.",
          "ru": "Обращаться по этому сбою не нужно: мы знаем о нём."}
# Where else to turn for anything else.
ELSE = {"he": "בעניין אחר פנו ב", "en": "For anything else, ", "ar": "لأي أمر آخر، ",
        "ru": "По другим вопросам мы на связи"}
APOLOGY = {"he": "ואנו מתנצלים על כך", "en": "We are sorry", "ar": "ونعتذر عن ذلك",
           "ru": "Приносим извинения"}


def _incident(name: str) -> Incident:
    return load_incident(DATA / name)


def _wordings(incident: Incident, lang: str) -> list[tuple[str, float]]:
    """Every IVR wording, full (0) to shortest: its text and spoken seconds."""
    ts = template_set(None)
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    out = []
    for level in range(CHANNELS["ivr"].short_wording + 1):
        message = _render_one(ts, incident, lang, "ivr", {}, facts, language, {}, level=level)
        out.append((strip_controls(message.text), float(message.stats["seconds"])))
    return out


@pytest.mark.parametrize("name", STRESS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_ivr_wording_keeps_the_essential_facts(name: str, lang: str) -> None:
    for level, (text, _) in enumerate(_wordings(_incident(name), lang)):
        flat = " ".join(text.split())
        where = f"{name} {lang} wording {level}: {flat}"
        assert FAULT[name][lang] in flat, where
        assert re.search(re.escape(ETA[lang]) + r"[^.]*" + re.escape(NIGHT[lang]) + " 02:30",
                         flat), where
        nxt = re.search(NEXT[lang], flat)
        assert nxt is not None, where
        assert f"{NIGHT[lang]} 01:30" in nxt.group(0), where
        assert re.search(PLACE[lang], nxt.group(0)), where
        assert REASON[lang] in flat, where
        assert ELSE[lang] in flat, where
        assert APOLOGY[lang] in flat, where


@pytest.mark.parametrize("name", STRESS)
@pytest.mark.parametrize("lang", LANGS)
def test_stress_ivr_fits_its_budget_down_to_the_shortest(name: str, lang: str) -> None:
    incident = _incident(name)
    assert _wordings(incident, lang)[-1][1] <= MAX_SECONDS
    bundle = render(incident, languages=[lang], channels=["ivr"])
    message = bundle[lang, "ivr"]
    assert float(message.stats["seconds"]) <= MAX_SECONDS
    assert not [x for x in bundle.findings if x.channel == "ivr"]


def test_stress_variants_reach_the_short_wordings() -> None:
    """The variants are long enough to be told apart from the full wording."""
    chosen = {(name, lang): render(_incident(name), languages=[lang], channels=["ivr"])[
        lang, "ivr"].stats["short"] for name in STRESS for lang in LANGS}
    assert max(chosen.values()) >= 7
    assert sum(1 for v in chosen.values() if v >= 5) >= 5


@pytest.mark.parametrize("name", STRESS)
def test_english_phone_down_says_we_are_on_it_not_we_know_about_it(name: str) -> None:
    for level, (text, _) in enumerate(_wordings(_incident(name), "en")):
        assert "we know about it" not in text, (level, text)
        assert "we are already on it." in text, (level, text)


@pytest.mark.parametrize("name", ["hard/callcentre-arru.yaml", "hard/phonechat.yaml"])
@pytest.mark.parametrize("lang", LANGS)
def test_hard_phone_down_next_update_says_where_at_every_wording(name: str, lang: str) -> None:
    incident = _incident(name)
    if lang not in incident.title.root:
        pytest.skip(f"{name} has no {lang}")
    for level, (text, seconds) in enumerate(_wordings(incident, lang)):
        nxt = re.search(NEXT[lang], " ".join(text.split()))
        assert nxt is not None and re.search(PLACE[lang], nxt.group(0)), (level, text)
        assert "11:00" in nxt.group(0), (level, text)
        assert seconds <= MAX_SECONDS, (level, seconds)
