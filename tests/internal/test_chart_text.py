"""Chart text is readable (issue 25): every text colour of every chart has at least 4.5:1 on white (WCAG AA),
and no chart text renders smaller than 12 px, at 360 px (a phone) or 1280 px — in a real Chromium over every
page kind of the demo's internal site that has a chart. The bar charts (profiles, the funnel) fit the column whole
even at 360 px: cut off at the screen's edge, every long bar looked alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.internal.pages import page_kinds

TEXTS = r"""() => {
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


CUT_BARS = r"""() => [...document.querySelectorAll('figure.sg-chart')]
  .filter(f => (f.querySelector('svg > text') || {}).textContent?.startsWith('■'))
  .filter(f => f.querySelector('svg').getBoundingClientRect().right > f.getBoundingClientRect().right + 0.5)
  .map(f => f.querySelector('title').textContent)"""


@pytest.fixture(scope="module")
def chart_pages(demo_site: tuple[Path, Path]) -> list[str]:
    kinds = page_kinds(demo_site[1])
    pages = sorted({rel for rel in kinds.values() if 'class="sg-chart' in (demo_site[1] / rel).read_text(encoding="utf-8")})
    assert len(pages) >= 3  # dashboards, case pages, workplaces
    return pages


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_aa_and_at_least_12_px(demo_site: tuple[Path, Path], chart_pages: list[str], serve: Any, browser: Any,
                                            width: int) -> None:
    base = serve(demo_site[1])
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    problems, seen = [], 0
    for rel in chart_pages:
        pg.goto(base + rel)
        for t in pg.evaluate(TEXTS):
            seen += 1
            if t["contrast"] < 4.5 or t["size"] < 11.95:
                problems.append(f"{rel}: {t}")
        problems += [f"{rel}: Balkendiagramm abgeschnitten: {title}" for title in pg.evaluate(CUT_BARS)]
    context.close()
    assert seen > 50
    assert problems == [], "\n".join(problems[:20])
