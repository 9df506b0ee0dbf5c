"""``site-gen forget``: erasure in a real Git repository.

One module-scoped repository with several commits touching the case, an
annotated and a lightweight tag, a second branch and a commit message that
names the person. After ``forget --yes`` no commit, tag, branch or object
in the store may hold the person's data.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from consent_fixtures import DATA, REPO, make_repo, site_gen

from site_gen.erasure.references import strip_id
from site_gen.records.load import roundtrip

CASE = "tn-0301"
MARKERS = [b"Holtk\xc3\xb6tter", b"GEHEIM Epilepsie", b"ENTWURF-MARKER-77", b"Birte"]
ENV = {"GIT_AUTHOR_NAME": "Team Nord", "GIT_AUTHOR_EMAIL": "team@example.org", "GIT_COMMITTER_NAME": "Team Nord",
       "GIT_COMMITTER_EMAIL": "team@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, env={**os.environ, **ENV}, check=True)
    return result.stdout.decode("utf-8", "replace")


def store_hits(root: Path) -> list[bytes]:
    """Markers found in any object of the store (reachable or not)."""
    data = subprocess.run(["git", "-C", str(root), "cat-file", "--batch-all-objects", "--batch"], capture_output=True, check=True).stdout
    return [m for m in MARKERS if m in data]


def build_repo(root: Path) -> Path:
    make_repo(root, DATA / "valid", DATA / "_briefing", DATA / "_teams")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start mit drei Akten")
    with (root / "cases" / f"{CASE}.yaml").open("a", encoding="utf-8") as f:
        f.write("# Praktikum besprochen\n")
    git(root, "commit", "-q", "-am", f"{CASE}: Praktikum besprochen")
    git(root, "tag", "-a", "stand-1", "-m", "Stand nach dem Praktikumsgespräch")
    git(root, "tag", "leicht-1")
    git(root, "checkout", "-q", "-b", "entwurf")
    with (root / "cases" / f"{CASE}.yaml").open("a", encoding="utf-8") as f:
        f.write("# ENTWURF-MARKER-77\n")
    git(root, "commit", "-q", "-am", "Entwurf")
    git(root, "checkout", "-q", "main")
    with (root / "cases" / "tn-0001.yaml").open("a", encoding="utf-8") as f:
        f.write("# geprüft\n")
    git(root, "commit", "-q", "-am", "Nach Gespräch mit Birte Holtkötter auch tn-0001 geprüft")
    git(root, "clone", "-q", "--bare", str(root), str(root.parent / "origin.git"))
    git(root, "remote", "add", "origin", str(root.parent / "origin.git"))
    return root


@pytest.fixture(scope="module")
def forgotten(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], str]:
    root = build_repo(tmp_path_factory.mktemp("forget") / "akten")
    assert store_hits(root) == MARKERS  # the data really is in the history before
    before = git(root, "log", "--format=%s", "--", "cases/tn-0001.yaml")
    site_gen(root, "check", "--today", "2026-11-22")  # fills the check cache with parsed records
    assert (root / ".site-gen-cache").exists()
    # No git identity at all (as on a fresh CI runner): forget must still commit the removal.
    bare = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root.parent)}
    result = site_gen(root, "forget", CASE, "--yes", input="", env=bare)
    return root, result, before


def test_forget_succeeds_and_prints_no_personal_value(forgotten: tuple[Path, subprocess.CompletedProcess[str], str]) -> None:
    _, result, _ = forgotten
    assert result.returncode == 0, result.stderr
    assert "kein Objekt enthält sie noch" in result.stdout
    assert "git push --force --all origin" in result.stdout and "origin.git" in result.stdout
    assert not any(m.decode() in result.stdout + result.stderr for m in MARKERS)


def test_no_object_in_the_store_holds_the_data(forgotten: tuple[Path, subprocess.CompletedProcess[str], str]) -> None:
    root, _, _ = forgotten
    assert store_hits(root) == []
    objects = git(root, "rev-list", "--all", "--objects")
    assert f"cases/{CASE}.yaml" not in objects
    assert git(root, "fsck", "--unreachable", "--no-reflogs").strip() == ""
    counts = dict(line.split(": ") for line in git(root, "count-objects", "-v").splitlines())
    assert counts["count"] == "0" and counts["garbage"] == "0"  # nothing loose left behind


def test_no_commit_tag_or_branch_mentions_the_person(forgotten: tuple[Path, subprocess.CompletedProcess[str], str]) -> None:
    root, _, _ = forgotten
    messages = git(root, "log", "--all", "--format=%B") + git(root, "tag", "-n99")
    assert CASE not in messages and "Holtkötter" not in messages
    assert "[gelöscht]" in messages  # the message that named her was rewritten, not dropped
    for ref in git(root, "for-each-ref", "--format=%(refname)").split():
        assert f"cases/{CASE}.yaml" not in git(root, "ls-tree", "-r", "--name-only", ref), ref
    assert git(root, "reflog", "--all").strip() == ""


def test_everything_else_survives(forgotten: tuple[Path, subprocess.CompletedProcess[str], str]) -> None:
    root, _, before = forgotten
    assert not (root / "cases" / f"{CASE}.yaml").exists()
    assert (root / "cases" / "tn-0001.yaml").exists() and (root / "cases" / "tn-0201.yaml").exists()
    assert git(root, "log", "--format=%s", "--", "cases/tn-0001.yaml").count("\n") == before.count("\n")
    assert {"stand-1", "leicht-1"} <= set(git(root, "tag").split())
    assert "entwurf" in git(root, "branch")
    assert git(root, "status", "--porcelain").strip() == ""
    assert not (root / ".site-gen-cache").exists()  # it held the parsed record
    assert site_gen(root, "check", "--today", "2026-11-22", "--no-cache").returncode == 0


def test_without_terminal_and_without_yes_nothing_happens(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "akten")
    head = git(root, "rev-parse", "HEAD")
    result = site_gen(root, "forget", CASE, input="")
    assert result.returncode == 1
    assert "Bestätigung" in result.stderr and "Traceback" not in result.stderr
    assert (root / "cases" / f"{CASE}.yaml").exists() and git(root, "rev-parse", "HEAD") == head


def test_uncommitted_changes_block_the_history_rewrite(tmp_path: Path) -> None:
    root = build_repo(tmp_path / "akten")
    with (root / "cases" / "tn-0001.yaml").open("a", encoding="utf-8") as f:
        f.write("# noch nicht committet\n")
    result = site_gen(root, "forget", CASE, "--yes")
    assert result.returncode == 1 and "nicht committet" in result.stderr
    assert (root / "cases" / f"{CASE}.yaml").exists()


def _run_in_terminal(root: Path, args: list[str], typed: str) -> tuple[int, str]:
    """Run the CLI with a real pseudo-terminal as stdin/stdout and type ``typed``."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "site_gen", "--root", str(root), *args], stdin=follower, stdout=follower,
                            stderr=follower, cwd=root, env={**os.environ, **ENV, "PYTHONPATH": str(REPO)})
    os.close(follower)
    os.write(leader, typed.encode())
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return proc.wait(timeout=120), output.decode("utf-8", "replace")


def test_terminal_confirmation(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "ohne-git", DATA / "valid", DATA / "_briefing")
    code, out = _run_in_terminal(root, ["forget", CASE], "tn-0001\n")
    assert code == 1 and "Abgebrochen" in out and (root / "cases" / f"{CASE}.yaml").exists()
    code, out = _run_in_terminal(root, ["forget", CASE], f"{CASE}\n")
    assert code == 0, out
    assert not (root / "cases" / f"{CASE}.yaml").exists()
    assert "kein Git-Repository" in out


def test_unknown_or_malformed_ids_are_user_errors(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "akten", DATA / "valid")
    for bad in ("tn-9999", "../organisation", "TN-0001"):
        result = site_gen(root, "forget", bad, "--yes")
        assert result.returncode == 1 and "Traceback" not in result.stderr, bad
    assert (root / "organisation.yaml").exists()


def test_references_are_removed_and_comments_stay() -> None:
    yaml = roundtrip()
    doc = yaml.load("# Kopf\nteilnehmende:\n  - tn-0301  # bleibt nicht\n  - tn-0001\nnotiz: frei\npaten:\n  tn-0301: m1\n")
    assert strip_id(doc, "tn-0301") == 2
    from io import StringIO

    out = StringIO()
    yaml.dump(doc, out)
    assert "tn-0301" not in out.getvalue() and "# Kopf" in out.getvalue() and "tn-0001" in out.getvalue()
