"""After the move: the dossier section and the dashboard figures (issue 17).

Dossier: follow-along support with its tapering (contacts per month since the
start of the placement), Übergangsgruppe/IFD, contracts and wage (category;
amounts only when the consent filter left them), crises, changes at the
company, returns and HAA's qualification phase.

Dashboard definitions (also printed on the page):

* **Time in follow-along support**: months from ``start`` to ``end`` (or today).
* **Still in work N months after the move**: people whose first placement
  after the move (``WORKPLACE_TYPES``) started at least N months ago; counted
  when any such placement runs on the day N months after that start.
* **Crises per placement month**: support-log entries marked ``crisis`` inside
  a placement after the move, divided by the months those placements ran, by
  sector of the workplace.
* **Returns**: entries under ``returns`` by reason; placements ending with
  outcome ``rueckkehr-werkstatt`` without such an entry count as "Grund nicht erfasst".

Takes the consent-filtered dataset only.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..domain.after_placement import QUALIFICATION_YEARS, WORKPLACE_TYPES
from ..domain.dates import add_years
from ..models.after import ReturnReason
from ..models.case import Case, Outcome, Placement, PlacementStatus, ServiceKind
from ..models.common import PlacementType, Sector
from ..records.dataset import Dataset
from .consented import Consented
from .internal import Link, label, workplace_link

MONTH_DAYS = 30.4375
MILESTONES = (6, 12, 24)


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: dt.date, end: dt.date) -> float:
    return max((end - start).days, 0) / MONTH_DAYS


@dataclass(frozen=True, slots=True)
class TaperRow:
    label: str
    contacts: int
    minutes: int
    crises: int


@dataclass(frozen=True, slots=True)
class FollowAlongView:
    placement: str
    workplace: Link
    start: dt.date
    end: dt.date | None
    permanent: bool
    intensity: str
    months: float
    rows: list[TaperRow]


@dataclass(frozen=True, slots=True)
class AfterSection:
    follow_along: list[FollowAlongView]
    transition_group: list[tuple[Link, object]]
    contracts: list[tuple[str, object]]
    wage_amounts: list[tuple[str, object]]
    events: list[tuple[dt.date, str, str]]
    """Crisis interventions and changes at the company, by date: (day, event, occasion)."""
    returns: list[tuple[dt.date, str, str]]
    qualification: tuple[object, dt.date] | None
    """The phase and the day two years after its start."""

    @property
    def empty(self) -> bool:
        return not (self.follow_along or self.transition_group or self.contracts or self.events or self.returns or self.qualification)


def _placement_name(case: Case, no: int) -> str:
    if no > len(case.placements):
        return f"Platzierung {no}"
    return f"Platzierung {no} ({label(case.placements[no - 1].type)})"


def _taper(case: Case, pl_start: dt.date, since: dt.date, until: dt.date) -> list[TaperRow]:
    """Contacts per month since the placement started: months 1–12, then per year."""
    entries = [e for e in case.support_log if since <= e.date <= until and e.kind is not ServiceKind.INDIRECT]
    buckets: list[tuple[str, dt.date, dt.date]] = []
    k = 0
    while add_months(pl_start, k) <= until:
        if k < 12:
            buckets.append((f"Monat {k + 1}", add_months(pl_start, k), add_months(pl_start, k + 1)))
            k += 1
        else:
            buckets.append((f"Monate {k + 1}–{k + 12}", add_months(pl_start, k), add_months(pl_start, k + 12)))
            k += 12
    rows = []
    for text, lo, hi in buckets:
        inside = [e for e in entries if lo <= e.date < hi]
        rows.append(TaperRow(text, len(inside), sum(e.minutes for e in inside), sum(1 for e in inside if e.crisis is not None)))
    return rows


def case_section(ds: Dataset, case: Case, today: dt.date) -> AfterSection:
    """The dossier section "Nach dem Wechsel" of one (consent-filtered) case."""
    fas = []
    for fa in case.follow_along:
        if fa.placement > len(case.placements):
            continue
        pl = case.placements[fa.placement - 1]
        until = min(fa.end or today, today)
        fas.append(FollowAlongView(_placement_name(case, fa.placement), workplace_link(ds, pl.workplace), fa.start, fa.end, fa.permanent,
                                   label(fa.intensity), round(months_between(fa.start, until), 1), _taper(case, pl.start, fa.start, until)))
    events = [(e.date, f"Krisenintervention ({label(e.kind)})", label(e.crisis)) for e in case.support_log if e.crisis is not None]
    events += [(c.date, f"Veränderung im Betrieb, {_placement_name(case, c.placement)}", label(c.kind)) for c in case.company_changes]
    q = case.qualification
    return AfterSection(
        follow_along=fas,
        transition_group=[(_ifd_link(ds, tg.ifd), tg) for tg in case.transition_group],
        contracts=[(_placement_name(case, c.placement), c) for c in case.contracts],
        wage_amounts=[(_placement_name(case, w.placement), w) for w in case.wage_amounts],
        events=sorted(events),
        returns=sorted((r.date, label(r.reason), _placement_name(case, r.placement)) for r in case.returns),
        qualification=(q, add_years(q.start, QUALIFICATION_YEARS)) if q else None,
    )


def _ifd_link(ds: Dataset, ifd: str) -> Link:
    services = {s.id: s.name for s in ds.organisation.ifd_services} if ds.organisation else {}
    return Link(services.get(ifd, ifd), "")


# ---- dashboard ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Milestone:
    months: int
    eligible: int
    still: int

    @property
    def share(self) -> float | None:
        return 100 * self.still / self.eligible if self.eligible else None


@dataclass(frozen=True, slots=True)
class SectorCrises:
    key: str
    name: str
    crises: int
    months: float

    @property
    def rate(self) -> float | None:
        return self.crises / self.months if self.months else None


@dataclass(frozen=True, slots=True)
class AfterFigures:
    follow_running: int
    follow_permanent: int
    follow_median_months: float | None
    follow_count: int
    milestones: list[Milestone]
    sectors: list[SectorCrises]
    crisis_reasons: list[tuple[str, int]]
    changes: list[tuple[str, int]]
    returns: list[tuple[str, str, int]]
    transition_group: int
    handed_over: int
    qualification: int
    integration_due: int


def _after_move(case: Case) -> list[Placement]:
    return [p for p in case.placements if p.type in WORKPLACE_TYPES and p.status is not PlacementStatus.PLANNED]


def _runs_on(pl: Placement, day: dt.date) -> bool:
    return pl.start <= day and (pl.end is None or day <= pl.end) and pl.status is not PlacementStatus.PLANNED \
        and not (pl.status is not PlacementStatus.RUNNING and pl.end is None)


def _integration_due(c: Case, today: dt.date) -> bool:
    """A qualification began QUALIFICATION_YEARS ago, with neither an integration internship nor a move since."""
    if c.qualification is None:
        return False
    deadline = add_years(c.qualification.start, QUALIFICATION_YEARS)
    return (deadline <= today and not any(p.type is PlacementType.INTEGRATION_INTERNSHIP for p in c.placements)
            and not any(p.start <= deadline for p in _after_move(c)))


def _milestones(cases: list[Case], today: dt.date) -> list[Milestone]:
    """Per milestone: how many people reached it since their first placement after the move, and how many still work."""
    milestones = []
    for n in MILESTONES:
        eligible = still = 0
        for c in cases:
            pls = _after_move(c)
            if not pls:
                continue
            day = add_months(min(p.start for p in pls), n)
            if day > today:
                continue
            eligible += 1
            still += any(_runs_on(p, day) for p in pls)
        milestones.append(Milestone(n, eligible, still))
    return milestones


def _sectors_and_crises(ds: Consented, cases: list[Case], today: dt.date) -> tuple[list[SectorCrises], Counter[str]]:
    """Crises per sector against the months placements ran there, and crises by reason."""
    crises: Counter[str] = Counter()
    months: dict[str, float] = defaultdict(float)
    reasons: Counter[str] = Counter()
    for c in cases:
        for p in _after_move(c):
            wp = ds.workplaces.get(p.workplace)
            sector = wp.company.sector.value if wp is not None else "unbekannt"
            end = min(p.end or today, today)
            months[sector] += months_between(p.start, end)
            for e in c.support_log:
                if e.crisis is not None and p.start <= e.date <= end:
                    crises[sector] += 1
        for e in c.support_log:
            if e.crisis is not None and e.date <= today:
                reasons[label(e.crisis)] += 1
    sectors = [SectorCrises(key, label(Sector(key)) if key != "unbekannt" else "unbekannt",
                            crises[key], round(months[key], 1)) for key in sorted(months, key=lambda k: -months[k])]
    return sectors, reasons


def _return_rows(cases: list[Case]) -> list[tuple[str, str, int]]:
    """Returns to the workshop by reason; returns without a recorded reason last."""
    returns: Counter[str] = Counter()
    for c in cases:
        recorded = {r.placement for r in c.returns}
        for r in c.returns:
            returns[r.reason.value] += 1
        returns["nicht-erfasst"] += sum(1 for i, p in enumerate(c.placements, 1) if p.outcome is Outcome.RETURN and i not in recorded)
    return_rows = [(r.value, label(r), returns[r.value]) for r in ReturnReason if returns[r.value]]
    if returns["nicht-erfasst"]:
        return_rows.append(("nicht-erfasst", "Grund nicht erfasst", returns["nicht-erfasst"]))
    return return_rows


def _follow_along(cases: list[Case], today: dt.date) -> dict[str, Any]:
    """Follow-along support: running (of them permanent), median months and how many spans."""
    spans = [months_between(fa.start, min(fa.end or today, today)) for c in cases for fa in c.follow_along if fa.start <= today]
    running = [fa for c in cases for fa in c.follow_along if fa.start <= today and (fa.end is None or fa.end >= today)]
    return {"follow_running": len(running), "follow_permanent": sum(1 for fa in running if fa.permanent),
            "follow_median_months": round(statistics.median(spans), 1) if spans else None, "follow_count": len(spans)}


def _groups_and_qualification(cases: list[Case], today: dt.date) -> dict[str, Any]:
    """Transition group members today (handed over so far) and people in qualification (integration internship due)."""
    tg = [t for c in cases for t in c.transition_group if t.joined <= today and (t.left is None or t.left >= today)]
    qual = [c for c in cases if c.qualification is not None and c.closed is None]
    return {"transition_group": len(tg), "handed_over": sum(1 for t in tg if t.handover_on is not None and t.handover_on <= today),
            "qualification": len(qual), "integration_due": sum(1 for c in qual if _integration_due(c, today))}


def figures(ds: Consented, cases: list[Case], today: dt.date) -> AfterFigures:
    """The after-the-move figures of one dashboard (``cases`` of its provider or location)."""
    sectors, reasons = _sectors_and_crises(ds, cases, today)
    changes = Counter(label(ch.kind) for c in cases for ch in c.company_changes if ch.date <= today)
    return AfterFigures(
        milestones=_milestones(cases, today), sectors=sectors, crisis_reasons=sorted(reasons.items(), key=lambda t: (-t[1], t[0])),
        changes=sorted(changes.items(), key=lambda t: (-t[1], t[0])), returns=_return_rows(cases),
        **_follow_along(cases, today), **_groups_and_qualification(cases, today),
    )
