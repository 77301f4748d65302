"""Reading 47 (s27b), Russian: the critical apology's harm word (RU-1), the SMS apology where
three segments have room for it (RU-2) and the call-centre partner notice's consequence (RU-3)."""

from __future__ import annotations

from pathlib import Path

from crisiscomms import Bundle, load_incident, render
from crisiscomms.samples import load_example

from .example_edits import seen

HARD = Path(__file__).parent / "data" / "hard"


def _hard(name: str, channels: list[str] | None = None) -> Bundle:
    return render(load_incident(HARD / f"{name}-arru.yaml"), languages=["ru"],
                  channels=channels)


def test_critical_apology_is_for_the_outage_not_a_planned_break() -> None:
    """RU-1: «Приносим извинения за перерыв в работе» read as a lunch break or maintenance; the
    apology is for "this outage", which every channel has just named (the IVR's opening too)."""
    bundle = render(load_example("investigating"), languages=["ru"])
    for channel in ("ivr", "email", "status_page", "banner", "social"):
        said = seen(bundle, "ru", channel)
        assert "перерыв" not in said, channel
        assert "Приносим извинения за этот сбой" in said, channel
    assert "Приносим извинения за этот сбой" in seen(bundle, "ru", "ivr", "ssml")
    # Not the bare word straight after "Сейчас у нас сбой …" (s18 ivr18).
    assert "Приносим извинения за сбой" not in seen(bundle, "ru", "ivr")
    assert bundle["ru", "ivr"].stats["seconds"] <= 45
    assert len(seen(bundle, "ru", "banner")) <= 300


def test_callcentre_partner_notice_says_why_no_second_request_is_needed() -> None:
    """RU-3: a bare comma before «повторно обращаться по ним не нужно» (old RU-12)."""
    bundle = _hard("callcentre", ["partners"])
    for output in ("text", "html"):
        said = seen(bundle, "ru", "partners", output)
        assert ("зарегистрированы и будут рассмотрены, так что повторно обращаться по ним не "
                "нужно.") in said, output


def test_open_incident_sms_apologises_within_three_segments() -> None:
    """RU-2: the investigating, identified, overnight and call-centre SMS said no sorry while every
    other channel did; the "Статус: " label, then "Следующее сообщение:" as "Новости в"
    (reading 48 RU-1), make the room. The sender, the link and the action stay."""
    bundles = {name: render(load_example(name), languages=["ru"], channels=["sms"])
               for name in ("investigating", "identified", "overnight")}
    bundles["callcentre"] = _hard("callcentre", ["sms"])
    for name, bundle in bundles.items():
        said = seen(bundle, "ru", "sms")
        assert said.startswith("Нетивим: "), name
        assert said.endswith(" Приносим извинения. status.netivim.example"), name
        assert "Статус:" not in said, name
        assert bundle["ru", "sms"].stats["segments"] <= 3, name
    assert (" (также телевидение). Выясняем причину. Срок пока неизвестен. Перезагружать роутер "
            "не нужно. Новости в 09:10.") in seen(bundles["investigating"], "ru", "sms")
    assert "Счёт на почту: SMS BILL на 2040. Новости в 15:00." in seen(
        bundles["identified"], "ru", "sms")
    assert ("Нетивим: проблема с международными звонками. Идёт устранение. Ожидаемый срок: ночью "
            "в 02:00.") in seen(bundles["overnight"], "ru", "sms")
    assert ("Мы на связи в чате на сайте и в сервисных центрах. Приносим извинения."
            ) in seen(bundles["callcentre"], "ru", "sms")


def test_sms_with_no_room_for_the_apology_keeps_its_link() -> None:
    """RU-2: the monitoring SMS (the reader: minor, may stay) has no room even without the label;
    it keeps its label and the status page link rather than trade them for an apology."""
    bundle = render(load_example("monitoring"), languages=["ru"], channels=["sms"])
    said = seen(bundle, "ru", "sms")
    assert "Статус: сбой устранён, идёт проверка." in said
    assert said.endswith(" status.netivim.example")
    assert bundle["ru", "sms"].stats["segments"] <= 3
