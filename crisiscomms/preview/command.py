"""The ``preview`` command: serve the local page where a comms team sees and edits every channel.

``crisiscomms preview [--templates DIR] [--incident FILE]... [--journal DB] [--out DIR]
[--host 127.0.0.1] [--port 8765]``

The web stack (Starlette and uvicorn, the ``preview`` extra) is imported only when the command
runs, so ``import crisiscomms`` and the other commands stay light; without the extra the command
says how to install it and exits 3.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import CaseError, CrisisError, IncidentError, Problem

__all__ = ["INSTALL_HINT", "register"]

INSTALL_HINT = "crisiscomms: the preview page needs its extra: pip install 'crisiscomms[preview]'"
_BAD_INPUT = 3


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port (0-65535; 0 picks a free one)")
    return value


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the ``preview`` subcommand to the ``crisiscomms`` parser.

    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> register(parser.add_subparsers())
    >>> args = parser.parse_args(["preview", "--incident", "a.yaml", "--port", "0"])
    >>> args.incident, args.host, args.port
    (['a.yaml'], '127.0.0.1', 0)
    """
    p = sub.add_parser("preview", help="serve the local page where a comms team sees and "
                       "edits every channel side by side")
    p.add_argument("--templates", metavar="DIR", help="a template folder (default: built-in); "
                   "edits to it show on the open page within a second or two")
    p.add_argument("--incident", action="append", metavar="FILE", default=[],
                   help="an incident file the page may open and save (repeatable); the "
                        "built-in examples are always there, read-only")
    p.add_argument("--case", action="append", metavar="FILE", default=[],
                   help="a complaint case file to show on /cases (repeatable, read-only); the "
                        "built-in example cases are always there")
    p.add_argument("--journal", metavar="DB", help="the journal the Publish button records "
                   "into and the history is read from (default: $CRISISCOMMS_JOURNAL, else "
                   "./crisiscomms.db), as `crisiscomms publish --journal`")
    p.add_argument("--out", metavar="DIR", help="Publish also writes DIR/<id>/<seq>/... and "
                   "DIR/<id>/latest, as `crisiscomms publish --out`")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8765, help="the port (default: 8765)")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from .app import is_loopback, listen, serve, url_for
        from .workspace import Workspace
    except ModuleNotFoundError as error:
        if (error.name or "").startswith("crisiscomms"):
            raise
        sys.stderr.write(INSTALL_HINT + "\n")
        return _BAD_INPUT
    for name in args.incident:
        if not Path(name).is_file():
            raise IncidentError(name, [Problem("", "file not found")])
    for name in args.case:
        if not Path(name).is_file():
            raise CaseError(name, [Problem("", "file not found")])
    from ..journal import default_journal_path

    workspace = Workspace(args.templates, args.incident, args.case,
                          journal=args.journal or default_journal_path(), out=args.out)
    try:
        sock = listen(args.host, args.port)
    except OSError as error:
        raise CrisisError(f"cannot listen on {args.host}:{args.port}: "
                          f"{error.strerror or error}; choose another --port or --host") from None
    out.write(f"crisiscomms preview: open {url_for(args.host, sock)} (Ctrl+C to stop)\n")
    if not is_loopback(args.host):
        out.write(f"warning: listening on {args.host}: anyone who can reach this address can "
                  "read and edit these incidents\n")
    out.flush()
    serve(workspace, sock, args.host)
    return 0
