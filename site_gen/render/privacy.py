"""Standalone HTML documents for data protection: employer briefing, Art. 15 export.

Unlike the site renderers these write complete, self-contained HTML files
(inline CSS, no scripts, no external resources) meant to be printed or
handed over. Autoescape is on and undefined variables fail loudly.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment
from markupsafe import Markup, escape

from ..views.briefing import BriefingContext
from ..views.export import ExportContext
from .jinja import make_environment


ID_IN_BRACKETS = re.compile(r"\(([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\)")
"""A record's, a coach's or a purpose's id after its name: ``Hotel Seeblick am Fleet (ap-0005)``, ``(jc-nord-1)``."""


def whole_ids(value: object) -> Markup:
    """``value`` escaped, each id in brackets kept on one line (a narrow column would break ``(ap-`` / ``0005)``
    at its hyphen); the text itself stays as it is, so it copies and searches as the id."""
    return Markup(ID_IN_BRACKETS.sub(r'<span class="id">(\1)</span>', str(escape(value))))


@cache
def _env() -> Environment:
    env = make_environment("privacy", keep_trailing_newline=True)
    env.filters["whole_ids"] = whole_ids
    return env


def render_briefing(ctx: BriefingContext) -> str:
    """The printable employer briefing page."""
    return _env().get_template("briefing.html.j2").render(ctx=ctx)


def render_export(ctx: ExportContext) -> str:
    """The subject-access export as one self-contained HTML page."""
    return _env().get_template("export.html.j2").render(ctx=ctx)
