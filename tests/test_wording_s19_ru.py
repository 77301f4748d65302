"""Russian wording as a native service manager reads it (issue 11, session 19): the night said
once in speech, a title that names its service in another word of the family, and a small
letter after a colon in subject lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.facts import names_services
from crisiscomms.text.inflect import as_object

from .example_edits import edited, seen
from .template_copy import TemplateCopy
from .test_wording_s18_letters18 import _letter, _seen


def test_the_ivr_says_the_night_once_and_the_text_still_says_tonight() -> None:
    # 02:00 said at 22:00 the evening before.
    bundle = render(edited("overnight", updated_at="2026-11-24T22:00:00+02:00",
                           next_update_at="2026-11-24T23:30:00+02:00",
                           eta="2026-11-25T02:00:00+02:00"), languages=("ru",),
                    channels=("ivr",))
    ssml = seen(bundle, "ru", "ivr", "ssml")
    # R15 R7 (s21): spoken as written, the night named once ("сегодня в два часа ночи", said
    # at 22:00, can be heard as the night just gone).
    assert "сегодня ночью в два часа" in ssml
    assert "часа ночи" not in ssml
    assert ssml.count("ночью") == 1
    assert "сегодня ночью в 02:00" in seen(bundle, "ru", "ivr")


def test_a_title_names_a_service_with_an_adjective_of_its_family() -> None:
    ru = load_language(default_templates_dir(), "ru")
    assert names_services("Сбой телевизионной службы", ["телевидение"], ru)
    assert not names_services("Сбой домашнего интернета на севере",
                              ["домашний интернет", "телевидение"], ru)
    incident = edited("investigating", title={
        "he": "תקלה בשירות הטלוויזיה", "en": "TV service outage",
        "ar": "عطل في خدمة التلفزيون", "ru": "Сбой телевизионной службы"},
        services=[{"id": "tv", "name": {"he": "שירות הטלוויזיה", "en": "TV service",
                                        "ar": "خدمة التلفزيون", "ru": "телевидение"}}])
    bundle = render(incident, languages=("ru",), channels=("ivr", "banner"))
    assert "следующие услуги" not in seen(bundle, "ru", "ivr")
    assert "Затронуто" not in seen(bundle, "ru", "banner")


def test_subjects_go_on_in_small_letters_after_a_colon() -> None:
    bundle = render(edited("investigating"), languages=("ru",),
                    channels=("email", "management", "partners"))
    assert "Обновление: сбой домашнего интернета" in seen(bundle, "ru", "email", "subject")
    assert "Руководству: сбой домашнего интернета" in seen(bundle, "ru", "management",
                                                           "subject")
    assert "реселлерам: сбой домашнего интернета" in seen(bundle, "ru", "partners", "subject")
    resolved = render(edited("resolved"), languages=("ru",), channels=("email",))
    subject = seen(resolved, "ru", "email", "subject")
    _, _, tail = subject.partition(": ")
    assert tail[:1] == tail[:1].lower() or tail.split(" ", 1)[0] == "Webmail", subject


def test_the_ivr_names_the_services_as_the_object_of_a_spoken_sentence() -> None:
    bundle = render(edited("monitoring"), languages=("ru",), channels=("ivr",))
    for output in ("text", "ssml"):
        text = seen(bundle, "ru", "ivr", output)
        # The title ("Задержка обработки платежей на сайте") names "оплата на сайте" (s19 H3).
        assert "Сбой затронул" not in text, output
        assert "следующие услуги" not in text, output
    both = render(edited("identified"), languages=("ru",), channels=("ivr",))
    assert "Сбой затронул также личный кабинет на сайте." in seen(
        both, "ru", "ivr")


def test_the_accusative_changes_the_opening_adjectives_and_first_noun_only() -> None:
    ru = load_language(default_templates_dir(), "ru")

    def said(name: str) -> str:
        return as_object(name, ru.object_adjectives, ru.object_keep, ru.object_nouns)

    assert said("мобильная связь") == "мобильную связь"
    assert said("домашняя телефонная линия") == "домашнюю телефонную линию"
    assert said("оплата на сайте") == "оплату на сайте"
    assert said("международные звонки") == "международные звонки"
    assert said("телевидение") == "телевидение"
    assert said("SMS-рассылка") == "SMS-рассылку"


def test_check_counts_a_service_said_in_the_accusative_as_stated() -> None:
    bundle = render(edited("monitoring"), languages=("ru",), channels=("ivr",))
    assert not [f for f in bundle.findings if f.rule == "required-fact"]


def test_a_quoted_sentence_ends_with_its_full_stop_after_the_guillemet() -> None:
    bundle = render(edited("compensation"), languages=("ru",),
                    channels=("talking_points", "partners"))
    for channel in ("talking_points", "partners"):
        text = seen(bundle, "ru", channel)
        assert ".»" not in text, channel
        assert "телефон»." in text, channel
    assert "обращаться за ним не нужно»." in seen(bundle, "ru", "talking_points")


def test_the_resolved_email_says_the_fault_once() -> None:
    bundle = render(edited("resolved"), languages=("ru",), channels=("email",))
    text = seen(bundle, "ru", "email")
    assert ("Неисправность, о которой Вы писали (проблема с отправкой писем из наших "
            "почтовых ящиков), устранена: работа полностью восстановлена") in text
    assert "писали: неисправность" not in text


def test_once_the_fix_is_in_no_one_is_still_working_on_the_fault() -> None:
    bundle = render(edited("monitoring"), languages=("ru",), channels=("email", "status_page"))
    for channel in ("email", "status_page"):
        assert "работают над устранением" not in seen(bundle, "ru", channel), channel
    open_one = render(edited("identified"), languages=("ru",), channels=("email",))
    assert "работают над устранением сбоя круглосуточно" in seen(open_one, "ru", "email")


def test_a_workaround_after_a_colon_goes_on_in_small_letters() -> None:
    bundle = render(edited("overnight"), languages=("ru",),
                    channels=("email", "talking_points", "partners"))
    text = seen(bundle, "ru", "email")
    assert ": международные звонки можно совершать" in text
    assert ": Международные" not in text
    # s26 (reading 44 AR-4): the briefing and the partner notice quote it whole.
    for channel in ("talking_points", "partners"):
        assert ": «Международные звонки можно совершать" in seen(bundle, "ru", channel), channel


def test_the_short_night_time_reads_with_its_preposition() -> None:
    bundle = render(edited("overnight", updated_at="2026-11-24T22:00:00+02:00",
                           next_update_at="2026-11-24T23:30:00+02:00",
                           eta="2026-11-25T02:00:00+02:00"), languages=("ru",),
                    channels=("sms",))
    text = seen(bundle, "ru", "sms")
    assert "ночью в 02:00" in text
    assert "ночью 02:00" not in text


# --- Russian case letters -----------------------------------------------------------------

@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in templates with Arabic and Russian among the organisation's languages."""
    return TemplateCopy.with_config(tmp_path_factory.mktemp("s19ru") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


def test_a_letter_writes_the_shekel_sign_after_the_amount(four: Path) -> None:
    text, html = _seen(_letter("justified-voucher", "ru", "final", four))
    for out in (text, html):
        assert "(2 400 ₪," in out and "на сумму 240 ₪." in out
        assert "₪2" not in out


def test_every_line_of_the_chronology_ends_with_a_full_stop(four: Path) -> None:
    text, html = _seen(_letter("not-justified", "ru", "final", four))
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(lines) == 4
    assert all(line.endswith(".") for line in lines), lines
    assert "мы получили Вашу жалобу через наш сайт." in html
    assert "Мы проверили все операции по счёту." in html
