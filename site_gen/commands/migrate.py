"""``site-gen migrate``: move case files into the folder layout that merges (see :mod:`site_gen.records.migration`)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    if args.encrypt:
        from ..records.encrypt import encrypt

        return encrypt(args.root, not args.no_commit)
    from ..records.migration import migrate

    return migrate(args.root, args.check, not args.no_commit)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="Akten in den Ordner-Aufbau umstellen (ein Eintrag pro Datei, konfliktfrei zusammenführbar)")
    p.add_argument("--check", action="store_true", help="nur prüfen: Exit-Code 1, wenn noch etwas umzustellen ist (für CI)")
    p.add_argument("--encrypt", action="store_true",
                   help="Akten versiegeln: persönliche Werte verschlüsseln (ein Commit; danach die alte Geschichte einmal bereinigen)")
    p.add_argument("--no-commit", action="store_true", help="nicht committen, nur umstellen und vormerken (git add)")
    p.set_defaults(run=run)
