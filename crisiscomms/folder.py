"""A team's template folder is read only through regular files inside it.

Templates, ``crisiscomms.toml``, ``language.toml`` and ``rules.yaml`` come from a folder that a
pull request can change. A symlink ``en/sms.txt -> /etc/passwd`` would print that file as the
SMS; a FIFO would hang the reader; a symlink loop would crash it. So every step of a path below
the folder must be a real folder or, at the end, a regular file, and no file is larger than its
limit. Every symlink is refused, even one that points inside the folder: the rule is simple to
state and to check, and ``crisiscomms init`` never makes one. The folder itself (the path the
user gives) may be a symlink.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "en").mkdir(); _ = (root / "en" / "sms.txt").write_text("hi")
>>> (root / "en" / "link.txt").symlink_to("/etc/passwd")
>>> problem(root, "en/sms.txt", limit=100) is None
True
>>> problem(root, "en/link.txt", limit=100)  # doctest: +ELLIPSIS
'a symbolic link to a file outside the template folder (/etc/passwd); ...'
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DATA_FILE_BYTES", "UnsafeFileError", "problem", "read_regular", "unsafe_entries"]

DATA_FILE_BYTES = 1024 * 1024
"""The largest config, language or rule file read from a template folder."""

_WHY = "templates and config are read only from regular files"


class UnsafeFileError(Exception):
    """A path below the folder that may not be read; ``reason`` says why, in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _link(root: Path, path: Path) -> str:
    try:
        target = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
            return f"a symbolic link to nothing ({os.readlink(path)}); {_WHY}"
        return f"a symbolic link loop; {_WHY}"
    if target == root or root in target.parents:
        return f"a symbolic link (to {target.relative_to(root)}, inside the folder); {_WHY}"
    return f"a symbolic link to a file outside the template folder ({target}); {_WHY}"


def problem(folder: str | os.PathLike[str], relative: str | os.PathLike[str], *,
            limit: int, limit_name: str = "limits.template_bytes") -> str | None:
    """Why ``folder/relative`` may not be read, in plain words, or None when every step is a
    real folder and the file is a regular file of at most ``limit`` bytes. A path that does not
    exist is None too: the caller says "not found" in its own words."""
    root = Path(os.path.realpath(folder))
    path = root
    parts = Path(relative).parts
    if Path(relative).is_absolute() or any(p in (".", "..") for p in parts):
        return "a path that leaves the template folder"
    for index, part in enumerate(parts):
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return f"cannot be read ({exc.strerror})"
        last = index == len(parts) - 1
        if stat.S_ISLNK(info.st_mode):
            return _link(root, path)
        if not last and not stat.S_ISDIR(info.st_mode):
            return f"{path.relative_to(root)} is not a folder"
        if last and not stat.S_ISREG(info.st_mode):
            return f"{_kind(info.st_mode)}; {_WHY}"
        if last and info.st_size > limit:
            return f"{info.st_size} bytes; at most {limit} ({limit_name})"
    return None


def read_regular(folder: str | os.PathLike[str], relative: str | os.PathLike[str],
                 limit: int) -> tuple[bytes, int]:
    """The bytes of ``folder/relative`` and its modification time (ns), after :func:`problem`
    found nothing wrong. The file is opened without following a symlink and without blocking,
    and checked again once open, so nothing swapped in between is read.
    :class:`UnsafeFileError` says why not; ``FileNotFoundError`` when it does not exist."""
    path = os.path.join(os.path.realpath(folder), relative)
    reason = problem(folder, relative, limit=limit)
    if reason is not None:
        raise UnsafeFileError(path, reason)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnsafeFileError(path, f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(path, f"{_kind(info.st_mode)}; {_WHY}")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFileError(path, f"more than {limit} bytes")
    return data, info.st_mtime_ns


def unsafe_entries(folder: str | os.PathLike[str]) -> Iterator[tuple[str, str]]:
    """Every symlink, device, FIFO or socket below ``folder`` (hidden folders such as ``.git``
    left out), as ``(path, reason)``, sorted: what ``lint`` refuses before reading anything."""
    root = Path(os.path.realpath(folder))
    for current, dirs, _ in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(current)
        for name in sorted(os.listdir(here)):
            path = here / name
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                yield str(path), _link(root, path)
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                yield str(path), f"{_kind(info.st_mode)}; {_WHY}"
