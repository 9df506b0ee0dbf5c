"""Git's processes that run beside the check give the answers Git gives when asked in turn — real Git in temporary repositories.

The full check starts ``git write-tree`` and ``git ls-files -m -d`` before it reads its cache, and the list of
documents before it checks the records; the hook starts ``git write-tree`` with the commit's listing and takes
what changed since the tree it described from the diff it already has. Each shortcut must give the verdict
of the cold check.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
from pathlib import Path

import pytest

from site_gen.checking import git_listing
from site_gen.checking.git_listing import KINDS
from site_gen.commands.check import check
from site_gen.records.cache import SummaryIndex
from site_gen.records.documents import _documents_in, is_document, repository_documents
from site_gen.records.git import index_view, start_index_view

from ..conftest import BASE_PLACEMENT, TODAY
from ..precommit.test_hooks import git, records_repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(git_listing, "RACY_NS", 0)
    monkeypatch.delenv("CI", raising=False)
    repo = records_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text(".site-gen-cache/\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "ignore")
    return repo


def _check(root: Path, use_cache: bool = True, staged: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = check(root, dt.date.fromisoformat(TODAY), use_cache=use_cache, out=out, staged=staged)
    return code, out.getvalue()


@pytest.mark.parametrize("names", [
    ["Bericht.PDF", "notizen/Liste.Docx", "a.pdf.yaml", "x/.pdf", ".csv", "ausgabe/brief.pdf", "vorlagen/muster.docx", "tabelle.xlsx"],
    ["Übersicht.pdf", "liste.\u212aey", "plan.yaml", "Brief.ODT"],  # not ASCII: path by path (the Kelvin sign lowers to "k")
])
def test_documents_in_gits_listing_are_those_found_path_by_path(names: list[str]) -> None:
    listing = "".join(f"{n}\0" for n in ["cases/tn-0001/case.yaml", *names, "modules/m.yaml"]).encode()
    expected = [p for p in listing.decode().split("\0") if is_document(p)]
    assert [p for p in _documents_in(listing) if is_document(p)] == expected
    assert expected  # the case can fail


def test_a_tracked_document_is_reported_in_any_case_of_its_suffix(repo: Path) -> None:
    for name in ("Bericht.PDF", "akten/Übersicht.Docx"):
        path = repo / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"%PDF-1.4\n")
    git(repo, "add", "-A")
    assert {f.file for f in repository_documents(repo)} == {"Bericht.PDF", "akten/Übersicht.Docx"}
    code, out = _check(repo)
    assert code == 1 and out.count("DOCUMENT-IN-GIT") == 2
    assert (code, out) == _check(repo, use_cache=False)


def _state(repo: Path) -> tuple[int, int, int]:
    st = os.stat(repo / ".git" / "index")
    return st.st_ino, st.st_mtime_ns, st.st_size


def test_a_view_started_early_is_the_view_asked_in_turn(repo: Path) -> None:
    view = index_view(repo, KINDS, None, others=False)
    assert view is not None
    pending = start_index_view(repo, KINDS, others=False)
    assert index_view(repo, KINDS, view.index, others=False, pending=pending) == view
    placement = repo / BASE_PLACEMENT
    placement.write_text(placement.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    pending = start_index_view(repo, KINDS, others=False)
    changed = index_view(repo, KINDS, view.index, others=False, pending=pending)
    assert changed is not None and changed.unclean == [BASE_PLACEMENT]


def test_an_index_written_meanwhile_is_read_again(repo: Path) -> None:
    """``git add`` between the start and the answer: the early processes read the old index; the view is taken anew."""
    pending = start_index_view(repo, KINDS, others=False)
    placement = repo / BASE_PLACEMENT
    placement.write_text(placement.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    git(repo, "add", "-A")
    view = index_view(repo, KINDS, _state(repo), others=False, pending=pending)
    assert view is not None and view.index == _state(repo) and view.unclean == []
    assert view == index_view(repo, KINDS, _state(repo), others=False)


def test_an_entry_git_does_not_compare_is_found_though_started_early(repo: Path) -> None:
    """The early ``ls-files`` does not list every entry's tag; an index not checked before is listed with them."""
    view = index_view(repo, KINDS, None, others=False)
    assert view is not None
    git(repo, "update-index", "--assume-unchanged", BASE_PLACEMENT)
    pending = start_index_view(repo, KINDS, others=False)
    assert index_view(repo, KINDS, view.index, others=False, pending=pending) is None


def _stage_dangling(repo: Path, name: str) -> None:
    entry = repo / "cases" / "tn-0001" / "placements" / name
    entry.write_text((repo / BASE_PLACEMENT).read_text(encoding="utf-8").replace("ap-0001", "ap-0404"), encoding="utf-8")
    git(repo, "add", "-A")


def test_the_hook_takes_the_changes_since_its_tree_from_what_git_said(repo: Path) -> None:
    """Run twice on the same staged tree (nothing changed since), then after a commit (the tree is HEAD's): each
    time the verdict of the cold hook, and of the full check on the staged files."""
    _stage_dangling(repo, "2026-05-01-ap-0404-abcdef.yaml")
    cold = _check(repo, use_cache=False, staged=True)
    assert cold[0] == 1 and "REF-DANGLING" in cold[1]
    for _ in range(3):  # the full check (no index yet), then twice with the staged tree it remembered
        assert _check(repo, staged=True) == cold
    git(repo, "reset", "-q", "--hard")
    git(repo, "clean", "-qfd")
    placement = repo / BASE_PLACEMENT
    placement.write_text(placement.read_text(encoding="utf-8") + "# geprüft\n", encoding="utf-8")
    git(repo, "add", "-A")
    assert _check(repo, staged=True)[0] == 0
    git(repo, "commit", "-qm", "Kommentar", "--no-verify")
    head = subprocess.run(["git", "rev-parse", "HEAD^{tree}"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    assert SummaryIndex(repo).tree == head  # the tree the hook judged is the commit's
    _stage_dangling(repo, "2026-06-01-ap-0404-123456.yaml")
    warm = _check(repo, staged=True)
    assert warm == _check(repo, use_cache=False, staged=True)
    assert warm[0] == 1 and "2026-06-01-ap-0404-123456.yaml" in warm[1]
