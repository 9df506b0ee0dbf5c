"""The team documentation stays in step with the catalogue and the rules."""

from __future__ import annotations

import re

import yaml_rs
from consent_fixtures import REPO

DOC = (REPO / "site_gen" / "help" / "datenschutz.md").read_text(encoding="utf-8")


def test_every_purpose_of_the_catalogue_is_documented() -> None:
    catalogue = yaml_rs.loads((REPO / "schema" / "consent-purposes.yaml").read_text(encoding="utf-8"))
    for purpose in catalogue["purposes"]:
        assert f"`{purpose['id']}`" in DOC, purpose["id"]


def test_every_privacy_finding_code_is_documented() -> None:
    codes: set[str] = set()
    for module in ("consent", "retention", "privacy"):
        source = (REPO / "site_gen" / "checking" / "rules" / f"{module}.py").read_text(encoding="utf-8")
        codes |= set(re.findall(r'"((?:CONSENT|RETENTION|PRIVACY)-[A-Z-]+)"', source))
    assert len(codes) >= 10
    for code in codes:
        assert f"`{code}`" in DOC, code


def test_erasure_section_covers_host_and_other_clones() -> None:
    for needle in ("git push --force --all", "Andere Klone", "refs/pull", "commit-map", "Sicherungen"):
        assert needle in DOC, needle
