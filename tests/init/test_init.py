"""A team starts its own records repository: only real commands from an empty folder.

git, site-gen (its real entry point), pre-commit with the local hook ``init`` writes,
check-jsonschema with its vendored CI schemas. The same path from an installed wheel:
``test_wheel.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from site_gen import __version__

from ..conftest import run_cli

FINDING = re.compile(r"^\S+:\d+:\d+: [A-Z-]+ .*$", re.M)
AUTHOR = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**_without_worktree(), "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check, env=env, timeout=1800)


def _without_worktree() -> dict[str, str]:
    # The hook must run from its own installed copy (package data!), not from this checkout.
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


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
    hook = (repo / ".pre-commit-config.yaml").read_text()
    assert "repo: local" in hook and "entry: site-gen check --staged" in hook and "language: system" in hook
    assert (repo / ".site-gen-version").read_text() == f"{__version__}\n"
    written = "".join(p.read_text(encoding="utf-8") for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts and "schema" not in p.parts)
    assert "git.example.org" not in written and "git+" not in written  # no address to get right, none made up
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
    from check_jsonschema import main  # its command, in this process (click's runner), as test_new_entry.py runs it

    result = CliRunner().invoke(main, ["--builtin-schema", schema, str(repo / rel)])
    assert result.exit_code == 0, result.output
    text = (repo / rel).read_text()
    assert 'pip install --quiet "site-gen==$(cat .site-gen-version)"' in text and "site-gen build" in text and "site-gen public" in text
    assert "--format github" in text or "--format gitlab" in text
    assert "SITE_GEN_INTERN_ZIEL" in text and "SITE_GEN_IDENTITY" in text and "StrictHostKeyChecking=yes" in text
    assert "pages" not in text.replace("Pages", "").lower()  # the internal site never goes to a public Pages site




def test_init_says_when_the_hook_it_writes_cannot_run_here(tmp_path: Path) -> None:
    """The hook runs the installed ``site-gen`` through ``pre-commit``: without either on the search path, ``init``
    still writes the repository and says, in German, what to install (the same version)."""
    repo = tmp_path / "akten"
    made = run_cli("init", str(repo), env={"PATH": "/usr/bin:/bin"})  # git, no site-gen, no pre-commit
    assert made.returncode == 0 and (repo / ".pre-commit-config.yaml").is_file(), made.stderr
    assert "Achtung: 'site-gen' ist auf diesem Rechner nicht im Suchpfad (PATH)" in made.stdout
    assert f'python -m pip install "site-gen=={__version__}"' in made.stdout
    assert "Hinweis: 'pre-commit' ist nicht installiert. Einmal: python -m pip install pre-commit" in made.stdout
    assert "git init -b main  und  pre-commit install" in made.stdout  # not a Git repository yet: said first

def test_actions_find_node_and_every_host_reads_the_organisations_package_index(tmp_path: Path) -> None:
    """Forgejo/Gitea runners run JavaScript actions (checkout, upload-artifact) inside the job's container and do not
    bring Node.js along as GitHub does: a ``python:`` container installs it before the first action. GitHub and
    Forgejo pass secrets only when the workflow names them: ``PIP_INDEX_URL`` reaches pip (GitLab exports variables)."""
    import yaml

    repo = new_repo(tmp_path / "akten")
    forgejo = yaml.safe_load((repo / ".forgejo/workflows/site-gen.yml").read_text(encoding="utf-8"))
    for name, job in forgejo["jobs"].items():
        if "node" in job.get("container", {}).get("image", "node"):
            continue
        steps = job["steps"]
        first_action = next(i for i, step in enumerate(steps) if "uses" in step)
        assert any("install" in step.get("run", "") and "nodejs" in step["run"] for step in steps[:first_action]), name
    for rel in (".forgejo/workflows/site-gen.yml", ".github/workflows/site-gen.yml"):
        workflow = yaml.safe_load((repo / rel).read_text(encoding="utf-8"))
        assert workflow["env"]["PIP_INDEX_URL"] == "${{ secrets.PIP_INDEX_URL || 'https://pypi.org/simple' }}", rel

def test_another_major_version_is_refused_with_a_german_message(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "akten")
    major = int(__version__.split(".")[0])
    (repo / ".site-gen-version").write_text(f"{major + 1}.0.0\n", encoding="utf-8")
    refused = run_cli("check", cwd=repo)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f".site-gen-version:1:1: VERSION-MAJOR Dieses Daten-Repository ist für site-gen {major + 1}.0.0 geschrieben" in refused.stderr
    assert f'pip install "site-gen=={major + 1}.0.0"' in refused.stderr
    (repo / ".site-gen-version").write_text(f"{major}.999.0\n", encoding="utf-8")
    noted = run_cli("check", cwd=repo)
    assert noted.returncode == 0 and f"nennt site-gen {major}.999.0" in noted.stderr
    (repo / ".site-gen-version").write_text("neueste\n", encoding="utf-8")
    broken = run_cli("check", cwd=repo)
    assert broken.returncode == 1 and "VERSION-PIN-INVALID" in broken.stderr


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


def test_first_commit_through_the_local_hook_then_a_broken_one_is_refused(tmp_path: Path) -> None:
    """The hook ``init`` writes runs the installed site-gen: no address, no tag, works on the first commit."""
    repo = new_repo(tmp_path / "akten")
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}  # PYTHONPATH kept: the site-gen on PATH runs this checkout's code
    assert subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, timeout=300).returncode == 0
    case = fill_case(repo)
    git(repo, "add", "-A")
    first = subprocess.run(["git", "commit", "-m", "Repository eingerichtet, erste Akte"], cwd=repo, env={**env, **AUTHOR},
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "site-gen check" in first.stdout + first.stderr

    case.write_text(case.read_text(encoding="utf-8").replace("deputy: coach-zwei", "deputy: coach-drei"), encoding="utf-8")
    git(repo, "add", "cases/tn-0001/case.yaml")
    refused = subprocess.run(["git", "commit", "-m", "kaputt"], cwd=repo, env={**env, **AUTHOR}, capture_output=True, text=True, timeout=600)
    assert refused.returncode != 0
    cli = run_cli("check", "cases/tn-0001/case.yaml", cwd=repo)
    assert cli.returncode == 1
    assert findings(cli.stdout) and findings(cli.stdout) == findings(refused.stdout + refused.stderr)
    assert "cases/tn-0001/case.yaml:" in cli.stdout and "REF-DANGLING" in cli.stdout
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"
