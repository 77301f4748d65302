"""Session 21, Arabic and Russian (helper arru21): reading 14 (R14) A1, R1-R4 and its nits.

A1: the Arabic SMS measures the status link as it is sent (the direction marks around it, at the
end of the message, are dropped), so the link outranks the thanks wherever it fits. R1: the
Russian IVR drops "А пока" before "здесь и на сайте". R2: the monitoring IVR says the title as a
sentence. R3: the resolved Russian SMS, banner and partner notice say "Сбой … устранён". R4: the
Russian SMS names the working channels in few words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.loading import load_incident
from crisiscomms.samples import load_example

from .example_edits import seen

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
LINK = "status.netivim.example"
EXAMPLES = ("identified", "investigating", "monitoring", "overnight", "resolved", "compensation")
ARRU_HARD = ("callcentre-arru", "night-arru", "urlcode-arru")


def _bundle(name: str, lang: str, *channels: str) -> Bundle:
    incident = load_incident(HARD / f"{name}.yaml") if name in ARRU_HARD else load_example(name)
    return render(incident, languages=(lang,), channels=channels)


def _sms(name: str, lang: str) -> tuple[str, int]:
    b = _bundle(name, lang, "sms")
    return seen(b, lang, "sms"), int(b[lang, "sms"].stats["units"])


@pytest.mark.parametrize("name", ["identified", "callcentre-arru"])
def test_a1_arabic_sms_carries_the_link_before_the_thanks(name: str) -> None:
    text, units = _sms(name, "ar")
    # s26: in the call-centre SMS "البريد الإلكتروني" (not "البريد", the post) takes the room
    # the link had; every working channel comes before the link (reading 10 #6).
    assert text.endswith(LINK) or name == "callcentre-arru", text
    assert "شكرًا لصبركم" not in text
    assert units <= 201


def test_r1_russian_identified_ivr_says_where_the_update_comes() -> None:
    b = _bundle("identified", "ru", "ivr")
    text = seen(b, "ru", "ivr")
    assert "Следующее сообщение сегодня в 15:00, здесь и на сайте." in text
    # s22: with the shorter hold line the fuller wording fits ("А пока, чтобы получить…").
    assert "чтобы получить последний счёт" in text.lower()
    assert b["ru", "ivr"].stats["seconds"] <= 45


@pytest.mark.parametrize("name", ["identified", "investigating", "monitoring", "overnight",
                                  *ARRU_HARD])
def test_r1_every_open_russian_ivr_says_here_and_on_the_website(name: str) -> None:
    b = _bundle(name, "ru", "ivr")
    assert ", здесь и на сайте." in seen(b, "ru", "ivr")
    assert b["ru", "ivr"].stats["seconds"] <= 45


def test_r2_russian_monitoring_ivr_is_a_sentence() -> None:
    b = _bundle("monitoring", "ru", "ivr")
    text = seen(b, "ru", "ivr")
    # Reading 30 RU-6: the status in a sentence of its own, never "Наблюдение продлится …".
    assert "Задержка обработки платежей на сайте устранена." in text
    assert "Сейчас мы следим за работой сервиса." in text
    assert ": неисправность устранена" not in text
    assert "Сейчас мы следим за работой сервиса" in (b["ru", "ivr"].ssml or "")


def test_r3_russian_compensation_sms_says_the_title_as_a_sentence_and_the_link() -> None:
    text, units = _sms("compensation", "ru")
    assert text.startswith("Нетивим: сбой мобильной связи в центре страны устранён в 17:50. ")
    # s25 (reading 30 RU-9): the route and the last day, which outrank the link; s26 RU-3: "по"
    # and "не позднее" for the days, "сертификат на 10 %" without "на сумму".
    assert text.endswith("Пришлём его в SMS не позднее 28.11. Приносим извинения.")
    assert "сертификат на 10 % от ежемесячного счёта, действует по 31.12.2026" in text
    assert units <= 201


def test_r3_participle_agrees_with_a_feminine_title() -> None:
    text, _ = _sms("resolved", "ru")
    assert "проблема с отправкой писем из наших почтовых ящиков устранена в 10:05." in text
    assert "— неисправность устранена" not in text


@pytest.mark.parametrize(("channel", "words"), [
    ("banner", "Сбой мобильной связи в центре страны устранён. Работа восстановлена"),
    ("partners", "Сбой мобильной связи в центре страны устранён. Работа полностью"),
])
def test_r3_nit_banner_and_partner_notice_say_the_title_as_a_sentence(channel: str,
                                                                       words: str) -> None:
    b = _bundle("compensation", "ru", channel)
    assert words in seen(b, "ru", channel)
    assert ": неисправность устранена." not in seen(b, "ru", channel)


def test_r4_russian_callcentre_sms_names_the_channels_in_few_words() -> None:
    text, units = _sms("callcentre-arru", "ru")
    # s21 tail21a: "Новости в 11:00." (reading 48 RU-1) then makes room for the link after them.
    # Reading 47 RU-2: the apology before the link.
    assert text.endswith("Мы на связи в чате на сайте и в сервисных центрах. Приносим "
                         "извинения. status.netivim.example")
    assert units <= 201


def test_nit_russian_calls_service_comes_back_as_svyaz() -> None:
    b = _bundle("overnight", "ru", "ivr", "talking_points")
    assert "Рассчитываем восстановить связь сегодня ночью в 02:00." in seen(b, "ru", "ivr")
    points = seen(b, "ru", "talking_points")
    assert "Мы рассчитываем восстановить связь сегодня ночью в 02:00" in points
    assert "ожидаем" not in points
    other = _bundle("identified", "ru", "ivr", "talking_points")
    assert "Рассчитываем восстановить работу сегодня в 17:00." in seen(other, "ru", "ivr")
    assert "Мы рассчитываем восстановить работу" in seen(other, "ru", "talking_points")


@pytest.mark.parametrize("name", [*EXAMPLES, *ARRU_HARD])
@pytest.mark.parametrize("lang", ["ar", "ru"])
def test_budgets_hold(name: str, lang: str) -> None:
    b = _bundle(name, lang, "sms", "ivr")
    assert b[lang, "sms"].stats["segments"] <= 3
    assert b[lang, "sms"].stats["units"] <= 201
    assert b[lang, "ivr"].stats["seconds"] <= 45
