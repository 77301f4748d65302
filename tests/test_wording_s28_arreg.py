"""Session 24, Arabic (reading 28): Israeli Arab register. "عميل/العملاء" also means
"collaborator/informer" in Palestinian and Israeli Arab usage, so every customer- and
staff-facing message says "زبون/زبائن" and "خدمة الزبائن", and the one-to-one email opens
"زبوننا العزيز،" (AR-12); the ways to reach us are offered as alternatives ("… أو عبر الدردشة
في موقعنا، أو بزيارة مراكز الخدمة"), not "… وعبر … وبزيارة" (AR-17), while he/en/ru keep their
standard list."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.samples import load_example

from .example_edits import seen
from .template_copy import TemplateCopy

EXAMPLES = ["identified", "investigating", "monitoring", "overnight", "resolved", "compensation"]
CHANNELS = ["ivr", "sms", "banner", "social", "email", "status_page", "talking_points",
            "management", "partners"]
HARD = Path(__file__).resolve().parent / "data" / "hard"
CASES = Path(__file__).resolve().parent.parent / "examples" / "cases"
NOW = dt.datetime(2026, 11, 27, 16, 30, tzinfo=dt.UTC)
# Every form of عميل: العميل، العملاء، للعملاء، عملائكم، عملاؤكم، عملاءنا، عملائنا …
_AMIL = re.compile(r"عميل|عملا[ءئؤ]")


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_no_message_calls_customers_amil(name: str, channel: str) -> None:
    text = seen(render(load_example(name), languages=["ar"], channels=[channel]), "ar", channel)
    assert not _AMIL.search(text), text


def test_the_email_greets_and_signs_as_israeli_operators_do() -> None:
    # Was: "عزيزي العميل،" … "خدمة العملاء".
    text = seen(render(load_example("identified"), languages=["ar"], channels=["email"]),
                "ar", "email")
    assert text.startswith("زبوننا العزيز،\n"), text
    assert "خدمة الزبائن" in text


def test_partners_speak_of_your_customers_as_zabaeen() -> None:
    text = seen(render(load_example("compensation"), languages=["ar"], channels=["partners"]),
                "ar", "partners")
    assert "ما تقولونه لزبائنكم" in text and "خدمة زبائن نتيفيم" in text


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.with_config(tmp_path_factory.mktemp("t") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


@pytest.mark.parametrize("kind", ["acknowledgement", "progress"])
def test_letters_greet_zabouna_and_sign_as_customer_service(four: Path, kind: str) -> None:
    case = load_case(CASES / "not-justified.yaml")
    letter = render_case_letter(case.model_copy(update={"language": "ar"}), kind, now=NOW,
                                templates=four)
    assert not _AMIL.search(letter.text), letter.text
    assert "خدمة الزبائن" in letter.text


def test_the_ways_to_reach_us_are_alternatives() -> None:
    # Was: "هاتفيًا على الرقم *2040 (…) وعبر الدردشة في موقعنا وبالبريد الإلكتروني على العنوان
    # service@netivim.example وبزيارة مراكز الخدمة."
    for channel in ("email", "status_page"):
        text = seen(render(load_example("compensation"), languages=["ar"], channels=[channel]),
                    "ar", channel)
        assert ")، أو عبر الدردشة في موقعنا، أو بالبريد الإلكتروني على العنوان " in text, text
        assert "، أو بزيارة مراكز الخدمة." in text, text
        assert "وعبر الدردشة" not in text and "وبزيارة مراكز الخدمة" not in text, text


def test_with_the_phone_and_email_down_the_ivr_offers_chat_or_service_centres() -> None:
    from crisiscomms.loading import load_incident

    text = seen(render(load_incident(HARD / "callcentre-arru.yaml"), languages=["ar"],
                       channels=["ivr"]), "ar", "ivr")
    assert "عبر الدردشة في موقعنا، أو بزيارة مراكز الخدمة" in text, text


@pytest.mark.parametrize("lang,standard", [("en", " and "), ("he", " ו"), ("ru", " и ")])
def test_other_languages_keep_their_standard_list(lang: str, standard: str) -> None:
    text = seen(render(load_example("compensation"), languages=[lang], channels=["email"]),
                lang, "email")
    assert standard in text
