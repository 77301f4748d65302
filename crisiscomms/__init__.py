"""crisiscomms: one typed incident state in, consistent outage messages out, on every channel.

>>> from crisiscomms import load_incident, render
>>> from crisiscomms.samples import example_path
>>> bundle = render(load_incident(example_path("identified")))
>>> bundle["he", "sms"].stats["encoding"]
'UCS-2'
"""

from typing import TYPE_CHECKING, Any

from .errors import ConfigError as ConfigError
from .errors import CrisisError as CrisisError
from .errors import IncidentError as IncidentError
from .errors import Problem as Problem
from .errors import TemplateError as TemplateError
from .findings import Finding as Finding
from .lint import lint as lint
from .loading import load_incident as load_incident
from .loading import parse_incident as parse_incident
from .messages import Bundle as Bundle
from .messages import Message as Message
from .model import Incident as Incident
from .render import render as render
from .text.sms import sms_parts as sms_parts
from .text.sms import sms_segments as sms_segments
from .text.visual import visual as visual

if TYPE_CHECKING:
    from .bulk import Personalised as Personalised
    from .bulk import personalise as personalise
    from .bulk import personalise_arrow as personalise_arrow

_LAZY = {"Personalised", "personalise", "personalise_arrow"}
"""Names imported on first use: bulk sending is not on the path of a single render."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import bulk

        return getattr(bulk, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Bundle",
    "ConfigError",
    "CrisisError",
    "Finding",
    "Incident",
    "IncidentError",
    "Message",
    "Personalised",
    "Problem",
    "TemplateError",
    "lint",
    "load_incident",
    "parse_incident",
    "personalise",
    "personalise_arrow",
    "render",
    "sms_parts",
    "sms_segments",
    "visual",
]
