"""The days a business is closed all day: a country's public holidays (the `holidays`
package, imported on first use) and the extra closed days of ``[cases]``. The cases' clock
and the phone line's opening hours both ask here; importing this module builds no model.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .config import CasesConfig
from .errors import CaseError, Problem

__all__ = ["days_shut", "holiday_dates"]


@lru_cache(maxsize=256)
def holiday_dates(country: str, categories: tuple[str, ...], year: int) -> dict[dt.date, str]:
    """The closed holidays of ``country`` in ``year``: date -> English name.

    Raises :class:`CaseError` naming ``cases.holidays`` when the calendar cannot be built for
    the year (an unknown country or category, or a year the package does not cover, which it
    answers with no holidays at all).

    >>> holiday_dates("IL", ("public",), 2026)[dt.date(2026, 9, 21)]
    'Yom Kippur'
    """
    import holidays

    try:
        found = holidays.country_holidays(country, years=year, categories=categories)
    except (NotImplementedError, ValueError, KeyError) as exc:
        raise CaseError(None, [Problem("cases.holidays", f"the holiday calendar of {country} "
                                       f"({', '.join(categories)}) cannot be built: {exc}")]
                        ) from None
    dates = {day: str(name) for day, name in found.items() if day.year == year}
    if not dates:
        raise CaseError(None, [Problem("cases.holidays", f"the holiday calendar of {country} "
                                       f"({', '.join(categories)}) cannot be built for {year}: "
                                       "it has no holidays that year")])
    return dates


def days_shut(cases: CasesConfig, today: dt.date, days: int = 30) -> frozenset[dt.date]:
    """The days from ``today`` to ``days`` later that the business is closed all day: the
    public holidays of ``cases.holidays`` and the ``cases.closed`` days. A year the holiday
    calendar does not cover counts only the closed days: a phone line said open on a holiday
    is better than a message that cannot be rendered (the cases' clock reports that year).

    >>> days_shut(CasesConfig(), dt.date(2026, 9, 20), 2)
    frozenset({datetime.date(2026, 9, 21)})
    """
    horizon = today + dt.timedelta(days=days)
    shut = {d for d in cases.closed if today <= d <= horizon}
    if cases.holidays is not None:
        for year in sorted({today.year, horizon.year}):
            try:
                found = holiday_dates(cases.holidays, cases.holiday_categories, year)
            except CaseError:
                continue
            shut.update(d for d in found if today <= d <= horizon)
    return frozenset(shut)
