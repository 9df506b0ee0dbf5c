"""The internal site is accessible (WCAG 2.2 AA, BITV 2.0), checked in a real Chromium.

Page kinds are found in the built demo site (``tests/internal/pages.py``), not listed here: every
top-level page, and per folder the index plus one page per kind of file name, so pages that other
features add later are covered (under ``weitere``) without touching this file. Pages are served with the
documented Content-Security-Policy. The dark scheme (``scheme: slate``) is checked too, for its colours. Each page is
loaded once per view for every check (``pages.swept``); the tests here assert on one rule each.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, built_once

from .pages import KINDS, OTHERS, REFLOW_WIDTHS, pages_of, swept

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SEARCH = ("Suche mit Treffern", "suche.html?q=Lager", ".pagefind-ui__result-link")
"""The search page with results (Pagefind draws them after the load): axe checks it too."""

FOCUSED = """() => { const e = document.activeElement; const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  const inside = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth - 1), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight - 1);
  const points = [[(left + right) / 2, (top + bottom) / 2], [left + 2, top + 2], [right - 2, bottom - 2]];
  const shown = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return !!hit && (e === hit || e.contains(hit) || hit.contains(e)); });
  return {tag: e.tagName, text: (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40),
          href: e.getAttribute('href'), inArticle: !!e.closest('article'), inside: inside,
          covered: !shown,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          key: e.tagName + '|' + (e.getAttribute('href') || '') + '|' + [...document.querySelectorAll('*')].indexOf(e)}; }"""


def open_page(browser: Any, url: str, width: int, height: int = 900) -> Any:
    """A page in a fresh context of the given window size, loaded (scripts have run)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.goto(url)
    return pg


SCHEME = 'data-md-color-scheme="{}"'
"""How mkdocs-material shows a colour scheme: this attribute of each page's body, which its stylesheets select on."""


@pytest.fixture(scope="module")
def slate_site(demo_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built demo site in the dark scheme (``scheme: slate`` in mkdocs.yml): once per session, shared by the
    workers (read-only use). A build with ``scheme: slate`` differs from the default build in the body's
    ``data-md-color-scheme`` alone (compared when this was written: the same assets, pages equal but that
    attribute), so the demo build is copied with that attribute set instead of built a second time."""
    assert "scheme: default" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    dark = []

    def copy(src: str, dst: str) -> None:
        if src.endswith(".html") and SCHEME.format("default") in (text := Path(src).read_text(encoding="utf-8")):
            Path(dst).write_text(text.replace(SCHEME.format("default"), SCHEME.format("slate")), encoding="utf-8")
            dark.append(dst)
        else:
            shutil.copy2(src, dst)

    def make(base: Path) -> None:
        shutil.copytree(demo_site[1], base / "site", copy_function=copy)
        assert len(dark) > 100 and SCHEME.format("slate") in (base / "site" / "index.html").read_text(encoding="utf-8")

    return built_once(tmp_path_factory, "slate-site", make) / "site"


@pytest.fixture(scope="module")
def slate_base(slate_site: Path, serve: Any) -> str:
    return serve(slate_site)


@pytest.mark.parametrize("view", ["1280", "390", "dunkel-1280"])
@pytest.mark.parametrize("kind", [*KINDS, OTHERS, SEARCH[0]])
def test_axe_finds_no_wcag_violations(kinds: dict[str, str], kind: str, view: str, request: pytest.FixtureRequest,
                                      tmp_path_factory: pytest.TempPathFactory, browser: Any) -> None:
    # The dark scheme changes colours only (mkdocs-material's slate palette sets colour variables and
    # color-scheme, nothing of layout or structure): there axe judges the colours (pages.axe_colours).
    name = "slate" if view.startswith("dunkel") else "demo"
    base = request.getfixturevalue("slate_base" if name == "slate" else "base")
    check = "axe_colours" if name == "slate" else "axe"
    pages = [(kind, SEARCH[1])] if kind == SEARCH[0] else pages_of(kinds, kind)
    found = {}
    for k, rel in pages:
        problems = swept(tmp_path_factory, browser, name, base, rel, view, check,
                         **({"only": [check], "ready": SEARCH[2]} if k == SEARCH[0] else {}))
        if problems:
            found[f"{k} ({rel})"] = problems
    assert found == {}, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in found.items())


@pytest.mark.parametrize("width", REFLOW_WIDTHS)
@pytest.mark.parametrize("kind", [*KINDS, OTHERS])
def test_reflow_without_loss_of_content_or_function(kinds: dict[str, str], kind: str, width: int, base: str, browser: Any,
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    """1.4.10: no sideways scrolling of the page; what scrolls inside it (tables) is reachable and named;
    the navigation stays usable (the 1280 px page narrowed to ``width``, see ``pages.reflow``)."""
    problems = [f"{rel}: {p}" for _k, rel in pages_of(kinds, kind)
                for p in swept(tmp_path_factory, browser, "demo", base, rel, "1280", "reflow")[str(width)]]
    assert problems == [], "\n".join(problems)


WIDE_TABLES = ("document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style');"
               " s.textContent = '.md-typeset table:not([class]) tbody tr:first-child td:first-child { min-width: 60rem }';"
               " document.head.appendChild(s); });")
"""Makes the first cell of every table very wide before the page's scripts run: the tables then scroll."""


@pytest.mark.parametrize("wide", [False, True], ids=["as-built", "forced-wide"])
def test_scrolling_tables_get_a_tab_stop_only_when_they_scroll(base: str, browser: Any, wide: bool) -> None:
    # As built, the reference tables wrap and fit; forced wide, they scroll — the same rule must hold both ways.
    context = browser.new_context(viewport={"width": 390, "height": 900})
    if wide:
        context.add_init_script(WIDE_TABLES)
    pg = context.new_page()
    pg.goto(base + "formate.html")
    regions = pg.evaluate("[...document.querySelectorAll('.sg-region')].map(e => [e.scrollWidth > e.clientWidth, e.getAttribute('tabindex'), e.getAttribute('role'), e.getAttribute('aria-label')])")
    assert len(regions) >= 20
    if wide:
        assert any(r[0] for r in regions)
    for scrolls, tabindex, role, name in regions:
        if scrolls:
            assert tabindex == "0" and role == "region" and name.startswith("Tabelle: ") and len(name) > 9
        else:
            assert tabindex is None and role is None
    assert len({r[3] for r in regions if r[0]}) == sum(1 for r in regions if r[0])  # names tell regions apart
    if not wide:  # issue 25: at 1280 px half the reference tables scrolled, their last columns (Zweck, Rechtsgrundlage) cut off
        pg.set_viewport_size({"width": 1280, "height": 900})
        pg.reload()
        cut = pg.evaluate("[...document.querySelectorAll('article table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length")
        assert pg.evaluate("document.querySelectorAll('article table').length") >= 20 and cut == 0
    pg.context.close()


@pytest.mark.parametrize("kind", [*KINDS, OTHERS])
def test_headings_in_order_and_charts_keep_their_text(kinds: dict[str, str], kind: str, base: str, browser: Any,
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    problems = []
    for _kind, rel in pages_of(kinds, kind):
        if rel == "404.html":
            continue
        found = swept(tmp_path_factory, browser, "demo", base, rel, "1280", "headings_and_charts")
        levels = found["levels"]
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{rel}: needs exactly one h1 first, has {levels[:5]}")
        problems += [f"{rel}: h{a} followed by h{b}" for a, b in itertools.pairwise(levels) if b > a + 1]
        for role, name, hidden, caption in found["charts"]:
            if hidden != "true" and not (role == "img" and name.strip() and caption):
                problems.append(f"{rel}: chart without text alternative ({role}, {name!r}, figcaption={caption})")
    assert problems == [], "\n".join(problems)


def walk(pg: Any, steps: int) -> list[dict[str, Any]]:
    """Press Tab ``steps`` times; every focused element must be visible, unobscured, with a focus ring."""
    seen = []
    for _ in range(steps):
        pg.keyboard.press("Tab")
        info = pg.evaluate(FOCUSED)
        for _ in range(20):  # the menu slides in (a CSS transition, slower on a busy machine): judge where it settles
            if info["tag"] == "BODY" or (info["inside"] and not info["covered"]):
                break
            pg.wait_for_timeout(100)
            info = pg.evaluate(FOCUSED)
        if info["tag"] == "BODY":
            break
        assert info["inside"] and not info["covered"], f"focus not visible on screen: {info}"
        assert info["outline"], f"no visible focus ring: {info}"
        seen.append(info)
    return seen


def test_keyboard_navigation_wide(base: str, browser: Any) -> None:
    pg = open_page(browser, base + "index.html", 1280)
    first = walk(pg, 1)[0]
    assert first["text"] == "Zum Inhalt springen"
    pg.keyboard.press("Enter")
    after_skip = walk(pg, 1)[0]
    assert after_skip["inArticle"], after_skip
    pg.goto(base + "index.html")
    seen = walk(pg, 14)
    tabs = [s["text"] for s in seen if s["href"] and not s["inArticle"]]
    for name in ("Start", "Akten", "Arbeitsplätze", "Kennzahlen", "Fristen", "Suche"):
        assert name in tabs, tabs
    pg.goto(base + "index.html")
    walk_until(pg, "Fristen")
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(r"fristen\.html$"))
    pg.context.close()


def walk_until(pg: Any, text: str, limit: int = 60) -> int:
    """Tab until the element named ``text`` has the focus (asserting visible focus on the way)."""
    for step in range(limit):
        info = walk(pg, 1)[0]
        if info["text"] == text:
            return step
    raise AssertionError(f"'{text}' not reached with the keyboard")


def test_keyboard_navigation_narrow_through_the_menu(base: str, browser: Any) -> None:
    pg = open_page(browser, base + "index.html", 390, 800)
    seen = walk(pg, 2)
    assert [s["text"] for s in seen] == ["Zum Inhalt springen", "Navigation"]
    menu = pg.locator("label.md-header__button[for='__drawer']")
    assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-expanded") == "false"
    nav_links_before = walk(pg, 3)
    assert all(s["inArticle"] for s in nav_links_before), "closed menu must not hold tab stops"
    pg.goto(base + "index.html")
    walk(pg, 2)
    pg.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    walk_until(pg, "Fristen")
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(r"fristen\.html$"))
    walk(pg, 2)
    pg.keyboard.press(" ")
    assert pg.locator("label.md-header__button[for='__drawer']").get_attribute("aria-expanded") == "true"
    pg.keyboard.press("Escape")
    assert pg.locator("label.md-header__button[for='__drawer']").get_attribute("aria-expanded") == "false"
    assert pg.evaluate(FOCUSED)["text"] == "Navigation"
    pg.context.close()


def test_keyboard_search_to_a_dossier_and_through_it(demo_site: tuple[Path, Path], base: str, browser: Any) -> None:
    site = demo_site[1]
    dossier = max(site.glob("akten/tn-*.html"), key=lambda p: p.stat().st_size)
    name = re.search(r"<h1[^>]*>(.*?)</h1>", dossier.read_text(encoding="utf-8")).group(1)
    pg = open_page(browser, base + "suche.html", 1280)
    box = pg.locator(".pagefind-ui__search-input")
    box.wait_for(timeout=15000)
    assert pg.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")  # typing starts at once
    pg.keyboard.type(name.split()[-1])
    pg.locator(f".pagefind-ui__result-link[href$='akten/{dossier.stem}.html']").first.wait_for(timeout=15000)
    for _ in range(40):
        info = walk(pg, 1)[0]
        if (info["href"] or "").endswith(f"akten/{dossier.stem}.html"):
            break
    else:
        raise AssertionError("search result not reached with the keyboard")
    pg.keyboard.press("Enter")
    pg.wait_for_url(re.compile(rf"akten/{dossier.stem}\.html$"))
    pg.wait_for_load_state("load")
    links = pg.evaluate("[...document.querySelectorAll('article a[href]')].filter(a => a.offsetParent !== null).length")
    scrollers = pg.evaluate("[...document.querySelectorAll('article .sg-region[tabindex=\"0\"]')].length")
    seen = walk(pg, 400)
    in_article = {s["key"] for s in seen if s["inArticle"]}
    assert len(in_article) >= links + scrollers, (len(in_article), links, scrollers)
    pg.context.close()
