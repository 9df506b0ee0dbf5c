"""Chart text is readable (issue 25): every text colour of every chart has at least 4.5:1 on white (WCAG AA),
and no chart text renders smaller than 12 px, at 360 px (a phone) or 1280 px — in a real Chromium over every
page kind of the demo's internal site that has a chart. The bar charts (profiles, the funnel) fit the column whole
even at 360 px: cut off at the screen's edge, every long bar looked alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import shared_page
from tests.internal.pages import chart_text, page_kinds, swept


@pytest.fixture(scope="module")
def chart_pages(demo_site: tuple[Path, Path]) -> list[str]:
    kinds = page_kinds(demo_site[1])
    pages = sorted({rel for rel in kinds.values() if 'class="sg-chart' in (demo_site[1] / rel).read_text(encoding="utf-8")})
    assert len(pages) >= 3  # dashboards, case pages, workplaces
    return pages


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_aa_and_at_least_12_px(demo_site: tuple[Path, Path], chart_pages: list[str], base: str, browser: Any,
                                            width: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    # At 1280 px the shared load of each page kind (pages.swept) measures the charts; 360 px is no view of it.
    found = {}
    for rel in chart_pages:
        if width == 1280:
            found[rel] = swept(tmp_path_factory, browser, "demo", base, rel, "1280", "chart_text")
        else:
            pg = shared_page(browser, width, 900)
            pg.goto(base + rel)
            found[rel] = chart_text(pg)
    problems, seen = [], 0
    for rel, charts in found.items():
        for t in charts["texts"]:
            seen += 1
            if t["contrast"] < 4.5 or t["size"] < 11.95:
                problems.append(f"{rel}: {t}")
        problems += [f"{rel}: Balkendiagramm abgeschnitten: {title}" for title in charts["cut"]]
    assert seen > 50
    assert problems == [], "\n".join(problems[:20])
