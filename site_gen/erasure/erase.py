"""Erasing a case (Art. 17 DSGVO), the work of ``site-gen forget CASE``.

1. Removes the case file and every reference to its id in other record
   files (rewritten with ruamel round-trip, comments stay), and the check
   cache (it holds parsed records).
2. Commits that removal when the records live in Git.
3. After confirmation (typing the id in a terminal, or ``--yes``) purges
   the file from every commit, branch and tag with git filter-repo, scrubs
   the id and name from commit and tag messages, expires reflogs and prunes
   unreachable objects; then verifies that no object still holds the record.

Nothing is printed from the record itself: only ids, counts and paths.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

from ..findings import UserError
from ..models.common import ID_PATTERN
from ..records import git as gh
from ..records.cache import CACHE_DIR
from ..records.layout import MAIN_FILE
from ..records.load import parse_yaml
from ..records.repo import is_sealed, recipients_file
from ..records.withdraw import destroy_case
from ..wording import count
from .references import remove_references_in
from .texts import NEXT_STEPS, confirm

MESSAGE = "Akte gelöscht (Art. 17 DSGVO)"


def _identity(top: Path) -> list[str]:
    """Fallback author for the removal commit when git has none configured."""
    known = all(gh.git(top, "var", ident).returncode == 0 for ident in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"))
    return [] if known else ["-c", "user.name=site-gen", "-c", "user.email=site-gen@localhost"]


def _markers(raw: bytes | None) -> list[str]:
    """The person's full name in two orders: what the purge must leave nowhere."""
    data, _ = parse_yaml(raw, "") if raw else (None, [])
    if not isinstance(data, dict) or not isinstance(data.get("first_name"), str) or not isinstance(data.get("last_name"), str):
        return []
    first, last = data["first_name"].strip(), data["last_name"].strip()
    return [f"{first} {last}", f"{last}, {first}"]


def _holds_name(path: str) -> bool:
    """A single case file or a folder's case.yaml (entry files hold no name)."""
    p = Path(path)
    return p.name == MAIN_FILE or (p.parent.name == "cases" and p.suffix in (".yaml", ".yml"))


def _latest_version(top: Path | None, files: list[Path], old_paths: set[str]) -> bytes | None:
    if files:
        return files[0].read_bytes()
    if top is not None:
        for path in sorted(old_paths, key=lambda p: (not _holds_name(p), p)):  # a case file or case.yaml holds the name
            sha = gh.git(top, "log", "--all", "-1", "--diff-filter=AMR", "--format=%H", "--", path).stdout.decode().strip()
            shown = gh.git(top, "show", f"{sha}:{path}") if sha else None
            if shown is not None and shown.returncode == 0:
                return shown.stdout
    return None


def _case_files(root: Path, case_id: str) -> tuple[list[Path], Path]:
    """The files of ``case_id`` now (a single file, or case.yaml first then every entry file), and its folder."""
    folder = root / "cases" / case_id
    files = [p for p in (root / "cases" / f"{case_id}.yaml", root / "cases" / f"{case_id}.yml") if p.is_file()]
    if folder.is_dir():  # the folder layout: case.yaml first (it holds the name), then every entry file
        files += sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: (p.name != MAIN_FILE, str(p)))
    return files, folder


def _refuse(case_id: str, files: list[Path], old_paths: set[str], top: Path | None, history: bool) -> None:
    """Stop before anything is touched: unknown id, or uncommitted work that a history rewrite would reset."""
    if not files and not old_paths:
        raise UserError(f"Die Akte '{case_id}' gibt es weder im Ordner cases/ noch in der Git-Geschichte.", "Kennung prüfen.")
    if top and history and gh.git(top, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise UserError("Im Repository gibt es Änderungen, die noch nicht committet sind.",
                        "Erst alles committen oder zurücknehmen: das Umschreiben der Geschichte setzt den Arbeitsstand zurück.")


def _commit_removal(top: Path, root: Path, files: list[Path], changed: list[str]) -> None:
    """Commit the removed files and the records whose references were removed."""
    rel = [str(p.relative_to(top)) for p in files] + [str((root / c).relative_to(top)) for c in changed]
    tracked = gh.git(top, "ls-files", "--", *rel).stdout.decode().split() if rel else []
    if tracked:
        commit = gh.git(top, *_identity(top), "commit", "-q", "-m", MESSAGE, "--", *tracked)
        if commit.returncode != 0:
            raise UserError("Das Löschen konnte nicht committet werden.", "git status prüfen und von Hand committen.")


def _purge_history(top: Path, case_id: str, old_paths: set[str], markers: list[str]) -> int:
    """Rewrite the history without the case; 1 when an object still holds its data."""
    old_blobs = gh.blobs_of(top, old_paths)
    origin = gh.git(top, "remote", "get-url", "origin").stdout.decode().strip()
    patterns = [f"regex:(?<![a-z0-9-]){re.escape(case_id)}(?![a-z0-9])"] + [f"literal:{m}" for m in markers]
    gh.purge(top, old_paths, patterns)
    left = gh.still_present(top, old_blobs) + gh.objects_containing(top, [m.encode() for m in markers])
    if left:
        print(f"Achtung: {left} Git-Objekte enthalten noch Daten der Akte (z. B. Kopien in anderen Dateien). "
              "Mit 'git log --all -S' suchen, entfernen und 'site-gen forget' erneut ausführen.", file=sys.stderr)
        return 1
    print(f"Git-Geschichte bereinigt: {count(len(old_paths), 'Pfad', 'Pfade')}, {count(len(old_blobs), 'Fassung', 'Fassungen')} der Akte entfernt; kein Objekt enthält sie noch.")
    print(NEXT_STEPS.format(origin=origin or "URL-DES-GIT-SERVERS"))
    return 0


def forget(root: Path, case_id: str, yes: bool, history: bool, interactive: bool) -> int:
    """Erase ``case_id`` below ``root`` (see module doc). Returns the exit code."""
    if not re.fullmatch(ID_PATTERN, case_id):
        raise UserError("Das ist keine gültige Kennung einer Akte.", "Kennung wie tn-0042 angeben (Dateiname ohne .yaml).")
    root = root.resolve()
    sealed = is_sealed(root)
    history = history and not sealed  # sealed: destroying the keys is the erasure; a history rewrite is optional
    files, folder = _case_files(root, case_id)
    if sealed and recipients_file(root, case_id).is_file():
        files.append(recipients_file(root, case_id))
    top = gh.toplevel(root)
    old_paths = gh.historical_paths(top, case_id, "cases") if top else set()
    _refuse(case_id, files, old_paths, top, history)
    markers = _markers(_latest_version(top, files, old_paths))
    if not yes and not confirm(case_id, interactive, history and top is not None):
        raise UserError("Abgebrochen: nichts wurde gelöscht.", "Zum Löschen die Kennung genau eintippen oder --yes angeben.")

    if sealed:
        destroy_case(root, case_id, dt.date.today())
    changed = remove_references_in(root, case_id)
    for path in files:
        path.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    if (root / CACHE_DIR).is_symlink():  # never followed: the link goes, whatever it points to stays
        (root / CACHE_DIR).unlink()
    shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
    print(f"Akte {case_id} gelöscht" + (f"; Verweise entfernt in: {', '.join(changed)}" if changed else "") + ".")
    if top is None:
        print("Der Datenordner ist kein Git-Repository: es gibt keine Geschichte zu bereinigen.")
        return 0
    _commit_removal(top, root, files, changed)
    # a company contact about the person was deleted as a whole: its file leaves the history too
    old_paths |= {(root / rel).relative_to(top.resolve()).as_posix() for rel in changed if "/contact_log/" in rel and not (root / rel).exists()}
    if not old_paths:
        print("Die Akte war nie in Git gespeichert: die Geschichte ist sauber.")
        return 0
    if sealed:
        print("Die Schlüssel der Akte sind vernichtet: ältere Commits, Kopien und der Git-Server enthalten nur noch unlesbaren Geheimtext. "
              "Die Geschichte umzuschreiben ist nicht nötig.")
        return 0
    if not history:
        print("Die Git-Geschichte enthält die Akte noch (--no-history). Später mit 'site-gen forget' ohne --no-history bereinigen.")
        return 0
    return _purge_history(top, case_id, old_paths, markers)
