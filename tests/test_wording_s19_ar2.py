"""Session 19, Arabic (reading 6): a title that names the service in the plural is not
followed by the service again; partners quote the customer action in their own mouth;
monitoring speaks of the fault as past; no "priority order" without a priority; letters greet
by title; small counts in words; no "الحادث" (accident), no calque apology."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.config import default_templates_dir, load_language
from crisiscomms.facts import about, duration, names_services
from crisiscomms.samples import example_names, load_example

from .example_edits import seen
from .template_copy import TemplateCopy

CASES = Path(__file__).resolve().parent.parent / "examples" / "cases"
NOW = dt.datetime(2026, 11, 26, 12, 30, tzinfo=dt.UTC)


def test_a_plural_title_names_the_service() -> None:
    ar = load_language(default_templates_dir(), "ar")
    assert names_services("تأخير في معالجة الدفعات عبر الموقع", ["الدفع عبر الموقع"], ar)
    assert not names_services("خلل في الإنترنت المنزلي في الشمال",
                              ["الإنترنت المنزلي", "خدمة التلفزيون"], ar)
    bundle = render(load_example("monitoring"), languages=["ar"],
                    channels=["ivr", "banner", "social"])
    for channel in ("ivr", "banner", "social"):
        assert "الدفع عبر الموقع" not in seen(bundle, "ar", channel), channel


def test_small_counts_are_words() -> None:
    ar = load_language(default_templates_dir(), "ar")
    said = [str(duration(m, ar, "ar")) for m in (63, 65, 135, 60, 35 * 60 + 40)]
    assert said == ["ساعة وثلاث دقائق", "ساعة وخمس دقائق", "ساعتين وربع", "ساعة",
                    "35 ساعة و40 دقيقة"]
    assert str(about(63, ar, "ar")) == "نحو ساعة"


def test_the_long_outage_apology_is_for_the_outage() -> None:
    bundle = render(load_example("compensation"), languages=["ar"],
                    channels=["ivr", "email", "status_page"])
    for channel in ("ivr", "email", "status_page"):
        text = seen(bundle, "ar", channel)
        assert "تضرر الخدمة" not in text, channel
        # The IVR out of phone hours says it in brief ("نعتذر بشدة عن طول الانقطاع", s27 AR-1).
        brief = channel == "ivr" and "نعتذر بشدة عن طول الانقطاع" in text
        assert "نعتذر" in text and ("انقطاع الخدمة وما سبّبه لكم من عناء" in text or brief), channel


@pytest.mark.parametrize("name", example_names())
def test_partners_quote_no_we(name: str) -> None:
    text = seen(render(load_example(name), languages=["ar"], channels=["partners"]),
                "ar", "partners")
    quotes = [line for line in text.splitlines() if line.startswith("- «")]
    assert quotes
    for quote in quotes:
        for word in ("أنظمتنا", "شبكتنا", "وصلنا", "خدماتنا", "معنا", "لدينا"):
            assert word not in quote, quote
    assert "الحادث" not in text and "مصلحة تجارية" not in text


def test_partners_promise_no_priority_order_without_a_priority() -> None:
    incident = load_example("investigating")
    internal = incident.internal.model_copy(update={"priority": None})  # type: ignore[union-attr]
    bare = render(incident.model_copy(update={"internal": internal}), languages=["ar"],
                  channels=["partners"])
    text = seen(bare, "ar", "partners")
    assert "ترتيب الأولوية" not in text and "على وجه السرعة" in text
    kept = seen(render(incident, languages=["ar"], channels=["partners"]), "ar", "partners")
    # s27b (reading 47 HE-2): with a priority too the client is treated as urgent.
    assert "ترتيب الأولوية" not in kept and "على وجه السرعة" in kept


def test_monitoring_speaks_of_the_fault_as_past() -> None:
    bundle = render(load_example("monitoring"), languages=["ar"],
                    channels=["ivr", "email", "status_page"])
    ivr = seen(bundle, "ar", "ivr")
    assert "يوجد حاليًا" not in ivr and "حدث تأخير في معالجة الدفعات" in ivr
    assert "يوجد حاليًا" not in seen(bundle, "ar", "ivr", "ssml")
    for channel in ("email", "status_page"):
        text = seen(bundle, "ar", channel)
        # s26 (reading 44 AR-12): the monitoring said once (the status page in its headline).
        assert "على مدار الساعة" not in text and text.count("نتابع") == 1, channel


def test_talking_points_say_fault_not_accident() -> None:
    text = seen(render(load_example("identified"), languages=["ar"],
                       channels=["talking_points"]), "ar", "talking_points")
    assert "الحادث" not in text and "الخلل رقم" in text
    assert "مصلحة تجارية" not in text and "نشاط تجاري" in text


def test_the_resolved_email_subject_says_fault_once() -> None:
    subject = render(load_example("compensation"), languages=["ar"],
                     channels=["email"])["ar", "email"].subject or ""
    assert "تمت معالجة الخلل في الشبكة الخلوية في وسط البلاد" in subject
    assert "الخلل: خلل" not in subject


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.with_config(tmp_path_factory.mktemp("t") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


def _letter(four: Path, name: str, kind: str, **update: object) -> str:
    case = load_case(CASES / f"{name}.yaml")
    incident = load_example("compensation") if name == "justified-voucher" else None
    letter = render_case_letter(case.model_copy(update={"language": "ar", **update}), kind,
                                now=NOW, templates=four, incident=incident)
    html = letter.html or ""
    assert all(word in html for word in ("حضرة", "المحترم")) or "حضرة" not in letter.text
    return letter.text.replace("\u2066", "").replace("\u2069", "")


@pytest.mark.parametrize("kind", ["acknowledgement", "progress", "final"])
def test_letters_greet_by_title(four: Path, kind: str) -> None:
    text = _letter(four, "not-justified", kind)
    assert "حضرة السيدة رونيت شالوم المحترمة،\nتحية طيبة وبعد،" in text
    assert "حضرة السيد دانيال ماركوس المحترم،" in _letter(four, "email-over-holiday", kind)


def test_the_final_letter_names_the_fault_once_and_asks_once(four: Path) -> None:
    text = _letter(four, "justified-voucher", "final")
    assert "تتعلق شكواك بالخلل في الشبكة الخلوية في وسط البلاد، الذي بدأ" in text
    assert "«" not in text.split("تتعلق شكواك", 1)[1].split("\n", 1)[0]
    assert "ويسري التعويض" not in text and "ويمكنك استخدام القسيمة في" in text
    refused = _letter(four, "not-justified", "final")
    assert "يسعدني أن أراجعه معك" not in refused and "إن كان لديك أي استفسار" in refused
