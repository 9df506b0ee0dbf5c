"""Record layout: where a record's files are, and what a *record unit* is.

A case is one folder (the layout that merges): ``cases/<id>/case.yaml`` holds the stable data, and every
entry of an appendable list (support log, ability profiles, goals,
placements, consents, after-placement events …) is a small file of its own,
``cases/<id>/<list>/<date>-<who>-<hash>.yaml``. Two people adding entries on
two branches add two different files, which plain Git merges on every host
(no merge driver needed); two people changing the same field still conflict.
A workplace likewise (``workplaces/<id>/workplace.yaml``, contacts in ``contact_log/``).
The old single file ``cases/<id>.yaml`` is read only by ``site-gen migrate`` (and the erasure
history tools); anywhere else it is a finding, LAYOUT-SINGLE-FILE (:func:`site_gen.records.dataset.single_file`).

A record unit is ``(kind, id, display, stamp, sources)``: ``display`` is the
record's path relative to the root (the folder; a module's file), ``sources``
every file it is composed of, in list order. Nothing here reads YAML (``compose.py`` does).
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..findings import Finding

if TYPE_CHECKING:  # the layout stays light: the check's start imports it before any model
    from pydantic import BaseModel

ATTACHMENTS_ELSEWHERE = ("Anhänge (Scans, Dokumente) gehören nicht ins Repository, sondern nach ausgabe/ (wird nie committet) "
                        "oder in die Ablage der Organisation.")
"""The end of the hint at a stray file in a record folder (RECORD-STRAY, RECORD-FOLDER-STRAY): where a document goes
(the hook's DOCUMENT-IN-GIT says the same outside the record folders, :mod:`site_gen.records.documents`)."""
MAIN_FILE = "case.yaml"
"""The stable part of a case folder."""
MAIN_FILES = {"cases": MAIN_FILE, "workplaces": "workplace.yaml"}
"""The stable part of a record folder, per kind (``workplaces/<id>/workplace.yaml``)."""
FOLDER_KINDS = tuple(MAIN_FILES)
"""Record kinds that may be stored as a folder."""
WORKPLACE_LISTS = ("contact_log",)
"""The entry lists of a workplace folder: contacts with the company, one file each. Contact persons and
mentors are stable data and stay in ``workplace.yaml``."""
_OF = {"cases": "der Akte", "workplaces": "des Arbeitsplatzprofils"}
STAMPED = ("placements", "enrolments", "disclosures")
"""Entry folders whose files are part of a folder's stat key: what the hook's summary index holds
(coach and closing date in case.yaml, workplace and module references). Adding, removing or
renaming any entry file changes a folder's mtime, which is part of the key too; an entry edited
in place elsewhere (a note) leaves the key alone, and the hook reads it anyway when the commit touches it."""


def stat_key(st: os.stat_result) -> tuple[int, int]:
    """A file's stat key: (the later of its modification and change time in ns, size).

    The change time (ctime) is set by the kernel on every write, rename and
    ``touch``; no unprivileged process can set it back. So an edit of the same
    size whose modification time was put back still moves the key (a key of
    mtime and size alone would not see it).
    """
    return max(st.st_mtime_ns, st.st_ctime_ns), st.st_size


def _time(st: os.stat_result) -> int:
    return max(st.st_mtime_ns, st.st_ctime_ns)


class Unit(NamedTuple):
    """One record: (kind, id, display, (mtime_ns, size), source files relative to the root, their change summary).

    ``files`` is :data:`Changes` of the unit's files and folders when the scan
    was asked for it (the full check keys its cache on it); else empty.
    """

    kind: str
    id: str
    display: str
    stamp: tuple[int, int]
    sources: tuple[str, ...]
    files: tuple[int, ...] = ()


Changes = tuple[int, int, int]
"""(the newest modification or change time in ns, the sum of all those times, the total size) over a unit's
files and folders: what the full check's cache compares (see :mod:`site_gen.checking.unit_cache`). Any write,
rename, new or deleted file moves the newest time past the time the cache was written."""


def changes(sts: list[os.stat_result]) -> Changes:
    """The :data:`Changes` of the given stat results."""
    return (max((max(st.st_mtime_ns, st.st_ctime_ns) for st in sts), default=0), sum(st.st_mtime_ns + st.st_ctime_ns for st in sts),
            sum(st.st_size for st in sts))


def main_file(kind: str) -> str:
    """``case.yaml`` or ``workplace.yaml``: the stable part of a folder of ``kind``."""
    return MAIN_FILES.get(kind, MAIN_FILE)


@cache
def appendable(kind: str = "cases") -> tuple[str, ...]:
    """The list fields of ``kind`` whose items are entries (mappings), in model order."""
    if kind == "workplaces":
        return WORKPLACE_LISTS
    from ..models.case import (
        Case,  # late: models import nothing from here, but keep the layout light
    )
    from .validate import _inner_model

    return tuple(name for name, info in Case.model_fields.items()
                 if str(info.annotation).startswith("list[") and _inner_model(info.annotation) is not None)


@cache
def list_model(list_name: str) -> type[BaseModel]:
    """The model of one entry of ``list_name`` (a case list or a workplace list)."""
    from ..models.case import Case
    from ..models.workplace import Workplace
    from .validate import _inner_model

    owner = Workplace if list_name in WORKPLACE_LISTS else Case
    found: type[BaseModel] = _inner_model(owner.model_fields[list_name].annotation)
    return found


@cache
def date_field(list_name: str) -> str | None:
    """The first date field of an entry of ``list_name`` (names the entry's file)."""
    model = list_model(list_name)
    for name, info in model.model_fields.items():
        if "datetime.date" in str(info.annotation):
            return name
    return None


WHO = {"support_log": "by", "ability_profiles": "assessor", "placements": "workplace", "enrolments": "module", "consents": "id",
       "disclosures": "workplace", "stages": "stage", "cost_approvals": "bearer", "company_changes": "kind",
       "contact_log": "by",
       "feedback": "phase"}
"""Which id (never a free text) follows the date in an entry's file name."""
_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def entry_name(list_name: str, entry: object, text: str) -> str:
    """``2026-11-20-emre-yildiz-3f2a9c.yaml``: date, who (an id), short hash of ``text``.

    The hash makes two entries of the same day and person on two branches two
    different files; the date first keeps the folder (and the list) in time order.
    """
    data = entry if isinstance(entry, dict) else {}
    day = str(data.get(date_field(list_name) or "", "") or "")
    who = str(data.get(WHO[list_name], "") or "") if list_name in WHO else ""  # a list without a 'who' (context_factors): date and hash only
    parts = [day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else "ohne-datum"]
    if _SAFE.match(who) and len(who) <= 40:
        parts.append(who)
    parts.append(hashlib.blake2b(text.encode(), digest_size=3).hexdigest())
    return "-".join(parts) + ".yaml"


def record_of(display: str) -> str:
    """The record a file belongs to: ``cases/tn-0004/support_log/x.yaml`` → ``cases/tn-0004``.

    Record files and anything outside a case folder are returned unchanged.
    """
    kind, _, rest = display.partition("/")
    if kind in FOLDER_KINDS and "/" in rest:
        return f"{kind}/{rest.split('/', 1)[0]}"
    return display


def history_key(display: str) -> str:
    """One key for a case's Git history in either layout: ``cases/tn-0004.yaml`` and every file of ``cases/tn-0004/`` → ``cases/tn-0004``."""
    record = record_of(display)
    kind, _, name = record.partition("/")
    return record[: -len(".yaml")] if kind in FOLDER_KINDS and name.endswith(".yaml") and "/" not in name else record


def _finding(display: str, code: str, message: str, hint: str) -> Finding:
    return Finding(display, code, message, hint, line=1, col=1)


def scan_folder(root: Path, kind: str, name: str, stat: bool = True, files: bool = False) -> tuple[Unit | None, list[Finding]]:
    """The unit of the record folder ``kind/name`` and the files in it that do not belong there.

    ``stat=False`` leaves the stat key at zero (one system call less per entry
    file); see :data:`STAMPED` for what the key covers. ``files=True`` stats
    every file and folder and fills :attr:`Unit.files` (the full check's cache key).
    """
    display = f"{kind}/{name}"
    problems: list[Finding] = []
    acc = _Acc(stat, files)
    if stat or files:
        acc.folder(os.stat(f"{root}/{display}"), True)
    main: str | None = None
    main_name, allowed = main_file(kind), appendable(kind)
    lists: dict[str, list[str]] = {}
    for e in os.scandir(f"{root}/{display}"):
        if e.name.startswith("."):
            continue
        path = f"{display}/{e.name}"
        if e.is_dir(follow_symlinks=False):
            _list_folder(e, path, acc, lists, problems, allowed)
        elif e.name == main_name and e.is_file(follow_symlinks=False):
            main = path
            if stat or files:
                acc.file(e.stat(), True)
        else:
            problems.append(_stray(path, e))
    problems.sort(key=lambda f: f.file)
    if main is None:
        problems.append(_finding(f"{display}/{main_name}", "RECORD-FOLDER-MAIN", f"Im Ordner {_OF.get(kind, 'der Akte')} fehlt die Datei {main_name}.",
                                 f"Die festen Angaben {_OF.get(kind, 'der Akte')} gehören in {display}/{main_name}; ohne sie wird der Ordner nicht gelesen."))
        return None, problems
    sources = (main, *(f"{display}/{name}/{entry}" for name in allowed if name in lists for entry in sorted(lists[name])))
    return Unit(kind, name, display, (acc.key_time, acc.key_size), sources, (acc.newest, acc.times, acc.size) if files else ()), problems


class _Acc:
    """What one folder scan adds up: the folder's stat key (:data:`STAMPED`) and its :data:`Changes`."""

    __slots__ = ("files", "key_size", "key_time", "newest", "size", "stat", "times")

    def __init__(self, stat: bool, files: bool) -> None:
        self.stat, self.files = stat, files
        self.key_time = self.key_size = self.newest = self.times = self.size = 0

    def folder(self, st: os.stat_result, keyed: bool) -> None:
        t = _time(st)
        if self.stat and keyed:
            self.key_time = max(self.key_time, t)
        if self.files:
            self.newest, self.times = max(self.newest, t), self.times + st.st_mtime_ns + st.st_ctime_ns

    def file(self, st: os.stat_result, keyed: bool) -> None:
        t = _time(st)
        if self.stat and keyed:
            self.key_time, self.key_size = max(self.key_time, t), self.key_size + st.st_size
        if self.files:
            self.newest, self.times, self.size = max(self.newest, t), self.times + st.st_mtime_ns + st.st_ctime_ns, self.size + st.st_size


def folder_stamp(root: Path, kind: str, name: str) -> tuple[int, int] | None:
    """The stat key :func:`scan_folder` gives the folder ``kind/name``, without listing the entry folders
    outside :data:`STAMPED` (the hook's listing of every case); None without ``case.yaml``."""
    folder = f"{root}/{kind}/{name}"
    acc = _Acc(True, False)
    acc.folder(os.stat(folder), True)
    allowed, main_name, main = appendable(kind), main_file(kind), False
    for e in os.scandir(folder):
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False) and e.name in allowed:
            acc.folder(e.stat(), True)
            if e.name in STAMPED:
                _entries(e, "", acc, True, [])
        elif e.name == main_name and e.is_file(follow_symlinks=False):
            acc.file(e.stat(), True)
            main = True
    return (acc.key_time, acc.key_size) if main else None


def _list_folder(e: os.DirEntry[str], path: str, acc: _Acc, lists: dict[str, list[str]], problems: list[Finding],
                 allowed: tuple[str, ...] = ()) -> None:
    """One subfolder of a record folder: its entries into ``lists``, its share of the stat key, or a finding."""
    allowed = allowed or appendable()
    if e.name not in allowed:
        shown = f"'{e.name}' " if _SAFE.match(e.name) or re.fullmatch(r"[a-z_]+", e.name) else ""
        whose = "eines Arbeitsplatzprofils" if allowed == WORKPLACE_LISTS else "einer Akte"
        problems.append(_finding(path, "RECORD-FOLDER-UNKNOWN", f"Der Unterordner {shown}gehört nicht zum Aufbau {whose}.",
                                 "Erlaubt sind Unterordner für Einträge: " + ", ".join(allowed) + "."))
        return
    if acc.stat or acc.files:
        acc.folder(e.stat(), True)
    lists[e.name] = _entries(e, path, acc, e.name in STAMPED, problems)


def _entries(folder: os.DirEntry[str], path: str, acc: _Acc, keyed: bool, problems: list[Finding]) -> list[str]:
    """The names of the entry files of one list folder, each stat'ed into ``acc`` when it adds them up; strays go to ``problems``.

    The hot loop (30 files per case, 300,000 at 10,000 cases): the sums are kept in locals, not on ``acc``.
    """
    found: list[str] = []
    key, files = acc.stat and keyed, acc.files
    key_time, key_size, newest, times, size = acc.key_time, acc.key_size, acc.newest, acc.times, acc.size
    for f in os.scandir(folder.path):
        name = f.name
        if name[-5:] == ".yaml" and name[0] != "." and f.is_file(follow_symlinks=False):
            found.append(name)
            if key or files:
                st = f.stat()
                m, c, n = st.st_mtime_ns, st.st_ctime_ns, st.st_size
                t = m if m > c else c
                if key:
                    key_size += n
                    if t > key_time:
                        key_time = t
                if files:
                    times, size = times + m + c, size + n
                    if t > newest:
                        newest = t
        elif name[0] != ".":
            problems.append(_stray(f"{path}/{name}", f))
    acc.key_time, acc.key_size, acc.newest, acc.times, acc.size = key_time, key_size, newest, times, size
    return found


def _stray(path: str, e: os.DirEntry[str]) -> Finding:
    kind = path.split("/", 1)[0]
    of = "eines Arbeitsplatzprofils" if kind == "workplaces" else "einer Akte"
    if e.is_symlink():
        return _finding(path, "RECORD-SYMLINK", f"Die Datei ist ein Verweis (Symlink); im Ordner {of} liegen nur echte Dateien.",
                        "Den Verweis durch die Datei ersetzen.")
    if e.is_dir():
        return _finding(path, "RECORD-NOT-FILE", "Ein Ordner liegt dort, wo nur Einträge (Dateien) stehen.",
                        "Den Ordner entfernen; jeder Eintrag ist eine Datei.")
    if e.name.lower().endswith((".yaml", ".yml")) and not e.name.endswith(".yaml"):
        return _finding(path, "RECORD-SUFFIX", "Datensätze enden auf '.yaml' (klein geschrieben); diese Datei wird sonst nicht geprüft.",
                        "Die Datei umbenennen (git mv), sodass sie auf '.yaml' endet.")
    return _finding(path, "RECORD-FOLDER-STRAY", f"Die Datei gehört nicht zum Aufbau {of} und wird nicht gelesen.",
                    f"Im Ordner {of} liegen nur {main_file(kind)} und Einträge in den Unterordnern; {ATTACHMENTS_ELSEWHERE}")
