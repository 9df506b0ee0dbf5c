"""``site-gen forget`` on a migrated case: the folder goes, and no object in the history holds it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..conftest import TODAY, run_cli
from .conftest import migrated_copy
from .helpers import commit_all, git

CASE = "tn-0004"
MARKERS = [b"Ay\xc5\x9fe", b"Braucht Zeit beim Rechnen mit Geld", b"KASSENTRAINING-MARKER-19"]


def store_hits(root: Path) -> list[bytes]:
    data = subprocess.run(["git", "-C", str(root), "cat-file", "--batch-all-objects", "--batch"], capture_output=True, check=True).stdout
    return [m for m in MARKERS if m in data]


def test_forget_removes_the_case_folder_and_purges_every_file_of_it_from_history(tmp_path: Path, migrated_demo: Path) -> None:
    root = migrated_copy(migrated_demo, tmp_path / "akten")
    logged = run_cli("--root", str(root), "log", CASE, "--date", "2026-11-21", "--kind", "unmittelbar", "--minutes", "30",
                     "--by", "emre-yildiz", "--note", "KASSENTRAINING-MARKER-19")
    assert logged.returncode == 0, logged.stderr
    commit_all(root, f"{CASE}: Begleitung")
    assert store_hits(root) == MARKERS  # in the history before: the old single file, case.yaml and entry files
    result = run_cli("--root", str(root), "forget", CASE, "--yes", input="")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kein Objekt enthält sie noch" in result.stdout
    assert not (root / "cases" / CASE).exists() and not (root / "cases" / f"{CASE}.yaml").exists()
    assert store_hits(root) == []
    assert git(root, "log", "--all", "--format=%H", "--", f"cases/{CASE}", f"cases/{CASE}.yaml").stdout == ""
    check = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert check.returncode == 0, check.stdout[-2000:]
