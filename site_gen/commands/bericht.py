"""``site-gen bericht CASE``: draft the development report (Entwicklungsbericht) as .docx, optionally PDF.

Only with a live consent ``bericht-kostentraeger`` (see
:mod:`site_gen.views.report_scope`); the period defaults to the current cost
approval. Prints only the paths written, never a personal value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from ..dataset import Dataset, load_dataset
from ..findings import UserError
from ..output import write_private
from ..render.docx import render_docx
from ..render.pdf import convert
from ..views.consented import consented_dataset
from ..views.report import report_content
from .check import parse_date


def template_path(ds: Dataset) -> Path | None:
    """The organisation's own template (relative to the records repository), if it names one."""
    rel = ds.organisation.report_template if ds.organisation else None
    return (ds.root / rel) if rel else None


def draft(ds: Dataset, case_id: str, today: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> tuple[bytes, tuple[dt.date, dt.date]]:
    """The .docx bytes and the period of one case's report draft."""
    content = report_content(consented_dataset(ds, today), case_id, today, start, end)
    return render_docx(content, template_path(ds)), content.period


def run(root: Path, case_id: str, start: dt.date | None, end: dt.date | None, out: Path | None, pdf: bool, today: dt.date) -> int:
    ds = load_dataset(root)
    data, period = draft(ds, case_id, today, start, end)
    target = out or Path(f"entwicklungsbericht-{case_id}-{period[1].isoformat()}.docx")
    if target.suffix.lower() != ".docx":
        raise UserError("REPORT-OUT-SUFFIX Die Zieldatei muss auf .docx enden.", "Zum Beispiel --out bericht.docx; mit --pdf entsteht daneben bericht.pdf.")
    written = write_private(target, data)
    print(f"Entwurf des Entwicklungsberichts geschrieben: {target}")
    if pdf:
        with tempfile.TemporaryDirectory(prefix="site-gen-pdf-") as tmp:
            made = convert(written, Path(tmp))
            pdf_target = written.with_suffix(".pdf")
            write_private(pdf_target, made.read_bytes())
        print(f"PDF geschrieben: {target.with_suffix('.pdf')}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bericht", help="Entwurf des Entwicklungsberichts für den Kostenträger (.docx, auf Wunsch PDF; nur mit Einwilligung)")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--von", type=parse_date, default=None, help="Beginn des Berichtszeitraums JJJJ-MM-TT (Standard: Beginn der aktuellen Kostenzusage)")
    p.add_argument("--bis", type=parse_date, default=None, help="Ende des Berichtszeitraums JJJJ-MM-TT (Standard: Ende der aktuellen Kostenzusage)")
    p.add_argument("--out", type=Path, default=None, help="Zieldatei .docx (Standard: entwicklungsbericht-AKTE-ENDE.docx)")
    p.add_argument("--pdf", action="store_true", help="Zusätzlich ein PDF daneben schreiben (braucht LibreOffice)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT für Einwilligungen und Zeitraum")
    p.set_defaults(run=lambda a: run(a.root, a.case, a.von, a.bis, a.out, a.pdf, a.today or dt.date.today()))
