"""Valid data passes: the base fixture and its valid variants (tests/data/valid/).

Bad input lives in tests/data/findings/ (see test_findings_data.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import DATA, TODAY, make_repo, run_cli


def test_base_fixture_is_clean_and_html_is_accepted_as_text(base_repo: Path) -> None:
    # tn-0001 holds <script> and onerror= in a text field: valid data, escaped when rendered.
    assert "<script>" in (base_repo / "cases" / "tn-0001" / "case.yaml").read_text()
    result = run_cli("--root", str(base_repo), "check", "--strict", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 Fehler, 0 Warnungen.")


VALID = sorted(p for p in (DATA / "valid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_variants_pass(case: Path, tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", case)
    result = run_cli("--root", str(repo), "check", "--strict", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
