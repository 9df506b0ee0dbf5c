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
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .cache import CACHE_DIR, SUMMARY_FILE, CaseSummary
from .checks import run_checks
from .dataset import Dataset, RecordUnit, load_units, record_units
from .findings import Finding
from .incremental import META_FILES, save_summaries, summary_of
from .record_cache import RecordCache, UnitEntry, context_hash, digests, read, unit_key, write
from .report import positioned

BATCH = 2_000
"""Cases loaded and checked together in a full check (workplaces and modules stay loaded)."""
MIN_STALE = 200
"""Up to this many changed units (or a quarter of all) are checked alone; more means everything."""


def check_all(root: Path, today: dt.date, use_cache: bool = True, tracked: set[str] | None = None) -> tuple[list[Finding], int, dict[str, CaseSummary | None]]:
    """Every finding below ``root`` (positioned), the number of files, and the summary per record file.

    ``tracked``: only these record files (the hook passes Git's index).
    """
    units, strays = record_units(root, tracked)
    count = sum(len(u.sources) for u in units) + sum((root / f).exists() for f in META_FILES)
    old = read(root) if use_cache else RecordCache()
    context = context_hash(root, today.isoformat(), META_FILES)
    hashes, stats = digests(root, units, old)
    reusable = old.units if old.context == context else {}
    keys = [unit_key(u) for u in units]
    changed = [u for u, key in zip(units, keys) if (e := reusable.get(key)) is None or e.digest != hashes[key]]
    deleted = set(reusable) - set(keys)
    if not changed and not deleted and reusable:
        new = RecordCache(context, {key: reusable[key] for key in keys}, old.general, stats)
    elif not reusable or len(changed) + len(deleted) > max(MIN_STALE, len(units) // 4):
        new = _check_everything(root, today, units, hashes)
    else:
        new = _check_changed(root, today, units, changed, deleted, reusable, hashes)
    new.context, new.stats = context, stats
    summaries = {u.display: new.units[key].summary for u, key in zip(units, keys)}
    stale = changed or deleted or stats != old.stats or context != old.context or not (root / CACHE_DIR / SUMMARY_FILE).exists()
    if use_cache and stale:
        write(root, new)
        save_summaries(root, summaries, stats)  # the hook's index follows the records
    findings = [*strays, *new.general, *(f for key in keys for f in new.units[key].findings)]
    return sorted(findings, key=lambda f: (f.file, f.line or 0, f.col or 0, f.code)), count, summaries


def _check_everything(root: Path, today: dt.date, units: list[RecordUnit], hashes: dict[str, str]) -> RecordCache:
    """Every unit: workplaces and modules at once, cases in batches (memory stays flat as cases grow)."""
    with paused_gc():
        ds = load_units(root, [u for u in units if u.kind != "cases"])
        for u in units:
            ds.files[(u.kind, u.id)] = u.display
        lookup = {("workplaces", wid): wp for wid, wp in ds.workplaces.items()} | {("modules", mid): m for mid, m in ds.modules.items()}
        cases = [u for u in units if u.kind == "cases"]
        findings: list[Finding] = []
        summaries: dict[str, CaseSummary | None] = {}
        for start in range(0, len(cases), BATCH):
            batch = cases[start:start + BATCH]
            part = Dataset(root=root, organisation=ds.organisation, catalogue=ds.catalogue, purposes_catalogue=ds.purposes_catalogue,
                           files=ds.files, context=lookup)
            load_units(root, batch, base=part)
            own = {src for u in batch for src in u.sources}
            findings += [f for f in part.findings + run_checks(part, today, caseload={}) if f.file in own]
            summaries.update({unit_key(u): _summary(part, u) for u in batch})
        caseload = Counter(s[0] for s in summaries.values() if s is not None and s[1])
        findings = ds.findings + run_checks(ds, today, dict(caseload)) + findings
    return _store(units, units, positioned(findings, root), hashes, {}, summaries)


def _check_changed(root: Path, today: dt.date, units: list[RecordUnit], changed: list[RecordUnit], deleted: set[str],
                   reusable: dict[str, UnitEntry], hashes: dict[str, str]) -> RecordCache:
    """Load and check the changed units and the cases they reach; the rest comes from the cache."""
    ds = load_units(root, changed)
    by_key = {unit_key(u): u for u in units}
    summaries = {key: entry.summary for key, entry in reusable.items() if key in by_key}
    summaries.update({unit_key(u): _summary(ds, u) for u in changed})
    moved = {u.id for u in changed if u.kind != "cases"} | {key.partition("/")[2] for key in deleted if not key.startswith("cases/")}
    done = {unit_key(u) for u in changed}
    reached = [by_key[key] for key, s in summaries.items() if moved and s is not None and key not in done and moved & {*s[2], *s[3]}]
    load_units(root, reached, base=ds)
    done |= {unit_key(u) for u in reached}
    context = [by_key[key] for case in list(ds.cases.values()) for key in _references(case) if key in by_key and key not in done]
    load_units(root, list(dict.fromkeys(context)), base=ds, as_context=True)
    for u in units:  # references to unchanged, unloaded records must not dangle
        ds.files.setdefault((u.kind, u.id), u.display)
    recheck = [*changed, *reached]
    others = {src for u in units for src in u.sources} - {src for u in recheck for src in u.sources}
    caseload = Counter(s[0] for s in summaries.values() if s is not None and s[1])
    findings = [f for f in ds.findings + run_checks(ds, today, dict(caseload)) if f.file not in others]
    return _store(units, recheck, positioned(findings, root), hashes, reusable, summaries)


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


def _references(case: object) -> list[str]:
    s = summary_of(case)  # type: ignore[arg-type]
    return [f"workplaces/{w}" for w in s[2]] + [f"modules/{m}" for m in s[3]]


def _summary(ds: Dataset, unit: RecordUnit) -> CaseSummary | None:
    case = ds.cases.get(unit.id) if unit.kind == "cases" else None
    return summary_of(case) if case is not None else None


def _store(units: list[RecordUnit], checked: list[RecordUnit], findings: list[Finding], hashes: dict[str, str],
           reusable: dict[str, UnitEntry], summaries: dict[str, CaseSummary | None]) -> RecordCache:
    """The new cache: fresh entries for ``checked`` units, reused ones for the rest."""
    owner = {src: unit_key(u) for u in checked for src in u.sources}
    fresh: dict[str, list[Finding]] = {unit_key(u): [] for u in checked}
    general: list[Finding] = []
    for f in findings:
        (fresh[owner[f.file]] if f.file in owner else general).append(f)
    out = RecordCache(general=general)
    for u in units:
        key = unit_key(u)
        out.units[key] = UnitEntry(hashes[key], fresh[key], summaries.get(key)) if key in fresh else reusable[key]
    return out
