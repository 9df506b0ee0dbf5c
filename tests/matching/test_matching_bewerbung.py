"""``site-gen bewerbung``: refused without the consent, rendered with it (checked in Chromium)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from matching_fixtures import served, write_repo

from tests.browser import axe_violations, shared_page
from tests.conftest import run_cli

TODAY = "2026-11-22"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repo(tmp_path_factory.mktemp("repo"))


def bewerbung(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--root", str(repo), "bewerbung", *args, "--today", TODAY)


@pytest.mark.parametrize(("case", "extra", "message"), [
    ("tn-0003", (), "es gibt keine gültige Einwilligung „Profil an Arbeitgeber“"),  # no consent at all
    ("tn-0001", ("--workplace", "wp-lager"), "für den Betrieb 'wp-lager' keine gültige Einwilligung"),  # consent names another workplace
    ("tn-0009", (), "Die Akte 'tn-0009' gibt es nicht"),
    ("tn-0001", ("--workplace", "wp-nix"), "Den Arbeitsplatz 'wp-nix' gibt es nicht"),
])
def test_refused_without_consent(repo: Path, tmp_path: Path, case: str, extra: tuple[str, ...], message: str) -> None:
    out = tmp_path / "mappe.html"
    res = bewerbung(repo, case, *extra, "--out", str(out))
    assert res.returncode == 1
    assert message in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_refused_after_withdrawal(tmp_path: Path) -> None:
    from matching_fixtures import CASES, consent
    anna = dict(CASES[0])
    anna["consents"] = [consent("e1", "gesundheitsdaten"),
                        consent("e2", "profil-an-arbeitgeber", recipients=["wp-kueche"], withdrawn_on="2026-10-01")]
    repo = write_repo(tmp_path / "repo", cases=[anna, *CASES[1:]])
    res = bewerbung(repo, "tn-0001", "--workplace", "wp-kueche", "--out", str(tmp_path / "m.html"))
    assert res.returncode == 1 and "keine gültige Einwilligung" in res.stderr


@pytest.fixture(scope="module")
def mappe(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "mappe.html"
    res = bewerbung(repo, "tn-0001", "--workplace", "wp-kueche", "--out", str(out))
    assert res.returncode == 0, res.stderr
    return out


def test_content_in_easy_german_without_health_data(mappe: Path) -> None:
    html = mappe.read_text(encoding="utf-8")
    for text in ("Bewerbungs·mappe", "Anna Beispiel", "Meine Bewerbung für: <strong>Kantine Sonnenhof &amp; Söhne</strong>",
                 "Das kann ich gut", "Arbeitet genau", "Hier habe ich schon gearbeitet", "Lager Elbblick", "Pakete packen",
                 "Diese Kurse habe ich gemacht", "Bewerbungstraining", "Fertig im Februar 2026", "Praktikum von September 2025 bis November 2025", "Kochen &amp; &lt;Backen&gt;", "040 555 0101"):
        assert text in html
    assert "Konzentration" not in html  # health-related item: never for employers
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")



def test_profile_chart_and_table_visible_in_chromium(mappe: Path, browser: Any) -> None:
    with served(mappe.parent) as base:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{base}/{mappe.name}")
        chart = page.locator("#staerken svg[role=img]")
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
        assert "Meine Fähigkeiten" in chart.get_attribute("aria-label")
        table = page.locator("#staerken table")
        assert table.is_visible()
        rows = table.locator("tbody tr")
        assert rows.count() == 5
        assert rows.nth(0).inner_text().split("\t") == ["Einen Arbeitsauftrag umsetzen", "4"]
        assert page.locator("#staerken svg rect[fill='#1565c0']").count() >= 5
        assert page.get_by_role("heading", name="Hier habe ich schon gearbeitet").is_visible()
        assert all(u.startswith(base) for u in requests)  # nothing from elsewhere
        page.close()


def test_accessible_and_reflows_at_320px(mappe: Path, browser: Any) -> None:
    """axe-core (WCAG 2.2 A/AA) at 1280 and 390 px; at 320 px and 200 % zoom no sideways scrolling, nothing hidden."""
    with served(mappe.parent) as base:
        text = None
        for width in (1280, 390, 320, 640):
            page = shared_page(browser, width, 800)
            page.goto(f"{base}/{mappe.name}")
            if width in (1280, 390):
                violations = axe_violations(page)
                assert violations == [], "\n".join(violations)
            if width == 1280:
                text = page.locator("body").inner_text().split()
            elif width in (320, 640):
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                assert page.locator("body").inner_text().split() == text
