"""The rule files: validation with located errors, the matchers, the examples every rule carries
(the meta-test), and the generated docs/rules.md."""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest
import yaml

from crisiscomms.config import default_templates_dir
from crisiscomms.errors import ConfigError
from crisiscomms.lint import lint
from crisiscomms.rules import Case, RuleBase, TextRule, load_rules
from crisiscomms.rules.doc import rules_markdown
from crisiscomms.rules.match import Matcher, gender_forms
from crisiscomms.samples import example_path

from .template_copy import TemplateCopy

LANGUAGES = ("he", "en", "ar", "ru")
# ar and ru are not in the default config: their case examples run on a copy that lists them
# (next to en, so the parity rules have a language to compare with).
EXTRA = ("ar", "ru")
SEED_RULES = ("end-uncertainty", "no-blame", "no-minimising", "no-empty-promises",
              "no-call-again")
DEFAULTS = {lang: load_rules(default_templates_dir(), lang) for lang in LANGUAGES}


# --- The default rules ---------------------------------------------------------------------


def test_every_language_has_the_same_rules() -> None:
    ids = {lang: [r.id for r in rules.rules] for lang, rules in DEFAULTS.items()}
    assert all(ids[lang] == ids["en"] for lang in LANGUAGES), ids


@pytest.mark.parametrize("rule_id", SEED_RULES)
def test_seed_rules_are_errors_in_both_languages(rule_id: str) -> None:
    for rules in DEFAULTS.values():
        rule = rules.get(rule_id)
        assert rule is not None and rule.level == "error"


@pytest.mark.parametrize(("lang", "rule_id"),
                         [(lang, r.id) for lang in LANGUAGES for r in DEFAULTS[lang].rules])
def test_every_rule_has_failing_and_passing_examples(lang: str, rule_id: str) -> None:
    rule = DEFAULTS[lang].get(rule_id)
    assert rule is not None
    assert rule.examples.fail, f"{lang}/{rule_id} has no failing example"
    assert rule.examples.pass_, f"{lang}/{rule_id} has no passing example"


TEXT_EXAMPLES = [(lang, r.id, text, group == "fail")
                 for lang in LANGUAGES for r in DEFAULTS[lang].rules if isinstance(r, TextRule)
                 for group, items in (("fail", r.examples.fail), ("pass", r.examples.pass_))
                 for text in items if isinstance(text, str)]


@pytest.mark.parametrize(("lang", "rule_id", "text", "fails"), TEXT_EXAMPLES)
def test_text_examples_fail_and_pass_their_rule(lang: str, rule_id: str, text: str,
                                                fails: bool) -> None:
    rule = DEFAULTS[lang].get(rule_id)
    assert isinstance(rule, TextRule)
    assert (rule.matcher.search(text) is not None) is fails


CASE_EXAMPLES = [(lang, r.id, index, group)
                 for lang in LANGUAGES for r in DEFAULTS[lang].rules if not r.TEXT
                 for group, items in (("fail", r.examples.fail), ("pass", r.examples.pass_))
                 for index in range(len(items))]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("rules") / "templates")


@pytest.fixture(scope="module")
def extra_copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, TemplateCopy]:
    copies = {}
    for lang in EXTRA:
        copies[lang] = TemplateCopy.with_config(
            tmp_path_factory.mktemp(f"rules-{lang}") / "templates",
            'languages = ["he", "en"]', f'languages = ["en", "{lang}"]')
    return copies


def _sample(case: Case, tmp_path: Path) -> Path:
    if case.incident is None:
        return example_path("identified")
    data = yaml.safe_load(example_path("identified").read_text(encoding="utf-8"))
    data.update(case.incident)
    path = tmp_path / "incident.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "rule_id", "index", "group"), CASE_EXAMPLES)
def test_case_examples_fail_and_pass_their_rule(lang: str, rule_id: str, index: int,
                                                group: str, tmp_path: Path,
                                                copy: TemplateCopy,
                                                extra_copies: dict[str, TemplateCopy]) -> None:
    copy = extra_copies.get(lang, copy)
    rule = DEFAULTS[lang].get(rule_id)
    assert rule is not None
    case = (rule.examples.fail if group == "fail" else rule.examples.pass_)[index]
    assert isinstance(case, Case)
    with ExitStack() as stack:
        if case.file is not None:
            stack.enter_context(copy.changed(f"{lang}/{case.file}", case.template))
        found = {f.rule for f in lint(copy.folder, [_sample(case, tmp_path)])}
    assert (rule_id in found) is (group == "fail"), sorted(found)


# --- Validation: errors name the file, the rule and the field -------------------------------


def _folder_with(tmp_path: Path, rules_text: str, lang: str = "en") -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    (folder / lang / "rules.yaml").write_text(rules_text, encoding="utf-8")
    return folder


def _problem(tmp_path: Path, rules_text: str) -> tuple[str, str, int | None]:
    folder = _folder_with(tmp_path, rules_text)
    with pytest.raises(ConfigError) as caught:
        load_rules(folder, "en")
    assert caught.value.file is not None and caught.value.file.endswith("en/rules.yaml")
    problem = caught.value.problems[0]
    return problem.path, problem.message, problem.line


RULE = """version: 1
rules:
  - id: no-soon
    kind: existence
    level: error
    message: "'{found}' is vague"
    phrases: [soon]
    examples: {fail: ["back soon"], pass: ["back at noon"]}
"""


def test_a_valid_custom_rule_loads(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, RULE)
    rule = load_rules(folder, "en").get("no-soon")
    assert rule is not None and rule.finding({"found": "soon"}).message == "'soon' is vague"


@pytest.mark.parametrize(("change", "path", "message"), [
    pytest.param(("phrases: [soon]", "patterns: ['(soon']"), "rules[0] (no-soon).patterns",
                 "not a valid regular expression", id="bad-regex"),
    pytest.param(("kind: existence", "kind: existance"), "rules[0] (no-soon).kind",
                 "unknown kind 'existance'", id="unknown-kind"),
    pytest.param(("is vague", "is {vauge}"), "rules[0] (no-soon).message",
                 "unknown placeholder {vauge}", id="unknown-placeholder"),
    pytest.param(("level: error", "level: fatal"), "rules[0] (no-soon).level",
                 "fatal", id="bad-level"),
    pytest.param(("fail: [\"back soon\"]", "fail: [\"back later\"]"),
                 "rules[0] (no-soon).examples.fail[0]", "does not break the rule",
                 id="failing-example-passes"),
    pytest.param(("pass: [\"back at noon\"]", "pass: [\"soon\"]"),
                 "rules[0] (no-soon).examples.pass[0]", "breaks the rule",
                 id="passing-example-fails"),
    pytest.param(("phrases: [soon]", "phrases: [soon]\n    colour: red"),
                 "rules[0] (no-soon).colour", "unknown field", id="unknown-field"),
    pytest.param(("examples: {fail: [\"back soon\"], pass: [\"back at noon\"]}",
                  "examples: {fail: [{file: sms.txt}]}"),
                 "rules[0] (no-soon).examples", "an example of this kind is a text",
                 id="case-example-for-a-text-rule"),
    pytest.param(("    level: error\n", "    level: error\n    scope: {channels: [fax]}\n"),
                 "rules[0] (no-soon).scope.channels", "unknown channel 'fax'",
                 id="unknown-channel"),
])
def test_an_invalid_rule_is_refused_with_its_place(tmp_path: Path, change: tuple[str, str],
                                                   path: str, message: str) -> None:
    found_path, found_message, line = _problem(tmp_path, RULE.replace(*change))
    assert found_path == path
    assert message in found_message
    assert line is not None and line >= 3


def test_a_duplicate_id_names_the_second_rule(tmp_path: Path) -> None:
    text = RULE + RULE.split("rules:\n", 1)[1]
    path, message, line = _problem(tmp_path, text)
    assert path == "rules[1] (no-soon).id" and "duplicate" in message and line == 9


def test_a_rule_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    _, message, line = _problem(tmp_path, "rules: [\n")
    assert "not valid YAML" in message and line is not None


def test_a_folder_without_rule_files_gets_the_built_in_rules(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    (folder / "en" / "rules.yaml").unlink()
    rules = load_rules(folder, "en")
    assert rules.get("no-call-again") is not None
    assert not lint(folder)


def test_a_rule_can_be_turned_off(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    text = (folder / "en" / "rules.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: placeholder\n    kind: leftover\n    level: error",
                        "  - id: placeholder\n    kind: leftover\n    level: off")
    (folder / "en" / "rules.yaml").write_text(text, encoding="utf-8")
    (folder / "en" / "sms.txt").write_text("TODO {{ f.title }}", encoding="utf-8")
    assert "placeholder" not in {f.rule for f in lint(folder)}


# --- Matchers --------------------------------------------------------------------------------

HE_ADDRESS = DEFAULTS["he"].get("address-form")


@pytest.mark.parametrize(("text", "found"), [
    pytest.param("אם אתה מחכה", "אתה", id="you-masculine"),
    pytest.param("תוכל לנסות", "תוכל", id="you-can"),
    pytest.param("הנך מתבקש", "הנך", id="you-are-formal"),
    pytest.param("החשבון שלך", "שלך", id="yours"),
    pytest.param("נשלח לך", "לך", id="to-you"),
    pytest.param("ולך יש", "ולך", id="to-you-with-prefix"),
    pytest.param("עליך לחכות", "עליך", id="on-you"),
    pytest.param("נחזור אליך", "אליך", id="to-you-2"),
    pytest.param("לקוח יקר/ה", "יקר/ה", id="slash-form"),
    pytest.param("לקוח.ה", "לקוח.ה", id="dot-form"),
    pytest.param("לקוחות יקרים/ות", "יקרים/ות", id="plural-slash-form"),
])
def test_hebrew_singular_address_is_found(text: str, found: str) -> None:
    assert isinstance(HE_ADDRESS, TextRule)
    hit = HE_ADDRESS.matcher.search(text)
    assert hit is not None and hit.found == found


@pytest.mark.parametrize("text", [
    pytest.param("את החשבונית ניתן לקבל במייל", id="accusative-et"),
    pytest.param("המשלוח הלך לאיבוד", id="halakh-contains-lakh"),
    pytest.param("המלך", id="melekh-contains-lakh"),
    pytest.param("לקוחות יקרים, חייגו", id="plural"),
    pytest.param("ניתן להתעדכן באתר", id="impersonal"),
    pytest.param("טופלה.התקלה חזרה", id="sentence-dot-then-word"),
    pytest.param("לכם ועליכם ואליכם", id="plural-pronouns"),
])
def test_hebrew_plural_and_impersonal_address_passes(text: str) -> None:
    assert isinstance(HE_ADDRESS, TextRule)
    assert HE_ADDRESS.matcher.search(text) is None


def test_phrases_match_whole_words_across_spaces_and_case() -> None:
    matcher = Matcher.of(phrases=["call us again"])
    assert [h.found for h in matcher.finditer("CALL us\nagain")] == ["CALL us\nagain"]
    assert matcher.search("recall us again") is None


def test_overlapping_hits_keep_the_earlier_longer_one() -> None:
    matcher = Matcher.of(phrases=["as soon as possible", "as soon as"])
    assert [h.found for h in matcher.finditer("as soon as possible")] == ["as soon as possible"]


def test_gender_forms_match_only_short_suffixes() -> None:
    matcher = Matcher.of(word_patterns=[gender_forms(["ה", "ות"], "/.")])
    assert matcher.search("ו/או") is None
    assert matcher.search("/ה") is None  # no word before the separator


def test_may_match_never_misses_what_finditer_finds() -> None:
    rules = DEFAULTS["he"]
    for rule in rules.text_rules():
        for text in rule.examples.fail:
            assert isinstance(text, str)
            assert rule in rules.candidates(text) or rule.static_only, (rule.id, text)


# --- docs/rules.md ---------------------------------------------------------------------------


def test_docs_rules_md_is_up_to_date() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: python -m crisiscomms.rules.doc > docs/rules.md"


def test_every_kind_is_documented() -> None:
    from crisiscomms.rules import KINDS

    page = rules_markdown()
    for kind in KINDS:
        assert f"| `{kind}` |" in page


def test_rule_base_lists_its_fields_for_docs() -> None:
    assert {"id", "kind", "level", "message", "scope", "examples"} <= set(RuleBase.model_fields)
