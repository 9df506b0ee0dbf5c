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
from dataclasses import replace
from pathlib import Path

from ..findings import Finding
from ..records.cache import SUMMARY_FILE, CaseSummary, read_cache
from ..records.dataset import Dataset, Unit, record_units, scan_records, team_files
from ..records.git import PendingView
from ..records.layout import record_of
from .git_listing import GitListing, listed, start
from .incremental import META_FILES, save_summaries
from .reporter import positioned
from .rules import run_checks
from .unit_cache import RecordCache, UnitEntry, context_hash, digests, read, unit_key, write
from .units import Change, check_changed, check_everything, summary

MIN_STALE = 200
"""Up to this many changed units (or a quarter of all) are checked alone; more means everything."""


def check_all(root: Path, today: dt.date, use_cache: bool = True, tracked: set[str] | None = None,
              pending: PendingView | None = None) -> tuple[list[Finding], int, dict[str, CaseSummary | None]]:
    """Every finding below ``root`` (positioned), the number of files, and the summary per record file.

    ``tracked``: only these record files (the hook passes Git's index). With the cache in a Git work tree,
    the folders Git vouches unchanged are not listed again (see :mod:`site_gen.checking.git_listing`).
    ``pending``: Git's part of that, started by the caller (else here, before the cache is read).
    """
    if use_cache and pending is None:
        pending = start(root)  # Git compares the work tree with its index while the cache is read
    elif not use_cache and pending is not None:
        pending.close()
        pending = None
    old = read(root) if use_cache else RecordCache()
    context = _context(root, today)
    listing = GitListing.of(root, old if old.context == context else RecordCache(index=old.index), pending) if use_cache else None
    if listing is not None and tracked is None:
        units, strays = scan_records(root, folders=listing.folders)
        listing.verify(units)
    else:
        units, strays = record_units(root, tracked, stat=use_cache)
        if listing is not None:  # the hook's index: every staged unit listed, the entries Git vouches for kept
            listing.vouched = {u.display: d for u in units if (d := listing.reusable(u.display)) is not None}
    files = sum(map(listing.count, units)) if listing is not None else sum(map(len, (u.sources for u in units)))
    count = files + sum((root / f).exists() for f in META_FILES) + len(team_files(root))
    findings, summaries = _check(root, today, units, use_cache, old=old, listing=listing, strays=strays)
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
    old = read(ds.root)
    listing = GitListing.of(ds.root, old) if old.context == _context(ds.root, today) else None
    if listing is not None:  # only entries that hold unlisted: the others were listed before Git was asked
        listing.vouched = {u.display: d for u in units if (d := listing.reusable(u.display)) is not None}
    found = _check(ds.root, today, units, True, loaded=ds, old=old, listing=listing)[0]
    missing = [f for f in ds.strays if f not in found]  # checked from the cache: the listing's strays are not in it
    return sorted([*missing, *found], key=_position) if missing else found


def _context(root: Path, today: dt.date) -> str:
    """What every unit's findings depend on besides its files (team time: organisation-level files; Git's
    attributes: how a tree's bytes reach the work tree)."""
    return context_hash(root, today.isoformat(), (*META_FILES, ".gitattributes", *team_files(root)))


def _check(root: Path, today: dt.date, units: list[Unit], use_cache: bool, loaded: Dataset | None = None, old: RecordCache | None = None,
           listing: GitListing | None = None, strays: list[Finding] | None = None) -> tuple[list[Finding], dict[str, CaseSummary | None]]:
    """Findings (positioned, sorted) and summaries of ``units``, updating the cache."""
    old = old if old is not None else read(root) if use_cache else RecordCache()
    context = _context(root, today)
    keys = [unit_key(u) for u in units]
    hashes, stats = _digests(root, units, keys, old, listing, use_cache)
    reusable = old.units if old.context == context else {}
    changed, deleted = _changes(units, keys, hashes, reusable)
    everything = _too_many(len(changed) + len(deleted), len(units)) or not reusable
    if everything and loaded is not None:
        return positioned(loaded.findings + run_checks(loaded, today), root, loaded.provenance), {u.display: summary(loaded, u) for u in units}
    if everything and any(not u.sources for u in units):  # reused unlisted, to be loaded now
        units = listed(root, units)
        keys = [unit_key(u) for u in units]
    new = _run(root, today, units, Change(changed, deleted, reusable), hashes, everything)
    new.context, new.stats, new.index = context, stats, _index(listing)
    if not everything and not changed and not deleted:
        new.general = old.general
    summaries = _keep(root, new, old, units, keys, listing, strays, use_cache, bool(changed or deleted))
    return sorted([*new.general, *(f for key in keys for f in new.units[key].findings)], key=_position), summaries


def _digests(root: Path, units: list[Unit], keys: list[str], old: RecordCache, listing: GitListing | None,
             use_cache: bool) -> tuple[dict[str, str], dict[str, tuple[str, int, str]]]:
    """Each unit's digest and stat signature; without the cache nothing is stored, so no unit needs one
    (a twentieth of a second at 10,000 cases)."""
    if not use_cache:
        return dict.fromkeys(keys, ""), {}
    return digests(root, units, old, listing.vouched if listing is not None else None)


def _index(listing: GitListing | None) -> tuple[int, int, int] | None:
    """The Git index whose entries were all found compared with the work tree (none in CI: looked at every time)."""
    return listing.view.index if listing is not None and not listing.view.others else None


def _keep(root: Path, new: RecordCache, old: RecordCache, units: list[Unit], keys: list[str], listing: GitListing | None,
          strays: list[Finding] | None, use_cache: bool, changed: bool) -> dict[str, CaseSummary | None]:
    """The summaries; the cache and the hook's index stored when something changed."""
    refreshed = _listed_now(new, units, keys, listing, strays)
    summaries = {u.display: new.units[key].summary for u, key in zip(units, keys)}
    if use_cache and (changed or refreshed or _outdated(root, new, old)):
        _save(root, new, summaries, {u.display: u.stamp if u.sources else new.units[key].stamp for u, key in zip(units, keys)})
    return summaries


def _folders(listing: GitListing | None, unit: Unit, entry: UnitEntry | None) -> str:
    """The stat record of a listed unit's folders to keep: taken this time, or the cached one while Git vouches for it."""
    if listing is None:
        return ""
    return listing.stamps.get(unit.display) or (entry.folders if entry is not None and listing.vouched.get(unit.display) == entry.digest else "")


def _listed_now(new: RecordCache, units: list[Unit], keys: list[str], listing: GitListing | None, strays: list[Finding] | None) -> bool:
    """Keep with each listed unit's entry what the listing found (file count, stat key, strays, the stat record
    of its folders where Git vouched for it); whether an entry changed. Units reused unlisted keep theirs."""
    if strays is None:
        return False
    found: dict[str, list[Finding]] = {}
    for f in strays:
        found.setdefault(record_of(f.file), []).append(f)
    refreshed = False
    for u, key in zip(units, keys):
        if u.sources:
            entry = new.units[key]
            fresh = replace(entry, count=len(u.sources), stamp=u.stamp, strays=found.get(u.display, []),
                            folders=_folders(listing, u, listing.cache.units.get(key) if listing is not None else None))
            if fresh != entry:
                new.units[key], refreshed = fresh, True
    return refreshed


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
    return new.stats != old.stats or new.context != old.context or new.index != old.index or read_cache(root, SUMMARY_FILE) is None


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


