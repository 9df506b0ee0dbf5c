"""JSON Schema files in ``schema/``: generated from the models, completed with the
repository's own ids, stamped with the tool version.

Editors with the YAML language server read them through the modeline that
``site-gen new`` writes. Where a field refers to another record or to a
catalogue entry, the schema lists the ids that exist (``anyOf`` an ``enum``
and the plain id pattern: completion offers the known ids, a record added
after the last ``site-gen schema`` is not marked red). ``site-gen check``
warns when the files come from another version of the tool.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import __version__
from .findings import Finding, Severity
from .models import Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace
from .output import write_file

SCHEMAS: dict[str, type[BaseModel]] = {
    "case": Case,
    "workplace": Workplace,
    "module": Module,
    "organisation": Organisation,
    "profile-catalogue": ProfileCatalogue,
    "consent-purposes": PurposeCatalogue,
}
VERSION_KEY = "x-site-gen-version"
_VERSION = re.compile(rb'"x-site-gen-version":\s*"([^"]*)"')


@dataclass
class Ids:
    """The ids an editor may offer, taken from the repository's data."""

    workplaces: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    staff: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    access_requirements: list[str] = field(default_factory=list)
    profile_items: dict[str, str] = field(default_factory=dict)
    """id → German label (shown as the title of the rating key)."""


def repository_ids(root: Path) -> Ids:
    """Ids of the records and catalogue entries below ``root`` (invalid files count by name)."""
    from .dataset import load_dataset, record_entries  # late: dataset imports this package's models

    ds = load_dataset(root, only=[])
    stems: dict[str, list[str]] = {"workplaces": [], "modules": []}
    for kind, rid, *_ in record_entries(root):
        if kind in stems:
            stems[kind].append(rid)
    return Ids(workplaces=stems["workplaces"], modules=stems["modules"], staff=sorted(ds.staff), providers=sorted(ds.providers),
               locations=sorted(ds.locations), purposes=sorted(ds.purposes), access_requirements=sorted(ds.access_requirements),
               profile_items={k: v.label for k, v in sorted(ds.profile_items.items())})


def _choice(prop: dict[str, Any], ids: list[str], extra: tuple[str, ...] = ()) -> None:
    """Offer ``ids`` for a string property (in place), keeping title and description."""
    values = sorted({*ids, *extra})
    if not values:
        return
    plain = {k: prop.pop(k) for k in ("type", "pattern", "maxLength") if k in prop}
    prop["anyOf"] = [{"enum": values}, plain]


def _list_choice(prop: dict[str, Any], ids: list[str], extra: tuple[str, ...] = ()) -> None:
    _choice(prop["items"], ids, extra)


def _ratings(prop: dict[str, Any], items: dict[str, str]) -> None:
    if items:
        rating = next(iter(prop.get("patternProperties", {}).values()), {"type": "integer", "minimum": 1, "maximum": 5})
        prop["properties"] = {k: {**rating, "title": label} for k, label in items.items()}


def _complete(name: str, schema: dict[str, Any], ids: Ids) -> None:
    defs = schema.get("$defs", {})
    props = schema["properties"]
    if name in ("case", "workplace"):
        _choice(props["provider"], ids.providers)
        _choice(props["location"], ids.locations)
    if name == "case":
        _choice(defs["Coaches"]["properties"]["primary"], ids.staff)
        _choice(defs["Coaches"]["properties"]["deputy"], ids.staff)
        _choice(defs["AbilityProfile"]["properties"]["assessor"], ids.staff)
        _ratings(defs["AbilityProfile"]["properties"]["ratings"], ids.profile_items)
        _choice(defs["LogEntry"]["properties"]["by"], ids.staff)
        _choice(defs["Placement"]["properties"]["workplace"], ids.workplaces)
        _choice(defs["Disclosure"]["properties"]["workplace"], ids.workplaces)
        _choice(defs["Enrolment"]["properties"]["module"], ids.modules)
        _list_choice(defs["Enrolment"]["properties"]["requirements_confirmed"], ids.access_requirements)
        _choice(defs["Consent"]["properties"]["purpose"], ids.purposes)
        _list_choice(defs["Consent"]["properties"]["recipients"], ids.workplaces, ("ifd", "kostentraeger"))
    elif name == "workplace":
        _choice(defs["Analysis"]["properties"]["analysed_by"], ids.staff)
        _ratings(props["requirements"], ids.profile_items)
    elif name == "module":
        _list_choice(props["trainers"], ids.staff)
        _list_choice(props["access_requirements"], ids.access_requirements)


def schema_text(name: str, ids: Ids | None = None) -> str:
    """The JSON Schema of one format; with ``ids`` completed with the repository's ids."""
    schema = SCHEMAS[name].model_json_schema()
    if ids is not None:
        _complete(name, schema, ids)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json",
              VERSION_KEY: __version__, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(folder: Path, check: bool = False, ids: Ids | None = None) -> list[str]:
    """Write (or with ``check`` compare) all schemas; returns the names that differ."""
    folder.mkdir(parents=True, exist_ok=True)
    drift = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        text = schema_text(name, ids)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            drift.append(path.name)
            if not check:
                write_file(path, text)
    return drift


def ensure_schemas(root: Path) -> None:
    """Write the schemas when ``schema/`` has none yet (a new record's modeline needs them)."""
    if not all((root / "schema" / f"{name}.schema.json").is_file() for name in SCHEMAS):
        write(root / "schema", ids=repository_ids(root))


def stale_findings(root: Path) -> list[Finding]:
    """A warning for each ``schema/*.schema.json`` written by another version of the tool.

    Reads only the version stamp (the pre-commit hook stays fast); missing files are
    not reported (repositories may do without editor support).
    """
    out = []
    for name in SCHEMAS:
        rel = f"schema/{name}.schema.json"
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
