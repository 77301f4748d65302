"""The errors crisiscomms raises for a user's mistake, each carrying its location as data.

Every error names the file and the place, so the command line can print one short paragraph and
a library user can point at the field without parsing a message.

>>> err = IncidentError("inc.yaml", (Problem("eta", "must not be before started_at", 7),))
>>> str(err)
'inc.yaml:7: eta: must not be before started_at'
>>> err.problems[0].path
'eta'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file: the field path (``services[0].name.he``), what was
    expected, and the line where the file says it, when known.

    >>> Problem("title.en", "missing text for language 'en'").path
    'title.en'
    """

    path: str
    message: str
    line: int | None = None

    def describe(self, file: str) -> str:
        """``file:line: path: message``, leaving out what is not known.

        >>> Problem("id", "required", 2).describe("a.yaml")
        'a.yaml:2: id: required'
        """
        where = file
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class CrisisError(Exception):
    """The root of every error crisiscomms raises on purpose.

    >>> issubclass(IncidentError, CrisisError)
    True
    """


class InputError(CrisisError, ValueError):
    """A file a user wrote is wrong; ``problems`` lists every place, ``file`` names the file.

    ``file`` is always a name a reader knows: when the data came from no file (an object built
    in Python, a form), it is the class's :attr:`unnamed`, and :meth:`located` names it later.
    """

    unnamed = "the input"
    """The name used when the data came from no file."""

    def __init__(self, file: str | None, problems: Sequence[Problem]) -> None:
        self.file: str = file or self.unnamed
        self.named = file is not None
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.describe(self.file) for p in self.problems))

    def located(self, file: str) -> InputError:
        """The same error naming ``file``, when it named none yet (render() does not know the
        file its incident came from; the caller does).

        >>> IncidentError(None, [Problem("title.en", "missing")]).located("inc.yaml").file
        'inc.yaml'
        """
        if self.named:
            return self
        return type(self)(file, self.problems)


class IncidentError(InputError):
    """The incident file (or an incident object) is invalid.

    >>> str(IncidentError(None, [Problem("status", "expected one of ...")]))
    'the incident: status: expected one of ...'
    """

    unnamed = "the incident"


class ConfigError(InputError):
    """The organisation config, a language file or a rule file is invalid."""

    unnamed = "the config"


class TemplateError(CrisisError):
    """A template failed to load, compile or render.

    >>> str(TemplateError("unexpected '}'", file="he/sms.txt", line=3))
    "he/sms.txt:3: unexpected '}'"
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        where = file or "<template>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
