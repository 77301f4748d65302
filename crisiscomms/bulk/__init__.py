"""Bulk messages: every affected customer, personally (CONTRACT section 10).

``personalise`` renders once per (language, channel, variant) and joins each recipient's own
values; ``personalise_arrow`` does the same over an Arrow record batch. See docs/bulk.md.
"""

from .arrow import personalise_arrow as personalise_arrow
from .personalise import Personalised as Personalised
from .personalise import Tally as Tally
from .personalise import personalise as personalise

__all__ = ["Personalised", "Tally", "personalise", "personalise_arrow"]
