"""Record layout: where a record's files are, and what a *record unit* is.

A case is either one file, ``cases/<id>.yaml``, or one folder (the layout
that merges): ``cases/<id>/case.yaml`` holds the stable data, and every
entry of an appendable list (support log, ability profiles, goals,
placements, consents, after-placement events …) is a small file of its own,
``cases/<id>/<list>/<date>-<who>-<hash>.yaml``. Two people adding entries on
two branches add two different files, which plain Git merges on every host
(no merge driver needed); two people changing the same field still conflict.

A record unit is ``(kind, id, display, stamp, sources)``: ``display`` is the
record's path relative to the root (the file, or the folder), ``sources``
every file it is composed of, in list order. Only the folder layout has more
than one source. Nothing here reads YAML (``compose.py`` does).
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from ..findings import Finding

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
    """One record: (kind, id, display, (mtime_ns, size), source files relative to the root, their stats).

    ``files`` is (mtime_ns, size) per source, in the same order, when the scan
    was asked for them (the full check keys its cache on them); else empty.
    """

    kind: str
    id: str
    display: str
    stamp: tuple[int, int]
    sources: tuple[str, ...]
    files: tuple[tuple[int, int], ...] = ()


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
    every file and fills :attr:`Unit.files` (the full check's cache key).
    """
    display = f"{kind}/{name}"
    problems: list[Finding] = []
    key = [_time(os.stat(f"{root}/{display}")) if stat else 0, 0]
    main: tuple[str, tuple[int, int]] | None = None
    main_name, allowed = main_file(kind), appendable(kind)
    lists: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for e in os.scandir(f"{root}/{display}"):
        if e.name.startswith("."):
            continue
        path = f"{display}/{e.name}"
        if e.is_dir(follow_symlinks=False):
            _list_folder(e, path, stat, files, key, lists, problems, allowed)
        elif e.name == main_name and e.is_file(follow_symlinks=False):
            st = e.stat() if stat or files else None
            main = path, stat_key(st) if st else (0, 0)
            if stat:
                key = [max(key[0], main[1][0]), key[1] + main[1][1]]
        else:
            problems.append(_stray(path, e))
    problems.sort(key=lambda f: f.file)
    if main is None:
        problems.append(_finding(f"{display}/{main_name}", "RECORD-FOLDER-MAIN", f"Im Ordner {_OF.get(kind, 'der Akte')} fehlt die Datei {main_name}.",
                                 f"Die festen Angaben {_OF.get(kind, 'der Akte')} gehören in {display}/{main_name}; ohne sie wird der Ordner nicht gelesen."))
        return None, problems
    entries = [(f"{display}/{name}/{entry}", st) for name in allowed if name in lists for entry, st in sorted(lists[name])]
    sources = (main[0], *(src for src, _ in entries))
    stats = (main[1], *(st for _, st in entries)) if files else ()
    return Unit(kind, name, display, (key[0], key[1]), sources, stats), problems


def folder_stamp(root: Path, kind: str, name: str) -> tuple[int, int] | None:
    """The stat key :func:`scan_folder` gives the folder ``kind/name``, without listing the entry folders
    outside :data:`STAMPED` (the hook's listing of every case); None without ``case.yaml``."""
    folder = f"{root}/{kind}/{name}"
    mtime, size, main = _time(os.stat(folder)), 0, False
    allowed, main_name = appendable(kind), main_file(kind)
    for e in os.scandir(folder):
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False) and e.name in allowed:
            mtime = max(mtime, _time(e.stat()))
            if e.name in STAMPED:
                for _, (m, n) in _entries(e, "", True, []):
                    mtime, size = max(mtime, m), size + n
        elif e.name == main_name and e.is_file(follow_symlinks=False):
            st = e.stat()
            mtime, size, main = max(mtime, _time(st)), size + st.st_size, True
    return (mtime, size) if main else None


def _list_folder(e: os.DirEntry[str], path: str, stat: bool, files: bool, key: list[int],
                 lists: dict[str, list[tuple[str, tuple[int, int]]]], problems: list[Finding], allowed: tuple[str, ...] = ()) -> None:
    """One subfolder of a record folder: its entries into ``lists``, its share of the stat ``key``, or a finding."""
    allowed = allowed or appendable()
    if e.name not in allowed:
        shown = f"'{e.name}' " if _SAFE.match(e.name) or re.fullmatch(r"[a-z_]+", e.name) else ""
        whose = "eines Arbeitsplatzprofils" if allowed == WORKPLACE_LISTS else "einer Akte"
        problems.append(_finding(path, "RECORD-FOLDER-UNKNOWN", f"Der Unterordner {shown}gehört nicht zum Aufbau {whose}.",
                                 "Erlaubt sind Unterordner für Einträge: " + ", ".join(allowed) + "."))
        return
    keyed = stat and e.name in STAMPED
    lists[e.name] = found = _entries(e, path, keyed or files, problems)
    if keyed:
        key[0] = max(key[0], _time(e.stat()), *(st[0] for _, st in found))
        key[1] += sum(st[1] for _, st in found)
    elif stat:
        key[0] = max(key[0], _time(e.stat()))


def _entries(folder: os.DirEntry[str], path: str, keyed: bool, problems: list[Finding]) -> list[tuple[str, tuple[int, int]]]:
    """The entry files of one list folder with (mtime_ns, size) when ``keyed`` (else zeros); strays go to ``problems``."""
    found: list[tuple[str, tuple[int, int]]] = []
    for f in os.scandir(folder.path):  # the hot loop: 30 files per case, 300,000 at 10,000 cases
        name = f.name
        if name.endswith(".yaml") and not name.startswith(".") and f.is_file(follow_symlinks=False):
            if keyed:
                found.append((name, stat_key(f.stat())))
            else:
                found.append((name, (0, 0)))
        elif not name.startswith("."):
            problems.append(_stray(f"{path}/{name}", f))
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
                    f"Im Ordner {of} liegen nur {main_file(kind)} und Einträge in den Unterordnern; Anhänge (Scans, Dokumente) gehören nicht ins Repository.")
