"""Internal site: shared vocabulary, page addresses and the overview pages.

Views are pure: ``(Dataset, today, …) → typed context``. They never read
files and never produce markup; templates decide how things look. Every
internal page is built from :func:`site_gen.views.consented.consented_dataset`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..labels import LABELS, label
from ..models.case import Case
from ..models.common import Stage
from ..records.dataset import Dataset
from .consented import Consented

CASES, WORKPLACES, MODULES, STAFF, FIGURES = "akten", "arbeitsplaetze", "module", "personal", "kennzahlen"
__all__ = ["LABELS", "label"]  # re-exported: templates and older imports read them here

@dataclass(frozen=True, slots=True)
class Link:
    """A link to another page: ``target`` is the Markdown path below the docs root."""

    text: str
    target: str


def case_path(cid: str) -> str:
    return f"{CASES}/{cid}.md"


def workplace_path(wid: str) -> str:
    return f"{WORKPLACES}/{wid}.md"


def module_path(mid: str) -> str:
    return f"{MODULES}/{mid}.md"


def staff_path(sid: str) -> str:
    return f"{STAFF}/{sid}.md"


def location_cases_path(lid: str) -> str:
    return f"{CASES}/standort-{lid}.md"


def full_name(case: Case) -> str:
    return f"{case.first_name} {case.last_name}"


def case_link(ds: Dataset, cid: str) -> Link:
    case = ds.cases.get(cid)
    return Link(f"{full_name(case)} ({cid})", case_path(cid)) if case else Link(cid, "")


def workplace_link(ds: Dataset, wid: str) -> Link:
    wp = ds.workplaces.get(wid)
    return Link(wp.company.name, workplace_path(wid)) if wp else Link(wid, "")


def module_link(ds: Dataset, mid: str) -> Link:
    mod = ds.modules.get(mid)
    return Link(mod.title, module_path(mid)) if mod else Link(mid, "")


def staff_link(ds: Dataset, sid: str) -> Link:
    staff = ds.staff.get(sid)
    return Link(staff.name, staff_path(sid)) if staff else Link(sid, "")


def location_name(ds: Dataset, lid: str) -> str:
    loc = ds.locations.get(lid)
    return loc.name if loc else lid


# --- overview pages -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseRow:
    cid: str
    link: Link
    stage: str
    stage_since: dt.date
    coach: Link
    location: str
    closed: dt.date | None


@dataclass(frozen=True, slots=True)
class CaseListContext:
    page: str
    title: str
    rows: list[CaseRow]


@dataclass(frozen=True, slots=True)
class LocationCount:
    link: Link
    provider: str
    open_cases: int
    closed_cases: int
    """Closed cases, those past their retention period included (they are counted, never shown)."""
    to_erase: int = 0
    """Of these, the cases past their retention period."""


@dataclass(frozen=True, slots=True)
class CaseIndexContext:
    page: str
    locations: list[LocationCount]
    stages: list[tuple[str, int]]


def case_index(ds: Consented) -> CaseIndexContext:
    """``akten/index.md``: cases per location, links to the location lists."""
    open_, closed = Counter[str](), Counter[str]()
    for case in ds.cases.values():
        (closed if case.closed else open_)[case.location] += 1
    erase = Counter(e.location for e in ds.erasure.values())
    rows = [LocationCount(Link(loc.name, location_cases_path(lid)), ds.providers[ds.provider_of_location[lid]].name,
                          open_[lid], closed[lid] + erase[lid], erase[lid]) for lid, loc in ds.locations.items()]
    stages = Counter(c.stage for c in ds.cases.values() if c.closed is None)
    return CaseIndexContext(f"{CASES}/index.md", rows, [(label(s), stages[s]) for s in Stage])


def case_list(ds: Consented, lid: str) -> CaseListContext:
    """``akten/standort-<id>.md``: every case of one location, open ones first."""
    cases = sorted((c for c in ds.cases.values() if c.location == lid), key=lambda c: (c.closed is not None, c.last_name, c.first_name, c.id))
    rows = [CaseRow(c.id, Link(full_name(c), case_path(c.id)), label(c.stage), c.stages[-1].since, staff_link(ds, c.coaches.primary),
                    location_name(ds, c.location), c.closed) for c in cases]
    return CaseListContext(location_cases_path(lid), f"Akten: {location_name(ds, lid)}", rows)


@dataclass(frozen=True, slots=True)
class HomeContext:
    page: str
    today: dt.date
    site: str
    counts: list[tuple[Link, int]]
    deadlines: list[tuple[str, int]]
    teams: list[Any] = field(default_factory=list)
    """:class:`site_gen.views.home.TeamDay` per location."""
    week_until: dt.date | None = None


def home(ds: Consented, today: dt.date, deadline_kinds: list[tuple[str, int]], teams: list[Any] | None = None,
         week_until: dt.date | None = None) -> HomeContext:
    """``index.md``: what is where, and how many deadlines are open."""
    counts = [
        (Link("Akten (offen)", f"{CASES}/index.md"), sum(1 for c in ds.cases.values() if c.closed is None)),
        (Link("Arbeitsplätze", f"{WORKPLACES}/index.md"), len(ds.workplaces)),
        (Link("Module", f"{MODULES}/index.md"), len(ds.modules)),
        (Link("Personal", f"{STAFF}/index.md"), len(ds.staff)),
    ]
    names = ", ".join(p.name for p in ds.providers.values())
    return HomeContext("index.md", today, names, counts, deadline_kinds, teams or [], week_until)
