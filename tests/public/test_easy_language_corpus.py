"""The easy-language check on the corpus (see :mod:`tests.public.corpus`): per text and as figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.findings import Severity

from .corpus import expected_code, figures, findings, texts


@pytest.mark.parametrize("path", texts("office"), ids=lambda p: p.stem)
def test_office_german_gives_an_error(path: Path) -> None:
    assert any(f.severity is Severity.ERROR for f in findings(path)), path.read_text()


@pytest.mark.parametrize("path", texts("one-break"), ids=lambda p: p.stem)
def test_one_rule_break_gives_exactly_that_error(path: Path) -> None:
    got = [f"{f.code} {f.severity.value}" for f in findings(path)]
    assert f"{expected_code(path)} error" in got, got


@pytest.mark.parametrize("path", texts("easy"), ids=lambda p: p.stem)
def test_proper_easy_language_gives_no_finding(path: Path) -> None:
    got = [f"{f.code} {f.severity.value} {f.message}" for f in findings(path)]
    assert got == []


def test_figures_meet_the_goals() -> None:
    fig = figures()
    office, one, easy = fig.counts
    assert office >= 10 and one >= 25 and easy >= 20
    assert fig.office_error >= 0.9 and fig.one_break_error >= 0.8
    assert fig.easy_error <= 0.10 and fig.easy_any <= 0.15
