"""The application folder (Bewerbungsmappe) as one printable, self-contained HTML page."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment

from ..views.bewerbung import MappeContext
from .jinja import make_environment
from .profile_chart import profile_figure


@cache
def _env() -> Environment:
    env = make_environment("bewerbung")
    env.globals["profile_figure"] = profile_figure
    return env


def render_mappe(ctx: MappeContext) -> str:
    """The folder's HTML (inline CSS, no scripts, a no-load Content-Security-Policy)."""
    return _env().get_template("mappe.html.j2").render(ctx=ctx)
