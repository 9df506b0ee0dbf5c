"""``site-gen mein-weg CASE [--out ORDNER]``: the person's own booklet "Mein Weg" in Leichte Sprache (HTML and PDF).

Goals in the person's words, the steps so far, what comes next, coach and
deputy and how to reach the team, the consents and how to withdraw them. The
written booklet is checked with the job board's easy-language rules (as
``site-gen leicht``): an error — say a goal written in office German — is
printed with its line, and the exit code is 1.
"""

from __future__ import annotations

import argparse

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    import sys

    from ..checking.reporter import report
    from ..checking.rules.easy_language import names_of
    from ..findings import Severity
    from ..out_folder import out_dir
    from ..site.my_way import booklet_context, write_booklet
    from ..texts.check import check_file, organisation_names

    ctx = booklet_context(args.root, args.case, args.today)
    folder = out_dir(args.root, args.out)
    written = write_booklet(ctx, folder, f"mein-weg-{args.case}", pdf=not args.kein_pdf)
    for path in written:
        print(f"Geschrieben: {path}")
    names = organisation_names(args.root) | names_of(ctx.first_name, ctx.coach, ctx.deputy, ctx.location)
    findings = [f for f in check_file(written[0], written[0].name, args.root, names) if f.severity is not Severity.INFO]
    if any(f.severity is Severity.ERROR for f in findings):
        report(findings, 1, "text", sys.stderr)
        print("Das Heft ist noch nicht in Leichter Sprache: die Texte mit der Person zusammen neu schreiben "
              "(Ziele in der Akte unter 'goals').", file=sys.stderr)
        return 1
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mein-weg", help="Das Heft „Mein Weg“ für die Person in Leichter Sprache (HTML und PDF)")
    p.add_argument("case", help="Kennung der Akte")
    p.add_argument("--kein-pdf", action="store_true", help="nur die HTML-Datei schreiben")
    add_out(p, "Ordner (Standard: ausgabe/ im Daten-Repository)")
    add_today(p, "für Einwilligungen und Termine")
    p.set_defaults(run=run)
