"""The internal site (real ``site-gen build``) shows the matching sections, charts and tables in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from matching_fixtures import CASES, served, write_repo
from playwright.sync_api import Browser, Page

from tests.conftest import built_once, run_cli

TODAY = "2026-11-22"
# the fixture cases that pass 'site-gen check' (the build refuses data with errors)
CLEAN = [c for c in CASES if c["id"] in ("tn-0001", "tn-0003", "tn-0004")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The clean fixture cases' site, built once per session for both xdist workers (``built_once``); each serves it."""
    def make(root: Path) -> None:
        repo = write_repo(root / "repo", cases=CLEAN)
        res = run_cli("--root", str(repo), "build", "--today", TODAY, "--no-search", "--out", str(root / "out"))
        assert res.returncode == 0, res.stdout + res.stderr

    with served(built_once(tmp_path_factory, "matching-site", make) / "out") as base:
        yield base



def open_page(browser: Browser, url: str, errors: list[str]) -> Page:
    page = browser.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return page


def test_dossier_shows_matches_chart_and_table(site: str, browser: Browser) -> None:
    errors: list[str] = []
    page = open_page(browser, f"{site}/akten/tn-0001.html", errors)
    assert page.get_by_role("heading", name="Passende Arbeitsplätze").is_visible()
    first = page.get_by_role("heading", name="1. Kantine Sonnenhof & Söhne – 90,0 von 100 Punkten")
    assert first.is_visible()
    details = page.locator("details.sg-match-profile").first
    chart = details.locator("svg[role=img]")
    assert chart.is_visible()
    assert chart.get_attribute("aria-label") == "Fähigkeit und Anforderung: Kantine Sonnenhof & Söhne"
    box = chart.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 100
    table = details.locator("table")
    assert table.is_visible()
    rows = [r.split("\t") for r in table.locator("tbody tr").all_inner_texts()]
    assert ["Lesen", "2", "4", "deutliche Überforderung"] in rows
    assert len(rows) == 5
    assert "Interesse „Kochen & <Backen>“ passt zu: Branche Küche. (+10,0)" in page.locator("main").inner_text()
    assert "Gärtnerei Altwerk" not in page.locator("main").inner_text()  # acquisition ended
    # the profile history: two assessments, chart and table
    history = page.locator(".sg-profile-history")
    assert history.locator("svg[role=img]").is_visible()
    assert history.locator("table").is_visible()
    assert ["Einen Arbeitsauftrag umsetzen", "2", "4"] in [r.split("\t") for r in history.locator("tbody tr").all_inner_texts()]
    assert not errors  # e.g. no Content-Security-Policy violation
    page.close()


def test_link_to_workplace_and_its_candidates(site: str, browser: Browser) -> None:
    errors: list[str] = []
    page = open_page(browser, f"{site}/akten/tn-0001.html", errors)
    page.locator("h3 a[href*='arbeitsplaetze/wp-kueche']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/arbeitsplaetze/wp-kueche.html")
    assert page.get_by_role("heading", name="Passende Bewerber:innen").is_visible()
    assert page.get_by_role("heading", name="1. Anna Beispiel (tn-0001) – 90,0 von 100 Punkten").is_visible()
    assert "tn-0004" not in page.locator("main").inner_text()  # closed case
    assert page.locator("details.sg-match-profile svg[role=img]").first.is_visible()
    assert not errors
    page.close()


def test_dossier_without_health_consent(site: str, browser: Browser) -> None:
    errors: list[str] = []
    page = open_page(browser, f"{site}/akten/tn-0003.html", errors)
    text = page.locator("main").inner_text()
    assert "Keine gültige Einwilligung „Gesundheitsdaten“: das Fähigkeitsprofil wird nicht verwendet." in text
    assert page.locator(".sg-profile-history").count() == 0
    # the comparison names no rating: every ability cell is empty
    for row in page.locator("details.sg-match-profile").first.locator("tbody tr").all_inner_texts():
        assert row.split("\t")[1] == "–"
    page.close()
