"""Support-log intensity over time: minutes per week (short logs) or per month.

HAA: support is daily at first, then tapers. The chart and its table show
minutes per period, split by kind of service (Haus Hall § 3).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..models.case import LogEntry, ServiceKind

WEEKLY_UP_TO_DAYS = 182
"""Logs spanning up to about half a year are shown per week, longer ones per month."""


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    minutes: int
    direct: int
    mediate: int
    indirect: int
    entries: int


@dataclass(frozen=True, slots=True)
class Intensity:
    unit: str
    """"Woche" or "Monat"."""
    periods: list[Period]
    total_minutes: int
    latest: list[LogEntry]


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def intensity(log: list[LogEntry], latest: int = 10) -> Intensity:
    """Minutes per period from the first to the last entry (empty periods included)."""
    if not log:
        return Intensity("Woche", [], 0, [])
    first, last = min(e.date for e in log), max(e.date for e in log)
    weekly = (last - first).days <= WEEKLY_UP_TO_DAYS
    sums: dict[dt.date, dict[ServiceKind, int]] = defaultdict(lambda: defaultdict(int))
    counts: dict[dt.date, int] = defaultdict(int)
    for e in log:
        key = _week_start(e.date) if weekly else e.date.replace(day=1)
        sums[key][e.kind] += e.minutes
        counts[key] += 1
    periods = []
    cursor = _week_start(first) if weekly else first.replace(day=1)
    while cursor <= last:
        s = sums.get(cursor, {})
        text = f"KW {cursor.isocalendar()[1]:02d}/{cursor.isocalendar()[0]}" if weekly else f"{cursor.month:02d}/{cursor.year}"
        periods.append(Period(text, sum(s.values()), s.get(ServiceKind.DIRECT, 0), s.get(ServiceKind.MEDIATE, 0),
                              s.get(ServiceKind.INDIRECT, 0), counts.get(cursor, 0)))
        cursor = cursor + dt.timedelta(days=7) if weekly else (cursor.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    newest = sorted(log, key=lambda e: e.date, reverse=True)[:latest]
    return Intensity("Woche" if weekly else "Monat", periods, sum(e.minutes for e in log), newest)
