"""``site-gen check --ohne-schluessel``: a merge request's CI run gets no keys, and still checks what it can.

Without keys nothing is opened: the layout, workplaces, modules and settings are checked as always, a plain
value in a case is SEALED-PLAINTEXT, a sealed value moved to a field of another purpose is SEALED-TAMPERED
(its key generation names the purpose), and a sealed case is not reported as SEALED-NO-KEY. Real Git
repositories (the sealed demo, sealed at test time), the CLI in-process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_gen.commands.check import UNOPENED_NOTE

from .conftest import Sealed, cli, keys_env

TODAY = "2026-11-22"


def _check(s: Sealed, *more: str) -> tuple[int, str]:
    return cli("--root", str(s.repo), "check", "--today", TODAY, "--ohne-schluessel", *more, ring=None, identity=None)


def test_the_sealed_demo_passes_without_keys_and_says_what_was_checked(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    code, out = cli("--root", str(s.repo), "check", "--today", TODAY, ring=None, identity=None)
    assert code == 1 and "SEALED-NO-KEY" in out  # without the option a run without keys cannot vouch for the cases
    code, out = _check(s)
    assert code == 0, out[-3000:]
    assert "SEALED-NO-KEY" not in out and " 0 Fehler" in out and UNOPENED_NOTE in out


def test_plaintext_a_moved_value_and_a_broken_workplace_are_found_without_keys(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    entry = s.repo / "cases/tn-0001/support_log/2026-12-02-mara-petersen-aaaaaa.yaml"
    entry.write_text("date: 2026-12-02\nkind: unmittelbar\nminutes: 30\nby: mara-petersen\nnote: Gespräch über den Arbeitsweg.\n")
    main = s.repo / "cases/tn-0002/case.yaml"
    text = main.read_text()
    health = next(line.split("- ", 1)[1] for line in text.splitlines() if "- enc:v2:gesundheitsdaten:" in line)
    first = next(line for line in text.splitlines() if line.startswith("first_name: "))  # sealed to 'basis'
    main.write_text(text.replace(first, "first_name: " + health))
    workplace = s.repo / "workplaces/ap-0001/workplace.yaml"
    workplace.write_text(workplace.read_text() + "unbekannt: 1\n")
    code, out = _check(s, "--no-cache")
    assert code == 1
    assert f"{entry.relative_to(s.repo).as_posix()}:1:1: SEALED-PLAINTEXT" in out and "Arbeitsweg" not in out
    line = text.splitlines().index(first) + 1
    assert f"cases/tn-0002/case.yaml:{line}:1: SEALED-TAMPERED" in out
    assert "workplaces/ap-0001/workplace.yaml" in out and "SCHEMA-UNKNOWN-KEY" in out
    assert "SEALED-NO-KEY" not in out and "Traceback" not in out


def test_the_gitlab_report_stays_json_and_a_cached_run_with_keys_is_not_reused(sealed_demo: Sealed, tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The note goes to stderr with ``--format gitlab``; the check's cache keeps the two kinds of run apart."""
    s = sealed_demo.copy(tmp_path)
    code, out = cli("--root", str(s.repo), "check", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0, out[-2000:]
    from site_gen.cli import main

    capsys.readouterr()
    with keys_env(None, None):
        assert main(["--root", str(s.repo), "check", "--today", TODAY, "--ohne-schluessel", "--format", "gitlab"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report and not any(r["check_name"].startswith("SEALED") for r in report) and UNOPENED_NOTE in captured.err
    code, out = cli("--root", str(s.repo), "check", "--today", TODAY, ring=None, identity=None)
    assert code == 1 and "SEALED-NO-KEY" in out  # no verdict of the run without keys was taken from the cache
