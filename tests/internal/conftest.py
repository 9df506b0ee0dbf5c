"""Fixtures for the internal site: real builds (CLI), a localhost server with the
documented Content-Security-Policy, and headless Chromium."""

from __future__ import annotations

import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from site_gen.site.publish import CSP
from tests.browser import CHROMIUM, QuietHandler, launch
from tests.conftest import REPO, TODAY, built_once, run_cli
from tests.internal.pages import EXPECTED, page_kinds

DATA = Path(__file__).resolve().parent / "data"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Test Autorin", "GIT_AUTHOR_EMAIL": "autorin@example.org",
                        "GIT_COMMITTER_NAME": "Test Autorin", "GIT_COMMITTER_EMAIL": "autorin@example.org",
                        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00",
                        "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(repo)})


def fixture_repo(target: Path) -> Path:
    """The small fixture repository (with XSS payloads) as a real Git repository."""
    shutil.copytree(DATA / "repo", target)
    git(target, "init", "-q", "-b", "main")
    git(target, "add", ".")
    git(target, "commit", "-q", "-m", "Fixture")
    return target


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(records root, built site) of the fixture repository: built once per session, shared by the workers
    (read-only use)."""
    def make(base: Path) -> None:
        repo = fixture_repo(base / "repo")
        proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(base / "site"))
        assert proc.returncode == 0, proc.stderr

    base = built_once(tmp_path_factory, "fixture-site", make)
    return base / "repo", base / "site"


def fixture_site_copy(fixture_site: tuple[Path, Path], out: Path) -> Path:
    """A copy of the shared fixture build at ``out``: the output of a first build of :func:`fixture_repo` (with
    search, on TODAY) as a later build finds it (the marker, the privacy state and the page manifest included).
    For tests about the build after it; the repository to build from is a fresh :func:`fixture_repo`."""
    shutil.copytree(fixture_site[1], out, symlinks=True)
    return out


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(records root, built site) of the repository's own demo data, with search: built once per session,
    shared by the workers (read-only use)."""
    if not (REPO / "cases").is_dir() or not any((REPO / "cases").glob("tn-*")):  # case files or case folders
        pytest.skip("no demo data in this checkout")

    def make(base: Path) -> None:
        proc = run_cli("--root", str(REPO), "build", "--today", TODAY, "--out", str(base / "site"))
        assert proc.returncode == 0, proc.stderr

    return REPO, built_once(tmp_path_factory, "demo-site", make) / "site"


@pytest.fixture(scope="module")
def kinds(demo_site: tuple[Path, Path]) -> dict[str, str]:
    """{page kind: page} of the built demo site (``pages.page_kinds``)."""
    found = page_kinds(demo_site[1])
    assert EXPECTED <= set(found), sorted(EXPECTED - set(found))
    return found


@pytest.fixture(scope="module")
def base(demo_site: tuple[Path, Path], serve: Any) -> str:
    """The built demo site's URL (served with the CSP)."""
    return serve(demo_site[1])


class _Handler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="module")
def serve() -> Iterator[Any]:
    """``serve(folder) -> base URL``: a localhost server with the documented CSP."""
    servers = []

    def start(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    with playwright.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every request and every CSP violation."""
    context = browser.new_context()
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.violations = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: pg.violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
