"""Content-hash cache for ``site-gen check``.

Two parts, both invalidated by a new tool version or changed code/schema:

* per record unit, its findings and summary (:mod:`site_gen.checking.unit_cache`):
  a full check loads and checks only what changed and what it reaches;
* a summary index per record file (stat key, coach, references) that lets
  the pre-commit fast path check a few changed files without loading all.

Stored in ``.site-gen-cache/`` below the records root (git-ignored), as
plain JSON: reading a cache can never run code.

The cache only speeds up; it never decides. Every cache file starts with a
line holding a keyed hash (BLAKE2b MAC) of the rest, under a key that never
lies in the cache folder: ``SITE_GEN_CACHE_KEY`` when set (a protected CI
variable), else a random key kept in the repository's Git folder (or the
user's cache folder outside Git). A file that does not verify — planted,
forged, copied from another machine or branch pipeline without the key,
broken — is ignored and rebuilt. The cache folder, and every file in it, is
never followed as a symbolic link: a linked cache folder is neither read nor
written (see :func:`cache_folder`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..findings import Finding, Severity
from ..output import write_file
from .layout import stat_key

CACHE_DIR = ".site-gen-cache"
SUMMARY_FILE = "summary.json"


@cache
def code_fingerprint() -> str:
    """Hash of the tool's own source and schema data: any change invalidates."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parent.parent
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


KEY_ENV = "SITE_GEN_CACHE_KEY"
"""A secret that authenticates cache files (CI: a protected variable, so a merge request's pipeline cannot forge main's cache)."""
_MAGIC = b"site-gen-cache "


def cache_folder(root: Path, create: bool = False) -> Path | None:
    """``root/.site-gen-cache`` when it is a real folder (made with ``create``); None when it is a link, a file or cannot be made.

    A symbolic link there (to a folder outside the repository, say) is never
    followed: site-gen neither reads nor writes nor deletes anything through it.
    """
    folder = root / CACHE_DIR
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        if not create:
            return None
        try:
            folder.mkdir()
        except OSError:
            return None
        return folder
    except OSError:
        return None
    return folder if stat.S_ISDIR(mode) else None


def _key_file(root: Path) -> Path:
    """Where the local cache key lives: in the repository's Git folder (never in the work tree), else in the user's cache folder."""
    here = root.resolve()
    for folder in (here, *here.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot / "site-gen-cache.key"
        if dot.is_file():  # a worktree or submodule: "gitdir: PATH"
            text = dot.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return (folder / text[len("gitdir:"):].strip()).resolve() / "site-gen-cache.key"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "site-gen" / "cache.key"


def in_ci() -> bool:
    """Whether this runs in CI (``CI`` set and not ``false``/``0``/``no``: every CI service sets it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@cache
def cache_key(root: Path) -> bytes:
    """The key that authenticates ``root``'s cache files (see module doc); made on first use.

    In CI without ``SITE_GEN_CACHE_KEY`` the key lives in this process only: a work tree (and its Git
    folder) that another branch's pipeline could have touched holds nothing the check trusts.
    """
    secret = os.environ.get(KEY_ENV, "")
    if secret:
        return hashlib.blake2b(secret.encode(), digest_size=32).digest()
    if in_ci():
        return secrets.token_bytes(32)
    path = _key_file(root)
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key[:64]
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, key, 0o600)
    except OSError:
        pass  # a read-only place: this process's key only (nothing stored verifies later)
    return key


def _mac(root: Path, data: bytes) -> bytes:
    return hashlib.blake2b(data, key=cache_key(root), digest_size=32).hexdigest().encode()


def read_cache(root: Path, name: str) -> bytes | None:
    """The body of the cache file ``name`` (relative to the cache folder) if it verifies; else None.

    Never through a symbolic link (the folder is checked, the file opened with ``O_NOFOLLOW``).
    """
    folder = cache_folder(root)
    if folder is None or (folder / name).parent.is_symlink():
        return None
    try:
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    head, _, body = raw.partition(b"\n")
    if not head.startswith(_MAGIC) or not hmac.compare_digest(head[len(_MAGIC):], _mac(root, body)):
        return None
    return body


def write_cache(root: Path, name: str, data: bytes) -> None:
    """Atomic, authenticated write of the cache file ``name``; a read-only checkout or a linked cache folder goes without.

    Files are replaced by a rename, never written through: a link planted in the folder is replaced, not followed.
    """
    folder = cache_folder(root, create=True)
    if folder is None:
        return
    try:
        for legacy in LEGACY:
            (folder / legacy).unlink(missing_ok=True)
        if not (folder / ".gitignore").is_file() or (folder / ".gitignore").is_symlink():
            write_file(folder / ".gitignore", "*\n")
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        if cache_folder(root) != folder or path.parent.is_symlink():
            return
        write_file(path, _MAGIC + _mac(root, data) + b"\n" + data)
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
        self.root = root
        self.entries: dict[str, tuple[int, int, CaseSummary | None]] = {}
        self.tree: str | None = None
        """Git's tree id of the staged records the entries describe (written by the hook); None: go by stat keys."""
        self.valid = False
        if not read:
            return
        try:
            data = json.loads(read_cache(root, SUMMARY_FILE) or b"null")
            if isinstance(data, dict) and data.get("code") == code_fingerprint():
                self.entries, self.valid = {d: _entry(e) for d, e in data["files"].items()}, True
                tree = data.get("tree")
                self.tree = tree if isinstance(tree, str) and re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", tree) else None
        except Exception:  # missing, broken or foreign: the full check rebuilds it
            self.entries = {}

    @staticmethod
    def stat_key(path: Path) -> tuple[int, int]:
        return stat_key(os.lstat(path))

    def save(self) -> None:
        data = {"code": code_fingerprint(), "files": self.entries, "tree": self.tree}
        write_cache(self.root, SUMMARY_FILE, json.dumps(data, separators=(",", ":")).encode())


def _entry(row: Any) -> tuple[int, int, CaseSummary | None]:
    mtime, size, summary = row
    if type(mtime) is not int or type(size) is not int:
        raise ValueError("foreign cache")
    if summary is None:
        return mtime, size, None
    coach, open_, workplaces, modules = summary
    if type(coach) is not str or type(open_) is not bool or not strings_only(workplaces) or not strings_only(modules):
        raise ValueError("foreign cache")
    return mtime, size, (coach, open_, tuple(workplaces), tuple(modules))


def strings_only(values: Any) -> bool:
    """Whether ``values`` is a list of strings (a cache holds 12,000 entries at 10,000 cases: joined in C, not looked at one by one)."""
    if type(values) is not list:
        return False
    try:
        "".join(values)
    except TypeError:
        return False
    return True
