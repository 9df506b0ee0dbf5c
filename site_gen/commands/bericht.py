"""``site-gen bericht CASE``: draft the development report (Entwicklungsbericht) as .docx, optionally PDF.

Only with a live consent ``bericht-kostentraeger`` (see
:mod:`site_gen.views.report_scope`); the period defaults to the current cost
approval. Prints only the paths written, never a personal value.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from .options import add_out, add_today, parse_date


def run(args: argparse.Namespace) -> int:
    from ..dataset import load_dataset
    from ..errors import UserError
    from ..output import write_private
    from ..outputs import out_file
    from ..render.docx import report_draft
    from ..render.pdf import convert

    data, period = report_draft(load_dataset(args.root), args.case, args.today, args.von, args.bis)
    target = out_file(args.root, args.out, f"entwicklungsbericht-{args.case}-{period[1].isoformat()}.docx")
    if target.suffix.lower() != ".docx":
        raise UserError("REPORT-OUT-SUFFIX Die Zieldatei muss auf .docx enden.", "Zum Beispiel --out bericht.docx; mit --pdf entsteht daneben bericht.pdf.")
    written = write_private(target, data)
    print(f"Entwurf des Entwicklungsberichts geschrieben: {target}")
    if args.pdf:
        with tempfile.TemporaryDirectory(prefix="site-gen-pdf-") as tmp:
            write_private(written.with_suffix(".pdf"), convert(written, Path(tmp)).read_bytes())
        print(f"PDF geschrieben: {target.with_suffix('.pdf')}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bericht", help="Entwurf des Entwicklungsberichts für den Kostenträger (.docx, auf Wunsch PDF; nur mit Einwilligung)")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--von", type=parse_date, default=None, help="Beginn des Berichtszeitraums JJJJ-MM-TT (Standard: Beginn der aktuellen Kostenzusage)")
    p.add_argument("--bis", type=parse_date, default=None, help="Ende des Berichtszeitraums JJJJ-MM-TT (Standard: Ende der aktuellen Kostenzusage)")
    add_out(p, "Zieldatei .docx oder vorhandener Ordner (Standard: ausgabe/entwicklungsbericht-AKTE-ENDE.docx im Daten-Repository)")
    p.add_argument("--pdf", action="store_true", help="Zusätzlich ein PDF daneben schreiben (braucht LibreOffice)")
    add_today(p, "für Einwilligungen und Zeitraum")
    p.set_defaults(run=run)
