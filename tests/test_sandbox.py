"""The sandbox and SSML escaping, with tests that fail when either is taken away (issue 10,
build item 10): each probe here is refused only because templates run in Jinja2's immutable
sandbox, and the control tests swap in a plain ``jinja2.Environment`` (or drop ``.ssml`` from
autoescaping) to show that the same probe then gets through."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import jinja2
import pytest

from crisiscomms import Message, TemplateError, parse_incident, render
from crisiscomms.config import Limits
from crisiscomms.samples import load_example
from crisiscomms.sandbox import FolderLoader

from .template_copy import TemplateCopy

RENDER: ModuleType = sys.modules["crisiscomms.render"]

# Template lines a plain Jinja2 environment runs and the immutable sandbox refuses.
SANDBOX_ONLY = [
    pytest.param("{{ ''.__class__.__mro__ }}", id="str-mro"),
    pytest.param("{{ f.__class__ }}", id="view-class"),
    pytest.param("{{ '{0.__class__}'.format(f) }}", id="format-attribute"),
    pytest.param("{{ '{x.__class__}'.format_map({'x': f}) }}", id="format-map"),
    pytest.param("{{ plural.__globals__ }}", id="function-globals"),
    pytest.param("{{ cycler.__init__.__globals__ }}", id="cycler-globals"),
    pytest.param("{{ f.get.__self__ }}", id="bound-method-self"),
    pytest.param("{% set d = {} %}{{ d.update({'x': 1}) }}", id="mutate-dict"),
    pytest.param("{% set l = [1] %}{{ l.append(2) }}", id="mutate-list"),
    pytest.param("{{ range(10**7)|length }}", id="huge-range"),
]


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("sandbox") / "templates")


def _fresh() -> None:
    RENDER._environment.cache_clear()
    RENDER._bytecode_cache.cache_clear()


@pytest.fixture()
def swapped(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """A monkeypatch for the render module, with templates compiled afresh (no compiled code
    kept in memory or on disk from before the swap) and again after it."""
    monkeypatch.setenv("CRISISCOMMS_NO_BYTECODE_CACHE", "1")
    _fresh()
    yield monkeypatch
    monkeypatch.undo()
    _fresh()


@pytest.fixture()
def plain_environment(swapped: pytest.MonkeyPatch) -> None:
    """Templates compiled by a plain Jinja2 environment (same options, no sandbox)."""
    def plain(folder: str, language: str, limits: Limits, **options: Any) -> jinja2.Environment:
        return jinja2.Environment(loader=FolderLoader(folder, language, limits.template_bytes),
                                  undefined=jinja2.StrictUndefined, **options)

    swapped.setattr(RENDER, "bounded_environment", plain)


def sms(copy: TemplateCopy, body: str) -> Message:
    with copy.changed("en/sms.txt", "first line\n" + body + "\n"):
        return render(load_example("identified"), languages=["en"], channels=["sms"],
                      templates=copy.folder)["en", "sms"]


@pytest.mark.parametrize("body", SANDBOX_ONLY)
def test_the_sandbox_refuses(copy: TemplateCopy, body: str) -> None:
    with pytest.raises(TemplateError) as info:
        sms(copy, body)
    error = info.value
    assert error.file is not None and error.file.endswith("en/sms.txt")
    assert error.line == 2
    assert error.kind in ("sandbox", "runaway"), error.message


@pytest.mark.parametrize("body", SANDBOX_ONLY)
def test_without_the_sandbox_each_probe_gets_through(copy: TemplateCopy, body: str,
                                                     plain_environment: None) -> None:
    # The control: the probes above are refused by the sandbox, not by anything else.
    assert sms(copy, body).text.startswith("first line")


SSML = ('<s>{{ f.title|striptags }}; {{ "1 < 2 & 3 > 2" }}; '
        '{{ plural(2, one="<one>", other="<two & more>") }}</s>\n')


def ivr_ssml(copy: TemplateCopy) -> str:
    data: dict[str, Any] = load_example("identified").model_dump(mode="json", exclude_none=True)
    data["title"]["en"] = "Fibre & TV <outage>"
    with copy.changed("en/ivr.ssml", SSML):
        bundle = render(parse_incident(data), languages=["en"], channels=["ivr"],
                        templates=copy.folder)
    return bundle["en", "ivr"].ssml or ""


def test_ssml_templates_are_autoescaped(copy: TemplateCopy) -> None:
    # `striptags` turns the escaped title back into a plain string, a literal and plural()
    # give plain strings: only autoescaping keeps each well-formed XML.
    ssml = ivr_ssml(copy)
    spoken = "".join(ET.fromstring(ssml.encode("utf-8")).itertext())
    assert "Fibre & TV" in spoken
    assert "1 < 2 & 3 > 2" in spoken and "<two & more>" in spoken


def test_without_ssml_autoescape_the_ssml_breaks(copy: TemplateCopy,
                                                 swapped: pytest.MonkeyPatch) -> None:
    # The control: with `.ssml` left out of autoescaping, the same template is broken XML.
    swapped.setattr(RENDER, "_autoescape",
                    lambda name: bool(name) and str(name).endswith(".html"))
    with pytest.raises(TemplateError) as info:
        ivr_ssml(copy)
    assert "not well-formed" in info.value.message
    assert info.value.file is not None and info.value.file.endswith("en/ivr.ssml")
