"""``site-gen print``: the PDF of all current postings for the Schaukasten (A4), without building the board."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..outputs import out_file
    from ..site.public import board_files, load_board, make_pdf
    from ..site.publish import publish_files
    from ..wording import count

    board, glossary, errors = load_board(args.root, args.today)
    pdf = out_file(args.root, args.out, "aushang.pdf")
    with tempfile.TemporaryDirectory(prefix="site-gen-aushang-") as tmp:
        site = Path(tmp) / "public"
        publish_files(board_files(args.root, board, glossary, with_audio=False), site)
        make_pdf(site, pdf)
    print(f"PDF für den Aushang: {pdf} ({count(len(board.postings), 'Ausschreibung', 'Ausschreibungen')}).")
    return 1 if errors else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="PDF aller aktuellen Ausschreibungen für den Schaukasten (A4)")
    add_out(p, "PDF-Datei (Standard: ausgabe/aushang.pdf im Daten-Repository)")
    add_today(p)
    p.set_defaults(run=run)
