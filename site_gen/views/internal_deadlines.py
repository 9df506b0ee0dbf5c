"""Deadlines ("Fristen") for the dashboards, the deadline page and each dossier.

Rules (documented on the page ``fristen.md``):

* consents that are live today and expire within :data:`CONSENT_DAYS` days;
* trial placements (internships) running today that end within :data:`PLACEMENT_DAYS` days;
* goals still open or in progress whose review date has passed (overdue) or
  comes within :data:`REVIEW_DAYS` days;
* the development report (Entwicklungsbericht) of an open case within
  :data:`REPORT_DAYS` days or overdue: from each cost approval whose report was
  not sent (see :mod:`site_gen.approvals`); a case without approvals falls back
  to the anniversary of ``opened``;
* finished placements without a reflection talk (``reflection_on``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..approvals import open_reports, weeks_before_end
from ..consent import is_live
from ..dataset import Dataset
from ..models.case import Case, GoalStatus, PlacementStatus
from ..models.common import TRIAL_TYPES
from .internal import Link, case_link, label, workplace_link

CONSENT_DAYS = 60
PLACEMENT_DAYS = 30
REVIEW_DAYS = 30
REPORT_DAYS = 30

KIND_CONSENT = "Einwilligung läuft ab"
KIND_PLACEMENT = "Praktikum endet"
KIND_REVIEW_OVERDUE = "Überprüfung überfällig"
KIND_REVIEW = "Überprüfung steht an"
KIND_REPORT = "Entwicklungsbericht fällig"
KIND_REFLECTION = "Reflexionsgespräch offen"


@dataclass(frozen=True, slots=True)
class Deadline:
    due: dt.date
    days: int
    """Days from today; negative when overdue."""
    kind: str
    case: Link
    detail: str
    location: str
    provider: str


def _anniversary(opened: dt.date, today: dt.date) -> dt.date:
    for year in (today.year, today.year + 1):
        try:
            day = opened.replace(year=year)
        except ValueError:  # 29 February
            day = dt.date(year, 3, 1)
        if day >= today:
            return day
    return today


def case_deadlines(ds: Dataset, case: Case, today: dt.date) -> list[Deadline]:
    """Every deadline of one case, soonest first."""
    out: list[Deadline] = []
    link = case_link(ds, case.id)

    def add(due: dt.date, kind: str, detail: str) -> None:
        out.append(Deadline(due, (due - today).days, kind, link, detail, case.location, case.provider))

    purposes = ds.purposes
    for con in case.consents:
        if con.valid_until is not None and is_live(con, today) and (con.valid_until - today).days <= CONSENT_DAYS:
            add(con.valid_until, KIND_CONSENT, purposes[con.purpose].label if con.purpose in purposes else con.purpose)
    for pl in case.placements:
        running = pl.status is PlacementStatus.RUNNING and pl.start <= today
        if pl.type in TRIAL_TYPES and running and pl.end is not None and 0 <= (pl.end - today).days <= PLACEMENT_DAYS:
            add(pl.end, KIND_PLACEMENT, f"{label(pl.type)} bei {workplace_link(ds, pl.workplace).text}")
        if pl.status is PlacementStatus.FINISHED and pl.reflection_on is None and pl.end is not None:
            add(pl.end, KIND_REFLECTION, f"{label(pl.type)} bei {workplace_link(ds, pl.workplace).text}")
    for goal in case.goals:
        if goal.status in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS):
            if goal.review_on < today:
                add(goal.review_on, KIND_REVIEW_OVERDUE, goal.goal)
            elif (goal.review_on - today).days <= REVIEW_DAYS:
                add(goal.review_on, KIND_REVIEW, goal.goal)
    if case.closed is None and case.cost_approvals:
        for _, approval, due in open_reports(case, weeks_before_end(ds)):
            if (due - today).days <= REPORT_DAYS:
                add(due, KIND_REPORT, f"{label(approval.bearer)}: {label(approval.measure)} bis {approval.end:%d.%m.%Y}")
    elif case.closed is None:
        due = _anniversary(case.opened, today)
        if due > case.opened and (due - today).days <= REPORT_DAYS:
            add(due, KIND_REPORT, label(case.cost_bearer))
    return sorted(out, key=lambda d: (d.due, d.kind))


def all_deadlines(ds: Dataset, today: dt.date) -> list[Deadline]:
    """Deadlines of every case, soonest (most overdue) first."""
    out = [d for case in ds.cases.values() for d in case_deadlines(ds, case, today)]
    return sorted(out, key=lambda d: (d.due, d.kind, d.case.target))


@dataclass(frozen=True, slots=True)
class DeadlineGroup:
    kind: str
    items: list[Deadline]


@dataclass(frozen=True, slots=True)
class DeadlinePageContext:
    page: str
    today: dt.date
    groups: list[DeadlineGroup]
    consent_days: int
    placement_days: int
    review_days: int
    report_days: int
    report_weeks: int = 6


def group_deadlines(items: list[Deadline]) -> list[DeadlineGroup]:
    """Group by kind in a fixed order (only kinds that occur)."""
    order = (KIND_CONSENT, KIND_REVIEW_OVERDUE, KIND_PLACEMENT, KIND_REPORT, KIND_REVIEW, KIND_REFLECTION)
    return [DeadlineGroup(k, [d for d in items if d.kind == k]) for k in order if any(d.kind == k for d in items)]


def deadline_page(ds: Dataset, today: dt.date) -> DeadlinePageContext:
    """``fristen.md``: all deadlines, grouped by kind."""
    return DeadlinePageContext("fristen.md", today, group_deadlines(all_deadlines(ds, today)),
                               CONSENT_DAYS, PLACEMENT_DAYS, REVIEW_DAYS, REPORT_DAYS, weeks_before_end(ds))
