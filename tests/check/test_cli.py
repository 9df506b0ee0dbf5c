"""site-gen check through its real entry point: formats, exit codes, cache, fast path."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ..conftest import TODAY, run_cli


def _break_reference(repo: Path) -> Path:
    case = repo / "cases" / "tn-0001.yaml"
    case.write_text(case.read_text().replace("workplace: ap-0001", "workplace: ap-0404"))
    return case


def test_formats_and_exit_codes(base_repo: Path) -> None:
    _break_reference(base_repo)
    text = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert text.returncode == 1
    assert "cases/tn-0001.yaml:20:5: REF-DANGLING 'placements[0].workplace': Arbeitsplatz nicht gefunden." in text.stdout
    github = run_cli("--root", str(base_repo), "check", "--today", TODAY, "--format", "github")
    assert github.stdout.startswith("::error file=cases/tn-0001.yaml,line=20,col=5,title=REF-DANGLING::")
    data = json.loads(run_cli("--root", str(base_repo), "check", "--today", TODAY, "--format", "json").stdout)
    assert [(f["code"], f["line"], f["severity"]) for f in data["findings"]] == [("REF-DANGLING", 20, "error")]
    assert data["summary"].endswith("1 Fehler, 0 Warnungen.")
    usage = run_cli("--root", str(base_repo), "check", "--format", "xml")
    assert usage.returncode == 2 and "Aufruf fehlerhaft" in usage.stderr
    missing = run_cli("--root", str(base_repo / "nope"), "check")
    assert missing.returncode == 1 and "existiert nicht" in missing.stderr and "Traceback" not in missing.stderr


def test_strict_makes_warnings_fail(base_repo: Path) -> None:
    case = base_repo / "cases" / "tn-0001.yaml"
    case.write_text(case.read_text().replace("end: 2026-05-31", "end: 2026-08-31"))  # 6 months: HAA warning
    loose = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert loose.returncode == 0 and "PLACEMENT-LONG" in loose.stdout
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY, "--strict").returncode == 1


def test_warm_cache_sees_changes(base_repo: Path) -> None:
    first = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert (base_repo / ".site-gen-cache" / "records.json").exists()
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert first.stdout == again.stdout and again.returncode == 0
    _break_reference(base_repo)
    changed = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert changed.returncode == 1 and "REF-DANGLING" in changed.stdout
    other_day = run_cli("--root", str(base_repo), "check", "--today", "2026-01-01")
    assert "DATE-FUTURE" in other_day.stdout  # the date is part of the cache key


def test_fast_path_checks_changed_file_and_what_it_touches(base_repo: Path) -> None:
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY).returncode == 0  # builds the index
    case = _break_reference(base_repo)
    fast = run_cli("--root", str(base_repo), "check", "--today", TODAY, str(case))
    assert fast.returncode == 1 and "REF-DANGLING" in fast.stdout
    case.write_text(case.read_text().replace("ap-0404", "ap-0001").replace("status: beendet", "status: laufend").replace("end: 2026-05-31", "end: 2026-12-20").replace("start: 2026-03-01", "start: 2026-09-01"))
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY, str(case)).returncode == 0
    workplace = base_repo / "workplaces" / "ap-0001.yaml"
    workplace.write_text(workplace.read_text().replace("status: aktiv", "status: beendet"))
    touched = run_cli("--root", str(base_repo), "check", "--today", TODAY, str(workplace))
    # the finding is in the case that runs at the now closed workplace
    assert touched.returncode == 1 and "cases/tn-0001.yaml" in touched.stdout and "PLACEMENT-CLOSED-WORKPLACE" in touched.stdout


def test_fast_path_falls_back_to_full_check_for_organisation(base_repo: Path) -> None:
    run_cli("--root", str(base_repo), "check", "--today", TODAY)
    org = base_repo / "organisation.yaml"
    org.write_text(org.read_text().replace("id: jc-olaf", "id: jc-olga"))
    result = run_cli("--root", str(base_repo), "check", "--today", TODAY, str(org))
    assert result.returncode == 1 and "cases/tn-0001.yaml" in result.stdout and "Fachkraft nicht gefunden" in result.stdout


def test_demo_generator_is_deterministic_and_valid(tmp_path: Path) -> None:
    for out in ("a", "b"):
        assert run_cli("demo", "--cases", "40", "--workplaces", "12", "--modules", "4", "--out", str(tmp_path / out)).returncode == 0
    a, b = sorted((tmp_path / "a").rglob("*.yaml")), sorted((tmp_path / "b").rglob("*.yaml"))
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b] and len(a) > 50
    result = run_cli("--root", str(tmp_path / "a"), "check", "--strict", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout[-2000:]
    assert (tmp_path / "a" / "cases" / "tn-00001" / "case.yaml").is_file()  # the folder layout by default
    assert run_cli("demo", "--cases", "40", "--workplaces", "12", "--modules", "4", "--layout", "datei", "--out", str(tmp_path / "c")).returncode == 0
    assert (tmp_path / "c" / "cases" / "tn-00001.yaml").is_file()
    single = run_cli("--root", str(tmp_path / "c"), "check", "--strict", "--today", TODAY, "--no-cache")
    assert single.returncode == 0 and single.stdout.split(":")[-1] == result.stdout.split(":")[-1], single.stdout[-2000:]
    shutil.rmtree(tmp_path / "b")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "wichtig.txt").write_text("x")
    refused = run_cli("demo", "--cases", "1", "--workplaces", "1", "--modules", "1", "--out", str(tmp_path / "b"))
    assert refused.returncode == 1 and (tmp_path / "b" / "wichtig.txt").exists()


def test_positions_follow_edits_in_a_long_running_process(tmp_path: Path) -> None:
    from site_gen.records.load import locate

    path = tmp_path / "tn-0001.yaml"
    path.write_text("id: tn-0001\nopened: 2026-01-01\n")
    assert locate(path, ("opened",)) == (2, 1)
    path.write_text("# Kommentar\n\nid: tn-0001\nopened: 2026-01-01\n")
    assert locate(path, ("opened",)) == (4, 1)


def test_any_command_removes_what_a_killed_build_left_in_staging(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A build killed with ``kill -9`` leaves case pages in ``.site-gen-staging/``: the next command of any kind removes them."""
    import subprocess

    from site_gen.cli import main
    from site_gen.site.publish import STAGING

    dead = subprocess.Popen(["true"])  # a process that has ended: no build of its id runs
    dead.wait()
    staging = base_repo / STAGING
    left = staging / f"site-{dead.pid}-abc123"
    (left / "akten").mkdir(parents=True)
    (left / "akten" / "tn-0001.html").write_text("Testa Musterfrau", encoding="utf-8")
    running = staging / f"site-{os.getpid()}-def456"
    running.mkdir()
    assert main(["--root", str(base_repo), "check", "--today", TODAY]) == 0
    assert not left.exists() and running.exists()
