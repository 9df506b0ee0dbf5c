"""The Nachweis page (an A4-landscape letter) read on a phone in a real Chromium: the page never scrolls
sideways, the wide table scrolls in its own named box, and axe finds no WCAG violation."""

from __future__ import annotations

from pathlib import Path

from tests.browser import axe_violations, launch, served
from tests.conftest import REPO, TODAY, run_cli

PAGE = "nachweis-agentur-fuer-arbeit-2026-03.html"


def test_on_a_phone_only_the_table_scrolls_sideways(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    res = run_cli("--root", str(REPO), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-03", "--out", str(tmp_path), "--today", TODAY)
    assert res.returncode == 0, res.stderr
    with served(tmp_path) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(f"{base}/{PAGE}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("div.wide[role=region][tabindex='0']")
        assert box.get_attribute("aria-label")
        assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider: it scrolls in its box
        assert axe_violations(page) == []
        browser.close()
