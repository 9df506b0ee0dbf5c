"""The same generated configuration is accepted by Sveltia CMS (the other editor of this format).

Sveltia is not what admin/ ships (see site_gen/help/bearbeiten.md): it asks other hosts (CDNs, GitHub's
status page) for things at start, which this test records and blocks, and it has no decap-server backend.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from site_gen.cms.config import cms_config, config_text
from site_gen.models.organisation import Editor, EditorBackend
from site_gen.records.dataset import load_dataset
from site_gen.site.admin import PACKAGE_ROOT

from ..browser import launch, served
from ..conftest import REPO

SVELTIA = PACKAGE_ROOT / "node_modules" / "@sveltia" / "cms" / "dist" / "sveltia-cms.js"


@pytest.mark.skipif(not SVELTIA.exists(), reason="npm ci nicht ausgeführt")
def test_sveltia_accepts_the_generated_configuration(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    ds = load_dataset(REPO, only=[])
    admin = tmp_path / "admin"
    admin.mkdir()
    shutil.copy(SVELTIA, admin)
    github = Editor(backend=EditorBackend.GITHUB, repo="team/akten")  # Sveltia has no decap-server backend
    configs = {True: config_text(cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue, github))}  # cases as folders (an entry collection per list)
    (admin / "index.html").write_text('<!doctype html><html lang="de"><head><meta charset="utf-8"></head>'
                                      '<body><script src="sveltia-cms.js"></script></body></html>')
    warnings: list[str] = []
    foreign: set[str] = set()
    with served(tmp_path) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()

        def route(r: Any) -> None:
            host = r.request.url.split("/")[2]
            if r.request.url.startswith(base):
                r.continue_()
            else:
                foreign.add(host)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: warnings.append(m.text) if m.type in ("error", "warning") else None)
        for text in configs.values():
            (admin / "config.yml").write_text(text)
            page.goto(f"{base}/admin/index.html")
            page.get_by_text("Work with Local Repository").wait_for(timeout=30000)  # config accepted: sign-in shown
        browser.close()
    ours = [w for w in warnings if "configuration" in w.lower() and "`locale`" not in w.replace("\u2068", "").replace("\u2069", "")]
    assert ours == [], ours  # only 'locale' is ignored (Sveltia follows the browser's language)
    print('Sveltia fragte andere Hosts:', sorted(foreign))  # measured: CDNs and GitHub's status page
