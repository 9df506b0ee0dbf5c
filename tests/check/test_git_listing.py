"""Where Git vouches, the full check reuses unchanged folders unlisted — and every verdict stays the cold one.

Real Git in temporary repositories, the check in-process. The racy-clean
margin is set to zero (``RACY_NS``) so that folders made a moment ago count
as settled; each change waits a little so the change time moves.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import time
from pathlib import Path

import pytest

from site_gen.checking import git_listing
from site_gen.checking.git_listing import GitListing
from site_gen.checking.unit_cache import read
from site_gen.commands.check import check

from ..conftest import BASE_CASE, BASE_PLACEMENT, TODAY
from ..precommit.test_hooks import git, records_repo

CASE = "cases/tn-0001"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(git_listing, "RACY_NS", 0)
    monkeypatch.delenv("CI", raising=False)
    repo = records_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text(".site-gen-cache/\n*.pdf\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "ignore")
    return repo


def _check(root: Path, use_cache: bool = True) -> tuple[int, str]:
    out = io.StringIO()
    code = check(root, dt.date.fromisoformat(TODAY), use_cache=use_cache, out=out)
    return code, out.getvalue()


def _settle() -> None:
    time.sleep(0.05)  # the next change gets a later change time than the one recorded


def _warm(root: Path) -> None:
    """Two checks a moment apart: the second one's cache entries are settled, Git vouches for them."""
    _check(root)
    _settle()
    _check(root)


def _reused(root: Path) -> str | None:
    listing = GitListing.of(root, read(root))
    assert listing is not None
    return listing.reusable(CASE)


def _same_as_cold(root: Path) -> tuple[int, str]:
    warm = _check(root)
    assert warm == _check(root, use_cache=False)
    return warm


def test_an_unchanged_folder_is_reused_unlisted(repo: Path) -> None:
    assert _check(repo)[0] == 0
    _settle()
    assert _same_as_cold(repo)[0] == 0
    assert (_reused(repo) or "").startswith("git:")
    entry = read(repo).units[CASE]
    assert entry.count == 5 and entry.folders


def test_an_edit_of_the_same_size_with_the_time_put_back_is_seen(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git compares change times to the second: the stat record counts only once the index is a margin older."""
    monkeypatch.setattr(git_listing, "RACY_NS", 1_000_000_000)
    _check(repo)
    assert _reused(repo) is None  # the index was written a moment ago
    time.sleep(1.1)
    _check(repo)
    assert _reused(repo) is not None
    case = repo / BASE_CASE
    before = os.stat(case)
    text = case.read_text(encoding="utf-8")
    broken = text.replace("id: tn-0001", "id: tn-0009", 1)
    assert len(broken) == len(text) and broken != text
    case.write_text(broken, encoding="utf-8")
    os.utime(case, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, modification time put back
    assert _reused(repo) is None
    assert _same_as_cold(repo)[0] == 1


def test_a_new_untracked_entry_is_checked(repo: Path) -> None:
    _check(repo)
    _settle()
    (repo / CASE / "placements" / "2026-05-01-ap-0404-abcdef.yaml").write_text(
        (repo / BASE_PLACEMENT).read_text(encoding="utf-8").replace("ap-0001", "ap-0404"), encoding="utf-8")
    assert _reused(repo) is None
    code, out = _same_as_cold(repo)
    assert code == 1 and "REF-DANGLING" in out


@pytest.mark.parametrize("stray", ["notizen/", "support-log/", "placements/2026/", "scan.pdf", "placements/scan.pdf"])
def test_a_stray_is_reported_warm_and_committed(repo: Path, stray: str) -> None:
    """Untracked (an empty folder, an ignored file), then committed: reported every time, also when reused."""
    _check(repo)
    _settle()
    path = repo / CASE / stray.rstrip("/")
    if stray.endswith("/"):
        path.mkdir()
    else:
        path.write_bytes(b"%PDF-1.4\n")
    code, out = _same_as_cold(repo)
    assert code == 1 and stray.rstrip("/") in out
    if not stray.endswith("/"):
        git(repo, "add", "-f", "-A")
        git(repo, "commit", "-qm", "stray", "--no-verify")
        _check(repo)
        _settle()
        assert _reused(repo) is not None  # reused unlisted: the stray comes from the cache
        assert _same_as_cold(repo) == (code, out)


def test_a_deleted_file_is_seen(repo: Path) -> None:
    _check(repo)
    _settle()
    (repo / CASE / "case.yaml").unlink()
    code, out = _same_as_cold(repo)
    assert code == 1 and "RECORD-FOLDER-MAIN" in out


def test_a_folder_replaced_by_a_link_is_refused(repo: Path, tmp_path: Path) -> None:
    _check(repo)
    _settle()
    elsewhere = tmp_path / "anderswo"
    shutil.move(repo / CASE, elsewhere)
    (repo / CASE).symlink_to(elsewhere)
    code, out = _same_as_cold(repo)
    assert code == 1 and "RECORD-SYMLINK" in out


def test_an_unmerged_index_falls_back_to_listing(repo: Path) -> None:
    git(repo, "checkout", "-qb", "other")
    case = repo / BASE_CASE
    case.write_text(case.read_text(encoding="utf-8") + "# andere\n", encoding="utf-8")
    git(repo, "commit", "-qam", "other", "--no-verify")
    git(repo, "checkout", "-q", "main")
    case.write_text(case.read_text(encoding="utf-8") + "# main\n", encoding="utf-8")
    git(repo, "commit", "-qam", "main", "--no-verify")
    assert git(repo, "merge", "other", check=False).returncode != 0
    assert GitListing.of(repo, read(repo)) is None
    assert _same_as_cold(repo)[0] == 1


def test_entries_git_does_not_compare_fall_back_to_listing(repo: Path) -> None:
    _check(repo)
    _settle()
    git(repo, "update-index", "--assume-unchanged", BASE_CASE)
    assert GitListing.of(repo, read(repo)) is None
    case = repo / BASE_CASE
    case.write_text(case.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    assert _same_as_cold(repo)[0] == 1


def test_in_ci_git_lists_every_untracked_path(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    _check(repo)
    assert _reused(repo) is not None  # no stat record needed: Git listed what is outside the index
    (repo / CASE / "notizen").mkdir()
    assert _reused(repo) is None
    assert _same_as_cold(repo)[0] == 1


def test_outside_git_the_folders_are_listed(base_repo: Path) -> None:
    assert GitListing.of(base_repo, read(base_repo)) is None
    assert _same_as_cold(base_repo)[0] == 0


def test_the_build_selects_by_the_same_findings(repo: Path) -> None:
    """``build`` and ``serve`` check a loaded Dataset with the entries Git vouches for: the same findings as cold."""
    from site_gen.checking.engine import check_all, dataset_findings
    from site_gen.records.dataset import load_dataset

    today = dt.date.fromisoformat(TODAY)
    _warm(repo)
    placement = repo / BASE_PLACEMENT
    placement.write_text(placement.read_text(encoding="utf-8").replace("ap-0001", "ap-0404"), encoding="utf-8")
    cold = check_all(repo, today, use_cache=False)[0]
    assert {(f.file, f.code) for f in dataset_findings(load_dataset(repo), today)} == {(f.file, f.code) for f in cold}
    assert _same_as_cold(repo)[0] == 1


def test_a_build_and_the_hook_keep_what_git_vouches_for(repo: Path) -> None:
    """Listing every unit (``build``, the hook's full check) keeps the stat records of the folders Git vouches for."""
    from site_gen.checking.engine import check_all, dataset_findings
    from site_gen.records.dataset import load_dataset

    today = dt.date.fromisoformat(TODAY)
    _check(repo)
    _settle()
    assert _reused(repo) is not None
    dataset_findings(load_dataset(repo), today)
    assert _reused(repo) is not None
    check_all(repo, today, tracked={*git(repo, "ls-files").stdout.split(), CASE, "workplaces/ap-0001"})
    assert _reused(repo) is not None
    assert _same_as_cold(repo)[0] == 0


def test_the_build_sees_a_stray_folder_with_a_warm_cache(repo: Path) -> None:
    """A stray folder in a case folder is a finding whether ``build`` takes the findings from the cache or not."""
    from site_gen.checking.engine import check_all, dataset_findings
    from site_gen.records.dataset import load_dataset

    today = dt.date.fromisoformat(TODAY)
    _warm(repo)
    (repo / CASE / "fotos").mkdir()
    (repo / CASE / "fotos" / "bild.yaml").write_text("a: 1\n", encoding="utf-8")
    cold = {(f.file, f.code) for f in check_all(repo, today, use_cache=False)[0]}
    assert any(code.startswith("RECORD") for _, code in cold)
    assert {(f.file, f.code) for f in dataset_findings(load_dataset(repo), today)} == cold
    _check(repo)
    assert {(f.file, f.code) for f in dataset_findings(load_dataset(repo), today)} == cold
