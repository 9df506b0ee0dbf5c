"""``site-gen init [ORDNER]``: a new records repository in one step.

Writes a commented ``organisation.yaml`` (one provider, one location, two
coaches as a tandem), the record folders, ``schema/*.schema.json``,
``.gitignore``, ``.pre-commit-config.yaml`` pinned to this version, CI for
GitLab, Forgejo and GitHub, a pull-request template and a CODEOWNERS example.

Never overwrites. In a folder that already holds files (other than ``.git``)
it only lists what it would add; ``--add-missing`` then adds exactly those.
The templates are package data in ``site_gen/templates/init/``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .. import __version__
from ..findings import UserError
from ..schema_files import SCHEMAS, Ids, schema_text

SOURCE = Path(__file__).resolve().parents[1] / "templates" / "init"
TOOL_REPO = os.environ.get("SITE_GEN_REPO", "https://git.example.org/team/site-gen")
"""Where the Git host finds this tool (hook and CI); IT sets the organisation's mirror."""

FILES: dict[str, str] = {
    "organisation.yaml": "organisation.yaml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
    ".gitlab/merge_request_templates/Default.md": "pull-request.md",
    ".forgejo/workflows/site-gen.yml": "forgejo-workflow.yml",
    ".github/workflows/site-gen.yml": "github-workflow.yml",
    ".github/pull_request_template.md": "pull-request.md",
    "CODEOWNERS": "CODEOWNERS",
    "cases/.gitkeep": "",
    "workplaces/.gitkeep": "",
    "modules/.gitkeep": "",
}
"""Target path → template in ``site_gen/templates/init/`` ("" for an empty file)."""


def planned(tool_repo: str) -> dict[str, str]:
    """Every file ``init`` writes, with its content."""
    out: dict[str, str] = {}
    for target, template in FILES.items():
        text = (SOURCE / template).read_text(encoding="utf-8") if template else ""
        out[target] = text.replace("@TOOL_REPO@", tool_repo).replace("@VERSION@", __version__)
    # Schemas without repository ids (there is no data yet); 'site-gen schema' adds them later.
    for name in SCHEMAS:
        out[f"schema/{name}.schema.json"] = schema_text(name, Ids())
    return out


def _occupied(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".git") if folder.is_dir() else []


def init(folder: Path, tool_repo: str, add_missing: bool = False) -> tuple[list[str], list[str], bool]:
    """(files to add, files kept as they are, written?) for ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise UserError(f"'{folder}' ist eine Datei, kein Ordner.", "Einen Ordner angeben (er wird angelegt, wenn er fehlt).")
    plan = planned(tool_repo)
    add = [rel for rel in plan if not (folder / rel).exists()]
    keep = [rel for rel in plan if rel not in add]
    if _occupied(folder) and not add_missing:
        return add, keep, False
    for rel in add:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(plan[rel])
    return add, keep, True


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="Neues Daten-Repository anlegen (organisation.yaml, Ordner, Prüfung, CI)")
    p.add_argument("directory", nargs="?", type=Path, default=Path("."), help="Ordner (Standard: aktueller Ordner; wird angelegt, wenn er fehlt)")
    p.add_argument("--add-missing", action="store_true", help="in einem Ordner mit Dateien nur die fehlenden Dateien ergänzen (nie überschreiben)")
    p.add_argument("--tool-repo", default=TOOL_REPO, metavar="ADRESSE",
                   help="Git-Adresse von site-gen für Hook und CI (Standard: Umgebungsvariable SITE_GEN_REPO oder eine Beispieladresse)")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    folder: Path = args.directory
    add, keep, written = init(folder, args.tool_repo, args.add_missing)
    shown = folder.as_posix()
    if not add:
        print(f"'{shown}' ist schon vollständig eingerichtet; nichts geändert.")
        return 0
    if not written:
        print(f"Der Ordner '{shown}' ist nicht leer. 'site-gen init' würde diese Dateien ergänzen:")
        for rel in add:
            print(f"  + {rel}")
        if keep:
            print(f"Schon vorhanden (bleiben unverändert): {', '.join(keep)}")
        print("Nichts geschrieben. Mit 'site-gen init --add-missing' nur die fehlenden Dateien anlegen.")
        return 1
    print(f"Daten-Repository angelegt in '{shown}': {len(add)} {'Datei' if len(add) == 1 else 'Dateien'}.")
    if keep:
        print(f"Schon vorhanden (unverändert): {', '.join(keep)}")
    print("Nächste Schritte:")
    print("  1. organisation.yaml mit den eigenen Trägern, Standorten und Fachkräften ausfüllen")
    print("  2. site-gen check")
    if not (folder / ".git").exists():
        print("  3. git init -b main  und  pre-commit install")
    else:
        print("  3. pre-commit install")
    if args.tool_repo == TOOL_REPO and "example" in TOOL_REPO:
        print("Hinweis: In .pre-commit-config.yaml und den CI-Dateien steht eine Beispieladresse für site-gen.")
        print("  Die IT trägt die Adresse ein, unter der die Organisation site-gen bereitstellt.")
    print("Anleitung: interne Seite, Hilfe → Einrichtung.")
    return 0
