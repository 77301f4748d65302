"""Personal slots: where a template may place what differs from one recipient to the next.

A template (SMS or email) places a recipient's own value as ``{{ recipient.name }}``,
``{{ recipient.reference }}`` or any other column of the recipients file, and may test one
alone to choose wording: ``{% if recipient and recipient.name %}``. ``recipient`` is ``None``
outside bulk rendering, so guard with ``{% if recipient %}`` first. Those are the only two
places: a slot given to a filter, compared, looped over, stored with ``set`` or handed to a
function could change the shared text from one recipient to the next, so it is refused when the
template is compiled, with the file and line.

Because a slot only ever stands alone or is tested for presence, a template renders once per
*variant* (which slots a recipient fills) and the values are joined in afterwards.

>>> from jinja2 import Environment
>>> env = Environment()
>>> sorted(personal_slots(env, "{% if recipient and recipient.name %}Hi {{ recipient.name }}"
...                       "{% endif %}", "en/sms.txt"))
['name']
>>> personal_slots(env, "{{ recipient.name|upper }}", "en/sms.txt")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
crisiscomms.errors.TemplateError: en/sms.txt:1: personal slot recipient.name sits inside logic ...
"""

from __future__ import annotations

from typing import Literal

from jinja2 import Environment, nodes

from ..errors import TemplateError

__all__ = ["RECIPIENT", "personal_slots"]

RECIPIENT = "recipient"
"""The name a template reads a recipient's values from."""

Role = Literal["output", "test", "other"]


def personal_slots(env: Environment, source: str, file: str) -> frozenset[str]:
    """The recipient columns ``source`` places or tests; :class:`TemplateError` naming
    ``file`` and the line for a slot anywhere else."""
    found: set[str] = set()
    _visit(env.parse(source), "other", found, file)
    return frozenset(found)


def _slot(node: nodes.Node) -> str | None:
    """``recipient.x`` or ``recipient["x"]`` -> ``x``."""
    if isinstance(node, nodes.Getattr) and _is_recipient(node.node):
        return node.attr
    if isinstance(node, nodes.Getitem) and _is_recipient(node.node) \
            and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        return node.arg.value
    return None


def _is_recipient(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Name) and node.name == RECIPIENT


def _refuse(node: nodes.Node, what: str, file: str) -> TemplateError:
    return TemplateError(
        f"personal slot {what} sits inside logic that would change the shared text; place it "
        f"alone ({{{{ {what} }}}}) or test it alone ({{% if {what} %}})",
        file=file, line=getattr(node, "lineno", None))


def _visit(node: nodes.Node, role: Role, found: set[str], file: str) -> None:
    slot = _slot(node)
    if slot is not None:
        if role == "other":
            raise _refuse(node, f"{RECIPIENT}.{slot}", file)
        found.add(slot)
        return
    if _is_recipient(node):
        if role != "test":
            raise _refuse(node, RECIPIENT, file)
        return
    if isinstance(node, nodes.Output):
        for placed in node.nodes:
            _visit(placed, "output", found, file)
        return
    if isinstance(node, nodes.If):
        _visit(node.test, "test", found, file)
        for statement in (*node.body, *node.elif_, *node.else_):
            _visit(statement, "other", found, file)
        return
    if isinstance(node, nodes.CondExpr):
        _visit(node.test, "test", found, file)
        branch: Role = "output" if role == "output" else "other"
        _visit(node.expr1, branch, found, file)
        if node.expr2 is not None:
            _visit(node.expr2, branch, found, file)
        return
    if role == "test" and isinstance(node, nodes.And | nodes.Or | nodes.Not):
        for child in node.iter_child_nodes():
            _visit(child, "test", found, file)
        return
    for child in node.iter_child_nodes():
        _visit(child, "other", found, file)
