"""MkDocs hooks: the thin adapter between mkdocs and the site generator.

The generator (``site_gen.views``, ``site_gen.render``) knows nothing of
mkdocs. These hooks only guard what must hold for an internal site, so that
even a hand-run ``mkdocs build -f <staging>/mkdocs.yml`` cannot break it:

* ``on_config``: no web fonts, no ``repo_url``, no lunr search, no social cards;
* ``on_post_page``: no page loads anything from another host (a warning, which
  the strict build turns into a failure).

Two speed-ups. Markdown skips the inline patterns our pages never use
(:mod:`site_gen.site.markdown_speed`). And generated raw HTML (SVG charts, figure tables, details
blocks), each written on one line, and tables whose cells hold plain text
are set aside before Markdown runs and put back afterwards (the tables as
the exact HTML Markdown would make of them). Python-Markdown would otherwise run its HTML parser over
every tag of it (and mkdocs once more to collect ids) for the same output —
most of a dossier's build time. Lines with an ``id`` stay, so anchor checks
still see them; without this hook the pages still build, only slower.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

from site_gen.site.internal_pages import RECORD_PAGE

SPEED = "site_gen.site.markdown_speed"
"""The same HTML with less inline work (see that module)."""

log = logging.getLogger("mkdocs.plugins.site_gen")

FORBIDDEN_PLUGINS = ("search", "social", "privacy", "blog", "rss", "git-revision-date-localized", "git-committers")
_EXTERNAL = re.compile(r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*?\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//", re.I)


def on_config(config: Any) -> Any:
    """Refuse settings that would make a page call a third party or leak the site."""
    problems = []
    if config.theme.get("font") not in (False, None):
        problems.append("theme.font muss false sein (keine Web-Schriften von fremden Servern)")
    if config.repo_url:
        problems.append("repo_url darf nicht gesetzt sein (die Seite würde GitHub/GitLab abfragen)")
    used = [name for name in config.plugins if name.split("/")[-1] in FORBIDDEN_PLUGINS]
    if used:
        problems.append("diese Plugins sind nicht erlaubt: " + ", ".join(used) + " (Suche läuft über Pagefind)")
    if problems:
        raise PluginError("Interne Seite: " + "; ".join(problems) + ".")
    config.markdown_extensions.append(SPEED)
    return config




def on_files(files: Any, config: Any) -> Any:
    """Build only what this run must build; the rest is marked excluded (links to it are still checked).

    ``extra.site_gen_skip``: pages whose previous HTML is reused (see
    :mod:`site_gen.site.reuse`). ``extra.site_gen_shard = [k, n]`` (parallel
    build): process k keeps its share of the remaining record pages (:func:`record_shares`); process 0 also
    keeps all other pages.
    """
    skip = frozenset(config.extra.get("site_gen_skip") or ())
    shard = config.extra.get("site_gen_shard")
    if not shard and not skip:
        return files
    from mkdocs.structure.files import InclusionLevel

    k, n = shard or (0, 1)
    pages = [f for f in files.documentation_pages() if f.src_uri not in skip]
    mine = record_shares(pages, n)[k]
    for f in files.documentation_pages():
        is_record = RECORD_PAGE.match(f.src_uri) is not None
        if f.src_uri in skip or (is_record and f.src_uri not in mine) or (not is_record and k != 0):
            f.inclusion = InclusionLevel.EXCLUDED
    return files


OVERVIEW_WEIGHT = 7
"""mkdocs' work per byte of an overview page (tables of links) against a record page (mostly raw HTML): 4.3 measured
per byte; 7 makes the two processes of a 1,000-case build take about the same time (16.0 and 15.0 CPU-s; every k-th
page gave 16.2 and 11.1)."""


def record_shares(pages: list[Any], n: int) -> list[set[str]]:
    """The record pages of each of ``n`` build processes, about equal in work.

    Process 0 also builds every other page, so it starts with their work;
    then the largest record page goes to the process with the least work so
    far. Every process computes the same shares (same files, same sizes).
    Work is estimated by the Markdown's size.
    """
    def size(f: Any) -> int:
        return os.path.getsize(f.abs_src_path)

    records = [f for f in pages if RECORD_PAGE.match(f.src_uri)]
    work = [0] * n
    work[0] = OVERVIEW_WEIGHT * sum(size(f) for f in pages if not RECORD_PAGE.match(f.src_uri))
    shares: list[set[str]] = [set() for _ in range(n)]
    for cost, uri in sorted(((size(f), f.src_uri) for f in records), key=lambda t: (-t[0], t[1])):
        least = min(range(n), key=work.__getitem__)
        shares[least].add(uri)
        work[least] += cost
    return shares


_RAW_LINE = re.compile(r"^<(figure|details|table|div)\b(?![^\n]*\sid=)[^\n]*</\1>[ \t]*$", re.M)
_PLACEHOLDER = re.compile(r"<!--sg-(raw|table)-(\d+)-->(\n\n)?")
"""A set-aside block in Markdown's output. Markdown puts a blank line after a raw block (the placeholder) but
only a line break after a table, so a table's placeholder gives one line break back."""
_TABLE = re.compile(r"(?<=\n\n)(\|[^\n]*\|)[ \t]*\n(\|[ :\-|]+\|)[ \t]*\n((?:\|[^\n]*\|[ \t]*(?:\n|$))*)(?=\n|$)")
_NOT_PLAIN = re.compile(r"[\[\]*_`<>&\\!{}]|  |https?:|www\.")
"""Anything an inline pattern of Python-Markdown could act on: such tables are left to Markdown."""
_ALIGN = {(True, False): ' style="text-align: left;"', (False, True): ' style="text-align: right;"',
          (True, True): ' style="text-align: center;"', (False, False): ""}
_stash: dict[str, list[str]] = {}


_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_STRONG = re.compile(r"\*\*(?! )([^*]+?)(?<! )\*\*")


def _inline(cell: str) -> str | None:
    """A cell's HTML when it holds only plain text, character references and ``**strong**`` runs."""
    if _NOT_PLAIN.search(_ENTITY.sub("", _STRONG.sub(r"\1", cell))):
        return None
    return _STRONG.sub(r"<strong>\1</strong>", cell)


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip()[1:-1].split("|")]


SAFE_EXTENSIONS = frozenset({"tables", "toc", "md_in_html", "fenced_code", "attr_list", "admonition", "def_list", "footnotes",
                             "pymdownx.details", "pymdownx.superfences", SPEED})
"""Extensions that leave plain table text alone (``abbr`` or ``pymdownx.smartsymbols`` would not)."""


def plain_tables_safe(config: Any) -> bool:
    """Whether every Markdown extension leaves plain table text alone (mkdocs always adds toc, tables, fenced_code)."""
    names = [str(e).removeprefix("markdown.extensions.") for e in config.markdown_extensions]
    return set(names) <= SAFE_EXTENSIONS


def _all_plain(cells: list[str | None]) -> list[str] | None:
    plain = [c for c in cells if c is not None]
    return plain if len(plain) == len(cells) else None


def _plain_cells(match: re.Match[str]) -> tuple[list[str], list[str], list[list[str]]] | None:
    """Alignment marks, header cells and body rows of a table whose cells are all plain, else None."""
    head, rule, body = match.group(1), match.group(2), match.group(3)
    if "[" in body or "<" in body or "\\" in body:  # links, inline HTML, escapes: quick way out
        return None
    marks = _cells(rule)
    names = _all_plain([_inline(c) for c in _cells(head)])
    rows = [_all_plain([_inline(c) for c in _cells(line)]) for line in body.splitlines() if line.strip()]
    if names is None or len(marks) != len(names) or not all(set(m) <= {":", "-"} and "-" in m for m in marks):
        return None
    plain_rows = [r for r in rows if r is not None and len(r) == len(names)]
    return (marks, names, plain_rows) if len(plain_rows) == len(rows) else None


def plain_table(match: re.Match[str]) -> str | None:
    """The HTML Python-Markdown's ``tables`` extension makes of a table with plain-text cells, else None."""
    parsed = _plain_cells(match)
    if parsed is None:
        return None
    marks, names, rows = parsed
    align = [_ALIGN[(m.startswith(":"), m.endswith(":"))] for m in marks]
    out = ["<table>\n<thead>\n<tr>\n"]
    out += [f"<th{a}>{n}</th>\n" for a, n in zip(align, names)]
    out.append("</tr>\n</thead>\n<tbody>\n")
    for row in rows:
        out.append("<tr>\n")
        out += [f"<td{a}>{c}</td>\n" for a, c in zip(align, row)]
        out.append("</tr>\n")
    out.append("</tbody>\n</table>")
    return "".join(out)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Set generated raw HTML and plain-text tables aside (restored in on_page_content).

    Raw HTML: each one-line block is replaced by a comment placeholder.
    Tables whose cells hold only plain text (no character any inline pattern
    could act on) are turned into the exact HTML Python-Markdown would make —
    most of a record page's Markdown time went into running every inline
    pattern over every cell (tests compare the pages with and without hooks).
    """
    kept: list[str] = []

    def keep(html: str, kind: str = "raw") -> str:
        kept.append(html)
        return f"<!--sg-{kind}-{len(kept) - 1}-->"

    def table(match: re.Match[str]) -> str:
        html = plain_table(match)
        return match.group(0) if html is None else keep(html, "table") + "\n"

    if plain_tables_safe(config):
        markdown = _TABLE.sub(table, markdown)
    markdown = _RAW_LINE.sub(lambda m: keep(m.group(0)), markdown)
    if kept:
        _stash[page.file.src_uri] = kept
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the raw HTML back."""
    kept = _stash.pop(page.file.src_uri, None)
    if not kept:
        return html

    def restore(m: re.Match[str]) -> str:
        after = m.group(3) or ""
        return kept[int(m.group(2))] + (after[:1] if m.group(1) == "table" else after)

    return _PLACEHOLDER.sub(restore, html)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Any) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Any) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Reuse compiled theme templates across builds in one process.

    The preview (``site-gen serve``) rebuilds a page at a time; compiling
    Material's templates anew took half of each rebuild. mkdocs loads this
    file afresh per build, so the cache lives on the imported package.
    """
    import site_gen

    cache = getattr(site_gen, "_theme_bytecode", None)
    if cache is None:
        cache = _MemoryBytecodeCache()
        site_gen._theme_bytecode = cache  # type: ignore[attr-defined]
    env.bytecode_cache = cache
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Warn (strict: fail) when a page would load a resource from another host."""
    if _EXTERNAL.search(output):
        log.warning("Seite '%s' lädt eine Datei von einem fremden Server.", page.file.src_uri)
    return output
