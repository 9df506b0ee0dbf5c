"""Need-to-know builds through the real ``site-gen build`` (mkdocs): the north
team's site contains no name of the south team, the full site does."""

from __future__ import annotations

from pathlib import Path

import pytest
from consent_fixtures import DATA, NORTH_ONLY, SOUTH_ONLY, TODAY, make_repo, site_gen


def site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in (".html", ".md", ".json", ".js", ".xml", ".txt"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    base = tmp_path_factory.mktemp("teambuild")
    root = make_repo(base / "akten", DATA / "valid", DATA / "_teams")
    out: dict[str, tuple[str, str]] = {}
    for name, extra in {"alle": [], "nord": ["--team", "standort-nord"], "coach-sued": ["--coach", "jc-sued-1"]}.items():
        result = site_gen(root, "build", "--today", TODAY, "--no-search", "--no-cache", "--out", str(base / name), *extra)
        assert result.returncode == 0, result.stderr
        out[name] = (site_text(base / name), result.stdout + result.stderr)
    return out


def test_full_site_names_both_teams(sites: dict[str, tuple[str, str]]) -> None:
    text, _ = sites["alle"]
    for name in ["Wachtelmeyer", "Krähenbühl", "Regalwerk", "Wendehals", "Lotte", "Poppendiek"]:
        assert name in text, name


def test_team_site_names_nobody_of_the_other_team(sites: dict[str, tuple[str, str]]) -> None:
    text, log = sites["nord"]
    for name in SOUTH_ONLY:
        assert name not in text, name
    assert "Lotte" in text and "Poppendiek" in text
    for name in SOUTH_ONLY + NORTH_ONLY:
        assert name not in log, name


def test_coach_site_names_only_the_coachs_cases(sites: dict[str, tuple[str, str]]) -> None:
    text, _ = sites["coach-sued"]
    assert "Wachtelmeyer" in text
    for name in ["Lotte", "Brammerstedt", "Hinnerk", "Poppendiek", "Saalfeld", "Brotmann", "Teigler", "Kornblume"]:
        assert name not in text, name


def test_unknown_team_fails_in_german(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "akten", DATA / "valid")
    result = site_gen(root, "build", "--today", TODAY, "--no-search", "--team", "standort-west", "--out", str(tmp_path / "site"))
    assert result.returncode == 1 and "Standort 'standort-west' gibt es nicht" in result.stderr
    assert not (tmp_path / "site").exists()
