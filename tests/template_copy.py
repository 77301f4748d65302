"""A copy of the default templates that tests change one file at a time and put back.

One copy per test module keeps the compiled templates cached between tests (only the changed
file is compiled again), which makes linting a changed copy fast. Every write moves the file's
modification time forward explicitly, so no cache can miss a change made within one tick.
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crisiscomms.config import default_templates_dir

_TICK = itertools.count(1)


def _touch(path: Path) -> None:
    stamp = time.time_ns() + next(_TICK) * 1_000_000
    os.utime(path, ns=(stamp, stamp))


class TemplateCopy:
    """A template folder that tests change and restore (made by :meth:`of_defaults` or by
    ``crisiscomms init``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of_defaults(cls, folder: Path) -> TemplateCopy:
        """A fresh copy of the built-in templates at ``folder``."""
        shutil.copytree(default_templates_dir(), folder)
        return cls(folder)

    @classmethod
    def with_config(cls, folder: Path, old: str, new: str) -> TemplateCopy:
        """A fresh copy of the built-in templates whose ``crisiscomms.toml`` says ``new`` where
        it said ``old`` (which must be there, so a changed default fails loudly)."""
        made = cls.of_defaults(folder)
        config = folder / "crisiscomms.toml"
        text = config.read_text(encoding="utf-8")
        assert old in text, f"the default config no longer says {old!r}"
        config.write_text(text.replace(old, new), encoding="utf-8")
        return made

    @classmethod
    def four_languages(cls, folder: Path) -> TemplateCopy:
        """A fresh copy of the built-in templates with Arabic and Russian among the
        organisation's languages (the default config ships Hebrew and English)."""
        return cls.with_config(folder, 'languages = ["he", "en"]',
                               'languages = ["he", "en", "ar", "ru"]')

    @contextmanager
    def changed(self, relative: str, text: str | None) -> Iterator[Path]:
        """``relative`` (inside the folder) holding ``text``, or removed when ``text`` is None,
        for the duration of the block."""
        path = self.folder / relative
        before = path.read_bytes() if path.exists() else None
        try:
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
                _touch(path)
            yield path
        finally:
            if before is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(before)
                _touch(path)
