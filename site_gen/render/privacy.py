"""Standalone HTML documents for data protection: employer briefing, Art. 15 export.

Unlike the site renderers these write complete, self-contained HTML files
(inline CSS, no scripts, no external resources) meant to be printed or
handed over. Autoescape is on and undefined variables fail loudly.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment

from ..views.briefing import BriefingContext
from ..views.export import ExportContext
from .jinja import make_environment


@cache
def _env() -> Environment:
    return make_environment("privacy", keep_trailing_newline=True)


def render_briefing(ctx: BriefingContext) -> str:
    """The printable employer briefing page."""
    return _env().get_template("briefing.html.j2").render(ctx=ctx)


def render_export(ctx: ExportContext) -> str:
    """The subject-access export as one self-contained HTML page."""
    return _env().get_template("export.html.j2").render(ctx=ctx)
