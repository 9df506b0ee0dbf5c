"""The consent fixture itself is clean; the consent rules' findings are tests as data in tests/data/findings/consent/."""

from __future__ import annotations

from pathlib import Path

from consent_fixtures import DATA, TODAY, make_repo, site_gen


def test_valid_consent_fixture_is_clean(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", DATA / "valid")
    result = site_gen(root, "check", "--strict", "--today", TODAY, "--no-cache")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.endswith("Dateien geprüft: 0 Fehler, 0 Warnungen.\n"), result.stdout
