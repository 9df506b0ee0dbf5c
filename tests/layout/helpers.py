"""Real temporary Git repositories for the layout tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml_rs

from ..conftest import REPO

ENV = {"GIT_AUTHOR_NAME": "Team", "GIT_AUTHOR_EMAIL": "team@example.org", "GIT_COMMITTER_NAME": "Team",
       "GIT_COMMITTER_EMAIL": "team@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, env={**os.environ, **ENV}, check=check)


def single_file_demo(dest: Path) -> Path:
    """The bundled demo with every case as one file (the layout before ``migrate``): each case folder
    composed into one file (the data, without comments)."""
    dest.mkdir(parents=True)
    for name in ("modules", "schema", "team"):
        if (REPO / name).is_dir():  # team/: team time without a case
            shutil.copytree(REPO / name, dest / name)
    (dest / "workplaces").mkdir()
    for path in sorted((REPO / "workplaces").iterdir()):
        if path.is_file():
            shutil.copy(path, dest / "workplaces" / path.name)
        elif path.is_dir():
            compose_into(path, dest / "workplaces" / f"{path.name}.yaml")
    shutil.copy(REPO / "organisation.yaml", dest / "organisation.yaml")
    (dest / "cases").mkdir()
    for path in sorted((REPO / "cases").iterdir()):
        if path.is_file():
            shutil.copy(path, dest / "cases" / path.name)
        elif path.is_dir():
            compose_into(path, dest / "cases" / f"{path.name}.yaml")
    return dest


def single_file_base(dest: Path) -> Path:
    """The small base repository (tests/data/base) with its case ``tn-0001`` as one file, as it was before ``migrate``."""
    from ..conftest import DATA, make_repo

    root = make_repo(dest)
    shutil.rmtree(root / "cases" / "tn-0001")
    old = DATA / "findings" / "records" / "layout-single-file" / "cases" / "tn-0096.yaml"  # the base case in the old layout
    (root / "cases" / "tn-0001.yaml").write_text(old.read_text(encoding="utf-8").replace("id: tn-0096", "id: tn-0001", 1), encoding="utf-8")
    return root


def compose_into(folder: Path, target: Path) -> None:
    """A record folder (of the demo, or of any repository) written as one file (the data, without comments)."""
    from site_gen.records.compose import compose
    from site_gen.records.layout import scan_folder

    unit = scan_folder(folder.parents[1], folder.parent.name, folder.name)[0]
    assert unit is not None
    data, findings, *_ = compose(folder.parents[1], unit)
    assert data is not None and not findings
    target.write_text(yaml_rs.dumps(data) + "\n", encoding="utf-8")


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
