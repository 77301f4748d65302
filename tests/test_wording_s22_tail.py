"""Session 22, tail (reading 18): partners' resend quote names the working channels; ru nits."""

from __future__ import annotations

import re
from pathlib import Path

from crisiscomms import render
from crisiscomms.loading import load_incident
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.bidi import strip_controls

HARD = Path(__file__).parent / "data" / "hard"


def _text(bundle: object, lang: str, channel: str, output: str = "text") -> str:
    for m in bundle.messages:  # type: ignore[attr-defined]
        if m.language == lang and m.channel == channel:
            return strip_controls(str(getattr(m, output)))
    raise AssertionError((lang, channel))


def test_partners_resend_quote_ends_with_the_working_channels() -> None:
    """R18 ar L4: the quote asking to resend emails says how to reach us until then."""
    bundle = render(load_incident(HARD / "callcentre-arru.yaml"),
                    languages=("he", "en", "ar", "ru"), channels=("partners",))
    # s25 (reading 30 en-2): the quote says when email is expected back.
    want = {"he": "(הצפי: היום בשעה 12:00). בינתיים אפשר לפנות לנתיבים בצ'אט באתר ובמרכזי "
                  "השירות.\"",
            "en": "expected today at 12:00. Until then, Netivim can be reached by chat on its "
                  "website and at its service centres.\"",
            "ar": "وحتى ذلك الحين، يمكن التواصل مع نتيفيم عبر الدردشة في موقعها"
                  "، أو بزيارة مراكز الخدمة.»",
            "ru": "восстановлена. А пока связаться с Нетивим можно в чате на сайте компании"
                  " и в сервисных центрах».",
            }
    for lang, end in want.items():
        for output in ("text", "html"):
            shown = _text(bundle, lang, "partners", output).replace("&#39;", "'")
            shown = re.sub(r"</?bdi>", "", shown)  # s25: the time in the quote is isolated
            assert end in shown, (lang, output)


def test_ru_staff_channels_wording() -> None:
    """R18 ru: 'В сообщениях клиентам указаны…'; 'дома подключено медицинское оборудование'."""
    bundle = render(load_incident(HARD / "callcentre-arru.yaml"), languages=("ru",),
                    channels=("talking_points", "management", "partners"))
    for channel in ("talking_points", "management", "partners"):
        for output in ("text", "html"):
            text = _text(bundle, "ru", channel, output)
            assert "направляют их" not in text
            assert "В сообщениях клиентам указаны работающие каналы:" in text
            assert "подключённое" not in text
    assert "дома подключено медицинское оборудование" in _text(bundle, "ru", "partners")
    assert "дома подключено медицинское оборудование" in _text(bundle, "ru", "talking_points")


def test_ru_resolved_says_how_long_the_outage_lasted() -> None:
    """R18 ru: 'в 10:05, спустя час' read as an hour after 10:05 -> '; сбой длился час'."""
    bundle = render(load_example("resolved"), languages=("ru",))
    for channel in ("email", "talking_points", "management", "partners", "status_page"):
        text = _text(bundle, "ru", channel)
        assert "10:05; сбой длился час." in text and "спустя" not in text, channel
    assert "спустя" not in _text(bundle, "ru", "social")


def test_ru_changed_social_apologises_once() -> None:
    """R18 ru nit: one apology for the late update, inside the apology, within 280."""
    previous, current = changed_example()
    text = _text(render(current, previous=previous, languages=("ru",), channels=("social",)),
                 "ru", "social")
    assert "Извините за задержку" not in text
    assert "Приносим извинения за неудобства и позднее сообщение." in text
    assert len(text) <= 280
