"""Jinja2 environment shared by the site renderers.

Templates write Markdown (with a few raw HTML blocks) for mkdocs-material.
Every value printed with ``{{ … }}`` passes :func:`finalize`: text is
escaped for HTML *and* Markdown (see :func:`md_escape`), so record text can
never become markup, a link or a script. Only :class:`markupsafe.Markup`
values built by our own code (charts, formatted dates) pass unchanged.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from typing import Any

from jinja2 import Environment
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup

from .jinja import TEMPLATES, make_environment  # noqa: F401 (TEMPLATES: site.mkdocs finds its default config there)

# HTML specials become entities; Markdown specials that work anywhere in a
# line become numeric entities, which Python-Markdown keeps as literal text in
# every context (inline, tables, headings), unlike backslash escapes that only
# work for some characters. Block markers (-, +, digits with '.', '>' …) only
# matter at the start of a line: the first character is escaped there.
_ESCAPES: dict[int, str | None] = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]|#"}
_ESCAPES.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"})
_ESCAPES.update({ord("\r"): None, ord("\t"): " "})
_BLOCK_START = frozenset("-+=.:!()0123456789~^$")


_markup = str.__new__
"""``Markup`` from a ``str`` we escaped ourselves, without Markup's own checks (a quarter of the cost)."""


def md_escape(text: str) -> Markup:
    """Escape ``text`` for Markdown and HTML; line breaks become ``<br>``.

    The result is a single line, so it is safe inside table cells and cannot
    start a block (heading, list, code block, raw HTML).
    """
    text = text.strip()
    if text.isalnum():  # names, ids without hyphen, words: nothing to escape
        return _markup(Markup, text)
    if text and text[0] in _BLOCK_START:
        text = f"&#{ord(text[0])};" + text[1:].translate(_ESCAPES)
    else:
        text = text.translate(_ESCAPES)
    if "\n" in text:
        text = "<br>".join(line.strip() for line in text.split("\n"))
    return _markup(Markup, text)


def date_de(value: dt.date | None) -> Markup:
    """``2026-11-22`` → ``22.11.2026`` (``–`` for none)."""
    return Markup("–" if value is None else f"{value.day:02d}.{value.month:02d}.{value.year}")


def number_de(value: float, digits: int = 1) -> Markup:
    """German decimal comma, e.g. ``34,5``."""
    text = f"{value:.{digits}f}".replace(".", ",")
    return Markup(text)


def link(target: Any, page: str) -> Markup:
    """A Markdown link from ``page`` to a :class:`~site_gen.views.internal.Link` (text only if it has no target)."""
    if not target.target:
        return md_escape(target.text)
    return Markup(f"[{md_escape(target.text)}]({'../' * page.count('/')}{target.target})")


def href(target: Any, page: str) -> Markup:
    """The URL of a Link's page as seen from ``page``, for raw HTML blocks (``.md`` → ``.html``)."""
    return Markup(f"{'../' * page.count('/')}{target.target[:-3]}.html")


def code(value: Any) -> Markup:
    """Text as inline code: ``<code>`` with the text escaped like ``{{ … }}`` (a Markdown code span would show
    the entities literally, e.g. ``&#95;``), breakable after each ``/`` so a path wraps between its folders."""
    return _markup(Markup, "<code>" + str.replace(md_escape(str(value)), "/", "/<wbr>") + "</code>")


def join_escaped(items: Any, sep: str = "") -> Markup:
    """``join`` that escapes each item like ``{{ … }}`` does (Jinja's own only escapes HTML)."""
    return Markup(sep).join(finalize(item) for item in items)


def finalize(value: Any) -> Any:
    """Applied to every ``{{ … }}`` output (see module doc)."""
    if type(value) is str:  # the common case first
        return md_escape(value)
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("–")
    if isinstance(value, bool):
        return Markup("ja" if value else "nein")
    if isinstance(value, dt.date):
        return date_de(value)
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (int, float)):
        return Markup(str(value))
    return md_escape(str(value))


class _FinalizeEscapes(CodeGenerator):
    """Compiles ``{{ x }}`` to ``finalize(x)`` instead of ``escape(finalize(x))``.

    :func:`finalize` returns :class:`Markup` for every value, escaped more
    strictly than HTML needs, so Jinja's own ``escape`` around it could only
    copy it again (a third of the render's escaping time). Autoescape stays on
    for everything else (macros, ``caller()``, filters that return text).
    """

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is not None:
            self.write("(" + finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


@cache
def environment(site: str) -> Environment:
    """The Jinja2 environment for one site's templates (``templates/<site>``)."""
    env = make_environment(site, finalize=finalize, keep_trailing_newline=True)
    env.code_generator_class = _FinalizeEscapes
    env.filters.update(date=date_de, num=number_de, md=md_escape, link=link, href=href, join=join_escaped, code=code)
    return env
