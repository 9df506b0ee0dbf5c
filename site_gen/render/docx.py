"""Write a report (:class:`~site_gen.views.bericht_blocks.ReportContent`) as an editable .docx.

The document starts from a template: the organisation's own (letterhead,
headers, footers, styles) or the default shipped in ``templates/bericht/``.
The template's body is replaced; its sections, headers and footers stay.
Each statement's sources become a margin comment ("Quelle: …") the coach
checks and then deletes before sending. Gaps are highlighted in yellow.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from ..findings import UserError
from ..views.bericht_blocks import Gap, Note, ReportContent, Row, Source, Statement, Table, day

DEFAULT_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "bericht" / "vorlage.docx"
AUTHOR = "site-gen"
GAP_PREFIX = "[Vom Jobcoach auszufüllen] "
STYLES = {"title": "Title", "h1": "Heading 1", "bullet": "List Bullet", "table": "Table Grid", "caption": "Caption"}


def source_lines(file: str, sources: tuple[Source, ...]) -> str:
    """The text of one margin comment: one line per record field."""
    return "Quelle:\n" + "\n".join(f"{s.file or file} › {s.path} = {day(s.date)}" for s in sources)


def open_template(path: Path | None) -> Document:
    """The template as a fresh document with an empty body (UserError when unreadable)."""
    target = path or DEFAULT_TEMPLATE
    try:
        doc = docx.Document(io.BytesIO(target.read_bytes()))
    except FileNotFoundError:
        raise UserError(f"REPORT-TEMPLATE-MISSING Die Berichtsvorlage '{target}' gibt es nicht.",
                        "In organisation.yaml unter 'report_template' den Pfad relativ zum Daten-Repository angeben, oder die Angabe löschen.") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UserError(f"REPORT-TEMPLATE-BROKEN Die Berichtsvorlage '{target}' ist keine lesbare Word-Datei (.docx).",
                        "Die Vorlage in Word oder LibreOffice als .docx speichern (nicht .doc oder .dotx).") from None
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return doc


def _style_ids(doc: Document) -> dict[str, str]:
    """Style ids for the keys of :data:`STYLES` the template has (a team template may lack some).

    Looked up once per document: python-docx resolves a style name by scanning
    every style each time, which made a draft ten times slower.
    """
    by_name = {s.name: s.style_id for s in doc.styles}
    return {key: by_name[name] for key, name in STYLES.items() if name in by_name}


def _para(doc: Document, ids: dict[str, str], text: str = "", key: str | None = None) -> Paragraph:
    p = doc.add_paragraph(text)
    if key in ids:
        p._p.get_or_add_pPr().style = ids[key]
    return p


def _cite(doc: Document, paragraph: Paragraph, file: str, sources: tuple[Source, ...]) -> None:
    if sources and paragraph.runs:
        doc.add_comment(paragraph.runs, text=source_lines(file, sources), author=AUTHOR, initials="SG")


def _table(doc: Document, ids: dict[str, str], block: Table, file: str) -> None:
    if block.caption:
        _para(doc, ids, block.caption, "caption").paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=len(block.header))
    if "table" in ids:
        table._tbl.tblPr.style = ids["table"]
    # The heading row repeats on every page and never stands alone at a page's foot (issue 25: the placements'
    # heading ended page 1, its only row began page 2); no row splits across pages.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    for row in block.rows:
        new = table.add_row()
        new._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        _row(doc, new.cells, row, file)
    doc.add_paragraph()


def _row(doc: Document, cells: list, row: Row, file: str) -> None:
    for cell, text in zip(cells, row.cells):
        cell.text = text
    _cite(doc, cells[0].paragraphs[0], file, row.sources)


def render_docx(content: ReportContent, template: Path | None = None) -> bytes:
    """The .docx bytes of ``content`` on ``template`` (default: the shipped one)."""
    doc = open_template(template)
    ids = _style_ids(doc)
    props = doc.core_properties
    props.title, props.author, props.subject = content.title, AUTHOR, "Entwicklungsbericht (Entwurf)"
    props.comments = props.keywords = props.category = ""
    props.last_modified_by = AUTHOR
    _para(doc, ids, f"Entwicklungsbericht – Entwurf ({content.case_id})", "title")
    _para(doc, ids, f"Berichtszeitraum {day(content.period[0])} bis {day(content.period[1])}. "
                      "Die Randnotizen nennen zu jeder Angabe die Quelle in der Akte (Feld und Datum): "
                      "bitte prüfen und vor dem Versand löschen. Gelb markierte Stellen schreibt der Jobcoach.")
    for section in content.sections:
        if "h1" in ids:
            _para(doc, ids, section.title, "h1")
        else:
            doc.add_paragraph().add_run(section.title).bold = True
        for block in section.blocks:
            if isinstance(block, Statement):
                p = _para(doc, ids, block.text, "bullet" if block.bullet else None)
                _cite(doc, p, content.file, block.sources)
            elif isinstance(block, Table):
                _table(doc, ids, block, content.file)
            elif isinstance(block, Gap):
                run = doc.add_paragraph().add_run(GAP_PREFIX + block.prompt)
                run.bold = True
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            elif isinstance(block, Note):
                doc.add_paragraph(block.text).runs[0].italic = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
