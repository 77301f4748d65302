"""A hostile template folder: files read only from regular files inside it, invisible controls
reported at their line, runaway templates stopped by the limits of ``[limits]``."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.cli import main
from crisiscomms.config import Limits
from crisiscomms.errors import ConfigError, TemplateError
from crisiscomms.folder import problem, unsafe_entries
from crisiscomms.lint import lint
from crisiscomms.samples import example_path, load_example

from .template_copy import TemplateCopy


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("folders") / "team")


@contextmanager
def replaced(path: Path, make: str, target: str = "") -> Iterator[Path]:
    """``path`` replaced by a symlink to ``target`` (``make="link"``) or a FIFO, then put back."""
    before = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    path.unlink(missing_ok=True)
    try:
        if make == "link":
            path.symlink_to(target)
        else:
            os.mkfifo(path)
        yield path
    finally:
        path.unlink(missing_ok=True)
        if before is not None:
            path.write_bytes(before)
            stamp = path.stat().st_mtime_ns + 10_000_000
            os.utime(path, ns=(stamp, stamp))


def with_limits(config: Path, **values: str) -> str:
    """The config's text with these ``[limits]`` set (the default config has the section)."""
    text = config.read_text(encoding="utf-8")
    assert "\n[limits]\n" in text
    for key, value in values.items():
        text, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
        assert count == 1, key
    return text


def render_sms(folder: Path) -> str:
    return render(load_example("identified"), languages=["en"], channels=["sms"],
                  templates=folder)["en", "sms"].text


# --- Files: only regular files inside the folder --------------------------------------------


def test_a_symlink_out_of_the_folder_is_refused_naming_the_file(copy: TemplateCopy) -> None:
    sms = copy.folder / "en" / "sms.txt"
    with replaced(sms, "link", "/etc/passwd"):
        with pytest.raises(TemplateError) as caught:
            render_sms(copy.folder)
        assert caught.value.kind == "unsafe_file"
        assert caught.value.file == str(sms) and "/etc/passwd" in caught.value.message
        code, out, err = run("render", str(example_path("identified")), "--templates",
                             str(copy.folder), "--lang", "en", "--channel", "sms")
        assert (code, out) == (3, "") and str(sms) in err and "root:" not in err
        code, out, err = run("lint", str(copy.folder))
        assert (code, out) == (3, "") and str(sms) in err and "outside" in err
    assert "Netivim" in render_sms(copy.folder)


def test_a_symlink_loop_is_refused_not_a_crash(copy: TemplateCopy) -> None:
    sms = copy.folder / "en" / "sms.txt"
    other = copy.folder / "en" / "loop.txt"
    with replaced(sms, "link", str(other)), replaced(other, "link", str(sms)):
        with pytest.raises(TemplateError, match="loop") as caught:
            render_sms(copy.folder)
        assert caught.value.kind == "unsafe_file"
        code, _, err = run("lint", str(copy.folder))
        assert code == 3 and "loop" in err and "Traceback" not in err


def test_a_symlink_inside_the_folder_is_refused_too(copy: TemplateCopy) -> None:
    sms = copy.folder / "en" / "sms.txt"
    with replaced(sms, "link", str(copy.folder / "en" / "banner.txt")):
        assert problem(copy.folder, "en/sms.txt", limit=10**6) is not None
        with pytest.raises(TemplateError, match="inside the folder"):
            render_sms(copy.folder)


def test_a_fifo_is_refused_without_blocking(copy: TemplateCopy) -> None:
    sms = copy.folder / "en" / "sms.txt"
    with replaced(sms, "fifo"):
        with pytest.raises(TemplateError, match="FIFO") as caught:
            render_sms(copy.folder)
        assert caught.value.kind == "unsafe_file"
        code, _, err = run("lint", str(copy.folder))
        assert code == 3 and "FIFO" in err and str(sms) in err


def test_a_template_over_the_size_limit_is_refused(copy: TemplateCopy) -> None:
    size = Limits().template_bytes + 1
    with copy.changed("en/sms.txt", "x" * size):
        with pytest.raises(TemplateError, match=f"{size} bytes; at most") as caught:
            render_sms(copy.folder)
        assert caught.value.kind == "unsafe_file"


def test_an_include_cannot_climb_out_of_the_folder(copy: TemplateCopy) -> None:
    with copy.changed("en/sms.txt", '{% include "../../../../etc/passwd" %}'):
        with pytest.raises(TemplateError) as caught:
            render_sms(copy.folder)
        # Jinja refuses ".." in a template name: the include is simply not found.
        assert caught.value.kind == "runtime" and "etc/passwd" in caught.value.message


def test_a_language_folder_that_is_a_symlink_is_refused(copy: TemplateCopy,
                                                        tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    he = copy.folder / "he"
    moved = copy.folder / ".he-moved"
    he.rename(moved)
    try:
        he.symlink_to(moved)
        with pytest.raises(ConfigError) as caught:
            render(load_example("identified"), languages=["he"], channels=["sms"],
                   templates=copy.folder)
        assert caught.value.file is not None and caught.value.file.endswith("language.toml")
        assert "symbolic link" in caught.value.problems[0].message
    finally:
        he.unlink()
        moved.rename(he)


@pytest.mark.parametrize("relative", ["crisiscomms.toml", "en/language.toml", "en/rules.yaml"])
def test_config_language_and_rule_files_are_read_only_when_regular(copy: TemplateCopy,
                                                                   relative: str) -> None:
    path = copy.folder / relative
    outside = path.read_bytes()
    target = path.parent / ".outside-copy"
    target.write_bytes(outside)
    try:
        with replaced(path, "link", str(target)):
            code, _, err = run("lint", str(copy.folder))
            assert code == 3 and str(path) in err and "symbolic link" in err
        with replaced(path, "fifo"):
            code, _, err = run("check", str(example_path("identified")), "--templates",
                               str(copy.folder))
            assert code == 3 and str(path) in err and "FIFO" in err
    finally:
        target.unlink()


def test_a_language_code_cannot_name_a_path(copy: TemplateCopy) -> None:
    text = (copy.folder / "crisiscomms.toml").read_text(encoding="utf-8")
    changed = text.replace('languages = ["he", "en"]', 'languages = ["he", "../../etc"]')
    assert changed != text
    with copy.changed("crisiscomms.toml", changed):
        code, _, err = run("lint", str(copy.folder))
    assert code == 3 and "organisation.languages[1]" in err


def test_unsafe_entries_lists_every_symlink_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "sms.txt").write_text("ok", encoding="utf-8")
    (tmp_path / "en" / "out.txt").symlink_to("/etc/hostname")
    os.mkfifo(tmp_path / "pipe")
    found = dict(unsafe_entries(tmp_path))
    assert set(found) == {str(tmp_path / "en" / "out.txt"), str(tmp_path / "pipe")}


# --- Invisible controls in templates ---------------------------------------------------------


@pytest.mark.parametrize(("text", "rule", "char"), [
    ("{{ f.title }}\nsee \u202eexample", "template-bidi-control", "U+202E"),
    ("{{ f.title }}\nsee \u2066x\u2069", "template-bidi-control", "U+2066"),
    ('{{ f.title }}\n{{ "\\u202e" }}', "template-bidi-control", "U+202E"),
    ("{{ f.title }}\nsee\x00 this", "template-control-char", "U+0000"),
    ("{{ f.title }}\nsee\x1b[31m this", "template-control-char", "U+001B"),
])
def test_a_control_in_a_template_is_an_error_at_its_line(copy: TemplateCopy, text: str,
                                                         rule: str, char: str) -> None:
    with copy.changed("en/banner.txt", text) as path:
        found = [f for f in lint(copy.folder) if f.rule == rule]
        assert {(f.file, f.line, f.severity) for f in found} == {(str(path), 2, "error")}
        assert char in found[0].message and found[0].column is not None
        code, _, _ = run("lint", str(copy.folder))
        assert code == 1


def test_tabs_line_breaks_and_windows_line_endings_are_fine(copy: TemplateCopy) -> None:
    with copy.changed("en/banner.txt", "{{ f.title }}\r\n\t{{ f.status }}\r\n"):
        assert not [f for f in lint(copy.folder) if f.rule.startswith("template-")]


# --- Runaway templates ------------------------------------------------------------------------

RUNAWAY = [
    pytest.param("{% for i in range(10**10) %}{{ i }}{% endfor %}", "range()", id="range"),
    pytest.param("{% set l = range(5000)|list %}{% for a in l %}{% for b in l %}{% endfor %}"
                 "{% endfor %}", "loop iterations", id="nested-loops"),
    pytest.param("{% for s in f.services %}{% for a in range(9000) %}{% for b in range(9000) "
                 "%}{% endfor %}{% endfor %}{% endfor %}", "loop iterations", id="nested-data"),
    pytest.param("{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}"
                 "{{ m(40) }}", "loop iterations", id="macro-fan-out"),
    pytest.param("{% macro m(n) %}{{ m(n+1) }}{% endmacro %}{{ m(0) }}", "nested too deep",
                 id="recursion"),
    pytest.param("{{ 'x' * 10**9 }}", "characters", id="repeat"),
    pytest.param("{% set ns = namespace(x='ab') %}{% for i in range(40) %}"
                 "{% set ns.x = ns.x ~ ns.x %}{% endfor %}", "characters", id="doubling"),
    pytest.param("{% for i in range(9000) %}{{ 'y' * 100 }}{% endfor %}", "the output",
                 id="output"),
    pytest.param("{{ 'x'|center(10**9) }}", "width", id="center"),
    pytest.param("{{ 'x'.ljust(10**9) }}", "width", id="ljust"),
    pytest.param("{{ '%0999999999d' % 1 }}", "width", id="printf"),
    pytest.param("{{ '{:>999999999}'.format(1) }}", "width", id="format"),
    pytest.param("{{ range(9000)|map('center', 150000)|join }}", "characters", id="join"),
    pytest.param("{% set a = 'a' * 100000 %}{{ a.replace('a', a) }}", "characters",
                 id="replace"),
    pytest.param("{{ (10**1000) ** 1000 }}", "power", id="power"),
    pytest.param("{% set x = 'a' * 150000 %}{{ ('{0}' * 2000).format(x) }}", "formatted",
                 id="format-fields"),
    pytest.param("{% set x = 'a' * 150000 %}{{ ('%s' * 2000) % ((x,) * 2000) }}", "formatted",
                 id="printf-fields"),
    pytest.param("{% set x = 'a' * 200000 %}{% macro m() %}{% for i in range(9000) %}{{ x }}"
                 "{% endfor %}{% endmacro %}{{ m()|length }}", "a joined text", id="macro-output"),
    pytest.param("{% set x = 'a' * 200000 %}{% set y %}{% for i in range(9000) %}{{ x }}"
                 "{% endfor %}{% endset %}{{ y|length }}", "characters", id="set-block"),
]


@pytest.mark.parametrize(("template", "said"), RUNAWAY)
def test_a_runaway_template_is_stopped_naming_it(copy: TemplateCopy, template: str,
                                                 said: str) -> None:
    with copy.changed("en/sms.txt", "{{ f.title }}\n" + template) as path, \
            pytest.raises(TemplateError) as caught:
        render_sms(copy.folder)
    assert caught.value.kind == "runaway", caught.value
    assert caught.value.file == str(path) and said in caught.value.message


def test_the_time_budget_stops_a_slow_template(copy: TemplateCopy) -> None:
    slow = "{% for i in range(100000) %}{{ range(1000)|sort|sum }}{% endfor %}"
    config = with_limits(copy.folder / "crisiscomms.toml", loop_iterations="1000000",
                         seconds="0.05")
    with copy.changed("crisiscomms.toml", config), copy.changed("en/sms.txt", slow), \
            pytest.raises(TemplateError, match=re.escape("limits.seconds")) as caught:
        render_sms(copy.folder)
    assert caught.value.kind == "runaway"


def test_lint_reports_a_runaway_template_as_an_error_finding(copy: TemplateCopy) -> None:
    with copy.changed("en/sms.txt", "{{ f.title }}\n{% for i in range(10**10) %}x{% endfor %}"):
        code, out, err = run("lint", str(copy.folder), "--format", "json")
    assert code == 1, err
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "template-runaway"]
    assert [(f["file"], f["line"]) for f in found] == [(str(copy.folder / "en" / "sms.txt"), 2)]


def test_brackets_nested_thousands_deep_are_a_syntax_error(copy: TemplateCopy) -> None:
    deep = "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}"
    with copy.changed("en/sms.txt", deep) as path:
        with pytest.raises(TemplateError, match="nested too deeply") as caught:
            render_sms(copy.folder)
        assert caught.value.kind == "syntax" and caught.value.file == str(path)
        code, out, _ = run("lint", str(copy.folder))
        assert code == 1 and "template-syntax" in out


@pytest.mark.parametrize(("key", "value"), [
    ("seconds", "600"),
    ("loop_iterations", "10000000000"),
    ("output_chars", "'lots'"),
])
def test_limits_are_bounded_in_the_config(copy: TemplateCopy, key: str, value: str) -> None:
    text = with_limits(copy.folder / "crisiscomms.toml", **{key: value})
    field = f"limits.{key}"
    with copy.changed("crisiscomms.toml", text):
        code, _, err = run("render", str(example_path("identified")), "--templates",
                           str(copy.folder))
    assert code == 3 and field in err


@pytest.mark.parametrize(("template", "kind"), [
    ("{{ f.titel }}", "undefined"),
    ("{{ f.title.__class__ }}", "sandbox"),
    ("{{ f.title }", "syntax"),
    ("{{ plural(f.service_count) }}", "runtime"),
])
def test_template_errors_carry_their_kind(copy: TemplateCopy, template: str, kind: str) -> None:
    with copy.changed("en/sms.txt", template), pytest.raises(TemplateError) as caught:
        render_sms(copy.folder)
    assert caught.value.kind == kind
