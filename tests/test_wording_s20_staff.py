"""Staff and partner channels as a senior service manager reads them in four languages
(issue 11, session 20, reading 9): the reseller's quote speaks in Netivim's name and gives
the short status address, one count-based services label on every channel, "today" in the
resolved internal channels, thanks last, and the Russian priority order.
"""

from __future__ import annotations

import re

import pytest

from crisiscomms import Bundle, render
from crisiscomms.samples import load_example

from .example_edits import edited, seen

LANGS = ("he", "en", "ar", "ru")
STAFF = ("talking_points", "management", "partners", "email", "status_page")


def bundle(name: str, langs: tuple[str, ...] = LANGS,
           channels: tuple[str, ...] = ("talking_points", "management", "partners")) -> Bundle:
    return render(load_example(name), languages=langs, channels=channels)


def quotes(text: str) -> list[str]:
    """What the message puts in quotation marks (the lines resellers and reps read aloud)."""
    return [a or b for a, b in re.findall(r'"([^"\n]*)"|«([^»\n]*)»', text)]


@pytest.mark.parametrize("name", ["identified", "investigating"])
@pytest.mark.parametrize("lang", ["he", "en"])
def test_partner_quote_speaks_in_netivim_name(name: str, lang: str) -> None:
    # R9 #2: "התקלה במערכות שלנו." / "the fault is in our systems" in the reseller's mouth.
    b = bundle(name, (lang,), ("partners",))
    for output in ("text", "html"):
        text = seen(b, lang, "partners", output).replace("&#39;", "'")
        said = " ".join(quotes(text))
        assert "שלנו" not in said and " our " not in said, said
    action = seen(b, lang, "partners")
    if name == "identified":
        assert ("התקלה במערכות של נתיבים" in action if lang == "he"
                else "the fault is in Netivim's systems" in action)
    elif lang == "en":
        assert "the fault is in Netivim's network" in action


@pytest.mark.parametrize("lang", ["he", "en"])
def test_resolved_partner_quote_names_whose_customer_service(lang: str) -> None:
    # R9 #3: "ניתן לפנות לשירות הלקוחות והפנייה תטופל" / "customer service will take care of it".
    b = bundle("resolved", (lang,), ("partners",))
    for output in ("text", "html"):
        text = seen(b, lang, "partners", output)
        assert ("לשירות הלקוחות של נתיבים" in text if lang == "he"
                else "Netivim customer service will take care of it" in text)


@pytest.mark.parametrize("lang", LANGS)
def test_partner_quote_gives_the_short_status_address(lang: str) -> None:
    # R9 #5: "…בדף הסטטוס של נתיבים: https://status.netivim.example" inside the quote.
    text = seen(bundle("identified", (lang,), ("partners",)), lang, "partners")
    said = quotes(text)
    assert any("status.netivim.example" in q for q in said)
    assert not any("https://" in q for q in said), said


@pytest.mark.parametrize(("lang", "one", "many", "one_now", "many_now"), [
    ("he", "השירות שהושפע:", "השירותים שהושפעו:", "השירות המושפע:", "השירותים המושפעים:"),
    ("en", "Service affected:", "Services affected:", "Affected service:", "Affected services:"),
    ("ar", "الخدمة التي تأثرت:", "الخدمات التي تأثرت:", "الخدمة المتأثرة:", "الخدمات المتأثرة:"),
    ("ru", "Был затронут сервис:", "Были затронуты:", "Затронутый сервис:", "Затронутые сервисы:"),
])
def test_one_service_takes_the_singular_label_everywhere(
        lang: str, one: str, many: str, one_now: str, many_now: str) -> None:
    # R9 #4: "השירותים המושפעים: האפליקציה", "Были затронуты: мобильная связь" outside management.
    b = render(edited("resolved"), languages=(lang,), channels=STAFF)
    for channel in STAFF:
        text = seen(b, lang, channel).replace("**", "")
        assert many not in text, channel
        if channel in ("talking_points", "management", "status_page"):
            assert one in text, channel
    data = load_example("identified").model_dump(mode="json", exclude_none=True)
    b = render(edited("identified", services=data["services"][:1]), languages=(lang,),
               channels=STAFF)
    for channel in STAFF:
        text = seen(b, lang, channel).replace("**", "")
        assert one_now in text and many_now not in text, channel


def test_one_hebrew_name_plural_in_form_takes_the_plural_label() -> None:
    # R9 #4: "השירות שהושפע: שירותי הסלולר" (a singular label before a plural noun).
    b = render(load_example("compensation"), languages=("he",), channels=STAFF)
    for channel in STAFF:
        text = seen(b, "he", channel).replace("**", "")
        assert "השירות שהושפע:" not in text
        if "שירותי הסלולר" in text and ":" in text:
            assert "השירות שהושפע" not in text


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_resolved_internal_channels_say_today_not_a_date(lang: str) -> None:
    # R9 #7: "عادت الخدمة… يوم الأحد 22 نوفمبر الساعة 10:05" beside "بدأ الخلل اليوم".
    b = bundle("resolved", (lang,), ("talking_points", "management"))
    today = {"ar": "اليوم الساعة 10:05", "ru": "сегодня в 10:05"}[lang]
    for channel in ("talking_points", "management"):
        text = seen(b, lang, channel)
        # s25 (reading 30 AR-11): the reps' brief of a resolved incident gives the date
        # throughout (quoted for weeks); never "today" beside it. s26 (reading 44 HE-14): so
        # does the management update, kept and forwarded.
        assert today not in text and "10:05" in text


@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_identified_talking_points_thank_last(lang: str) -> None:
    # R9 #9: "شكرًا لصبركم" / "Спасибо за терпение" before the reinstall line.
    b = bundle("identified", (lang,), ("talking_points",))
    thanks = {"ar": "شكرًا لصبركم", "ru": "Спасибо за терпение"}[lang]
    action = {"ar": "إعادة تثبيت التطبيق", "ru": "Переустанавливать приложение"}[lang]
    for output in ("text", "html"):
        text = seen(b, lang, "talking_points", output)
        assert text.index(action) < text.index(thanks)


def test_russian_partners_follow_the_priority_order() -> None:
    # R9 #9: "мы займёмся им в первую очередь" against the stated order; without an order
    # (R8 ru M4) the client is still helped "безотлагательно".
    text = seen(bundle("identified", ("ru",), ("partners",)), "ru", "partners")
    assert "в первую очередь" not in text
    # s27b (reading 47 HE-2): with an order too, the client is helped "безотлагательно".
    assert "в установленном порядке приоритета" not in text and "безотлагательно" in text
    data = load_example("identified").model_dump(mode="json", exclude_none=True)
    internal = {k: v for k, v in data["internal"].items() if k != "priority"}
    b = render(edited("identified", internal=internal), languages=("ru",),
               channels=("partners",))
    assert "мы займёмся им безотлагательно" in seen(b, "ru", "partners")
