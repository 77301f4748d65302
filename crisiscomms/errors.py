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
from typing import Literal


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


class CaseError(InputError):
    """A complaint case file (or a case object) is invalid, or cannot be served: a language
    with no letter templates, a holiday calendar that cannot be built for a year it needs.

    >>> str(CaseError("case.yaml", [Problem("events[1].at", "must not be before received_at", 9)]))
    'case.yaml:9: events[1].at: must not be before received_at'
    """

    unnamed = "the case"


class ConfigError(InputError):
    """The organisation config, a language file or a rule file is invalid."""

    unnamed = "the config"


TemplateErrorKind = Literal["folder_not_found", "not_found", "syntax", "undefined", "sandbox",
                            "audience",
                            "runtime", "runaway", "unsafe_file"]
"""What went wrong with a template: ``folder_not_found`` (no template folder), ``not_found``
(no such template), ``syntax`` (does not compile), ``undefined`` (a name or fact that does not
exist), ``sandbox`` (something the sandbox forbids), ``runtime`` (another error while rendering),
``runaway`` (over the loop, output or time limit of ``[limits]``), ``unsafe_file`` (a symlink, a
device or FIFO, or an over-size file where a template should be)."""

_LABELS: dict[str, str] = {
    "undefined": "undefined: ",
    "sandbox": "not allowed in the sandbox: ",
    "runaway": "stopped, over a limit: ",
    "unsafe_file": "refused: ",
}


class TemplateError(CrisisError):
    """A template failed to load, compile or render. ``kind`` says which, as data (no caller
    parses the message); ``message`` is the detail, ``reason`` the detail with its kind's label.

    >>> str(TemplateError("unexpected '}'", file="he/sms.txt", line=3, kind="syntax"))
    "he/sms.txt:3: unexpected '}'"
    >>> err = TemplateError("'titel' is undefined", file="en/sms.txt", kind="undefined")
    >>> err.kind, err.reason
    ('undefined', "undefined: 'titel' is undefined")
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 kind: TemplateErrorKind = "runtime") -> None:
        self.message = message
        self.file = file
        self.line = line
        self.kind: TemplateErrorKind = kind
        where = file or "<template>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {self.reason}")

    @property
    def reason(self) -> str:
        """The message with the words that say its kind (``undefined: ...``)."""
        return _LABELS.get(self.kind, "") + self.message


class AudienceError(TemplateError):
    """A template read a fact its channel's audience may not see; ``fact`` names it.

    >>> err = AudienceError("f.internal is not for this channel's audience", file="en/sms.txt",
    ...                     line=2, fact="internal")
    >>> err.fact, err.line, err.kind
    ('internal', 2, 'audience')
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 fact: str) -> None:
        self.fact = fact
        super().__init__(message, file=file, line=line, kind="audience")
