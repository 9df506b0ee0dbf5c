"""The start page as the team's dashboard: what is overdue and due this week, per team.

A *team* is a location (Standort) with its coaches. "Diese Woche" means the
next :data:`WEEK_DAYS` days from today (today included). Overdue are
deadlines whose day has passed and the check's time-made tasks of open cases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import Finding
from .coach import coach_ids, coach_path, task_case
from .consented import Consented
from .internal import Link, location_cases_path
from .internal_deadlines import Deadline, by_coach

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class CoachDay:
    link: Link
    overdue: int
    week: int
    tasks: int
    caseload: int
    capacity: int


@dataclass(frozen=True, slots=True)
class TeamDay:
    lid: str
    name: str
    provider: str
    cases: Link
    overdue: list[Deadline]
    week: list[Deadline]
    tasks: int
    coaches: list[CoachDay]


def _coach_day(ds: Consented, sid: str, today: dt.date, until: dt.date, mine: list[Deadline], tasks: int) -> CoachDay:
    """One coach's counts: overdue and this week's deadlines (``mine``), open tasks, caseload against capacity."""
    return CoachDay(Link(ds.staff[sid].name, coach_path(sid)), sum(1 for d in mine if d.due < today),
                    sum(1 for d in mine if today <= d.due <= until), tasks,
                    len(ds.cases_by_coach.get(sid, [])), ds.staff[sid].capacity)


def team_days(ds: Consented, today: dt.date, deadlines: list[Deadline], tasks: Sequence[Finding]) -> list[TeamDay]:
    """One block per location: overdue and this week's deadlines, task count, coaches with their counts."""
    until = today + dt.timedelta(days=WEEK_DAYS - 1)
    # One entry per open task, naming its (open) case.
    task_cases = [ds.cases[cid] for f in tasks if f.is_task and (cid := task_case(f)) in ds.cases and ds.cases[cid].closed is None]
    coaches = coach_ids(ds)
    mine = by_coach(deadlines)
    tasks_of = Counter(sid for c in task_cases for sid in {c.coaches.primary, c.coaches.deputy})
    out = []
    for lid, loc in ds.locations.items():
        here = [d for d in deadlines if d.location == lid]
        rows = [_coach_day(ds, sid, today, until, mine.get(sid, []), tasks_of[sid]) for sid in coaches if ds.staff[sid].location == lid]
        out.append(TeamDay(lid, loc.name, ds.providers[ds.provider_of_location[lid]].name, Link(f"Akten {loc.name}", location_cases_path(lid)),
                           [d for d in here if d.due < today], [d for d in here if today <= d.due <= until],
                           sum(1 for c in task_cases if c.location == lid), rows))
    return out
