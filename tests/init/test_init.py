"""A team starts its own records repository: only real commands from an empty folder.

git, site-gen (its real entry point), pre-commit with the hook installed from a
tagged clone of this repository, check-jsonschema with its vendored CI schemas.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen import __version__

from ..conftest import REPO, run_cli

FINDING = re.compile(r"^\S+:\d+:\d+: [A-Z-]+ .*$", re.M)
HOOK = "site-gen-check"


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**_without_worktree(), "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, env=env, timeout=1800)


def _without_worktree() -> dict[str, str]:
    # The hook must run from its own installed copy (package data!), not from this checkout.
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True, text=True,
                          env={**_without_worktree(), "PRE_COMMIT_COLOR": "never"}, timeout=1800)


def new_repo(path: Path, *extra: str) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    result = run_cli("init", *extra, cwd=path)
    assert result.returncode == 0, result.stdout + result.stderr
    return path


def fill_case(repo: Path) -> Path:
    """``site-gen new case`` from a subfolder, then the placeholders replaced by hand."""
    made = run_cli("new", "case", cwd=repo / "cases")
    assert made.returncode == 0, made.stderr
    path = repo / "cases" / "tn-0001" / "case.yaml"  # a new case is a folder
    text = path.read_text(encoding="utf-8")
    text = text.replace('"AUSFÜLLEN: Vorname"', "Alex").replace('"AUSFÜLLEN: Nachname"', "Beispiel")
    text = text.replace("wishes: []", "wishes:\n  - Arbeit in einer Gärtnerei")
    path.write_text(text, encoding="utf-8")
    return path


def findings(text: str) -> set[str]:
    return set(FINDING.findall(text))


def test_fresh_repository_checks_builds_publishes_and_ignores_its_output(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "akten")
    for rel in ("organisation.yaml", ".gitignore", ".pre-commit-config.yaml", ".gitlab-ci.yml", ".forgejo/workflows/site-gen.yml",
                ".github/workflows/site-gen.yml", ".github/pull_request_template.md", "CODEOWNERS", "schema/case.schema.json"):
        assert (repo / rel).is_file(), rel
    assert f"rev: v{__version__}" in (repo / ".pre-commit-config.yaml").read_text()
    org = (repo / "organisation.yaml").read_text()
    assert org.count("roles: [jobcoach") == 2 and "Tandem" in org
    for command in (["check"], ["build", "--no-search"], ["public"]):
        result = run_cli(*command, cwd=repo)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "site" / "index.html").is_file() and (repo / "public" / "index.html").is_file()
    fill_case(repo)
    assert run_cli("briefing", "tn-0001", "ap-0001", cwd=repo).returncode == 1  # no such workplace: refused, nothing written
    git(repo, "add", "-A")
    staged = git(repo, "diff", "--cached", "--name-only").stdout.split()
    assert "cases/tn-0001/case.yaml" in staged and any(p.startswith("cases/tn-0001/stages/") for p in staged)
    assert not [p for p in staged if p.startswith(("site/", "public/", ".site-gen-cache/", "ausgabe/"))], staged


def test_init_never_overwrites_and_says_what_it_would_add(tmp_path: Path) -> None:
    folder = tmp_path / "vorhanden"
    folder.mkdir()
    (folder / "organisation.yaml").write_text("# unsere eigene Datei\n", encoding="utf-8")
    listed = run_cli("init", str(folder))
    assert listed.returncode == 1
    assert "+ .gitignore" in listed.stdout and "+ organisation.yaml" not in listed.stdout and "Nichts geschrieben" in listed.stdout
    assert not (folder / ".gitignore").exists()
    added = run_cli("init", str(folder), "--add-missing")
    assert added.returncode == 0, added.stderr
    assert (folder / ".gitignore").is_file() and (folder / "organisation.yaml").read_text() == "# unsere eigene Datei\n"
    again = run_cli("init", str(folder), "--add-missing")
    assert again.returncode == 0 and "nichts geändert" in again.stdout


@pytest.mark.parametrize(("rel", "schema"), [
    (".github/workflows/site-gen.yml", "vendor.github-workflows"),
    (".forgejo/workflows/site-gen.yml", "vendor.github-workflows"),
    (".gitlab-ci.yml", "vendor.gitlab-ci"),
])
def test_ci_files_validate_against_the_published_schemas(tmp_path: Path, rel: str, schema: str) -> None:
    repo = new_repo(tmp_path / "akten")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(repo / rel)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (repo / rel).read_text()
    assert f"@v{__version__}" in text and "site-gen build" in text and "site-gen public" in text
    assert "--format github" in text or "--format gitlab" in text


def test_skeleton_fails_the_check_and_never_reaches_public(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "akten")
    for kind in ("workplace", "module"):
        assert run_cli("new", kind, cwd=repo / "modules").returncode == 0  # from a subfolder
    check = run_cli("check", cwd=repo / "workplaces")
    assert check.returncode == 1
    assert "workplaces/ap-0001/workplace.yaml:" in check.stdout and "PLACEHOLDER" in check.stdout and "AUSFÜLLEN" in check.stdout
    public = run_cli("public", cwd=repo)
    assert public.returncode == 1 and "Traceback" not in public.stderr and "PLACEHOLDER" in public.stderr
    published = [p for p in (repo / "public").rglob("*") if p.is_file()] if (repo / "public").exists() else []
    assert not [p for p in published if "AUSFÜLLEN".encode() in p.read_bytes() or "ap-0001" in p.name or "mod-001" in p.name]
    match = run_cli("match", "--workplace", "ap-0001", cwd=repo)
    assert match.returncode == 1  # a skeleton is not a record: nobody is matched against it


def test_commit_through_the_installed_hook_and_try_repo_agree_with_the_cli(tmp_path: Path) -> None:
    tool = tmp_path / "site-gen"
    subprocess.run(["git", "clone", "-q", str(REPO), str(tool)], check=True, capture_output=True, timeout=300)
    git(tool, "tag", f"v{__version__}")
    repo = new_repo(tmp_path / "akten", "--tool-repo", str(tool))
    assert pre_commit(repo, "install").returncode == 0
    case = fill_case(repo)
    git(repo, "add", "-A")
    first = git(repo, "commit", "-m", "Repository eingerichtet, erste Akte", check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "site-gen check" in first.stdout + first.stderr

    case.write_text(case.read_text(encoding="utf-8").replace("deputy: coach-zwei", "deputy: coach-drei"), encoding="utf-8")
    git(repo, "add", "cases/tn-0001/case.yaml")
    refused = git(repo, "commit", "-m", "kaputt", check=False)
    assert refused.returncode != 0
    cli = run_cli("check", "cases/tn-0001/case.yaml", cwd=repo / "cases" / "..")
    assert cli.returncode == 1
    assert findings(cli.stdout) and findings(cli.stdout) == findings(refused.stdout + refused.stderr)
    assert "cases/tn-0001/case.yaml:" in cli.stdout and "REF-DANGLING" in cli.stdout
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    tried = pre_commit(repo, "try-repo", str(tool), HOOK, "--all-files")
    full = run_cli("check", "--no-cache", cwd=repo)
    assert tried.returncode == 1 and full.returncode == 1
    assert findings(tried.stdout) == findings(full.stdout)
    counts = re.compile(r"geprüft: (\d+ Fehler, \d+ Warnung(?:en)?)")
    assert counts.findall(full.stdout) == counts.findall(tried.stdout)  # same errors and warnings counted
