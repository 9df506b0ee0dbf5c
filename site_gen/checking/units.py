"""The two ways of the full check: everything, or what changed and what it reaches.

Both give every unit they check its findings (positioned) and summary, in
a new :class:`~site_gen.checking.unit_cache.RecordCache`; see :mod:`site_gen.checking.engine`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from ..records.cache import CaseSummary
from ..records.dataset import Dataset, Unit, contact_cases, load_units
from ..records.layout import record_of
from ..records.parallel import run_batches, workers
from .git_listing import listed
from .incremental import caseload_of, summary_of
from .reporter import positioned
from .rules import run_checks
from .rules.capacity import over_capacity
from .unit_cache import RecordCache, UnitEntry, unit_key

BATCH = 2_000
"""At most this many cases are loaded and checked together in a full check (workplaces and modules stay loaded)."""
PER_WORKER = 1_000
"""A worker process is worth it from this many cases on (see :mod:`site_gen.records.parallel`)."""


@dataclass
class Change:
    """The units that changed since the cache was written, those deleted, and the cached entries."""

    changed: list[Unit]
    deleted: set[str]
    reusable: dict[str, UnitEntry]


@dataclass
class _Batches:
    """Checks one batch of cases against the loaded workplaces and modules (runs in a worker, too)."""

    root: Path
    today: dt.date
    ds: Dataset

    def __call__(self, batch: list[Unit]) -> tuple[list[Finding], dict[str, CaseSummary | None]]:
        ds = self.ds
        part = Dataset(root=self.root, organisation=ds.organisation, catalogue=ds.catalogue, purposes_catalogue=ds.purposes_catalogue,
                       programmes_catalogue=ds.programmes_catalogue, files=ds.files, context=ds.context)
        load_units(self.root, batch, base=part)
        own = {src for u in batch for src in (u.display, *u.sources)}
        findings = [f for f in part.findings + run_checks(part, self.today, caseload={}) if f.file in own]
        return positioned(findings, self.root, part.provenance), {unit_key(u): summary(part, u) for u in batch}


def check_everything(root: Path, today: dt.date, units: list[Unit], hashes: dict[str, str]) -> RecordCache:
    """Every unit: workplaces and modules at once, cases in batches (memory stays flat as cases grow).

    Batches are independent: on several cores they run in forked workers
    while this process checks the workplaces and modules.
    """
    ds = load_units(root, [u for u in units if u.kind != "cases"])
    for u in units:
        ds.files[(u.kind, u.id)] = u.display
    ds.context = {("workplaces", wid): wp for wid, wp in ds.workplaces.items()} | {("modules", mid): m for mid, m in ds.modules.items()}
    cases = [u for u in units if u.kind == "cases"]
    by_id = {u.id: u for u in cases}  # cases named by a company contact: context for its consent rule
    load_units(root, [by_id[cid] for cid in sorted(contact_cases(ds)) if cid in by_id], base=ds, as_context=True)
    n = workers(len(cases), PER_WORKER)
    size = min(BATCH, max(1, -(-len(cases) // (4 * n)))) if n > 1 else BATCH
    done, own = run_batches(_Batches(root, today, ds), [cases[i:i + size] for i in range(0, len(cases), size)], n,
                            lambda: positioned(ds.findings + run_checks(ds, today, caseload={}), root, ds.provenance))
    summaries = {key: s for _, part in done for key, s in part.items()}
    findings = own + positioned(list(over_capacity(ds, caseload_of(summaries))), root, ds.provenance) + [f for part, _ in done for f in part]
    return _store(units, units, findings, hashes, {}, summaries)


def check_changed(root: Path, today: dt.date, units: list[Unit], change: Change, hashes: dict[str, str]) -> RecordCache:
    """Load and check the changed units and the cases they reach; the rest comes from the cache.

    Records the checked ones reference are loaded as lookup context only.
    """
    ds = load_units(root, change.changed)
    by_key = {unit_key(u): u for u in units}
    summaries = {key: entry.summary for key, entry in change.reusable.items() if key in by_key}
    summaries.update({unit_key(u): summary(ds, u) for u in change.changed})
    reached = listed(root, _reached(change, summaries, by_key))
    load_units(root, reached, base=ds)
    recheck = [*change.changed, *reached]
    done = {unit_key(u) for u in recheck}
    context = [by_key[key] for case in list(ds.cases.values()) for key in _references(case) if key in by_key and key not in done]
    context += [by_key[key] for cid in sorted(contact_cases(ds)) if (key := f"cases/{cid}") in by_key and key not in done]
    load_units(root, listed(root, list(dict.fromkeys(context))), base=ds, as_context=True)
    for u in units:  # references to unchanged, unloaded records must not dangle
        ds.files.setdefault((u.kind, u.id), u.display)
    other = _elsewhere(units, recheck)
    findings = [f for f in ds.findings + run_checks(ds, today, caseload_of(summaries)) if not other(f.file)]
    return _store(units, recheck, positioned(findings, root, ds.provenance), hashes, change.reusable, summaries)


def _elsewhere(units: list[Unit], recheck: list[Unit]) -> Callable[[str], bool]:
    """Whether a file belongs to a unit not checked again (its findings come from the cache): asked per
    finding, where a set of every file of every unit would be built for 300,000 files at 10,000 cases."""
    by_display = {u.display: u for u in units}
    checked = {u.display for u in recheck}

    def other(file: str) -> bool:
        owner = by_display.get(record_of(file))
        return owner is not None and owner.display not in checked and (file == owner.display or file in owner.sources or not owner.sources)

    return other


def _reached(change: Change, summaries: dict[str, CaseSummary | None], by_key: dict[str, Unit]) -> list[Unit]:
    """Unchanged cases that reference a changed or deleted workplace or module."""
    moved = {u.id for u in change.changed if u.kind != "cases"} | {k.partition("/")[2] for k in change.deleted if not k.startswith("cases/")}
    if not moved:
        return []
    done = {unit_key(u) for u in change.changed}
    return [by_key[key] for key, s in summaries.items() if s is not None and key not in done and moved & {*s[2], *s[3]}]


def _references(case: object) -> list[str]:
    s = summary_of(case)  # type: ignore[arg-type]
    return [f"workplaces/{w}" for w in s[2]] + [f"modules/{m}" for m in s[3]]


def summary(ds: Dataset, unit: Unit) -> CaseSummary | None:
    """The summary of ``unit`` if it is a valid case in ``ds``."""
    case = ds.cases.get(unit.id) if unit.kind == "cases" else None
    return summary_of(case) if case is not None else None


def _store(units: list[Unit], checked: list[Unit], findings: list[Finding], hashes: dict[str, str],
           reusable: dict[str, UnitEntry], summaries: dict[str, CaseSummary | None]) -> RecordCache:
    """The new cache: fresh entries for ``checked`` units, reused ones for the rest."""
    by_display = {u.display: u for u in checked}  # a finding's unit by its record (no map of all 300,000 files)
    fresh: dict[str, list[Finding]] = {unit_key(u): [] for u in checked}
    general: list[Finding] = []
    for f in findings:
        u = by_display.get(record_of(f.file))
        (fresh[unit_key(u)] if u is not None and (f.file == u.display or f.file in u.sources) else general).append(f)
    out = RecordCache(general=general)
    for u in units:
        key = unit_key(u)
        out.units[key] = UnitEntry(hashes[key], fresh[key], summaries.get(key)) if key in fresh else reusable[key]
    return out
