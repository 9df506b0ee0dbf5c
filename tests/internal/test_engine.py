"""The internal site builds on ProperDocs with the same pages as on MkDocs (issue 15, part 6).

ProperDocs is the maintained drop-in fork of MkDocs 1.6.1 (installed with the
test extra). Both builds run through the real CLI; ``SITE_GEN_ENGINE`` picks
the engine. The only difference allowed is the ``generator`` meta tag, which
names the engine.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TODAY, run_cli, site_gen_cmd

from .conftest import fixture_repo

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def build(repo: Path, out: Path, engine: str) -> subprocess.CompletedProcess[str]:
    """A build on ``engine``: in this process on the engine it runs (read at import), else a new interpreter."""
    from site_gen.site.engine import ENGINE

    if engine == ENGINE:
        return run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    env = {**os.environ, "SITE_GEN_ENGINE": engine}
    return subprocess.run([*site_gen_cmd(), "--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search"],
                          capture_output=True, text=True, timeout=600, env=env, check=False)


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("admin/")}


def main_content(page: bytes) -> bytes:
    match = re.search(rb'<article class="md-content__inner[^>]*>.*</article>', page, re.DOTALL)
    assert match, "no main content"
    return match.group(0)


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path: Path, fixture_site: tuple[Path, Path]) -> None:
    """The engine this process runs built the shared fixture site (with search: the pages are the same without it);
    the other builds the same fixture repository in a new interpreter."""
    pytest.importorskip("properdocs")
    from site_gen.site.engine import ENGINE

    other = "properdocs" if ENGINE == "mkdocs" else "mkdocs"
    proc = build(fixture_repo(tmp_path / "repo"), tmp_path / other, other)
    assert proc.returncode == 0, proc.stderr
    built = {ENGINE: fixture_site[1], other: tmp_path / other}
    mk, pd = pages(built["mkdocs"]), pages(built["properdocs"])
    assert sorted(mk) == sorted(pd) and len(mk) > 30
    assert [rel for rel in mk if main_content(mk[rel]) != main_content(pd[rel])] == []
    assert [rel for rel in mk if GENERATOR.sub(b"", mk[rel]) != GENERATOR.sub(b"", pd[rel])] == []
    assert b"ProperDocs" in pd["index.html"] and b"ProperDocs" not in mk["index.html"]  # the engine really changed


def test_unknown_engine_is_a_german_error(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    proc = build(repo, tmp_path / "site", "zensical")
    assert proc.returncode == 1
    assert "SITE_GEN_ENGINE='zensical' ist unbekannt" in proc.stderr and "Traceback" not in proc.stderr
