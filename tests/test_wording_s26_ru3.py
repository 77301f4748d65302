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
        assert "платёж отобразится 22.11." in said, channel
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
