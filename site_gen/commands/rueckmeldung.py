"""``site-gen rueckmeldung [--phase erprobung|kurs|wechsel] [--out ORDNER]``: the feedback questionnaire in Leichte Sprache.

Five questions with pictograms and three faces, HTML and A4 PDF to print. The
answers go into the case as a ``feedback`` entry (``site-gen new eintrag AKTE
feedback``), only with a live consent ``rueckmeldung``; the Kennzahlen add them
up over at least 5 people.
"""

from __future__ import annotations

import argparse

from .options import add_out

PHASES = ("erprobung", "kurs", "wechsel")


def run(args: argparse.Namespace) -> int:
    from ..models.feedback import FeedbackPhase
    from ..output import write_file
    from ..outputs import out_dir
    from ..render.easy_documents import render_questionnaire
    from ..site.printing import print_html
    from ..views.feedback import questionnaire

    html = render_questionnaire(questionnaire(FeedbackPhase(args.phase)))
    folder = out_dir(args.root, args.out)
    name = f"rueckmeldung-{args.phase}"
    write_file(folder / f"{name}.html", html)
    print(f"Bogen geschrieben: {folder / (name + '.html')}")
    if not args.kein_pdf:
        print(f"PDF geschrieben: {print_html(html, folder / (name + '.pdf'), private=False)}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rueckmeldung", help="Rückmeldebogen in Leichter Sprache nach Erprobung, Kurs oder Wechsel (HTML und PDF)")
    p.add_argument("--phase", choices=PHASES, default="erprobung", help="wonach gefragt wird (Standard: erprobung)")
    p.add_argument("--kein-pdf", action="store_true", help="nur die HTML-Datei schreiben")
    add_out(p, "Ordner (Standard: ausgabe/ im Daten-Repository)")
    p.set_defaults(run=run)
