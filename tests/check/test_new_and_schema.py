"""site-gen new (skeletons) and site-gen schema (no drift)."""

from __future__ import annotations

import json
from pathlib import Path

from site_gen.commands.schema import SCHEMAS, schema_text

from ..conftest import REPO, TODAY, run_cli


def test_committed_schema_matches_models() -> None:
    for name in SCHEMAS:
        committed = (REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(name), f"schema/{name}.schema.json ist veraltet: site-gen schema ausführen"
    case = json.loads(schema_text("case"))
    assert case["properties"]["support_needs"]["x-zweck"] == "gesundheitsdaten"
    assert case["properties"]["first_name"]["title"] == "Vorname"


def test_schema_check_detects_drift(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    assert run_cli("--root", str(tmp_path), "schema", "--check").returncode == 1
    assert run_cli("--root", str(tmp_path), "schema").returncode == 0
    assert run_cli("--root", str(tmp_path), "schema", "--check").returncode == 0


def test_new_records_are_valid_commented_and_never_overwrite(base_repo: Path) -> None:
    for kind, expected in (("case", "cases/tn-0002.yaml"), ("workplace", "workplaces/ap-0002.yaml"), ("module", "modules/mod-002.yaml")):
        result = run_cli("--root", str(base_repo), "new", kind, "--today", TODAY)
        assert result.returncode == 0 and expected in result.stdout
        text = (base_repo / expected).read_text()
        assert text.startswith("# yaml-language-server: $schema=../schema/") and text.splitlines()[1].startswith("# ")
    check = run_cli("--root", str(base_repo), "check", "--strict", "--today", TODAY, "--no-cache")
    assert check.returncode == 0, check.stdout
    before = (base_repo / "cases" / "tn-0002.yaml").read_text()
    assert run_cli("--root", str(base_repo), "new", "case", "--today", TODAY).returncode == 0
    assert (base_repo / "cases" / "tn-0002.yaml").read_text() == before and (base_repo / "cases" / "tn-0003.yaml").exists()
