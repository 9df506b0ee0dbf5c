"""Standalone HTML documents for data protection: employer briefing, Art. 15 export.

Unlike the site renderers these write complete, self-contained HTML files
(inline CSS, no scripts, no external resources) meant to be printed or
handed over. Autoescape is on and undefined variables fail loudly.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..views.briefing import BriefingContext
from ..views.export import ExportContext
from .csp import DOCUMENT_CSP

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def date_de(value: dt.date | None) -> str:
    """``2026-11-22`` → ``22.11.2026`` (``–`` for none)."""
    return "–" if value is None else f"{value.day:02d}.{value.month:02d}.{value.year}"


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES / "privacy"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date_de"] = date_de
    env.globals["document_csp"] = DOCUMENT_CSP
    return env


def render_briefing(ctx: BriefingContext) -> str:
    """The printable employer briefing page."""
    return _env().get_template("briefing.html.j2").render(ctx=ctx)


def render_export(ctx: ExportContext) -> str:
    """The subject-access export as one self-contained HTML page."""
    return _env().get_template("export.html.j2").render(ctx=ctx)
