"""Reading 45 (s26), Russian: the monitoring short action that contradicted "payments went
through" (RU-3), the monitoring status said without saying the fault is fixed (RU-4), the
compensation delivery date said two ways (RU-1), and the investigating and compensation IVR
wording (RU-14, RU-9)."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls


def _text(bundle: object, lang: str, channel: str) -> str:
    return strip_controls(bundle[lang, channel].text)  # type: ignore[index]


def test_ru_monitoring_short_action_says_when_the_payment_shows() -> None:
    """RU-3: «всё зачтём до понедельника» said the payments were not yet credited, and gave a
    second, vaguer date: the short action now says the payment shows on 22.11 (today, Sunday),
    and the SMS keeps its three segments and its status link."""
    bundle = render(load_example("monitoring"), languages=["ru"])
    for channel in ("sms", "banner", "social"):
        said = _text(bundle, "ru", channel)
        assert "зачтём" not in said and "до понедельника" not in said, channel
        assert "Платёж отобразится 22.11," in said, channel
    sms = bundle["ru", "sms"]
    assert sms.stats["segments"] <= 3
    assert "status.netivim.example" in _text(bundle, "ru", "sms")


def test_ru_monitoring_status_says_the_fault_is_fixed() -> None:
    """RU-4: «наблюдаем после устранения» (no object, never says the fault is fixed) ->
    «сбой устранён, идёт проверка» in the SMS, social and subjects."""
    bundle = render(load_example("monitoring"), languages=["ru"])
    assert "Статус: сбой устранён, идёт проверка." in _text(bundle, "ru", "sms")
    assert ": сбой устранён, идёт проверка." in _text(bundle, "ru", "social")
    for channel in ("status_page", "management", "partners"):
        subject = strip_controls(bundle["ru", channel].subject or "")
        assert "— сбой устранён, идёт проверка" in subject, channel
    for channel in ("sms", "social", "status_page", "management", "partners"):
        assert "наблюдаем после устранения" not in _text(bundle, "ru", channel), channel


def test_ru_compensation_delivery_is_no_later_than_in_every_channel() -> None:
    """RU-1: the long forms said «в SMS до субботы, 28 ноября» while the short ones said «не
    позднее 28.11»: now «не позднее субботы, 28 ноября; обращаться за ним не нужно» (a
    semicolon, not a bare comma), and the out-of-hours IVR keeps the chat (the customer action
    «Если сигнала всё ещё нет, перезагрузите телефон» makes the room)."""
    bundle = render(load_example("compensation"), languages=["ru"])
    for channel in ("ivr", "email", "status_page"):
        said = _text(bundle, "ru", channel)
        assert "Мы пришлём его в SMS не позднее субботы, 28 ноября; обращаться за ним не нужно." \
            in said, channel
    for channel in ("talking_points", "management"):
        assert ("Сертификат придёт клиентам в SMS не позднее субботы, 28 ноября; обращаться за "
                "ним не нужно.") in _text(bundle, "ru", channel), channel
    assert "не позднее субботы, 28 ноября; обращаться за ним ни к вам, ни к нам не нужно." \
        in _text(bundle, "ru", "partners")
    for channel in ("ivr", "email", "status_page", "talking_points", "management", "partners"):
        assert "до субботы" not in _text(bundle, "ru", channel), channel
    ivr = bundle["ru", "ivr"]
    assert "не позднее субботы, двадцать восьмого ноября; обращаться" in (ivr.ssml or "")
    assert "или пишите в чат на нашем сайте." in _text(bundle, "ru", "ivr")
    assert float(ivr.stats["seconds"]) <= 45


def test_ru_compensation_ivr_apologises_formally() -> None:
    """RU-9: «Извините за длительный сбой.» was too casual for a 35-hour outage."""
    bundle = render(load_example("compensation"), languages=["ru"], channels=["ivr"])
    said = _text(bundle, "ru", "ivr")
    assert "Приносим извинения за длительный сбой." in said and "Извините" not in said
    assert "Приносим извинения за длительный сбой." in (bundle["ru", "ivr"].ssml or "")


def test_ru_investigating_ivr_does_not_say_the_fault_twice() -> None:
    """RU-14: «Сейчас у нас сбой … Сбой затронул также телевидение» -> «… Он затронул также
    телевидение»; a title of another word keeps «Сбой затронул»."""
    bundle = render(load_example("investigating"), languages=["ru"], channels=["ivr"])
    for said in (_text(bundle, "ru", "ivr"), bundle["ru", "ivr"].ssml or ""):
        assert "на севере. Он затронул также телевидение." in said
        assert "Сбой затронул" not in said
    other = render(load_example("identified"), languages=["ru"], channels=["ivr"])
    assert "Сбой затронул также личный кабинет на сайте." in _text(other, "ru", "ivr")
