"""The subsidy information sheet for an employer as a standalone HTML page and as an editable .docx.

The .docx uses the shipped report template (the organisation's own when
``report_template`` names one), like the Entwicklungsbericht (:mod:`site_gen.render.docx`).
"""

from __future__ import annotations

import io
from pathlib import Path

from ..views.subsidy import SheetContext
from .docx import AUTHOR, _para, _style_ids, open_template
from .jinja import date_de
from .privacy import _env

DISCLAIMER = ("Dieses Blatt gibt einen Überblick und ersetzt keine Beratung. Ob und in welcher Höhe gefördert wird, "
              "entscheidet die genannte Stelle im Einzelfall.")
CALL_US = ("Wir helfen bei den Anträgen und klären mit Ihnen, was im Einzelfall passt. Unabhängig beraten Sie auch die "
           "Einheitlichen Ansprechstellen für Arbeitgeber (EAA) in Ihrem Bundesland.")


def render_sheet_html(ctx: SheetContext) -> str:
    """The sheet as one self-contained, printable HTML page."""
    return _env().get_template("foerderung.html.j2").render(ctx=ctx)


def _heading(doc: object, ids: dict[str, str], text: str) -> None:
    if "h1" in ids:
        _para(doc, ids, text, "h1")  # type: ignore[arg-type]
    else:
        doc.add_paragraph().add_run(text).bold = True  # type: ignore[attr-defined]


def render_sheet_docx(ctx: SheetContext, template: Path | None = None) -> bytes:
    """The sheet as .docx bytes on ``template`` (default: the shipped one)."""
    doc = open_template(template)
    ids = _style_ids(doc)
    props = doc.core_properties
    props.title, props.author, props.subject = f"Förderung: {ctx.kind}", AUTHOR, f"Förderblatt für {ctx.company}"
    props.comments = props.keywords = props.category = ""
    props.last_modified_by = AUTHOR
    _para(doc, ids, f"{ctx.kind}: Unterstützung und Förderung für Ihren Betrieb", "title")
    doc.add_paragraph(f"Für {ctx.company} · Stand der Angaben: {date_de(ctx.stand)}").runs[0].italic = True
    _heading(doc, ids, "Was heißt das für Sie?")
    doc.add_paragraph(ctx.meaning)
    _heading(doc, ids, "Welche Unterstützung und welches Geld es gibt")
    for s in ctx.supports:
        p = doc.add_paragraph()
        p.add_run(f"{s.title} ({s.law})").bold = True
        doc.add_paragraph(s.text)
        p = doc.add_paragraph()
        p.add_run("Wer entscheidet: ").bold = True
        p.add_run(s.decides)
        doc.add_paragraph(f"Quelle: {s.source} · Stand: {date_de(s.stand)}").runs[0].italic = True
    _heading(doc, ids, "Wen Sie anrufen")
    doc.add_paragraph((f"{ctx.contact}, " if ctx.contact else "") + f"Jobcoach-Team {ctx.team}, Telefon {ctx.team_phone}, E-Mail {ctx.team_email}")
    doc.add_paragraph(CALL_US)
    doc.add_paragraph(DISCLAIMER).runs[0].italic = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
