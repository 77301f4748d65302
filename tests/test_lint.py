"""``crisiscomms lint``: each seeded defect, introduced into a copy made by ``crisiscomms init``,
fails with an error of the right rule at the right file and line; the untouched copy passes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms import Finding, lint, parse_incident, render
from crisiscomms.cli import main
from crisiscomms.samples import example_names, example_path, load_example

from .template_copy import TemplateCopy


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    folder = tmp_path_factory.mktemp("lint") / "team-templates"
    code, _, _ = run("init", str(folder))
    assert code == 0
    return TemplateCopy(folder)


def lint_json(folder: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = run("lint", str(folder), "--format", "json", *extra)
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def test_the_untouched_copy_passes(copy: TemplateCopy) -> None:
    code, out, err = run("lint", str(copy.folder))
    assert (code, err) == (0, "")
    assert out == f"{copy.folder}: templates and rules checked over " \
        f"{len(example_names())} sample incidents; no findings\n"


def test_the_built_in_templates_have_no_findings_at_all() -> None:
    assert lint() == []


# (file, text replaced, replacement, rule, where the finding must be: "line" = the line the
# replacement is on, None = the file as a whole)
DEFECTS = [
    pytest.param("he/sms.txt", "תודה על הסבלנות.", "תודה על הסבלנות. נסו שוב מאוחר יותר.",
                 "no-call-again", "line", id="forbidden-phrase-he"),
    pytest.param("en/email.txt", "Our teams are working", "We will fix it ASAP. Our teams "
                 "are working", "end-uncertainty", "line", id="forbidden-phrase-en"),
    pytest.param("en/partners.txt", "Dear agents and resellers,", "Dear customer,",
                 "plural-address", "line", id="substitution-en"),
    pytest.param("he/email.txt", "תודה על פנייתכם. היא התקבלה",
                 "לקוח יקר, תודה על פנייתכם. היא התקבלה", "plural-address", "line",
                 id="substitution-he"),
    # s22: every SMS wording, the shortest (11) too, carries the seeded words.
    pytest.param("he/sms.txt", "{% if f.resolved %}",
                 "{{ f.impact }} {{ f.impact }} {{ f.impact }}{% if f.resolved %}",
                 "sms-segments", None, id="budget-sms-segments"),
    pytest.param("en/banner.txt", "Next update {{ f.next_update.dated }}.",
                 "Next update {{ f.next_update.dated }}. {{ f.impact }} {{ f.impact }}",
                 "length-characters", None, id="budget-banner-characters"),
    pytest.param("he/email.subject.txt", "עדכון: {{ f.title }}",
                 "עדכון: {{ f.title }} | {{ f.title }} | {{ f.title }} | {{ f.title }}",
                 "length-subject", None, id="budget-email-subject"),
    pytest.param("en/ivr.ssml", "<p>Our next update",
                 "<p>{{ f.impact }} {{ f.impact }} {{ f.impact }}</p>"
                 "<p>Our next update", "ivr-seconds", None,
                 id="budget-ivr-seconds"),
    pytest.param("en/sms.txt", " Next update: {{ at(f.next_update) }}.", "",
                 "required-fact", None, id="missing-fact"),
    pytest.param("he/banner.html", " {% if short > 1 %}{{ f.compensation.short }}{% elif short "
                 "%}{{ f.compensation.brief }}{% else %}"
                 "{{ f.compensation.sentence }}{% endif %}", "",
                 "parity-facts", None, id="parity-facts"),
    pytest.param("en/banner.txt", "Next update {{ f.next_update.dated }}.",
                 "Next update {{ f.next_update.dated }}. Call rep XXX.", "placeholder", "line",
                 id="leftover-xxx"),
    pytest.param("he/email.txt", "בברכה,", "שלום [שם הלקוח], בברכה,", "placeholder", "line",
                 id="leftover-bracketed-name"),
    pytest.param("en/email.txt", "Kind regards,", "TODO: sign-off", "placeholder", "line",
                 id="leftover-todo"),
    pytest.param("he/banner.txt", "העדכון הבא: {{ f.next_update.dated }}",
                 "העדכון הבא: היום בשעה 15:00", "hard-coded", "line", id="hard-coded-time"),
    pytest.param("en/email.txt", "We apologise for {{ f.trouble }} and thank",
                 "We apologise with a 10% voucher and thank", "hard-coded", "line",
                 id="hard-coded-percentage"),
    pytest.param("en/sms.txt", "No need to contact us again{% if down %}",
                 "No need to contact us again {{ f.internal.cause }}{% if down %}",
                 "audience-leak",
                 "line", id="audience-internal-in-sms"),
    pytest.param("he/banner.html", "העדכון הבא: {{ f.next_update.dated }}.",
                 "העדכון הבא: {{ f.next_update.dated }}. {{ f.priority }}", "audience-leak", "line",
                 id="audience-priority-in-banner"),
    pytest.param("he/email.txt", "אם השירות עדיין אינו פועל אצלכם כרגיל",
                 "אם אתה עדיין לא מצליח להתחבר", "address-form", "line",
                 id="hebrew-singular-address"),
    pytest.param("he/banner.txt", "ומודים לכם על הסבלנות", "ומודים לכל הלקוחות היקרים/ות",
                 "address-form", "line", id="hebrew-slash-form"),
    pytest.param("en/ivr.txt", "This is {{ f.org.short_name }}",
                 "This is {{ f.org.short_name }", "template-syntax", "line",
                 id="template-syntax"),
    pytest.param("he/sms.txt", "{{ f.title }}", "{{ f.titel }}", "template-undefined", "line",
                 id="template-undefined-fact"),
    pytest.param("en/email.txt", "Dear customer,", "Dear {{ customer_name }},",
                 "template-undefined", "line", id="template-undefined-name"),
    pytest.param("en/banner.txt", "{{ f.title }}: {{ f.status_label }}. Service",
                 "{{ f.title.__class__.__mro__ }}: {{ f.status_label }}. Service",
                 "template-sandbox", "line", id="template-sandbox"),
    pytest.param("he/ivr.txt", "תודה על הסבלנות.{% endif +%}\n{% if f.contact.is_down.phone",
                 "תודה על הסבלנות. {{ plural(f.service_count) }}{% endif +%}\n"
                 "{% if f.contact.is_down.phone",
                 "template-runtime", "line", id="template-runtime"),
]


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if text.split("\n")[0] in line)


@pytest.mark.parametrize(("file", "old", "new", "rule", "where"), DEFECTS)
def test_a_seeded_defect_fails_at_its_place(copy: TemplateCopy, file: str, old: str, new: str,
                                            rule: str, where: str | None) -> None:
    original = (copy.folder / file).read_text(encoding="utf-8")
    assert old in original, "the default template changed: update this defect"
    with copy.changed(file, original.replace(old, new, 1)) as path:
        line = _line_of(path, new) if where == "line" else None
        code, findings = lint_json(copy.folder)
    assert code == 1
    mine = [f for f in findings if f["rule"] == rule and f["file"].endswith(file)]
    assert mine, [(f["rule"], f["file"], f["line"]) for f in findings]
    assert mine[0]["severity"] == "error"
    if line is not None:
        assert line in [f["line"] for f in mine]


def test_a_budget_lowered_in_the_config_fails_at_the_template(copy: TemplateCopy) -> None:
    config = (copy.folder / "crisiscomms.toml").read_text(encoding="utf-8")
    lowered = config.replace("max_segments = { he = 2,", "max_segments = { he = 1,")
    assert lowered != config
    with copy.changed("crisiscomms.toml", lowered):
        code, findings = lint_json(copy.folder)
    assert code == 1
    assert any(f["rule"] == "sms-segments" and f["file"].endswith("he/sms.txt")
               for f in findings)


def test_a_missing_channel_template_fails_at_its_path(copy: TemplateCopy) -> None:
    with copy.changed("en/banner.html", None):
        code, findings = lint_json(copy.folder)
    assert code == 1
    assert [f["rule"] for f in findings if f["file"].endswith("en/banner.html")] == \
        ["template-missing"]


def test_a_shared_part_in_one_language_only_fails_parity(copy: TemplateCopy) -> None:
    with copy.changed("he/footer.txt", "בברכה, {{ f.org.name }}"):
        code, findings = lint_json(copy.folder)
    assert code == 1
    assert [f["rule"] for f in findings if f["file"].endswith("en/footer.txt")] == \
        ["parity-templates"]


def _incident(tmp_path: Path, **changes: str) -> Path:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "sample.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_sample_whose_eta_has_passed_fails(copy: TemplateCopy, tmp_path: Path) -> None:
    sample = _incident(tmp_path, eta="2026-11-22T14:00:00+02:00")
    code, findings = lint_json(copy.folder, "--incident", str(sample))
    assert code == 1
    assert [f["rule"] for f in findings] == ["eta-passed"]
    assert findings[0]["message"].endswith("[INC-2041]")


def test_a_sample_whose_next_update_is_due_fails(copy: TemplateCopy, tmp_path: Path) -> None:
    sample = _incident(tmp_path, next_update_at="2026-11-22T14:10:00+02:00")
    code, findings = lint_json(copy.folder, "--incident", str(sample))
    assert code == 1 and "next-update-due" in [f["rule"] for f in findings]


def test_a_slow_cadence_is_a_warning_only(copy: TemplateCopy, tmp_path: Path) -> None:
    sample = _incident(tmp_path, next_update_at="2026-11-22T16:30:00+02:00")
    code, findings = lint_json(copy.folder, "--incident", str(tmp_path))
    assert code == 0
    assert [(f["rule"], f["severity"]) for f in findings] == [("update-cadence", "warning")]
    assert sample.parent == tmp_path


def test_a_word_in_literal_text_is_reported_once_with_its_line(copy: TemplateCopy) -> None:
    original = (copy.folder / "en" / "sms.txt").read_text(encoding="utf-8")
    with copy.changed("en/sms.txt", original.replace("Thank you", "TBD. Thank you", 1)):
        _, findings = lint_json(copy.folder)
    placeholders = [f for f in findings if f["rule"] == "placeholder"]
    line = next(n for n, text in enumerate(original.split("\n"), 1) if "Thank you" in text)
    assert [(f["line"], f["column"]) for f in placeholders] == [(line, 1 + original.split(
        "\n")[line - 1].index("Thank you"))]


def test_a_broken_rule_file_is_unreadable_input(copy: TemplateCopy) -> None:
    rules = (copy.folder / "he" / "rules.yaml").read_text(encoding="utf-8")
    with copy.changed("he/rules.yaml", rules.replace("'XXX+(?!\\w)'", "'XXX+(?!\\w'")):
        code, out, err = run("lint", str(copy.folder))
    assert code == 3 and out == ""
    assert "he/rules.yaml:" in err and "rules[8] (placeholder).patterns" in err


def test_a_broken_config_is_unreadable_input(copy: TemplateCopy) -> None:
    config = (copy.folder / "crisiscomms.toml").read_text(encoding="utf-8")
    with copy.changed("crisiscomms.toml", config.replace("max_chars = 300", "max_chars = 0")):
        code, _, err = run("lint", str(copy.folder))
    assert code == 3 and "crisiscomms.toml" in err and "max_chars" in err


def test_bundle_findings_carry_the_checks_for_library_users() -> None:
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data["impact"]["en"] += " TODO confirm."
    bundle = render(parse_incident(data))
    found = [f for f in bundle.findings if f.rule == "placeholder"]
    assert found and all(isinstance(f, Finding) for f in found)
    # The word came with the incident, not a template: no template file is blamed.
    assert {f.file for f in found} == {None}
    assert {f.language for f in found} == {"en"}


def test_lint_accepts_incidents_and_files() -> None:
    assert lint(incidents=[load_example("resolved"), example_path("overnight")]) == []
