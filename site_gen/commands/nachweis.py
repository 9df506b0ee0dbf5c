"""``site-gen nachweis --kostentraeger ID --monat JJJJ-MM``: monthly service statement per cost bearer.

Writes ``nachweis-ID-JJJJ-MM.csv`` (for the accounting system) and
``nachweis-ID-JJJJ-MM.html`` (printable) into ``--out`` (default: the
current folder). Only pseudonymous ids and documentation-duty fields.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..dataset import load_dataset
    from ..output import write_private
    from ..render.statement import statement_csv_file, statement_html
    from ..views.statement import parse_bearer, parse_month, statement
    from ..wording import count

    bearer, month = parse_bearer(args.kostentraeger), parse_month(args.monat)
    ctx = statement(load_dataset(args.root), bearer, month, args.today)
    stem = f"nachweis-{bearer.value}-{month:%Y-%m}"
    write_private(args.out / f"{stem}.csv", statement_csv_file(ctx))
    write_private(args.out / f"{stem}.html", statement_html(ctx))
    print(f"Leistungsnachweis geschrieben: {args.out / stem}.csv und .html ({count(len(ctx.rows), 'Zeile', 'Zeilen')}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("nachweis", help="Monatlicher Leistungsnachweis je Kostenträger (CSV und Druckseite)")
    p.add_argument("--kostentraeger", required=True, help="Kennung des Kostenträgers, z. B. agentur-fuer-arbeit")
    p.add_argument("--monat", required=True, help="Monat JJJJ-MM, z. B. 2026-10")
    add_out(p, "Ordner für die beiden Dateien (Standard: aktueller Ordner)", Path("."))
    add_today(p, "(erscheint auf der Druckseite)")
    p.set_defaults(run=run)
