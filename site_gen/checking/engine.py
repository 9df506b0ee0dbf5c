"""The full check (what ``check``, CI, ``build`` and ``serve`` judge), reusing cached records.

A record's findings depend on its own files, on the workplaces and modules
it references, on the organisation and catalogues and on the day; the only
rule over all records is the caseload per coach, counted from summaries.
So after a change, only the changed units are loaded and checked again,
together with the cases that reference a changed workplace or module; every
other unit keeps its cached findings. Without a usable cache (first run, new
day, changed organisation or tool, many changes) everything is checked.
Either way the result is the same as checking everything.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..findings import Finding
from ..records.cache import SUMMARY_FILE, CaseSummary, read_cache
from ..records.dataset import Dataset, Unit, record_units, team_files
from .incremental import META_FILES, save_summaries
from .reporter import positioned
from .rules import run_checks
from .unit_cache import RecordCache, UnitEntry, context_hash, digests, read, unit_key, write
from .units import Change, check_changed, check_everything, summary

MIN_STALE = 200
"""Up to this many changed units (or a quarter of all) are checked alone; more means everything."""


def check_all(root: Path, today: dt.date, use_cache: bool = True, tracked: set[str] | None = None) -> tuple[list[Finding], int, dict[str, CaseSummary | None]]:
    """Every finding below ``root`` (positioned), the number of files, and the summary per record file.

    ``tracked``: only these record files (the hook passes Git's index).
    """
    units, strays = record_units(root, tracked)
    count = sum(len(u.sources) for u in units) + sum((root / f).exists() for f in META_FILES) + len(team_files(root))
    findings, summaries = _check(root, today, units, use_cache)
    return sorted([*strays, *findings], key=_position), count, summaries


def dataset_findings(ds: Dataset, today: dt.date) -> list[Finding]:
    """The findings about a fully loaded ``ds`` (what ``build`` and ``serve`` select by).

    From the per-record cache where it holds; else ``ds`` itself is checked
    (and not stored: it was read before the files were hashed, so it might be
    older than the hashes).
    """
    units = ds.units if ds.units is not None else record_units(ds.root)[0]
    if {(u.kind, u.id): u.display for u in units} != ds.files:  # the folders changed since loading
        return positioned(ds.findings + run_checks(ds, today), ds.root, ds.provenance)
    return _check(ds.root, today, units, True, loaded=ds)[0]


def _check(root: Path, today: dt.date, units: list[Unit], use_cache: bool,
           loaded: Dataset | None = None) -> tuple[list[Finding], dict[str, CaseSummary | None]]:
    """Findings (positioned, sorted) and summaries of ``units``, updating the cache."""
    old = read(root) if use_cache else RecordCache()
    context = context_hash(root, today.isoformat(), (*META_FILES, *team_files(root)))  # team time: organisation-level files
    keys = [unit_key(u) for u in units]
    # Without the cache nothing is stored, so no unit needs a digest (a twentieth of a second at 10,000 cases).
    hashes, stats = digests(root, units, old) if use_cache else (dict.fromkeys(keys, ""), {})
    reusable = old.units if old.context == context else {}
    changed, deleted = _changes(units, keys, hashes, reusable)
    everything = _too_many(len(changed) + len(deleted), len(units)) or not reusable
    if everything and loaded is not None:
        return positioned(loaded.findings + run_checks(loaded, today), root, loaded.provenance), {u.display: summary(loaded, u) for u in units}
    new = _run(root, today, units, Change(changed, deleted, reusable), hashes, everything)
    new.context, new.stats = context, stats
    if not everything and not changed and not deleted:
        new.general = old.general
    summaries = {u.display: new.units[key].summary for u, key in zip(units, keys)}
    if use_cache and (changed or deleted or _outdated(root, new, old)):
        _save(root, new, summaries, {u.display: u.stamp for u in units})
    return sorted([*new.general, *(f for key in keys for f in new.units[key].findings)], key=_position), summaries


def _run(root: Path, today: dt.date, units: list[Unit], change: Change, hashes: dict[str, str], everything: bool) -> RecordCache:
    """Nothing to check, everything, or what changed."""
    if everything:
        with paused_gc():
            return check_everything(root, today, units, hashes)
    if not change.changed and not change.deleted:
        return RecordCache(units={unit_key(u): change.reusable[unit_key(u)] for u in units})
    return check_changed(root, today, units, change, hashes)


def _position(f: Finding) -> tuple[str, int, int, str]:
    return f.where, f.line or 0, f.col or 0, f.code


def _changes(units: list[Unit], keys: list[str], hashes: dict[str, str], reusable: dict[str, UnitEntry]) -> tuple[list[Unit], set[str]]:
    """Units new or changed since cached, and cached unit keys no longer there."""
    changed = [u for u, key in zip(units, keys) if (e := reusable.get(key)) is None or e.digest != hashes[key]]
    return changed, set(reusable) - set(keys)


def _too_many(changes: int, units: int) -> bool:
    return changes > max(MIN_STALE, units // 4)


def _outdated(root: Path, new: RecordCache, old: RecordCache) -> bool:
    """Whether the stored cache differs from ``new`` (stats, context) or the hook's index is missing."""
    return new.stats != old.stats or new.context != old.context or read_cache(root, SUMMARY_FILE) is None


def _save(root: Path, new: RecordCache, summaries: dict[str, CaseSummary | None], stamps: dict[str, tuple[int, int]]) -> None:
    """Store the cache and the hook's index (stat key per record file or case folder), which follows the records."""
    write(root, new)
    save_summaries(root, summaries, stamps)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while thousands of (acyclic) records are built: a third faster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


