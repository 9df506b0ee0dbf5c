"""``site-gen print``: the PDF of all current postings for the Schaukasten (A4), without building the board."""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..out_folder import out_file
    from ..site.public import load_board, make_pdf
    from ..wording import count

    board, _glossary, errors = load_board(args.root, args.today)
    pdf = out_file(args.root, args.out, "aushang.pdf")
    make_pdf(board, pdf)  # the sheets only: no need to build the board
    print(f"PDF für den Aushang: {pdf} ({count(len(board.postings), 'Ausschreibung', 'Ausschreibungen')}).")
    return 1 if errors else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="PDF aller aktuellen Ausschreibungen für den Schaukasten (A4)")
    add_out(p, "PDF-Datei oder vorhandener Ordner (Standard: ausgabe/aushang.pdf im Daten-Repository)")
    add_today(p)
    p.set_defaults(run=run)
