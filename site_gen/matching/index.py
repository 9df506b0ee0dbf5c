"""Rankings and the all-pairs overview for one dataset and day.

:func:`index_for` builds the features and matrices once per (dataset, day)
and keeps the latest few; rankings use the vectorised totals and explain
only the pairs they return.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..records.dataset import Dataset
from .features import CaseFeatures, WorkplaceFeatures, case_features, workplace_features
from .matrix import Matrices
from .rank import Fit, first_for, score_pair

CHUNK = 1024
"""Cases per block in the overview (bounds memory at CHUNK × workplaces floats)."""


@dataclass
class MatchIndex:
    """Features and matrices of every open case and every workplace not closed."""

    ds: Dataset
    today: dt.date
    case_ids: list[str] = field(init=False)
    workplace_ids: list[str] = field(init=False)

    def __post_init__(self) -> None:
        ds, items = self.ds, self.ds.profile_items
        placed: dict[str, list[float]] = defaultdict(list)
        for case in ds.cases.values():
            for p in case.placements:
                placed[p.workplace].append(p.hours_per_week)
        cases = [case_features(ds.cases[c], self.today, ds.purposes, items, ds.locations)
                 for c in sorted(ds.cases) if (closed := ds.cases[c].closed) is None or closed > self.today]
        wps = [workplace_features(ds.workplaces[w], items, placed.get(w, [])) for w in sorted(ds.workplaces)]
        wps = [w for w in wps if not w.closed]
        self.case_ids = [c.id for c in cases]
        self.workplace_ids = [w.id for w in wps]
        self._case_pos = {c: i for i, c in enumerate(self.case_ids)}
        self._wp_pos = {w: i for i, w in enumerate(self.workplace_ids)}
        self.m = Matrices(items, cases, wps)

    def case(self, case_id: str) -> CaseFeatures | None:
        pos = self._case_pos.get(case_id)
        return None if pos is None else self.m.cases[pos]

    def workplace(self, workplace_id: str) -> WorkplaceFeatures | None:
        pos = self._wp_pos.get(workplace_id)
        return None if pos is None else self.m.workplaces[pos]

    def explain(self, case_id: str, workplace_id: str) -> Fit:
        """The full explanation of one pair (both must be in the index)."""
        return score_pair(self.m.cases[self._case_pos[case_id]], self.m.workplaces[self._wp_pos[workplace_id]], self.ds.profile_items)

    def workplaces_for(self, case_id: str, top: int) -> list[Fit]:
        """The ``top`` best workplaces for a case, best first (ties by id); [] if the case is not open."""
        if (row := self._case_pos.get(case_id)) is None or not self.workplace_ids:
            return []
        scores = self.m.score_block(np.array([row]), np.arange(len(self.workplace_ids)))[0]
        first = self._first(row)
        return [self.explain(case_id, self.workplace_ids[c]) for c in _best(scores, top, first) if np.isfinite(scores[c])]

    def _first(self, row: int) -> np.ndarray | None:
        """Per workplace column: whether it goes first for the case in ``row`` (fallback network); None when none does."""
        cf = self.m.cases[row]
        if cf.fallback is None:
            return None
        mask = np.array([first_for(cf, wf) for wf in self.m.workplaces], dtype=bool)
        return mask if mask.any() else None

    def cases_for(self, workplace_id: str, top: int) -> list[Fit]:
        """The ``top`` best candidates for a workplace, best first (ties by id)."""
        if (col := self._wp_pos.get(workplace_id)) is None or not self.case_ids:
            return []
        scores = self.m.score_block(np.arange(len(self.case_ids)), np.array([col]))[:, 0]
        return [self.explain(self.case_ids[r], workplace_id) for r in _best(scores, top) if np.isfinite(scores[r])]

    def _lift(self, rows: np.ndarray) -> np.ndarray:
        """Per row and workplace column: :data:`LIFT` where the fallback place goes first, else 0 (ordering only)."""
        out = np.zeros((len(rows), len(self.workplace_ids)))
        for i, r in enumerate(rows):
            if (first := self._first(int(r))) is not None:
                out[i] = LIFT * first
        return out

    def overview(self, top: int) -> "Overview":
        """Best ``top`` workplaces per case and best ``top`` cases per workplace, over all pairs."""
        n_c, n_w = len(self.case_ids), len(self.workplace_ids)
        cols = np.arange(n_w)
        per_case: dict[str, list[tuple[str, float]]] = {}
        best_scores = np.full((0, n_w), -np.inf)
        best_rows = np.zeros((0, n_w), dtype=np.int64)
        for lo in range(0, n_c, CHUNK):
            rows = np.arange(lo, min(lo + CHUNK, n_c))
            block = self.m.score_block(rows, cols)
            order = np.argsort(-(block + self._lift(rows)), axis=1, kind="stable")[:, :top]
            picked = np.take_along_axis(block, order, 1)
            for i, r in enumerate(rows):
                per_case[self.case_ids[r]] = [(self.workplace_ids[c], float(s)) for c, s in zip(order[i], picked[i]) if np.isfinite(s)]
            scores = np.vstack([best_scores, block])
            cand = np.vstack([best_rows, np.broadcast_to(rows[:, None], block.shape)])
            keep = np.argsort(-scores, axis=0, kind="stable")[:top]
            best_scores, best_rows = np.take_along_axis(scores, keep, 0), np.take_along_axis(cand, keep, 0)
        per_wp = {w: [(self.case_ids[int(best_rows[k, c])], float(best_scores[k, c])) for k in range(best_rows.shape[0])
                      if np.isfinite(best_scores[k, c])] for c, w in enumerate(self.workplace_ids)}
        return Overview(per_case, per_wp)


@dataclass(frozen=True)
class Overview:
    workplaces_for_case: dict[str, list[tuple[str, float]]]
    cases_for_workplace: dict[str, list[tuple[str, float]]]


LIFT = 1000.0
"""Added to a fallback place's score for ordering only (scores are at most 100)."""


def _best(scores: np.ndarray, top: int, first: np.ndarray | None = None) -> list[int]:
    """Positions of the ``top`` highest scores, ``first`` ones before all others; positions follow sorted ids, so ties go by id."""
    order = np.argsort(-(scores + LIFT * first) if first is not None else -scores, kind="stable")
    return [int(i) for i in order[:top]]


_CACHE: list[tuple[weakref.ref[Dataset], dt.date, MatchIndex]] = []


def index_for(ds: Dataset, today: dt.date) -> MatchIndex:
    """The index for ``ds`` on ``today``, built once and reused while ``ds`` lives."""
    _CACHE[:] = [e for e in _CACHE if e[0]() is not None]
    for ref, day, index in _CACHE:
        if ref() is ds and day == today:
            return index
    index = MatchIndex(ds, today)
    _CACHE.append((weakref.ref(ds), today, index))
    del _CACHE[:-4]
    return index
