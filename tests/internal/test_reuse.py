"""A rebuild that reuses the previous output gives the same site as a full build (issue 16).

Every page is rendered and consent-filtered anew on every build; only the
HTML of pages whose Markdown did not change is taken over. The tests change
records that many pages depend on and compare the reusing build, file by
file (the search index included), with a full build of the same records.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

import pytest

from site_gen.site.mkdocs import DEFAULT_CONFIG
from tests.conftest import TODAY, run_cli

from .conftest import fixture_repo, fixture_site_copy
from .test_withdrawal import edit, withdraw

DIFFERS_BY_DESIGN = {"sitemap.xml.gz"}
"""gzip stores the time of writing; the uncompressed content is compared instead."""
UNORDERED = re.compile(r"^pagefind/(filter/.*|.*\.pf_meta|pagefind-entry\.json)$")
"""Pagefind writes its filter and metadata files in varying order: two full builds of the same
site differ there too. Their names are compared by count; every page fragment and index chunk
(named by content) must be identical."""


def build(repo: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    return proc


def files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            found[rel] = gzip.decompress(data) if rel in DIFFERS_BY_DESIGN else data
    return found


def reused(proc: subprocess.CompletedProcess[str]) -> int:
    match = re.search(r"(\d+) von \d+ Seiten unverändert", proc.stdout)
    return int(match.group(1)) if match else 0


def assert_same_site(reusing: Path, full: Path) -> None:
    a, b = files(reusing), files(full)
    assert sorted(k for k in a if not UNORDERED.match(k)) == sorted(k for k in b if not UNORDERED.match(k))
    assert len([k for k in a if UNORDERED.match(k)]) == len([k for k in b if UNORDERED.match(k)])
    assert [rel for rel in a if not UNORDERED.match(rel) and a[rel] != b[rel]] == []


def change_workplace_and_coach(repo: Path) -> None:
    """A workplace's company name (on dossiers, lists, matching) and a case's coach (coach pages, deadlines)."""
    wp = repo / "workplaces" / "ap-kantine" / "workplace.yaml"
    name = re.search(r"(?m)^  name: (.+)$", wp.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    edit(wp, f"  name: {name}", "  name: Kantine Zum Neuen Namen")


@pytest.mark.parametrize("change", [withdraw, change_workplace_and_coach], ids=["withdrawal", "workplace-renamed"])
def test_reusing_build_equals_full_build(tmp_path: Path, change: object, fixture_site: tuple[Path, Path]) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out, full = fixture_site_copy(fixture_site, tmp_path / "site"), tmp_path / "full"  # out: the first build, with search
    before = files(out)
    change(repo)  # type: ignore[operator]
    again = build(repo, out)
    assert 0 < reused(again) < len([p for p in before if p.endswith(".html")])  # the test can fail both ways
    build(repo, full, "--no-cache")
    assert_same_site(out, full)
    after = files(out)
    assert [rel for rel in after if rel.endswith(".html") and before.get(rel) != after[rel]]  # pages did change
    assert any(rel.startswith("pagefind/") and rel not in before for rel in after)  # the search index was rebuilt


def test_tampered_previous_page_is_built_again(tmp_path: Path, fixture_site: tuple[Path, Path]) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out = fixture_site_copy(fixture_site, tmp_path / "site")  # the first build (search is not part of the engine key)
    page = out / "akten" / "tn-1002.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</main>", b"<p>von Hand</p></main>"))
    assert reused(build(repo, out, "--no-search")) > 0  # the other pages are taken over: the test can fail
    assert page.read_bytes() == original


def test_changed_site_config_rebuilds_every_page(tmp_path: Path, fixture_site: tuple[Path, Path]) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out = fixture_site_copy(fixture_site, tmp_path / "site")  # the first build (search is not part of the engine key)
    config = repo / "mkdocs.yml"
    text = (config if config.exists() else DEFAULT_CONFIG).read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Jobcoaching intern", "site_name: Team Nord intern"), encoding="utf-8")
    proc = build(repo, out, "--no-search")
    assert reused(proc) == 0
    assert "Team Nord intern" in (out / "akten" / "tn-1001.html").read_text(encoding="utf-8")
