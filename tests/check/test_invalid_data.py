"""Tests as data: every bad record next to the exact output it must produce.

Adding a case means adding a folder under tests/data/invalid/ with the files
to overlay on the base fixture and an ``expected.txt``. Regenerate goldens
after a deliberate message change with ``UPDATE_GOLDEN=1 pytest tests/check``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ..conftest import DATA, TODAY, make_repo, run_cli

CASES = sorted(p for p in (DATA / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_bad_input_gives_exact_german_findings(case: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", case)
    result = run_cli("--root", str(repo), "check", "--today", TODAY, "--no-cache", timeout=60)
    expected = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == expected.read_text(encoding="utf-8")


def test_base_fixture_is_clean_and_html_is_accepted_as_text(base_repo: Path) -> None:
    # tn-0001 holds <script> and onerror= in a text field: valid data, escaped when rendered.
    assert "<script>" in (base_repo / "cases" / "tn-0001.yaml").read_text()
    result = run_cli("--root", str(base_repo), "check", "--strict", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 Fehler, 0 Warnungen.")


VALID = sorted(p for p in (DATA / "valid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_variants_pass(case: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", case)
    result = run_cli("--root", str(repo), "check", "--strict", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
