"""Typed contexts for "Passende Arbeitsplätze" (dossier) and "Passende Bewerber:innen" (workplace page).

The internal site calls :func:`case_section` / :func:`workplace_section`
(see :mod:`.internal_hooks`) and passes the result to the partials
``internal/partials/matching_case.md.j2`` / ``matching_workplace.md.j2`` as
``matching``. Consent is applied inside :mod:`site_gen.matching.profile`, so
a raw or a consent-filtered dataset gives the same, consented result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..dataset import Dataset
from ..matching.compare import FLAG_LABELS, Comparison
from ..matching.features import sector_label
from ..matching.index import index_for
from ..matching.profile import usable_history, usable_profile
from ..matching.rank import FORMULA_DE, Fit, Part
from ..models.workplace import AcquisitionStatus
from ..render.profile_chart import ProfileRow, history_svg, history_table, side_by_side_svg, side_by_side_table

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
    chart: Markup
    table: Markup


@dataclass(frozen=True)
class CaseSection:
    case_id: str
    today: dt.date
    note: str | None
    rows: tuple[MatchRow, ...]
    history_chart: Markup | None
    history_table: Markup | None
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
    title = f"Fähigkeit und Anforderung: {text}"
    rows = profile_rows(fit.comparison)
    return MatchRow(rank, rid, text, target, detail, round(fit.score, 1), fit.parts, fit.comparison.summary, fit.comparison,
                    side_by_side_svg(title, rows) if rows else Markup(""), side_by_side_table(title, rows) if rows else Markup(""))


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
    chart = table = None
    history_note = None if len(history) > 1 else (
        "Bisher gibt es eine Einschätzung. Der Verlauf erscheint ab der zweiten." if history else None)
    if len(history) > 1:
        ids = [i for i in items if any(i in r for _, _, r in history)]
        dates = [d for d, _, _ in history]
        series = [(items[i].label, [r.get(i) for _, _, r in history]) for i in ids]
        title = "Verlauf der Einschätzungen (1 gering bis 5 hoch)"
        chart, table = history_svg(title, dates, series), history_table(title, dates, series)
    return CaseSection(case_id, today, note, tuple(rows), chart, table, history_note)


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


__all__ = ["CaseSection", "MatchRow", "WorkplaceSection", "case_section", "workplace_section"]
