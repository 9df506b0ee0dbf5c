"""The path a case follows: its provider's chosen path, shipped or own (issue 29).

Rules both the check and the dossier need: which path applies, which stages
may follow, and how long a trial placement may last in a year of the programme.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..models.case import Case
from ..models.common import STAGE_LABELS, Stage
from ..models.path import Path, PlacementLimit
from ..records.config import default_access_routes, default_paths

if TYPE_CHECKING:
    from ..records.dataset import Dataset

DEFAULT_LIMIT = PlacementLimit(year=1, warn_days=122, max_days=366)
"""Without a path's own limits: HAA's first year (rotate after 3–4 months, at most 12 months)."""


def all_paths(ds: Dataset) -> dict[str, Path]:
    """Shipped paths, extended or replaced (same id) by the organisation's own."""
    out = {p.id: p for p in default_paths().paths}
    if ds.organisation is not None:
        out |= {p.id: p for p in ds.organisation.paths}
    return out


def path_for(ds: Dataset, case: Case) -> Path | None:
    """The path of the case's provider (None: the provider chose none, or an unknown one)."""
    provider = ds.providers.get(case.provider)
    if provider is None or provider.path is None:
        return None
    return all_paths(ds).get(provider.path)


def stage_label(path: Path | None, stage: Stage) -> str:
    """The provider's own name of a stage, else the common label."""
    step = path.step(stage) if path is not None else None
    return step.label if step is not None and step.label else STAGE_LABELS[stage]


def allowed_next(path: Path, stage: Stage) -> list[Stage]:
    """The stages that may follow ``stage`` on ``path``."""
    step = path.step(stage)
    return list(step.next) if step is not None else []


def programme_year(case: Case, day: dt.date) -> int:
    """The year of the programme ``day`` falls in: from the qualification's start (HAA), else from the opening."""
    base = case.qualification.start if case.qualification is not None else case.opened
    return max((day - base).days, 0) // 365 + 1


def placement_limit(path: Path | None, year: int) -> PlacementLimit:
    """The length limits of a trial placement starting in ``year`` (the last year given holds after it)."""
    limits = sorted(path.placement_limits, key=lambda lim: lim.year) if path is not None else []
    fitting = [lim for lim in limits if lim.year <= year]
    return fitting[-1] if fitting else (limits[0] if limits else DEFAULT_LIMIT)


def access_routes(ds: Dataset) -> dict[str, str]:
    """Access route id → German label: the shipped routes, extended or renamed by ``organisation.yaml``."""
    out = {r.id: r.label for r in default_access_routes().routes}
    if ds.organisation is not None:
        out |= {r.id: r.label for r in ds.organisation.access_routes}
    return out
