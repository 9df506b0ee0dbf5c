"""Logs are not private: no check message, build log or command output prints
a personal value.

Every free-text field of the marker cases holds a unique marker ("Qm…x" in
cases that break many rules, "Qc…x" in a valid one). No marker may appear in
``site-gen check`` (text, github, json), in the build log (refused and
successful) or in what briefing, export and forget print.
"""

from __future__ import annotations

import os
import re
import subprocess
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from consent_fixtures import DATA, TODAY, make_repo, site_gen
from pydantic import BaseModel

from site_gen.models.case import Case
from tests.conftest import composed

MARKER = re.compile(r"Q[mc]\d{3}x")


def text_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Paths of every free-text (str without pattern) field of ``model``."""
    for name, info in model.model_fields.items():
        yield from _leaf(info.annotation, list(info.metadata), prefix + name)


def _leaf(ann: Any, metadata: list[Any], path: str) -> Iterator[str]:
    origin = typing.get_origin(ann)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(ann):
            if arg is not type(None):
                yield from _leaf(arg, metadata, path)
    elif origin is list:
        yield from _leaf(typing.get_args(ann)[0], [], path + "[]")
    elif origin is typing.Annotated:
        args = typing.get_args(ann)
        yield from _leaf(args[0], [*args[1:], *metadata], path)
    elif isinstance(ann, type) and issubclass(ann, BaseModel):
        yield from text_paths(ann, path + ".")
    elif ann is str and not any(getattr(m, "pattern", None) for m in metadata):
        yield path


def values_at(data: Any, path: str) -> list[Any]:
    parts = re.findall(r"[a-z_]+(?:\[\])?", path)
    current = [data]
    for part in parts:
        key = part.removesuffix("[]")
        current = [c[key] for c in current if isinstance(c, dict) and key in c]
        if part.endswith("[]"):
            current = [item for c in current for item in c]
    return current


@pytest.mark.parametrize("case", [DATA / "_markers" / "cases" / "tn-0901", DATA / "_markers_clean" / "cases" / "tn-0911"], ids=["violations", "clean"])
def test_every_free_text_field_carries_a_marker(case: Path) -> None:
    raw = composed(case)
    paths = list(text_paths(Case))
    assert "support_needs[]" in paths and "guardian.name" in paths and "consents[].document" in paths
    for path in paths:
        values = values_at(raw, path)
        assert values, f"{path}: no value in the marker case"
        assert all(MARKER.search(str(v)) for v in values), path


def assert_clean(output: str) -> None:
    leaked = sorted(set(MARKER.findall(output)))
    assert not leaked, f"personal values printed: {leaked}"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("markers") / "akten", DATA / "_markers")


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_check_output_has_no_personal_values(broken: Path, fmt: str) -> None:
    result = site_gen(broken, "check", "--today", TODAY, "--no-cache", "--format", fmt)
    assert result.returncode == 1
    assert result.stdout.count("tn-0901") > 15  # many rules fired on the marker case
    for code in ("CONSENT-WITHDRAWN-DATA-LEFT", "CONSENT-DISCLOSURE", "CONSENT-GUARDIAN-SCOPE", "RETENTION-EXPIRED", "SCHEMA-", "YAML-SYNTAX", "YAML-DUPLICATE-KEY"):
        assert code in result.stdout, code
    assert_clean(result.stdout + result.stderr)


def test_refused_build_and_failing_commands_print_no_personal_values(broken: Path, tmp_path: Path) -> None:
    runs = [
        site_gen(broken, "build", "--today", TODAY, "--no-search", "--no-cache", "--out", str(tmp_path / "site")),
        site_gen(broken, "briefing", "tn-0901", "ap-lager", "--today", TODAY, "--out", str(tmp_path / "b.html")),
        site_gen(broken, "briefing", "tn-0902", "ap-baeckerei", "--today", TODAY, "--out", str(tmp_path / "c.html")),
        site_gen(broken, "export", "tn-0903", "--today", TODAY, "--out", str(tmp_path)),
    ]
    for result in runs:
        assert result.returncode == 1, result.args
        assert "Traceback" not in result.stderr
        assert_clean(result.stdout + result.stderr)


def test_successful_commands_print_no_personal_values(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "akten", DATA / "_markers_clean")
    env = {**os.environ, "GIT_AUTHOR_NAME": "Team", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Team", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Start"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)
    build = site_gen(root, "build", "--today", TODAY, "--no-search", "--no-cache", "--out", str(tmp_path / "site"))
    briefing = site_gen(root, "briefing", "tn-0911", "ap-baeckerei", "--today", TODAY, "--out", str(tmp_path / "b.html"))
    export = site_gen(root, "export", "tn-0911", "--today", TODAY, "--out", str(tmp_path))
    site = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert "Qc009x" in site  # the build did render the personal data: the log stayed clean anyway
    assert "Qc014x" in (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "Qc009x" not in (tmp_path / "b.html").read_text(encoding="utf-8")  # support needs are not disclosed
    forget = site_gen(root, "forget", "tn-0911", "--yes")
    for result in (build, briefing, export, forget):
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout + result.stderr)
