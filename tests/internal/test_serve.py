"""site-gen serve through its real entry point: incremental update and live reload."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.conftest import TODAY, file_with, site_gen_cmd

from .conftest import fixture_repo


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read().decode("utf-8")


def wait_for(url: str, needle: str, timeout: float = 60, present: bool = True) -> str:
    """Poll ``url`` until ``needle`` is served (or, with ``present=False``, no longer served)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        body = fetch(url)
        if (needle in body) == present:
            return body
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} {'not served' if present else 'still served'} after {timeout} s")


def test_serve_updates_the_changed_pages_and_shows_the_problems_of_an_invalid_save_until_fixed(tmp_path: Path) -> None:
    """One ``serve`` (its first build is most of the time): in Chromium, the banner appears after an invalid save
    (German, file:line, no values) and goes after the fix; then every change reaches its pages: an edited case, a
    broken placement (the page names the error, shows no content), a withdrawal although another record is broken."""
    repo = fixture_repo(tmp_path / "repo")
    proc = subprocess.Popen([*site_gen_cmd(), "--root", str(repo), "serve", "--port", "0", "--today", TODAY, "--no-search"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line + (proc.stderr.read() if proc.stderr else "")
        base = match.group(0)
        _banner_until_fixed(repo, base)
        _updates(repo, base)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert "REF-DANGLING" in err and "fehlen in der Vorschau" in err


def _updates(repo: Path, base: str) -> None:
    """An edited case, a broken placement, a withdrawal although another record is broken: each on the next update."""
    page = base + "akten/tn-1002.html"
    body = fetch(page)
    assert "Gravenhorst" in body and "/__site-gen/livereload.js" in body
    version = fetch(base + "__site-gen/version?since=x")
    case = repo / "cases" / "tn-1002" / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("last_name: Gravenhorst", "last_name: Gravenhorst-Ahrens"), encoding="utf-8")
    wait_for(page, "Gravenhorst-Ahrens")
    assert fetch(base + f"__site-gen/version?since={version}") != version
    wait_for(base + "akten/standort-nord.html", "Gravenhorst-Ahrens")
    placement = file_with(repo / "cases" / "tn-1002", "workplace: ap-kantine")
    placement.write_text(placement.read_text(encoding="utf-8").replace("workplace: ap-kantine", "workplace: ap-fehlt"), encoding="utf-8")
    wait_for(page, "Fehler im Datensatz")  # left out: the page names the error, shows no content
    assert "Gravenhorst" not in fetch(page) and "REF-DANGLING" in fetch(page)
    # a withdrawal takes effect on the next update although another record is broken
    other = base + "akten/tn-1001.html"
    assert "Erkennt Pausenzeiten nicht allein" in fetch(other)
    first = file_with(repo / "cases" / "tn-1001" / "consents", 'valid_until: "2026-12-20"')
    first.write_text(first.read_text(encoding="utf-8").replace('valid_until: "2026-12-20"\n', 'valid_until: "2026-12-20"\nwithdrawn_on: "2026-11-21"\n', 1),
                     encoding="utf-8")
    wait_for(other, "Erkennt Pausenzeiten nicht allein", present=False)
    assert "Sandmann" in fetch(other)


def _banner_until_fixed(repo: Path, base: str) -> None:
    """In Chromium: the banner appears after an invalid save (German, file:line, no values) and goes after the fix
    (the file as it was)."""
    import pytest

    playwright = pytest.importorskip("playwright.sync_api")
    from tests.browser import launch

    case = file_with(repo / "cases" / "tn-1002", "workplace: ap-kantine")
    good = case.read_text(encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto(base + "akten/tn-1002.html")
        assert page.locator(".sg-preview-problems").count() == 0
        case.write_text(good.replace("workplace: ap-kantine", "workplace: ap-fehlt-wunschwert"), encoding="utf-8")
        banner = page.locator(".sg-preview-problems")
        banner.wait_for(timeout=30000)  # the page reloads by itself
        text = banner.inner_text()
        assert "Fehler beim letzten Speichern" in text and "REF-DANGLING" in text
        assert re.search(r"cases/tn-1002/placements/[^:]+\.yaml:\d+", text)
        assert "wunschwert" not in text.lower()  # no content values
        page.goto(base + "index.html")
        # on every page; the background rebuild of the lists may be rewriting this very page
        # (mkdocs writes in place) — the live reload then brings the finished page with the banner
        page.locator(".sg-preview-problems").wait_for(timeout=30000)
        assert page.locator(".sg-preview-problems").count() == 1
        case.write_text(good, encoding="utf-8")
        page.locator(".sg-preview-problems").wait_for(state="detached", timeout=30000)
        page.reload()
        assert page.locator(".sg-preview-problems").count() == 0
        browser.close()
