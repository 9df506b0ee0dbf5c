"""``site-gen nachweis --kostentraeger ID --monat JJJJ-MM``: monthly service statement per cost bearer.

Writes ``nachweis-ID-JJJJ-MM.csv`` (for the accounting system) and
``nachweis-ID-JJJJ-MM.html`` (printable) into ``--out`` (default: the
current folder). Only pseudonymous ids and documentation-duty fields.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..dataset import load_dataset
from ..output import write_private
from ..render.statement import statement_csv, statement_html
from ..views.statement import parse_bearer, parse_month, statement
from .check import parse_date


def run(root: Path, bearer_id: str, month_text: str, out: Path, today: dt.date) -> int:
    bearer, month = parse_bearer(bearer_id), parse_month(month_text)
    ctx = statement(load_dataset(root), bearer, month, today)
    stem = f"nachweis-{bearer.value}-{month:%Y-%m}"
    write_private(out / f"{stem}.csv", statement_csv(ctx))
    write_private(out / f"{stem}.html", statement_html(ctx))
    rows = len(ctx.rows)
    print(f"Leistungsnachweis geschrieben: {out / stem}.csv und .html ({rows} {'Zeile' if rows == 1 else 'Zeilen'}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("nachweis", help="Monatlicher Leistungsnachweis je Kostenträger (CSV und Druckseite)")
    p.add_argument("--kostentraeger", required=True, help="Kennung des Kostenträgers, z. B. agentur-fuer-arbeit")
    p.add_argument("--monat", required=True, help="Monat JJJJ-MM, z. B. 2026-10")
    p.add_argument("--out", type=Path, default=Path("."), help="Ordner für die beiden Dateien (Standard: aktueller Ordner)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT (erscheint auf der Druckseite)")
    p.set_defaults(run=lambda a: run(a.root, a.kostentraeger, a.monat, a.out, a.today or dt.date.today()))
