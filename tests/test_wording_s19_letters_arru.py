"""Session 19: Arabic and Russian letters write the customer's name only in a script they can
write (``[cases] name_scripts``); a name only in Hebrew gives a greeting without it, and no
empty name line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisiscomms.cases import load_case
from crisiscomms.cases.letters import name_findings, render_case_letter
from crisiscomms.model import ShortText

from .template_copy import TemplateCopy

CASES = Path(__file__).resolve().parent.parent / "examples" / "cases"
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
GREETING = {"ar": "زبوننا العزيز،", "ru": "Здравствуйте!"}


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.with_config(tmp_path_factory.mktemp("t") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


@pytest.mark.parametrize("lang", ["ar", "ru"])
@pytest.mark.parametrize("kind", ["acknowledgement", "progress", "final"])
def test_a_hebrew_only_name_is_not_written_in_arabic_or_russian(
        four: Path, lang: str, kind: str) -> None:
    case = load_case(CASES / "not-justified.yaml")
    customer = case.customer.model_copy(update={"name": "רונית שלום", "address": None})
    case = case.model_copy(update={"language": lang, "customer": customer})
    letter = render_case_letter(case, kind, now=NOW, templates=four)
    assert "רונית" not in letter.text and "רונית" not in (letter.html or "")
    assert GREETING[lang] in letter.text and GREETING[lang] in (letter.html or "")
    assert not letter.text.startswith("\n") and "None" not in letter.text
    assert [f.field for f in name_findings(case, templates=four) if f.language == lang] == [
        "customer.name"]


@pytest.mark.parametrize(("lang", "greeting"), [("ar", "حضرة السيدة Ronit Shalom المحترمة،"),
                                                ("ru", "Уважаемая Ronit Shalom!")])
def test_a_latin_form_is_written_when_there_is_one(four: Path, lang: str, greeting: str) -> None:
    case = load_case(CASES / "not-justified.yaml")
    # Only the Hebrew and English forms (the example gives Arabic and Russian ones too).
    case = case.model_copy(update={"customer": case.customer.model_copy(update={
        "name": ShortText({"he": "רונית שלום", "en": "Ronit Shalom"})})})
    letter = render_case_letter(case.model_copy(update={"language": lang}), "acknowledgement",
                                now=NOW, templates=four)
    assert greeting in letter.text.replace("\u2066", "").replace("\u2069", "")
