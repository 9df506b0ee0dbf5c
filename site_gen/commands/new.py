"""``site-gen new case|workplace|module``: a commented skeleton with the next free id (see :mod:`site_gen.skeletons`)."""

from __future__ import annotations

import argparse

from .options import add_today

KINDS = ("case", "module", "workplace")


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..placeholders import MARKER
    from ..skeletons import create

    try:
        path = create(args.root, args.kind, args.today)
    except FileExistsError:
        raise UserError("Die Datei existiert schon und wird nicht überschrieben.", "Den Befehl erneut ausführen.") from None
    print(f"Angelegt: {path.relative_to(args.root).as_posix()} – alles mit {MARKER} ersetzen und mit 'site-gen check' prüfen.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="Neuen Datensatz als kommentiertes Gerüst anlegen")
    p.add_argument("kind", choices=KINDS, help="Art des Datensatzes")
    add_today(p, "für die Aktenanlage (Standard: heute)")
    p.set_defaults(run=run)
