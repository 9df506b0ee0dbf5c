"""``site-gen check``: validate every record and the cross-record rules."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import TextIO

from ..cache import CheckCache, file_hash
from ..checks import run_checks
from ..dataset import CATALOGUE_FILE, ORGANISATION_FILE, PURPOSES_FILE, load_dataset, load_record, record_files
from ..findings import Finding, Severity
from ..report import FORMATS, positioned, report


def collect(root: Path, today: dt.date, use_cache: bool = True) -> tuple[list[Finding], int]:
    """Every finding for the records below ``root`` (positioned), and the file count."""
    files = [p for _, p in record_files(root)] + [root / f for f in (ORGANISATION_FILE, CATALOGUE_FILE, PURPOSES_FILE) if (root / f).exists()]
    hashes = {p.relative_to(root).as_posix(): file_hash(p) for p in files}
    key = hashlib.blake2b(repr((today.isoformat(), sorted(hashes.items()))).encode(), digest_size=16).hexdigest()
    cache = CheckCache(root, enabled=use_cache)
    cached = cache.result(key)
    if cached is not None:
        return cached, len(files)
    ds = load_dataset(root, loader=cache.wrap(load_record, hashes))
    findings = positioned(ds.findings + run_checks(ds, today), root)
    cache.save(key, findings)
    return findings, len(files)


def run(root: Path, today: dt.date, fmt: str = "text", strict: bool = False, only: list[str] | None = None,
        use_cache: bool = True, out: TextIO = sys.stdout) -> int:
    """Check and report. ``only``: report findings for these files only (pre-commit)."""
    findings, count = collect(root, today, use_cache)
    if only:
        wanted = {Path(p).resolve().relative_to(root.resolve()).as_posix() if Path(p).is_absolute() else Path(p).as_posix() for p in only}
        findings = [f for f in findings if f.file in wanted or f.file == ORGANISATION_FILE]
    report(findings, count, fmt, out)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="Alle Datensätze und Regeln prüfen")
    p.add_argument("files", nargs="*", help="nur Meldungen zu diesen Dateien ausgeben (pre-commit)")
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
