"""schema/easy-language.yaml of a records repository: minimal files work, broken ones are findings, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import TODAY, Recordings, make_repo, run_cli


def _repo(tmp_path: Path, text: str) -> Path:
    repo = make_repo(tmp_path / "repo")
    (repo / "schema" / "easy-language.yaml").write_text(text, encoding="utf-8")
    return repo


@pytest.mark.parametrize("text", ["separator: mediopunkt\n", "# nur ein Kommentar\n", "rules:\n  EASY-NEGATION: {enabled: false}\n"])
def test_minimal_settings_merge_with_the_tools_defaults(tmp_path: Path, text: str, recordings: Recordings) -> None:
    repo = _repo(tmp_path, text)
    for args in (("check", "--today", TODAY), ("public", "--today", TODAY, "--out", str(tmp_path / "out"))):
        with recordings.used_by(repo):  # the board builds; its recordings as every other board's of the session
            result = run_cli("--root", str(repo), *args)
        assert "Traceback" not in result.stderr + result.stdout
        assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "woerter" / "index.html").is_file()


@pytest.mark.parametrize(("text", "code", "line"), [
    ("separator: punkt\n", "SCHEMA-", 1),
    ("separator: mediopunkt\nrules:\n  EASY-GIBTS-NICHT: {enabled: false}\n", "EASY-CONFIG-RULE", 3),
    ("sentence_length:\n  warning_over: 20\n  error_over: 12\n", "EASY-CONFIG-LIMITS", 2),
    ("special_characters:\n  'ab': x\n", "EASY-CONFIG-CHARACTER", 2),
    ("- separator\n", "EASY-CONFIG-FORMAT", 1),
    ("separator: [\n", "YAML-SYNTAX", 1),
    ("unbekannt: 1\n", "SCHEMA-UNKNOWN-KEY", 1),
])
def test_broken_settings_are_findings_with_position(tmp_path: Path, text: str, code: str, line: int, recordings: Recordings) -> None:
    repo = _repo(tmp_path, text)
    for args in (("check", "--today", TODAY), ("public", "--today", TODAY, "--out", str(tmp_path / "out"))):
        with recordings.used_by(repo):
            result = run_cli("--root", str(repo), *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
        out = result.stdout + result.stderr
        assert f"schema/easy-language.yaml:{line}:" in out and code in out, out
