"""``site-gen check``: validate every record and the cross-record rules."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import TextIO

from ..cache import CaseSummary, ResultCache, SummaryIndex, file_hash
from ..checks import run_checks
from ..config import CATALOGUE_FILE, PURPOSES_FILE
from ..dataset import ORGANISATION_FILE, Dataset, load_dataset, load_record, record_entries, record_files
from ..checks.easy_language_config import CONFIG_FILE as EASY_LANGUAGE_FILE
from ..models.case import Case
from ..findings import Finding, Severity
from ..report import FORMATS, positioned, report
from ..schema_files import stale_findings


META_FILES = (ORGANISATION_FILE, CATALOGUE_FILE, PURPOSES_FILE, EASY_LANGUAGE_FILE)
"""Files every record depends on: part of the cache key; a change means a full check."""
MAX_STALE = 200
"""Above this many changed files the fast path is no faster: check everything."""


def collect(root: Path, today: dt.date, use_cache: bool = True) -> tuple[list[Finding], int]:
    """Every finding for the records below ``root`` (positioned), and the file count."""
    listing = record_files(root)
    files = [p for _, p in listing] + [root / f for f in META_FILES if (root / f).exists()]
    hashes = {p.relative_to(root).as_posix(): file_hash(p) for p in files}
    key = hashlib.blake2b(repr((today.isoformat(), sorted(hashes.items()))).encode(), digest_size=16).hexdigest()
    cache = ResultCache(root, enabled=use_cache)
    cached = cache.get(key)
    if cached is not None:
        return cached, len(files)
    ds = load_dataset(root, only=listing)  # the folders were just listed: no second scan
    findings = positioned(ds.findings + run_checks(ds, today), root)
    cache.save(key, findings)
    if use_cache:
        _save_summaries(root, ds)
    return findings, len(files)


def _summary(case: Case) -> CaseSummary:
    return (case.coaches.primary, case.closed is None, tuple(sorted({p.workplace for p in case.placements})),
            tuple(sorted({e.module for e in case.enrolments})))


def _save_summaries(root: Path, ds: Dataset) -> None:
    index = SummaryIndex(root)
    index.entries = {}
    for kind, rid, display, stat in record_entries(root):
        case = ds.cases.get(rid) if kind == "cases" else None
        index.entries[display] = (*stat, _summary(case) if case else None)
    index.save()


def collect_changed(root: Path, today: dt.date, changed: list[str]) -> tuple[list[Finding], int] | None:
    """Fast path for pre-commit: check the changed records and those they touch.

    Loads the changed records, the workplaces and modules they reference and
    the cases referencing a changed workplace or module; caseloads come from
    the summary index. Returns None when only a full check can answer
    (organisation or schema changed, no index yet, many stale files).
    """
    if any(c in META_FILES for c in changed):
        return None
    index = SummaryIndex(root)
    if not index.valid:
        return None
    ds = Dataset(root=root)
    wanted = set(changed)
    for kind, rid, display, stat in record_entries(root):
        ds.files[(kind, rid)] = display
        entry = index.entries.get(display)
        if entry is None or entry[:2] != stat:
            wanted.add(display)
    if len(wanted) > MAX_STALE or not all(d.startswith(("cases/", "workplaces/", "modules/")) for d in wanted):
        return None
    by_display = {d: (k, i) for (k, i), d in ds.files.items()}
    fresh = load_dataset(root, only=[])  # organisation and catalogues
    ds.organisation, ds.catalogue, ds.purposes_catalogue = fresh.organisation, fresh.catalogue, fresh.purposes_catalogue
    ds.findings.extend(fresh.findings)
    targets = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}

    def load(display: str) -> None:
        if display not in by_display or by_display[display][1] in targets[by_display[display][0]]:
            return
        kind, rid = by_display[display]
        record, findings = load_record(kind, root / display, display)
        ds.findings.extend(findings)
        if record is not None:
            targets[kind][rid] = record

    for display in sorted(wanted):
        load(display)
    changed_refs = {by_display[d][1] for d in wanted if d in by_display and by_display[d][0] != "cases"}
    for display, (_, _, summary) in index.entries.items():
        if summary is not None and changed_refs & (set(summary[2]) | set(summary[3])):
            load(display)
    for case in list(ds.cases.values()):
        for wid in {p.workplace for p in case.placements} | {d.workplace for d in case.disclosures}:
            load(ds.path_of("workplaces", wid))
        for mid in {e.module for e in case.enrolments}:
            load(ds.path_of("modules", mid))
    summaries = {d: e[2] for d, e in index.entries.items() if e[2] is not None}
    for cid, case in ds.cases.items():
        summaries[ds.path_of("cases", cid)] = _summary(case)
    counts: dict[str, int] = {}
    for display, summary in summaries.items():
        if summary[1] and display in by_display:
            counts[summary[0]] = counts.get(summary[0], 0) + 1
    ds.caseload_counts = counts
    findings = positioned(ds.findings + run_checks(ds, today), root)
    for display in wanted:
        if display in by_display and (root / display).exists():
            kind, rid = by_display[display]
            case = ds.cases.get(rid) if kind == "cases" else None
            index.entries[display] = (*SummaryIndex.stat_key(root / display), _summary(case) if case else None)
    index.save()
    return findings, len(wanted)


def run(root: Path, today: dt.date, fmt: str = "text", strict: bool = False, only: list[str] | None = None,
        use_cache: bool = True, out: TextIO = sys.stdout) -> int:
    """Check and report. With ``only`` (pre-commit passes the staged files) the
    fast path checks those records and the records they touch."""
    result = None
    touched = {_display(root, p) for p in only or []}
    if only and use_cache:
        result = collect_changed(root, today, sorted(touched))
    findings, count = result if result is not None else collect(root, today, use_cache)
    findings = findings + stale_findings(root)  # outside the cache: the files are not part of its key
    report(findings, count, fmt, out)
    return exit_code(findings, strict, touched)


def exit_code(findings: list[Finding], strict: bool = False, touched: set[str] | frozenset[str] = frozenset()) -> int:
    """1 when a finding refuses: commit-made errors (and warnings with ``strict``).

    A time-made task refuses only in a file the commit touches (``touched``):
    time is not a commit, so it never fails a full check, a build or CI.
    """
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(f.severity in failing and (not f.is_task or f.file in touched) for f in findings) else 0


def _display(root: Path, name: str) -> str:
    """A file name from the command line as a path relative to ``root``.

    Relative names are taken from the working directory when such a file
    exists there (pre-commit runs in the repository root), else from ``root``.
    """
    path = Path(name)
    if not path.is_absolute():
        path = Path.cwd() / path if (Path.cwd() / path).exists() else root / path
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(name).as_posix()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="Alle Datensätze und Regeln prüfen")
    p.add_argument("files", nargs="*", help="nur diese Dateien und was sie berühren prüfen (schnell, für pre-commit)")
    p.add_argument("--format", choices=FORMATS, default="text", help="Ausgabeformat")
    p.add_argument("--strict", action="store_true", help="Warnungen als Fehler werten")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT für Datumsregeln")
    p.add_argument("--no-cache", action="store_true", help="Zwischenspeicher nicht verwenden")
    p.set_defaults(run=lambda a: run(a.root, a.today or dt.date.today(), a.format, a.strict, a.files, not a.no_cache))


def parse_date(value: str) -> dt.date:
    """argparse type for --today and other dates (German error)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' ist kein Datum im Format JJJJ-MM-TT") from None
