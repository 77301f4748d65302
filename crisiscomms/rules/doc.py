"""docs/rules.md, generated from the rule kinds (code) and the rule files (data).

Run ``python -m crisiscomms.rules.doc > docs/rules.md`` after changing a rule file or a kind; a
test fails while the committed page is stale. Give a template folder to document its rules.

>>> page = rules_markdown()
>>> page.startswith("# Wording rules")
True
>>> "| `no-call-again` |" in page
True
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence

from ..config import default_templates_dir, load_config
from . import KINDS, Case, RuleBase, RuleSet, load_rules

__all__ = ["main", "rules_markdown"]

_BASE_FIELDS = set(RuleBase.model_fields)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# Controls an example must show (a bidi override, a NUL) are written as escapes: raw, they
# would turn the page around or make it a binary file.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069]")


def _code(text: str) -> str:
    text = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04X}", text)
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _scope(rule: RuleBase) -> str:
    parts = []
    if rule.scope.channels is not None:
        parts.append("channels: " + ", ".join(rule.scope.channels))
    if rule.scope.audiences is not None:
        parts.append("audiences: " + ", ".join(a.value for a in rule.scope.audiences))
    return "; ".join(parts) or "all channels"


def _example(item: str | Case) -> str:
    if isinstance(item, str):
        return _code(item)
    parts = []
    if item.file is not None:
        parts.append(f"`{item.file}` " + ("removed" if item.template is None
                                           else "= " + _code(item.template)))
    if item.incident:
        parts.append("incident " + _code(json.dumps(item.incident, ensure_ascii=False)))
    return "; ".join(parts)


def _kinds() -> Iterator[str]:
    yield "## Rule kinds\n"
    yield ("Every rule has `id`, `kind`, `level` (`error`, `warning`, `info` or `off`), "
           "`message` (with the kind's placeholders), optional `description`, `link` and "
           "`scope` (`channels` and/or `audiences`; a rule scoped so leaves the complaint-case "
           "letters alone unless `letters` is among its channels), and `examples` (`fail` and "
           "`pass`: texts "
           "for rules about words, cases for the others). A pattern is a Python regular "
           "expression, case-sensitive unless it starts with `(?i)`; phrases and words match "
           "whole words, ignoring case unless `ignorecase: false`.\n")
    yield "| kind | checks | looks at | options | placeholders |"
    yield "|---|---|---|---|---|"
    for name, model in KINDS.items():
        doc = " ".join((model.__doc__ or "").split("\n\n")[0].split()).replace("``", "`")
        options = ", ".join(f"`{f}`" for f in model.model_fields if f not in _BASE_FIELDS)
        params = ", ".join(f"`{{{p}}}`" for p in sorted(model.PARAMS))
        yield f"| `{name}` | {_cell(doc)} | {model.WHERE} | {options or '-'} | {params} |"
    yield ""


def _ruleset(rules: RuleSet, folder: str) -> Iterator[str]:
    yield f"## Language `{rules.language}`\n"
    yield f"From `{os.path.relpath(rules.file, folder)}`.\n"
    yield "| id | kind | level | scope | what it asks |"
    yield "|---|---|---|---|---|"
    for rule in rules.rules:
        yield (f"| `{rule.id}` | {rule.kind} | {rule.level} | {_scope(rule)} | "
               f"{_cell(rule.description or '')} |")
    yield ""
    for rule in rules.rules:
        yield f"### `{rule.id}` ({rules.language})\n"
        yield f"- message: {_code(rule.message)}"
        if shortest := getattr(rule, "shortest", None):
            yield f"- added when even the shortest wording is over: {_code(shortest)}"
        if names := getattr(rule, "names", None):
            yield f"- then, for services without a short name: {_code(names)}"
        if given := getattr(rule, "given", None):
            yield f"- instead, when the short form is given and dropped too: {_code(given)}"
        if rule.link:
            yield f"- link: <{rule.link}>"
        if getattr(rule, "when", None) == "long-outage":
            yield ("- only after a long outage: from `[compensation] long_outage_hours` of "
                   "outage on, in messages (not in templates' own text)")
        for group, items in (("fails", rule.examples.fail), ("passes", rule.examples.pass_)):
            for item in items:
                yield f"- {group}: {_example(item)}"
        yield ""


def rules_markdown(templates: str | os.PathLike[str] | None = None) -> str:
    """The rules page for a template folder (default: the built-in templates)."""
    folder = os.fspath(templates) if templates is not None else str(default_templates_dir())
    # The configured languages first, then every other language folder shipped (ar, ru).
    from ..render import template_set

    listed = load_config(folder).organisation.languages
    languages = [*listed, *(lang for lang in template_set(folder).shipped_languages()
                            if lang not in listed)]
    lines = ["# Wording rules", "",
             "<!-- Generated by `python -m crisiscomms.rules.doc > docs/rules.md`; "
             "do not edit by hand. -->", "",
             "The rules `crisiscomms lint` and `crisiscomms check` apply, and "
             "`Bundle.findings` reports. Rule kinds are code; the rules themselves are data in "
             "`templates/<lang>/rules.yaml`, owned by the comms team. Length limits are in "
             "`templates/crisiscomms.toml`.", ""]
    lines += _kinds()
    for lang in languages:
        lines += _ruleset(load_rules(folder, lang), folder)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the rules page (of the folder given as the only argument, if any)."""
    args = list(sys.argv[1:] if argv is None else argv)
    sys.stdout.write(rules_markdown(args[0] if args else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
