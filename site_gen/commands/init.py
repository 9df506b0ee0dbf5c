"""``site-gen init [ORDNER]``: a new records repository in one step (files: :mod:`site_gen.authoring.scaffold`).

Never overwrites. In a folder that already holds files (other than ``.git``)
it only lists what it would add; ``--add-missing`` then adds exactly those.
The hook it writes runs the installed ``site-gen`` (``repo: local``), so it
needs no address and no tag; ``init`` says so when that cannot work here
(``site-gen`` or ``pre-commit`` not on the search path).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

NEXT_STEPS = """Nächste Schritte:
  1. organisation.yaml mit den eigenen Trägern, Standorten und Fachkräften ausfüllen
  2. site-gen check
  3. {git}pre-commit install"""
NO_SITE_GEN = """Achtung: 'site-gen' ist auf diesem Rechner nicht im Suchpfad (PATH). Der Hook ruft 'site-gen check --staged'
  auf; ohne site-gen im Suchpfad scheitert jeder Commit. site-gen mit pip installieren
  (python -m pip install "site-gen=={version}") oder die Umgebung aktivieren, in der es installiert ist."""
NO_PRE_COMMIT = """Hinweis: 'pre-commit' ist nicht installiert. Einmal: python -m pip install pre-commit  – dann: pre-commit install"""


def run(args: argparse.Namespace) -> int:
    from .. import __version__
    from ..authoring.scaffold import init
    from ..wording import count

    folder: Path = args.directory
    add, keep, written = init(folder, args.add_missing)
    shown = folder.as_posix()
    if not add:
        print(f"'{shown}' ist schon vollständig eingerichtet; nichts geändert.")
        return 0
    if not written:
        print(f"Der Ordner '{shown}' ist nicht leer. 'site-gen init' würde diese Dateien ergänzen:")
        print("\n".join(f"  + {rel}" for rel in add))
        if keep:
            print(f"Schon vorhanden (bleiben unverändert): {', '.join(keep)}")
        print("Nichts geschrieben. Mit 'site-gen init --add-missing' nur die fehlenden Dateien anlegen.")
        return 1
    print(f"Daten-Repository angelegt in '{shown}': {count(len(add), 'Datei', 'Dateien')} (für site-gen {__version__}).")
    print(_seal(folder, args.sealing))
    if keep:
        print(f"Schon vorhanden (unverändert): {', '.join(keep)}")
    print(NEXT_STEPS.format(git="" if (folder / ".git").exists() else "git init -b main  und  "))
    if shutil.which("site-gen") is None:
        print(NO_SITE_GEN.format(version=__version__))
    if shutil.which("pre-commit") is None:
        print(NO_PRE_COMMIT)
    print("Anleitung: interne Seite, Hilfe → Einrichtung.")
    return 0


def _seal(folder: Path, choice: str | None) -> str:
    """Start sealed when a keyring is configured (or ``--sealed``); ``--plain`` for a try-out. Returns the German line to print."""
    from ..records.keys import keyring_path
    from ..records.repo import mark_sealed

    ring = keyring_path()
    if choice == "plain" or (choice is None and (ring is None or not (ring / "schluesselbund.yaml").is_file())):
        return ("Unversiegelt: Akten stehen im Klartext in Git. Vor echten Daten: 'site-gen keys init --admin EMPFÄNGER', "
                "dann 'site-gen migrate --encrypt' (Hilfe → Datenschutz, Versiegelte Akten).")
    if ring is None:
        from ..errors import UserError

        raise UserError("--sealed braucht einen Schlüsselbund: SITE_GEN_KEYRING ist nicht gesetzt.", "Erst 'site-gen keys init --admin EMPFÄNGER --keyring ORDNER'.")
    mark_sealed(folder)
    return "Versiegelt: persönliche Werte neuer Akten werden verschlüsselt ('site-gen keys seal' vor dem Commit, 'site-gen log' versiegelt selbst)."


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="Neues Daten-Repository anlegen (organisation.yaml, Ordner, Prüfung, CI)")
    p.add_argument("directory", nargs="?", type=Path, default=Path("."), help="Ordner (Standard: aktueller Ordner; wird angelegt, wenn er fehlt)")
    p.add_argument("--add-missing", action="store_true", help="in einem Ordner mit Dateien nur die fehlenden Dateien ergänzen (nie überschreiben)")
    sealing = p.add_mutually_exclusive_group()
    sealing.add_argument("--sealed", dest="sealing", action="store_const", const="sealed",
                         help="versiegelt beginnen (Standard, wenn SITE_GEN_KEYRING auf einen Schlüsselbund zeigt)")
    sealing.add_argument("--plain", dest="sealing", action="store_const", const="plain", help="unversiegelt, zum Ausprobieren ohne echte Daten")
    p.set_defaults(run=run, sealing=None)
