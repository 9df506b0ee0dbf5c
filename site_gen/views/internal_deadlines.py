"""Deadlines ("Fristen") for the dashboards, the deadline page and each dossier.

Rules (documented on the page ``fristen.md``):

* consents that are live today and expire within :data:`CONSENT_DAYS` days;
* trial placements (internships) running today that end within :data:`PLACEMENT_DAYS` days;
* goals still open or in progress whose review date has passed (overdue) or
  comes within :data:`REVIEW_DAYS` days;
* the development report (Entwicklungsbericht) of an open case within
  :data:`REPORT_DAYS` days or overdue: from each cost approval whose report was
  not sent (see :mod:`site_gen.domain.approvals`); a case without approvals falls back
  to the anniversary of ``opened``;
* finished or aborted placements without a reflection talk (``reflection_on``);
* a company's follow-up (``follow_up`` of its latest contact) within
  :data:`FOLLOW_UP_DAYS` days or overdue, for the staff member who recorded
  that contact (no case; the record is the workplace);
* a case past its retention period keeps one deadline: its erasure (id only).

Closed cases have no deadlines. Every deadline knows its case's tandem
(``primary``, ``deputy``), so lists can be narrowed to one coach.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..domain.approvals import open_reports, weeks_before_end
from ..domain.consent import is_live
from ..employer.history import open_follow_ups
from ..models.case import Case, GoalStatus, PlacementStatus
from ..models.common import TRIAL_TYPES
from ..records.dataset import Dataset
from .consented import Consented
from .internal import Link, case_link, case_path, label, staff_link, workplace_link

CONSENT_DAYS = 60
PLACEMENT_DAYS = 30
REVIEW_DAYS = 30
REPORT_DAYS = 30
FOLLOW_UP_DAYS = 14

KIND_CONSENT = "Einwilligung läuft ab"
KIND_PLACEMENT = "Praktikum endet"
KIND_REVIEW_OVERDUE = "Überprüfung überfällig"
KIND_REVIEW = "Überprüfung steht an"
KIND_REPORT = "Entwicklungsbericht fällig"
KIND_REFLECTION = "Reflexionsgespräch offen"
KIND_ERASURE = "Löschung fällig"
KIND_FOLLOW_UP = "Wiedervorlage Betrieb"


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
    cid: str = ""
    """The case's pseudonymous id."""
    coach: Link | None = None
    """The case's primary coach."""
    primary: str = ""
    deputy: str = ""
    record: str = "Akte"
    """What ``cid`` names: "Akte" (a case) or "Betrieb" (a workplace, for a company follow-up)."""

    @property
    def when(self) -> str:
        """German distance to today: "heute", "in 3 Tagen", "überfällig seit 1 Tag"."""
        return days_text(self.days)

    @property
    def overdue(self) -> bool:
        return self.days < 0

    def role_of(self, sid: str) -> str:
        """"hauptverantwortlich" or "Vertretung" for staff ``sid``."""
        return "hauptverantwortlich" if sid == self.primary else "Vertretung" if sid == self.deputy else ""


def days_text(days: int) -> str:
    """Days from today in German words, never a negative number."""
    if days == 0:
        return "heute"
    n = abs(days)
    unit = "Tag" if n == 1 else "Tagen"
    return f"in {n} {unit}" if days > 0 else f"überfällig seit {n} {unit}"


def _anniversary(opened: dt.date, today: dt.date) -> dt.date:
    for year in (today.year, today.year + 1):
        try:
            day = opened.replace(year=year)
        except ValueError:  # 29 February
            day = dt.date(year, 3, 1)
        if day >= today:
            return day
    return today


Due = tuple[dt.date, str, str]
"""(day, kind, detail) of one deadline."""


def _consent_dates(ds: Dataset, case: Case, today: dt.date) -> Iterator[Due]:
    purposes = ds.purposes
    for con in case.consents:
        if con.valid_until is not None and is_live(con, today) and (con.valid_until - today).days <= CONSENT_DAYS:
            yield con.valid_until, KIND_CONSENT, purposes[con.purpose].label if con.purpose in purposes else con.purpose


def _placement_dates(ds: Dataset, case: Case, today: dt.date) -> Iterator[Due]:
    for pl in case.placements:
        running = pl.status is PlacementStatus.RUNNING and pl.start <= today
        if pl.type in TRIAL_TYPES and running and pl.end is not None and 0 <= (pl.end - today).days <= PLACEMENT_DAYS:
            yield pl.end, KIND_PLACEMENT, f"{label(pl.type)} bei {workplace_link(ds, pl.workplace).text}"
        if pl.status is PlacementStatus.FINISHED and pl.reflection_on is None and pl.end is not None:
            yield pl.end, KIND_REFLECTION, f"{label(pl.type)} bei {workplace_link(ds, pl.workplace).text}"
        elif pl.status is PlacementStatus.ABORTED and pl.reflection_on is None and pl.start <= today:
            # Issue 29: a broken-off placement needs its reflection talk too (from its last day, else its first).
            yield pl.end or pl.start, KIND_REFLECTION, f"{label(pl.type)} bei {workplace_link(ds, pl.workplace).text} (abgebrochen)"


def _goal_dates(case: Case, today: dt.date) -> Iterator[Due]:
    for goal in case.goals:
        if goal.status in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS):
            if goal.review_on < today:
                yield goal.review_on, KIND_REVIEW_OVERDUE, goal.goal
            elif (goal.review_on - today).days <= REVIEW_DAYS:
                yield goal.review_on, KIND_REVIEW, goal.goal


def _report_dates(ds: Dataset, case: Case, today: dt.date) -> Iterator[Due]:
    """The development reports the cost approvals make due; without approvals, the yearly one."""
    if case.cost_approvals:
        for _, approval, due in open_reports(case, weeks_before_end(ds)):
            if (due - today).days <= REPORT_DAYS:
                yield due, KIND_REPORT, f"{label(approval.bearer)}: {label(approval.measure)} bis {approval.end:%d.%m.%Y}"
        return
    due = _anniversary(case.opened, today)
    if due > case.opened and (due - today).days <= REPORT_DAYS:
        yield due, KIND_REPORT, label(case.cost_bearer)


def case_deadlines(ds: Dataset, case: Case, today: dt.date) -> list[Deadline]:
    """Every deadline of one case, soonest first (none for a closed case)."""
    if case.closed is not None:
        return []
    link = case_link(ds, case.id)
    coach = staff_link(ds, case.coaches.primary)
    dues = [*_consent_dates(ds, case, today), *_placement_dates(ds, case, today), *_goal_dates(case, today), *_report_dates(ds, case, today)]
    out = [Deadline(due, (due - today).days, kind, link, detail, case.location, case.provider,
                    case.id, coach, case.coaches.primary, case.coaches.deputy) for due, kind, detail in dues]
    return sorted(out, key=lambda d: (d.due, d.kind))


def erasure_deadlines(ds: Consented, today: dt.date) -> list[Deadline]:
    """The one deadline a case past its retention period keeps: its erasure (id only, nothing personal)."""
    return [Deadline(e.due, (e.due - today).days, KIND_ERASURE, Link(cid, case_path(cid)), "Aufbewahrungsfrist abgelaufen",
                     e.location, e.provider, cid, staff_link(ds, e.primary), e.primary, e.deputy)
            for cid, e in ds.erasure.items()]


def company_deadlines(ds: Dataset, today: dt.date) -> list[Deadline]:
    """The open follow-ups of every company, due within :data:`FOLLOW_UP_DAYS` days or overdue."""
    out = []
    for wid, wp in ds.workplaces.items():
        for contact in open_follow_ups(wp):
            if contact.follow_up is not None and (contact.follow_up - today).days <= FOLLOW_UP_DAYS:
                out.append(Deadline(contact.follow_up, (contact.follow_up - today).days, KIND_FOLLOW_UP, workplace_link(ds, wid),
                                    f"{label(contact.kind)} am {contact.date:%d.%m.%Y}", wp.location, wp.provider, wid,
                                    staff_link(ds, contact.by), contact.by, contact.by, "Betrieb"))
    return out


def all_deadlines(ds: Consented, today: dt.date) -> list[Deadline]:
    """Deadlines of every case and every company follow-up, soonest (most overdue) first; a case past retention has only its erasure."""
    out = [d for case in ds.cases.values() for d in case_deadlines(ds, case, today)] + company_deadlines(ds, today) + erasure_deadlines(ds, today)
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
    coaches: list[Link]
    consent_days: int
    placement_days: int
    review_days: int
    report_days: int
    report_weeks: int = 6


def group_deadlines(items: list[Deadline]) -> list[DeadlineGroup]:
    """Group by kind in a fixed order (only kinds that occur)."""
    order = (KIND_ERASURE, KIND_CONSENT, KIND_REVIEW_OVERDUE, KIND_PLACEMENT, KIND_REPORT, KIND_REVIEW, KIND_REFLECTION, KIND_FOLLOW_UP)
    return [DeadlineGroup(k, [d for d in items if d.kind == k]) for k in order if any(d.kind == k for d in items)]


def deadline_page(ds: Consented, today: dt.date) -> DeadlinePageContext:
    """``fristen.md``: all deadlines, grouped by kind."""
    return DeadlinePageContext("fristen.md", today, group_deadlines(all_deadlines(ds, today)), deadline_links(ds),
                               CONSENT_DAYS, PLACEMENT_DAYS, REVIEW_DAYS, REPORT_DAYS, weeks_before_end(ds))



def by_coach(items: list[Deadline]) -> dict[str, list[Deadline]]:
    """Per coach, the deadlines of cases where the coach is primary or deputy, in one pass (a coach without deadlines is missing).

    Per coach, a pass over every deadline cost minutes at 10,000 cases and 800 coaches."""
    index: dict[str, list[Deadline]] = {}
    for d in items:
        index.setdefault(d.primary, []).append(d)
        if d.deputy != d.primary:
            index.setdefault(d.deputy, []).append(d)
    return index


@dataclass(frozen=True, slots=True)
class CoachDeadlinePageContext:
    page: str
    today: dt.date
    coach: Link
    sid: str
    items: list[Deadline]
    calendar: str
    """File name of the coach's calendar feed (beside the page)."""
    others: list[Link]
    subscriptions: list[tuple[str, str]]
    """(label, address relative to this page) of the subscribable feeds (own cases, deputy cases); empty without a feed key."""


def deadline_holders(ds: Dataset) -> set[str]:
    """Staff ids that deadlines can name: coaches (primary or deputy) of open cases and of cases to erase,
    and whoever recorded a company contact with an open follow-up."""
    erasure = ds.erasure.values() if isinstance(ds, Consented) else ()
    return ({c.coaches.primary for c in ds.cases.values() if c.closed is None}
            | {c.coaches.deputy for c in ds.cases.values() if c.closed is None}
            | {e.primary for e in erasure} | {e.deputy for e in erasure}
            | follow_up_staff(ds))


def deadline_links(ds: Dataset) -> list[Link]:
    """One link per staff member whom deadlines name to that person's deadline page (every such person gets one)."""
    sids = deadline_holders(ds) & set(ds.staff)
    return [Link(ds.staff[s].name, coach_deadlines_path(s)) for s in sorted(sids, key=lambda s: ds.staff[s].name)]


def follow_up_staff(ds: Dataset) -> set[str]:
    """Staff (known in organisation.yaml) with an open company follow-up: they get a work and a deadline page too."""
    return {c.by for wp in ds.workplaces.values() for c in open_follow_ups(wp) if c.follow_up is not None} & set(ds.staff)


def coach_deadlines_path(sid: str) -> str:
    return f"fristen/{sid}.md"


def coach_calendar_path(sid: str) -> str:
    return f"fristen/{sid}.ics"


def coach_deadline_page(ds: Consented, sid: str, today: dt.date, mine: list[Deadline], others: list[Link],
                        subscriptions: dict[str, str] | None = None) -> CoachDeadlinePageContext:
    """``fristen/<staff-id>.md``: the deadlines of one coach's cases (primary and deputy, ``mine``: from :func:`by_coach`),
    no JavaScript needed. ``others``: :func:`deadline_links`. ``subscriptions``: feed → path of the subscribable feeds."""
    labels = {"eigene": "Eigene Akten (hauptverantwortlich)", "vertretung": "Vertretung im Tandem"}
    links = [(labels[feed], f"../{path}") for feed, path in (subscriptions or {}).items()]
    return CoachDeadlinePageContext(coach_deadlines_path(sid), today, staff_link(ds, sid), sid, mine, f"{sid}.ics", others, links)
