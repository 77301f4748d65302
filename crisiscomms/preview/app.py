"""The preview page's web layer: a small Starlette app over a :class:`Workspace`.

Routes (all answers JSON except the two pages and their assets):

====================  =====================================================================
``GET /``             the page
``GET /cases``        the complaint-case page: a case's three letters side by side, its status
``GET /static/NAME``  ``app.js``, ``cases.js``, ``dom.js``, ``app.css``, ``form.json`` (fixed)
``GET /api/meta``     the form layout, the incidents it may open, languages, time zone
``GET /api/incident`` ``?source=KEY``: an incident's form values, version and problems
``GET /api/version``  ``?source=KEY``: fingerprints of the template folder and of the file
``POST /api/render``  ``{fields}``: problems beside fields, every message, the findings
``POST /api/yaml``    ``{fields, source}``: the incident as YAML, for download
``POST /api/save``    ``{fields, source, version}``: write it back; 409 when changed on disk
``GET /api/case``     ``?source=KEY&now=ISO``: a case's status and letters in every language
``GET /api/history``  ``?id=INCIDENT``: the incident's statements in the journal, newest first
``POST /api/publish`` ``{fields}``: publish as `crisiscomms publish`; 422 error findings, 409 stale
====================  =====================================================================

Safety: the Host header must name this machine (a DNS-rebinding page cannot read incidents);
a POST must be JSON and come from the page's own origin; every answer carries a content
security policy that allows only this server's own script and style, so the page needs nothing
from the network and a template cannot run script in it.

>>> app = create_app(Workspace())
>>> type(app).__name__, type(app.app).__name__
('Guard', 'Starlette')
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import CrisisError
from ..journal import PublishRefused, StaleStatement
from ..report import finding_dict
from .workspace import SaveConflict, UnknownSource, Workspace

__all__ = ["Guard", "RunningServer", "create_app", "is_loopback", "listen", "serve", "start_server",
           "url_for"]

MAX_BODY = 2_000_000
"""The largest request body accepted: an incident form is a few kilobytes."""
_TOO_LARGE = f"the request is larger than {MAX_BODY // 1_000_000} MB; an incident form is a " \
    "few kilobytes"

_ASSETS = {
    "app.js": "text/javascript; charset=utf-8",
    "dom.js": "text/javascript; charset=utf-8",
    "cases.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
    "form.json": "application/json",
}
# The rendered HTML channels are shown in sandboxed srcdoc frames, which inherit this policy:
# no script at all there, inline style allowed because email HTML may carry it.
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'")
_HEADERS = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``127.0.0.1``, ``::1``, ``localhost``).

    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0")
    (True, False)
    """
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    return host in {"", "0.0.0.0", "::"}


def _hostname(authority: str) -> str:
    # "127.0.0.1:8765" -> "127.0.0.1"; "[::1]:8765" -> "::1"
    parsed = urlsplit(f"//{authority}")
    return (parsed.hostname or "").lower()


class Guard:
    """ASGI middleware: Host and Origin checks for every request, security headers on every
    answer.

    ``bound`` is the address the server listens on. Loopback: only loopback names are accepted
    in Host. A wildcard (``0.0.0.0``): any Host, since the machine's names are unknown; the
    origin check still holds. Any other address: that address and the loopback names.
    """

    def __init__(self, app: ASGIApp, bound: str = "127.0.0.1") -> None:
        self.app = app
        self.any_host = _is_wildcard(bound)
        self.hosts = _LOOPBACK_NAMES | {bound.strip("[]").lower()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        refusal = self._refusal(scope["method"], host, headers)
        if refusal is not None:
            status, text = refusal
            await _secured(PlainTextResponse(text, status_code=status), send)(scope, receive)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, send_secured)

    def _refusal(self, method: str, host: str, headers: Headers) -> tuple[int, str] | None:
        if not self.any_host and _hostname(host) not in self.hosts:
            return 421, "this server answers only to its own address"
        if method in {"GET", "HEAD"}:
            return None
        origin = headers.get("origin")
        if origin is None and "referer" in headers:
            parts = urlsplit(headers["referer"])
            origin = f"{parts.scheme}://{parts.netloc}"
        # A page elsewhere (another site, or another server on this machine) must not change
        # anything here; a request with neither header comes from a script, not a browser.
        if origin is not None and origin != f"http://{host}":
            return 403, "cross-origin requests are refused"
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            # A cross-site form can only send form encodings; JSON needs the page's own script.
            return 415, "send JSON (Content-Type: application/json)"
        return None


def _secured(response: Response, send: Send) -> Callable[[Scope, Receive], Awaitable[None]]:
    async def run(scope: Scope, receive: Receive) -> None:
        response.raw_headers.extend(_HEADERS)
        await response(scope, receive, send)

    return run


def _assets() -> dict[str, bytes]:
    folder = resources.files(__package__).joinpath("static")
    return {name: folder.joinpath(name).read_bytes()
            for name in ("index.html", "cases.html", *_ASSETS)}


async def _json_body(request: Request) -> dict[str, Any]:
    # The cap holds before anything is buffered: a declared length over it is refused unread,
    # and an undeclared (chunked) or understated one as soon as the running count passes it.
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise _BadRequest(413, _TOO_LARGE)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise _BadRequest(413, _TOO_LARGE)
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks))
    except RecursionError:
        raise _BadRequest(400, "the body is JSON nested too deeply; the form is one level "
                          "of fields") from None
    except (ValueError, UnicodeDecodeError):
        raise _BadRequest(400, "the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise _BadRequest(400, "the body must be a JSON object")
    return data


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = data.get("fields")
    if not isinstance(fields, dict) or not all(
            isinstance(v, str | int | float | type(None)) for v in fields.values()):
        raise _BadRequest(400, "fields must be an object of field names to values")
    return fields


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(workspace: Workspace, *, bound: str = "127.0.0.1") -> ASGIApp:
    """The preview app over ``workspace``, guarded for a server listening on ``bound``."""
    assets = _assets()

    async def page(request: Request) -> Response:
        return Response(assets["index.html"], media_type="text/html; charset=utf-8")

    async def cases_page(request: Request) -> Response:
        return Response(assets["cases.html"], media_type="text/html; charset=utf-8")

    async def case(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(
            workspace.case, request.query_params.get("source", ""),
            request.query_params.get("now") or None))

    async def static(request: Request) -> Response:
        # Looked up in a fixed table, never joined to a path: nothing else can be served.
        name = request.path_params["name"]
        if name not in _ASSETS:
            return PlainTextResponse("not found", status_code=404)
        return Response(assets[name], media_type=_ASSETS[name])

    # Every operation that reads files or renders runs in a worker thread: a render takes
    # a while, and on the event loop it would hold up every other request, the page's
    # once-a-second poll among them.
    async def meta(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(workspace.meta))

    async def incident(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(workspace.load,
                                                    request.query_params.get("source", "")))

    def _version(key: str, incident_id: str) -> dict[str, Any]:
        return {"templates": workspace.stamp(),
                "file": workspace.file_version(key) if key in workspace.sources else None,
                "journal": workspace.journal_seq(incident_id) if incident_id else None}

    async def version(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(_version,
                                                    request.query_params.get("source", ""),
                                                    request.query_params.get("id", "")))

    async def history(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(workspace.history,
                                                    request.query_params.get("id", "")))

    async def publish(request: Request) -> Response:
        fields = _fields(await _json_body(request))
        return JSONResponse(await run_in_threadpool(workspace.publish, fields))

    async def render_(request: Request) -> Response:
        fields = _fields(await _json_body(request))
        return JSONResponse(await run_in_threadpool(workspace.render, fields))

    async def yaml_(request: Request) -> Response:
        data = await _json_body(request)
        source = data.get("source")
        return JSONResponse(await run_in_threadpool(
            workspace.to_yaml, _fields(data), source if isinstance(source, str) else None))

    async def save(request: Request) -> Response:
        data = await _json_body(request)
        key, version_ = data.get("source"), data.get("version")
        if not isinstance(key, str) or not isinstance(version_, str):
            raise _BadRequest(400, "source and version are required")
        return JSONResponse(await run_in_threadpool(workspace.save, key, _fields(data),
                                                    version_))

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, _BadRequest)
        # After a refusal the rest of the body is unread: close the connection rather than
        # read and throw away what may be hundreds of megabytes.
        headers = {"connection": "close"} if exc.status == 413 else None
        return JSONResponse({"ok": False, "error": exc.message}, status_code=exc.status,
                            headers=headers)

    async def unknown_source(request: Request, exc: Exception) -> Response:
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=404)

    async def conflict(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SaveConflict)
        return JSONResponse({"ok": False, "error": str(exc), "file_version": exc.file_version},
                            status_code=409)

    async def publish_refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PublishRefused)
        errors = [finding_dict(f) for f in exc.findings if f.severity == "error"]
        return JSONResponse({"ok": False, "refused": "findings", "error": str(exc),
                             "findings": errors}, status_code=422)

    async def stale(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StaleStatement)
        return JSONResponse({"ok": False, "refused": "stale", "error": str(exc),
                             "latest_seq": exc.latest.seq}, status_code=409)

    async def refused(request: Request, exc: Exception) -> Response:
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=403)

    async def input_error(request: Request, exc: Exception) -> Response:
        # A broken config or an unreadable file while the page runs: said on the page, never
        # a traceback.
        return JSONResponse({"ok": False, "error": str(exc)}, status_code=422)

    routes = [
        Route("/", page),
        Route("/cases", cases_page),
        Route("/api/case", case),
        Route("/static/{name}", static),
        Route("/api/meta", meta),
        Route("/api/incident", incident),
        Route("/api/version", version),
        Route("/api/render", render_, methods=["POST"]),
        Route("/api/yaml", yaml_, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/history", history),
        Route("/api/publish", publish, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={
        _BadRequest: bad_request, UnknownSource: unknown_source, SaveConflict: conflict,
        PublishRefused: publish_refused, StaleStatement: stale,
        PermissionError: refused, CrisisError: input_error, OSError: input_error,
    })
    # Exact paths only: no redirect from "/static/x/" to "/static/x" either.
    app.router.redirect_slashes = False
    return Guard(app, bound)


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``port`` 0 picks a free one); ``OSError`` when
    the address is taken or not this machine's."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP given explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets that
    # say so, and with Nagle on, every keep-alive answer waits 40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def _server(app: ASGIApp) -> uvicorn.Server:
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    return uvicorn.Server(config)


class RunningServer:
    """A preview server running in a background thread (tests, notebooks); ``url`` is its
    address and ``stop()`` ends it."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, url: str) -> None:
        self._server = server
        self._thread = thread
        self.url = url

    def stop(self) -> None:
        """Ask the server to finish and wait for its thread."""
        self._server.should_exit = True
        self._thread.join(timeout=10)


def start_server(workspace: Workspace, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Start the preview server in a thread and return once it accepts connections.

    >>> server = start_server(Workspace())
    >>> import urllib.request
    >>> urllib.request.urlopen(server.url + "api/meta").status
    200
    >>> server.stop()
    """
    sock = listen(host, port)
    bound_port = sock.getsockname()[1]
    server = _server(create_app(workspace, bound=host))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="crisiscomms-preview")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not server.started:
        raise RuntimeError("the preview server did not start")
    shown = f"[{host}]" if ":" in host else host
    return RunningServer(server, thread, f"http://{shown}:{bound_port}/")


def serve(workspace: Workspace, sock: socket.socket, host: str) -> None:
    """Serve until interrupted (Ctrl+C), on an already listening socket."""
    server = _server(create_app(workspace, bound=host))
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])


def url_for(host: str, sock: socket.socket) -> str:
    """The address to open for a server on ``sock``."""
    port = sock.getsockname()[1]
    shown = "127.0.0.1" if _is_wildcard(host) else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/"
