"""admin/ is part of the internal site only: vendored editor, generated config, own policy, no other host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_gen.records.dataset import load_dataset
from site_gen.site.admin import decap_dist, install_admin, node_modules

from ..conftest import REPO
from ..internal import conftest as internal

fixture_site = internal.fixture_site  # the internal tests' build of their small repository, shared by the session
URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.mark.skipif(decap_dist(node_modules(REPO)) is None, reason="npm ci nicht ausgeführt")
def test_admin_is_installed_from_the_package_with_its_own_policy(tmp_path: Path) -> None:
    assert install_admin(load_dataset(REPO, only=[]), tmp_path)
    admin = tmp_path / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page and "noindex" in page
    assert all(not u.startswith(("http:", "https:", "//")) for u in URL.findall(page)), URL.findall(page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#39;", "'")
    assert "script-src 'self' 'unsafe-eval';" in csp and "connect-src 'self' http://localhost:8081;" in csp
    assert "frame-ancestors" not in csp  # header-only directive: documented for the web server
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000 and (admin / "yaml" / "index.js").is_file()
    assert (admin / "config.yml").read_text(encoding="utf-8") == (REPO / "admin" / "config.yml").read_text(encoding="utf-8")
    assert not list(admin.glob("*.map"))


def test_without_decap_admin_says_how_to_install(tmp_path: Path) -> None:
    (tmp_path / "node_modules").mkdir()
    assert not install_admin(load_dataset(REPO, only=[]), tmp_path / "site", [tmp_path / "node_modules"])
    assert "Paket (Wheel)" in (tmp_path / "site" / "admin" / "index.html").read_text(encoding="utf-8")


def test_public_board_has_no_editor(demo_public: Path) -> None:
    assert not (demo_public / "admin").exists()
    for file in demo_public.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js", ".xml", ".txt", ".css"):
            text = file.read_text(encoding="utf-8", errors="replace").lower()
            assert "decap" not in text and "admin/" not in text, file


@pytest.mark.skipif(decap_dist(node_modules(REPO)) is None, reason="npm ci nicht ausgeführt")
def test_site_gen_build_ships_admin_and_the_guide(fixture_site: tuple[Path, Path]) -> None:
    """``site-gen build`` of a small repository (the internal tests' build, shared by the session) ships the editor."""
    site = fixture_site[1]
    assert (site / "admin" / "index.html").is_file() and (site / "admin" / "decap-cms.js").is_file()
    config = (site / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "folder: cases" in config and "proxy_url: http://localhost:8081/api/v1" in config
    guide = (site / "hilfe" / "bearbeiten.html").read_text(encoding="utf-8")
    assert "Akten im Browser bearbeiten" in guide and "Kommentare" in guide
