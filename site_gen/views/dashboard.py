"""Dashboards per provider and per location: the figures the teams steer by.

Definitions (also printed on every dashboard page):

* **Außenarbeitsquote** = people in outplaced structures ÷ all workshop
  employees of the provider (``headcount.workshop_employees``, an
  organisation figure). Outplaced structures are *Außenarbeitsgruppe* and
  *ausgelagerter Einzelarbeitsplatz* (``OUTPLACED_TYPES``). Budget für Arbeit
  does **not** count: people in BfA have a regular contract and are no
  longer workshop employees (the seeds list BfA beside the quota). The
  numerator is the reported figure (``headcount.outplaced``) where the
  organisation gives one, otherwise the number of people with a running
  outplaced placement in the records (on 31 December, or today for the
  current year). Locations have no denominator of their own: their pages show
  the counts only.
* **Transitions** into BfA, BfAu and regular jobs: placements of that type
  that started in the year (status running or finished).
* **Returns** to the workshop: placements ending with outcome
  ``rueckkehr-werkstatt``, by year of their end.
* **Median days** from the information talk (``opened``) to the first
  employer contact (start of the first placement that is not only planned, or
  the first stage from ``vorstellungsgespraech`` on, whichever is earlier) and
  to trial work (first trial placement, or stage ``erprobung``). A support-log
  entry marked as employer contact (``employer: true``) on or after the
  information talk also counts as first employer contact. Medians are whole
  days (half days round up).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models.case import Case, Outcome, Placement, PlacementStatus
from ..models.common import OUTPLACED_TYPES, TRIAL_TYPES, PlacementType, Stage
from ..models.organisation import Role, Staff
from ..records.dataset import Dataset
from .access_funnel import RouteRow, route_funnel
from .after_placement import AfterFigures
from .after_placement import figures as after_figures
from .company_time import CompanyTime, company_time
from .consented import Consented
from .employer_figures import EmployerFigures, employer_figures
from .feedback import FeedbackFigures, feedback_figures
from .internal import FIGURES, Link, label, staff_link
from .internal_deadlines import Deadline, DeadlineGroup, all_deadlines, group_deadlines

TRANSITION_TYPES = (PlacementType.BUDGET_WORK, PlacementType.BUDGET_TRAINING, PlacementType.REGULAR)
CONTACT_STAGES = frozenset({Stage.INTERVIEW, Stage.TRIAL, Stage.REFLECTION, Stage.TRANSITION})
COACH_LOAD = 15


def running_on(pl: Placement, day: dt.date) -> bool:
    """Running on ``day`` (status running or finished, day inside start..end)."""
    return (pl.status in (PlacementStatus.RUNNING, PlacementStatus.FINISHED) and pl.start <= day
            and (pl.end is None or day <= pl.end) and not (pl.status is PlacementStatus.FINISHED and pl.end is None))


def outplaced_count(cases: list[Case], day: dt.date) -> int:
    """People with a running outplaced placement (group or individual) on ``day``."""
    return sum(1 for c in cases if any(p.type in OUTPLACED_TYPES and running_on(p, day) for p in c.placements))


@dataclass(frozen=True, slots=True)
class QuotaYear:
    year: int
    employees: int
    outplaced: int
    reported: bool
    quota: float
    target: float | None


@dataclass(frozen=True, slots=True)
class Quota:
    now: QuotaYear | None
    counted_now: int
    years: list[QuotaYear]
    target_year: int | None
    target: float | None
    gap: int | None
    """People still missing to reach the target with today's headcount (≤ 0: reached)."""


@dataclass(frozen=True, slots=True)
class DashboardContext:
    page: str
    title: str
    scope: str
    """"traeger" or "standort"."""
    today: dt.date
    quota: Quota | None
    open_cases: int
    by_type: list[tuple[str, str, int]]
    transitions: list[tuple[int, dict[str, int]]]
    transition_labels: list[tuple[str, str]]
    returns: list[tuple[int, int]]
    funnel: list[tuple[str, str, int, int | None]]
    median_contact: tuple[int | None, int]
    median_trial: tuple[int | None, int]
    coaches: list[tuple[str, Link, int, int]]
    coach_target: int
    deadlines: list[DeadlineGroup]
    links: list[Link]
    after: AfterFigures | None = None
    to_erase: int = 0
    """Closed cases past their retention period in this scope: counted, never shown."""
    employer: EmployerFigures | None = None
    feedback: FeedbackFigures | None = None
    """The participants' feedback after each phase, only over at least 5 people (issue 31)."""
    company_time: CompanyTime | None = None
    """Issue 29: share of time in companies per coach and team."""
    routes: list[RouteRow] = field(default_factory=list)
    """Issue 29: access routes → Infogespräch → Erprobung → Wechsel."""

    @property
    def quota_points(self) -> list[tuple[str, float]]:
        return [(str(y.year), y.quota) for y in self.quota.years] if self.quota else []

    @property
    def years(self) -> list[int]:
        return sorted({y for y, _ in self.transitions} | {y for y, _ in self.returns})

    @property
    def transition_map(self) -> dict[int, dict[str, int]]:
        return dict(self.transitions)

    @property
    def return_map(self) -> dict[int, int]:
        return dict(self.returns)

    @property
    def funnel_rows(self) -> list[tuple[str, list[float | None]]]:
        return [(name, [n]) for _, name, n, _ in self.funnel]

    @property
    def funnel_max(self) -> int:
        return max([n for _, _, n, _ in self.funnel] + [1])


def _quota(ds: Dataset, pid: str, cases: list[Case], today: dt.date) -> Quota:
    provider = ds.providers[pid]
    targets = {t.year: t.quota for t in provider.targets}
    years = []
    for h in sorted(provider.headcount, key=lambda h: h.year):
        day = today if h.year == today.year else dt.date(h.year, 12, 31)
        reported = h.outplaced is not None
        n = h.outplaced if h.outplaced is not None else outplaced_count(cases, day)
        years.append(QuotaYear(h.year, h.workshop_employees, n, reported, 100 * n / h.workshop_employees, targets.get(h.year)))
    current = [y for y in years if y.year <= today.year]
    now = current[-1] if current else None
    upcoming = sorted(y for y in targets if y >= today.year) or sorted(targets)
    target_year = upcoming[0] if upcoming else None
    target = targets.get(target_year) if target_year is not None else None
    gap = None
    if now is not None and target is not None:
        gap = -int(-target * now.employees // 100) - now.outplaced
    return Quota(now, outplaced_count(cases, today), years, target_year, target, gap)


def whole_days(value: float | None) -> int | None:
    """A median in whole days: half days round up (726.5 → 727)."""
    return None if value is None else math.floor(value + 0.5)


def _first(dates: list[dt.date | None]) -> dt.date | None:
    real = [d for d in dates if d is not None]
    return min(real) if real else None


def first_contact(case: Case) -> dt.date | None:
    """First employer contact (see module doc)."""
    pls = [p.start for p in case.placements if p.status is not PlacementStatus.PLANNED]
    stages = [s.since for s in case.stages if s.stage in CONTACT_STAGES]
    logged = [e.date for e in case.support_log if e.employer and e.date >= case.opened]
    return _first([min(pls, default=None), min(stages, default=None), min(logged, default=None)])


def first_trial(case: Case) -> dt.date | None:
    """Start of trial work (see module doc)."""
    pls = [p.start for p in case.placements if p.type in TRIAL_TYPES and p.status is not PlacementStatus.PLANNED]
    stages = [s.since for s in case.stages if s.stage is Stage.TRIAL]
    return _first([min(pls, default=None), min(stages, default=None)])


def _median_days(cases: list[Case], pick: object, today: dt.date) -> tuple[int | None, int]:
    days = [(d - c.opened).days for c in cases if (d := pick(c)) is not None and c.opened <= d <= today]  # type: ignore[operator]
    return (whole_days(statistics.median(days)) if days else None, len(days))


def _stage_days(cases: list[Case], today: dt.date) -> dict[Stage, list[int]]:
    out: dict[Stage, list[int]] = defaultdict(list)
    for c in cases:
        for i, s in enumerate(c.stages):
            until = c.stages[i + 1].since if i + 1 < len(c.stages) else (c.closed or today)
            out[s.stage].append(max((until - s.since).days, 0))
    return out


@dataclass(frozen=True, slots=True)
class _Scope:
    """Whose figures: one location or one provider."""

    cases: list[Case]
    title: str
    scope: str
    page: str
    provider: str
    links: list[Link]
    staff_ok: Callable[[Staff], bool]


def _scope(ds: Consented, provider: str | None, location: str | None) -> _Scope:
    if location is not None:
        pid = ds.provider_of_location[location]
        return _Scope([c for c in ds.cases.values() if c.location == location], f"Kennzahlen {ds.locations[location].name}", "standort",
                      f"{FIGURES}/standort-{location}.md", pid, [Link(ds.providers[pid].name, f"{FIGURES}/traeger-{pid}.md")],
                      lambda s: s.location == location)
    assert provider is not None
    pid = provider
    return _Scope([c for c in ds.cases.values() if c.provider == pid], f"Kennzahlen {ds.providers[pid].name}", "traeger",
                  f"{FIGURES}/traeger-{pid}.md", pid, [Link(loc.name, f"{FIGURES}/standort-{loc.id}.md") for loc in ds.providers[pid].locations],
                  lambda s: s.provider == pid)


def _transitions_and_returns(cases: list[Case], today: dt.date) -> tuple[dict[int, Counter[str]], Counter[int]]:
    """Moves per year (by type, running or finished) and returns to the workshop per year."""
    transitions: dict[int, Counter[str]] = defaultdict(Counter)
    returns: Counter[int] = Counter()
    for c in cases:
        for p in c.placements:
            if p.type in TRANSITION_TYPES and p.status in (PlacementStatus.RUNNING, PlacementStatus.FINISHED) and p.start <= today:
                transitions[p.start.year][p.type.value] += 1
            if p.outcome is Outcome.RETURN:
                returns[(p.end or p.start).year] += 1
    return transitions, returns


def _funnel(cases: list[Case], today: dt.date) -> list[tuple[str, str, int, int | None]]:
    """Open cases per stage with the median days spent in that stage."""
    stage_days = _stage_days(cases, today)
    counts = Counter(c.stage for c in cases if c.closed is None)
    return [(s.value, label(s), counts[s], whole_days(statistics.median(stage_days[s])) if stage_days.get(s) else None) for s in Stage]


def _to_erase(ds: Consented, provider: str, location: str | None) -> int:
    """Cases of the scope past their retention period (counted as closed, never shown)."""
    return sum(1 for e in ds.erasure.values() if (e.location == location if location is not None else e.provider == provider))


def _feedback(ds: Consented, cases: list[Case], today: dt.date, pid: str, location: str | None) -> FeedbackFigures:
    """Feedback figures; a provider's page knows its locations' groups (no figure may differ from them by a few people)."""
    parts = None if location is not None else [[c for c in cases if c.location == loc.id] for loc in ds.providers[pid].locations]
    return feedback_figures(cases, today, parts)


def dashboard(ds: Consented, today: dt.date, provider: str | None = None, location: str | None = None,
              deadlines: list[Deadline] | None = None) -> DashboardContext:
    """Figures for one provider (``provider``) or one location (``location``).

    ``deadlines``: :func:`all_deadlines` when the caller already has them.
    """
    sc = _scope(ds, provider, location)
    cases, pid = sc.cases, sc.provider
    by_type = Counter(p.type for c in cases for p in {p.type: p for p in c.placements if running_on(p, today)}.values())
    transitions, returns = _transitions_and_returns(cases, today)
    coaches = [(sid, staff_link(ds, sid), len(ds.cases_by_coach.get(sid, [])), s.capacity)
               for sid, s in sorted(ds.staff.items(), key=lambda t: t[1].name) if Role.JOBCOACH in s.roles and sc.staff_ok(s)]
    everything = all_deadlines(ds, today) if deadlines is None else deadlines
    deadlines = [d for d in everything if (d.location == location if location is not None else d.provider == pid)]
    return DashboardContext(
        page=sc.page, title=sc.title, scope=sc.scope, today=today,
        quota=_quota(ds, pid, cases, today) if location is None else None, open_cases=sum(1 for c in cases if c.closed is None),
        by_type=[(t.value, label(t), by_type[t]) for t in PlacementType],
        transitions=[(y, dict(transitions[y])) for y in sorted(transitions)],
        transition_labels=[(t.value, label(t)) for t in TRANSITION_TYPES],
        returns=sorted(returns.items()), funnel=_funnel(cases, today),
        median_contact=_median_days(cases, first_contact, today), median_trial=_median_days(cases, first_trial, today),
        coaches=coaches, coach_target=COACH_LOAD, deadlines=group_deadlines(deadlines), links=sc.links,
        after=after_figures(ds, cases, today), feedback=_feedback(ds, cases, today, pid, location),
        to_erase=_to_erase(ds, pid, location),
        employer=employer_figures(ds, today, (lambda p, loc: loc == location) if location is not None else (lambda p, loc: p == pid), sc.staff_ok),
        company_time=company_time(ds, today, sc.staff_ok),
        routes=route_funnel(ds, cases, today),
    )


@dataclass(frozen=True, slots=True)
class OverviewContext:
    page: str
    today: dt.date
    providers: list[tuple[Link, Quota, int, list[Link]]]


def overview(ds: Consented, today: dt.date) -> OverviewContext:
    """``kennzahlen/index.md``: the quota of every provider, links to all dashboards."""
    rows = []
    for pid, prov in ds.providers.items():
        cases = [c for c in ds.cases.values() if c.provider == pid]
        rows.append((Link(prov.name, f"{FIGURES}/traeger-{pid}.md"), _quota(ds, pid, cases, today),
                     sum(1 for c in cases if c.closed is None),
                     [Link(loc.name, f"{FIGURES}/standort-{loc.id}.md") for loc in prov.locations]))
    return OverviewContext(f"{FIGURES}/index.md", today, rows)
