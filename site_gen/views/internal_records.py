"""Workplace, module and staff pages, and their overview lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..models.case import Case, Enrolment, Placement
from ..models.module import Module
from ..models.organisation import Role, Staff
from ..models.workplace import Workplace
from ..records.dataset import Dataset
from ..records.git import Change
from .company import CompanyView, company
from .consented import Consented
from .internal import (
    MODULES,
    STAFF,
    WORKPLACES,
    Link,
    case_link,
    label,
    location_name,
    module_link,
    module_path,
    staff_link,
    staff_path,
    workplace_link,
    workplace_path,
)
from .matching import WorkplaceSection
from .matching import workplace_section as matching_for_workplace


@dataclass(frozen=True, slots=True)
class RequirementRow:
    item: str
    group: str
    level: int


@dataclass(frozen=True, slots=True)
class WorkplaceContext:
    page: str
    today: dt.date
    wp: Workplace
    labels: dict[str, str]
    location: str
    analysed_by: Link | None
    requirements: list[RequirementRow]
    offered: list[str]
    placements: list[tuple[Link, Placement, dict[str, str]]]
    posting_public: bool
    changes: list[Change]
    source: str
    matching: WorkplaceSection | None
    company: CompanyView | None = None

    @property
    def requirement_rows(self) -> list[tuple[str, list[float | None]]]:
        return [(r.item, [r.level]) for r in self.requirements]


def workplace(ds: Consented, wid: str, today: dt.date, changes: list[Change] | None = None) -> WorkplaceContext:
    """``arbeitsplaetze/<id>.md``: analysis, requirements, mentors, posting preview, history."""
    wp = ds.workplaces[wid]
    reqs = [RequirementRow(ds.profile_items[i].label if i in ds.profile_items else i,
                           ds.profile_items[i].group if i in ds.profile_items else "", level) for i, level in wp.requirements.items()]
    history = sorted(((case_link(ds, c.id), p, {"type": label(p.type), "status": label(p.status), "outcome": label(p.outcome) if p.outcome else "–"})
                      for c in ds.cases_by_workplace.get(wid, []) for p in c.placements if p.workplace == wid),
                     key=lambda t: t[1].start, reverse=True)
    post = wp.posting
    labels = {"sector": label(wp.company.sector), "status": label(wp.acquisition.status), "channel": label(wp.acquisition.channel)}
    return WorkplaceContext(workplace_path(wid), today, wp, labels, location_name(ds, wp.location),
                            staff_link(ds, wp.analysis.analysed_by) if wp.analysis else None, reqs,
                            [label(t) for t in wp.placement_types], history,
                            bool(post and post.publish and post.posted_on <= today <= post.valid_until),
                            changes or [], ds.path_of("workplaces", wid), matching_for_workplace(ds, wid, today), company(ds, wid, today))


@dataclass(frozen=True, slots=True)
class ModuleContext:
    page: str
    today: dt.date
    mod: Module
    programme: str
    requirements: list[str]
    trainers: list[Link]
    certification: str
    participants: list[tuple[Link, Enrolment, str, str]]
    changes: list[Change]
    source: str
    locations: list[str]
    """Where the course runs (issue 29): location names; empty: at every location."""


def module(ds: Consented, mid: str, today: dt.date, changes: list[Change] | None = None) -> ModuleContext:
    """``module/<id>.md``: curriculum, access requirements, trainers, certification, participants."""
    mod = ds.modules[mid]
    people = []
    for case in ds.cases_by_module.get(mid, []):
        for en in case.enrolments:
            if en.module == mid:
                confirmed = ", ".join(ds.access_requirements.get(r, r) for r in en.requirements_confirmed) or "–"
                people.append((case_link(ds, case.id), en, label(en.status), confirmed))
    people.sort(key=lambda t: (t[1].start, t[0].text), reverse=True)
    cert = label(mod.certification.kind)
    if mod.certification.body:
        cert += f" – {mod.certification.body}"
    return ModuleContext(module_path(mid), today, mod, ds.programmes.programme(mod.programme),
                         [ds.access_requirements.get(r, r) for r in mod.access_requirements],
                         [staff_link(ds, t) for t in mod.trainers], cert, people, changes or [], ds.path_of("modules", mid),
                         [location_name(ds, loc) for loc in mod.locations])


@dataclass(frozen=True, slots=True)
class StaffContext:
    page: str
    staff: Staff
    roles: list[str]
    location: str
    caseload: int
    primary: list[tuple[Link, str]]
    deputy: list[tuple[Link, str]]
    partners: list[tuple[Link, int]]
    modules: list[Link]


def deputy_index(ds: Dataset) -> dict[str, list[Case]]:
    """Staff id → open cases where that person is the tandem deputy."""
    index: dict[str, list[Case]] = defaultdict(list)
    for case in ds.cases.values():
        if case.closed is None:
            index[case.coaches.deputy].append(case)
    return index


def staff(ds: Consented, sid: str, deputies: dict[str, list[Case]] | None = None) -> StaffContext:
    """``personal/<id>.md``: caseload against capacity, tandem partners, modules.

    ``deputies``: :func:`deputy_index`, when rendering many staff pages.
    """
    person = ds.staff[sid]
    primary = ds.cases_by_coach.get(sid, [])
    deputy = (deputies if deputies is not None else deputy_index(ds)).get(sid, [])
    partners = Counter(c.coaches.deputy for c in primary) + Counter(c.coaches.primary for c in deputy)
    return StaffContext(staff_path(sid), person, [label(r) for r in person.roles], location_name(ds, person.location), len(primary),
                        _rows(ds, primary), _rows(ds, deputy),
                        [(staff_link(ds, p), n) for p, n in sorted(partners.items(), key=lambda t: (-t[1], t[0]))],
                        [module_link(ds, mid) for mid, m in sorted(ds.modules.items()) if sid in m.trainers])


def _rows(ds: Dataset, cases: list[Case]) -> list[tuple[Link, str]]:
    return [(case_link(ds, c.id), label(c.stage)) for c in sorted(cases, key=lambda c: (c.last_name, c.first_name, c.id))]


@dataclass(frozen=True, slots=True)
class ListContext:
    page: str
    rows: list[dict[str, Any]]


def workplace_list(ds: Consented, today: dt.date) -> ListContext:
    """``arbeitsplaetze/index.md``."""
    rows = [{"link": workplace_link(ds, wid), "id": wid, "sector": label(wp.company.sector), "district": wp.company.address.district,
             "status": label(wp.acquisition.status), "location": location_name(ds, wp.location),
             "posting": "ja" if wp.posting and wp.posting.publish and wp.posting.valid_until >= today else "nein",
             "people": len(ds.cases_by_workplace.get(wid, []))}
            for wid, wp in sorted(ds.workplaces.items(), key=lambda t: (t[1].company.name, t[0]))]
    return ListContext(f"{WORKPLACES}/index.md", rows)


def module_list(ds: Consented) -> ListContext:
    """``module/index.md``."""
    rows = [{"link": module_link(ds, mid), "id": mid, "programme": ds.programmes.programme(m.programme), "weeks": m.duration_weeks,
             "people": len(ds.cases_by_module.get(mid, []))} for mid, m in sorted(ds.modules.items(), key=lambda t: (t[1].title, t[0]))]
    return ListContext(f"{MODULES}/index.md", rows)


def staff_list(ds: Consented) -> ListContext:
    """``personal/index.md``: caseload per coach against capacity (≈ 15), links to the work pages."""
    from .coach import coach_ids

    working = set(coach_ids(ds))
    rows = []
    for sid, person in sorted(ds.staff.items(), key=lambda t: t[1].name):
        load = len(ds.cases_by_coach.get(sid, []))
        rows.append({"link": staff_link(ds, sid), "roles": ", ".join(label(r) for r in person.roles),
                     "location": location_name(ds, person.location), "caseload": load, "capacity": person.capacity,
                     "coach": Role.JOBCOACH in person.roles, "over": load > person.capacity,
                     "work": Link("Arbeitsübersicht", f"arbeit/{sid}.md") if sid in working else None})
    return ListContext(f"{STAFF}/index.md", rows)
