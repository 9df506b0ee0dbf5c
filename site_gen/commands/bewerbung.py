"""``site-gen bewerbung CASE --out FILE``: a printable application folder in easy German.

Only with a live consent ``profil-an-arbeitgeber`` (naming the workplace
when ``--workplace`` is given). The folder shows the profile without any
health-related item (those are never for employers), the strengths, the
experience from placements and the completed course modules. Support needs
and disclosures are never part of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..consent import has_live
from ..dataset import load_dataset
from ..render.csp import DOCUMENT_CSP
from ..findings import UserError
from ..matching.features import sector_label
from ..matching.profile import usable_profile
from ..models.case import Case, EnrolmentStatus, PlacementStatus
from ..models.common import PLACEMENT_LABELS
from ..models.module import CertificationKind
from ..render.profile_chart import ProfileRow, side_by_side_svg, side_by_side_table
from ..views.consented import Consented, consented_dataset
from ..outputs import out_file
from .check import parse_date

PURPOSE = "profil-an-arbeitgeber"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "bewerbung"
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
    chart: Markup | None
    table: Markup | None
    experience: tuple[Experience, ...]
    courses: tuple[Course, ...]
    coach: str | None
    team_phone: str | None
    team_email: str | None


MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()


def _month(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def mappe_context(ds: Consented, case: Case, workplace_id: str | None, today: dt.date) -> MappeContext:
    """The typed context of the folder (``ds`` consent-filtered; the caller has checked the consent)."""
    items = {k: v for k, v in ds.profile_items.items() if not v.health_related}
    profile = usable_profile(case, today, ds.purposes, items)
    rows = [ProfileRow(items[k].label, profile.ratings[k]) for k in items if k in profile.ratings]
    title = "Meine Fähigkeiten (1 wenig bis 5 sehr gut)"
    experience = []
    for p in sorted(case.placements, key=lambda p: p.start):
        if p.start > today or p.status not in (PlacementStatus.RUNNING, PlacementStatus.FINISHED):
            continue
        wp = ds.workplaces.get(p.workplace)
        end = "heute" if p.status is PlacementStatus.RUNNING or p.end is None else _month(p.end)
        experience.append(Experience(wp.company.name if wp else "Betrieb", sector_label(wp.company.sector) if wp else "", PLACEMENT_LABELS[p.type],
                                     f"{_month(p.start)} bis {end}", tuple(wp.analysis.tasks) if wp and wp.analysis else ()))
    courses = []
    for e in case.enrolments:
        mod = ds.modules.get(e.module)
        if e.status is EnrolmentStatus.COMPLETED and mod:
            cert = None if mod.certification.kind is CertificationKind.NONE or not e.certificate else (mod.certification.body or "Bescheinigung")
            courses.append(Course(mod.title, _month(e.end or e.start), cert))
    loc = ds.locations.get(case.location)
    coach = ds.staff.get(case.coaches.primary)
    wp = ds.workplaces.get(workplace_id) if workplace_id else None
    return MappeContext(
        f"{case.first_name} {case.last_name}", today, wp.company.name if wp else None, tuple(case.wishes), tuple(case.interests),
        tuple(case.strengths), tuple(r.label for r in rows if (r.ability or 0) >= STRONG),
        side_by_side_svg(title, rows) if rows else None, side_by_side_table(title, rows) if rows else None,
        tuple(experience), tuple(courses), coach.name if coach else None, loc.team_phone if loc else None, loc.team_email if loc else None,
    )


@cache
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["document_csp"] = DOCUMENT_CSP
    return env


def render_mappe(ctx: MappeContext) -> str:
    return _env().get_template("mappe.html.j2").render(ctx=ctx)


def run(root: Path, case_id: str, workplace_id: str | None, out: Path | None, today: dt.date) -> int:
    """Check the consent, render, write ``out`` atomically."""
    ds = load_dataset(root)
    case = ds.cases.get(case_id)
    if case is None:
        hint = "Mit 'site-gen check' die Fehler anzeigen." if ds.exists("cases", case_id) else "Die Kennung so angeben, wie die Datei unter cases/ heißt."
        raise UserError(f"Die Akte '{case_id}' gibt es nicht oder sie hat Fehler.", hint)
    if workplace_id is not None and workplace_id not in ds.workplaces:
        raise UserError(f"Den Arbeitsplatz '{workplace_id}' gibt es nicht.", "Die Kennung so angeben, wie die Datei unter workplaces/ heißt.")
    if not has_live(case, today, ds.purposes, PURPOSE, workplace_id):
        where = f"für den Betrieb '{workplace_id}' " if workplace_id else ""
        raise UserError(f"Keine Bewerbungsmappe: es gibt {where}keine gültige Einwilligung „Profil an Arbeitgeber“.",
                        "Erst die Einwilligung mit der Person (oder der Betreuung) besprechen und in der Akte unter 'consents' eintragen "
                        f"(Zweck '{PURPOSE}', Empfänger: der Arbeitsplatz).")
    ds = consented_dataset(ds, today)
    html = render_mappe(mappe_context(ds, ds.cases[case_id], workplace_id, today))
    out = out_file(root, out, f"bewerbung-{case_id}{'-' + workplace_id if workplace_id else ''}.html")
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".bewerbung-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html)
    os.replace(tmp, out)
    print(f"Bewerbungsmappe geschrieben: {out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bewerbung", help="Bewerbungsmappe in einfacher Sprache als HTML (nur mit Einwilligung)")
    p.add_argument("case", help="Kennung der Akte")
    p.add_argument("--workplace", default=None, help="Kennung des Arbeitsplatzes, an den die Mappe geht")
    p.add_argument("--out", type=Path, default=None, help="Zieldatei (Standard: ausgabe/bewerbung-AKTE.html im Daten-Repository)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT für die Einwilligung")
    p.set_defaults(run=lambda a: run(a.root, a.case, a.workplace, a.out, a.today or dt.date.today()))
