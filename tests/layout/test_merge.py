"""Two coaches, one person: entries added on two branches merge with plain Git.

Real temporary repositories; ``git merge-tree --write-tree`` is what a Git
host's web merge does (no merge driver, no .gitattributes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import TODAY, run_cli
from .conftest import migrated_copy
from .helpers import commit_all, git, single_file_demo

CASE = "tn-0004"
ABILITY = """\
instrument: melba
date: 2026-11-21
assessor: {by}
ratings:
  kundenkontakt: 4
  kommunikation: 3
  puenktlichkeit: 4
"""


@pytest.fixture
def repo(migrated_demo: Path, tmp_path: Path) -> Path:
    return migrated_copy(migrated_demo, tmp_path / "akten")


def _branch(root: Path, name: str, by: str, minutes: str) -> None:
    git(root, "checkout", "-q", "-b", name, "main")
    logged = run_cli("--root", str(root), "log", CASE, "--date", "2026-11-21", "--kind", "unmittelbar", "--minutes", minutes,
                     "--by", by, "--note", "Begleitung im Café, Kassentraining.")
    assert logged.returncode == 0, logged.stderr
    assert "Kassentraining" not in logged.stdout + logged.stderr  # the note is never printed
    folder = root / "cases" / CASE / "ability_profiles"
    (folder / f"2026-11-21-{by}.yaml").write_text(ABILITY.format(by=by), encoding="utf-8")
    commit_all(root, f"{CASE}: Begleitung und Einschätzung ({by})")
    git(root, "checkout", "-q", "main")


def test_two_coaches_log_in_parallel_and_the_merge_has_no_conflict(repo: Path) -> None:
    _branch(repo, "emre", "emre-yildiz", "60")
    _branch(repo, "leonie", "leonie-wagner", "45")
    merged = git(repo, "merge-tree", "--write-tree", "emre", "leonie", check=False)
    assert merged.returncode == 0, merged.stdout  # 0: clean, 1: conflicts
    tree = merged.stdout.split()[0]
    git(repo, "checkout", "-q", "emre")
    git(repo, "read-tree", "-u", "--reset", tree)
    files = git(repo, "ls-files", f"cases/{CASE}").stdout.split()
    assert sum("/support_log/2026-11-21-" in f for f in files) == 2 and sum("/ability_profiles/2026-11-21-" in f for f in files) == 2
    check = run_cli("--root", str(repo), "check", "--today", TODAY, "--no-cache")
    assert check.returncode == 0, check.stdout[-3000:]
    assert " 0 Fehler" in check.stdout


def test_the_same_field_changed_on_two_branches_still_conflicts(repo: Path) -> None:
    main_file = repo / "cases" / CASE / "case.yaml"
    for branch, deputy in (("a", "mara-petersen"), ("b", "jonas-brandt")):
        git(repo, "checkout", "-q", "-b", branch, "main")
        main_file.write_text(main_file.read_text(encoding="utf-8").replace("deputy: leonie-wagner", f"deputy: {deputy}"), encoding="utf-8")
        commit_all(repo, f"Vertretung {deputy}")
        git(repo, "checkout", "-q", "main")
    merged = git(repo, "merge-tree", "--write-tree", "a", "b", check=False)
    assert merged.returncode == 1 and f"cases/{CASE}/case.yaml" in merged.stdout


def test_a_single_file_case_conflicts_where_the_folder_does_not(tmp_path: Path) -> None:
    """The control: the same two additions to the old layout conflict (why the folder layout exists)."""
    root = single_file_demo(tmp_path / "alt")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Demo")
    path = root / "cases" / f"{CASE}.yaml"
    for branch, by in (("a", "emre-yildiz"), ("b", "leonie-wagner")):
        git(root, "checkout", "-q", "-b", branch, "main")
        text = path.read_text(encoding="utf-8").replace(
            "support_log:\n", f"support_log:\n  - date: 2026-11-21\n    kind: unmittelbar\n    minutes: 30\n    by: {by}\n    note: Termin.\n", 1)
        path.write_text(text, encoding="utf-8")
        commit_all(root, by)
        git(root, "checkout", "-q", "main")
    assert git(root, "merge-tree", "--write-tree", "a", "b", check=False).returncode == 1


def test_log_refuses_bad_input_in_german_and_writes_nothing(repo: Path) -> None:
    before = sorted((repo / "cases" / CASE).rglob("*"))
    bad = run_cli("--root", str(repo), "log", CASE, "--date", "2026-11-21", "--kind", "unmittelbar", "--minutes", "900",
                  "--by", "niemand-hier", "--note", "Geheime Notiz")
    assert bad.returncode == 1 and "--minutes" in bad.stderr and "höchstens 600" in bad.stderr and "Traceback" not in bad.stderr
    assert "Geheime Notiz" not in bad.stdout + bad.stderr
    unknown = run_cli("--root", str(repo), "log", CASE, "--kind", "unmittelbar", "--minutes", "30", "--by", "niemand-hier", "--note", "x")
    assert unknown.returncode == 1 and "Personal" in unknown.stderr
    missing = run_cli("--root", str(repo), "log", "tn-9999", "--kind", "unmittelbar", "--minutes", "30", "--by", "emre-yildiz", "--note", "x")
    assert missing.returncode == 1 and "gibt es nicht" in missing.stderr
    assert sorted((repo / "cases" / CASE).rglob("*")) == before


def test_the_hook_maps_a_new_entry_file_to_its_case(repo: Path) -> None:
    folder = repo / "cases" / CASE / "support_log"
    (folder / "2026-11-21-emre-yildiz-kaputt.yaml").write_text(
        "date: 2026-11-21\nkind: unmittelbar\nminutes: 30\nby: niemand-hier\nnote: Termin.\n", encoding="utf-8")
    git(repo, "add", "-A")
    for cache in ("--no-cache", None):
        args = ["--root", str(repo), "check", "--staged", "--today", TODAY] + ([cache] if cache else [])
        staged = run_cli(*args)
        assert staged.returncode == 1, staged.stdout
        assert f"cases/{CASE}/support_log/2026-11-21-emre-yildiz-kaputt.yaml:4:1: REF-DANGLING" in staged.stdout, staged.stdout
