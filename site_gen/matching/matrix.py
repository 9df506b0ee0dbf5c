"""The score formula of :mod:`.rank`, vectorised with numpy.

The profile part becomes one matrix product: each person is a one-hot row
over (item, rating) slots, each workplace a column holding the share of
points every rating earns on every required item. Wishes are a product of
a term × word matrix with a word × workplace matrix. :func:`score_block`
gives totals only; explanations come from :func:`.rank.score_pair` for the
few pairs shown. Tests check both give the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..models.common import PlacementType
from ..models.organisation import ProfileItem
from .features import CaseFeatures, WorkplaceFeatures
from .rank import (
    CONTEXT_MAX,
    HOURS_FEWER_OK,
    HOURS_MAX,
    HOURS_MORE_OK,
    HOURS_MORE_SOME,
    PROFILE_MAX,
    SAME_DISTRICT,
    SAME_LOCATION,
    SCORE_MAX,
    TRANSIT,
    TYPES_MAX,
    WISH_MAX,
    WISH_POINTS,
    item_points,
)

SLOTS = 6  # rating 0 (unused) … 5 per item


def _codes(values: Sequence[str | None], table: dict[str, int]) -> np.ndarray:
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values], dtype=np.int64)


_TYPE_BITS = {t: 1 << i for i, t in enumerate(PlacementType)}


def _type_mask(types: frozenset[PlacementType]) -> int:
    return sum(_TYPE_BITS[t] for t in types)


@dataclass
class Matrices:
    """Numeric form of all case and workplace features for one day."""

    items: Mapping[str, ProfileItem]
    cases: list[CaseFeatures]
    workplaces: list[WorkplaceFeatures]

    def __post_init__(self) -> None:
        ids = list(self.items)
        health = np.array([self.items[i].health_related for i in ids], dtype=bool)
        n_c, n_w, n_i = len(self.cases), len(self.workplaces), len(ids)
        self.health_ok = np.array([c.profile.health_ok for c in self.cases], dtype=bool)
        # ratings per case and item: 1 when not assessed (see rank.item_points), 0 when excluded (no consent)
        pos = {item: k for k, item in enumerate(ids)}
        ratings = _grid(np.ones((n_c, n_i), dtype=np.int64), pos, [cf.profile.ratings for cf in self.cases], rows_are_items=False)
        ratings[np.ix_(~self.health_ok, health)] = 0
        self.onehot = np.zeros((n_c, n_i * SLOTS))
        rows, ks = np.nonzero(ratings)
        self.onehot[rows, ks * SLOTS + ratings[rows, ks]] = 1.0
        # requirement per item and workplace (0: not required); table[(item, rating), wp] = share of the item's points
        req = _grid(np.zeros((n_i, n_w), dtype=np.int64), pos, [wf.requirements for wf in self.workplaces], rows_are_items=True)
        lut = np.array([[0.0 if a == 0 or r == 0 else item_points(a, r) for r in range(SLOTS)] for a in range(SLOTS)])
        self.table = lut[np.arange(SLOTS)[None, :, None], req[:, None, :]].reshape(n_i * SLOTS, n_w)
        required = req > 0
        self.n_req = required.sum(axis=0).astype(float)
        self.n_req_health = required[health].sum(axis=0).astype(float)
        self._wishes()
        self._places_hours_types()
        self._context()

    def _context(self) -> None:
        """Person barriers (case × ICF category) and workplace facilitators (category × workplace), issue 29."""
        cats = sorted({c for cf in self.cases for c in cf.barriers} | {c for wf in self.workplaces for c in wf.facilitators})
        pos = {c: k for k, c in enumerate(cats)}
        self.barrier = np.zeros((len(self.cases), len(cats)))
        self.facilitator = np.zeros((len(cats), len(self.workplaces)))
        for i, cf in enumerate(self.cases):
            for c in cf.barriers:
                self.barrier[i, pos[c]] = 1.0
        for j, wf in enumerate(self.workplaces):
            for c in wf.facilitators:
                self.facilitator[pos[c], j] = 1.0

    def _places_hours_types(self) -> None:
        """Districts and locations as shared codes, transit, hours and placement types of every case and workplace."""
        places: dict[str, int] = {}
        self.case_district = _codes([c.district for c in self.cases], places)
        self.wp_district = _codes([w.district for w in self.workplaces], places)
        locs: dict[str, int] = {}
        self.case_location = _codes([c.location for c in self.cases], locs)
        self.wp_location = _codes([w.location for w in self.workplaces], locs)
        self.transit = np.array([w.transit is not None for w in self.workplaces], dtype=float) * TRANSIT
        self.case_hours = np.array([np.nan if c.hours is None else c.hours for c in self.cases])
        self.wp_hours = np.array([np.nan if w.hours is None else w.hours for w in self.workplaces])
        self.case_types = np.array([_type_mask(c.wanted_types) for c in self.cases], dtype=np.int64)
        self.wp_types = np.array([_type_mask(w.types) for w in self.workplaces], dtype=np.int64)

    def _wishes(self) -> None:
        vocab: dict[str, int] = {}
        owners: list[int] = []
        cells: list[tuple[int, int]] = []
        for row, cf in enumerate(self.cases):
            for _, _, words in cf.terms:
                cells += [(len(owners), vocab.setdefault(w, len(vocab))) for w in words]
                owners.append(row)
        self.terms = np.zeros((len(owners), len(vocab)), dtype=np.float32)
        for t, v in cells:
            self.terms[t, v] = 1.0
        self.term_owner = np.array(owners, dtype=np.int64)
        self.term_start = np.searchsorted(self.term_owner, np.arange(len(self.cases) + 1))
        self.wp_words = np.zeros((len(vocab), len(self.workplaces)), dtype=np.float32)
        for col, wf in enumerate(self.workplaces):
            for w in wf.sector_stems | wf.text_stems:
                if (word := vocab.get(w)) is not None:
                    self.wp_words[word, col] = 1.0

    def _wish_points(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        out = np.zeros((len(rows), len(cols)))
        lo, hi = self.term_start[rows], self.term_start[rows + 1]
        counts = hi - lo
        if counts.sum() == 0:
            return out
        # indices of all terms of the rows, grouped by row (a vectorised concatenation of ranges)
        starts = np.cumsum(counts) - counts
        idx = np.repeat(lo - starts, counts) + np.arange(counts.sum())
        hits = ((self.terms[idx] @ self.wp_words[:, cols]) > 0).astype(np.float64)
        nonempty = counts > 0
        out[nonempty] = np.add.reduceat(hits, starts[nonempty], axis=0)
        return np.minimum(WISH_MAX, WISH_POINTS * out)

    def excluded(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """True where the person's placement at the workplace ended with a return or was aborted (never proposed)."""
        out = np.zeros((len(rows), len(cols)), dtype=bool)
        if not hasattr(self, "_avoid"):
            pos = {w.id: k for k, w in enumerate(self.workplaces)}
            self._avoid = {r: [pos[w] for w in c.avoid if w in pos] for r, c in enumerate(self.cases) if c.avoid}
        if self._avoid:
            for i, r in enumerate(rows.tolist()):
                if (bad := self._avoid.get(r)):
                    out[i] = np.isin(cols, bad)
        return out

    def score_block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Total scores for cases ``rows`` × workplaces ``cols`` (positions); -inf for excluded pairs."""
        num = self.onehot[rows] @ self.table[:, cols]
        den = self.n_req[cols][None, :] - (~self.health_ok[rows])[:, None] * self.n_req_health[cols][None, :]
        profile = np.where(den > 0, PROFILE_MAX * (num / np.where(den > 0, den, 1.0)), 0.0)
        cd, wd = self.case_district[rows][:, None], self.wp_district[cols][None, :]
        same_loc = self.case_location[rows][:, None] == self.wp_location[cols][None, :]
        travel = np.where((cd >= 0) & (cd == wd), SAME_DISTRICT, np.where(same_loc, SAME_LOCATION, 0.0)) + self.transit[cols][None, :]
        more = self.wp_hours[cols][None, :] - self.case_hours[rows][:, None]
        hours = np.where(more > HOURS_MORE_SOME, 0.0,
                         np.where((more >= -HOURS_FEWER_OK) & (more <= HOURS_MORE_OK), HOURS_MAX, HOURS_MAX / 2))
        hours = np.where(np.isnan(more), HOURS_MAX / 2, hours)
        types = np.where((self.case_types[rows][:, None] & self.wp_types[cols][None, :]) != 0, TYPES_MAX, 0.0)
        context = np.where((self.barrier[rows] @ self.facilitator[:, cols]) > 0, CONTEXT_MAX, 0.0)
        total = np.minimum(profile + self._wish_points(rows, cols) + travel + hours + types + context, SCORE_MAX)
        return np.where(self.excluded(rows, cols), -np.inf, total)


def _grid(grid: np.ndarray, pos: Mapping[str, int], per_record: list[Mapping[str, int]], rows_are_items: bool) -> np.ndarray:
    """Fill ``grid`` with each record's value per catalogue item (items not in ``pos`` are ignored)."""
    for other, values in enumerate(per_record):
        for item, value in values.items():
            if (k := pos.get(item)) is not None:
                grid[(k, other) if rows_are_items else (other, k)] = value
    return grid
