"""Documents about people never enter Git: ``ausgabe/`` by default, ``--out`` folders, the hook refuses documents.

One copy of the demo records made a records repository with ``site-gen init
--add-missing`` (its ``.gitignore``), the real entry point for every command.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY, demo_copy, run_cli


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = demo_copy(tmp_path_factory.mktemp("ausgabe") / "akten")
    git(root, "init", "-q", "-b", "main")
    assert run_cli("init", "--add-missing", cwd=root).returncode == 0
    return root


def test_every_document_command_writes_to_ausgabe_and_git_ignores_it(repo: Path) -> None:
    today = ("--today", TODAY)
    commands = [("bericht", "tn-0021", *today), ("nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-10", *today),
                ("export", "tn-0001", *today), ("briefing", "tn-0001", "ap-0001", *today), ("bewerbung", "tn-0001", *today),
                ("print", *today), ("foerderung", "ap-0013", "--art", "budget-fuer-arbeit", *today),
                ("mein-weg", "tn-0001", "--kein-pdf", *today), ("selbsteinschaetzung", "--kein-pdf"), ("rueckmeldung", "--kein-pdf")]
    said = {}
    for command in commands:
        result = run_cli(*command, cwd=repo / "cases")  # from a subfolder: still the repository's ausgabe/
        assert result.returncode == 0, (command, result.stdout + result.stderr)
        said[command[0]] = result.stdout
    written = sorted(p.relative_to(repo / "ausgabe").as_posix() for p in (repo / "ausgabe").rglob("*") if p.is_file())
    for stem in ("entwicklungsbericht-tn-0021-", "nachweis-agentur-fuer-arbeit-2026-10.csv", "mitteilung-tn-0001-ap-0001.html",
                 "bewerbung-tn-0001.html", "aushang.pdf", "auskunft-tn-0001", "foerderung-", "mein-weg-tn-0001",
                 "selbsteinschaetzung", "rueckmeldung"):
        assert any(w.startswith(stem) for w in written), (stem, written)
    postings = re.search(r"\((\d+) Ausschreibungen\)", said["print"])  # the print command: one A4 sheet per posting
    assert postings and len(PdfReader(repo / "ausgabe" / "aushang.pdf").pages) == int(postings.group(1)) > 1, said["print"]
    assert not [p for p in (repo / "cases").iterdir() if p.suffix in (".docx", ".csv", ".html", ".pdf")]
    git(repo, "add", "-A")
    assert not [p for p in git(repo, "diff", "--cached", "--name-only").split() if p.startswith("ausgabe/")]


def test_out_to_an_existing_folder_writes_into_it_and_missing_folders_are_made(repo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mappe"
    folder.mkdir()
    for command in (("briefing", "tn-0001", "ap-0001"), ("bewerbung", "tn-0001"), ("bericht", "tn-0021")):
        result = run_cli(*command, "--today", TODAY, "--out", str(folder), cwd=repo)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert {p.name.split("-")[0] for p in folder.iterdir()} == {"mitteilung", "bewerbung", "entwicklungsbericht"}
    deep = tmp_path / "neu" / "tief"
    made = run_cli("nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-10", "--today", TODAY, "--out", str(deep), cwd=repo)
    assert made.returncode == 0 and (deep / "nachweis-agentur-fuer-arbeit-2026-10.html").is_file()
    for command in (("bericht", "tn-0021"), ("briefing", "tn-0001", "ap-0001")):  # a new name without a suffix is a folder too
        new = tmp_path / "neu" / command[0]
        result = run_cli(*command, "--today", TODAY, "--out", str(new), cwd=repo)
        assert result.returncode == 0 and len(list(new.iterdir())) == 1, result.stderr


def test_the_hook_refuses_a_word_file_and_lets_ausgabe_be(repo: Path) -> None:
    (repo / "ausgabe").mkdir(exist_ok=True)
    (repo / "Bericht.DOCX").write_bytes(b"PK\x03\x04")
    (repo / "vorlagen").mkdir(exist_ok=True)
    (repo / "vorlagen" / "briefkopf.docx").write_bytes(b"PK\x03\x04")
    git(repo, "add", "-A")
    refused = run_cli("check", "--staged", "--today", TODAY, cwd=repo)
    assert refused.returncode == 1, refused.stdout
    assert "Bericht.DOCX:1:1: DOCUMENT-IN-GIT Ein Dokument (.docx) gehört nicht ins Daten-Repository" in refused.stdout
    assert "vorlagen/" not in refused.stdout.split("Hinweis")[0] and "ausgabe/" not in refused.stdout.split(":1:1:")[0]
    git(repo, "rm", "-q", "--cached", "Bericht.DOCX")
    (repo / "Bericht.DOCX").unlink()
    passed = run_cli("check", "--staged", "--today", TODAY, cwd=repo)
    assert "DOCUMENT-IN-GIT" not in passed.stdout
