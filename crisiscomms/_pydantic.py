"""Pydantic's plugin scan, skipped while the library builds its own models."""

from __future__ import annotations

import os

_VARIABLE = "PYDANTIC_DISABLE_PLUGINS"


class PluginScanOff:
    """From its creation to :meth:`done`, Pydantic builds models without looking for plugins.

    Looking reads the metadata of every installed distribution (about 50 ms of CPU, a third of
    a cold ``crisiscomms render`` beyond its imports) for plugins that would only watch our
    own models validate. A value the user set is left alone, and models built afterwards (the
    user's own) are scanned as usual.
    """

    def __init__(self) -> None:
        self._set = _VARIABLE not in os.environ
        if self._set:
            os.environ[_VARIABLE] = "__all__"
        # Pydantic's own RootModel is a model too, built when first imported.
        import pydantic.root_model  # noqa: F401

    def done(self) -> None:
        """Scanning as before (call at the end of the module that built the models)."""
        if self._set and os.environ.get(_VARIABLE) == "__all__":
            del os.environ[_VARIABLE]
