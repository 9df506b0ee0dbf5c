"""``site-gen bewerbung CASE --out FILE``: a printable application folder in easy German.

Only with a live consent ``profil-an-arbeitgeber`` (naming the workplace
when ``--workplace`` is given); what it shows: :mod:`site_gen.views.bewerbung`.
"""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    """Check the consent, render, write ``--out`` atomically."""
    from ..domain.consent import has_live
    from ..domain.retention import refuse_past_retention
    from ..errors import UserError
    from ..out_folder import out_file
    from ..output import write_private
    from ..records.dataset import load_dataset
    from ..render.bewerbung import render_mappe
    from ..views.bewerbung import PURPOSE, mappe_context
    from ..views.consented import consented_dataset

    case_id, workplace_id = args.case, args.workplace
    ds = load_dataset(args.root)
    case = ds.cases.get(case_id)
    if case is None:
        ds.refuse_unopened(case_id)  # sealed and not openable by this reader: say which key is missing
        hint = "Mit 'site-gen check' die Fehler anzeigen." if ds.exists("cases", case_id) else "Die Kennung so angeben, wie die Datei unter cases/ heißt."
        raise UserError(f"Die Akte '{case_id}' gibt es nicht oder sie hat Fehler.", hint)
    refuse_past_retention(ds, case_id, args.today)
    if workplace_id is not None and workplace_id not in ds.workplaces:
        raise UserError(f"Den Arbeitsplatz '{workplace_id}' gibt es nicht.", "Die Kennung so angeben, wie die Datei unter workplaces/ heißt.")
    if not has_live(case, args.today, ds.purposes, PURPOSE, workplace_id):
        where = f"für den Betrieb '{workplace_id}' " if workplace_id else ""
        raise UserError(f"Keine Bewerbungsmappe: es gibt {where}keine gültige Einwilligung „Profil an Arbeitgeber“.",
                        "Erst die Einwilligung mit der Person (oder der Betreuung) besprechen und in der Akte unter 'consents' eintragen "
                        f"(Zweck '{PURPOSE}', Empfänger: der Arbeitsplatz).")
    ds = consented_dataset(ds, args.today)
    html = render_mappe(mappe_context(ds, ds.cases[case_id], workplace_id, args.today))
    out = out_file(args.root, args.out, f"bewerbung-{case_id}{'-' + workplace_id if workplace_id else ''}.html")
    write_private(out, html)
    print(f"Bewerbungsmappe geschrieben: {out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bewerbung", help="Bewerbungsmappe in einfacher Sprache als HTML (nur mit Einwilligung)")
    p.add_argument("case", help="Kennung der Akte")
    p.add_argument("--workplace", default=None, help="Kennung des Arbeitsplatzes, an den die Mappe geht")
    add_out(p, "Zieldatei oder vorhandener Ordner (Standard: ausgabe/bewerbung-AKTE.html im Daten-Repository)")
    add_today(p, "für die Einwilligung")
    p.set_defaults(run=run)
