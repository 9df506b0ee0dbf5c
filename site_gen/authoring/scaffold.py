"""A new records repository in one step (``site-gen init [ORDNER]``).

Writes a commented ``organisation.yaml`` (one provider, one location, two
coaches as a tandem), the record folders, ``schema/*.schema.json`` (with
``schema/entries/`` for the entry files of a case folder), ``.vscode/``
(which schema belongs to which file, for VS Code's YAML extension), ``.gitignore``, ``.site-gen-version`` (this version; hook and CI follow it), ``.pre-commit-config.yaml``
(a local hook running the installed site-gen: no address, no tag), CI for
GitLab, Forgejo and GitHub, a pull-request template and a CODEOWNERS example.

Never overwrites. In a folder that already holds files (other than ``.git``)
it only lists what it would add; ``--add-missing`` then adds exactly those.
The templates are package data in ``site_gen/templates/init/``.
"""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..findings import UserError
from .schema_files import Ids, generated
from .schema_layout import EDITOR_EXTENSIONS, editor_settings

SOURCE = Path(__file__).resolve().parent.parent / "templates" / "init"

FILES: dict[str, str] = {
    "organisation.yaml": "organisation.yaml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
    ".site-gen-version": "site-gen-version",
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


def planned() -> dict[str, str]:
    """Every file ``init`` writes, with its content."""
    out: dict[str, str] = {}
    for target, template in FILES.items():
        text = (SOURCE / template).read_text(encoding="utf-8") if template else ""
        out[target] = text.replace("@VERSION@", __version__)
    # Schemas without repository ids (there is no data yet); 'site-gen schema' adds them later.
    out |= {f"schema/{rel}": text for rel, text in generated(Ids()).items()}
    out |= {".vscode/settings.json": editor_settings(), ".vscode/extensions.json": EDITOR_EXTENSIONS}
    return out


def _occupied(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".git") if folder.is_dir() else []


def init(folder: Path, add_missing: bool = False) -> tuple[list[str], list[str], bool]:
    """(files to add, files kept as they are, written?) for ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise UserError(f"'{folder}' ist eine Datei, kein Ordner.", "Einen Ordner angeben (er wird angelegt, wenn er fehlt).")
    plan = planned()
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

