"""Typed contexts for "Passende Arbeitsplätze" (dossier) and "Passende Bewerber:innen" (workplace page).

The internal site calls :func:`case_section` / :func:`workplace_section`
(from :mod:`.internal_case` / :mod:`.internal_records`) and passes the result to the partials
``internal/partials/matching_case.md.j2`` / ``matching_workplace.md.j2`` as
``matching``. Consent is applied inside :mod:`site_gen.matching.profile`, so
a raw or a consent-filtered dataset gives the same, consented result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import UserError
from ..matching.compare import FLAG_LABELS, Comparison
from ..matching.features import sector_label
from ..matching.index import index_for
from ..matching.profile import usable_history, usable_profile
from ..matching.rank import FORMULA_DE, Fit, Part
from ..models.workplace import AcquisitionStatus
from ..records.dataset import Dataset
from .profile_figures import ProfileFigure, ProfileHistory, ProfileRow

TOP = 5


@dataclass(frozen=True)
class MatchRow:
    rank: int
    id: str
    """Workplace id (dossier) or case id (workplace page)."""
    text: str
    """Company name or person's name with id."""
    target: str
    """Markdown path of the linked page below the docs root."""
    detail: str
    score: float
    parts: tuple[Part, ...]
    """The score parts with their reasons, as ranked (templates round for display)."""
    summary: str
    comparison: Comparison
    profile: ProfileFigure | None
    """Ability next to requirement per item (None when nothing can be compared)."""


@dataclass(frozen=True)
class CaseSection:
    case_id: str
    today: dt.date
    note: str | None
    rows: tuple[MatchRow, ...]
    history: ProfileHistory | None
    history_note: str | None
    """Why there is no history chart (fewer than two usable assessments)."""
    formula: tuple[str, ...] = FORMULA_DE


@dataclass(frozen=True)
class WorkplaceSection:
    workplace_id: str
    today: dt.date
    note: str | None
    rows: tuple[MatchRow, ...]
    formula: tuple[str, ...] = FORMULA_DE


def profile_rows(comp: Comparison) -> list[ProfileRow]:
    """Chart rows of a comparison; notes name the flag in German."""
    return [ProfileRow(g.label, g.ability, g.requirement, FLAG_LABELS[g.flag]) for g in comp.items]


def _row(rank: int, rid: str, fit: Fit, text: str, target: str, detail: str) -> MatchRow:
    rows = tuple(profile_rows(fit.comparison))
    profile = ProfileFigure(f"Fähigkeit und Anforderung: {text}", rows) if rows else None
    return MatchRow(rank, rid, text, target, detail, round(fit.score, 1), fit.parts, fit.comparison.summary, fit.comparison, profile)


def case_section(ds: Dataset, case_id: str, today: dt.date, top: int = TOP) -> CaseSection | None:
    """Best workplaces for a case, with reasons, charts and the profile history."""
    case = ds.cases.get(case_id)
    if case is None:
        return None
    items = ds.profile_items
    note = usable_profile(case, today, ds.purposes, items).note
    rows: list[MatchRow] = []
    if case.closed is not None and case.closed <= today:
        note = "Die Akte ist geschlossen: keine Vorschläge."
    else:
        index = index_for(ds, today)
        features = index.case(case_id)
        if features is not None and features.avoid:
            left_out = "; ".join(f"{ds.workplaces[w].company.name if w in ds.workplaces else w} ({why})" for w, why in features.avoid.items())
            note = " ".join(filter(None, [note, f"Nicht mehr vorgeschlagen, weil eine Platzierung dort so endete: {left_out}."]))
        for k, fit in enumerate(index.workplaces_for(case_id, top), 1):
            wp = ds.workplaces[fit.workplace_id]
            detail = f"{sector_label(wp.company.sector)}, {wp.company.address.district}"
            rows.append(_row(k, wp.id, fit, wp.company.name, f"arbeitsplaetze/{wp.id}.md", detail))
    history = usable_history(case, today, ds.purposes, items)
    figure = None
    history_note = None if len(history) > 1 else (
        "Bisher gibt es eine Einschätzung. Der Verlauf erscheint ab der zweiten." if history else None)
    if len(history) > 1:
        ids = [i for i in items if any(i in r for _, _, r in history)]
        dates = tuple(d for d, _, _ in history)
        series = tuple((items[i].label, tuple(r.get(i) for _, _, r in history)) for i in ids)
        figure = ProfileHistory("Verlauf der Einschätzungen (1 gering bis 5 hoch)", dates, series)
    return CaseSection(case_id, today, note, tuple(rows), figure, history_note)


def workplace_section(ds: Dataset, workplace_id: str, today: dt.date, top: int = TOP) -> WorkplaceSection | None:
    """Best candidates for a workplace, with reasons and charts."""
    wp = ds.workplaces.get(workplace_id)
    if wp is None:
        return None
    if wp.acquisition.status is AcquisitionStatus.CLOSED:
        return WorkplaceSection(workplace_id, today, "Die Zusammenarbeit ist beendet: keine Vorschläge.", ())
    note = None if wp.requirements else "Es gibt noch kein Anforderungsprofil: die Arbeitsplatzanalyse fehlt."
    rows = []
    for k, fit in enumerate(index_for(ds, today).cases_for(workplace_id, top), 1):
        case = ds.cases[fit.case_id]
        text = f"{case.first_name} {case.last_name} ({case.id})"
        place = ds.locations[case.location].name if case.location in ds.locations else case.location
        rows.append(_row(k, case.id, fit, text, f"akten/{case.id}.md", place))
    return WorkplaceSection(workplace_id, today, note, tuple(rows))


def require_record(ds: Dataset, kind: str, record_id: str, what: str) -> None:
    """Refuse (German message) a case or workplace id that is unknown or has errors."""
    records = ds.cases if kind == "cases" else ds.workplaces
    if record_id in records:
        return
    if kind == "cases":
        ds.refuse_unopened(record_id)  # sealed and not openable by this reader: say which key is missing
    if ds.exists(kind, record_id):
        raise UserError(f"{what} '{record_id}' hat Fehler und kann nicht verglichen werden.", "Mit 'site-gen check' die Fehler anzeigen und beheben.")
    raise UserError(f"{what} '{record_id}' gibt es nicht.", f"Die Kennung so angeben, wie der Ordner unter {kind}/ heißt.")


__all__ = ["CaseSection", "MatchRow", "WorkplaceSection", "case_section", "require_record", "workplace_section"]
