"""Moving case and workplace files into the folder layout that merges (``site-gen migrate``).

``cases/<id>.yaml`` becomes ``cases/<id>/case.yaml`` (``git mv``) and every
entry of an appendable list becomes its own file (see :mod:`site_gen.records.layout`);
``workplaces/<id>.yaml`` likewise becomes ``workplaces/<id>/workplace.yaml``
with one file per contact (``contact_log/``).
In a Git repository this happens in two commits — first the pure renames,
then the split — so ``git log --follow cases/<id>/case.yaml`` still finds
the old file's history. Comments stay (round-trip); nothing else changes, except
that an editor modeline pointing at ``case.schema.json`` then points at
``case-folder.schema.json`` (the path changed, and the lists moved out).
Idempotent: a second run finds nothing to do. ``--check`` only reports
(exit 1 when something would move), for CI. Prints ids and counts, never values.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..findings import UserError
from ..wording import count
from . import git as gh
from .dataset import scan_records
from .layout import FOLDER_KINDS, appendable, main_file
from .load import parse_yaml, read_yaml, roundtrip_document
from .split import dump, keep_section_comments, split_document

_OLD_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?:\.\./)+schema/case\.schema\.json[ \t]*$", re.MULTILINE)
_OLD_WORKPLACE_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?:\.\./)+schema/workplace\.schema\.json[ \t]*$", re.MULTILINE)
FOLDER_MODELINE = "# yaml-language-server: $schema=../../schema/case-folder.schema.json"
"""The modeline of ``case.yaml`` in a case folder (the entry lists live in subfolders)."""
STEP_1 = "Akten und Arbeitsplatzprofile in Ordner verschoben (site-gen migrate, Schritt 1 von 2)"
STEP_2 = "Einträge in eigene Dateien aufgeteilt (site-gen migrate, Schritt 2 von 2)"
Key = tuple[str, str]
"""(kind, id) of a record to migrate."""


def single_files(root: Path) -> list[Key]:
    """Every case and workplace still stored as one file (``cases/<id>.yaml``: a regular file, no link).

    The one place besides the erasure history tools that finds them: everywhere
    else such a file is a finding (LAYOUT-SINGLE-FILE) and is not read.
    """
    out = []
    for kind in FOLDER_KINDS:
        folder = root / kind
        if folder.is_dir() and not folder.is_symlink():
            out += [(kind, e.name[: -len(".yaml")]) for e in os.scandir(folder)
                    if e.name.endswith(".yaml") and not e.name.startswith(".") and e.is_file(follow_symlinks=False)]
    return sorted(out)


def twins(root: Path) -> list[Key]:
    """Records both as ``<kind>/<id>.yaml`` and as ``<kind>/<id>/``: migrate cannot move such a file (the folder is there)."""
    return [(kind, rid) for kind, rid in single_files(root) if (root / kind / rid).is_dir()]


def pending(root: Path) -> tuple[list[Key], list[Key]]:
    """(record files to move into folders, folders whose main file still holds entry lists or names the composed schema)."""
    units, _ = scan_records(root)
    files = [key for key in single_files(root) if not (root / key[0] / key[1]).is_dir()]
    folders = []
    for u in units:
        if u.kind in FOLDER_KINDS:
            data, _ = read_yaml(root / u.sources[0], u.sources[0])
            if data is None:
                continue
            text = (root / u.sources[0]).read_text("utf-8-sig")
            if (_OLD_MODELINE if u.kind == "cases" else _OLD_WORKPLACE_MODELINE).search(text) or (isinstance(data, dict) and split_document(roundtrip_document(text), u.kind)[1]):
                folders.append((u.kind, u.id))
    return files, folders


def _unreadable(root: Path, keys: list[Key]) -> list[Key]:
    bad = []
    for kind, rid in keys:
        rel = f"{kind}/{rid}.yaml"
        data, problems = read_yaml(root / rel, rel)
        for f in problems:
            print(f"{f.file}:{f.line or 1}:{f.col or 1}: {f.code} {f.message}\n    Hinweis: {f.hint}", file=sys.stderr)
        if data is None:
            bad.append((kind, rid))
    return bad


def move(root: Path, top: Path | None, key: Key) -> None:
    """``cases/<id>.yaml`` → ``cases/<id>/case.yaml`` (a workplace likewise), with ``git mv`` when Git tracks the file."""
    kind, rid = key
    old, new = root / kind / f"{rid}.yaml", root / kind / rid / main_file(kind)
    new.parent.mkdir(exist_ok=True)
    tracked = top is not None and gh.git(top, "ls-files", "--error-unmatch", "--", str(old)).returncode == 0
    if tracked and top is not None:
        if gh.git(top, "mv", "--", str(old), str(new)).returncode != 0:
            raise UserError(f"'git mv' für {kind}/{rid}.yaml ist fehlgeschlagen.", "git status prüfen; nichts weiter wurde verändert.")
    else:
        old.rename(new)


def split(root: Path, key: Key) -> int:
    """Write the entries of ``cases/<id>/case.yaml`` (``workplaces/<id>/workplace.yaml``) as small files; returns how many."""
    kind, rid = key
    main = root / kind / rid / main_file(kind)
    original = main.read_text("utf-8-sig")
    doc = roundtrip_document(original)
    if not hasattr(doc, "keys"):
        return 0  # not a mapping, or a date that does not exist: moved whole, the check names it
    spans = _entry_lines(doc, kind)
    doc, moved = split_document(doc, kind)
    if not moved:
        return 0
    kept = _keep_every_comment(original, spans, moved, keep_section_comments(original, dump(doc)))
    for list_name, files in moved.items():
        folder = main.parent / list_name
        folder.mkdir(exist_ok=True)
        for name, text in files:
            with (folder / name).open("x", encoding="utf-8") as out:
                out.write(_comments_aligned(text))
    main.write_text(kept, encoding="utf-8")
    return sum(map(len, moved.values()))


Spans = dict[str, tuple[int, int, list[int]]]
"""List name → (line of its key, line of the next top-level key, first line of each entry); 0-based."""


def _entry_lines(doc: Any, kind: str) -> Spans:
    """Where each appendable list and its entries stand in the original text (ruamel's line info)."""
    if not hasattr(doc, "lc"):
        return {}
    keys = sorted(doc.lc.key(k)[0] for k in doc)
    out: Spans = {}
    for name in appendable(kind):
        items = doc.get(name)
        if isinstance(items, list) and items and hasattr(items, "lc"):
            start = doc.lc.key(name)[0]
            end = next((line for line in keys if line > start), 1 << 30)
            out[name] = start, end, [items.lc.item(i)[0] for i in range(len(items))]
    return out


def _keep_every_comment(original: str, spans: Spans, moved: dict[str, list[tuple[str, str]]], main: str) -> str:
    """Every comment line of ``original`` stays, wherever it stood: one that no written file holds yet goes
    into the entry file it stood above (or, after the last entry, below), else to the end of the main file.
    ``moved``'s texts are changed in place; returns ``main``."""
    written = [main, *(text for files in moved.values() for _, text in files)]
    present = Counter(line.strip() for text in written for line in text.splitlines() if line.strip().startswith("#"))
    extra: list[str] = []
    head: list[str] = []  # lost above the first key (ruamel drops a comment above ``---``): back to the top
    lines = original.splitlines()
    first_key = next((n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith(("#", "---", "%"))), len(lines))
    for number, line in enumerate(lines):
        comment = line.strip()
        if not comment.startswith("#"):
            continue
        if present[comment] > 0:
            present[comment] -= 1
            continue
        owner = next((name for name, (start, end, _) in spans.items() if start < number < end and name in moved), None)
        if owner is None:
            (head if number < first_key else extra).append(comment)
            continue
        _into_entry(spans[owner][2], moved[owner], number, comment)
    main = _with_head(main, [line.strip() for line in lines[:first_key] if line.strip().startswith("#")], head)
    return main if not extra else main.rstrip("\n") + "\n" + "\n".join(extra) + "\n"


def _into_entry(starts: list[int], files: list[tuple[str, str]], number: int, comment: str) -> None:
    """Put the comment of line ``number`` above the entry it stood above (after the last entry: below it)."""
    below = next((i for i, first in enumerate(starts) if first >= number), None)
    i = below if below is not None else len(files) - 1
    name, text = files[i]
    files[i] = name, (f"{comment}\n{text}" if below is not None else f"{text.rstrip(chr(10))}\n{comment}\n")


def _with_head(main: str, header: list[str], lost: list[str]) -> str:
    """``main`` with the comments ``lost`` from the original's ``header`` (its comments above the first key) back
    at the top, in the original order among the header comments ``main`` kept."""
    if not lost:
        return main
    lines = main.splitlines()
    n = 0
    while n < len(lines) and lines[n].lstrip().startswith("#"):
        n += 1
    lead = [line.strip() for line in lines[:n]]
    top = [c for c in header if c in lost or c in lead]
    return "\n".join([*top, *(line for line in lines[:n] if line.strip() not in top), *lines[n:]]) + "\n"


def _comments_aligned(text: str) -> str:
    """An entry file with each comment line indented like the line it stands above (ruamel keeps the column
    the comment had inside the list, two or four spaces too deep for the file); unchanged when that would
    change the data (a ``#`` line inside a block scalar is text, not a comment)."""
    lines = text.split("\n")
    out, indent = list(lines), 0
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].lstrip(" ")
        if stripped.startswith("#"):
            out[i] = " " * indent + stripped
        elif stripped:
            indent = len(lines[i]) - len(stripped)
    aligned = "\n".join(out)
    if aligned == text:
        return text
    before, problems = parse_yaml(text.encode("utf-8"), "entry")
    after, more = parse_yaml(aligned.encode("utf-8"), "entry")
    return aligned if not problems and not more and before == after else text


def fix_modeline(root: Path, key: Key) -> None:
    """Point an editor modeline at the composed schema (a moved case file's ``../schema/case.schema.json``,
    an older ``site-gen new case``'s ``../../schema/case.schema.json``) at the schema of ``case.yaml`` in a folder."""
    kind, rid = key
    main = root / kind / rid / main_file(kind)
    text = main.read_text("utf-8-sig")
    if kind == "workplaces":
        fixed = _OLD_WORKPLACE_MODELINE.sub("# yaml-language-server: $schema=../../schema/workplace-folder.schema.json", text, count=1)
    else:
        fixed = _OLD_MODELINE.sub(FOLDER_MODELINE, text, count=1)
    if fixed != text:
        main.write_text(fixed, encoding="utf-8")


def _folders(root: Path) -> list[str]:
    return [str(root / kind) for kind in FOLDER_KINDS if (root / kind).is_dir()]


def _commit(top: Path, root: Path, message: str) -> None:
    gh.git(top, "add", "-A", "--", *_folders(root))
    if gh.git(top, "diff", "--cached", "--quiet", "--", *_folders(root)).returncode == 0:
        return
    # --no-verify: the records' content does not change, and a hook must not stop the move halfway.
    done = gh.git(top, *gh.identity(top), "commit", "-q", "--no-verify", "-m", message, "--", *_folders(root))
    if done.returncode != 0:
        raise UserError("Die Umstellung konnte nicht committet werden.", "git status prüfen und von Hand committen.")


def _report_only(files: list[Key], folders: list[Key]) -> int:
    """``migrate --check``: 1 when something would move."""
    if files or folders:
        print(f"Noch umzustellen: {_records(files + folders)} ('site-gen migrate').")
        return 1
    print("Alle Akten und Arbeitsplatzprofile liegen schon im Ordner-Aufbau.")
    return 0


def _git_top(root: Path, commit: bool) -> Path | None:
    """The Git work tree to commit in (None: no commits), refused while cases/ has uncommitted changes."""
    top = gh.toplevel(root)
    if top is None or not commit:
        return None
    if gh.git(top, "status", "--porcelain", "--", *_folders(root)).stdout.strip():
        raise UserError("In den Ordnern cases/ oder workplaces/ gibt es Änderungen, die noch nicht committet sind.",
                        "Erst committen oder zurücknehmen; die Umstellung macht zwei eigene Commits.")
    return top


def _report_twins(keys: list[Key]) -> None:
    for kind, rid in keys:
        noun = "Die Akte" if kind == "cases" else "Das Arbeitsplatzprofil"
        print(f"{kind}/{rid}.yaml:1:1: RECORD-DUPLICATE {noun} liegt als Datei und als Ordner {kind}/{rid}/ vor; "
              "die Datei kann nicht umgestellt werden.\n    Hinweis: Die Angaben der Datei von Hand in den Ordner übernehmen "
              "(oder die veraltete Datei löschen), dann 'site-gen migrate' wiederholen.", file=sys.stderr)


def migrate(root: Path, check: bool = False, commit: bool = True) -> int:
    """Migrate ``root`` (see module doc). Returns the exit code."""
    files, folders = pending(root)
    doubled = twins(root)
    _report_twins(doubled)
    if check:
        return max(_report_only([*files, *doubled], folders), 1 if doubled else 0)
    if not files and not folders:
        if doubled:
            return 1
        print("Nichts zu tun: alle Akten und Arbeitsplatzprofile liegen schon im Ordner-Aufbau.")
        return 0
    bad = _unreadable(root, files)
    files = [f for f in files if f not in bad]
    top = gh.toplevel(root)
    committing = _git_top(root, commit)
    for key in files:
        move(root, top, key)
    if committing is not None:
        _commit(committing, root, STEP_1)
    entries = sum(split(root, key) for key in sorted({*files, *folders}))
    for key in sorted({*files, *folders}):
        fix_modeline(root, key)
    if committing is not None:
        _commit(committing, root, STEP_2)
    elif top is not None:
        gh.git(top, "add", "-A", "--", *_folders(root))
    print(f"{_records(files + folders)} umgestellt, {count(entries, 'Eintrag', 'Einträge')} in eigene Dateien."
          + (" Zwei Commits angelegt (git log --follow cases/KENNUNG/case.yaml zeigt die Geschichte)." if committing is not None else ""))
    if bad:
        print(f"{_records(bad)} nicht umgestellt, weil die Datei nicht gelesen werden kann (siehe oben).", file=sys.stderr)
        return 1
    return 1 if doubled else 0


def _records(keys: list[Key]) -> str:
    """``3 Akten``, ``1 Arbeitsplatzprofil``, ``2 Akten und 1 Arbeitsplatzprofil``."""
    cases = sum(1 for kind, _ in keys if kind == "cases")
    places = len(keys) - cases
    parts = ([count(cases, "Akte", "Akten")] if cases or not places else []) + ([count(places, "Arbeitsplatzprofil", "Arbeitsplatzprofile")] if places else [])
    return " und ".join(parts)
