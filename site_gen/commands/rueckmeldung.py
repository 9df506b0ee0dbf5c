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
    from ..out_folder import out_dir
    from ..render.easy_documents import render_questionnaire
    from ..site.printing import write_blank_form
    from ..views.feedback import questionnaire

    html = render_questionnaire(questionnaire(FeedbackPhase(args.phase)))
    folder = out_dir(args.root, args.out)
    name = f"rueckmeldung-{args.phase}"
    html_file, *pdf = write_blank_form(folder, name, html, pdf=not args.kein_pdf)
    print(f"Bogen geschrieben: {html_file}")
    for path in pdf:
        print(f"PDF geschrieben: {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rueckmeldung", help="Rückmeldebogen in Leichter Sprache nach Erprobung, Kurs oder Wechsel (HTML und PDF)")
    p.add_argument("--phase", choices=PHASES, default="erprobung", help="wonach gefragt wird (Standard: erprobung)")
    p.add_argument("--kein-pdf", action="store_true", help="nur die HTML-Datei schreiben")
    add_out(p, "Ordner (Standard: ausgabe/ im Daten-Repository)")
    p.set_defaults(run=run)
