"""``site-gen schema``: write JSON Schema for every record format.

Generated from the models and completed with the repository's ids
(:mod:`site_gen.authoring.schema_files`). The files in ``schema/`` are committed; a
test fails when they drift. ``--check`` only compares (exit 1 on drift).
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from ..authoring.schema_files import repository_ids, write

    drift = write(args.root / "schema", check=args.check, ids=repository_ids(args.root))
    if args.check and drift:
        print("Veraltet: " + ", ".join(drift) + ". Mit 'site-gen schema' neu erzeugen und committen.")
        return 1
    print(("Geschrieben: " + ", ".join(drift)) if drift and not args.check else "schema/ ist aktuell.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="JSON Schema der Datenformate (mit den Kennungen des Repositorys) nach schema/ schreiben")
    p.add_argument("--check", action="store_true", help="nur vergleichen; Exit 1, wenn schema/ nicht zu den Modellen und Daten passt")
    p.set_defaults(run=run)
