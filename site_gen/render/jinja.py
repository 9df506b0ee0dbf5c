"""The one Jinja2 environment factory: every template of every output goes through it.

Same rules everywhere: autoescape on (file and string templates), undefined
variables fail loudly, blocks trimmed, templates from ``site_gen/templates/<folder>``.
Renderers add their own filters (the internal site's Markdown escaping, the
job board's dates in Leichte Sprache) on top of the shared ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .csp import DOCUMENT_CSP

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def date_de(value: dt.date | None) -> str:
    """``2026-11-22`` → ``22.11.2026`` (``–`` for none)."""
    return "–" if value is None else f"{value.day:02d}.{value.month:02d}.{value.year}"


def make_environment(folder: str, *, finalize: Callable[[Any], Any] | None = None, trim: bool = True,
                     keep_trailing_newline: bool = False) -> Environment:
    """A fresh environment for ``templates/<folder>``; callers cache it.

    ``finalize`` is applied to every ``{{ … }}`` (the internal site escapes Markdown
    there); ``trim`` removes block whitespace; ``keep_trailing_newline`` keeps the
    file's last newline (documents written as files).
    """
    env = Environment(loader=FileSystemLoader(str(TEMPLATES / folder)), autoescape=True, undefined=StrictUndefined,
                      finalize=finalize, trim_blocks=trim, lstrip_blocks=trim, keep_trailing_newline=keep_trailing_newline,
                      auto_reload=False)
    env.filters["date_de"] = date_de
    env.globals["document_csp"] = DOCUMENT_CSP
    return env
