"""One public build shared by the tests of this folder.

The fixture repository is a copy of the demo data with canary markers in
every personal field (cases, employer contacts, mentors, workplace analysis),
a posting with script payloads, an expired and an unpublished posting. It is
built once through the real CLI, with the PDF for the Schaukasten.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_gen.models import Case, Workplace
from site_gen.records.cache import cache_folder, read_cache, write_cache
from site_gen.records.load import read_yaml, roundtrip

from ..browser import launch, served
from ..conftest import DATA, REPO, TODAY, built_once, run_cli
from .canary import plant

XSS_TITLE = "Helfer </script><script>window.__pwned=1</script>"
XSS_TASK = '<img src=x onerror="window.__pwned=1"> Du putzt.'


def _variant(repo: Path, source: str, new_id: str, **posting: object) -> None:
    data, _ = read_yaml(repo / "workplaces" / f"{source}.yaml", source)
    data["id"] = new_id
    data["posting"].update(posting)
    with (repo / "workplaces" / f"{new_id}.yaml").open("w", encoding="utf-8") as fh:
        roundtrip().dump(data, fh)


def make_board_repo(target: Path) -> tuple[Path, int]:
    """Demo data with canaries and special postings; returns (repo, markers planted)."""
    target.mkdir(parents=True)
    for name in ("organisation.yaml", "workplaces", "modules", "schema"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.exists():
            shutil.copy(src, target / name)
    from ..layout.helpers import compose_into

    for folder in sorted(p for p in (target / "workplaces").iterdir() if p.is_dir()):  # whole workplace files to plant markers in
        compose_into(REPO / "workplaces" / folder.name, target / "workplaces" / f"{folder.name}.yaml")
        shutil.rmtree(folder)
    cases = target / "cases"
    cases.mkdir()
    for case in sorted(p for p in (REPO / "cases").iterdir() if p.is_dir()):  # whole case files to plant markers in
        compose_into(case, cases / f"{case.name}.yaml")
    for case in sorted(p for p in (DATA / "base" / "cases").iterdir() if p.is_dir()):  # at least one case even before demo cases exist
        compose_into(case, cases / f"{case.name.replace('tn-', 'tn-9')}.yaml")
    first = sorted((target / "workplaces").glob("*.yaml"))[0].stem
    _variant(target, first, "ap-9001", title=XSS_TITLE, tasks=[XSS_TASK, "Du trägst <b>Kisten</b> & Säcke."], publish=True)
    _variant(target, first, "ap-9002", title="Abgelaufene Stelle", valid_until="2026-01-31", publish=True)
    _variant(target, first, "ap-9003", title="Versteckte Stelle", publish=False)
    planted = 0
    for path in sorted(cases.glob("*.yaml")):
        planted += plant(path, Case)
    for path in sorted((target / "workplaces").glob("*.yaml")):
        planted += plant(path, Workplace, skip=("posting", "company", "provider", "location", "placement_types", "acquisition"))
    from site_gen.records.migration import migrate

    assert migrate(target, commit=False) == 0  # planted in whole files, read in folders (the only layout)
    return target, planted


class Board:
    """The built board: its folder, PDF, marker count and a local HTTP server."""

    def __init__(self, repo: Path, out: Path, pdf: Path, planted: int, url: str) -> None:
        self.repo, self.out, self.pdf, self.planted, self.url = repo, out, pdf, planted, url


def seed_audio(repo: Path) -> int:
    """The recordings the demo's board has spoken (``demo_public``: same voice, mostly the same texts), authenticated
    anew for ``repo``'s cache: its build speaks only its own texts (the canaries' postings), not all again."""
    folder = cache_folder(REPO)
    seeded = 0
    for path in sorted((folder / "audio").glob("*.opus")) if folder else []:
        data = read_cache(REPO, f"audio/{path.name}")
        if data is not None:
            write_cache(repo, f"audio/{path.name}", data)
            seeded += 1
    return seeded


@pytest.fixture(scope="package")
def board(tmp_path_factory: pytest.TempPathFactory, demo_public: Path) -> Iterator[Board]:
    """Built once per session for both xdist workers (``built_once``) after the demo's board, whose recordings
    it reuses (``seed_audio``); each worker serves it (read-only use)."""
    def make(folder: Path) -> None:
        _, planted = make_board_repo(folder / "repo")
        seed_audio(folder / "repo")
        result = run_cli("--root", str(folder / "repo"), "public", "--today", TODAY, "--out", str(folder / "site"),
                         "--pdf", str(folder / "aushang.pdf"))
        assert result.returncode == 0, result.stdout + result.stderr
        (folder / "planted").write_text(str(planted), encoding="utf-8")

    base = built_once(tmp_path_factory, "public-board", make)
    out = base / "site"
    with served(out) as url:
        yield Board(base / "repo", out, base / "aushang.pdf", int((base / "planted").read_text(encoding="utf-8")), f"{url}/")


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
