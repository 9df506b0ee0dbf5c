"""Content-hash cache for ``site-gen check``.

Two levels, both invalidated by a new tool version or changed code/schema:

* the whole result: when no file's content changed, the previous findings
  are reused (a warm run only hashes files);
* a summary index per record file (stat key, coach, references) that lets
  the pre-commit fast path check a few changed files without loading all.

Stored in ``.site-gen-cache/`` below the records root (git-ignored).
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR = ".site-gen-cache"


@cache
def code_fingerprint() -> str:
    """Hash of the tool's own source and schema data: any change invalidates."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*.yaml")]):  # default catalogues too
        h.update(path.read_bytes())
    return h.hexdigest()


def file_hash(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


class ResultCache:
    """The last whole result of a full check, keyed by all content hashes.

    (A per-file cache of validated models was measured: unpickling 10,000
    models costs as much as validating them again, so only the result is kept.)
    """

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.path = root / CACHE_DIR / "result.pickle"
        self.enabled = enabled

    def get(self, key: str) -> Any:
        """The stored result if it was computed for ``key``, else None."""
        if not self.enabled:
            return None
        try:
            data = pickle.loads(self.path.read_bytes())
        except Exception:  # missing or broken: simply recomputed
            return None
        ok = isinstance(data, dict) and data.get("code") == code_fingerprint() and data.get("key") == key
        return data["result"] if ok else None

    def save(self, key: str, result: Any) -> None:
        if not self.enabled:
            return
        _write(self.path, pickle.dumps({"code": code_fingerprint(), "key": key, "result": result}, protocol=5))


def _write(path: Path, data: bytes) -> None:
    """Atomic write into the cache folder; a read-only checkout just goes without."""
    try:
        path.parent.mkdir(exist_ok=True)
        (path.parent / ".gitignore").write_text("*\n")
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass


CaseSummary = tuple[str, bool, tuple[str, ...], tuple[str, ...]]
"""(primary coach, case open?, referenced workplace ids, module ids) — what partial checks need."""


class SummaryIndex:
    """Per record file: stat key and a small summary, for the pre-commit fast path.

    Keyed by (mtime_ns, size) like Git's index: a stat is cheap where hashing
    every file is not. Stored with :mod:`marshal` (plain tuples, fast).
    """

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_DIR / "summary.marshal"
        self.entries: dict[str, tuple[int, int, CaseSummary | None]] = {}
        self.valid = False
        try:
            data = marshal.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("code") == code_fingerprint():
                self.entries, self.valid = data["files"], True
        except Exception:  # missing or broken: the full check rebuilds it
            pass

    @staticmethod
    def stat_key(path: Path) -> tuple[int, int]:
        st = path.stat()
        return st.st_mtime_ns, st.st_size

    def save(self) -> None:
        _write(self.path, marshal.dumps({"code": code_fingerprint(), "files": self.entries}))
