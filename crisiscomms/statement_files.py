"""A statement's files on disk (CONTRACT section 8), written so a reader never sees half of one.

Layout under the output folder ``DIR``::

    DIR/<incident id>/<seq>/<lang>/<channel>.<output>   sms.txt, email.subject.txt, email.eml, …
    DIR/<incident id>/<seq>/manifest.json
    DIR/<incident id>/latest -> <seq>                    a relative symbolic link

A statement's folder is written in full under a temporary name inside ``DIR/<incident id>/``
(every file and folder fsynced), then renamed to ``<seq>``. ``latest`` is a symbolic link,
replaced with ``os.replace`` of a freshly made one, so it always names a whole folder.
Only the journal's write lock holder calls these (locking goes through SQLite).

>>> from crisiscomms.samples import load_example
>>> from crisiscomms.render import render
>>> files = bundle_files(render(load_example("identified"), channels=["sms", "email"]))
>>> sorted(files)[:4]
['en/email.eml', 'en/email.html', 'en/email.subject.txt', 'en/email.txt']
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .channels import CHANNELS, template_name
from .errors import CrisisError
from .messages import Bundle, Message

__all__ = ["LATEST", "TEMP_PREFIX", "OutputError", "bundle_files", "digest", "install_folder",
           "point_latest", "read_latest", "remove_leftovers", "statement_folder"]

LATEST = "latest"
TEMP_PREFIX = ".tmp-"
"""Names starting with this inside ``DIR/<incident id>/`` are unfinished: a killed publish."""
MANIFEST = "manifest.json"


class OutputError(CrisisError):
    """The statement's files could not be written (a full disk, no permission): nothing was
    recorded and nothing half-written is left.

    >>> str(OutputError("out/INC-1", "No space left on device"))
    'out/INC-1: cannot write the statement: No space left on device; nothing was recorded'
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: cannot write the statement: {reason}; nothing was recorded")


def digest(data: bytes) -> str:
    """The sha256 of ``data`` in hex: what the manifest and the journal record per file.

    >>> digest(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def _eml(message: Message) -> bytes:
    email = message.as_email_message()
    # A fixed boundary made from the content, so the same statement gives the same bytes
    # (the default boundary is random).
    body = (message.text + (message.html or "")).encode("utf-8")
    email.set_boundary(f"=crisiscomms-{digest(body)[:24]}")
    return email.as_bytes()


def bundle_files(bundle: Bundle) -> dict[str, bytes]:
    """Every file of a statement's folder but the manifest, by path relative to the folder:
    each output in its template's file name, and ``<channel>.eml`` for titled channels."""
    files: dict[str, bytes] = {}
    for message in bundle:
        for output, value in message.outputs().items():
            name = template_name(message.channel, output)  # type: ignore[arg-type]
            files[f"{message.language}/{name}"] = value.encode("utf-8")
        if CHANNELS[message.channel].titled:
            files[f"{message.language}/{message.channel}.eml"] = _eml(message)
    return files


def statement_folder(out: Path, incident_id: str, seq: int) -> Path:
    """``out/<incident id>/<seq>``."""
    return out / incident_id / str(seq)


def _write(path: Path, data: bytes) -> None:
    """Write and fsync one file. Tests replace this to simulate a full disk."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def install_folder(out: Path, incident_id: str, seq: int, files: Mapping[str, bytes],
                   manifest: Mapping[str, Any]) -> Path:
    """Write ``files`` and ``manifest.json`` as ``out/<incident id>/<seq>``, atomically.

    A folder already at ``<seq>`` is an unrecorded leftover (the caller holds the journal's
    lock and has not recorded ``seq``): it is replaced. On any ``OSError`` the temporary
    folder is removed and :class:`OutputError` raised.
    """
    parent = out / incident_id
    target = statement_folder(out, incident_id, seq)
    temp = parent / f"{TEMP_PREFIX}{seq}-{os.getpid()}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove(temp)
        temp.mkdir()
        folders = {temp}
        for rel in sorted(files):
            path = temp / rel
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            _write(path, files[rel])
        _write(temp / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2,
                                            sort_keys=True) + "\n").encode("utf-8"))
        for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
            _fsync_dir(folder)
        if target.exists() or target.is_symlink():
            _remove(target)
        os.rename(temp, target)
        _fsync_dir(parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            _remove(temp)
        reason = error.strerror or str(error)
        if error.errno == errno.ENOSPC:
            reason = "the disk is full (No space left on device)"
        raise OutputError(str(parent), reason) from None
    return target


def point_latest(out: Path, incident_id: str, seq: int) -> None:
    """Make ``out/<incident id>/latest`` name ``<seq>``: a new relative symlink renamed over
    the old one, so a reader sees either the old statement or the new one, never neither."""
    parent = out / incident_id
    link = parent / LATEST
    if read_latest(out, incident_id) == seq:
        return
    temp = parent / f"{TEMP_PREFIX}{LATEST}-{os.getpid()}"
    try:
        _remove(temp)
        os.symlink(str(seq), temp)
        os.replace(temp, link)
        _fsync_dir(parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            _remove(temp)
        raise OutputError(str(link), error.strerror or str(error)) from None


def read_latest(out: Path, incident_id: str) -> int | None:
    """The seq ``latest`` names, or None when there is none (or it is not ours)."""
    link = out / incident_id / LATEST
    try:
        target = os.readlink(link)
    except OSError:
        return None
    return int(target) if target.isdigit() else None


def remove_leftovers(out: Path, incident_id: str, recorded: int) -> None:
    """Remove what a killed publish left in ``out/<incident id>/``: temporary names, and
    statement folders numbered above ``recorded`` (the journal's newest seq for the id), which
    were renamed into place but never recorded. Call only while holding the journal's lock."""
    parent = out / incident_id
    if not parent.is_dir():
        return
    for entry in parent.iterdir():
        name = entry.name
        if name.startswith(TEMP_PREFIX) or (name.isdigit() and int(name) > recorded):
            _remove(entry)
