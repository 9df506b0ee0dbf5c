"""``site-gen log`` writes only real files in real folders of the repository, keeps a note's characters
exactly, and never repeats a value it refuses. In-process (the entry point: tests/layout/test_merge.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_gen.cli import main
from site_gen.records.load import read_yaml

from ..conftest import REPO

CASE = "tn-0001"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "akten"
    target.mkdir()
    shutil.copytree(REPO / "cases" / CASE, target / "cases" / CASE)
    shutil.copy(REPO / "organisation.yaml", target / "organisation.yaml")
    return target


def log(root: Path, *extra: str, by: str = "mara-petersen", note: str = "Termin.") -> int:
    return main(["--root", str(root), "log", CASE, "--date", "2026-11-21", "--kind", "unmittelbar", "--minutes", "30",
                 "--by", by, "--note", note, *extra])


@pytest.mark.parametrize("link", ["cases", f"cases/{CASE}", f"cases/{CASE}/support_log"])
def test_log_never_writes_through_a_link(root: Path, tmp_path: Path, link: str, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "draussen"
    shutil.move(root / link, outside)
    (root / link).symlink_to(outside)
    before = sorted(outside.rglob("*"))
    assert log(root) == 1
    err = capsys.readouterr().err
    assert f"{link} ist ein Verweis (Symlink)" in err and "Traceback" not in err
    assert sorted(outside.rglob("*")) == before


def test_a_note_keeps_line_and_paragraph_separators(root: Path) -> None:
    note = "Erste Zeile\u2028zweite\u2029dritte\x85Ende"
    assert log(root, note=note) == 0
    written = [p for p in (root / "cases" / CASE / "support_log").iterdir() if "2026-11-21" in p.name]
    assert len(written) == 1
    data, findings = read_yaml(written[0], "x.yaml")
    assert findings == [] and data["note"] == note


def test_an_unknown_by_is_not_repeated(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert log(root, by="jana-geheimname") == 1
    out = capsys.readouterr()
    assert "Personal" in out.err and "geheimname" not in out.out + out.err
