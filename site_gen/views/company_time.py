"""Kennzahlen: share of time spent in companies, per coach and for the team (issue 29).

HAA: "50 % of our time we invest in the company and its people". Counted over
the last 365 days up to the day of the build: a coach's minutes are the
support-log entries she wrote (a group session once, not once per person)
and her team time (``team/``); minutes in companies are log entries marked
as employer contact (``employer: true``) and team time in companies
(Betriebsakquise, Betriebsbetreuung, or ``in_company: true``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..models.organisation import Role, Staff
from ..records.dataset import Dataset
from .internal import Link, staff_link

WINDOW_DAYS = 365
TARGET_PERCENT = 50
"""HAA's figure: half of the time in companies."""


@dataclass(frozen=True, slots=True)
class CompanyTimeRow:
    sid: str
    coach: Link | None
    """None: the team's total row."""
    minutes: int
    in_company: int
    team_minutes: int
    """Of ``minutes``: team time without a case."""

    @property
    def percent(self) -> int | None:
        return round(100 * self.in_company / self.minutes) if self.minutes else None


@dataclass(frozen=True, slots=True)
class CompanyTime:
    since: dt.date
    rows: list[CompanyTimeRow]
    total: CompanyTimeRow
    target: int = TARGET_PERCENT


def company_time(ds: Dataset, today: dt.date, staff_ok: Callable[[Staff], bool]) -> CompanyTime:
    """The share of time in companies of every jobcoach that ``staff_ok(staff)`` accepts, and of them together."""
    since = today - dt.timedelta(days=WINDOW_DAYS - 1)
    total: dict[str, int] = defaultdict(int)
    company: dict[str, int] = defaultdict(int)
    team: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, str, dt.date]] = set()
    for case in ds.cases.values():
        for e in case.support_log:
            if not since <= e.date <= today:
                continue
            if e.group is not None:  # one session, stored in every participant's case: count it once
                if (e.by, e.group, e.date) in seen:
                    continue
                seen.add((e.by, e.group, e.date))
            total[e.by] += e.minutes
            company[e.by] += e.minutes if e.employer else 0
    for entry in ds.team.values():
        if since <= entry.date <= today:
            total[entry.by] += entry.minutes
            team[entry.by] += entry.minutes
            company[entry.by] += entry.minutes if entry.counts_in_company else 0
    coaches: list[tuple[str, Staff]] = [(sid, s) for sid, s in sorted(ds.staff.items(), key=lambda t: t[1].name)
                                        if Role.JOBCOACH in s.roles and staff_ok(s)]
    rows = [CompanyTimeRow(sid, staff_link(ds, sid), total[sid], company[sid], team[sid]) for sid, _ in coaches]
    all_ = CompanyTimeRow("team", None, sum(r.minutes for r in rows), sum(r.in_company for r in rows), sum(r.team_minutes for r in rows))
    return CompanyTime(since, rows, all_)
