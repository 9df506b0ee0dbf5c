"""Tests as data: each folder under tests/data/consent/<rule>/ holds case
files and the exact ``site-gen check`` output they must produce
(``expected.txt``). Adding a rule case means adding files, not code.

Set ``SITE_GEN_UPDATE_GOLDEN=1`` to rewrite expected.txt (then review the diff).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from consent_fixtures import DATA, TODAY, make_repo, site_gen

COUNT = re.compile(r"^\d+ (Dateien|Datei) geprüft", re.M)
"""The file count includes the shared schema/ catalogues, which grow independently of these rules."""

RULES = sorted(p for p in DATA.iterdir() if p.is_dir() and not p.name.startswith("_"))


@pytest.mark.parametrize("rule", RULES, ids=[p.name for p in RULES])
def test_rule_output(rule: Path, tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", rule)
    today = (rule / "today").read_text().strip() if (rule / "today").exists() else TODAY
    result = site_gen(root, "check", "--today", today, "--no-cache")
    expected_file = rule / "expected.txt"
    if os.environ.get("SITE_GEN_UPDATE_GOLDEN"):
        expected_file.write_text(result.stdout, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert result.stderr == ""
    assert COUNT.sub("N Dateien geprüft", result.stdout) == COUNT.sub("N Dateien geprüft", expected)
    has_errors = " 0 Fehler," not in expected.splitlines()[-1]
    assert result.returncode == (1 if has_errors else 0)


def test_every_rule_folder_has_expected_output() -> None:
    assert RULES, "no rule folders found"
    for rule in RULES:
        assert (rule / "expected.txt").is_file(), f"{rule.name}: expected.txt missing"
        assert list((rule / "cases").glob("*.yaml")), f"{rule.name}: no case files"
