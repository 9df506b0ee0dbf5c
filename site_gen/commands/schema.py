"""``site-gen schema``: write JSON Schema for every record format from the models.

The files in ``schema/`` are generated, committed, and a test fails when
they drift from the models. ``--check`` only compares (exit 1 on drift).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel

from ..models import Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace

SCHEMAS: dict[str, type[BaseModel]] = {
    "case": Case,
    "workplace": Workplace,
    "module": Module,
    "organisation": Organisation,
    "profile-catalogue": ProfileCatalogue,
    "consent-purposes": PurposeCatalogue,
}
SCHEMA_FOLDER = {"case": "cases", "workplace": "workplaces", "module": "modules"}


def schema_text(name: str) -> str:
    """The JSON Schema of one record format, as committed."""
    schema = SCHEMAS[name].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(folder: Path, check: bool = False) -> list[str]:
    """Write (or with ``check`` compare) all schemas; returns the names that differ."""
    folder.mkdir(parents=True, exist_ok=True)
    drift = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        text = schema_text(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            drift.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return drift


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="JSON Schema der Datenformate nach schema/ schreiben")
    p.add_argument("--check", action="store_true", help="nur vergleichen; Exit 1, wenn schema/ nicht zu den Modellen passt")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    drift = write(args.root / "schema", check=args.check)
    if args.check and drift:
        print("Veraltet: " + ", ".join(drift) + ". Mit 'site-gen schema' neu erzeugen und committen.")
        return 1
    print(("Geschrieben: " + ", ".join(drift)) if drift and not args.check else "schema/ ist aktuell.")
    return 0
