"""Kennzahlen for the employer side, per provider or location and per coach.

Definitions (printed on the dashboard):

* **active cooperating companies**: workplaces with a placement that ran within the last 12 months;
* **companies by stage**: the acquisition stage derived from the records (:mod:`site_gen.employer.history`);
* **contacts per placement**: company contacts of the last 12 months ÷ placements begun in that time at
  the same companies (none when nothing began);
* **companies that placed again**: companies with at least two placements (of any person) ÷ companies
  with at least one;
* **time per company**: minutes of company contacts in the last 12 months ÷ companies contacted in that time;
* **per coach**: contacts, minutes and companies contacted in the last 12 months, by the staff member who
  recorded the contact.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..employer.history import STAGE_LABELS, STAGES, cooperating, placements_at, stage
from ..models.organisation import Staff
from ..models.workplace import CompanyContact
from .consented import Consented
from .internal import Link, staff_link

WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class CoachContacts:
    coach: Link
    contacts: int
    minutes: int
    companies: int


@dataclass(frozen=True, slots=True)
class EmployerFigures:
    companies: int
    cooperating: int
    stages: list[tuple[str, int]]
    contacts: int
    placements: int
    contacts_per_placement: float | None
    placed_once: int
    placed_again: int
    minutes_per_company: float | None
    coaches: list[CoachContacts]


def _coaches(ds: Consented, recent: list[tuple[str, CompanyContact]], staff_ok: Callable[[Staff], bool]) -> list[CoachContacts]:
    """Contacts, minutes and companies per staff member who recorded them (sorted by name)."""
    per_coach: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for wid, c in recent:
        per_coach[c.by].append((wid, c.minutes or 0))
    def name(sid: str) -> str:
        return ds.staff[sid].name if sid in ds.staff else sid
    return [CoachContacts(staff_link(ds, sid), len(rows), sum(m for _, m in rows), len({w for w, _ in rows}))
            for sid, rows in sorted(per_coach.items(), key=lambda t: name(t[0])) if sid not in ds.staff or staff_ok(ds.staff[sid])]


def _placed(ds: Consented, wids: list[str], today: dt.date, since: dt.date) -> tuple[int, int, int]:
    """(placements begun since ``since``, companies with a placement, companies with two or more)."""
    starts = {wid: [p.start for _, _, p in placements_at(ds, wid) if p.start <= today] for wid in wids}
    begun = sum(1 for days in starts.values() for day in days if since < day)
    return begun, sum(1 for days in starts.values() if days), sum(1 for days in starts.values() if len(days) >= 2)


def _ratio(a: int, b: int, digits: int | None) -> float | None:
    return None if not b else round(a / b, digits) if digits is not None else round(a / b)


def employer_figures(ds: Consented, today: dt.date, in_scope: Callable[[str, str], bool], staff_ok: Callable[[Staff], bool]) -> EmployerFigures:
    """The figures for the workplaces whose (provider, location) ``in_scope`` accepts; coaches by ``staff_ok``."""
    since = today - dt.timedelta(days=WINDOW_DAYS)
    wids = [wid for wid, wp in ds.workplaces.items() if in_scope(wp.provider, wp.location)]
    stages = Counter(stage(ds, wid, ds.workplaces[wid], today).id for wid in wids)
    recent = [(wid, c) for wid in wids for c in ds.workplaces[wid].contact_log if since < c.date <= today]
    begun, once, again = _placed(ds, wids, today, since)
    minutes = sum(c.minutes or 0 for _, c in recent)
    return EmployerFigures(
        len(wids), sum(1 for wid in wids if cooperating(ds, wid, today)), [(STAGE_LABELS[s], stages[s]) for s in STAGES],
        len(recent), begun, _ratio(len(recent), begun, 1), once, again, _ratio(minutes, len({w for w, _ in recent}), None),
        _coaches(ds, recent, staff_ok))
