"""The full check on several worker processes gives exactly what it gives on one (site_gen/records/parallel.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..conftest import TODAY, demo_copy, run_cli, site_gen_cmd


def _check(root: Path, workers: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """The check on ``workers`` processes: forked workers in a process of its own (the console script), one
    process in this one (:func:`run_cli`, the same ``main``; ``SITE_GEN_WORKERS`` is read when the check runs)."""
    args = ("--root", str(root), "check", "--today", TODAY, "--format", "json", *extra)
    if workers == "1":
        return run_cli(*args, env={"SITE_GEN_WORKERS": workers})
    return subprocess.run([*site_gen_cmd(), *args], capture_output=True, text=True, timeout=300, env={**os.environ, "SITE_GEN_WORKERS": workers})


def test_workers_give_the_same_findings_as_one_process(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "repo")
    entry = sorted((root / "cases" / "tn-0004" / "support_log").iterdir())[0]
    entry.write_text(entry.read_text(encoding="utf-8").replace("minutes: ", "minutes: viele # ", 1), encoding="utf-8")
    broken = sorted((root / "cases" / "tn-0012" / "support_log").iterdir())[1]
    broken.write_text("date: [2026-01-01\n", encoding="utf-8")
    (root / "cases" / "tn-0020" / "notizen.txt").write_text("Anhang\n", encoding="utf-8")

    one = _check(root, "1", "--no-cache")
    two = _check(root, "2", "--no-cache")

    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert "Traceback" not in one.stderr + two.stderr
    assert two.stdout == one.stdout
    files = {f'"file": "{entry.relative_to(root).as_posix()}"', f'"file": "{broken.relative_to(root).as_posix()}"', '"file": "cases/tn-0020/notizen.txt"'}
    assert all(f in two.stdout for f in files), two.stdout[:2000]
    warm = _check(root, "2")  # the cache the workers' run wrote is read like any other
    assert warm.stdout == one.stdout
