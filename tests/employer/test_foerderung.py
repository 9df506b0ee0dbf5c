"""``site-gen foerderung``: the Budget-für-Arbeit sheet names § 61 SGB IX and its Stand date, in .docx (read by
LibreOffice, at most two pages) and in HTML (shown in Chromium without loading anything)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from site_gen.records.config import default_subsidies

from ..browser import launch
from ..conftest import REPO, TODAY, run_cli
from ..reports.reportdoc import docx_text


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("foerderung") / "akten"
    root.mkdir()
    for name in ("workplaces", "modules", "schema"):
        shutil.copytree(REPO / name, root / name)
    (root / "cases").mkdir()
    shutil.copy(REPO / "organisation.yaml", root / "organisation.yaml")
    done = run_cli("--root", str(root), "foerderung", "ap-0013", "--art", "budget-fuer-arbeit", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    folder = root / "ausgabe"
    assert sorted(p.name for p in folder.iterdir()) == ["foerderung-ap-0013-budget-fuer-arbeit.docx", "foerderung-ap-0013-budget-fuer-arbeit.html"]
    return folder / "foerderung-ap-0013-budget-fuer-arbeit.docx"


def stand() -> str:
    day = next(s.stand for s in default_subsidies().supports if s.id == "budget-fuer-arbeit")
    return f"{day:%d.%m.%Y}"


def test_docx_names_the_law_the_stand_and_whom_to_call_and_fits_two_pages(sheet: Path, tmp_path: Path) -> None:
    text = docx_text(sheet)
    assert "Budget für Arbeit (§ 61 SGB IX)" in text and "75 Prozent" in text and f"Stand: {stand()}" in text
    assert "Wer entscheidet:" in text and "Bäckerei Kornblume" in text and "Emre Yıldız" in text  # the coach of the latest contact
    from site_gen.site.pdf import convert
    pdf = convert(sheet, tmp_path)
    pages = PdfReader(pdf).pages
    assert 1 <= len(pages) <= 2
    assert "§ 61 SGB IX" in "\n".join(p.extract_text() for p in pages)


def test_html_shows_the_same_facts_and_loads_nothing(sheet: Path) -> None:
    from playwright.sync_api import sync_playwright

    html = sheet.with_suffix(".html")
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        body = page.inner_text("main")
        browser.close()
    assert "§ 61 SGB IX" in body and f"Stand: {stand()}" in body and "Wen Sie anrufen" in body
    assert requests == [html.as_uri()]


def test_unknown_kind_and_unknown_workplace_are_german_errors(sheet: Path) -> None:
    root = sheet.parent.parent
    bad = run_cli("--root", str(root), "foerderung", "ap-0013", "--art", "festanstellung", "--today", TODAY)
    assert bad.returncode == 1 and "--art: Diese Form der Platzierung gibt es nicht." in bad.stderr and "budget-fuer-arbeit" in bad.stderr
    missing = run_cli("--root", str(root), "foerderung", "ap-0999", "--art", "praktikum", "--today", TODAY)
    assert missing.returncode == 1 and "ap-0999" in missing.stderr and "Traceback" not in missing.stderr
