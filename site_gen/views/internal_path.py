"""The person's path on the dossier (issue 29): the provider's stages as a timeline.

Each stage of the path is reached (with the last day it began), current or
still ahead; the allowed next steps from the current stage are named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.stage_path import allowed_next, path_for, stage_label
from ..models.case import Case
from ..records.dataset import Dataset


@dataclass(frozen=True, slots=True)
class PathStep:
    label: str
    code: str
    state: str
    """"erreicht", "aktuell" or "offen"."""
    since: dt.date | None
    """The day the stage last began (None: not reached yet)."""
    times: int
    """How often the case has been in this stage (rotations: 2nd internship …)."""


@dataclass(frozen=True, slots=True)
class PathView:
    name: str
    steps: list[PathStep]
    next: list[str]
    """German labels of the allowed next steps from the current stage."""

    @property
    def position(self) -> str:
        """'Schritt 3 von 7' for the current stage (screen readers and print)."""
        n = next((i for i, s in enumerate(self.steps) if s.state == "aktuell"), None)
        return f"Schritt {n + 1} von {len(self.steps)}" if n is not None else f"{len(self.steps)} Schritte"


def path_view(ds: Dataset, case: Case) -> PathView | None:
    """The path of the case's provider with the case's position on it (None: the provider follows no path)."""
    path = path_for(ds, case)
    if path is None:
        return None
    current = case.stage if case.closed is None else None
    steps = []
    for step in path.stages:
        entries = [e for e in case.stages if e.stage is step.stage]
        state = "aktuell" if step.stage is current else ("erreicht" if entries else "offen")
        steps.append(PathStep(stage_label(path, step.stage), step.stage.value, state,
                              entries[-1].since if entries else None, len(entries)))
    nxt = [stage_label(path, s) for s in allowed_next(path, case.stage)] if current is not None else []
    return PathView(path.name, steps, nxt)
