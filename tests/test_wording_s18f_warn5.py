"""sms-workaround-dropped: a language's SMS that drops the workaround (and its short form) is
a warning naming workaround_short.<lang>; publishing is not refused."""

from __future__ import annotations

from crisiscomms.render import render
from crisiscomms.samples import load_example


def test_sms_that_drops_the_workaround_warns_in_that_language_only() -> None:
    incident = load_example("identified").model_copy(update={"workaround_short": None})
    found = [f for f in render(incident, channels=["sms"]).findings
             if f.rule == "sms-workaround-dropped"]
    assert [(f.language, f.severity, f.field) for f in found] == [
        ("he", "warning", "workaround_short.he")]
    assert "60" in found[0].message and "workaround_short" in found[0].message


def test_arabic_and_russian_warn_in_their_own_words() -> None:
    incident = load_example("identified").model_copy(update={"workaround_short": None})
    found = {f.language: f.message for f in render(
        incident, languages=["ar", "ru"], channels=["sms"]).findings
        if f.rule == "sms-workaround-dropped"}
    assert "الحل البديل" in found["ar"] and "обходной путь" in found["ru"]


def test_no_workaround_no_warning() -> None:
    incident = load_example("identified").model_copy(
        update={"workaround": None, "workaround_short": None})
    assert not [f for f in render(incident, channels=["sms"]).findings
                if f.rule == "sms-workaround-dropped"]
