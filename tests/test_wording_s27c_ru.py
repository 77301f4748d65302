"""Reading 48 (s27c), Russian: the SMS's next update says when news comes, never promises the
customer a message (RU-1), and the call-centre SMS names the support mailbox, not "e-mail" that
reads as the customer's own mailbox being down too (RU-2)."""

from __future__ import annotations

from pathlib import Path

from crisiscomms import Bundle, load_incident, render
from crisiscomms.samples import load_example

from .example_edits import seen

HARD = Path(__file__).parent / "data" / "hard"

ALL_CHANNELS = ("ivr", "email", "banner", "sms", "talking_points", "status_page", "social",
                "management", "partners")


def _bundles() -> dict[str, Bundle]:
    bundles = {name: render(load_example(name), languages=["ru"], channels=["sms"])
               for name in ("investigating", "identified", "monitoring", "overnight",
                            "resolved", "compensation")}
    for name in ("callcentre", "night", "urlcode"):
        bundles[name] = render(load_incident(HARD / f"{name}-arru.yaml"), languages=["ru"],
                               channels=["sms"])
    return bundles


def test_sms_next_update_is_news_not_a_promise_to_write() -> None:
    """RU-1: «Напишем вам в 11:00.» promised this customer another SMS that nothing in the
    incident backs (the update is on the site and the status page); «Новости в 11:00.»."""
    bundles = _bundles()
    for name, bundle in bundles.items():
        said = seen(bundle, "ru", "sms")
        assert "Напишем" not in said, name
        assert bundle["ru", "sms"].stats["segments"] <= 3, name
    assert ("Перезагружать роутер не нужно. Новости в 09:10. Приносим извинения. "
            "status.netivim.example") in seen(bundles["investigating"], "ru", "sms")
    assert ("Счёт на почту: SMS BILL на 2040. Новости в 15:00. Приносим извинения. "
            "status.netivim.example") in seen(bundles["identified"], "ru", "sms")
    # The neutral label stays where the room did not have to be found.
    assert "Следующее сообщение: 23:30." in seen(bundles["overnight"], "ru", "sms")


def test_callcentre_sms_names_the_support_mailbox() -> None:
    """RU-2: «(также эл. почта)» read as the customer's own e-mail (Netivim sells Webmail) being
    down too; the short name is «почта поддержки», as every other channel says. The whole SMS is
    201 units: three segments, only with RU-1."""
    bundle = render(load_incident(HARD / "callcentre-arru.yaml"), languages=["ru"])
    sms = seen(bundle, "ru", "sms")
    assert sms == ("Нетивим: сбой колл-центра (также почта поддержки). Идёт устранение. "
                   "Ожидаемый срок: 12:00. Новости в 11:00. Мы на связи в чате на сайте и в "
                   "сервисных центрах. Приносим извинения. status.netivim.example"), sms
    assert bundle["ru", "sms"].stats["segments"] <= 3
    for channel in ALL_CHANNELS:
        said = seen(bundle, "ru", channel)
        assert "эл. почта" not in said, channel
