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
from typing import Any

import pytest

import yaml_rs

from site_gen.models import Case, Workplace
from site_gen.records.compose import compose
from site_gen.records.layout import main_file, scan_folder

from ..browser import launch, served
from ..conftest import DATA, REPO, TODAY, Recordings, built_once, run_cli
from .canary import plant_data

XSS_TITLE = "Helfer </script><script>window.__pwned=1</script>"
XSS_TASK = '<img src=x onerror="window.__pwned=1"> Du putzt.'


WORKPLACE_SKIP = ("posting", "company", "provider", "location", "placement_types", "acquisition")
"""A workplace's parts the board publishes (no canaries there: they are meant to be public)."""


def _composed(folder: Path) -> tuple[dict[str, Any], dict[tuple[str, int], str]]:
    """The raw mapping of a record folder and which entry file each list item came from (relative to the folder)."""
    unit = scan_folder(folder.parents[1], folder.parent.name, folder.name)[0]
    assert unit is not None, folder
    data, findings, provenance, _ = compose(folder.parents[1], unit)
    assert isinstance(data, dict) and not findings, folder
    prefix = f"{folder.parent.name}/{folder.name}/"
    return data, {at: source.removeprefix(prefix) for at, source in provenance.items()}


def _write_folder(dest: Path, kind: str, data: dict[str, Any], provenance: dict[tuple[str, int], str]) -> None:
    """``data`` as the record folder ``dest``: each list item that came from an entry file back into a file of that
    name, the rest into the main file (the folder layout, read as composed)."""
    main = dict(data)
    for list_name in {name for name, _ in provenance}:
        items = data[list_name]
        for index, item in enumerate(items):
            if (source := provenance.get((list_name, index))) is not None:
                (dest / source).parent.mkdir(parents=True, exist_ok=True)
                (dest / source).write_text(yaml_rs.dumps(item).removeprefix("---\n"), encoding="utf-8")
        kept = [item for index, item in enumerate(items) if (list_name, index) not in provenance]
        if kept:
            main[list_name] = kept
        else:
            del main[list_name]
    dest.mkdir(parents=True, exist_ok=True)
    (dest / main_file(kind)).write_text(yaml_rs.dumps(main).removeprefix("---\n"), encoding="utf-8")


def _planted_copy(source: Path, dest: Path, model: type[Case] | type[Workplace], skip: tuple[str, ...] = (),
                  **changes: Any) -> int:
    """The record folder ``source`` at ``dest`` with canaries in every string its model lets carry one (``plant_data``),
    ``changes`` laid over it first (``posting`` updated, other keys set); how many markers."""
    data, provenance = _composed(source)
    for key, value in changes.items():
        if key == "posting":
            data["posting"].update(value)
        else:
            data[key] = value
    planted = plant_data(data, model, skip)
    _write_folder(dest, dest.parent.name, data, provenance)
    return planted


def make_board_repo(target: Path) -> tuple[Path, int]:
    """Demo data with canaries and special postings; returns (repo, markers planted).

    Every record folder is composed, planted in memory and written back in the folder layout, an entry file for
    each entry file of the demo."""
    target.mkdir(parents=True)
    for name in ("organisation.yaml", "modules", "schema"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.exists():
            shutil.copy(src, target / name)
    assert not [p for kind in ("cases", "workplaces") for p in (REPO / kind).iterdir() if not p.is_dir()], "demo records are folders"
    planted = 0
    workplaces = sorted(p for p in (REPO / "workplaces").iterdir() if p.is_dir())
    for folder in workplaces:
        planted += _planted_copy(folder, target / "workplaces" / folder.name, Workplace, WORKPLACE_SKIP)
    first = workplaces[0]
    for new_id, posting in (("ap-9001", {"title": XSS_TITLE, "tasks": [XSS_TASK, "Du trägst <b>Kisten</b> & Säcke."], "publish": True}),
                            ("ap-9002", {"title": "Abgelaufene Stelle", "valid_until": "2026-01-31", "publish": True}),
                            ("ap-9003", {"title": "Versteckte Stelle", "publish": False})):
        planted += _planted_copy(first, target / "workplaces" / new_id, Workplace, WORKPLACE_SKIP, id=new_id, posting=posting)
    for case in sorted(p for p in (REPO / "cases").iterdir() if p.is_dir()):
        planted += _planted_copy(case, target / "cases" / case.name, Case)
    for case in sorted(p for p in (DATA / "base" / "cases").iterdir() if p.is_dir()):  # at least one case even before demo cases exist
        planted += _planted_copy(case, target / "cases" / case.name.replace("tn-", "tn-9"), Case)
    return target, planted


class Board:
    """The built board: its folder, PDF, marker count and a local HTTP server."""

    def __init__(self, repo: Path, out: Path, pdf: Path, planted: int, url: str) -> None:
        self.repo, self.out, self.pdf, self.planted, self.url = repo, out, pdf, planted, url


@pytest.fixture(scope="package")
def board(tmp_path_factory: pytest.TempPathFactory, demo_public: Path, recordings: Recordings) -> Iterator[Board]:
    """Built once per session for both xdist workers (``built_once``) after the demo's board, whose recordings
    it reuses (``recordings``: it speaks only its own texts, the special postings'); each worker serves it
    (read-only use)."""
    def make(folder: Path) -> None:
        _, planted = make_board_repo(folder / "repo")
        with recordings.used_by(folder / "repo"):
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
