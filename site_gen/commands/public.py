"""``site-gen public``: build the public job board in Leichte Sprache (engine: :mod:`site_gen.site.public`).

Exit 1 when a record had errors (it is left out; the others are published).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..site.public import board_files, load_board, make_pdf
    from ..site.publish import publish_files
    from ..wording import count

    start = time.perf_counter()
    board, glossary, errors = load_board(args.root, args.today)
    files = board_files(args.root, board, glossary)
    target = args.out or args.root / "public"
    publish_files(files, target)
    print(f"Jobbörse gebaut: {count(len(board.postings), 'Ausschreibung', 'Ausschreibungen')}, {count(len(board.courses), 'Kurs', 'Kurse')}, "
          f"{count(len(files), 'Datei', 'Dateien')} in {target} ({time.perf_counter() - start:.1f} s).")
    if args.pdf is not None:
        make_pdf(target, args.pdf)
        print(f"PDF für den Aushang: {args.pdf}")
    return 1 if errors else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("public", help="Öffentliche Jobbörse in Leichter Sprache bauen")
    add_out(p, "Zielordner (Standard: public/ im Daten-Ordner)")
    add_today(p, "(abgelaufene Ausschreibungen fallen weg)")
    p.add_argument("--pdf", type=Path, default=None, help="zusätzlich ein PDF aller Ausschreibungen für den Aushang schreiben")
    p.set_defaults(run=run)
