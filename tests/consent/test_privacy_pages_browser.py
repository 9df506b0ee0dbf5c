"""Briefing and export pages in a real Chromium: accessible (axe-core, WCAG A/AA),
self-contained (no request leaves localhost), readable on a phone, printable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from consent_fixtures import DATA, TODAY, make_repo, site_gen

from tests.browser import axe_violations, shared_page
from tests.browser import served as served_dir

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {"briefing": "mitteilung.html", "export": "auskunft-tn-0301.html"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("pages")
    root = make_repo(base / "akten", DATA / "valid", DATA / "_briefing")
    out = base / "out"
    out.mkdir()
    assert site_gen(root, "briefing", "tn-0301", "ap-baeckerei", "--today", TODAY, "--out", str(out / PAGES["briefing"])).returncode == 0
    assert site_gen(root, "export", "tn-0301", "--today", TODAY, "--out", str(out)).returncode == 0
    with served_dir(out) as base:
        yield f"{base}/"



@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", list(PAGES))
def test_page_is_accessible_and_self_contained(served: str, browser: Any, kind: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})  # its own: no cache hides a request
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + PAGES[kind])
    assert [u for u in requests if not u.startswith(served)] == []
    assert len(requests) == 1  # the document itself: no fonts, styles, scripts or images to fetch
    violations = axe_violations(page, tags=WCAG)
    context.close()
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("width", [320, 360, 640])  # 320 CSS px (WCAG 1.4.10), a phone, 1280 px at 200 % zoom
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_horizontal_scrolling_on_a_phone(served: str, browser: Any, kind: str, width: int) -> None:
    page = shared_page(browser, width, 740)
    page.goto(served + PAGES[kind])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # nothing hidden when narrow; only an entry's empty cells ('–') are left out when its table stacks
    words = [w for w in page.locator("body").inner_text().split() if w != "–"]
    wide = shared_page(browser, 1280, 740)
    wide.goto(served + PAGES[kind])
    assert words == [w for w in wide.locator("body").inner_text().split() if w != "–"]


def test_briefing_prints_on_one_a4_page(served: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(served + PAGES["briefing"])
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.close()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    visible = browser.new_page()
    visible.goto(served + PAGES["briefing"])
    visible.emulate_media(media="print")
    items = visible.locator("ul.items li").all_inner_texts()
    assert items == ["Braucht eine Erinnerung an die Pause.", "Fragt lieber zweimal nach, wenn etwas neu ist.", "Arbeitet gern mit Bildkarten."]
    visible.close()


def test_an_id_in_brackets_stays_on_one_line_at_320_px(served: str, browser: Any) -> None:
    """``Hotel Seeblick am Fleet (ap-0005)`` in a narrow column: ``(ap-`` / ``0005)`` never split at the hyphen."""
    from site_gen.render.privacy import ID_IN_BRACKETS

    page = browser.new_page(viewport={"width": 320, "height": 740})
    page.goto(served + PAGES["export"])
    values = page.evaluate("[...document.querySelectorAll('section.zweck section')].map(s => s.innerText).join(' ')")
    ids = len(ID_IN_BRACKETS.findall(values))
    lines = page.evaluate("[...document.querySelectorAll('section.zweck section .id')].map(e => e.getClientRects().length)")
    page.close()
    assert ids > 0 and len(lines) == ids  # every id in brackets is held together …
    assert set(lines) == {1}  # … and on one line
