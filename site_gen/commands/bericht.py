"""``site-gen bericht CASE``: draft the development report (Entwicklungsbericht) as .docx, optionally PDF.

Only with a live consent ``bericht-kostentraeger`` (see
:mod:`site_gen.views.bericht_scope`); the period defaults to the current cost
approval. Prints only the paths written, never a personal value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .options import add_out, add_today, parse_date

if TYPE_CHECKING:
    from ..records.dataset import Dataset


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..out_folder import out_file
    from ..output import write_private
    from ..records.dataset import load_dataset
    from ..site.pdf import convert

    data, period = draft(load_dataset(args.root), args.case, args.today, args.von, args.bis)
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


def draft(ds: Dataset, case_id: str, today: dt.date, start: dt.date | None = None,
                 end: dt.date | None = None) -> tuple[bytes, tuple[dt.date, dt.date]]:
    """The .docx bytes and the period of one case's report draft (on the organisation's template, if it names one).

    The report is built from the consent-filtered dataset, like every internal page.
    """
    from ..domain.retention import refuse_past_retention
    from ..render.docx import render_docx
    from ..views.bericht import report_content
    from ..views.consented import consented_dataset

    refuse_past_retention(ds, case_id, today)
    content = report_content(consented_dataset(ds, today), case_id, today, start, end)
    rel = ds.organisation.report_template if ds.organisation else None
    return render_docx(content, (ds.root / rel) if rel else None), content.period


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bericht", help="Entwurf des Entwicklungsberichts für den Kostenträger (.docx, auf Wunsch PDF; nur mit Einwilligung)")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--von", type=parse_date, default=None, help="Beginn des Berichtszeitraums JJJJ-MM-TT (Standard: Beginn der aktuellen Kostenzusage)")
    p.add_argument("--bis", type=parse_date, default=None, help="Ende des Berichtszeitraums JJJJ-MM-TT (Standard: Ende der aktuellen Kostenzusage)")
    add_out(p, "Zieldatei .docx oder vorhandener Ordner (Standard: ausgabe/entwicklungsbericht-AKTE-ENDE.docx im Daten-Repository)")
    p.add_argument("--pdf", action="store_true", help="Zusätzlich ein PDF daneben schreiben (braucht LibreOffice)")
    add_today(p, "für Einwilligungen und Zeitraum")
    p.set_defaults(run=run)
