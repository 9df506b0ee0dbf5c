"""The hook judges the commit, deterministically — real git, real pre-commit, the demo data.

Uses a local hook (``language: system``, the installed site-gen: the console script beside this
interpreter, see ``site_gen_cmd``) so that no hook
environment has to be built; test_hooks.py covers installing it from this repository.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from site_gen.records.cache import read_cache

from ..conftest import REPO, built_once, site_gen_cmd
from .test_hooks import git, pre_commit

DAY = "2026-11-29"
"""A week after the demo data was written: tn-0004's trial ended, two tasks are due there."""
CONFIG = f"""repos:
  - repo: local
    hooks:
      - id: site-gen-check
        name: Akten prüfen
        entry: {shlex.join(site_gen_cmd())} check --staged --today {DAY}
        language: system
        files: ^(cases|workplaces|modules|team)/|^organisation\\.yaml$|^schema/
        always_run: true
        verbose: true
        require_serial: true
"""


@pytest.fixture(scope="session")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo records with the local hook's configuration, committed once per session for all workers
    (read-only use: :func:`repo` copies it)."""
    def make(base: Path) -> None:
        target = base / "akten"
        target.mkdir()
        for name in ("cases", "workplaces", "modules", "schema", "team"):
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("*.json"))
        shutil.copy(REPO / "organisation.yaml", target)
        (target / ".pre-commit-config.yaml").write_text(CONFIG, encoding="utf-8")
        (target / ".gitignore").write_text(".site-gen-cache/\n", encoding="utf-8")
        git(target, "init", "-q", "-b", "main")
        git(target, "add", "-A")
        git(target, "commit", "-qm", "Akten")

    return built_once(tmp_path_factory, "commit-verdict-akten", make) / "akten"


@pytest.fixture
def repo(committed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of :func:`committed` for one test (``cp -a`` of a Git repository is a real one; no hook has run in it)."""
    # The hook and this test read the same cache: one key for both, as CI's protected variable gives
    # (without it, CI=true keeps each process's key to itself and the test could not read the hook's index).
    monkeypatch.setenv("SITE_GEN_CACHE_KEY", "test-commit-verdict")
    target = tmp_path / "akten"
    subprocess.run(["cp", "-a", str(committed), str(target)], check=True)
    git(target, "update-index", "-q", "--refresh")  # the copies' new inodes and times: Git's index up to date again
    return target


def commit(repo: Path, home: Path, message: str) -> tuple[int, str]:
    """Run the hook on what is staged (as ``git commit`` would) and commit if it passes."""
    result = pre_commit(repo, home, "run")
    if result.returncode == 0:
        git(repo, "commit", "-qm", message, "--no-verify")
    return result.returncode, result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")




def test_same_staged_edit_same_verdict_cold_and_warm(repo: Path, home: Path) -> None:
    consent = next(p for p in (repo / "cases" / "tn-0001" / "consents").iterdir() if "valid_until: 2027-08-31" in p.read_text(encoding="utf-8"))
    edit(consent, "valid_until: 2027-08-31", "valid_until: 2026-12-20")  # one entry file of the case folder
    git(repo, "add", str(consent))
    shutil.rmtree(repo / ".site-gen-cache", ignore_errors=True)
    cold = pre_commit(repo, home, "run")
    warm = pre_commit(repo, home, "run")
    shutil.rmtree(repo / ".site-gen-cache")
    cold_again = pre_commit(repo, home, "run")
    assert cold.returncode == warm.returncode == cold_again.returncode == 0, cold.stdout
    def shown(out: str) -> str:  # pre-commit's own timing line aside
        return "\n".join(line for line in out.splitlines() if not line.startswith("- duration:"))

    assert shown(cold.stdout) == shown(warm.stdout) == shown(cold_again.stdout)
    # time-made tasks in tn-0004 (not touched) neither refuse nor show; the warning of this edit shows on a passing commit
    assert "tn-0004" not in cold.stdout
    assert f"{consent.relative_to(repo).as_posix()}:" in cold.stdout and "CONSENT-EXPIRING" in cold.stdout and "Passed" in cold.stdout


def test_a_touched_file_with_a_due_task_is_refused_until_updated(repo: Path, home: Path) -> None:
    case = repo / "cases" / "tn-0004" / "case.yaml"
    edit(case, "wishes:", "wishes:\n  - Im Team arbeiten")
    git(repo, "add", "cases/tn-0004/case.yaml")  # the task sits in an entry file: the commit touches its case
    code, out = commit(repo, home, "Wunsch")
    assert code == 1 and "STAGE-MISMATCH" in out and "fällig seit 28.11.2026" in out


def test_deleting_a_referenced_workplace_is_refused(repo: Path, home: Path) -> None:
    git(repo, "rm", "-q", "-r", "workplaces/ap-0003")
    code, out = commit(repo, home, "Betrieb gelöscht")
    assert code == 1
    assert "REF-DANGLING" in out and "cases/tn-0005/placements/" in out
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_renaming_a_referenced_module_is_refused(repo: Path, home: Path) -> None:
    module = next(p for p in sorted((repo / "modules").glob("*.yaml")) if git(repo, "grep", "-l", f"module: {p.stem}", "--", "cases").stdout)
    git(repo, "mv", f"modules/{module.name}", f"modules/{module.stem}-neu.yaml")
    code, out = commit(repo, home, "Modul umbenannt")
    assert code == 1 and "REF-DANGLING" in out


def test_untracked_drafts_do_not_count(repo: Path, home: Path) -> None:
    (repo / "cases" / "tn-0999").mkdir()
    (repo / "cases" / "tn-0999" / "case.yaml").write_text("id: tn-0999\nfirst_name: [kaputt\n", encoding="utf-8")
    edit(repo / "cases" / "tn-0002" / "case.yaml", "wishes:", "wishes:\n  - Mit Tieren arbeiten")
    git(repo, "add", "cases/tn-0002/case.yaml")
    code, out = commit(repo, home, "Wunsch")
    assert code == 0, out
    assert "tn-0999" not in out


def test_a_commit_without_records_passes_quickly(repo: Path, home: Path) -> None:
    (repo / "notiz.txt").write_text("Teamsitzung\n", encoding="utf-8")
    git(repo, "add", "notiz.txt")
    code, out = commit(repo, home, "Notiz")
    assert code == 0 and "Keine Akten" in out


def test_after_a_hook_run_changes_since_its_tree_are_read_from_git(repo: Path, home: Path) -> None:
    """The hook stores the tree it judged; a later commit loads what changed since (here: outside the hook)."""
    workplace = repo / "workplaces" / "ap-0999" / "workplace.yaml"
    workplace.parent.mkdir()
    workplace.write_text((repo / "workplaces" / "ap-0003" / "workplace.yaml").read_text(encoding="utf-8").replace("id: ap-0003", "id: ap-0999", 1),
                         encoding="utf-8")
    git(repo, "add", "workplaces/ap-0999")
    code, out = commit(repo, home, "Neuer Betrieb")
    assert code == 0, out
    index = json.loads(read_cache(repo, "summary.json") or b"null")
    assert index["tree"] == git(repo, "rev-parse", "HEAD^{tree}").stdout.strip()

    placement = next((repo / "cases" / "tn-0005" / "placements").iterdir())
    edit(placement, "workplace: ap-0003", "workplace: ap-0999")  # committed without the hook (as a pull would bring it)
    git(repo, "commit", "-qam", "Praktikum verlegt", "--no-verify")
    git(repo, "rm", "-q", "-r", "workplaces/ap-0999")
    code, out = commit(repo, home, "Betrieb gelöscht")
    assert code == 1 and "REF-DANGLING" in out and "cases/tn-0005/placements/" in out


def test_a_refused_commit_says_why_in_one_sentence(repo: Path, home: Path) -> None:
    # Withdrawing the health consent leaves 'support_needs' in the case: a task in a file this commit touches.
    consent = repo / "cases" / "tn-0001" / "consents" / "2025-11-10-ew-1-3ea03b.yaml"
    consent.write_text(consent.read_text(encoding="utf-8") + "withdrawn_on: 2026-11-20\n", encoding="utf-8")
    git(repo, "add", "-A")
    code, out = commit(repo, home, "Widerruf")
    assert code == 1 and "CONSENT-WITHDRAWN-DATA-LEFT" in out
    assert "„Unterstützungsbedarf“ (support_needs)" in out
    tasks = out.count("CONSENT-WITHDRAWN-DATA-LEFT")
    assert (f"Der Commit wird abgelehnt, weil in den geänderten Dateien {tasks} fällige Aufgaben offen sind; "
            "bitte erst beheben (siehe Hinweise oben) und dann erneut committen.") in out


def test_each_finding_once_and_a_passing_commit_says_so(repo: Path, home: Path) -> None:
    from site_gen.cli import main

    assert main(["--root", str(repo), "new", "eintrag", "tn-0002", "support_log", "--today", DAY]) == 0
    git(repo, "add", "-A")
    for _ in range(2):  # cold, then with the hook's index (fast path)
        code, out = commit(repo, home, "Gerüst")
        lines = [line for line in out.splitlines() if "PLACEHOLDER" in line]
        assert code == 1 and lines and len(lines) == len(set(lines)), out
        assert "weil in den geänderten Dateien" in out
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-qfd")
    edit(repo / "organisation.yaml", "\n", "\n# geändert\n")
    git(repo, "add", "organisation.yaml")
    code, out = commit(repo, home, "Organisation")
    files = sum(1 for p in (repo / "cases").rglob("*.yaml")) + sum(1 for _ in (repo / "workplaces").rglob("*.yaml")) \
        + sum(1 for _ in (repo / "modules").glob("*.yaml")) + 1
    assert code == 0 and f"{files} Dateien geprüft" in out and "Der Commit kann übernommen werden." in out, out


def test_a_company_contact_about_a_person_needs_that_persons_consent_in_the_hook(repo: Path, home: Path) -> None:
    """A new contact file in a workplace folder: refused while the case it names has no consent for that company
    (the case is loaded as context only), accepted once it names a case whose consent covers the company."""
    contact = repo / "workplaces" / "ap-0001" / "contact_log" / "2026-11-27-mara-petersen-0a0b0c.yaml"
    contact.write_text("date: 2026-11-27\nkind: besuch\nby: mara-petersen\nsummary: Praktikum besprochen.\ncase: tn-0002\n", encoding="utf-8")
    git(repo, "add", str(contact))
    code, out = commit(repo, home, "Kontakt")
    assert code == 1 and "CONTACT-CONSENT" in out and "workplaces/ap-0001/contact_log/2026-11-27-mara-petersen-0a0b0c.yaml:5:1" in out, out
    assert "Praktikum besprochen" not in out
    edit(contact, "case: tn-0002", "case: tn-0001")  # tn-0001 consents to telling ap-0001
    git(repo, "add", str(contact))
    code, out = commit(repo, home, "Kontakt")
    assert code == 0, out


def test_a_commit_touching_only_team_time_gets_the_full_check(repo: Path, home: Path) -> None:
    """Issue 29: team/ is organisation-level data (incremental.META_FOLDERS): a commit that touches only a team-time
    file is judged by the full check, also right after a warm run — a broken file is refused at its line, a good one passes."""
    edit(repo / "cases" / "tn-0002" / "case.yaml", "wishes:", "wishes:\n  - Mit Tieren arbeiten")
    git(repo, "add", "cases/tn-0002/case.yaml")
    assert commit(repo, home, "Wunsch")[0] == 0  # the cache is warm now
    rel = "team/2026-11-27-mara-petersen-0a0b0c.yaml"
    entry = repo / rel
    entry.write_text("date: 2026-11-27\nactivity: supervision\nminutes: 900\nby: niemand-hier\nnote: Supervision.\n", encoding="utf-8")
    git(repo, "add", rel)
    code, out = commit(repo, home, "Teamzeit")
    assert code == 1, out
    assert f"{rel}:3:1: SCHEMA-RANGE" in out and "Hinweis:" in out, out
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "2"  # nothing was committed
    edit(entry, "minutes: 900", "minutes: 90")
    git(repo, "add", rel)
    code, out = commit(repo, home, "Teamzeit")
    assert code == 1 and f"{rel}:4:1: REF-DANGLING 'by': Fachkraft nicht gefunden." in out, out
    edit(entry, "by: niemand-hier", "by: mara-petersen")
    git(repo, "add", rel)
    code, out = commit(repo, home, "Teamzeit")
    assert code == 0 and "Passed" in out, out
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "3"
