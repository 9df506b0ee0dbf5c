"""Per-record cache of ``site-gen check``: findings and a small summary per record unit.

A record unit (kind, id and every file it is made of) is cached by the
content hashes of its files, under the tool's code fingerprint and the hash
of the files every record depends on (organisation, catalogues) and the day
checked (time-made findings depend on it). Per unit it keeps every finding
in its files (positioned, so no file is parsed again) and the summary the
cross-record rules need (coach, open?, referenced workplaces and modules).

Plain JSON in ``.site-gen-cache/records.json``, authenticated (see
:mod:`site_gen.records.cache`): reading it never runs code; a missing, broken,
foreign or forged file is ignored and rebuilt.

An entry is used only for the content it was computed from. On a developer's
machine a unit's stat signature (names, change times and sizes of its files,
from the scan, see :func:`site_gen.records.layout.stat_key`) stands for its content
while it equals the stored one and every file is older than the cache (Git's
rule against "racily clean" files); otherwise its files are read and hashed.
The change time cannot be set back by a program (``touch -d`` and
``os.utime`` move it forward), so an edit that keeps the size and puts the
modification time back still changes the signature: the shortcut cannot
change a verdict. A unit the cache does not know yet is not read for hashing
at all: its digest is its stat signature, so a cold check of 300,000 case
folder files opens each file once, to parse it. Such a digest never equals
a content hash, so at worst a touched unit is checked once more.

With ``CI`` set (every CI service sets it) there is no shortcut: every
unit's digest is the hash of its files' content (file systems restored from
a CI cache carry no trustworthy times).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..records.cache import CaseSummary, code_fingerprint, finding_from_row, finding_row, in_ci, read_cache, write_cache
from ..records.dataset import Unit
from ..records.layout import stat_key
from ..records.unseal import fingerprint

_CLEAN: list[Any] = []
"""The finding rows of a unit without findings (shared while writing, never changed)."""

RACY_NS = 2_000_000_000
"""Files changed this close before the cache was written are hashed again (coarse mtimes)."""


@dataclass
class UnitEntry:
    """What the cache knows about one record unit."""

    digest: str
    findings: list[Finding]
    summary: CaseSummary | None


@dataclass
class RecordCache:
    """Cached units of the last check, and the context they were computed in."""

    context: str = ""
    """Hash of code fingerprint, day and the files every record depends on."""
    units: dict[str, UnitEntry] = field(default_factory=dict)
    """``kind/id`` → entry."""
    general: list[Finding] = field(default_factory=list)
    """Findings outside record files (organisation, catalogues): recomputed with every change."""
    stats: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Unit key → (stat signature, newest mtime_ns of its files, digest)."""
    written_ns: int = 0


def unit_key(unit: Unit) -> str:
    return f"{unit.kind}/{unit.id}"


CACHE_FILE = "records.json"


def content_only() -> bool:
    """Whether every digest is a content hash: in CI."""
    return in_ci()


def read(root: Path) -> RecordCache:
    """The stored cache, or an empty one when missing, broken, foreign or forged."""
    try:
        data = json.loads(read_cache(root, CACHE_FILE) or b"null")
        if not isinstance(data, dict) or data.get("code") != code_fingerprint():
            return RecordCache()
        units = {key: UnitEntry(_str(digest), [finding_from_row(r) for r in rows], _summary(summary))
                 for key, (digest, rows, summary) in data["units"].items()}
        stats = {_str(key): (_str(sig), _int(newest), _str(h)) for key, (sig, newest, h) in data["stats"].items()}
        return RecordCache(_str(data["context"]), units, [finding_from_row(r) for r in data["general"]], stats, _int(data["written_ns"]))
    except Exception:  # missing, broken or foreign: rebuilt by this check
        return RecordCache()


def write(root: Path, cache: RecordCache) -> None:
    """Store ``cache`` (atomically; a read-only checkout goes without)."""
    data = {"code": code_fingerprint(), "context": cache.context, "written_ns": time.time_ns(),
            "units": {key: [e.digest, list(map(finding_row, e.findings)) if e.findings else _CLEAN, e.summary] for key, e in cache.units.items()},
            "general": [finding_row(f) for f in cache.general],
            "stats": cache.stats}  # tuples are written as lists
    write_cache(root, CACHE_FILE, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def digests(root: Path, units: list[Unit], cache: RecordCache) -> tuple[dict[str, str], dict[str, tuple[str, int, str]]]:
    """Digest per unit key, and the stat signatures to store for next time (see module doc)."""
    stats: dict[str, tuple[str, int, str]] = {}
    out: dict[str, str] = {}
    trusted_before = cache.written_ns - RACY_NS
    base = f"{root}/"
    contents = content_only()
    for unit in units:
        key = unit_key(unit)
        files = unit.files if len(unit.files) == len(unit.sources) else tuple(_stat(base + src) for src in unit.sources)
        sig = hashlib.blake2b(repr((unit.sources, files)).encode(), digest_size=16).hexdigest()
        newest = max(m for m, _ in files)
        known = cache.stats.get(key)
        if contents:
            digest = _content(base, unit.sources)
        elif known is not None and known[0] == sig and newest < trusted_before:
            digest = known[2]
        elif key in cache.units:
            digest = _content(base, unit.sources)
        else:
            digest = f"stat:{sig}"
        stats[key] = sig, newest, digest
        out[key] = digest
    return out, stats


def _stat(path: str) -> tuple[int, int]:
    try:
        return stat_key(os.lstat(path))
    except OSError:
        return 0, 0


def _content(base: str, sources: tuple[str, ...]) -> str:
    """The content hash of a unit: every file's name and bytes."""
    h = hashlib.blake2b(digest_size=16)
    for src in sources:
        try:
            with os.fdopen(os.open(base + src, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
                data = handle.read()
        except OSError:
            data = b"\0unreadable"
        h.update(f"{src}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def context_hash(root: Path, today: str, meta_files: tuple[str, ...]) -> str:
    """What every unit's findings depend on besides its own files."""
    h = hashlib.blake2b(f"{code_fingerprint()}\0{today}\0".encode(), digest_size=16)
    for name in meta_files:
        try:
            h.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
        except OSError:
            h.update(name.encode() + b"\0-\0")
    h.update(fingerprint(root))  # sealed records: the keyring and the reader's key decide what opens
    return h.hexdigest()


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("foreign cache")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("foreign cache")
    return value


def _summary(value: Any) -> CaseSummary | None:
    if value is None:
        return None
    coach, open_, workplaces, modules = value
    if not isinstance(coach, str) or type(open_) is not bool or not all(isinstance(x, str) for x in [*workplaces, *modules]):
        raise ValueError("foreign cache")
    return coach, open_, tuple(workplaces), tuple(modules)
