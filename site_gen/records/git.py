"""Git, in one module: the pages' change history, a record's history (Art. 15) and purging it (Art. 17).

Everything runs the real ``git`` and ``git filter-repo``; nothing here is called by checks or
views (they receive parsed :class:`Change` values). :func:`parse_log` only parses the output
of one ``git log`` (:data:`LOG_ARGS`), so the dossier view stays pure. Output of git is never
echoed: it can quote file contents.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from ..findings import UserError
from .layout import history_key, main_file

KEEP = 5
"""Changes shown per record."""

SEP = "\x1e"
LOG_ARGS = ["log", f"--format={SEP}%h%x1f%aI%x1f%an", "--name-only", "--no-renames", "--", "cases", "workplaces", "modules"]
"""Arguments for one ``git log`` over all record folders (newest first)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that touched a record file (page history, subject-access export)."""

    commit: str
    date: dt.date
    author: str


def parse_log(text: str, prefix: str = "", keep: int = KEEP) -> dict[str, list[Change]]:
    """Record (relative to the records root; a case as ``cases/<id>`` in both layouts, see
    :func:`~site_gen.records.layout.history_key`) → its newest ``keep`` changes.

    ``prefix`` is the records root relative to the Git top level ("" when
    they are the same, else e.g. ``"daten/"``): it is removed from paths.
    """
    out: dict[str, list[Change]] = {}
    for block in text.split(SEP):
        if not block.strip():
            continue
        head, _, names = block.partition("\n")
        parts = head.split("\x1f")
        if len(parts) != 3:
            continue
        commit, when, author = parts
        try:
            change = Change(commit, dt.date.fromisoformat(when[:10]), author)
        except ValueError:
            continue
        for name in names.splitlines():
            name = name.strip()
            if not name or not name.startswith(prefix):
                continue
            changes = out.setdefault(history_key(name[len(prefix):]), [])  # a case folder's files count as one record
            if len(changes) < keep and change not in changes:
                changes.append(change)
    return out


def output(root: Path, args: list[str], stdin: str | None = None, ok: tuple[int, ...] = (0,), timeout: int = 120) -> str | None:
    """Git's text output in ``root`` (None when Git is missing, times out or exits with a code not in ``ok``)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode in ok else None


def history(root: Path) -> dict[str, list[Change]]:
    """Last changes per record file from ONE ``git log`` run ({} outside Git): the pages' change history."""
    text = output(root, [*LOG_ARGS[:1], "--relative", *LOG_ARGS[1:]], timeout=300)
    return parse_log(text) if text is not None else {}


def git(cwd: Path, *args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``cwd``; the caller checks ``returncode``."""
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, input=input, timeout=3600)
    except FileNotFoundError:
        raise UserError("Das Programm 'git' ist nicht installiert.", "git installieren (z. B. apt-get install git).") from None


def identity(top: Path) -> list[str]:
    """Fallback author for commits the tool makes when git has none configured."""
    known = all(git(top, "var", ident).returncode == 0 for ident in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))
    return [] if known else ["-c", "user.name=site-gen", "-c", "user.email=site-gen@localhost"]


def toplevel(root: Path) -> Path | None:
    """The top folder of the Git repository containing ``root``, if any."""
    result = git(root, "rev-parse", "--show-toplevel")
    return Path(result.stdout.decode().strip()) if result.returncode == 0 else None


def file_history(root: Path, rel: str) -> list[Change]:
    """Commits that touched ``rel`` (relative to ``root``, following renames), newest first.

    For a case folder: every commit that touched a file in it, plus the history
    of its ``case.yaml`` before the move (``--follow`` finds the old single file).
    """
    fmt = "--format=%H%x1f%aI%x1f%an"
    if (root / rel).is_dir():
        logs = [git(root, "log", fmt, "--", rel), git(root, "log", "--follow", fmt, "--", f"{rel}/{main_file(rel.split('/', 1)[0])}")]
    else:
        logs = [git(root, "log", "--follow", fmt, "--", rel)]
    lines = list(dict.fromkeys(line for log in logs if log.returncode == 0 for line in log.stdout.decode("utf-8", "replace").splitlines()))
    changes = []
    for line in lines:
        commit, when, author = (line.split("\x1f") + ["", "", ""])[:3]
        try:
            changes.append(Change(commit, dt.date.fromisoformat(when[:10]), author))
        except ValueError:
            continue
    return sorted(changes, key=lambda c: c.date, reverse=True)


def historical_paths(top: Path, stem: str, folder: str) -> set[str]:
    """Every path (relative to ``top``) a record ``<folder>/<stem>.y(a)ml`` or ``<folder>/<stem>/…`` ever had, in any ref."""
    listing = git(top, "rev-list", "--all", "--objects")
    paths = set()
    for line in listing.stdout.decode("utf-8", "replace").splitlines():
        _, _, path = line.partition(" ")
        p = Path(path)
        if p.parent.name == folder and p.stem == stem and p.suffix in (".yaml", ".yml"):
            paths.add(path)
        elif any(p.parts[i:i + 2] == (folder, stem) for i in range(len(p.parts) - 2)) and p.suffix:  # a file of the case folder
            paths.add(path)
    for path in list(paths):  # earlier names of the same file
        log = git(top, "log", "--all", "--follow", "--name-only", "--format=", "--", path)
        paths |= {n for n in log.stdout.decode("utf-8", "replace").splitlines() if n.strip()}
    return paths


def blobs_of(top: Path, paths: set[str]) -> set[str]:
    """Ids of every stored version of ``paths`` reachable from any ref."""
    listing = git(top, "rev-list", "--all", "--objects")
    out = set()
    for line in listing.stdout.decode("utf-8", "replace").splitlines():
        sha, _, path = line.partition(" ")
        if path in paths:
            out.add(sha)
    return out


def filter_repo_command() -> list[str]:
    """How to start git filter-repo: the PyPI module, else the script on PATH."""
    if importlib.util.find_spec("git_filter_repo") is not None:
        return [sys.executable, "-m", "git_filter_repo"]
    script = shutil.which("git-filter-repo")
    if script:
        return [script]
    raise UserError("git filter-repo ist nicht installiert.", "pip install git-filter-repo (steht in pyproject.toml).")


def purge(top: Path, paths: set[str], message_patterns: list[str], replacement: str = "[gelöscht]") -> None:
    """Rewrite every ref without ``paths``, scrub ``message_patterns`` from
    commit and tag messages, then drop reflogs and unreachable objects."""
    rules = top / ".git" / "site-gen-forget-messages.txt"
    rules.write_bytes(b"".join(f"{p}==>{replacement}\n".encode() for p in message_patterns))
    try:
        cmd = [*filter_repo_command(), "--force", "--quiet", "--invert-paths", "--replace-message", str(rules)]
        for path in sorted(paths):
            cmd += ["--path", path]
        result = subprocess.run(cmd, cwd=top, capture_output=True, timeout=3600)
    finally:
        rules.unlink(missing_ok=True)
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise UserError("git filter-repo ist fehlgeschlagen; die Git-Geschichte ist unverändert.", f"Meldung von filter-repo: {reason[0][:200]}")
    for name in ("ORIG_HEAD", "FETCH_HEAD"):  # may still point at old commits
        (top / ".git" / name).unlink(missing_ok=True)
    for args in (("reflog", "expire", "--expire=now", "--all"), ("gc", "--prune=now", "--quiet")):
        if git(top, *args).returncode != 0:
            raise UserError(f"'git {' '.join(args)}' ist fehlgeschlagen.", "Von Hand ausführen und danach erneut prüfen.")


def objects_containing(top: Path, markers: list[bytes]) -> int:
    """How many objects in the repository's object store contain one of ``markers``."""
    proc = git(top, "cat-file", "--batch-all-objects", "--batch", "--unordered")
    data, pos, hits = proc.stdout, 0, 0
    while pos < len(data):
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        size = int(header[2]) if len(header) == 3 else 0
        body = data[end + 1:end + 1 + size]
        hits += any(m in body for m in markers)
        pos = end + 1 + size + 1
    return hits


def still_present(top: Path, blobs: set[str]) -> int:
    """How many of the old blob ids still exist in the object store.

    A blob that another file still holds (the very same bytes elsewhere, e.g. an
    identical entry in another case folder) is that file's, not a leftover.
    """
    listing = git(top, "rev-list", "--all", "--objects").stdout.decode("utf-8", "replace").splitlines()
    elsewhere = {line.partition(" ")[0] for line in listing}
    return sum(git(top, "cat-file", "-e", sha).returncode == 0 for sha in blobs - elsewhere)



@dataclass(frozen=True)
class IndexView:
    """What Git knows about the record folders below a records root (paths relative to it).

    ``objects``: ``cases/<id>``, ``workplaces/<id>`` and ``modules/<file>`` → ``<mode> <object id>`` in the
    tree of the staged index (a folder's tree id is a digest of every name, mode and byte in it).
    ``unclean``: the paths below the record folders whose work-tree content differs from the index (changed
    or deleted tracked files; with ``others`` also every path not in the index: untracked and ignored files,
    folders, empty ones too). ``index``: the identity of the index file that was read.
    """

    objects: dict[str, str]
    unclean: list[str]
    index: tuple[int, int, int]
    others: bool


RELIABLE = ("-c", "core.fsmonitor=false", "-c", "core.trustctime=true", "-c", "core.checkStat=default", "-c", "core.ignoreStat=false")
"""Git compares every file's full stat data (the change time too, which no program can set back) and asks no file monitor."""
CHANGED = ["ls-files", "-z", "-t", "-m", "-d"]
"""Changed (``C``) and deleted (``R``) tracked files: one stat per file, in C; racily clean files are compared by content."""
OTHERS = ["-o", "--directory"]
"""Paths not in the index (``?``), ignored ones too; a folder of such paths as one folder (an empty one too)."""
FLAGS = ["-c", "-v"]
"""Every index entry with its tag: anything but ``H`` (lower case: "assume unchanged"; ``S``: skip-worktree) is not compared."""


@dataclass
class PendingView:
    """:func:`index_view` under way: Git writes the staged tree and compares the work tree with the index in two
    processes while the caller reads its cache (:func:`start_index_view`)."""

    root: Path
    folders: tuple[str, ...]
    others: bool
    index: Path
    before: tuple[int, int, int] | None
    tree: subprocess.Popen[bytes] | None
    listing: tuple[subprocess.Popen[bytes], IO[bytes]] | None

    def close(self) -> None:
        """Stop what still runs (its answer is not needed)."""
        for proc in (self.tree, self.listing[0] if self.listing else None):
            if proc is not None and proc.poll() is None:
                proc.kill()
            if proc is not None:
                proc.wait()
        if self.listing is not None:
            self.listing[1].close()


RECORD_FOLDERS = ("cases", "workplaces", "modules")
"""The record folders (the kinds of :data:`site_gen.models.RECORD_KINDS`, named here without importing the models)."""


def start_index_view(root: Path, folders: tuple[str, ...], others: bool) -> PendingView | None:
    """Start Git's part of :func:`index_view` (``write-tree``, and ``ls-files`` without :data:`FLAGS`); None outside Git."""
    path = output(root, ["rev-parse", "--path-format=absolute", "--git-path", "index"], timeout=60)
    index = Path(path.strip()) if path else None
    if index is None or not index.is_absolute():
        return None
    before = _index_state(index)
    tree = _spawn(root, [*RELIABLE, "write-tree"], None)
    out = tempfile.TemporaryFile()  # a pipe would stall Git once full, until read
    listing = _spawn(root, [*RELIABLE, *CHANGED, *(OTHERS if others else []), "--", *folders], out)
    if listing is None:
        out.close()
    return PendingView(root, folders, others, index, before, tree, (listing, out) if listing is not None else None)


def index_view(root: Path, folders: tuple[str, ...], checked_index: tuple[int, int, int] | None, others: bool,
               pending: PendingView | None = None) -> IndexView | None:
    """Git's view of ``folders`` below ``root`` (see :class:`IndexView`); None where it cannot vouch.

    None outside a Git work tree, with an unmerged index (``git write-tree`` refuses), an index entry Git
    does not compare with the work tree (assume-unchanged, skip-worktree: sparse checkouts; looked for
    unless the index is ``checked_index``, one found clean before), or an index that changed while read.
    ``pending``: Git's processes started before (:func:`start_index_view`), used when they can answer.
    """
    if pending is not None:
        early = _finish_view(pending, checked_index)
        if early is not None:
            return early if early is not False else None
    path = output(root, ["rev-parse", "--path-format=absolute", "--git-path", "index"], timeout=60)
    index = Path(path.strip()) if path else None
    if index is None or not index.is_absolute():
        return None
    before = _index_state(index)
    tree = (output(root, [*RELIABLE, "write-tree"], timeout=300) or "").strip()
    if _index_state(index) != before:  # write-tree stored its cache of subtrees: read once more
        before = _index_state(index)
        tree = (output(root, [*RELIABLE, "write-tree"], timeout=300) or "").strip()
    if before is None or len(tree) not in (40, 64):
        return None
    args = [*RELIABLE, *CHANGED, *(OTHERS if others else []), *(FLAGS if before != checked_index else []), "--", *folders]
    return _view(root, folders, index, before, tree, _bytes(root, args), others)


def _finish_view(pending: PendingView, checked_index: tuple[int, int, int] | None) -> IndexView | Literal[False] | None:
    """The view from the processes :func:`start_index_view` started; False where Git cannot vouch (no tree: an
    unmerged index, no Git); None when they cannot answer (the index changed, or its entries must be listed
    with :data:`FLAGS`): then everything is asked again, in order."""
    try:
        tree_out = pending.tree.communicate(timeout=300)[0] if pending.tree is not None else None
        tree = tree_out.decode("ascii", "replace").strip() if tree_out is not None and pending.tree is not None and pending.tree.returncode == 0 else ""
        if pending.before is None or _index_state(pending.index) != pending.before or pending.before != checked_index or pending.listing is None:
            return None  # write-tree stored its cache of subtrees, the index is new since last checked, or Git is missing
        if len(tree) not in (40, 64):
            return False
        proc, out = pending.listing
        code = proc.wait(timeout=300)
        out.seek(0)
        listing = out.read() if code == 0 else None
        return _view(pending.root, pending.folders, pending.index, pending.before, tree, listing, pending.others) or False
    except subprocess.TimeoutExpired:
        return False
    finally:
        pending.close()


def _view(root: Path, folders: tuple[str, ...], index: Path, before: tuple[int, int, int], tree: str, listing: bytes | None,
          others: bool) -> IndexView | None:
    """The view from Git's ``ls-files`` ``listing`` and the staged ``tree`` (None when either failed or the index changed meanwhile)."""
    objects = _bytes(root, ["ls-tree", "-z", tree, "--", *(f"{f}/" for f in folders)])
    if listing is None or objects is None or _index_state(index) != before:
        return None
    unclean = _unclean(listing.decode("utf-8", "surrogateescape"))
    if unclean is None:
        return None
    found: dict[str, str] = {}
    for line in objects.decode("utf-8", "surrogateescape").split("\0"):
        head, _, name = line.partition("\t")
        if name:
            mode, _, rest = head.partition(" ")
            found[name] = f"{mode} {rest.partition(' ')[2]}"
    return IndexView(found, unclean, before, others)


def _spawn(root: Path, args: list[str], out: IO[bytes] | None) -> subprocess.Popen[bytes] | None:
    """Git started on ``args`` (output to ``out``, else a pipe); None when Git is missing."""
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=out if out is not None else subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def untracked(root: Path, paths: list[str]) -> list[str] | None:
    """The paths below ``paths`` that are not in the index (see :data:`OTHERS`); None on failure."""
    listing = _bytes(root, [*RELIABLE, "ls-files", "-z", "-t", *OTHERS, "--", *paths]) if paths else b""
    return None if listing is None else _unclean(listing.decode("utf-8", "surrogateescape"))


def _unclean(listing: str) -> list[str] | None:
    """The paths of an ``ls-files -t`` listing not tagged ``H``; None when one is not compared by Git."""
    unclean: list[str] = []
    for line in re.findall(r"\0([^H\0][^\0]*)", "\0" + listing):  # the few lines not tagged H, found in C
        tag, _, name = line.partition(" ")
        if tag not in ("C", "R", "?"):
            return None  # assume-unchanged (lower case), skip-worktree (S), unmerged (M) …
        unclean.append(name.rstrip("/"))
    return unclean


def _index_state(index: Path) -> tuple[int, int, int] | None:
    """Identity of the index file (Git replaces it by a rename on every write: a new inode)."""
    try:
        st = os.stat(index)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _bytes(root: Path, args: list[str]) -> bytes | None:
    """Git's raw output (paths may be in any encoding), None on failure."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None
