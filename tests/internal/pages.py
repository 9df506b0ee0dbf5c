"""Page checks of the internal site: one Chromium load per page and view, every check on it, results shared.

Each page check (axe, words broken inside a syllable, headings and charts, chart text, overflow, reflow) is registered in
:data:`PAGE_CHECKS`, the one place to add another. :func:`swept` loads a page once per view (scheme and
window width), runs every check registered for that view in order and keeps the results as JSON in the
session's shared folder (``built_once``: a file lock), so each test of one rule on one page kind asserts on
the same load, whichever xdist worker asks first. A check that raises fails only the tests of that check
(its traceback is the result), never the other checks of the page.

Page kinds are found in the built demo site, not listed: every top-level page, and per folder the index plus
one page per kind of file name (``tn-*``, ``standort-*``, the rest), the largest of each kind (the most
sections filled), so pages that other features add later are covered without touching the tests.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser import COLOUR_RULES, axe_violations, shared_page
from tests.conftest import built_once

SKIP_FOLDERS = {"assets", "pagefind", "search", "admin"}  # admin/: the vendored editor (Decap), see tests/cms
VIEWS = {"1280": ("default", 1280), "390": ("default", 390), "dunkel-1280": ("slate", 1280)}
"""View name → (colour scheme of the site, window width); the window is 900 px high."""
REFLOW_WIDTHS = (640, 320)  # 640 CSS px: a 1280 px window at 200 % zoom
SETTLED = "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"
"""Fonts loaded and two frames drawn: the page's load and resize handlers (ResizeObserver) have run."""


def page_kinds(site: Path) -> dict[str, str]:
    """{kind: page} for the built site: top-level pages, and per folder index + one page per name prefix."""
    kinds: dict[str, str] = {}
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] in SKIP_FOLDERS:
            continue
        if len(rel.parts) == 1 or rel.name == "index.html":
            kinds[rel.as_posix()] = rel.as_posix()
            continue
        folder = "/".join(rel.parts[:-1])
        prefix = rel.stem.split("-")[0]
        groups[f"{folder}/{prefix}-*"].append(path)
    rest: dict[str, list[Path]] = defaultdict(list)
    for kind, paths in groups.items():
        if len(paths) > 1:
            kinds[kind] = max(paths, key=lambda p: p.stat().st_size).relative_to(site).as_posix()
        else:  # names without a shared prefix (people, help pages): one kind per folder
            rest[kind.rsplit("/", 1)[0] + "/*"].extend(paths)
    for kind, paths in rest.items():
        kinds[kind] = max(paths, key=lambda p: p.stat().st_size).relative_to(site).as_posix()
    return kinds


EXPECTED = {"index.html", "suche.html", "fristen.html", "formate.html", "akten/index.html", "akten/tn-*",
            "arbeitsplaetze/ap-*", "kennzahlen/traeger-*", "kennzahlen/standort-*", "module/index.html", "personal/*", "hilfe/*"}
"""Kinds that must be among those found (so a broken discovery cannot pass by testing nothing)."""
KINDS = sorted(EXPECTED | {"404.html", "akten/standort-*", "arbeit/*", "arbeitsplaetze/index.html", "aufgaben.html", "fristen/*",
                           "kennzahlen/*", "kennzahlen/index.html", "module/*", "module/c24-*", "module/jv-*", "module/zq-*",
                           "personal/index.html"})
"""The kinds the demo site has today, one test each (a failure names the page); kinds found beyond them are
tested together as ``weitere``."""
OTHERS = "weitere"


def pages_of(kinds: dict[str, str], kind: str) -> list[tuple[str, str]]:
    """[(kind, page)] a test of ``kind`` covers: the one page, or for ``weitere`` every kind beyond :data:`KINDS`."""
    if kind == OTHERS:
        return sorted((k, rel) for k, rel in kinds.items() if k not in KINDS)
    assert kind in kinds, f"the built demo site has no page of the kind {kind!r} any more: update KINDS"
    return [(kind, kinds[kind])]


# --- the checks: each gets the loaded page and returns plain data (JSON) -------------------------------------

def axe(pg: Any) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations."""
    return axe_violations(pg)


def axe_colours(pg: Any) -> list[str]:
    """axe-core's WCAG A/AA violations of colour (:data:`tests.browser.COLOUR_RULES`): for a second colour scheme,
    which changes colours only (mkdocs-material's ``slate`` sets colour variables and ``color-scheme: dark``)."""
    return axe_violations(pg, COLOUR_RULES)


BROKEN_WORDS = r"""() => {
  const letter = /\p{L}/u;
  const digit = /\d/, range_ = /\d–$/;  // a range like '(1–5)' is one word too: '(1–' above '5)' reads as broken
  const found = [];
  const lineOf = (range) => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
  for (const cell of document.querySelectorAll('td, th')) {
    if (!cell.checkVisibility()) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lineOf(range).size < 2) continue;
        let top = null;
        for (let i = 0; i < m[0].length; i++) {
          range.setStart(node, m.index + i);
          range.setEnd(node, m.index + i + 1);
          const tops = [...lineOf(range)];
          if (!tops.length) continue;
          if (top !== null && tops[0] !== top && (letter.test(m[0][i - 1]) && letter.test(m[0][i]) || range_.test(m[0].slice(0, i)) && digit.test(m[0][i]))) {
            found.push(m[0].slice(0, i) + '|' + m[0].slice(i));
            break;
          }
          top = tops[tops.length - 1];
        }
      }
    }
  }
  return found;
}"""
"""Words of table cells broken between two letters (a break after a hyphen, soft hyphen, slash or other
punctuation is fine), nor a number range after its dash: each word's Range has its line boxes; ``Jobco|ach``,
``(1–|5)``."""


def broken_words(pg: Any) -> list[str]:
    found: list[str] = pg.evaluate(BROKEN_WORDS)
    return found


HEADINGS_AND_CHARTS = """() => ({
  levels: [...document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6')].map(h => +h.tagName[1]),
  charts: [...document.querySelectorAll('article svg')].filter(s => !s.closest('a, button, label'))
    .map(s => [s.getAttribute('role'), s.getAttribute('aria-label') || (s.querySelector('title') || {}).textContent || '',
               s.getAttribute('aria-hidden'), !!(s.closest('figure') && s.closest('figure').querySelector('figcaption'))])})"""


def headings_and_charts(pg: Any) -> dict[str, Any]:
    found: dict[str, Any] = pg.evaluate(HEADINGS_AND_CHARTS)
    return found


OVERFLOW = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) out.push('page ' + doc.scrollWidth + '>' + window.innerWidth);
  for (const el of document.querySelectorAll('article .md-typeset__scrollwrap, article table, article td, article th, article figure')) {
    if (el.offsetParent === null) continue;  // inside a closed <details>
    // Issue 25: a table wider than its column scrolls in its own box instead of breaking words inside a syllable;
    // that box must be a named region with a tab stop (a11y.js), and nothing inside a cell may stick out.
    const region = el.closest('.sg-region');
    if (region && region !== el && !/^T[DH]$/.test(el.tagName)) continue;
    if (el.classList.contains('sg-region') && el.getAttribute('tabindex') === '0' && el.getAttribute('aria-label')) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + ' ' + el.className + ' ' + el.textContent.slice(0, 40));
  }
  for (const svg of document.querySelectorAll('article svg')) {
    if (svg.getBoundingClientRect().width === 0) continue;
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < vb.x - 1 || b.x + b.width > vb.x + vb.width + 1) out.push('svg text ' + t.textContent.slice(0, 40));
    }
  }
  return out;
}"""
"""Page wider than the window, a table, cell or figure of the article sticking out (unless it scrolls in a
named region with a tab stop), a chart's text outside its viewBox."""


def overflow(pg: Any) -> list[str]:
    found: list[str] = pg.evaluate(OVERFLOW)
    return found


SIDEWAYS = r"""() => {
  const found = [];
  if (document.documentElement.scrollWidth > innerWidth) found.push('page ' + document.documentElement.scrollWidth);
  for (const table of document.querySelectorAll('table')) {
    const box = table.parentElement;
    if (table.getBoundingClientRect().width <= box.clientWidth + 1) continue;
    const named = box.getAttribute('role') === 'region' && box.tabIndex === 0 && box.getAttribute('aria-label');
    if (!named || getComputedStyle(box).overflowX !== 'auto') found.push((table.querySelector('th') || table).textContent.slice(0, 40));
  }
  return found;
}"""


def sideways(pg: Any) -> list[str]:
    """What makes a standalone document scroll sideways: the page itself, or a table wider than its column
    outside a named scroll region with a tab stop (issue 25: the Auskunft's entry tables at 1280 px); printed,
    wider than A4 between the margins (paper does not scroll). The window and media are put back."""
    found: list[str] = pg.evaluate(SIDEWAYS)
    size = pg.viewport_size
    pg.emulate_media(media="print")
    pg.set_viewport_size({"width": 680, "height": 900})
    if pg.evaluate("document.documentElement.scrollWidth") > 680:
        found.append("print")
    pg.emulate_media(media="screen")
    pg.set_viewport_size(size)
    pg.evaluate(SETTLED)
    return found


SCROLLERS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  return /(auto|scroll)/.test(s.overflowX + s.overflowY) && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
    && e.checkVisibility() && !e.closest('.md-sidebar, .md-tabs');
}).map(e => ({html: e.outerHTML.slice(0, 80), tabindex: e.getAttribute('tabindex'), role: e.getAttribute('role') || e.tagName.toLowerCase(),
              name: e.getAttribute('aria-label') || ''}))"""
REFLOW = """() => ({width: document.documentElement.scrollWidth, text: (document.querySelector('article') || {}).innerText || '',
  menu: (() => { const m = document.querySelector("label.md-header__button[for='__drawer']");
                 const r = m && m.getBoundingClientRect();
                 return !!m && m.checkVisibility({visibilityProperty: true}) && r.width > 0 && r.height > 0
                   && m.getAttribute('tabindex') === '0'; })()})"""


def reflow(pg: Any) -> dict[str, list[str]]:
    """1.4.10 at each of :data:`REFLOW_WIDTHS` (the window narrowed, as a zoom does): no sideways scrolling of
    the page; what scrolls inside it (tables) is reachable and named; the article keeps its text; the
    navigation stays usable. {width: problems}."""
    wide_text = " ".join(pg.locator("article").inner_text().split())
    problems: dict[str, list[str]] = {}
    for width in REFLOW_WIDTHS:
        pg.set_viewport_size({"width": width, "height": 640})
        pg.evaluate(SETTLED)
        shown = pg.evaluate(REFLOW)
        found = [f"page is {shown['width']} px wide"] if shown["width"] > width else []
        found += [f"scrolling box not reachable or unnamed: {box}" for box in pg.evaluate(SCROLLERS)
                  if box["tabindex"] != "0" or not box["name"] or box["role"] not in ("region", "table")]
        if " ".join(shown["text"].split()) != wide_text or not wide_text:
            found.append("text differs from the wide page (hidden content)")
        if not shown["menu"]:
            found.append("no reachable menu button")
        problems[str(width)] = found
    return problems


CHART_TEXTS = r"""() => {
  const lum = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const out = [];
  for (const el of document.querySelectorAll('figure.sg-chart text, figure.sg-chart tspan')) {
    if (!el.textContent.trim() || (el.tagName === 'text' && el.querySelector('tspan'))) continue;
    const style = getComputedStyle(el);
    const [r, g, b] = style.fill.match(/\d+/g).map(Number);
    const l = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
    const size = parseFloat(style.fontSize) * el.closest('svg').getScreenCTM().a;
    out.push({text: el.textContent.trim().slice(0, 30), contrast: 1.05 / (l + 0.05), size});
  }
  return out;
}"""
"""Every text of every chart: its contrast on white (the charts' background) and its size on screen."""
CHART_CUT_BARS = r"""() => [...document.querySelectorAll('figure.sg-chart')]
  .filter(f => (f.querySelector('svg > text') || {}).textContent?.startsWith('■'))
  .filter(f => f.querySelector('svg').getBoundingClientRect().right > f.getBoundingClientRect().right + 0.5)
  .map(f => f.querySelector('title').textContent)"""
"""Bar charts (their legend starts with '■') wider than their column: cut off at the screen's edge."""


def chart_text(pg: Any) -> dict[str, Any]:
    """The loaded page's chart texts (colour contrast on white, size on screen) and cut-off bar charts."""
    return {"texts": pg.evaluate(CHART_TEXTS), "cut": pg.evaluate(CHART_CUT_BARS)}


@dataclass(frozen=True)
class PageCheck:
    name: str
    views: tuple[str, ...]
    run: Callable[[Any], Any]
    """Gets the loaded, settled page; returns plain data (kept as JSON)."""
    asked: bool = False
    """Runs only where a test asks for it (``only``): checks for standalone documents, not the site's pages."""


PAGE_CHECKS = [
    PageCheck("axe", ("1280", "390"), axe),
    PageCheck("axe_colours", ("dunkel-1280",), axe_colours),
    PageCheck("broken_words", ("1280", "390"), broken_words),
    PageCheck("headings_and_charts", ("1280",), headings_and_charts),
    PageCheck("overflow", ("1280", "390"), overflow),
    PageCheck("chart_text", ("1280",), chart_text),
    PageCheck("sideways", ("1280", "390"), sideways, asked=True),
    PageCheck("reflow", ("1280",), reflow),  # last: it narrows the window
]
"""Every check of a page, run in this order on one load per view (add new ones before ``reflow``)."""


class CheckFailed(AssertionError):
    pass


def swept(tmp_path_factory: pytest.TempPathFactory, browser: Any, site: str, base: str, rel: str, view: str, check: str,
          only: Iterable[str] | None = None, ready: str | None = None) -> Any:
    """The result of ``check`` on page ``rel`` of the site served at ``base`` (``site`` names it for the shared
    cache) in ``view``, of one load per session for all workers that ran every check of the view (``only``:
    just these, for pages that not every check covers). ``ready``: a selector to wait for after the load (a
    search's results). A check that raised fails here with its traceback."""
    names = [c.name for c in PAGE_CHECKS if view in c.views and (c.name in only if only is not None else not c.asked)]
    key = "sweep-" + hashlib.sha1(json.dumps([site, rel, view, names]).encode()).hexdigest()[:16]

    def make(folder: Path) -> None:
        pg = shared_page(browser, VIEWS[view][1], 900)
        clean = False
        try:
            response = pg.goto(base + rel)
            assert response is not None and response.ok, f"{base + rel}: {response and response.status}"
            if ready:
                pg.locator(ready).first.wait_for(timeout=15000)
            pg.evaluate(SETTLED)
            shown = pg.evaluate("document.body.closest('[data-md-color-scheme]')?.getAttribute('data-md-color-scheme')")
            results: dict[str, Any] = {"scheme": shown}
            for each in (c for c in PAGE_CHECKS if c.name in names):
                try:
                    results[each.name] = {"result": each.run(pg)}
                except Exception:
                    results[each.name] = {"error": traceback.format_exc()}
            clean = not any("error" in r for r in results.values() if isinstance(r, dict))
        finally:
            if not clean:  # a check that failed half-way may have left the window or media changed: start afresh
                pg.close()
        (folder / "results.json").write_text(json.dumps(results), encoding="utf-8")

    results = json.loads((built_once(tmp_path_factory, key, make) / "results.json").read_text(encoding="utf-8"))
    scheme = VIEWS[view][0]
    if results["scheme"] not in (scheme, None):
        raise CheckFailed(f"{rel}: shown in the colour scheme {results['scheme']!r}, not {scheme!r}")
    if "error" in results[check]:
        raise CheckFailed(f"{rel}: the check {check} failed:\n{results[check]['error']}")
    return results[check]["result"]
