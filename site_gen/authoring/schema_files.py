"""JSON Schema files in ``schema/``: generated from the models, completed with the
repository's own ids, stamped with the tool version.

Editors with the YAML language server read them through the modeline that
``site-gen new`` writes, or through the mapping in ``.vscode/settings.json``
(``site-gen init``). A case folder has its own schemas: ``case-folder.schema.json``
for ``case.yaml`` and ``entries/<list>.schema.json`` per entry file
(:mod:`site_gen.authoring.schema_layout`). Where a field refers to another record or to a
catalogue entry, the schema lists the ids that exist (``anyOf`` an ``enum``
and the plain id pattern: completion offers the known ids, a record added
after the last ``site-gen schema`` is not marked red). ``site-gen check``
warns when the files come from another version of the tool.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import __version__
from ..findings import Finding, Severity
from ..models import Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace
from ..models.programmes import ProgrammeCatalogue
from ..models.team import TeamTime
from ..output import write_file
from ..records.layout import WORKPLACE_LISTS, appendable
from .schema_ids import Ids, complete, repository_ids
from .schema_layout import FOLDER, WORKPLACE_FOLDER, entry_path, entry_schema, folder_schema

SCHEMAS: dict[str, type[BaseModel]] = {
    "case": Case,
    "workplace": Workplace,
    "module": Module,
    "organisation": Organisation,
    "profile-catalogue": ProfileCatalogue,
    "consent-purposes": PurposeCatalogue,
    "programmes": ProgrammeCatalogue,
    "team": TeamTime,
}
__all__ = ["SCHEMAS", "Ids", "completed", "ensure_schemas", "generated", "names", "repository_ids", "schema_text", "stale_findings", "write"]
VERSION_KEY = "x-site-gen-version"
_VERSION = re.compile(rb'"x-site-gen-version":\s*"([^"]*)"')


def completed(name: str, ids: Ids | None) -> dict[str, Any]:
    """The JSON Schema of format ``name`` as a mapping; with ``ids`` completed with the repository's ids."""
    schema = SCHEMAS[name].model_json_schema()
    if ids is not None:
        complete(name, schema, ids)
    if name == "case":  # a sealed repository's values are sealed strings: accepted for every sealed field
        from ..records.sealed_schema import accept_sealed

        accept_sealed(schema)
    return schema


def _text(rel: str, schema: dict[str, Any]) -> str:
    """The file text of a schema: draft, ``$id`` (its own path in ``schema/``), the tool version first (see :func:`stale_findings`)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": rel.rsplit("/", 1)[-1],
              VERSION_KEY: __version__, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_text(name: str, ids: Ids | None = None) -> str:
    """The JSON Schema of one format; with ``ids`` completed with the repository's ids."""
    return _text(f"{name}.schema.json", completed(name, ids))


def names() -> list[str]:
    """Every generated schema file, relative to ``schema/``: one per format, the case folder's ``case.yaml``, one per entry list."""
    return ([f"{name}.schema.json" for name in SCHEMAS] + [f"{FOLDER}.schema.json"] + [entry_path(n) for n in appendable()]
            + [f"{WORKPLACE_FOLDER}.schema.json"] + [entry_path(n) for n in WORKPLACE_LISTS])


def generated(ids: Ids | None = None) -> dict[str, str]:
    """Every generated schema file (relative to ``schema/``) with its text."""
    out = {f"{name}.schema.json": schema_text(name, ids) for name in SCHEMAS}
    case = completed("case", ids)
    out[f"{FOLDER}.schema.json"] = _text(f"{FOLDER}.schema.json", folder_schema(case))
    for list_name in appendable():
        out[entry_path(list_name)] = _text(entry_path(list_name), entry_schema(case, list_name))
    workplace = completed("workplace", ids)
    out[f"{WORKPLACE_FOLDER}.schema.json"] = _text(f"{WORKPLACE_FOLDER}.schema.json", folder_schema(workplace, "workplaces"))
    for list_name in WORKPLACE_LISTS:
        out[entry_path(list_name)] = _text(entry_path(list_name), entry_schema(workplace, list_name))
    return out


def write(folder: Path, check: bool = False, ids: Ids | None = None) -> list[str]:
    """Write (or with ``check`` compare) all schemas; returns the paths (relative to ``folder``) that differ."""
    drift = []
    for rel, text in generated(ids).items():
        path = folder / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            drift.append(rel)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_file(path, text)
    return drift


def ensure_schemas(root: Path, ids: Ids | None = None) -> None:
    """Write the schemas when ``schema/`` misses any (a new record's modeline needs them)."""
    if not all((root / "schema" / rel).is_file() for rel in names()):
        write(root / "schema", ids=ids or repository_ids(root))


def stale_findings(root: Path) -> list[Finding]:
    """A warning for each ``schema/*.schema.json`` written by another version of the tool.

    Reads only the version stamp (the pre-commit hook stays fast); missing files are
    not reported (repositories may do without editor support).
    """
    out = []
    for rel in (f"schema/{name}" for name in names()):
        try:
            head = (root / rel).read_bytes()[:400]
        except OSError:
            continue
        found = _VERSION.search(head)
        if found is None or found.group(1).decode() != __version__:
            made = f"Version {found.group(1).decode()}" if found else "einer älteren Version"
            out.append(Finding(rel, "SCHEMA-OUTDATED", f"Die Datei stammt von site-gen {made}, installiert ist {__version__}.",
                               "Mit 'site-gen schema' neu erzeugen und committen; sonst zeigt der Editor veraltete Felder und Hilfen.",
                               Severity.WARNING, line=1, col=1))
    return out
