"""The hot render path (issue 14, item 5): the shortcuts give what the long way gave. No
timing: what is formatted, looked up and checked, counted."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from crisiscomms import render
from crisiscomms.config import default_templates_dir, load_config, load_language
from crisiscomms.facts import Later, View, build_facts, view
from crisiscomms.render import template_set
from crisiscomms.samples import load_example

from .template_copy import TemplateCopy


def _facts(lang: str = "en") -> dict[str, Any]:
    folder = default_templates_dir()
    facts = build_facts(load_example("identified"), load_config(folder),
                        load_language(folder, lang), lang)
    assert isinstance(facts, dict)
    return facts


def test_updates_are_formatted_only_when_read() -> None:
    facts = _facts()
    updates = facts["updates"]
    assert isinstance(updates, Later) and not updates.made()
    v = view(facts, "text", "none")
    assert v["eta"]["when"] and v["services"]  # other facts read: the updates are not made
    assert not updates.made()
    items = v["updates"]
    assert len(items) == len(load_example("identified").updates) > 0
    assert updates.made() and isinstance(items[0]["note"], str)


def test_later_is_the_list_it_makes() -> None:
    made = Later(lambda: [{"n": 1}, {"n": 2}])
    assert isinstance(made, list) and made == [{"n": 1}, {"n": 2}]
    assert list(reversed(made)) == [{"n": 2}, {"n": 1}] and {"n": 2} in made
    assert made + [3] == [{"n": 1}, {"n": 2}, 3]  # noqa: RUF005 - Later's own +
    assert [*made, 3] == [{"n": 1}, {"n": 2}, 3] and made.index({"n": 2}) == 1
    assert repr(Later(lambda: [1])) == "[1]" and not Later(list)


def test_a_bundle_reads_updates_only_for_the_channel_that_shows_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[bool] = []
    original = Later._items

    def counted(self: Later) -> None:
        if not self.made():
            made.append(True)
        original(self)

    monkeypatch.setattr(Later, "_items", counted)
    render(load_example("identified"), channels=["sms", "email", "banner", "ivr"])
    assert made == []
    render(load_example("identified"), languages=["en"], channels=["status_page"])
    assert made


NAMES = ["title", "eta", "nope", "get", "keys", "items", "_node", "__class__", "__len__",
         "internal", "mro"]


@pytest.mark.parametrize("name", NAMES)
def test_f_dot_name_is_what_the_sandbox_gave(name: str) -> None:
    env = template_set().environment("en")
    facts = _facts()
    plain = ImmutableSandboxedEnvironment()

    def outcome(e: Any) -> Any:
        v = View(facts, str, {"internal"})
        try:
            got = e.getattr(v, name)
        except Exception as exc:
            return type(exc)
        if hasattr(got, "_undefined_name"):
            return ("undefined", got._undefined_name, type(got._undefined_obj).__name__)
        return got if not callable(got) else getattr(got, "__name__", "callable")

    assert outcome(env) == outcome(plain)


def test_template_files_are_checked_once_per_bundle(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    copy = TemplateCopy.of_defaults(tmp_path / "templates")
    render(load_example("identified"), templates=copy.folder)  # compiled, in the cache
    seen: list[str] = []
    lstat = os.lstat
    folder = str(copy.folder.resolve())

    def counted(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path).startswith(folder) and str(path).endswith((".txt", ".html", ".ssml")):
            seen.append(str(path))
        return lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", counted)
    render(load_example("identified"), templates=copy.folder)
    assert seen and len(seen) == len(set(seen))  # each file once
    monkeypatch.setattr(os, "lstat", lstat)
    # A file edited between bundles is read again by the next one.
    original = (copy.folder / "en" / "sms.txt").read_text(encoding="utf-8")
    with copy.changed("en/sms.txt", "EDITED " + original):
        bundle = render(load_example("identified"), languages=["en"], channels=["sms"],
                        templates=copy.folder)
    assert bundle["en", "sms"].text.startswith("EDITED")


def test_a_bundle_and_its_checks_look_up_each_language_and_rule_file_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    common = importlib.import_module("crisiscomms.checks.common")
    rendering = importlib.import_module("crisiscomms.render")  # the module, not the function

    looked: list[tuple[str, str]] = []
    load_language, load_rules = rendering.load_language, common.load_rules

    def language(folder: Any, lang: str) -> Any:
        looked.append(("language", lang))
        return load_language(folder, lang)

    def rules(folder: Any, lang: str) -> Any:
        looked.append(("rules", lang))
        return load_rules(folder, lang)

    monkeypatch.setattr(rendering, "load_language", language)
    monkeypatch.setattr(common, "load_rules", rules)
    bundle = render(load_example("identified"))
    assert isinstance(bundle.findings, tuple)
    assert sorted(looked) == [("language", "en"), ("language", "he"),
                              ("rules", "en"), ("rules", "he")]


def test_required_facts_prepares_a_spoken_text_once_per_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from crisiscomms.render import TemplateSet

    bundle = render(load_example("identified"), channels=["ivr"])
    asked: list[str] = []
    language = TemplateSet.language

    def counted(self: TemplateSet, lang: str) -> Any:
        asked.append(lang)
        return language(self, lang)

    monkeypatch.setattr(TemplateSet, "language", counted)
    from crisiscomms.checks.required import check_required_facts

    assert bundle.findings is not None
    asked.clear()
    from crisiscomms.checks.base import Context

    facts = {lang: _facts(lang) for lang in ("he", "en")}
    list(check_required_facts(Context(bundle, template_set(), facts)))
    assert sorted(asked) == ["en", "he"]  # once per message, not once per required fact
