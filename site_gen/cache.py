"""Content-hash cache for ``site-gen check``.

Two levels, both invalidated by a new tool version or changed code/schema:

* the whole result: when no file's content changed, the previous findings
  are reused (a warm run only hashes files);
* per file: a changed file is parsed and validated again, the others come
  from the cache; cross-record rules always run on the whole dataset.

Stored in ``.site-gen-cache/`` below the records root (git-ignored).
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import __version__
from .findings import Finding

CACHE_DIR = ".site-gen-cache"


@cache
def code_fingerprint() -> str:
    """Hash of the tool's own source and schema data: any change invalidates."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def file_hash(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


class CheckCache:
    """Per-file (hash → record, findings) plus the last whole result.

    The two live in separate files so that a warm run with nothing changed
    reads only the small result file.
    """

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR
        self.enabled = enabled
        self.files: dict[str, tuple[str, BaseModel | None, list[Finding]]] = {}
        self.fresh: dict[str, tuple[str, BaseModel | None, list[Finding]]] = {}

    def _read(self, name: str) -> Any:
        if not self.enabled:
            return None
        try:
            data = pickle.loads((self.dir / name).read_bytes())
        except Exception:  # missing or broken: simply rebuilt
            return None
        return data if isinstance(data, dict) and data.get("code") == code_fingerprint() else None

    def result(self, key: str) -> Any:
        """The stored result if it was computed for ``key``, else None."""
        data = self._read("result.pickle")
        return data["result"] if data is not None and data.get("key") == key else None

    def wrap(self, loader: Any, hashes: dict[str, str]) -> Any:
        """A record loader that consults the per-file cache by content hash."""
        data = self._read("files.pickle")
        self.files = data["files"] if data is not None else {}

        def cached(kind: str, path: Path, display: str) -> tuple[BaseModel | None, list[Finding]]:
            digest = hashes.get(display) or file_hash(path)
            hit = self.files.get(display)
            if hit is not None and hit[0] == digest:
                self.fresh[display] = hit
                return hit[1], hit[2]
            record, findings = loader(kind, path, display)
            self.fresh[display] = (digest, record, findings)
            return record, findings

        return cached

    def save(self, key: str, result: Any) -> None:
        if not self.enabled:
            return
        try:
            self.dir.mkdir(exist_ok=True)
            (self.dir / ".gitignore").write_text("*\n")
            if self.fresh != self.files:
                self._write("files.pickle", {"code": code_fingerprint(), "files": self.fresh})
            self._write("result.pickle", {"code": code_fingerprint(), "key": key, "result": result})
        except OSError:  # a read-only checkout still checks, just without cache
            pass

    def _write(self, name: str, data: Any) -> None:
        tmp = self.dir / (name + ".tmp")
        tmp.write_bytes(pickle.dumps(data, protocol=5))
        tmp.replace(self.dir / name)
