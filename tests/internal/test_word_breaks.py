"""No table cell breaks a word inside a syllable (issue 25: "Jobco ach", "Beschäftigungserprobun g"), nor a number
range after its dash ("(1–" above "5)").

Every table cell of every page kind of the demo's internal site (the kinds the accessibility test finds)
and of the subject-access export (Auskunft) is walked in a real Chromium at 390 and 1280 px: each word's
Range has its line boxes (``getClientRects``); a word on more than one line may break after a hyphen, a
soft hyphen (``&shy;``), a slash or other punctuation, never between two letters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, TODAY, run_cli
from tests.internal.test_accessibility import page_kinds

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


def broken_words(browser: Any, url: str, width: int) -> list[str]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.goto(url)
    pg.wait_for_timeout(100)
    found: list[str] = pg.evaluate(BROKEN_WORDS)
    context.close()
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


def sideways(browser: Any, url: str, width: int) -> list[str]:
    """What makes a standalone document scroll sideways: the page itself, or a table wider than its column
    outside a named scroll region with a tab stop (issue 25: the Auskunft's entry tables at 1280 px)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.goto(url)
    found: list[str] = pg.evaluate(SIDEWAYS)
    pg.emulate_media(media="print")
    pg.set_viewport_size({"width": 680, "height": 900})  # A4 between the margins: paper does not scroll
    if pg.evaluate("document.documentElement.scrollWidth") > 680:
        found.append("print")
    context.close()
    return found


@pytest.fixture(scope="module")
def export_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("auskunft")
    proc = run_cli("--root", str(REPO), "export", "tn-0001", "--today", TODAY, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return next(out.glob("*.html"))


@pytest.mark.parametrize("width", [390, 1280])
def test_no_word_breaks_inside_a_syllable(demo_site: tuple[Path, Path], export_page: Path, serve: Any, browser: Any, width: int) -> None:
    base = serve(demo_site[1])
    pages = sorted(set(page_kinds(demo_site[1]).values()) | {"aufgaben.html", "fristen.html", "index.html"})
    pages += sorted(p.relative_to(demo_site[1]).as_posix() for p in (demo_site[1] / "fristen").glob("*.html"))[:2]
    problems = {rel: found for rel in pages if (found := broken_words(browser, base + rel, width))}
    export_base = serve(export_page.parent)
    if found := broken_words(browser, export_base + export_page.name, width):
        problems["Auskunft"] = found
    if wide := sideways(browser, export_base + export_page.name, width):
        problems["Auskunft, seitlich"] = wide
    assert problems == {}, "\n".join(f"{rel}: {len(words)} Wörter, z. B. {words[:8]}" for rel, words in problems.items())


def test_the_walk_finds_a_word_broken_inside(serve: Any, browser: Any, tmp_path: Path) -> None:
    # The guard can fail: a narrow cell with overflow-wrap: anywhere breaks a long compound between two letters.
    (tmp_path / "t.html").write_text(
        '<!doctype html><html lang="de"><meta charset="utf-8"><table><tr><td style="width:4em;max-width:4em;overflow-wrap:anywhere">'
        "Beschäftigungserprobung</td><td style=\"width:4em;max-width:4em\">Beschäftigungs\u00aderprobung</td></tr></table>",
        encoding="utf-8")
    found = broken_words(browser, serve(tmp_path) + "t.html", 1280)
    assert len(found) == 1 and found[0].replace("|", "") == "Beschäftigungserprobung"
    # A number range split after its dash ('Fähigkeit (1–' above '5)') is found; with a word joiner it stays whole.
    (tmp_path / "r.html").write_text(
        '<!doctype html><html lang="de"><meta charset="utf-8"><table><tr><td style="width:5.5em;max-width:5.5em">'
        "Fähigkeit (1–5)</td><td style=\"width:5.5em;max-width:5.5em\">Fähigkeit (1–\u20605)</td></tr></table>",
        encoding="utf-8")
    assert broken_words(browser, serve(tmp_path) + "r.html", 1280) == ["(1–|5)"]
