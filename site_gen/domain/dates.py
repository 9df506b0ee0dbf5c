"""Periods in whole years, as every rule that counts them needs them (retention, qualification)."""

from __future__ import annotations

import datetime as dt


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February becomes 28 February (the month's last day, as § 188 Abs. 3 BGB counts)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
