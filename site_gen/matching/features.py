"""What the score needs from a case and from a workplace (pure).

Hours, the person's side (first that applies):
  1. a number of hours named in the wishes ("20 Stunden"),
  2. "Teilzeit" (20 h) or "Vollzeit" (35 h) named in the wishes,
  3. the weekly hours of the latest running or finished placement (what the
     person managed last), else unknown.
Hours, the workplace's side: the posting's ``hours_per_week``, else the
median weekly hours of placements recorded there, else unknown.

Placement types the person is looking for: types named in the wishes
(e.g. "Budget für Arbeit"); otherwise a trial type (Praktikum …) while the
person has not finished a trial yet, and afterwards any trial, outplaced or
Budget-für-Arbeit type.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..models.case import Case, Outcome, PlacementStatus
from ..models.catalogue import Purpose
from ..models.common import OUTPLACED_TYPES, SECTOR_LABELS, TRIAL_TYPES, PlacementType, Sector
from ..models.context import FactorKind, category, code_label
from ..models.organisation import Location, ProfileItem
from ..models.workplace import AcquisitionStatus, Workplace
from .keywords import sector_stems, stems
from .profile import UsableProfile, usable_profile

PART_TIME_HOURS = 20.0
FULL_TIME_HOURS = 35.0
_HOURS = re.compile(r"(\d{1,2})\s*(?:Stunden|Std)", re.I)
TYPE_WORDS: dict[PlacementType, tuple[str, ...]] = {
    PlacementType.INTERNSHIP: ("praktikum",),
    PlacementType.TASTER: ("schnupper",),
    PlacementType.OUTSIDE_GROUP: ("außenarbeitsgruppe", "aussenarbeitsgruppe"),
    PlacementType.OUTPLACED: ("außenarbeitsplatz", "einzelarbeitsplatz", "ausgelagert"),
    PlacementType.BUDGET_WORK: ("budget für arbeit", "budget fuer arbeit", "arbeitsvertrag"),
    PlacementType.BUDGET_TRAINING: ("budget für ausbildung", "ausbildung"),
    PlacementType.REGULAR: ("sozialversicherungspflichtig", "feste stelle", "richtige stelle"),
}
AFTER_TRIAL_TYPES = TRIAL_TYPES | OUTPLACED_TYPES | {PlacementType.BUDGET_WORK}


@dataclass(frozen=True)
class CaseFeatures:
    id: str
    profile: UsableProfile
    terms: tuple[tuple[str, str, frozenset[str]], ...]
    """("Wunsch" or "Interesse", the text as written, its stems)."""
    location: str
    district: str | None
    hours: float | None
    hours_source: str
    wanted_types: frozenset[PlacementType]
    types_source: str
    avoid: Mapping[str, str] = field(default_factory=dict)
    """Workplace id → German reason: a placement there ended with a return to the workshop or was aborted."""
    fallback: str | None = None
    """Why fallback places come first for this person (a recent return or crisis), or None."""
    barriers: frozenset[str] = frozenset()
    """ICF categories (e120 …) of the person's barriers; empty without a live consent 'gesundheitsdaten' (issue 29)."""


FALLBACK_DAYS = 180
"""A return to the workshop or a crisis intervention this recent puts the fallback network first."""


def fallback_reason(case: Case, today: dt.date) -> str | None:
    """German reason why low-threshold fallback places should come first: the latest return or crisis within
    :data:`FALLBACK_DAYS` days (a placement that ended with a return counts too); None otherwise."""
    events = [(r.date, "Rückkehr in die Werkstatt") for r in case.returns]
    events += [(p.end, "Rückkehr in die Werkstatt") for p in case.placements if p.outcome is Outcome.RETURN and p.end is not None]
    events += [(e.date, "Krisenintervention") for e in case.support_log if e.crisis is not None]
    recent = [(day, what) for day, what in events if 0 <= (today - day).days <= FALLBACK_DAYS]
    if not recent:
        return None
    day, what = max(recent)
    return f"{what} am {day.day:02d}.{day.month:02d}.{day.year}"


def ended_badly(case: Case) -> dict[str, str]:
    """Workplaces this person should not be proposed again, with the reason from the record."""
    out: dict[str, str] = {}
    for p in sorted(case.placements, key=lambda p: p.start):
        if p.outcome is Outcome.RETURN or p.status is PlacementStatus.ABORTED:
            what = "Rückkehr in die Werkstatt" if p.outcome is Outcome.RETURN else "abgebrochen"
            day = p.end or p.start
            reason = f"{what} am {day.day:02d}.{day.month:02d}.{day.year}"
            out[p.workplace] = reason + (f": {p.end_reason}" if p.end_reason else " (kein Grund eingetragen)")
    return out


@dataclass(frozen=True)
class WorkplaceFeatures:
    id: str
    requirements: Mapping[str, int]
    sector: Sector
    sector_stems: frozenset[str]
    text_stems: frozenset[str]
    """Stems of the posting title and tasks and of the analysed tasks."""
    location: str
    district: str
    transit: str | None
    """The public-transport text, None when it says there is none."""
    hours: float | None
    hours_source: str
    types: frozenset[PlacementType]
    closed: bool
    paused: bool
    fallback: bool = False
    """A low-threshold place of the fallback network (``fallback: true`` in the profile)."""
    facilitators: Mapping[str, str] = field(default_factory=dict)
    """ICF category → the workplace's facilitator text ('e330 Vorgesetzte: geschulte Mentorin') (issue 29)."""
    barriers: Mapping[str, str] = field(default_factory=dict)
    """ICF category → the workplace's barrier text."""


def fold_district(name: str | None) -> str | None:
    return None if name is None else " ".join(name.lower().split())


def _person_hours(case: Case, today: dt.date) -> tuple[float | None, str]:
    wishes = " ".join(case.wishes)
    if m := _HOURS.search(wishes):
        return float(m.group(1)), "Wunsch"
    low = wishes.lower()
    if "teilzeit" in low:
        return PART_TIME_HOURS, "Wunsch Teilzeit"
    if "vollzeit" in low:
        return FULL_TIME_HOURS, "Wunsch Vollzeit"
    done = [p for p in case.placements if p.start <= today and p.status in (PlacementStatus.RUNNING, PlacementStatus.FINISHED)]
    if done:
        return max(done, key=lambda p: p.start).hours_per_week, "letzte Platzierung"
    return None, "unbekannt"


def _wanted_types(case: Case, today: dt.date) -> tuple[frozenset[PlacementType], str]:
    low = " ".join(case.wishes).lower()
    named = frozenset(t for t, words in TYPE_WORDS.items() if any(w in low for w in words))
    if named:
        return named, "Wunsch"
    trial_done = any(p.type in TRIAL_TYPES and p.status is PlacementStatus.FINISHED and p.start <= today for p in case.placements)
    return (AFTER_TRIAL_TYPES, "nach der Erprobung") if trial_done else (TRIAL_TYPES, "erst eine Erprobung")


def case_features(
    case: Case, today: dt.date, purposes: Mapping[str, Purpose], items: Mapping[str, ProfileItem], locations: Mapping[str, Location]
) -> CaseFeatures:
    """Everything the score reads from a case, consent applied."""
    loc = locations.get(case.location)
    hours, hours_source = _person_hours(case, today)
    types, types_source = _wanted_types(case, today)
    terms = [("Wunsch", t, stems(t)) for t in case.wishes] + [("Interesse", t, stems(t)) for t in case.interests]
    profile = usable_profile(case, today, purposes, items)
    barriers = frozenset(category(f.code) for f in case.context_factors if f.kind is FactorKind.BARRIER) if profile.health_ok else frozenset()
    return CaseFeatures(case.id, profile, tuple(t for t in terms if t[2]),
                        case.location, fold_district(loc.district if loc else None), hours, hours_source, types, types_source,
                        ended_badly(case), fallback_reason(case, today), barriers)


def workplace_features(wp: Workplace, items: Mapping[str, ProfileItem], placed_hours: list[float]) -> WorkplaceFeatures:
    """Everything the score reads from a workplace. ``placed_hours``: weekly hours of placements there."""
    texts: list[str] = []
    if wp.posting:
        texts += [wp.posting.title, *wp.posting.tasks]
        hours, source = float(wp.posting.hours_per_week), "Ausschreibung"
    elif placed_hours:
        hours, source = float(statistics.median(placed_hours)), "bisherige Platzierungen"
    else:
        hours, source = None, "unbekannt"
    if wp.analysis:
        texts += wp.analysis.tasks
    status = wp.acquisition.status
    return WorkplaceFeatures(
        wp.id, {k: v for k, v in wp.requirements.items() if k in items}, wp.company.sector,
        sector_stems(wp.company.sector), frozenset().union(*(stems(t) for t in texts)), wp.location,
        fold_district(wp.company.address.district) or "", None if "kein" in wp.company.transit.lower() else wp.company.transit,
        hours, source, frozenset(wp.placement_types), status is AcquisitionStatus.CLOSED, status is AcquisitionStatus.PAUSED,
        wp.fallback,
        _factors(wp, FactorKind.FACILITATOR), _factors(wp, FactorKind.BARRIER),
    )


def _factors(wp: Workplace, kind: FactorKind) -> dict[str, str]:
    """ICF category → readable text of the workplace's factors of ``kind`` (the first per category)."""
    out: dict[str, str] = {}
    for f in wp.context_factors:
        if f.kind is kind:
            out.setdefault(category(f.code), code_label(f.code) + (f": {f.note.rstrip('.')}" if f.note else ""))
    return out


def sector_label(sector: Sector) -> str:
    return SECTOR_LABELS[sector].replace("·", "")
