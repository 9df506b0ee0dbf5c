"""The company part of a workplace page: contact history, acquisition stage, placements and returns per year,
mentors, open questions and the answers that helped, open follow-ups.

Built from a :class:`~site_gen.views.consented.Consented` dataset, so a contact
about a person without consent shows no text and no case.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..employer.history import STAGE_LABELS, STAGES, Stage, open_follow_ups, placements_at, returns_at, stage
from .consented import Consented
from .internal import Link, case_link, label, staff_link


@dataclass(frozen=True, slots=True)
class ContactRow:
    date: dt.date
    kind: str
    by: Link
    minutes: str
    summary: str
    case: Link | None
    follow_up: dt.date | None


@dataclass(frozen=True, slots=True)
class MentorRow:
    name: str
    trained: str
    placements: int


@dataclass(frozen=True, slots=True)
class CompanyView:
    stage: Stage
    path: list[tuple[str, bool]]
    """(stage label, reached?) for the five steps."""
    contacts: list[ContactRow]
    minutes: int
    years: list[tuple[int, int, int]]
    """(year, placements begun, returns to the workshop)."""
    mentors: list[MentorRow]
    open_questions: list[tuple[dt.date, str]]
    answered: list[tuple[dt.date, str, str]]
    follow_ups: list[tuple[dt.date, bool]]
    """(follow-up date, overdue?)."""
    fallback: bool


def _rows(ds: Consented, wid: str) -> list[ContactRow]:
    """The contacts, newest first (text already consent-filtered)."""
    log = sorted(ds.workplaces[wid].contact_log, key=lambda c: c.date, reverse=True)
    return [ContactRow(c.date, label(c.kind), staff_link(ds, c.by), str(c.minutes) if c.minutes else "–", c.summary,
                       case_link(ds, c.case) if c.case and c.case in ds.cases else None, c.follow_up) for c in log]


def _years(ds: Consented, wid: str, today: dt.date) -> list[tuple[int, int, int]]:
    begun = Counter(p.start.year for _, _, p in placements_at(ds, wid) if p.start <= today)
    back = Counter(day.year for _, day in returns_at(ds, wid))
    return [(y, begun[y], back[y]) for y in sorted(set(begun) | set(back))]


def _trained(trained: bool, on: dt.date | None) -> str:
    if not trained:
        return "nein"
    return f"ja, am {on:%d.%m.%Y}" if on else "ja"


def _mentors(ds: Consented, wid: str) -> list[MentorRow]:
    count = Counter(p.mentor for _, _, p in placements_at(ds, wid) if p.mentor)
    return [MentorRow(m.name, _trained(m.trained, m.trained_on), count[m.id]) for m in ds.workplaces[wid].mentors]


def company(ds: Consented, wid: str, today: dt.date) -> CompanyView:
    """The company section of ``arbeitsplaetze/<id>.md``."""
    wp = ds.workplaces[wid]
    now = stage(ds, wid, wp, today)
    log = sorted(wp.contact_log, key=lambda c: c.date, reverse=True)
    asked = [c for c in log if c.question]
    return CompanyView(
        now, [(STAGE_LABELS[s], STAGES.index(s) < now.step) for s in STAGES], _rows(ds, wid), sum(c.minutes or 0 for c in log),
        _years(ds, wid, today), _mentors(ds, wid),
        [(c.date, c.question) for c in asked if c.question and not c.answer],
        [(c.date, c.question, c.answer) for c in asked if c.question and c.answer],
        [(c.follow_up, c.follow_up < today) for c in open_follow_ups(wp) if c.follow_up], wp.fallback)
