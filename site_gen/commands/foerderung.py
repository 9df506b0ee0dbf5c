"""``site-gen foerderung WORKPLACE --art TYPE``: a one-to-two-page sheet for the employer about support and money.

Writes ``foerderung-<workplace>-<art>.docx`` and ``.html`` (default folder
``ausgabe/``): what the placement kind means, which support exists, who decides,
whom to call, with legal sources and the Stand date of the facts
(``site_gen/data/foerderung.yaml``, or the repository's ``schema/foerderung.yaml``).
"""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..out_folder import out_dir
    from ..output import write_file
    from ..records.dataset import load_dataset
    from ..render.subsidy import render_sheet_docx, render_sheet_html
    from ..views.subsidy import placement_type, sheet

    ds = load_dataset(args.root)
    ctx = sheet(ds, args.workplace, args.art, args.today)
    rel = ds.organisation.report_template if ds.organisation else None
    folder = out_dir(args.root, args.out)
    stem = f"foerderung-{args.workplace}-{placement_type(args.art).value}"
    docx = write_file(folder / f"{stem}.docx", render_sheet_docx(ctx, (args.root / rel) if rel else None))
    html = write_file(folder / f"{stem}.html", render_sheet_html(ctx))
    print(f"Förderblatt geschrieben: {docx} und {html} (Stand der Angaben {ctx.stand:%d.%m.%Y}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("foerderung", help="Förderblatt für einen Betrieb (.docx und HTML): Form der Platzierung, Förderung, wer entscheidet, wen anrufen")
    p.add_argument("workplace", help="Kennung des Arbeitsplatzprofils, z. B. ap-0001")
    p.add_argument("--art", required=True, help="Form der Platzierung, z. B. budget-fuer-arbeit, praktikum, sozialversicherungspflichtig")
    add_out(p, "Zielordner (Standard: ausgabe/ im Daten-Repository)")
    add_today(p, "(Datum auf dem Blatt)")
    p.set_defaults(run=run)
