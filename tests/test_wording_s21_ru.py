"""Session 21, Russian (helper ru21): reading 15 (R15) R6, R7 and the verb nit.

R6: the investigating SMS had no room for the status link; "Срок пока неизвестен."
(`f.no_eta_brief`) makes room for it before the link is dropped. R7: an ETA after midnight,
said the evening before, was spoken "сегодня в два часа ночи" (heard as the night just gone);
it is spoken as written, "сегодня ночью в два часа". Nit: the email and the partner notice
say "рассчитываем"/"рассчитывают восстановить связь|работу", as the IVR and talking points do.
(R5, the call-centre SMS link, was fixed by tail21a: tests/test_wording_s21_arru.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.loading import load_incident
from crisiscomms.samples import load_example

from .example_edits import edited, seen

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
LINK = "status.netivim.example"
EXAMPLES = ("identified", "investigating", "monitoring", "overnight", "resolved", "compensation")
ARRU_HARD = ("callcentre-arru", "night-arru", "urlcode-arru")


def _bundle(name: str, *channels: str) -> Bundle:
    incident = load_incident(HARD / f"{name}.yaml") if name in ARRU_HARD else load_example(name)
    return render(incident, languages=("ru",), channels=channels)


def test_r6_investigating_sms_says_the_brief_no_eta_and_the_link() -> None:
    b = _bundle("investigating", "sms")
    text = seen(b, "ru", "sms")
    # Reading 47 RU-2: the apology, for the "Статус: " label and "Новости в" (reading 48 RU-1).
    assert text == ("Нетивим: сбой домашнего интернета на севере (также телевидение). "
                    "Выясняем причину. Срок пока неизвестен. Перезагружать роутер не нужно. "
                    "Новости в 09:10. Приносим извинения. status.netivim.example")
    assert b["ru", "sms"].stats["units"] <= 201


def test_r6_the_whole_no_eta_stays_where_the_link_fits() -> None:
    incident = edited("investigating", customer_action=None, customer_action_short=None)
    text = seen(render(incident, languages=("ru",), channels=("sms",)), "ru", "sms")
    assert "Срок восстановления пока неизвестен." in text
    assert text.endswith(LINK)


@pytest.mark.parametrize("name", [*EXAMPLES, *ARRU_HARD])
def test_r6_every_russian_sms_ends_with_the_link(name: str) -> None:
    b = _bundle(name, "sms")
    if name == "compensation":
        # s25 (reading 30 RU-9): the voucher's route and last day outrank the link; s26 RU-3:
        # "не позднее" for the last day.
        assert seen(b, "ru", "sms").endswith(
            "Пришлём его в SMS не позднее 28.11. Приносим извинения.")
    else:
        assert seen(b, "ru", "sms").endswith(" " + LINK)
    assert b["ru", "sms"].stats["segments"] <= 3
    assert b["ru", "sms"].stats["units"] <= 201


@pytest.mark.parametrize(("name", "words"), [
    ("overnight", "Рассчитываем восстановить связь сегодня ночью в два часа."),
    ("night-arru", "Рассчитываем восстановить работу сегодня ночью в два часа."),
])
def test_r7_an_eta_after_midnight_is_spoken_with_the_night(name: str, words: str) -> None:
    b = _bundle(name, "ivr")
    ssml = b["ru", "ivr"].ssml or ""
    assert words in ssml
    assert "в два часа ночи" not in ssml
    assert b["ru", "ivr"].stats["seconds"] <= 45


@pytest.mark.parametrize("name", [*EXAMPLES, *ARRU_HARD])
def test_r7_no_russian_script_says_today_at_two_at_night(name: str) -> None:
    assert "сегодня в два часа ночи" not in (_bundle(name, "ivr")["ru", "ivr"].ssml or "")


def test_r7_the_next_morning_keeps_its_part_of_the_day() -> None:
    # Only the small hours said with "сегодня ночью" lose "ночи"; other times keep their part.
    ssml = _bundle("overnight", "ivr")["ru", "ivr"].ssml or ""
    assert "сегодня в одиннадцать тридцать вечера" in ssml


@pytest.mark.parametrize(("name", "email", "partners"), [
    ("overnight", "мы рассчитываем восстановить связь в ночь на среду, 25 ноября, в 02:00.",
     "Связь рассчитывают восстановить сегодня ночью в 02:00"),
    ("identified", "мы рассчитываем восстановить работу в воскресенье, 22 ноября, в 17:00.",
     "Работу рассчитывают восстановить сегодня в 17:00"),
])
def test_nit_email_and_partners_use_the_ivr_verb(name: str, email: str, partners: str) -> None:
    b = _bundle(name, "email", "partners")
    assert email in seen(b, "ru", "email")
    assert email in seen(b, "ru", "email", "html")
    assert partners in seen(b, "ru", "partners")
    assert partners in seen(b, "ru", "partners", "html")
    for channel in ("email", "partners"):
        assert "ожидаем восстановить" not in seen(b, "ru", channel)
        assert "ожидают восстановить" not in seen(b, "ru", channel)
