"""The monthly service statement as CSV (accounting) and as a printable HTML page."""

from __future__ import annotations

import csv
import io
from functools import cache

from jinja2 import Environment

from ..views.nachweis import (
    FLAG_NO_APPROVAL,
    FLAG_OVER,
    FLAG_UNDER,
    UNDER_SHARE,
    StatementContext,
)
from .jinja import make_environment

CSV_HEADER = ("Kennung", "Maßnahme", "Aktenzeichen", "Bewilligt ab", "Bewilligt bis", "Minuten unmittelbar", "Minuten mittelbar",
              "Minuten indirekt", "Minuten gesamt", "Umfang Minuten", "Abgleich", "davon Gruppe anteilig")
FLAG_CLASSES = {FLAG_OVER: "flag-over", FLAG_UNDER: "flag-under", FLAG_NO_APPROVAL: "flag-none"}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to a spreadsheet program (OWASP: CSV injection)."""


def cell(value: object) -> object:
    """A text cell made inert: one starting like a formula gets a leading apostrophe (OWASP's advice;
    spreadsheet programs then show the text as typed). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def statement_csv(ctx: StatementContext) -> str:
    """Semicolon-separated (German spreadsheets), one row per case and approval, ISO dates; no cell is a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in ctx.rows:
        writer.writerow(tuple(map(cell, (r.case_id, r.measure, r.file_ref, r.start.isoformat() if r.start else "", r.end.isoformat() if r.end else "",
                                         r.direct, r.mediate, r.indirect, r.total, "" if r.scope is None else r.scope, r.flag, r.group))))
    return out.getvalue()


EXCEL_BOM = "\ufeff"
"""German Excel reads a CSV as UTF-8 only with a byte order mark (without it 'Maßnahme' turns into 'MaÃŸnahme')."""


def statement_csv_file(ctx: StatementContext) -> str:
    """The CSV file as German Excel opens it by double-click: UTF-8 with BOM, ';' between the columns."""
    return EXCEL_BOM + statement_csv(ctx)


@cache
def _env() -> Environment:
    return make_environment("nachweis", keep_trailing_newline=True)


def statement_html(ctx: StatementContext) -> str:
    return _env().get_template("nachweis.html.j2").render(ctx=ctx, flags=FLAG_CLASSES, under=UNDER_SHARE)
