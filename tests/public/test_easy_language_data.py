"""Tests as data for the easy-language check.

Each ``tests/data/easy_language/<case>.txt`` is one text field; next to it,
``<case>.expected`` lists the exact findings (``CODE severity message``, one
per line, info findings left out). Texts named ``good-*`` must give none.
Regenerate after a deliberate change with ``UPDATE_GOLDEN=1``, then review.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_gen.checks.easy_language import check_texts
from site_gen.checks.easy_language_config import load_config
from site_gen.findings import Severity

from ..conftest import DATA, REPO

CASES = sorted((DATA / "easy_language").glob("*.txt"))


def findings_for(text: str) -> str:
    config, problems = load_config(REPO)
    assert problems == []
    found = check_texts("text.yaml", [(("text",), text)], config)
    return "".join(f"{f.code} {f.severity.value} {f.message}\n" for f in found if f.severity is not Severity.INFO)


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_text_gives_exact_findings(case: Path) -> None:
    got = findings_for(case.read_text(encoding="utf-8"))
    expected = case.with_suffix(".expected")
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
    if case.stem.startswith("good-"):
        assert got == ""
