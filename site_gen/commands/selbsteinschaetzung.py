"""``site-gen selbsteinschaetzung [--stufen 3|5] [--out ORDNER]``: the blank self-assessment form in Leichte Sprache.

The person rates the same catalogue items as the coach's ability profile, on a
picture scale with three or five faces; HTML and A4 PDF to print and fill in by
hand or together. The answers go into the case as an ability profile with
``instrument: selbsteinschaetzung`` and the case's id as ``assessor`` (three
pictures stand for 1, 3 and 5).
"""

from __future__ import annotations

import argparse

from .options import add_out


def run(args: argparse.Namespace) -> int:
    from ..out_folder import out_dir
    from ..records.dataset import load_dataset
    from ..render.easy_documents import render_form
    from ..site.printing import write_blank_form
    from ..views.self_assessment import form_context

    ds = load_dataset(args.root, only=[])
    html = render_form(form_context(ds, args.stufen))
    folder = out_dir(args.root, args.out)
    name = f"selbsteinschaetzung-{args.stufen}-stufen"
    html_file, *pdf = write_blank_form(folder, name, html, pdf=not args.kein_pdf)
    print(f"Bogen geschrieben: {html_file}")
    for path in pdf:
        print(f"PDF geschrieben: {path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selbsteinschaetzung", help="Bogen zur Selbsteinschätzung in Leichter Sprache mit Bildskala (HTML und PDF)")
    p.add_argument("--stufen", type=int, choices=(3, 5), default=3, help="Bildskala mit 3 oder 5 Gesichtern (Standard: 3)")
    p.add_argument("--kein-pdf", action="store_true", help="nur die HTML-Datei schreiben")
    add_out(p, "Ordner (Standard: ausgabe/ im Daten-Repository)")
    p.set_defaults(run=run)
