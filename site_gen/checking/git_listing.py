"""The full check's listing where Git vouches: record folders unchanged since the last check are not listed again.

Listing 73,000 folders and one ``lstat`` per file in Python was most of a
warm check at 10,000 cases. In a Git work tree most of that work is Git's,
in C (:func:`~site_gen.records.git.index_view`):

* the staged tree gives every record folder a **content digest**: its tree
  id (``git write-tree``, ``git ls-tree``) covers every name, mode and byte
  in it; a module file's blob id covers its bytes;
* ``git ls-files -m -d`` compares every tracked file with the index (the
  full stat data, racily clean files by content): a folder holding a
  changed or deleted file is listed and hashed as before;
* a file that is not in the index at all (a new entry, a stray ``notizen/``,
  an ignored scan) is found by ``git ls-files -o`` (ignored files too: no
  exclude rules) in the folders listed this time, and in CI everywhere.

A folder's cache entry is reused unread when its tree id equals the stored
digest, Git sees no changed or deleted file in it and — on a developer's
machine — the stat data of the folder and of its entry folders equals what
was recorded *before* the folder was last listed and found clean by Git:
adding, removing or renaming anything in a folder sets its change time,
which no program can set back (recorded only when older than
:data:`~site_gen.checking.unit_cache.RACY_NS`, Git's rule against racily
clean entries). Git compares change times to the second only, so the record
counts only while Git's index is older than it by that margin too: after a
``git add`` or a commit the first check lists every folder once more. In CI (``CI`` set) there is no stat shortcut: every run
asks Git for every path outside the index. The reused entry keeps the
folder's findings *and* its strays (RECORD-FOLDER-STRAY, RECORD-SYMLINK …),
found by the listing that made it; everything Git cannot vouch for (no Git,
an unmerged or sparse index, an entry marked assume-unchanged, a changed or
new folder) is listed as before, so the verdict never depends on the path taken.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..findings import Finding
from ..models import RECORD_KINDS
from ..records.cache import in_ci
from ..records.dataset import Unit
from ..records.git import IndexView, PendingView, index_view, start_index_view, untracked
from ..records.layout import FOLDER_KINDS, appendable, record_of, scan_folder
from .unit_cache import RACY_NS, RecordCache

PREFIX = "git:"
"""Digests that are Git object ids (a folder's tree, a module file's blob)."""
MODES = {"040000"}, {"100644", "100755"}
"""Modes Git vouches for: a folder's tree, a regular file."""
KINDS = tuple(RECORD_KINDS)
WHOLE_WALK = 200
"""Above this many folders to ask about, Git lists every path outside the index once (one walk, not a pathspec each)."""


class GitListing:
    """Lists record folders for :func:`~site_gen.records.dataset.scan_records`, reusing what Git vouches unchanged."""

    def __init__(self, root: Path, cache: RecordCache, view: IndexView) -> None:
        self.root, self.cache, self.view = root, cache, view
        self.unclean = {record_of(p) for p in view.unclean}
        self.vouched: dict[str, str] = {}
        """Display → digest of every unit Git vouches for (reused or found clean this time)."""
        self.counts: dict[str, int] = {}
        """Display → file count of the units reused unlisted."""
        self.stamps: dict[str, str] = {}
        """Display → ``names|time taken|signature``: the stat record of its folders, taken before listing it;
        stored once Git found it clean."""
        self.held: set[str] | None = None
        """The record folders whose stat record still holds (:func:`_held`); None: looked at when asked."""

    @classmethod
    def of(cls, root: Path, cache: RecordCache, pending: PendingView | None = None) -> GitListing | None:
        """The listing, or None where Git cannot vouch (then everything is listed as before).

        ``pending``: Git's part started before the cache was read (:func:`start`).
        """
        ci = in_ci()
        held = set() if ci else _held(root, cache)  # Python's stat calls while Git's run on the other core
        view = index_view(root, KINDS, None if ci else cache.index, others=ci, pending=pending)
        if view is None:
            return None
        listing = cls(root, cache, view)
        listing.held = held
        return listing

    def digest(self, display: str) -> str | None:
        """The Git digest of a record (a folder's tree id, a module file's blob id) when nothing in it differs from the index."""
        found = self.view.objects.get(display)
        if found is None or display in self.unclean:
            return None
        mode, _, oid = found.partition(" ")
        return PREFIX + oid if mode in MODES[display.partition("/")[0] not in FOLDER_KINDS] else None

    def reusable(self, display: str) -> str | None:
        """The digest of a record whose cache entry holds for it unlisted (see module doc), else None."""
        digest = self.digest(display)
        folder = display.partition("/")[0] in FOLDER_KINDS
        entry = self.cache.units.get(display if folder else display.removesuffix(".yaml"))  # keyed kind/id
        if digest is None or entry is None or entry.digest != digest:
            return None
        if not folder:  # a module file: its bytes are what Git compared
            return digest
        return digest if entry.count and (self.view.others or self._settled(display, entry.folders)) else None

    def _settled(self, display: str, folders: str) -> bool:
        """Whether the folders' stat record still holds, and Git's index was last written well before it was taken.

        Git compares change times to the second: an edit in the second an index entry was refreshed, with the
        modification time put back, would go unseen. Every entry was refreshed before the index was written,
        and every edit after the record was taken falls in a later second than that.
        """
        names, _, rest = folders.partition("|")
        taken, _, signature = rest.partition("|")
        if not signature or self.view.index[1] >= int(taken) - RACY_NS:
            return False
        return display in self.held if self.held is not None else _stamp(self.root, display, names) == signature

    def folders(self, kind: str, names: list[str]) -> dict[str, tuple[Unit | None, list[Finding]]]:
        """``name`` → (unit, strays) of each record folder: reused from the cache unlisted, or listed (see module doc)."""
        out: dict[str, tuple[Unit | None, list[Finding]]] = {}
        for name in names:
            display = f"{kind}/{name}"
            digest = self.reusable(display)
            if digest is not None:
                entry = self.cache.units[display]
                out[name] = Unit(kind, name, display, entry.stamp, ()), list(entry.strays)
                self.vouched[display], self.counts[display] = digest, entry.count
                continue
            now = time.time_ns()
            if self.digest(display) is not None and not self.view.others and self.view.index[1] < now - RACY_NS:
                inner = " ".join(_folder_names(self.root, kind, display))
                if signature := _stamp(self.root, display, inner):
                    self.stamps[display] = f"{inner}|{now}|{signature}"
            out[name] = scan_folder(self.root, kind, name)
        return out

    def verify(self, units: list[Unit]) -> None:
        """Vouch for the listed units Git holds unchanged and in which it finds no path outside the index."""
        listed = [u.display for u in units if u.sources and self.digest(u.display) is not None]
        folders = [d for d in listed if d.partition("/")[0] in FOLDER_KINDS]
        others: set[str] | None = set()
        if folders and not self.view.others:
            found = untracked(self.root, list(KINDS) if len(folders) > WHOLE_WALK else folders)
            others = None if found is None else {record_of(p) for p in found}
        for display in listed:
            digest = self.digest(display)
            if digest is not None and (display not in folders or (others is not None and display not in others)):
                self.vouched[display] = digest
        self.stamps = {d: s for d, s in self.stamps.items() if d in self.vouched}

    def count(self, unit: Unit) -> int:
        return len(unit.sources) or self.counts.get(unit.display, 0)


def start(root: Path) -> PendingView | None:
    """Start Git comparing the work tree with its index (half a second at 10,000 cases, on the other core)
    before the cache is read; :meth:`GitListing.of` collects it."""
    return start_index_view(root, KINDS, others=in_ci())


def listed(root: Path, units: list[Unit]) -> list[Unit]:
    """``units`` with those reused unlisted listed now (to be loaded: their files are needed)."""
    out = []
    for u in units:
        unit = u if u.sources else scan_folder(root, u.kind, u.id)[0]
        if unit is not None:
            out.append(unit)
    return out


def _held(root: Path, cache: RecordCache) -> set[str]:
    """The record folders of ``cache`` whose folders' stat record still holds (see :meth:`GitListing._settled`; Git's
    index is compared with the record's time later). Taken before Git's answer is awaited: 70,000 ``lstat`` calls at
    10,000 cases, while ``git ls-files`` makes its 300,000 on the other core."""
    held = set()
    for display, entry in cache.units.items():
        if entry.count and entry.folders and display.partition("/")[0] in FOLDER_KINDS:
            names, _, rest = entry.folders.partition("|")
            signature = rest.partition("|")[2]
            if signature and _stamp(root, display, names) == signature:
                held.add(display)
    return held


def _folder_names(root: Path, kind: str, display: str) -> list[str]:
    """The folder itself ("") and its entry folders."""
    allowed = appendable(kind)
    try:
        return ["", *sorted(e.name for e in os.scandir(f"{root}/{display}") if e.name in allowed and e.is_dir(follow_symlinks=False))]
    except OSError:
        return [""]


def _stamp(root: Path, display: str, names: str) -> str:
    """The signature of the identity and change times of the folder and its entry folders ``names``
    (space-separated, "" the folder itself); "" when one changed too recently to vouch for (or is gone).

    Run for every case folder of a warm check (70,000 ``lstat`` calls at 10,000 cases): plain tuples, and
    Python's hash of integers (the same in every process) as the signature.
    """
    base = f"{root}/{display}"
    lstat = os.lstat
    try:
        sts = [lstat(f"{base}/{name}") if name else lstat(base) for name in names.split(" ")]
    except OSError:
        return ""
    recent = time.time_ns() - RACY_NS
    key: list[int] = []
    for st in sts:  # a plain loop: a generator per folder showed in the profile
        mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
        if mtime >= recent or ctime >= recent:
            return ""
        key += (st.st_ino, mtime, ctime, st.st_mode)
    return str(hash(tuple(key)))
