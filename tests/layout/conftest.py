"""A migrated demo repository, made once per test session for all workers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import built_once, run_cli
from .helpers import commit_all, git, single_file_demo


@pytest.fixture(scope="session")
def migrated_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo written the old way (one file per case), committed, then ``site-gen migrate``d in its Git
    repository: the history holds the old single files, the renames and the split. Read-only use: copy it
    (:func:`migrated_copy`) to change it."""
    def make(base: Path) -> None:
        root = single_file_demo(base / "akten")
        git(root, "init", "-q", "-b", "main")
        commit_all(root, "Demo")
        assert run_cli("--root", str(root), "migrate").returncode == 0

    return built_once(tmp_path_factory, "migrated-demo", make) / "akten"


def migrated_copy(migrated_demo: Path, dest: Path) -> Path:
    """A copy of :func:`migrated_demo`, its Git history included, for one test to change."""
    return Path(shutil.copytree(migrated_demo, dest, symlinks=True))
