"""The application folder (Bewerbungsmappe) as a typed context: what the person shows an employer.

The profile without any health-related item (those are never for
employers), the strengths, the experience from placements and the completed
course modules. Support needs and disclosures are never part of it. The
caller checks the consent ``profil-an-arbeitgeber`` (:data:`PURPOSE`) and
passes the consent-filtered dataset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..labels import PLACEMENT_LABELS, month_year
from ..matching.features import sector_label
from ..matching.profile import usable_profile
from ..models.case import Case, EnrolmentStatus, PlacementStatus
from ..models.module import CertificationKind
from .consented import Consented
from .profile_figures import ProfileFigure, ProfileRow

PURPOSE = "profil-an-arbeitgeber"
STRONG = 4
"""Ratings from this value up are named as strengths ("Das kann ich sehr gut")."""


@dataclass(frozen=True)
class Experience:
    company: str
    sector: str
    kind: str
    period: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Course:
    title: str
    finished: str
    certificate: str | None


@dataclass(frozen=True)
class MappeContext:
    """Everything the application-folder template shows."""

    name: str
    today: dt.date
    company: str | None
    wishes: tuple[str, ...]
    interests: tuple[str, ...]
    strengths: tuple[str, ...]
    top_items: tuple[str, ...]
    profile: ProfileFigure | None
    experience: tuple[Experience, ...]
    courses: tuple[Course, ...]
    coach: str | None
    team_phone: str | None
    team_email: str | None


def _experience(ds: Consented, case: Case, today: dt.date) -> list[Experience]:
    """Placements begun and running or finished, oldest first."""
    out = []
    for p in sorted(case.placements, key=lambda p: p.start):
        if p.start > today or p.status not in (PlacementStatus.RUNNING, PlacementStatus.FINISHED):
            continue
        wp = ds.workplaces.get(p.workplace)
        end = "heute" if p.status is PlacementStatus.RUNNING or p.end is None else month_year(p.end)
        company, sector = (wp.company.name, sector_label(wp.company.sector)) if wp else ("Betrieb", "")
        tasks = tuple(wp.analysis.tasks) if wp and wp.analysis else ()
        out.append(Experience(company, sector, PLACEMENT_LABELS[p.type], f"{month_year(p.start)} bis {end}", tasks))
    return out


def _courses(ds: Consented, case: Case) -> list[Course]:
    """Completed courses, with the certificate's issuing body where one was given."""
    out = []
    for e in case.enrolments:
        mod = ds.modules.get(e.module)
        if e.status is EnrolmentStatus.COMPLETED and mod:
            cert = None if mod.certification.kind is CertificationKind.NONE or not e.certificate else (mod.certification.body or "Bescheinigung")
            out.append(Course(mod.title, month_year(e.end or e.start), cert))
    return out


def mappe_context(ds: Consented, case: Case, workplace_id: str | None, today: dt.date) -> MappeContext:
    """The typed context of the folder (``ds`` consent-filtered; the caller has checked the consent)."""
    items = {k: v for k, v in ds.profile_items.items() if not v.health_related}
    profile = usable_profile(case, today, ds.purposes, items)
    rows = [ProfileRow(items[k].label, profile.ratings[k]) for k in items if k in profile.ratings]
    loc = ds.locations.get(case.location)
    coach = ds.staff.get(case.coaches.primary)
    wp = ds.workplaces.get(workplace_id) if workplace_id else None
    figure = ProfileFigure("Meine Fähigkeiten (1 wenig bis 5 sehr gut)", tuple(rows)) if rows else None
    return MappeContext(
        f"{case.first_name} {case.last_name}", today, wp.company.name if wp else None, tuple(case.wishes), tuple(case.interests),
        tuple(case.strengths), tuple(r.label for r in rows if (r.ability or 0) >= STRONG), figure,
        tuple(_experience(ds, case, today)), tuple(_courses(ds, case)), coach.name if coach else None,
        loc.team_phone if loc else None, loc.team_email if loc else None,
    )
