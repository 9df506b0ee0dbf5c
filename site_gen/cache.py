"""Content-hash cache for ``site-gen check``.

Two parts, both invalidated by a new tool version or changed code/schema:

* per record unit, its findings and summary (:mod:`site_gen.record_cache`):
  a full check loads and checks only what changed and what it reaches;
* a summary index per record file (stat key, coach, references) that lets
  the pre-commit fast path check a few changed files without loading all.

Stored in ``.site-gen-cache/`` below the records root (git-ignored), as
plain JSON: reading a cache can never run code, so a planted or foreign
cache file is at worst ignored and rebuilt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .findings import Finding, Severity
from .output import write_file

CACHE_DIR = ".site-gen-cache"
SUMMARY_FILE = "summary.json"


@cache
def code_fingerprint() -> str:
    """Hash of the tool's own source and schema data: any change invalidates."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.yaml")]):  # default catalogues too
        h.update(path.read_bytes())
    return h.hexdigest()


def finding_row(f: Finding) -> list[Any]:
    """One finding as a JSON row (plain strings and numbers)."""
    return [f.file, f.code, f.message, f.hint, f.severity.value, list(f.loc), f.line, f.col, f.due.isoformat() if f.due else None, f.source]


def finding_from_row(row: Any) -> Finding:
    """One finding from its JSON row; anything unexpected raises (and the cache is ignored)."""
    file, code, message, hint, severity, loc, line, col, due, source = row
    if not all(isinstance(v, str) for v in (file, code, message, hint)) or not (source is None or isinstance(source, str)) or not all(isinstance(p, (str, int)) for p in loc):
        raise ValueError("foreign cache")
    if not all(v is None or type(v) is int for v in (line, col)):
        raise ValueError("foreign cache")
    return Finding(file, code, message, hint, Severity(severity), tuple(loc), line, col, dt.date.fromisoformat(due) if due else None, source)


LEGACY = ("result.pickle", "summary.marshal", "result.json")
"""Cache files of earlier versions (pickle/marshal, the all-or-nothing result): removed, never read."""


def write_cache(path: Path, data: bytes) -> None:
    """Atomic write into the cache folder; a read-only checkout just goes without."""
    try:
        path.parent.mkdir(exist_ok=True)
        for name in LEGACY:
            (path.parent / name).unlink(missing_ok=True)
        (path.parent / ".gitignore").write_text("*\n")
        write_file(path, data)
    except OSError:
        pass


CaseSummary = tuple[str, bool, tuple[str, ...], tuple[str, ...]]
"""(primary coach, case open?, referenced workplace ids, module ids) — what partial checks need."""


class SummaryIndex:
    """Per record file: stat key and a small summary, for the pre-commit fast path.

    Keyed by (mtime_ns, size) like Git's index: a stat is cheap where hashing
    every file is not. Stored as JSON (lists of strings and numbers).
    """

    def __init__(self, root: Path, read: bool = True) -> None:
        self.path = root / CACHE_DIR / SUMMARY_FILE
        self.entries: dict[str, tuple[int, int, CaseSummary | None]] = {}
        self.tree: str | None = None
        """Git's tree id of the staged records the entries describe (written by the hook); None: go by stat keys."""
        self.valid = False
        if not read:
            return
        try:
            data = json.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("code") == code_fingerprint():
                self.entries, self.valid = {d: _entry(e) for d, e in data["files"].items()}, True
                tree = data.get("tree")
                self.tree = tree if isinstance(tree, str) and re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", tree) else None
        except Exception:  # missing, broken or foreign: the full check rebuilds it
            self.entries = {}

    @staticmethod
    def stat_key(path: Path) -> tuple[int, int]:
        st = path.stat()
        return st.st_mtime_ns, st.st_size

    def save(self) -> None:
        data = {"code": code_fingerprint(), "files": self.entries, "tree": self.tree}
        write_cache(self.path, json.dumps(data, separators=(",", ":")).encode())


def _entry(row: Any) -> tuple[int, int, CaseSummary | None]:
    mtime, size, summary = row
    if type(mtime) is not int or type(size) is not int:
        raise ValueError("foreign cache")
    if summary is None:
        return mtime, size, None
    coach, open_, workplaces, modules = summary
    if not isinstance(coach, str) or type(open_) is not bool or not all(isinstance(x, str) for x in [*workplaces, *modules]):
        raise ValueError("foreign cache")
    return mtime, size, (coach, open_, tuple(workplaces), tuple(modules))
