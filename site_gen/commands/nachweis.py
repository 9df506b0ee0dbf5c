"""``site-gen nachweis --kostentraeger ID --monat JJJJ-MM``: monthly service statement per cost bearer.

Writes ``nachweis-ID-JJJJ-MM.csv`` (for the accounting system) and
``nachweis-ID-JJJJ-MM.html`` (printable) into ``--out`` (default:
``ausgabe/`` in the records repository; created when missing). Only pseudonymous ids and documentation-duty fields.
"""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..out_folder import out_dir
    from ..output import write_private
    from ..records.dataset import load_dataset
    from ..render.nachweis import statement_csv_file, statement_html
    from ..views.nachweis import parse_bearer, parse_month, statement
    from ..wording import count

    bearer, month = parse_bearer(args.kostentraeger), parse_month(args.monat)
    ctx = statement(load_dataset(args.root), bearer, month, args.today)
    stem = f"nachweis-{bearer.value}-{month:%Y-%m}"
    folder = out_dir(args.root, args.out)
    write_private(folder / f"{stem}.csv", statement_csv_file(ctx))
    write_private(folder / f"{stem}.html", statement_html(ctx))
    print(f"Leistungsnachweis geschrieben: {folder / stem}.csv und .html ({count(len(ctx.rows), 'Zeile', 'Zeilen')}).")
    if ctx.left_out:
        print(f"{count(ctx.left_out, 'Akte', 'Akten')} dieses Kostenträgers nach Ablauf der Aufbewahrungsfrist nicht berücksichtigt "
              "(zu löschen, siehe Seite 'Aufgaben').")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("nachweis", help="Monatlicher Leistungsnachweis je Kostenträger (CSV und Druckseite)")
    p.add_argument("--kostentraeger", required=True, help="Kennung des Kostenträgers, z. B. agentur-fuer-arbeit")
    p.add_argument("--monat", required=True, help="Monat JJJJ-MM, z. B. 2026-10")
    add_out(p, "Ordner für die beiden Dateien, wird bei Bedarf angelegt (Standard: ausgabe/ im Daten-Repository)")
    add_today(p, "(erscheint auf der Druckseite)")
    p.set_defaults(run=run)
