"""Add one entry to a case (or workplace) folder as its own small file (``site-gen log``, ``site-gen kontakt``, ``site-gen new``).

The entry is validated against its model before anything is written; the
file is created, never overwritten. Messages name fields, never values.
``site-gen new eintrag`` writes a skeleton instead (:func:`new_entry`), which
fails the check until its placeholders are replaced.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..findings import UserError
from ..models.case import Case
from ..models.common import ID_PATTERN
from ..records.dataset import ORGANISATION_FILE, load_dataset
from ..records.layout import MAIN_FILE, appendable, date_field, entry_name, list_model, main_file
from ..records.split import dump
from ..records.validate import _inner_model, dotted, printable, validate


def entry_model(list_name: str) -> type[BaseModel]:
    """The model of one entry of the case list (or workplace list) ``list_name``."""
    return list_model(list_name) if list_name not in Case.model_fields else _inner_model(Case.model_fields[list_name].annotation)


def case_folder(root: Path, case_id: str) -> Path:
    """The folder of case ``case_id``; a German error when the case is missing, still one file, or reached through a link."""
    folder = root / "cases" / case_id
    _no_link(root, "cases", f"cases/{case_id}", f"cases/{case_id}/{MAIN_FILE}")
    if (root / "cases" / f"{case_id}.yaml").is_file():
        raise UserError(f"Die Akte {case_id} liegt noch als eine Datei vor; Einträge bekommen erst im Ordner-Aufbau eigene Dateien.",
                        "Einmal 'site-gen migrate' ausführen (stellt alle Akten um), dann den Befehl wiederholen.")
    if not (folder / MAIN_FILE).is_file():
        raise UserError(f"Die Akte {case_id} gibt es nicht (kein Ordner cases/{case_id}/ mit {MAIN_FILE}).", "Kennung prüfen, z. B. tn-0042.")
    return folder


def workplace_folder(root: Path, workplace_id: str) -> Path:
    """The folder of workplace ``workplace_id``; a German error when it is missing or still one file."""
    folder, main = root / "workplaces" / workplace_id, main_file("workplaces")
    if (root / "workplaces" / f"{workplace_id}.yaml").is_file():
        raise UserError(f"Das Arbeitsplatzprofil {workplace_id} liegt noch als eine Datei vor; Kontakte bekommen erst im Ordner-Aufbau eigene Dateien.",
                        "Einmal 'site-gen migrate' ausführen (stellt Akten und Arbeitsplatzprofile um), dann den Befehl wiederholen.")
    if not (folder / main).is_file():
        raise UserError(f"Das Arbeitsplatzprofil {workplace_id} gibt es nicht (kein Ordner workplaces/{workplace_id}/ mit {main}).",
                        "Kennung prüfen, z. B. ap-0001.")
    return folder


def _no_link(root: Path, *paths: str) -> None:
    """A German error naming the first of ``paths`` (relative to ``root``) that is a symbolic link or leaves the
    repository: nothing is ever written through a link (it could lead anywhere, outside the repository too)."""
    inside = root.resolve()
    for rel in paths:
        path = root / rel
        if path.is_symlink():
            raise UserError(f"{rel} ist ein Verweis (Symlink); site-gen schreibt nie durch einen Verweis.",
                            "Den Verweis durch einen echten Ordner bzw. eine echte Datei ersetzen ('site-gen check' nennt alle), dann den Befehl wiederholen.")
        if path.exists() and inside not in path.resolve().parents:
            raise UserError(f"{rel} liegt außerhalb des Repositorys; site-gen schreibt dort nichts.", "Den Ordner des Repositorys mit --root angeben.")


def _entry_folder(root: Path, record_id: str, list_name: str, kind: str = "cases") -> Path:
    """The list folder of a case or workplace (made if missing), never a link."""
    _no_link(root, kind, f"{kind}/{record_id}")
    folder = (workplace_folder(root, record_id) if kind == "workplaces" else case_folder(root, record_id)) / list_name
    _no_link(root, f"{kind}/{record_id}/{list_name}")
    folder.mkdir(exist_ok=True)
    return folder


def _create(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; FileExistsError if anything (a link too) is there: never overwritten, never followed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        out.write(text)


def check_entry(list_name: str, data: dict[str, Any], names: dict[str, str]) -> None:
    """Validate ``data`` as an entry of ``list_name``; raise one German error listing every problem.

    ``names`` maps a field to how the user gave it (``minutes`` → ``--minutes``).
    """
    _, problems = validate(entry_model(list_name), data, "")
    if problems:
        lines = [f"{names.get(str(f.loc[0]), dotted(f.loc)) if f.loc else 'Eintrag'}: {f.message} {f.hint}" for f in problems]
        raise UserError("Der Eintrag ist ungültig und wurde nicht gespeichert:\n    " + "\n    ".join(lines),
                        "Die Angaben korrigieren und den Befehl wiederholen.")


def write_entry(root: Path, case_id: str, list_name: str, data: Any, kind: str = "cases",
                seal: Callable[[Any, str], Any] | None = None) -> Path:
    """Write ``data`` (a mapping, plain or round-trip) as a new entry file of the case (the workplace: ``kind``); returns its path.

    In a sealed repository a case entry is sealed before it is written: no plaintext reaches the disk. ``seal``:
    how a workplace entry about a person is sealed (the entry and its file name without ``.yaml`` → the sealed entry)."""
    from ..records.encrypt import seal_entry
    from ..records.repo import is_sealed

    folder = _entry_folder(root, case_id, list_name, kind)
    if seal is None and kind == "cases" and is_sealed(root):
        def seal(entry: Any, stem: str) -> Any:
            return seal_entry(root, case_id, list_name, entry, stem)
    if seal is None:
        text = dump(data)
        path = folder / entry_name(list_name, data, text)
    else:  # the name first: each value is bound to its entry file (a sealed text is random anyway, so is the name's hash)
        path = folder / entry_name(list_name, data, os.urandom(16).hex())
        text = dump(seal(data, path.stem))
    try:
        _create(path, text)
    except FileExistsError:
        raise UserError("Genau diesen Eintrag gibt es schon (gleiche Angaben am selben Tag).",
                        "Nichts wurde doppelt gespeichert. Wenn es wirklich zwei Leistungen waren, die Notiz unterscheiden.") from None
    return path


OPTIONS = {"date": "--date", "kind": "--kind", "minutes": "--minutes", "by": "--by", "note": "--note", "crisis": "--crisis",
           "employer": "--employer"}


def log_entry(root: Path, case_id: str, entry: dict[str, object]) -> int:
    """Validate and write one support-log entry of ``case_id``."""
    if not re.fullmatch(ID_PATTERN, case_id):
        raise UserError("Das ist keine gültige Kennung einer Akte.", "Kennung wie tn-0042 angeben (Ordnername).")
    check_entry("support_log", entry, OPTIONS)
    ds = load_dataset(root, only=[])
    if ds.organisation is None:
        raise UserError(f"{ORGANISATION_FILE} fehlt oder ist ungültig.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    if entry["by"] not in ds.staff:  # not repeated: a mistyped value may be a name
        raise UserError("--by: Die angegebene Fachkraft steht nicht im Personal (organisation.yaml).",
                        "Die Kennung aus organisation.yaml › staff angeben, z. B. die eigene.")
    path = write_entry(root, case_id, "support_log", entry)
    print(f"Eingetragen: {path.relative_to(root).as_posix()} ({entry['minutes']} Minuten, {entry['kind']}).")
    print("    Hinweis: mit 'git add' und 'git commit' speichern; 'site-gen check' prüft die Akte.")
    return 0


def list_names() -> dict[str, str]:
    """Every way to name an entry list → its folder: ``ability_profiles``, ``ability-profiles``, ``Fähigkeitsprofile``, ``faehigkeitsprofile``."""
    out: dict[str, str] = {}
    for name in appendable():
        title = str(Case.model_fields[name].title or name).lower()
        slug = re.sub(r"[^a-z0-9]+", "-", title.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")).strip("-")
        out |= {alias: name for alias in (name, name.replace("_", "-"), title, slug)}
    return out


def list_folder(given: str) -> str:
    """The entry list ``given`` names (folder name or German label, any case); a German error naming the allowed ones."""
    name = list_names().get(given.strip().lower())
    if name is None:
        shown = f" '{given}'" if printable(given.lower()) else ""
        allowed = ", ".join(f"{n} ({Case.model_fields[n].title})" for n in appendable())
        raise UserError(f"Die Liste{shown} gibt es in einer Akte nicht.", f"Erlaubt sind: {allowed}.")
    return name


def new_entry(root: Path, case_id: str, given: str, today: dt.date) -> Path:
    """Write a skeleton entry of list ``given`` into case ``case_id``, dated ``today``; returns its path."""
    from .entry_skeletons import skeleton
    from .schema_files import completed, ensure_schemas, repository_ids
    from .schema_layout import entry_schema

    list_name = list_folder(given)
    if not re.fullmatch(ID_PATTERN, case_id):
        raise UserError("Das ist keine gültige Kennung einer Akte.", "Kennung wie tn-0042 angeben (Ordnername).")
    folder = _entry_folder(root, case_id, list_name)
    ids = repository_ids(root)
    ensure_schemas(root, ids)  # the modeline must point to a schema that exists
    day = date_field(list_name)
    text = skeleton(list_name, str(Case.model_fields[list_name].title), case_id, entry_schema(completed("case", ids), list_name), day, today)
    for _ in range(3):  # a random part in the name: two skeletons of one day on two branches are two files
        path = folder / entry_name(list_name, {day or "": today.isoformat()}, text + secrets.token_hex(8))
        try:
            _create(path, text)
            return path
        except FileExistsError:
            continue
    raise UserError("Der Eintrag konnte nicht angelegt werden: die Datei gibt es schon.", "Den Befehl wiederholen.")
