"""Session 22, banner (helper banner22b), after reading 20.

1. ru, wording 3: "…, оба — в ночь на воскресенье, 29 ноября." calques "both on"; the day
   now leads: "В ночь на воскресенье, 29 ноября: следующее сообщение — в 02:15, ожидаемый
   срок восстановления — в 03:15." (a plain day too: "В пятницу, 27 ноября: …").
2. Wording 3 in every language names the two times in time order: the next update first when
   it comes first ("Next update at 00:50 and expected back at 01:50, both on …"), the
   estimate first when it does.
3. Resolved after a short outage, from wording 2 on: the apology where the fill finds room
   for it (ar 202 of 300 characters and none).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import render
from crisiscomms.facts import build_facts
from crisiscomms.loading import parse_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.text.bidi import strip_controls

from .example_edits import shifted

ROOT = Path(__file__).resolve().parent.parent
CC = ROOT / "tests" / "data" / "hard" / "callcentre-arru.yaml"
RESOLVED = ROOT / "examples" / "resolved.yaml"




def _at(when: str, **changes: Any) -> dict[str, Any]:
    raw = yaml.safe_load(CC.read_text(encoding="utf-8"))
    up = raw["updated_at"]
    up = up if isinstance(up, dt.datetime) else dt.datetime.fromisoformat(up)
    data: dict[str, Any] = shifted(raw, dt.datetime.fromisoformat(when) - up)
    data.update(changes)
    return data


def _level(data: dict[str, Any], lang: str, level: int) -> str:
    """The banner at one wording level, whether or not the budget calls for it."""
    incident = parse_incident(data, str(CC))
    ts = template_set(None)
    language = ts.language(lang)
    facts = build_facts(incident, ts.config, language, lang, None)
    message = _render_one(ts, incident, lang, "banner", {}, facts, language, {}, level=level)
    return re.sub(r"\s+", " ", strip_controls(message.text))


def test_ru_the_day_leads() -> None:
    data = _at("2026-11-29T01:15:00+02:00")
    message = render(parse_incident(data, str(CC)), languages=["ru"],
                     channels=["banner"])["ru", "banner"]
    text = strip_controls(message.text)
    assert message.stats["short"] <= 3  # night24: said once at every level
    assert ("В ночь на воскресенье, 29 ноября: следующее сообщение — в 02:15, ожидаемый срок "
            "восстановления — в 03:15.") in text
    assert "оба" not in text
    assert "оба" not in strip_controls(message.html or "")


# An estimate at 05:00, the morning ([day] morning_from): 04:00 is the night since s23 ivrday.
MORNING = "2026-11-27T05:00:00+02:00"


def test_ru_plain_day_leads() -> None:
    text = _level(_at("2026-11-27T02:00:00+02:00", eta=MORNING), "ru", 3)
    assert ("В пятницу, 27 ноября: следующее сообщение — в 03:00, ожидаемый срок "
            "восстановления — в 05:00.") in text


NEXT_FIRST = {
    # s26: the day first, as ru, not "…, שניהם ביום …", "…, both on …", "…، وذلك يوم …".
    "he": "ביום שישי, 27 בנובמבר: העדכון הבא בשעה 03:00, וצפי לחזרת השירות בשעה 05:00.",
    "en": "On Friday 27 November: next update at 03:00, expected back at 05:00.",
    "ar": "يوم الجمعة 27 نوفمبر: التحديث القادم الساعة 03:00، والعودة المتوقعة الساعة 05:00.",
    "ru": "В пятницу, 27 ноября: следующее сообщение — в 03:00, ожидаемый срок восстановления — "
          "в 05:00.",
}
ETA_FIRST = {
    "he": "ביום שישי, 27 בנובמבר: צפי לחזרת השירות בשעה 05:00, והעדכון הבא בשעה 06:00.",
    "en": "On Friday 27 November: expected back at 05:00, next update at 06:00.",
    "ar": "يوم الجمعة 27 نوفمبر: العودة المتوقعة الساعة 05:00، والتحديث القادم الساعة 06:00.",
    "ru": "В пятницу, 27 ноября: ожидаемый срок восстановления — в 05:00, следующее сообщение — "
          "в 06:00.",
}


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_time_order(lang: str) -> None:
    assert NEXT_FIRST[lang] in _level(_at("2026-11-27T02:00:00+02:00", eta=MORNING), lang, 3)
    later = _at("2026-11-27T02:00:00+02:00", eta=MORNING,
                next_update_at="2026-11-27T06:00:00+02:00")
    assert ETA_FIRST[lang] in _level(later, lang, 3)


APOLOGY = {"en": "We apologise for the inconvenience.", "ar": "نعتذر عن الإزعاج.",
           "ru": "Приносим извинения за неудобства."}
APOLOGISE = {"en": "apologise", "ar": "نعتذر", "ru": "извинени"}


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
@pytest.mark.parametrize("kind", ["voucher", "credit", "refund"])
def test_resolved_short_outage_apologises_where_it_fits(lang: str, kind: str) -> None:
    data = yaml.safe_load(RESOLVED.read_text(encoding="utf-8"))
    data["compensation"] = {"percent": 10, "kind": kind}
    if kind != "refund":
        data["compensation"]["valid_until"] = dt.date(2026, 12, 31)
    message = render(parse_incident(data, str(RESOLVED)), languages=[lang],
                     channels=["banner"])[lang, "banner"]
    if message.stats["short"] < 2:
        # Levels 0 and 1 apologise as before, in their own words.
        assert APOLOGISE[lang] in strip_controls(message.text)
        return
    assert strip_controls(message.text).rstrip().endswith(APOLOGY[lang])
    assert APOLOGY[lang] in strip_controls(message.html or "")
    assert message.stats["characters"] <= 300
