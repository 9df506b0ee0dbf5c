"""Need-to-know projection: one team's (or one coach's) view of the dataset.

``site-gen build --team LOCATION`` / ``--coach STAFF_ID`` builds from this
view. It keeps only the team's cases; since workplace and module pages list
participants from the cases dict, filtering the cases is the core. On top of
that it drops what names people outside the team: other teams' workplaces
and courses (a module that names its locations, issue 29)
(contact persons, mentors) unless a kept case was placed there, staff who
neither work at the location nor appear in a kept record, and load findings
about files that left the view.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from ..findings import Finding, UserError
from ..models.case import Case
from ..models.module import Module
from ..models.organisation import Organisation
from ..models.workplace import Workplace
from ..records.dataset import Dataset

D = TypeVar("D", bound=Dataset)


def _keeps(case: Case, location: str | None, coach: str | None) -> bool:
    if location is not None and case.location != location:
        return False
    return coach is None or coach in (case.coaches.primary, case.coaches.deputy)


def _staff_named_by(cases: dict[str, Case]) -> set[str]:
    out: set[str] = set()
    for case in cases.values():
        out |= {case.coaches.primary, case.coaches.deputy}
        out |= {p.assessor for p in case.ability_profiles if p.assessor != case.id} | {e.by for e in case.support_log}
    return out


def team_dataset(ds: D, location: str | None = None, coach: str | None = None) -> D:
    """The part of ``ds`` a team (``location``) or a coach (staff id) needs to know.

    Keeps the type: a team's part of a :class:`~.consented.Consented` view is
    still consented. Raises :class:`UserError` for an unknown location or staff id.
    """
    if location is None and coach is None:
        return ds
    _known(ds, location, coach)
    cases = {cid: c for cid, c in ds.cases.items() if _keeps(c, location, coach)}
    team_location = location or ds.staff[coach].location  # type: ignore[index]
    workplaces = _team_workplaces(ds, team_location, cases)
    modules = _team_modules(ds, team_location, cases)
    organisation: Organisation | None = None
    if ds.organisation is not None:
        staff_ids = _staff_to_keep(ds, team_location, cases, workplaces, modules)
        organisation = ds.organisation.model_copy(update={"staff": [s for s in ds.organisation.staff if s.id in staff_ids]})
    kept = {("cases", c) for c in cases} | {("workplaces", w) for w in workplaces} | {("modules", m) for m in modules}
    files = {key: path for key, path in ds.files.items() if key in kept}
    return replace(ds, organisation=organisation, cases=cases, workplaces=workplaces, modules=modules, files=files,
                   findings=_own_findings(ds, files))


def _team_modules(ds: Dataset, team_location: str, cases: dict[str, Case]) -> dict[str, Module]:
    """Courses at the team's location (issue 29: a module without locations runs everywhere) and those a kept case attends."""
    used = {e.module for c in cases.values() for e in c.enrolments}
    return {mid: m for mid, m in ds.modules.items() if not m.locations or team_location in m.locations or mid in used}


def _team_workplaces(ds: Dataset, team_location: str, cases: dict[str, Case]) -> dict[str, Workplace]:
    """The team's workplaces and those a kept case was placed at or disclosed to."""
    used = {p.workplace for c in cases.values() for p in c.placements} | {d.workplace for c in cases.values() for d in c.disclosures}
    return {wid: w for wid, w in ds.workplaces.items() if w.location == team_location or wid in used}


def _own_findings(ds: Dataset, files: dict[tuple[str, str], str]) -> list[Finding]:
    """Load findings about kept record files and about everything that is not a case or workplace."""
    return team_findings(files, ds.findings)


def team_findings(files: dict[tuple[str, str], str], findings: list[Finding]) -> list[Finding]:
    """The ``findings`` (e.g. the tasks time made due) about a team's records (``files`` of its view) and about
    everything that is not a case or workplace: another team's cases stay off its pages."""
    own_files = set(files.values())
    return [f for f in findings if f.file in own_files or not f.file.startswith(("cases/", "workplaces/", "modules/"))]


def _known(ds: Dataset, location: str | None, coach: str | None) -> None:
    if location is not None and location not in ds.locations:
        raise UserError(f"Den Standort '{location}' gibt es nicht.", "Kennung eines Standorts aus organisation.yaml angeben: " + ", ".join(sorted(ds.locations)) + ".")
    if coach is not None and coach not in ds.staff:
        raise UserError(f"Die Fachkraft '{coach}' gibt es nicht.", "Kennung aus organisation.yaml (staff) angeben.")


def _staff_to_keep(ds: Dataset, team_location: str, cases: dict[str, Case], workplaces: dict[str, Workplace],
                   modules: dict[str, Module]) -> set[str]:
    """The team's own staff and everyone a kept record names (trainers of the kept modules, analysts)."""
    staff_ids = {s.id for s in ds.staff.values() if s.location == team_location} | _staff_named_by(cases)
    staff_ids |= {t for m in modules.values() for t in m.trainers}
    staff_ids |= {w.analysis.analysed_by for w in workplaces.values() if w.analysis is not None}
    return staff_ids
