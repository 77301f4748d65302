"""Reading 46 (s27), Russian: the call-centre IVR order (RU-1) and auto-reply (RU-2), the
urlcode workaround (RU-3), the compensation IVR's single "или" (RU-4), the critical apology
(RU-5), the call-centre status page's second estimate (RU-6), the monitoring SMS action
(RU-7), "(также X)" in the banner and social post (RU-8) and the night SMS apology (RU-9)."""

from __future__ import annotations

from pathlib import Path

from crisiscomms import Bundle, load_incident, render
from crisiscomms.samples import load_example

from .example_edits import seen

HARD = Path(__file__).parent / "data" / "hard"


def _hard(name: str, channels: list[str] | None = None) -> Bundle:
    return render(load_incident(HARD / f"{name}-arru.yaml"), languages=["ru"],
                  channels=channels)


def test_callcentre_ivr_says_the_fault_once_then_the_estimate_then_what_to_do() -> None:
    """RU-1: the down line came before the title ("операторы не могут ответить", then "Сейчас у
    нас сбой колл-центра"), the resend advice before the 12:00 it depends on, the apology last."""
    bundle = _hard("callcentre", ["ivr"])
    for output in ("text", "ssml"):
        said = seen(bundle, "ru", "ivr", output)
        assert ("Сейчас у нас сбой колл-центра: наши операторы не могут ответить на звонок, "
                "и письма на нашу электронную почту тоже не доходят. Приносим извинения за "
                "неудобства.") in said, output
        assert "из-за сбоя письма" not in said and "Наши операторы" not in said, output
        eta = said.index("Рассчитываем восстановить работу")
        resend = said.index("Если вы писали нам с начала сбоя")
        channels = said.index("А пока мы на связи в чате на нашем сайте и в наших сервисных "
                              "центрах.")
        assert said.index("Приносим извинения") < eta < resend < channels, output
    assert bundle["ru", "ivr"].stats["seconds"] <= 45


def test_callcentre_auto_reply_says_the_support_mailbox_is_down() -> None:
    """RU-2: «сбой колл-центра, поэтому Ваше письмо…» made the lost letter the phone outage's."""
    said = seen(_hard("callcentre", ["email"]), "ru", "email")
    assert ("Это автоматический ответ. Сейчас у нас сбой колл-центра, и почта поддержки тоже не "
            "работает, поэтому Ваше письмо не будет обработано и не сохранится.") in said
    assert "сбой колл-центра, поэтому" not in said


def test_urlcode_workaround_has_an_object_and_no_gerund() -> None:
    """RU-3: «оплатить можно на сайте … или отправив SMS» -> «Счёт можно оплатить на сайте … или
    по SMS: отправьте слово PAY на номер 2040»; the SSML says PAY «латиницей»."""
    bundle = _hard("urlcode")
    for channel in ("email", "status_page"):
        assert ("счёт можно оплатить на сайте https://netivim.example/pay или по SMS: "
                "отправьте слово PAY на номер 2040.") in seen(bundle, "ru", channel), channel
    # The written script says «латиницей» as the SSML does (reading 46 RU-3, 655cba8).
    assert ("А пока счёт можно оплатить на нашем сайте или по SMS: отправьте слово PAY "
            "латиницей на номер 2040.") in seen(bundle, "ru", "ivr")
    assert "слово <voice" in seen(bundle, "ru", "ivr", "ssml")
    assert "</voice> латиницей на номер" in seen(bundle, "ru", "ivr", "ssml")
    for channel in ("ivr", "email", "status_page", "talking_points", "partners"):
        assert "отправив" not in seen(bundle, "ru", channel), channel


def test_compensation_ivr_hours_without_friday_take_no_comma_before_a_single_or() -> None:
    """RU-4: «с 08:00 до 20:00, или пишите в чат» (the run of days alone, no Friday, for the
    budget): no comma before the single «или», in the script and in the SSML."""
    bundle = render(load_example("compensation"), languages=["ru"], channels=["ivr"])
    assert ("По другим вопросам звоните нам с воскресенья по четверг с 08:00 до 20:00 или "
            "пишите в чат на нашем сайте.") in seen(bundle, "ru", "ivr")
    assert "до восьми вечера или пишите" in seen(bundle, "ru", "ivr", "ssml")
    assert bundle["ru", "ivr"].stats["seconds"] <= 45


def test_critical_apology_does_not_understate_a_complete_outage() -> None:
    """RU-5: «Приносим извинения за перебои» (intermittent) for customers entirely offline."""
    bundle = render(load_example("investigating"), languages=["ru"])
    for channel in ("ivr", "email", "status_page", "social"):
        said = seen(bundle, "ru", channel)
        assert "перебои" not in said, channel
        assert "Приносим извинения за этот сбой" in said, channel  # reading 47 RU-1
    # The IVR's opening has just said "сбой" (s18 ivr18).
    assert "Приносим извинения за сбой" not in seen(bundle, "ru", "ivr")
    assert bundle["ru", "ivr"].stats["seconds"] <= 45


def test_callcentre_status_page_gives_the_estimate_once() -> None:
    """RU-6: the «Ожидаемый срок» line, then «(рассчитываем восстановить её … в 12:00)»."""
    said = seen(_hard("callcentre", ["status_page"]), "ru", "status_page")
    assert said.count("в 12:00") == 1
    assert ("пожалуйста, отправьте их повторно, когда почта поддержки снова заработает. А пока "
            "связаться с нами можно") in said


def test_monitoring_sms_gives_the_reason_before_both_no_needs() -> None:
    """RU-7: «Платить и обращаться повторно не нужно: платёж отобразится 22.11.» made the date
    the reason for not contacting us too."""
    bundle = render(load_example("monitoring"), languages=["ru"])
    sms = seen(bundle, "ru", "sms")
    assert "Платёж отобразится 22.11, платить и обращаться повторно не нужно." in sms
    assert bundle["ru", "sms"].stats["segments"] <= 3
    assert "status.netivim.example" in sms
    for channel in ("banner", "social"):
        assert "Платёж отобразится 22.11, платить повторно не нужно." in seen(
            bundle, "ru", channel), channel


def test_banner_and_social_say_the_other_services_in_a_sentence() -> None:
    """RU-8: «(также X)» is telegraphic in published copy: a sentence as the IVR's."""
    cases = {
        "identified": "Сбой затронул также личный кабинет на сайте.",
        "investigating": "Он затронул также телевидение.",
    }
    for name, sentence in cases.items():
        bundle = render(load_example(name), languages=["ru"], channels=["banner", "social"])
        for channel in ("banner", "social"):
            said = seen(bundle, "ru", channel)
            assert "(также" not in said and sentence in said, (name, channel)
    bundle = _hard("callcentre", ["banner", "social"])
    for channel in ("banner", "social"):
        said = seen(bundle, "ru", channel)
        assert "(также" not in said, channel
        assert "Сбой колл-центра. Он затронул также почту поддержки." in said, channel


def test_night_sms_apologises() -> None:
    """RU-9: the whole wording with no room for the fill thanked instead of apologising."""
    bundle = _hard("night", ["sms"])
    sms = seen(bundle, "ru", "sms")
    assert "Повторно обращаться не нужно. Приносим извинения. status.netivim.example" in sms
    assert "Спасибо за терпение" not in sms
    assert bundle["ru", "sms"].stats["segments"] <= 3
