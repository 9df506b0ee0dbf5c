"""Fidelity figures (Supported Employment / IPS) computed from the records: ``kennzahlen/qualitaet.md``.

Every figure carries its definition and source on the page (:data:`DEFINITIONS`).
Medians are whole days (half days round up). The page covers the cases of the
(consent-filtered, possibly team-narrowed) dataset.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from ..models.case import Case, Outcome, Placement, PlacementStatus
from ..models.organisation import Role
from .coach import IPS_CASELOAD
from .consented import Consented
from .dashboard import COACH_LOAD, first_contact, first_trial, running_on, whole_days
from .internal import FIGURES, Link, case_link, label, location_name, staff_link, workplace_link

PAGE = f"{FIGURES}/qualitaet.md"
CONTACT_MONTHS = 6
"""Employer contacts are counted over the last full calendar months before the key date."""
SOURCE_CASE = "Akten (cases/)"


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True, slots=True)
class CoachLoad:
    sid: str
    coach: Link
    location: str
    caseload: int
    capacity: int
    contacts: int
    contacts_per_month: float


@dataclass(frozen=True, slots=True)
class Median:
    key: str
    text: str
    days: int | None
    count: int


@dataclass(frozen=True, slots=True)
class StatusAfter:
    months: int
    counts: list[tuple[str, int]]
    total: int


@dataclass(frozen=True, slots=True)
class ReturnRow:
    day: dt.date
    case: Link
    workplace: Link
    placement: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class FidelityContext:
    page: str
    today: dt.date
    coaches: list[CoachLoad]
    ips_caseload: int
    seed_caseload: int
    contact_from: dt.date
    contact_until: dt.date
    contact_months: int
    medians: list[Median]
    workplaces: int
    sectors: list[tuple[str, int]]
    placements_counted: int
    status_after: list[StatusAfter]
    returns: list[ReturnRow]
    reasons: list[tuple[str, int]]
    follow_along: Median
    follow_running: int
    dashboards: list[Link]

    @property
    def within_ips(self) -> int:
        return sum(1 for c in self.coaches if c.caseload <= self.ips_caseload)


def _status_on(p: Placement, day: dt.date) -> str:
    """German status of a placement on ``day`` (after its start)."""
    if running_on(p, day):
        return "noch im Betrieb"
    if p.status is PlacementStatus.ABORTED:
        return "abgebrochen"
    if p.outcome is not None:
        return label(p.outcome)
    return "beendet, ohne Ergebnis eingetragen" if p.status is PlacementStatus.FINISHED else label(p.status)


def _started(case: Case) -> list[Placement]:
    return [p for p in case.placements if p.status is not PlacementStatus.PLANNED]


CONTRACT_TYPES = {"budget-fuer-arbeit", "budget-fuer-ausbildung", "sozialversicherungspflichtig", "ausgelagerter-einzelarbeitsplatz"}


def _coaches(ds: Consented, cases: list[Case], since: dt.date, until: dt.date) -> list[CoachLoad]:
    """Caseload and employer contacts per month of every job coach."""
    contacts = Counter(e.by for c in cases for e in c.support_log if e.employer and since <= e.date <= until)
    loads = Counter(c.coaches.primary for c in cases if c.closed is None)
    coaches = []
    for sid, s in sorted(ds.staff.items(), key=lambda t: (t[1].name, t[0])):
        if Role.JOBCOACH not in s.roles:
            continue
        coaches.append(CoachLoad(sid, staff_link(ds, sid), location_name(ds, s.location), loads[sid], s.capacity,
                                 contacts[sid], contacts[sid] / CONTACT_MONTHS))
    return coaches


def _median(cases: list[Case], today: dt.date, key: str, text: str, pick: object) -> Median:
    days = [(d - c.opened).days for c in cases if (d := pick(c)) is not None and c.opened <= d <= today]  # type: ignore[operator]
    return Median(key, text, whole_days(statistics.median(days)) if days else None, len(days))


def _status_after(cases: list[Case], today: dt.date) -> list[StatusAfter]:
    """Where placements stand 6 and 12 months after their start."""
    status_after = []
    for months in (6, 12):
        counted = [(p, add_months(p.start, months)) for c in cases for p in _started(c) if add_months(p.start, months) <= today]
        counts = Counter(_status_on(p, day) for p, day in counted)
        status_after.append(StatusAfter(months, sorted(counts.items(), key=lambda t: (-t[1], t[0])), len(counted)))
    return status_after


def _follow_along(cases: list[Case], today: dt.date) -> tuple[Median, int]:
    """Median days of support since the first contract, and how many of those cases are still open."""
    follow = []
    running = 0
    for c in cases:
        contracts = [p for p in _started(c) if p.type.value in CONTRACT_TYPES]
        if not contracts:
            continue
        start = min(p.start for p in contracts)
        if start > today:
            continue
        end = c.closed or today
        follow.append((end - start).days)
        running += c.closed is None
    return Median("tage-nachbetreuung", "Nachgehende Begleitung ab Vertragsbeginn",
                  whole_days(statistics.median(follow)) if follow else None, len(follow)), running


def fidelity(ds: Consented, today: dt.date, dashboards: list[Link]) -> FidelityContext:
    """All fidelity figures of ``ds`` on ``today``."""
    cases = list(ds.cases.values())
    until = today.replace(day=1) - dt.timedelta(days=1)
    since = add_months(today.replace(day=1), -CONTACT_MONTHS)
    coaches = _coaches(ds, cases, since, until)
    medians = [_median(cases, today, "tage-kontakt", "Infogespräch bis zum ersten Betriebskontakt", first_contact),
               _median(cases, today, "tage-erprobung", "Infogespräch bis zur Erprobung im Betrieb", first_trial)]
    year_ago = add_months(today, -12)
    recent = [p for c in cases for p in _started(c) if year_ago <= p.start <= today]
    sectors = Counter(label(ds.workplaces[p.workplace].company.sector) for p in recent if p.workplace in ds.workplaces)
    status_after = _status_after(cases, today)
    returns = sorted((ReturnRow(p.end or p.start, case_link(ds, c.id), workplace_link(ds, p.workplace), label(p.type), p.end_reason)
                      for c in cases for p in c.placements if p.outcome is Outcome.RETURN), key=lambda r: (r.day, r.case.target))
    reasons = Counter(r.reason or "kein Grund eingetragen" for r in returns)
    follow_median, running = _follow_along(cases, today)
    return FidelityContext(PAGE, today, coaches, IPS_CASELOAD, COACH_LOAD, since, until, CONTACT_MONTHS, medians,
                           len({p.workplace for p in recent}), sorted(sectors.items(), key=lambda t: (-t[1], t[0])), len(recent),
                           status_after, returns, sorted(reasons.items(), key=lambda t: (-t[1], t[0])), follow_median, running,
                           dashboards)
