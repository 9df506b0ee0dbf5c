"""A coach's working day (``arbeit/<staff-id>.md``): my cases, my deadlines, my tasks.

Cases count once per role: as primary coach (the caseload, compared with the
capacity) and as tandem deputy. Deadlines come from
:mod:`site_gen.views.internal_deadlines`; *tasks* are the time-made findings
of the check (``Finding.is_task``: a consent expired, a placement ended
without a status update …), attributed to the case's primary coach and
deputy. Task messages name fields and codes, never personal values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..findings import Finding
from ..models.organisation import Role
from ..records.dataset import Dataset
from .consented import Consented
from .internal import Link, case_link, label, staff_link
from .internal_deadlines import Deadline, coach_calendar_path, coach_deadlines_path, days_text, deadline_holders

WORK = "arbeit"
IPS_CASELOAD = 20
"""IPS fidelity scale: top score at ≤ 20 active participants per employment specialist."""


def coach_path(sid: str) -> str:
    return f"{WORK}/{sid}.md"


def task_case(finding: Finding) -> str | None:
    """The case id a finding belongs to (None for workplaces, modules, organisation)."""
    path = PurePosixPath(finding.file)  # the record: cases/<id>.yaml, or the case folder cases/<id>
    return path.stem if path.parent.name == "cases" and path.suffix in (".yaml", ".yml", "") else None


@dataclass(frozen=True, slots=True)
class TaskRow:
    due: dt.date
    days: int
    case: Link
    role: str
    code: str
    message: str
    where: str
    """``cases/tn-0001.yaml:12`` (no content values)."""

    @property
    def when(self) -> str:
        return days_text(self.days)


@dataclass(frozen=True, slots=True)
class CaseRow:
    case: Link
    cid: str
    stage: str
    partner: Link
    next_deadline: Deadline | None


@dataclass(frozen=True, slots=True)
class CoachContext:
    page: str
    today: dt.date
    coach: Link
    sid: str
    roles: str
    location: str
    capacity: int
    primary: list[CaseRow]
    deputy: list[CaseRow]
    overdue: list[Deadline]
    upcoming: list[Deadline]
    tasks: list[TaskRow]
    deadlines_page: Link
    calendar: str
    """The calendar feed's address relative to this page."""
    ips_caseload: int

    @property
    def caseload(self) -> int:
        return len(self.primary)

    @property
    def over_capacity(self) -> bool:
        return self.caseload > self.capacity


def coach_ids(ds: Dataset) -> list[str]:
    """Staff who get a work page: job coaches and anyone whom a deadline names (sorted by name)."""
    sids = {sid for sid, s in ds.staff.items() if Role.JOBCOACH in s.roles} | (deadline_holders(ds) & set(ds.staff))
    return sorted(sids, key=lambda s: (ds.staff[s].name, s))


def tasks_for(ds: Dataset, sid: str, tasks: Sequence[Finding], today: dt.date) -> list[TaskRow]:
    """Time-made tasks of the open cases where ``sid`` is primary coach or deputy, oldest first."""
    rows = []
    for f in tasks:
        cid = task_case(f)
        case = ds.cases.get(cid) if cid else None
        if case is None or case.closed is not None or f.due is None or sid not in (case.coaches.primary, case.coaches.deputy):
            continue
        role = "hauptverantwortlich" if sid == case.coaches.primary else "Vertretung"
        where = f.where + (f":{f.line}" if f.line else "")
        rows.append(TaskRow(f.due, (f.due - today).days, case_link(ds, case.id), role, f.code, f.message, where))
    return sorted(rows, key=lambda t: (t.due, t.case.target, t.code))


def coach(ds: Consented, sid: str, today: dt.date, mine: list[Deadline], tasks: Sequence[Finding] = ()) -> CoachContext:
    """Context of one coach's work page. ``mine``: the deadlines of this coach's cases (``internal_deadlines.by_coach``)."""
    person = ds.staff[sid]
    nearest: dict[str, Deadline] = {}
    for d in mine:
        if not d.overdue:
            nearest.setdefault(d.cid, d)

    def rows(deputy: bool) -> list[CaseRow]:
        cases = sorted((ds.cases_by_deputy if deputy else ds.cases_by_coach).get(sid, []), key=lambda c: (c.last_name, c.first_name, c.id))
        return [CaseRow(case_link(ds, c.id), c.id, label(c.stage),
                        staff_link(ds, c.coaches.primary if deputy else c.coaches.deputy), nearest.get(c.id)) for c in cases]

    return CoachContext(
        page=coach_path(sid), today=today, coach=staff_link(ds, sid), sid=sid,
        roles=", ".join(label(r) for r in person.roles),
        location=ds.locations[person.location].name if person.location in ds.locations else person.location,
        capacity=person.capacity, primary=rows(False), deputy=rows(True),
        overdue=[d for d in mine if d.overdue], upcoming=[d for d in mine if not d.overdue],
        tasks=tasks_for(ds, sid, tasks, today), deadlines_page=Link("Fristenliste", coach_deadlines_path(sid)),
        calendar=f"../{coach_calendar_path(sid)}", ips_caseload=IPS_CASELOAD,
    )
