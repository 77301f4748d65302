"""Russian wording after the s19 ar/ru reading (issue 11): a title that names its service by
another word (платежи / оплата), partner quotes in Netivim's own voice, no "priority" promise,
the monitoring IVR, one status tag that agrees with any title, "г." after the year, the run-in
internal labels, "спустя час", and the letters (the party, the outage, one offer of questions).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.facts import names_services
from crisiscomms.samples import load_example

from .example_edits import edited, seen
from .template_copy import TemplateCopy
from .test_wording_s18_letters18 import _letter, _seen


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.with_config(tmp_path_factory.mktemp("ru2") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


def test_a_title_about_payments_names_payment_on_the_website() -> None:
    """H3: "Задержка обработки платежей на сайте" is not followed by "оплата на сайте"."""
    ru = load_language(default_templates_dir(), "ru")
    assert names_services("Задержка обработки платежей на сайте", ["оплата на сайте"], ru)
    assert not names_services("Задержка обработки платежей в приложении", ["оплата на сайте"],
                              ru)
    bundle = render(load_example("monitoring"), languages=("ru",),
                    channels=("banner", "social", "ivr"))
    for channel in ("banner", "social", "ivr"):
        text = seen(bundle, "ru", channel)
        assert "оплата на сайте" not in text and "оплату на сайте" not in text, channel


@pytest.mark.parametrize("example", ["identified", "monitoring", "investigating"])
def test_partner_quotes_of_the_customer_action_are_netivims_own(example: str) -> None:
    """H4: a quote that says "our systems" is given as Netivim's words, not the reseller's."""
    bundle = render(load_example(example), languages=("ru",), channels=("partners",))
    for output in ("text", "html"):
        text = re.sub(r"<[^>]+>", "", seen(bundle, "ru", "partners", output))
        for line in text.split("\n"):
            if re.search(r"«[^»]*\bнаш", line):
                assert "Нетивим просит передать от своего имени: «" in line, line


@pytest.mark.parametrize("example", ["identified", "resolved"])
def test_partners_promise_no_priority_order(example: str) -> None:
    """M2: "в порядке приоритета" beside "в порядке поступления" (no priority set)."""
    text = seen(render(load_example(example), languages=("ru",), channels=("partners",)),
                "ru", "partners")
    if "трудном положении" in text:
        # s20 R9 #9: with a priority order set, "в установленном порядке приоритета", never
        # "в первую очередь"; without one, no priority at all.
        assert "в первую очередь" not in text
        if "в порядке поступления" in text:
            assert "в порядке приоритета" not in text


def test_the_monitoring_ivr_speaks_of_a_fixed_fault() -> None:
    """M1: not "Сейчас у нас задержка…" once the fix is in."""
    bundle = render(load_example("monitoring"), languages=("ru",), channels=("ivr",))
    for output in ("text", "ssml"):
        text = seen(bundle, "ru", "ivr", output)
        assert "Сейчас у нас" not in text, output
        # Reading 14 R2: the title as a sentence, not "…: неисправность устранена, следим".
        # Reading 30 RU-6: watched until the next update, said once in its own sentence.
        assert "Задержка обработки платежей на сайте устранена." in text, output
        assert "Сейчас мы следим за работой сервиса." in text, output
    live = seen(render(load_example("identified"), languages=("ru",), channels=("ivr",)),
                "ru", "ivr")
    assert "Сейчас у нас" in live


@pytest.mark.parametrize(("example", "tag"), [("compensation", "— неисправность устранена"),
                                              ("resolved", "— неисправность устранена"),
                                              ("monitoring", "— сбой устранён, идёт проверка")])
def test_the_status_tag_agrees_with_any_title(example: str, tag: str) -> None:
    """M6: "Сбой … — устранено" / "Проблема … — устранено" disagreed with the title."""
    bundle = render(load_example(example), languages=("ru",),
                    channels=("status_page", "management", "partners"))
    for channel in ("status_page", "management", "partners"):
        subject = seen(bundle, "ru", channel, "subject")
        assert tag in subject and not re.search(r"— устранено\b", subject), subject
        assert len(subject) <= 100, subject


def test_one_label_for_the_services_on_the_banner_and_social() -> None:
    """M7: "Затронутые сервисы:", as the email and partners write it, never "Затронуто:"."""
    bundle = render(load_example("identified"), languages=("ru",), channels=("banner", "social"))
    for channel in ("banner", "social"):
        text = seen(bundle, "ru", channel)
        assert "Затронуто" not in text, channel
    # A title that names none of the services keeps the list (one that names some says only
    # the others, in brackets).
    # Session 25: without the router line, which the banner now says in every wording (reading 30
    # en-5), so that the full wording, where the label is, still fits.
    data = edited("investigating", title={"he": "תקלה בצפון", "en": "Problem in the North",
                                                "ar": "خلل في الشمال", "ru": "Сбой на севере"},
                  customer_action=None, customer_action_short=None)
    other = render(data, languages=("ru",), channels=("banner",))
    assert "Затронутые сервисы: домашний интернет" in seen(other, "ru", "banner")


def test_the_compensation_year_has_its_g() -> None:
    """M8: the year with its word, never "г.."; since s21 R13 #2 "сертификат …, действующий до
    31 декабря 2026 года", as it is said."""
    bundle = render(load_example("compensation"), languages=("ru",),
                    channels=("email", "status_page", "ivr"))
    for channel in ("email", "status_page"):
        text = seen(bundle, "ru", channel)
        # s26 RU-3: "по … включительно", the last day beyond doubt.
        assert ("действующий до 31 декабря 2026 года включительно." in text
                and "г.." not in text), channel
    # Within the phone hours (the example's Saturday evening makes room for the hours line).
    sunday = load_example("compensation").model_copy(
        update={"updated_at": dt.datetime.fromisoformat("2026-11-22T10:00:00+02:00")})
    ivr = render(sunday, languages=("ru",), channels=("ivr",))
    # s25 (reading 30 RU-9): the route and the last day.
    assert "двадцать шестого года включительно. Мы пришлём его в" in seen(ivr, "ru", "ivr", "ssml")


def test_internal_labels_run_in_so_the_capital_is_right() -> None:
    """L5: "Приоритет: В первую очередь…" -> "Приоритет обработки обращений. В первую…"."""
    text = seen(render(load_example("identified"), languages=("ru",),
                       channels=("talking_points",)), "ru", "talking_points")
    assert "Приоритет: В" not in text and "Причина: Р" not in text
    assert "- Приоритет обработки обращений. В первую очередь" in text


def test_one_hour_is_said_without_the_number() -> None:
    """L6: "спустя 1 час" -> "спустя час"; a long outage is "длительный сбой"."""
    bundle = render(edited("resolved", started_at="2026-11-22T09:05:00+02:00",
                           resolved_at="2026-11-22T10:05:00+02:00"),
                    languages=("ru",), channels=("ivr", "email"))
    for channel, output in (("ivr", "text"), ("ivr", "ssml"), ("email", "text")):
        text = seen(bundle, "ru", channel, output)
        # The email says "сбой длился час" (s22 R18 ru); the IVR still "спустя час".
        assert ("спустя час" in text or "длился час" in text) and "1 час" not in text, \
            (channel, output)
    long = seen(render(load_example("compensation"), languages=("ru",), channels=("ivr",)),
                "ru", "ivr")
    assert "длительный сбой" in long and "перебои в работе сервиса" not in long


def test_a_letter_names_the_party_as_the_subject(four: Path) -> None:
    """H5: "мы направили запрос: колл-центр" / "К рассмотрению уже подключены: …"."""
    text, html = _seen(_letter("not-justified", "ru", "progress", four))
    for shown in (text, html):
        assert "запрос:" not in shown and "подключены:" not in shown
        assert "мы обратились в наш отдел расчётов" in shown
        # Session 20: the timeline names it, so the letter does not say it again.
        assert "К рассмотрению мы привлекли" not in shown


def test_the_final_letter_names_the_outage_in_its_sentence(four: Path) -> None:
    """L7: "сбоем в нашей работе «Сбой мобильной связи…»" -> "со сбоем мобильной связи…"."""
    text, html = _seen(_letter("justified-voucher", "ru", "final", four))
    for shown in (text, html):
        assert "Ваша жалоба связана со сбоем мобильной связи в центре страны." in shown
        assert "«Сбой" not in shown


def test_a_not_justified_final_letter_offers_questions_once(four: Path) -> None:
    """L7: "я с удовольствием разберу их…" beside "звоните мне напрямую…"."""
    text, html = _seen(_letter("not-justified", "ru", "final", four))
    for shown in (text, html):
        assert "с удовольствием разберу" not in shown
        assert shown.count("вопросы") == 1, shown
