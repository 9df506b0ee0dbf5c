"""The pre-commit hook for real: real git, real pre-commit, temporary repositories."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from ..conftest import BASE_CASE, BASE_PLACEMENT, REPO, make_repo

HOOK = "site-gen-check"
FINDING = re.compile(r"^(\S+):\d+:\d+: [A-Z]+-", re.MULTILINE)
"""A finding's line; its file."""


def git(repo: Path, *args: str, check: bool = True, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` in ``repo`` (``env``: variables added, e.g. :func:`hook_env` for a commit that runs the hook)."""
    environ = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
               "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", **(env or {})}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, env=environ)


OFFLINE_HOOK_ENV = {"VIRTUALENV_SYSTEM_SITE_PACKAGES": "1", "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0"}
"""How pre-commit builds a ``language: python`` hook environment here: still a new virtualenv into which pip
installs site-gen from this repository (its pyproject.toml, setup.py, the console script), but the dependencies
and the build backend come from this machine's site packages instead of being downloaded (about 60 s less per
environment). That every imported package is a declared dependency is
tests/quality/test_dependencies.py's part."""


def hook_env(home: Path) -> dict[str, str]:
    """What pre-commit runs with here: the session's cache (``home``), no colours, hook environments built offline,
    and this interpreter's folder first on PATH (a ``language: system`` hook's ``python`` or ``site-gen`` is this
    one's, not a version manager's shim that starts a shell and the manager first)."""
    return {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", **OFFLINE_HOOK_ENV,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **hook_env(home)}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=1200)


def records_repo(path: Path) -> Path:
    repo = make_repo(path)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Akten anlegen")
    return repo


def break_case(repo: Path) -> Path:
    placement = repo / BASE_PLACEMENT
    placement.write_text(placement.read_text().replace("workplace: ap-0001", "workplace: ap-0404"))
    return placement


def test_installed_hook_refuses_a_broken_record_and_the_commit_with_the_same_messages(tmp_path: Path, home: Path) -> None:
    """The hook installed from this repository (its .pre-commit-hooks.yaml at HEAD): pre-commit builds its Python
    environment once (in the session's cache, offline: :data:`OFFLINE_HOOK_ENV`); over every file of the records,
    one of them broken, it names that one only (the clean ones passed); ``git commit`` through the installed Git hook
    is refused with the same message and nothing is committed; the repaired commit passes (exit 0)."""
    rev = git(REPO, "rev-parse", "HEAD").stdout.strip()
    repo = records_repo(tmp_path / "akten")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n      - id: {HOOK}\n", encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-qm", "pre-commit einrichten")
    installed = pre_commit(repo, home, "install")
    assert installed.returncode == 0, installed.stderr
    break_case(repo)
    broken = pre_commit(repo, home, "run", HOOK, "--all-files")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert f"{BASE_PLACEMENT}:2:1: REF-DANGLING" in broken.stdout and "Hinweis:" in broken.stdout
    assert FINDING.findall(broken.stdout) == [BASE_PLACEMENT], broken.stdout
    git(repo, "add", BASE_PLACEMENT)
    refused = git(repo, "commit", "-m", "kaputt", check=False, env=hook_env(home))
    assert refused.returncode != 0
    assert "REF-DANGLING 'placements[0].workplace': Arbeitsplatz nicht gefunden." in refused.stdout + refused.stderr
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "2"  # nothing was committed
    placement, case = repo / BASE_PLACEMENT, repo / BASE_CASE
    placement.write_text(placement.read_text().replace("ap-0404", "ap-0001"))
    case.write_text(case.read_text().replace("Arbeit im Lager", "Arbeit im Lager oder Versand"))
    git(repo, "add", BASE_PLACEMENT, BASE_CASE)
    accepted = git(repo, "commit", "-m", "Wunsch ergänzt", check=False, env=hook_env(home))
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "3"


def test_this_repository_checks_its_own_demo_data(home: Path) -> None:
    result = pre_commit(REPO, home, "run", "--all-files", "--config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Demodaten prüfen" in result.stdout and "Passed" in result.stdout
