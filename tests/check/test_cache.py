"""The check cache is plain data: a planted or broken cache file never runs code and never changes a verdict."""

from __future__ import annotations

import pickle
from pathlib import Path

from ..conftest import TODAY, run_cli


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return os.system, (f"touch {self.marker}",)


def test_a_planted_cache_runs_no_code_and_is_rebuilt(base_repo: Path, tmp_path: Path) -> None:
    cache = base_repo / ".site-gen-cache"
    first = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert first.returncode == 0
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    for name in ("result.pickle", "summary.marshal", "records.json", "summary.json"):
        (cache / name).write_bytes(payload)
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert not marker.exists()
    assert again.returncode == 0 and again.stdout == first.stdout
    assert not (cache / "result.pickle").exists()  # legacy formats are removed, never read
    fast = run_cli("--root", str(base_repo), "check", "--today", TODAY, "cases/tn-0001.yaml")
    assert not marker.exists() and fast.returncode == 0


def test_foreign_json_in_the_cache_is_ignored(base_repo: Path) -> None:
    first = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    (base_repo / ".site-gen-cache" / "records.json").write_text('{"code": "x", "key": "y", "findings": [[1, 2]]}', encoding="utf-8")
    (base_repo / ".site-gen-cache" / "summary.json").write_text('{"files": {"cases/tn-0001.yaml": ["a", "b", null]}}', encoding="utf-8")
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY, "cases/tn-0001.yaml")
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY).stdout == first.stdout


def test_a_changed_workplace_reaches_the_cases_placed_there(base_repo: Path) -> None:
    """Per-record cache: the unchanged case is checked again when its workplace goes; warm equals cold."""
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY).returncode == 0
    workplace = base_repo / "workplaces" / "ap-0001.yaml"
    kept = workplace.read_text(encoding="utf-8")
    workplace.unlink()
    warm = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    cold = run_cli("--root", str(base_repo), "check", "--today", TODAY, "--no-cache")
    assert warm.returncode == 1 and "cases/tn-0001.yaml" in warm.stdout and "REF-DANGLING" in warm.stdout
    assert warm.stdout == cold.stdout
    workplace.write_text(kept, encoding="utf-8")
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert again.returncode == 0 and again.stdout == run_cli("--root", str(base_repo), "check", "--today", TODAY, "--no-cache").stdout
