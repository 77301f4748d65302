"""Complaint cases (CONTRACT section 9, seed 002): the case model and loader, the
service-level clock, the three letters, the queue and the weekly review."""

from .loading import load_case as load_case
from .loading import parse_case as parse_case
from .model import Case as Case

__all__ = ["Case", "load_case", "parse_case"]
