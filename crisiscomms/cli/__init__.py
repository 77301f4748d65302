"""The ``crisiscomms`` command: thin; it parses, calls the library, prints, sets the exit code.

A user's mistake is one short paragraph on stderr naming the file and the place, never a
traceback. A bug in crisiscomms itself is one line asking the user to report it (exit 70); the
traceback only with ``--debug``. Exit codes (:mod:`crisiscomms.cli.exits`): 0 clean, 1 error
findings, 2 usage, 3 bad input, 4 stale statement, 70 internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ..errors import CrisisError, InputError
from .exits import Exit

__all__ = ["Exit", "main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(Exit.USAGE, f"{self.prog}: error: {message}\n")


def _fail(error: Exception, stream: TextIO) -> int:
    if isinstance(error, InputError):
        lines = [p.describe(error.file) for p in error.problems]
        stream.write("crisiscomms: invalid input\n" + "\n".join(f"  {x}" for x in lines) + "\n")
    else:
        stream.write(f"crisiscomms: {error}\n")
    # An error may name its own code (a stale statement is 4); any other is bad input.
    return int(getattr(error, "exit_code", Exit.BAD_INPUT))


def _message_dict(message: Any) -> dict[str, Any]:
    return {"language": message.language, "channel": message.channel,
            "subject": message.subject, "text": message.text, "html": message.html,
            "ssml": message.ssml, "stats": dict(message.stats)}


def _cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    from ..loading import load_incident
    from ..render import render
    from ..report import JSON_VERSION, finding_dict

    incident = load_incident(args.incident)
    bundle = render(incident, languages=args.lang or None, channels=args.channel or None,
                    templates=args.templates)
    if args.format == "json":
        payload = {"version": JSON_VERSION, "incident": incident.id,
                   "messages": [_message_dict(m) for m in bundle],
                   "findings": [finding_dict(f) for f in bundle.findings]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return Exit.CLEAN
    show: Callable[[str], str] = lambda text: text  # noqa: E731
    if args.visual:
        from ..text.visual import visual

        # A terminal wraps long lines itself, after reordering, which scrambles them: wrap
        # first, to the terminal's width (or --width), then reorder each line.
        width = args.width or (shutil.get_terminal_size().columns if out.isatty() else None)
        show = lambda text: visual(text, width)  # noqa: E731
    for message in bundle:
        out.write(f"===== {message.language} / {message.channel} =====\n")
        for name, value in message.outputs().items():
            if name in ("subject", "text"):
                value = show(value) if message.direction == "rtl" else value
            out.write(f"--- {name} ---\n{value}\n")
        out.write("\n")
    return Exit.CLEAN


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from ..model import Incident

    out.write(json.dumps(Incident.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return Exit.CLEAN


def _regular_files(source: str, names: list[str]) -> set[str]:
    """What ``copytree`` leaves out of the built-in templates: anything but a regular file or
    a real folder (a symlink, a FIFO), so ``init`` never copies what lint would refuse."""
    skipped = set()
    for name in names:
        path = Path(source) / name
        if path.is_symlink() or not (path.is_file() or path.is_dir()):
            skipped.add(name)
    return skipped


def _os_reason(exc: OSError) -> str:
    """The plain reason of an OS error; ``copytree`` gathers one per file that failed."""
    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) \
            and exc.args[0]:
        return str(exc.args[0][0][-1])
    return exc.strerror or str(exc)


def _cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from ..config import default_templates_dir

    target = Path(args.dir)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CrisisError(f"{target}: exists and is not a folder; choose a new folder")
    if target.is_dir() and any(target.iterdir()):
        raise CrisisError(f"{target}: folder exists and is not empty; choose a new folder")
    # Copied in full under a temporary name beside the target, then renamed into place: a
    # failure part-way (a full disk, a read-only folder) leaves nothing behind, not even the
    # parent folders made for it.
    parent = target.absolute().parent
    made = [p for p in (parent, *parent.parents) if not p.exists()]
    staging = parent / f".{target.name}.crisiscomms-init-{os.getpid()}"
    emptied = False
    try:
        parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(default_templates_dir(), staging, ignore=_regular_files)
        if target.is_dir():
            target.rmdir()  # empty, checked above: a rename cannot replace a folder otherwise
            emptied = True
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if emptied:
            target.mkdir(exist_ok=True)
        for folder in made:  # innermost first
            try:
                folder.rmdir()
            except OSError:
                break
        raise CrisisError(f"{target}: could not write the templates ({_os_reason(exc)}); "
                          "nothing was written") from None
    out.write(f"wrote the default templates and config to {target}\n"
              f"edit them, then: crisiscomms lint {target}\n")
    return Exit.CLEAN


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="crisiscomms", description="Consistent outage messages for every "
                     "channel, in Hebrew and English, from one incident file.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("render", help="print every channel's message for an incident")
    p.add_argument("incident", help="the incident file (YAML or JSON)")
    p.add_argument("--lang", action="append", metavar="L", help="a language (repeatable)")
    p.add_argument("--channel", action="append", metavar="C", help="a channel (repeatable)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in)")
    p.add_argument("--visual", action="store_true",
                   help="Hebrew text in visual order, for terminals without bidi support")
    p.add_argument("--width", type=int, metavar="N",
                   help="with --visual: wrap to N columns (default: the terminal's width)")
    p.set_defaults(run=_cmd_render)
    p = sub.add_parser("schema", help="print the incident file's JSON Schema")
    p.set_defaults(run=_cmd_schema)
    p = sub.add_parser("init", help="copy the default templates and config into DIR")
    p.add_argument("dir")
    p.set_defaults(run=_cmd_init)
    # Commands that live beside their feature: each module adds its own subparsers, whose
    # ``run(args, out) -> int`` raises CrisisError for bad input like the ones above.
    from ..preview import command as preview_command
    from . import bulk as cli_bulk
    from . import cases as cli_cases
    from . import journal as cli_journal
    from . import lint as cli_lint

    cli_lint.register(sub)
    cli_journal.register(sub)
    cli_cases.register(sub)
    cli_bulk.register(sub)
    preview_command.register(sub)
    parser.add_argument("--debug", action="store_true",
                        help="on an internal error, print the traceback")
    for command in sub.choices.values():
        # Also after the command's name; SUPPRESS keeps a --debug given before it.
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="on an internal error, print the traceback")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (``python -m crisiscomms`` exits with it).

    >>> import io
    >>> buffer = io.StringIO()
    >>> main(["schema"], out=buffer)
    0
    >>> '"title"' in buffer.getvalue()
    True
    """
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args, out))
    except CrisisError as error:  # TemplateError, InputError, unknown names: the user's input
        return _fail(error, err)
    except BrokenPipeError:
        # The reader stopped reading (`crisiscomms render ... | head`): not a bug. Point the
        # standard output at nothing so the flush at exit does not fail again.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return Exit.CLEAN
    except Exception as error:  # a bug of ours: said apart from findings
        if args.debug:
            traceback.print_exception(error, file=err)
        err.write(f"crisiscomms: internal error ({type(error).__name__}); this is a bug in "
                  "crisiscomms, please report it with the command you ran"
                  f"{'' if args.debug else ' (add --debug for the details)'}\n")
        return Exit.INTERNAL
