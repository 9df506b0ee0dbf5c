"""A migrated demo repository, made once per test session for all workers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..conftest import TODAY, built_once, run_cli
from .helpers import commit_all, git, single_file_demo


@pytest.fixture(scope="session")
def migrated_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo written the old way (one file per case), committed, then ``site-gen migrate``d in its Git
    repository: the history holds the old single files, the renames and the split. Read-only use: copy it
    (:func:`migrated_copy`) to change it. Beside it, what :func:`migration_record` reads: the check's findings
    before the migration (``vorher.json``), the exit code of ``migrate --check`` before it and what ``migrate`` said."""
    def make(base: Path) -> None:
        root = single_file_demo(base / "akten")
        git(root, "init", "-q", "-b", "main")
        commit_all(root, "Demo")
        before = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache", "--format", "json")
        (base / "vorher.json").write_text(before.stdout, encoding="utf-8")
        check = run_cli("--root", str(root), "migrate", "--check")
        done = run_cli("--root", str(root), "migrate")
        assert done.returncode == 0, done.stderr
        (base / "migrate.json").write_text(json.dumps({"check_before": check.returncode, "stdout": done.stdout}), encoding="utf-8")

    return built_once(tmp_path_factory, "migrated-demo", make) / "akten"


def migration_record(migrated_demo: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the check's JSON output before the migration, {"check_before": exit code of ``migrate --check``, "stdout": of ``migrate``})."""
    base = migrated_demo.parent
    return (json.loads((base / "vorher.json").read_text(encoding="utf-8")),
            json.loads((base / "migrate.json").read_text(encoding="utf-8")))


def migrated_copy(migrated_demo: Path, dest: Path) -> Path:
    """A copy of :func:`migrated_demo`, its Git history included, for one test to change."""
    subprocess.run(["cp", "-a", str(migrated_demo), str(dest)], check=True)  # quicker than shutil.copytree
    return dest
