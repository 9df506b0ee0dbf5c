"""A company's history, derived from the records: acquisition stage, placements and returns, open follow-ups.

Pure functions over a :class:`~site_gen.records.dataset.Dataset`; the company page,
the deadlines and the employer figures all read them here, so the stage of a
company means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models.case import Case, Placement
from ..models.workplace import CompanyContact, ContactKind, Workplace
from ..records.dataset import Dataset

STAGES = ("akquise", "erstgespraech", "arbeitsplatzanalyse", "stelle", "kooperationsbetrieb")
"""The acquisition path of a company, in order."""
STAGE_LABELS = {"akquise": "Akquise", "erstgespraech": "Erstgespräch", "arbeitsplatzanalyse": "Arbeitsplatzanalyse",
                "stelle": "Stelle", "kooperationsbetrieb": "Kooperationsbetrieb"}


@dataclass(frozen=True, slots=True)
class Stage:
    """Where a company stands on the acquisition path, and why (a sentence a coach can check)."""

    id: str
    reason: str

    @property
    def label(self) -> str:
        return STAGE_LABELS[self.id]

    @property
    def step(self) -> int:
        """1 (Akquise) to 5 (Kooperationsbetrieb)."""
        return STAGES.index(self.id) + 1


def placements_at(ds: Dataset, wid: str) -> list[tuple[Case, int, Placement]]:
    """(case, 1-based number of the placement in the case, placement) of every placement at ``wid``."""
    return sorted(((c, n, p) for c in ds.cases_by_workplace.get(wid, []) for n, p in enumerate(c.placements, 1) if p.workplace == wid),
                  key=lambda t: (t[2].start, t[0].id))


def returns_at(ds: Dataset, wid: str) -> list[tuple[Case, dt.date]]:
    """(case, day back in the workshop) of every return after a placement at ``wid``."""
    return sorted(((c, r.date) for c in ds.cases_by_workplace.get(wid, []) for r in c.returns
                   if 0 < r.placement <= len(c.placements) and c.placements[r.placement - 1].workplace == wid),
                  key=lambda t: (t[1], t[0].id))


def _first(contacts: list[CompanyContact], kind: ContactKind) -> dt.date | None:
    days = [c.date for c in contacts if c.kind is kind]
    return min(days) if days else None


def stage(ds: Dataset, wid: str, wp: Workplace, today: dt.date) -> Stage:
    """The acquisition stage of ``wp`` from what the records show (no field to keep up to date by hand)."""
    started = [p for _, _, p in placements_at(ds, wid) if p.start <= today]
    if started:
        return Stage("kooperationsbetrieb", f"Erste Platzierung am {min(p.start for p in started):%d.%m.%Y}.")
    if wp.posting is not None or wp.requirements:
        return Stage("stelle", "Anforderungsprofil oder Ausschreibung liegt vor, noch keine Platzierung.")
    analysed = wp.analysis.analysed_on if wp.analysis else _first(wp.contact_log, ContactKind.ANALYSIS)
    if analysed is not None:
        return Stage("arbeitsplatzanalyse", f"Arbeitsplatzanalyse am {analysed:%d.%m.%Y}.")
    talk = _first(wp.contact_log, ContactKind.FIRST_TALK)
    if talk is not None:
        return Stage("erstgespraech", f"Erstgespräch am {talk:%d.%m.%Y}.")
    return Stage("akquise", "Noch kein Erstgespräch eingetragen.")


def open_follow_ups(wp: Workplace) -> list[CompanyContact]:
    """Contacts whose follow-up date no later contact has settled, earliest first."""
    latest = max((c.date for c in wp.contact_log), default=None)
    return sorted((c for c in wp.contact_log if c.follow_up is not None and c.date == latest), key=lambda c: c.follow_up or c.date)


def cooperating(ds: Dataset, wid: str, today: dt.date, months: int = 12) -> bool:
    """Active cooperating company: a placement running at ``wid`` within the last ``months`` months."""
    since = today - dt.timedelta(days=round(months * 30.44))
    return any(p.start <= today and (p.end is None or p.end >= since) for _, _, p in placements_at(ds, wid))
