"""Russian wording after reading 7 (ar/ru): the SMS keeps the status link and the sender before
"no need to contact us again" and the thanks; staff do not promise that a lost email is kept; a
fixed fault is not "ongoing"; partner quotes name Netivim instead of framing "our"; the IVR
opener, headings, the down channels; letters greet by title and turn to the party."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import loading, render
from crisiscomms.samples import load_example

from .example_edits import seen
from .template_copy import TemplateCopy
from .test_wording_s18_letters18 import _letter, _seen
from .test_wording_s19_lead import CALL_CENTRE

LINK = "status.netivim.example"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.with_config(tmp_path_factory.mktemp("ru3") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


def _sms(example: str) -> tuple[str, Mapping[str, Any]]:
    bundle = render(load_example(example), languages=("ru",), channels=("sms",))
    return seen(bundle, "ru", "sms"), bundle.messages[0].stats


# investigating: the router line (customer_action_short) takes the link's room (reading 10 #2);
# compensation: after its long outage the apology does (reading 11 ru L2).
@pytest.mark.parametrize("example", ["monitoring", "resolved", "overnight"])
def test_the_sms_keeps_the_link_over_no_need_and_thanks(example: str) -> None:
    """H1: the link ranks above "Повторно обращаться не нужно" and "Спасибо за терпение"."""
    text, stats = _sms(example)
    assert LINK in text and text.startswith("Нетивим: "), text
    assert stats["segments"] == 3 and " - " not in text


def test_a_resolved_sms_says_the_time_with_the_status() -> None:
    text, _ = _sms("compensation")
    # Reading 14 R3: the participle agrees with the title ("сбой … устранён в 17:50").
    assert "сбой мобильной связи в центре страны устранён в 17:50." in text, text


def test_the_callcentre_sms_keeps_the_sender_and_staff_do_not_promise_a_lost_email() -> None:
    """L1, M1, L7: sender kept; "Ваше обращение мы зарегистрировали прямо сейчас";
    "у нас сейчас не работают телефонная линия и электронная почта"."""
    bundle = render(loading.parse_incident(CALL_CENTRE), languages=("ru",),
                    channels=("sms", "talking_points", "ivr"))
    assert seen(bundle, "ru", "sms").startswith("Нетивим: ")
    for output in ("text", "html"):
        tp = seen(bundle, "ru", "talking_points", output)
        # Reading 46 RU-12: the consequence joined by "так что", not a bare comma.
        assert "Мы только что зарегистрировали ваше обращение, так что отправлять письмо "\
               "повторно не нужно." in tp
        assert "Обращаться повторно не нужно" not in tp
    ivr = seen(bundle, "ru", "ivr")
    assert "наша телефонная линия" not in ivr
    # On the phone line: our operators cannot take the call (s20 R8 ar M1).
    # s27 (reading 46 RU-1): without "из-за сбоя".
    assert "Наши операторы не могут ответить на звонок, и письма на нашу электронную почту" in ivr


def test_monitoring_management_does_not_call_the_fault_ongoing() -> None:
    """M2."""
    bundle = render(load_example("monitoring"), languages=("ru",), channels=("management",))
    for output in ("text", "html"):
        text = seen(bundle, "ru", "management", output)
        assert "с начала сбоя прошло" in text and "длится уже" not in text


@pytest.mark.parametrize("example", ["investigating", "identified", "resolved", "compensation"])
def test_partner_quotes_name_netivim_without_a_frame(example: str) -> None:
    """M5: "«…неисправность в сети Нетивим, а не в вашем оборудовании»", no frame."""
    bundle = render(load_example(example), languages=("ru",), channels=("partners",))
    for output in ("text", "html"):
        text = re.sub(r"<[^>]+>", "", seen(bundle, "ru", "partners", output))
        assert "от своего имени" not in text
        assert not re.search(r"«[^»]*\bнаш", text), text
    if example == "investigating":
        assert "неисправность в сети Нетивим, а не в вашем оборудовании" in text


def test_the_identified_sms_says_also_and_the_ivr_opener() -> None:
    """L6, L7."""
    bundle = render(load_example("identified"), languages=("ru",),
                    channels=("sms", "banner", "ivr"))
    for channel in ("sms", "banner"):
        assert "(мобильное приложение и" not in seen(bundle, "ru", channel), channel
    assert seen(bundle, "ru", "ivr").startswith("Здравствуйте, вы позвонили в Нетивим.")
    assert "Сейчас мы выясняем" not in seen(
        render(load_example("investigating"), languages=("ru",), channels=("ivr",)), "ru", "ivr")


@pytest.mark.parametrize("example", ["investigating", "identified"])
def test_headings_are_lower_case_after_the_dash(example: str) -> None:
    """L8."""
    bundle = render(load_example(example), languages=("ru",),
                    channels=("talking_points", "management"))
    for channel in ("talking_points", "management"):
        first = seen(bundle, "ru", channel).split("\n", 1)[0]
        assert re.search(r"— [а-яё]", first), first


@pytest.mark.parametrize(("stem", "greeting"), [("not-justified", "Уважаемая Ронит Шалом!"),
                                                ("justified-voucher", "Уважаемый Ави Мизрахи!")])
def test_letters_greet_by_title(four: Path, stem: str, greeting: str) -> None:
    """L9."""
    text, html = _seen(_letter(stem, "ru", "acknowledgement", four))
    assert greeting in text and greeting in html and "Здравствуйте" not in text


def test_letters_turn_to_the_party_and_do_not_hand_it_the_complaint(four: Path) -> None:
    """M6, L9: "мы обратились в колл-центр", "К рассмотрению мы привлекли колл-центр"."""
    text, html = _seen(_letter("justified-voucher", "ru", "progress", four))
    for shown in (text, html):
        assert "мы обратились в колл-центр" in shown and "им занимается" not in shown
        # Session 20: the timeline names it, so the letter does not say it again.
        assert "К рассмотрению мы привлекли" not in shown
    final, _ = _seen(_letter("justified-voucher", "ru", "final", four))
    assert "неудобства и потерянное время" in final
