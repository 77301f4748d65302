"""Session 22 (ivrc), reading 19: the IVR with any compensation fits 45 s in four languages
(ar H1: a voucher valid next year or a credit this year went over at the last wording); ru
resolved "в 10:05. Сбой длился час."; ar changed sample "والخلل قيد الإصلاح"."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import parse_incident, render
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).parent.parent
# voucher.yaml has he/en texts only.
FILES = {"examples/compensation.yaml": ("he", "en", "ar", "ru"),
         "examples/resolved.yaml": ("he", "en", "ar", "ru"),
         "tests/data/hard/voucher.yaml": ("he", "en")}
SWEEP = list(itertools.product(FILES, ("voucher", "credit", "refund"), (0, 1),
                               ("bill", "purchase")))


def _with_compensation(path: str, kind: str, later: int, of: str) -> Any:
    data: dict[str, Any] = yaml.safe_load((ROOT / path).read_text("utf-8"))
    year = int(str(data["updated_at"])[:4]) + later
    data["compensation"] = {"percent": 10, "kind": kind, "of": of,
                            "valid_until": f"{year}-{'01-31' if later else '12-31'}"}
    return parse_incident(data)


@pytest.mark.parametrize(("path", "kind", "later", "of"), SWEEP)
def test_every_compensation_ivr_fits(path: str, kind: str, later: int, of: str) -> None:
    bundle = render(_with_compensation(path, kind, later, of), languages=FILES[path],
                    channels=("ivr",))
    assert [f for f in bundle.findings if f.rule == "ivr-seconds"] == []
    for lang in FILES[path]:
        text = strip_controls(bundle[lang, "ivr"].text)
        # The compensation stays one complete fact: its last day, with the year when it is not
        # this year's.
        assert ("31" in text) and (not later or "2027" in text), (lang, text)


def test_ar_voucher_next_year_says_the_year_in_brief() -> None:
    """R19 ar H1: 46.0 s with the whole delivery; the brief form keeps the year."""
    bundle = render(_with_compensation("examples/compensation.yaml", "voucher", 1, "bill"),
                    languages=("ar",), channels=("ivr",))
    text = strip_controls(bundle["ar", "ivr"].text)
    # s25 (reading 30 AR-14): with the voucher's route and last day, the short form keeps the
    # year of a voucher valid next year.
    # s27 (reading 46 AR-1): one sentence in brief, the dates by month name.
    assert "بحلول السبت 28 نوفمبر قسيمة شراء" in text and "سارية حتى 31 يناير 2027." in text
    assert bundle["ar", "ivr"].stats["seconds"] <= 45


def test_ru_resolved_ivr_one_semicolon() -> None:
    bundle = render(load_example("resolved"), languages=("ru",), channels=("ivr",))
    text = strip_controls(bundle["ru", "ivr"].text)
    assert "в 10:05. Сбой длился час." in text and "; сбой длился" not in text
    ssml = bundle["ru", "ivr"].ssml or ""
    assert ". Сбой длился" in ssml and "; сбой длился" not in ssml


def test_ar_changed_ivr_says_the_fault_not_the_site() -> None:
    current, previous = changed_example()
    bundle = render(current, previous=previous, languages=("ar",), channels=("ivr",))
    for output in ("text", "ssml"):
        said = strip_controls(getattr(bundle["ar", "ivr"], output) or "")
        # Reading 30 AR-16: the services beside the fault, then the apology, then the status.
        assert "في الموقع، ونعتذر عن ذلك. الخلل قيد الإصلاح." in said \
            and "، وهو قيد" not in said, output
    assert bundle["ar", "ivr"].stats["seconds"] <= 45
