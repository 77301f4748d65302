"""Where templates run: Jinja2's immutable sandbox, bounded in loops, size and time, reading
only regular files inside the team's folder.

A template is the comms team's code, run in CI and on the preview page: a mistake (or a hostile
pull request) must end as a :class:`~crisiscomms.errors.TemplateError`, never as a hang, a
memory blow-up or a file from outside the folder printed as an SMS. Four guards, each with its
limit in ``[limits]`` of ``crisiscomms.toml`` (:class:`~crisiscomms.config.Limits`):

- **Steps.** Every loop iteration, call, filter and intercepted operator is a step; an output
  that takes more than ``loop_iterations`` steps is stopped. ``range()`` refuses more items
  than that up front, so ``range(10**10)`` stops at once.
- **Size.** No value a template builds (``*``, ``+``, ``~``, ``%``, ``format``, ``join``,
  ``replace``, padding) may exceed ``output_chars`` characters, and an output stops growing at
  that size; all the text built while rendering one output is bounded too.
- **Time.** An output that takes more than ``seconds`` of CPU time (its thread's, not the wall
  clock: a render on a loaded machine is not stopped for waiting its turn) is stopped, checked
  every few steps and pieces of output.
- **Files.** The loader reads only regular files inside the folder, up to ``template_bytes``
  (:mod:`crisiscomms.folder`).

>>> from crisiscomms.config import Limits
>>> env = bounded_environment("/nonexistent", "en", Limits(loop_iterations=100))
>>> run_bounded(env.from_string("{{ range(3)|join(',') }}"), {}, Limits())
'0,1,2'
>>> run_bounded(env.from_string("{% for i in range(10**6) %}{% endfor %}"), {}, Limits())
Traceback (most recent call last):
...
crisiscomms.sandbox.RunawayError: range() of 1000000 items; at most 100 (limits.loop_iterations)
"""

from __future__ import annotations

import functools
import os
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, Template, TemplateNotFound, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .config import Limits
from .errors import TemplateError
from .folder import UnsafeFileError, read_regular

__all__ = ["SANDBOX_VERSION", "BoundedSandbox", "Fill", "FolderLoader", "RunawayError",
           "bounded_environment", "bundle_scope", "read_as_items", "run_bounded"]

SANDBOX_VERSION = "bounded-1"
"""Changes whenever the generated code changes: part of the bytecode cache's folder name."""

BUILT_FACTOR = 20
"""All the text built while rendering one output (every intermediate value counted) may be
this many times ``output_chars``: room for honest work, none for a doubling loop."""


class RunawayError(Exception):
    """A template went over a limit. Not a Jinja or ``ValueError`` subclass on purpose: no
    filter's ``except`` clause may swallow it."""


# The CPU time of this thread, not the wall clock: a runaway template burns it, while a render
# on a loaded machine (a crisis, a CI run beside others) waits for its turn without it. Read
# every _EVERY steps: it is a system call (~0.6 us against ~0.05 us for the wall clock).
_EVERY = 32


@dataclass
class _Budget:
    limits: Limits
    deadline: float
    steps: int = 0
    built: int = 0
    output: int = 0
    check_at: int = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.limits.loop_iterations:
            raise RunawayError(f"more than {self.limits.loop_iterations} loop iterations and "
                               "calls (limits.loop_iterations)")
        if self.steps >= self.check_at:
            self.check_at = self.steps + _EVERY
            if time.thread_time() > self.deadline:
                raise RunawayError(f"ran longer than {self.limits.seconds:g} s (limits.seconds)")

    def size(self, chars: int, what: str = "a value", unit: str = "characters") -> None:
        if chars > self.limits.output_chars:
            raise RunawayError(f"{what} of {chars} {unit}; at most "
                               f"{self.limits.output_chars} (limits.output_chars)")

    def build(self, chars: int) -> None:
        self.built += chars
        if self.built > self.limits.output_chars * BUILT_FACTOR:
            raise RunawayError(f"built more than {self.limits.output_chars * BUILT_FACTOR} "
                               f"characters of text (limits.output_chars x {BUILT_FACTOR})")


_ACTIVE: ContextVar[_Budget | None] = ContextVar("crisiscomms_template_budget", default=None)

_BUNDLE: ContextVar[object | None] = ContextVar("crisiscomms_bundle", default=None)
"""The bundle being rendered (:func:`bundle_scope`): a template looked up once in it is given
again without a look at its file until the next bundle (:meth:`BoundedSandbox.get_template`)."""


@contextmanager
def bundle_scope() -> Iterator[None]:
    """Render one bundle: each template is looked up, and its file checked for changes, once
    in it, not at every lookup (a template edited while a bundle renders is picked up by the
    next bundle)."""
    token = _BUNDLE.set(object())
    try:
        yield
    finally:
        _BUNDLE.reset(token)


def _step() -> None:
    budget = _ACTIVE.get()
    if budget is not None:
        budget.step()


_DEFAULT_LIMITS = Limits()


def _size(chars: int, what: str = "a value", unit: str = "characters") -> None:
    # Outside a render (Jinja folds constant filters while compiling) the default limits
    # hold: a refusal there only means the filter runs at render time, under the budget.
    budget = _ACTIVE.get()
    if budget is not None:
        budget.size(chars, what, unit)
    elif chars > _DEFAULT_LIMITS.output_chars:
        raise RunawayError(f"{what} of {chars} {unit}")


def _built(value: Any) -> Any:
    budget = _ACTIVE.get()
    if budget is not None and isinstance(value, str | list | tuple):
        budget.size(len(value), *(("a value",) if isinstance(value, str)
                                  else ("a list", "items")))
        budget.build(len(value))
    return value


# A printf-style or format() width or precision: the number that pads a value.
_PRINTF_SPEC = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMATTER = string.Formatter()


def _longest(values: Iterable[Any]) -> int:
    return max((len(str(v)) for v in values), default=0)


def _arguments(args: Any) -> list[Any]:
    if isinstance(args, tuple):
        return list(args)
    if isinstance(args, Mapping):
        return list(args.values())
    return [args]


def _check_printf(fmt: str, args: Any = ()) -> None:
    """``fmt % args``: no width beyond the size limit, and the result (each field as long as
    the longest argument) within it, checked before it is built."""
    fields = 0
    for match in _PRINTF_SPEC.finditer(fmt):
        fields += 1
        for part in match.groups():
            if part == "*":
                raise RunawayError("a width taken from the arguments ('*') is not allowed")
            if part is not None:
                _size(int(part), "a width")
    _size(len(fmt) + fields * _longest(_arguments(args)), "a formatted text")


def _check_format(fmt: str, values: Iterable[Any] = ()) -> None:
    """``fmt.format(...)``: as :func:`_check_printf`, for ``{}`` fields."""
    try:
        parsed = list(_FORMATTER.parse(fmt))
    except ValueError:
        return  # str.format itself reports the malformed string
    fields = 0
    for _, name, spec, _ in parsed:
        fields += name is not None
        if spec and "{" in spec:
            raise RunawayError("a width taken from the arguments ('{:{w}}') is not allowed")
        for number in re.findall(r"\d+", spec or ""):
            _size(int(number), "a width")
    _size(len(fmt) + fields * _longest(values), "a formatted text")


def _joined(items: Iterable[Any], separator: str) -> list[Any]:
    """The items of a join, taken one at a time so an endless or huge iterable stops at the
    size limit instead of being held in memory whole."""
    kept: list[Any] = []
    total = 0
    for item in items:
        _step()
        total += len(str(item)) + len(separator)
        _size(total, "a joined text")
        kept.append(item)
    return kept


def _replaced_size(text: str, old: str, new: str, count: int | None) -> int:
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def _guard_method(obj: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Size checks before a ``str`` method that can make a text larger than its input."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        _size(args[0], "a width")
    elif name == "expandtabs":
        tab = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(tab, int):
            _size(len(owner) + owner.count("\t") * max(tab, 0))
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        count = args[2] if len(args) > 2 and isinstance(args[2], int) else None
        _size(_replaced_size(owner, args[0], args[1], count))


def _filter_guard(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that counts as a step, is size-checked before it can grow a text, and has its
    result counted as text built."""
    passes = getattr(func, "jinja_pass_arg", None)
    skip = 1 if passes is not None else 0  # context, eval context or environment first

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _step()
        rest = args[skip:]
        value = rest[0] if rest else None
        more = rest[1:]
        if name == "join" and value is not None:
            sep = more[0] if more else kwargs.get("d", "")
            args = (*args[:skip], _joined(value, str(sep)), *more)
        elif name == "center":
            width = more[0] if more else kwargs.get("width", 80)
            if isinstance(width, int):
                _size(width, "a width")
        elif name == "indent" and isinstance(value, str):
            width = more[0] if more else kwargs.get("width", 4)
            pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
            _size(len(value) + (value.count("\n") + 1) * max(pad, 0))
        elif name == "format" and isinstance(value, str):
            _check_printf(value, kwargs or tuple(more))
        elif name == "replace" and isinstance(value, str) and len(more) >= 2:
            old, new = str(more[0]), str(more[1])
            count = more[2] if len(more) > 2 and isinstance(more[2], int) else None
            _size(_replaced_size(value, old, new, count))
        return _built(func(*args, **kwargs))

    return guarded


def _bounded_join(pieces: Iterable[str]) -> str:
    kept = list(pieces)
    _size(sum(len(p) for p in kept), "a joined text")
    return str(_built("".join(kept)))


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every ``for`` loop's iterable counted step by step and
    every ``~`` concatenation size-checked before it is joined."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(nodes.EnvironmentAttribute("bounded_iter"), [node.iter], [],
                               None, None, lineno=node.iter.lineno)
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # As Jinja's own, with the parts handed to bounded_concat before they are joined.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


_ITEMS: dict[type, frozenset[str]] = {}
"""Mapping types whose ``x.name`` is ``x["name"]`` for every name that is not an attribute of
the type (:func:`read_as_items`), with the names that are."""


def read_as_items(cls: type) -> None:
    """Let templates read ``obj.name`` on instances of ``cls`` (exactly that type, with
    ``__slots__`` and no ``__getattr__``) as ``obj["name"]`` without first trying, and failing,
    an attribute lookup: what the sandbox does for every other object, and the most frequent
    operation of a render (every ``f.x``). The result is the sandbox's own: a name that is an
    attribute of the type still goes through the sandbox's attribute checks."""
    if hasattr(cls, "__getattr__") or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__} must have __slots__ and no __getattr__")
    _ITEMS[cls] = frozenset(dir(cls))


def _width(texts: Any) -> int:
    """The characters of a text, of a list of texts (``None`` counts none) or a number as is."""
    if texts is None:
        return 0
    if isinstance(texts, int):
        return texts
    if isinstance(texts, list | tuple):
        return sum(_width(t) for t in texts)
    return len(str(texts))


class Fill:
    """The room a wording leaves under its channel's budget (``room``), spent by a template in
    its own order: ``fill(room)`` in a template. Each part is given as the words it adds
    (``add``) and, when it replaces a shorter form, the words it drops (``drop``); ``margin``
    is what bidi controls may weigh; ``spare`` is room a check may count on beyond what is
    left. The template holds the wording; the lengths are counted here.

    >>> fit = Fill(10)
    >>> fit.take("four"), fit.left, fit.take("seven!!"), fit.left
    (True, 6, False, 6)
    """

    __slots__ = ("left",)

    def __init__(self, room: int) -> None:
        self.left = room

    def fits(self, add: Any = (), drop: Any = (), margin: int = 0, spare: Any = 0,
             longer: bool = False) -> bool:
        """Whether the part fits in what is left (and, with ``longer``, adds something)."""
        width = _width(add) - _width(drop) + margin
        room = self.left + _width(spare)
        return (width > 0 or not longer) and room > 0 and width <= room

    def take(self, add: Any = (), drop: Any = (), margin: int = 0, spare: Any = 0,
             longer: bool = False) -> bool:
        """:meth:`fits`, and the part's width spent when it does."""
        if not self.fits(add, drop, margin, spare, longer):
            return False
        self.spend(add, drop, margin)
        return True

    def spend(self, add: Any = (), drop: Any = (), margin: int = 0) -> bool:
        """The part's width spent, fitting or not (a part chosen by the template)."""
        self.left -= _width(add) - _width(drop) + margin
        return True

    def give(self, drop: Any, margin: int = 0) -> bool:
        """Words dropped to make room: their width is left again."""
        self.left += _width(drop) + margin
        return True


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with steps, sizes and time bounded (see the module's doc).
    The limits of the render under way are set by :func:`run_bounded`."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits, **options: Any) -> None:
        super().__init__(**options)
        self.limits = limits
        # Lorem ipsum has no place in a message, and its one call can build megabytes.
        self.globals.pop("lipsum", None)
        self.globals["range"] = self._range
        self.globals["fill"] = Fill  # what fits in the room left (a wording's fill)
        self.filters = {name: _filter_guard(name, func) for name, func in self.filters.items()}
        # What a macro, a {% set %} block or a caller returns is joined with this: its pieces
        # are all in hand, so their sizes are checked before the join allocates.
        self.concat = _bounded_join  # type: ignore[method-assign]
        # The templates given in the latest bundle (bundle_scope), by name.
        self._bundle: tuple[object | None, dict[str, Template]] = (None, {})

    def get_template(self, name: str | Template, parent: str | None = None,
                     globals: Any = None) -> Template:
        """Jinja's lookup; within a bundle (:func:`bundle_scope`) once per name: the file is
        checked for changes at the first lookup and the same template given after that,
        without Jinja's cache, lock and freshness call. Only the latest bundle's are kept."""
        scope = _BUNDLE.get()
        if scope is None or globals or isinstance(name, Template):
            return super().get_template(name, parent, globals)
        if parent is not None:
            name = self.join_path(name, parent)
        if self._bundle[0] is not scope:
            self._bundle = (scope, {})
        kept = self._bundle[1]
        found = kept.get(name)
        if found is None:
            found = kept[name] = super().get_template(name)
        return found

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``; a type given to :func:`read_as_items` skips the failed attribute
        lookup that Jinja's sandbox makes before it reads an item."""
        names = _ITEMS.get(type(obj))
        if names is not None and attribute not in names:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def _range(self, *args: int) -> range:
        items = range(*args)
        if len(items) > self.limits.loop_iterations:
            raise RunawayError(f"range() of {len(items)} items; at most "
                               f"{self.limits.loop_iterations} (limits.loop_iterations)")
        return items

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a ``for`` loop, one step each."""
        for item in iterable:
            _step()
            yield item

    def bounded_concat(self, join: Callable[[tuple[Any, ...]], str],
                       parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ ...``: the parts' sizes are checked before they are joined."""
        _step()
        _size(sum(len(p) if isinstance(p, str) else len(str(p)) for p in parts),
              "a joined text")
        return str(_built(join(parts)))

    def call(__self, __context: Context, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        """Every call in a template: a step, and a size check for the ``str`` methods that
        can grow a text."""
        _step()
        _guard_method(__obj, args, kwargs)
        return _built(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``"...".format(...)``: its widths are size-checked first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = value.__self__
        _check_format(fmt)

        def checked(*args: Any, **kwargs: Any) -> str:
            given = [*args, *kwargs.values()]
            if len(args) == 1 and isinstance(args[0], Mapping):  # format_map
                given += list(args[0].values())
            _check_format(fmt, given)
            return wrapped(*args, **kwargs)

        return checked

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+`` and ``%``, refused before they build something too large."""
        _step()
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if max(left.bit_length(), 1) * right > 64 * 1024:
                raise RunawayError(f"a power too large to compute ({left} ** {right})")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    _size(len(seq) * max(times, 0), *(("a value",) if isinstance(seq, str)
                                                      else ("a list", "items")))
            if isinstance(left, int) and isinstance(right, int) \
                    and left.bit_length() + right.bit_length() > 64 * 1024:
                raise RunawayError("a product too large to compute")
        elif operator == "+" and isinstance(left, str | list | tuple) \
                and isinstance(right, str | list | tuple):
            _size(len(left) + len(right), *(("a value",) if isinstance(left, str)
                                             else ("a list", "items")))
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right)
        return _built(super().call_binop(context, operator, left, right))


class FolderLoader(BaseLoader):
    """Loads ``<folder>/<language>/<name>`` only when every step of the path is a real folder
    or a regular file (no symlink, device or FIFO) and the file is at most ``limit`` bytes;
    anything else is a :class:`TemplateError` of kind ``unsafe_file`` naming the file."""

    def __init__(self, folder: str, language: str, limit: int) -> None:
        self.folder = folder
        self.language = language
        self.limit = limit

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses "..": no way out by name
        relative = os.path.join(self.language, *pieces)
        filename = os.path.join(self.folder, relative)
        try:
            raw, mtime = read_regular(self.folder, relative, self.limit)
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        except UnsafeFileError as exc:
            raise TemplateError(exc.reason, file=filename, kind="unsafe_file") from None
        try:
            source = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TemplateError(f"not UTF-8 text (byte {exc.start})", file=filename,
                                kind="syntax") from None

        def uptodate() -> bool:
            # Jinja asks at every lookup (auto_reload); within one bundle, the sandbox asks
            # once (BoundedSandbox.get_template).
            try:
                return os.lstat(filename).st_mtime_ns == mtime
            except OSError:
                return False

        return source, filename, uptodate


def bounded_environment(folder: str, language: str, limits: Limits,
                        **options: Any) -> BoundedSandbox:
    """The sandbox for ``<folder>/<language>/``: strict undefined names, the folder loader,
    the limits."""
    options.setdefault("undefined", StrictUndefined)
    return BoundedSandbox(limits, loader=FolderLoader(folder, language, limits.template_bytes),
                          **options)


def _flat_globals(template: Template) -> dict[str, Any]:
    """The template's globals (its own over the environment's) as one plain dict, made once:
    Jinja merges the layered mapping into every render's context, key by key."""
    flat: dict[str, Any] | None = template.__dict__.get("_crisiscomms_globals")
    if flat is None:
        flat = template._crisiscomms_globals = dict(template.globals)  # type: ignore[attr-defined]
    return flat


def _generate(template: Template, context: Mapping[str, Any]) -> Iterator[str]:
    """:meth:`jinja2.Template.generate`, with the globals merged from a flat dict (the
    environment's globals are set when it is built and not changed after)."""
    flat = _flat_globals(template)
    env = template.environment
    ctx = env.context_class(env, {**flat, **context}, template.name, template.blocks,
                            globals=flat)
    try:
        yield from template.root_render_func(ctx)
    except Exception:
        yield env.handle_exception()


def run_bounded(template: Template, context: Mapping[str, Any], limits: Limits) -> str:
    """Render ``template`` within ``limits``; :class:`RunawayError` when it goes over one
    (the caller names the template). Recursion too deep counts as going over a limit."""
    budget = _Budget(limits, time.thread_time() + limits.seconds)
    token = _ACTIVE.set(budget)
    try:
        chunks: list[str] = []
        size, most, clock, deadline = 0, limits.output_chars, time.thread_time, budget.deadline
        for chunk in _generate(template, context):
            # Kept lean: a message is hundreds of chunks, rendered for every channel.
            size += len(chunk)
            if size > most:
                budget.size(size, "the output")
            if len(chunks) % 16 == 0 and clock() > deadline:
                raise RunawayError(f"ran longer than {limits.seconds:g} s (limits.seconds)")
            chunks.append(chunk)
        return "".join(chunks)
    except RecursionError:
        raise RunawayError("calls nested too deep (a macro or include calling itself?)") from None
    finally:
        _ACTIVE.reset(token)
