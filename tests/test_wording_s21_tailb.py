"""Session 21, helper tail21b: the British half hour in rounded English lengths ("about two
and a half hours"), and relative-day-lasting on the title and the impact (monitoring.yaml's
impact said "this morning" on the status page and the email)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.facts import about, build_facts, duration, plain
from crisiscomms.findings import Finding
from crisiscomms.loading import parse_incident
from crisiscomms.model import Incident
from crisiscomms.render import render
from crisiscomms.samples import example_path

from .example_edits import example_incident

_ALL = ["he", "en", "ar", "ru"]
_RULE = "relative-day-lasting"


# --- 1. "about two and a half hours" ------------------------------------------------------

@pytest.mark.parametrize(("minutes", "said"), [
    (28, "about half an hour"),
    (100, "about an hour and a half"),
    (150, "about two and a half hours"),
    (9 * 60 + 35, "about nine and a half hours"),
    (35 * 60 + 40, "about 35 and a half hours"),
    (130, "about two hours"),
])
def test_rounded_english_lengths_say_the_half_hour_the_british_way(minutes: int,
                                                                    said: str) -> None:
    # Before: "about two hours and 30 minutes", "about 35 hours and 30 minutes".
    en = load_language(default_templates_dir(), "en")
    assert str(about(minutes, en, "en")) == said


def test_exact_english_lengths_keep_hours_and_minutes() -> None:
    en = load_language(default_templates_dir(), "en")
    assert str(duration(150, en, "en")) == "two hours and 30 minutes"
    assert str(duration(6 * 60 + 20, en, "en")) == "six hours and 20 minutes"
    assert str(duration(150, en, "en", figures=True)) == "2 hours and 30 minutes"


def test_the_half_hour_form_is_language_data() -> None:
    en = load_language(default_templates_dir(), "en")
    assert en.units["hour"].and_half == "{n} and a half hours"
    hour = en.units["hour"].model_copy(update={"and_half": None})
    without = en.model_copy(update={"units": {**en.units, "hour": hour}})
    assert str(about(150, without, "en")) == "about two hours and 30 minutes"
    # Hebrew keeps its own "after" word for the half: "כשעתיים וחצי".
    he = load_language(default_templates_dir(), "he")
    assert str(about(150, he, "he")) == "כשעתיים וחצי"


def test_the_resolved_fact_says_two_and_a_half_hours() -> None:
    # f.elapsed_about of a resolved incident that lasted 2:28 (no template places it today;
    # a template that does must meet the British form).
    data = yaml.safe_load(example_path("resolved").read_text(encoding="utf-8"))
    resolved = parse_incident(data, "resolved.yaml").resolved_at
    assert resolved is not None
    data["started_at"] = (resolved - dt.timedelta(minutes=148)).isoformat()
    folder = default_templates_dir()
    facts = plain(build_facts(parse_incident(data, "resolved.yaml"), load_config(folder),
                              load_language(folder, "en"), "en"))
    assert facts["elapsed_about"] == "about two and a half hours"
    assert facts["elapsed"] == "two hours and 28 minutes"


# --- 2. relative-day-lasting reads the impact and the title ---------------------------------

# monitoring.yaml's impact before s21.
_OLD_IMPACT = {
    "he": "תשלומים שבוצעו באתר הבוקר מופיעים באזור האישי באיחור. כל התשלומים נקלטו, ואף תשלום"
          " לא חויב פעמיים.",
    "en": "Payments made on the website this morning appear in the online account late. Every"
          " payment went through, and none was charged twice.",
    "ar": "الدفعات التي تمت عبر الموقع هذا الصباح تظهر متأخرة في الحساب الشخصي. جميع الدفعات"
          " نُفذت، ولم يُخصم أي مبلغ مرتين.",
    "ru": "Платежи, сделанные на сайте сегодня утром, отображаются в личном кабинете с"
          " задержкой. Все платежи прошли, двойных списаний не было.",
}


_incident = example_incident


def _findings(incident: Incident, languages: list[str] = _ALL) -> list[Finding]:
    return [f for f in render(incident, languages=languages).findings if f.rule == _RULE]


def test_the_old_monitoring_impact_warns_in_every_language() -> None:
    found = _findings(_incident("monitoring", impact=_OLD_IMPACT))
    assert sorted((f.language, f.field, f.severity) for f in found) == [
        (lang, f"impact.{lang}", "warning") for lang in sorted(_ALL)]
    by_lang = {f.language: f.message for f in found}
    assert "'this morning'" in by_lang["en"] and "status_page" in by_lang["en"]
    assert "'הבוקר'" in by_lang["he"]
    assert "«هذا الصباح»" in by_lang["ar"]
    assert "«сегодня»" in by_lang["ru"]


def test_a_title_with_today_on_the_status_page_warns() -> None:
    title = {"he": "תקלה בתשלומים באתר היום", "en": "Website payment problem today",
             "ar": "مشكلة في الدفع عبر الموقع اليوم", "ru": "Сбой оплаты на сайте сегодня"}
    found = _findings(_incident("monitoring", title=title))
    assert sorted((f.language, f.field) for f in found) == [
        (lang, f"title.{lang}") for lang in sorted(_ALL)]


def test_the_monitoring_impact_now_names_the_day_and_the_time() -> None:
    incident = _incident("monitoring")
    assert "מהשעה 09:30 ביום ראשון, 22 בנובמבר," in incident.impact["he"]
    assert "since 09:30 on Sunday" in incident.impact["en"]
    assert "09:30 يوم الأحد" in incident.impact["ar"]
    assert "с 09:30 в воскресенье" in incident.impact["ru"]
    assert _findings(incident) == []
