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
machine a unit's stat signature (the names of its files and their
:data:`~site_gen.records.layout.Changes`: the newest modification or change
time, the sum of those times and the total size of its files and folders,
gathered by the scan) stands for its content while it equals the stored one
and everything in the unit is older than the cache (Git's rule against
"racily clean" files); otherwise its files are read and hashed. Any write,
rename, new or deleted file sets a change time to now, past the cache. The
change time cannot be set back by a program (``touch -d`` and ``os.utime``
move it forward), so an edit that keeps the size and puts the modification
time back still changes the signature: the shortcut cannot change a verdict. A unit the cache does not know yet is not read for hashing
at all: its digest is its stat signature, so a cold check of 300,000 case
folder files opens each file once, to parse it. Such a digest never equals
a content hash, so at worst a touched unit is checked once more.

With ``CI`` set (every CI service sets it) there is no shortcut: every
unit's digest is the hash of its files' content (file systems restored from
a CI cache carry no trustworthy times).

In a Git work tree the full check first asks Git (see
:mod:`site_gen.checking.git_listing`): a unit Git vouches for has its
staged tree or blob id as digest (``git:…``, a content digest too), and an
unchanged one is reused without listing its folder.
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
from ..records.cache import CaseSummary, code_fingerprint, finding_from_row, finding_row, in_ci, read_cache, strings_only, write_cache
from ..records.dataset import Unit
from ..records.layout import changes
from ..records.unseal import fingerprint

_CLEAN: list[Any] = []
"""The finding rows of a unit without findings (shared while writing, never changed)."""

NEVER = 1 << 62
"""A change time no cache is older than."""
RACY_NS = 2_000_000_000
"""Files changed this close before the cache was written are hashed again (coarse mtimes)."""


@dataclass(slots=True)
class UnitEntry:
    """What the cache knows about one record unit."""

    digest: str
    findings: list[Finding]
    summary: CaseSummary | None
    count: int = 0
    """How many files the unit has (0: not known; the unit is then listed)."""
    stamp: tuple[int, int] = (0, 0)
    """The unit's stat key for the hook's summary index (:attr:`~site_gen.records.layout.Unit.stamp`)."""
    strays: list[Finding] = field(default_factory=list)
    """What the listing found in the unit's folder that does not belong there (RECORD-FOLDER-STRAY …)."""
    folders: str = ""
    """``names|time|signature`` of the unit's folders when Git vouched for it (see :mod:`site_gen.checking.git_listing`)."""


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
    index: tuple[int, int, int] | None = None
    """Identity of Git's index file last found to hold only entries Git compares with the work tree."""


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
        units = {key: UnitEntry(_str(digest), [finding_from_row(r) for r in rows] if rows else [], _summary(summary), _int(count),
                                (_int(stamp[0]), _int(stamp[1])), [finding_from_row(r) for r in strays] if strays else [], _str(folders))
                 for key, (digest, rows, summary, count, stamp, strays, folders) in data["units"].items()}
        stats = {_str(key): (_str(sig), _int(newest), _str(h)) for key, (sig, newest, h) in data["stats"].items()}
        index = data["index"]
        return RecordCache(_str(data["context"]), units, [finding_from_row(r) for r in data["general"]], stats, _int(data["written_ns"]),
                           (_int(index[0]), _int(index[1]), _int(index[2])) if index is not None else None)
    except Exception:  # missing, broken or foreign: rebuilt by this check
        return RecordCache()


def write(root: Path, cache: RecordCache) -> None:
    """Store ``cache`` (atomically; a read-only checkout goes without)."""
    data = {"code": code_fingerprint(), "context": cache.context, "written_ns": time.time_ns(),
            "units": {key: [e.digest, list(map(finding_row, e.findings)) if e.findings else _CLEAN, e.summary, e.count, e.stamp,
                            list(map(finding_row, e.strays)) if e.strays else _CLEAN, e.folders] for key, e in cache.units.items()},
            "general": [finding_row(f) for f in cache.general],
            "stats": cache.stats, "index": cache.index}  # tuples are written as lists
    write_cache(root, CACHE_FILE, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def digests(root: Path, units: list[Unit], cache: RecordCache, vouched: dict[str, str] | None = None) -> tuple[dict[str, str], dict[str, tuple[str, int, str]]]:
    """Digest per unit key, and the stat signatures to store for next time (see module doc).

    ``vouched``: display → digest of the units Git vouches for (see :mod:`site_gen.checking.git_listing`).
    """
    stats: dict[str, tuple[str, int, str]] = {}
    out: dict[str, str] = {}
    trusted_before = cache.written_ns - RACY_NS
    base = f"{root}/"
    contents = content_only()
    vouched = vouched or {}
    for unit in units:
        key = unit_key(unit)
        if unit.display in vouched:
            out[key] = vouched[unit.display]
            continue
        files = unit.files or _changes(base, unit)
        sig = hashlib.blake2b(("\0".join(unit.sources) + repr(files)).encode(), digest_size=16).hexdigest()
        newest = files[0]
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


def _changes(base: str, unit: Unit) -> tuple[int, ...]:
    """The :data:`~site_gen.records.layout.Changes` of a unit the scan did not stat: its files and the folders holding them."""
    folders = {src.rsplit("/", 1)[0] for src in unit.sources if src != unit.display}
    try:
        return changes([os.lstat(base + path) for path in (*sorted(folders), *unit.sources)])
    except OSError:
        return NEVER, 0, 0  # a file gone since the scan: newer than any cache, so its content is read


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
    if type(coach) is not str or type(open_) is not bool or not strings_only(workplaces) or not strings_only(modules):
        raise ValueError("foreign cache")
    return coach, open_, tuple(workplaces), tuple(modules)

