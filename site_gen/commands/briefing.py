"""``site-gen briefing CASE WORKPLACE``: printable page for an employer.

Contains exactly the disclosures for that workplace that a live consent
naming it covers (see :mod:`site_gen.views.briefing`); exit 1 with a German
message when there is no such consent. Prints only the output path.
"""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    """Render the briefing for the workplace about the case into ``--out``."""
    from ..out_folder import out_file
    from ..output import write_private
    from ..records.dataset import load_dataset
    from ..render.privacy import render_briefing
    from ..views.briefing import briefing_context
    from ..wording import count

    ctx = briefing_context(load_dataset(args.root), args.case, args.workplace, args.today)
    target = out_file(args.root, args.out, f"mitteilung-{args.case}-{args.workplace}.html")
    write_private(target, render_briefing(ctx))
    print(f"Mitteilung für den Betrieb geschrieben: {target} ({count(len(ctx.items), 'Punkt', 'Punkte')}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefing", help="Druckseite: was ein Betrieb über eine Person erfahren darf")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("workplace", help="Kennung des Arbeitsplatzes, z. B. ap-baeckerei")
    add_out(p, "Zieldatei oder vorhandener Ordner (Standard: ausgabe/mitteilung-AKTE-ARBEITSPLATZ.html im Daten-Repository)")
    add_today(p, "für die Gültigkeit der Einwilligung")
    p.set_defaults(run=run)
