"""``site-gen migrate`` on the demo: same findings, same pages; Git history followable; idempotent."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from site_gen.records.layout import history_key

from ..conftest import TODAY, demo_copy, run_cli
from .conftest import migrated_copy, migration_record
from .helpers import git, single_file_base, single_file_demo


def rows(report: dict[str, Any]) -> list[tuple[str, str, str, str, str | None]]:
    """Every finding of a JSON report as (record, code, severity, message, due): the file names and lines differ by design."""
    return sorted((history_key(f["file"]), f["code"], f["severity"], f["message"], f["due"]) for f in report["findings"])


def findings(root: Path) -> list[tuple[str, str, str, str, str | None]]:
    """:func:`rows` of ``check --no-cache`` on ``root``."""
    out = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache", "--format", "json")
    return rows(json.loads(out.stdout))


def pages(root: Path, docs: Path) -> dict[str, str]:
    """The generated Markdown pages, with a case's path written the folder way (the only intended difference)."""
    copy = docs.parent / f"{docs.name}-akten-ohne-git"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))  # no history table: the migration adds commits on purpose
    built = run_cli("--root", str(copy), "build", "--no-search", "--today", TODAY, "--keep-docs", str(docs), timeout=900)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    out = {}
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8").replace("<wbr>", "")  # paths in <code> may break after '/'
        # A finding's place names the small file and its line now (by design): compare the record only.
        text = re.sub(r"(cases/tn-\d+|workplaces/ap-\d+)(?:\.yaml|/[^\s|`:]*\.yaml):\d+(?::\d+)?", r"\1:ZEILE", text)
        out[path.relative_to(docs).as_posix()] = re.sub(r"Datei im Daten-Repository: (cases/tn-\d+|workplaces/ap-\d+)\.yaml", r"Ordner im Daten-Repository: \1/",
                                                       re.sub(r"zu (cases/tn-\d+|workplaces/ap-\d+)\.yaml gefunden", r"zu \1/ gefunden", text))
    return out


@pytest.fixture(scope="module")
def migrated(migrated_demo: Path) -> tuple[Path, list, dict[str, str], str]:
    """The session's migrated demo (read-only), the findings before, and what ``migrate`` said (made in layout/conftest.py)."""
    before, record = migration_record(migrated_demo)
    assert record["check_before"] == 1  # migrate --check saw the single files
    return migrated_demo, rows(before), {}, record["stdout"]


def test_migrate_moves_every_case_into_a_folder_in_two_commits(migrated: tuple[Path, list, dict[str, str], str]) -> None:
    root, _, _, out = migrated
    assert not list((root / "cases").glob("*.yaml")) and (root / "cases" / "tn-0004" / "case.yaml").is_file()
    assert "32 Akten und 19 Arbeitsplatzprofile umgestellt" in out
    assert (root / "workplaces" / "ap-0001" / "workplace.yaml").is_file() and not list((root / "workplaces").glob("*.yaml"))
    assert git(root, "status", "--porcelain").stdout == ""
    subjects = git(root, "log", "--format=%s").stdout.splitlines()
    assert subjects[:2] == ["Einträge in eigene Dateien aufgeteilt (site-gen migrate, Schritt 2 von 2)",
                            "Akten und Arbeitsplatzprofile in Ordner verschoben (site-gen migrate, Schritt 1 von 2)"]
    renames = git(root, "show", "--format=", "--name-status", "-M", "HEAD~1").stdout.splitlines()
    assert all(line.startswith("R100") for line in renames) and len(renames) == 32 + 19
    followed = git(root, "log", "--follow", "--format=%s", "--", "cases/tn-0004/case.yaml").stdout.splitlines()
    assert followed[-1] == "Demo"  # git log --follow reaches the old single file


def test_before_migrate_every_single_file_is_one_finding(migrated: tuple[Path, list, dict[str, str], str]) -> None:
    """The old layout is read only by migrate: check names each file once (LAYOUT-SINGLE-FILE) and nothing else."""
    before = migrated[1]
    assert {row[1] for row in before} == {"LAYOUT-SINGLE-FILE"} and len(before) == 32 + 19
    assert all(row[3].endswith("wird nicht gelesen.") for row in before)


def test_findings_and_pages_after_migrate_are_the_demos(migrated: tuple[Path, list, dict[str, str], str], tmp_path: Path) -> None:
    """The demo's data written the old way, then migrated, gives the demo: the same findings, the same pages.
    (The migration in Git and outside writes the same files: the same code, ``git mv`` or a rename; outside Git
    see the comment tests below.)"""
    root = migrated[0]
    demo = demo_copy(tmp_path / "demo")
    expected = findings(demo)
    assert findings(root) == expected and expected  # the demo has tasks: a real comparison
    before_pages = pages(demo, tmp_path / "docs-demo")
    after = pages(root, tmp_path / "docs-nachher")
    assert after.keys() == before_pages.keys()
    assert [name for name in after if after[name] != before_pages[name]] == []


def test_migrate_is_idempotent_and_the_check_mode_agrees(migrated: tuple[Path, list, dict[str, str], str], tmp_path: Path) -> None:
    root = migrated_copy(migrated[0], tmp_path / "akten")
    head = git(root, "rev-parse", "HEAD").stdout
    again = run_cli("--root", str(root), "migrate")
    assert again.returncode == 0 and "Nichts zu tun" in again.stdout
    assert git(root, "rev-parse", "HEAD").stdout == head
    assert run_cli("--root", str(root), "migrate", "--check").returncode == 0


def test_migrate_keeps_comments(tmp_path: Path) -> None:
    root = single_file_demo(tmp_path / "akten")
    case = root / "cases" / "tn-0004.yaml"
    text = case.read_text(encoding="utf-8").removeprefix("---\n")  # composed from the folder: the comments go above its first key
    text = "# yaml-language-server: $schema=../schema/case.schema.json\n# Kopfkommentar der Akte\n" + text.replace("support_log:\n", "# Abschnitt Begleitung\nsupport_log:\n", 1)
    text = text.replace("    kind: unmittelbar\n", "    kind: unmittelbar  # vor Ort\n", 1)
    case.write_text(text, encoding="utf-8")
    assert run_cli("--root", str(root), "migrate").returncode == 0  # not a Git repository: plain moves
    main = (root / "cases" / "tn-0004" / "case.yaml").read_text(encoding="utf-8")
    # The old skeleton's modeline moved one folder down and now names the schema of case.yaml in a folder.
    assert main.startswith("# yaml-language-server: $schema=../../schema/case-folder.schema.json\n# Kopfkommentar der Akte\n"), main[:200]
    assert "# Abschnitt Begleitung\n" in main
    entries = "".join(p.read_text(encoding="utf-8") for p in (root / "cases" / "tn-0004").rglob("*.yaml") if p.name != "case.yaml")
    assert re.search(r"kind: unmittelbar +# vor Ort\n", entries) and "# Abschnitt Begleitung" not in entries  # ruamel keeps the comment's column


def test_migrate_keeps_every_comment_wherever_it_stands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from site_gen.records.migration import migrate


    root = single_file_base(tmp_path / "akten")
    case = root / "cases" / "tn-0001.yaml"
    text = case.read_text(encoding="utf-8").replace("opened: 2026-01-05\n", "").replace("enrolments:\n", "opened: 2026-01-05\nenrolments:\n")
    text = text.replace("  - stage: suche\n", "# K-spalte-null zwischen Einträgen\n  - stage: suche\n")
    text = text.replace("placements:\n", "placements:\n  # K-eingerückt vor dem Eintrag\n")
    text = text.replace("coaches:\n", "# K-über-einem-Schlüssel\ncoaches:\n")
    case.write_text(text + "# K-am-Ende der Datei\n", encoding="utf-8")
    assert migrate(root, commit=False) == 0
    written = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in (root / "cases").rglob("*.yaml")}
    comments = sorted(line for body in written.values() for line in body.splitlines() if line.lstrip().startswith("# K-"))
    assert comments == sorted(["# K-spalte-null zwischen Einträgen", "# K-eingerückt vor dem Eintrag", "# K-über-einem-Schlüssel", "# K-am-Ende der Datei"])
    suche = next(body for path, body in written.items() if "/stages/" in path and "suche" in body)
    assert suche.startswith("# K-spalte-null zwischen Einträgen\n")
    assert next(body for path, body in written.items() if "/placements/" in path).startswith("# K-eingerückt vor dem Eintrag\n")
    assert "# K-über-einem-Schlüssel\ncoaches:" in written["cases/tn-0001/case.yaml"]
    assert findings(root) == []


def test_migrate_keeps_a_comment_above_the_document_start_at_the_top(tmp_path: Path) -> None:
    """A comment above ``---`` (ruamel drops it from the document) stays at the top of case.yaml; comments inside
    an entry and inside a nested list stay beside their line, aligned to the entry file; a ``#`` line inside a
    note's block scalar is text and stays untouched."""
    from site_gen.records.migration import migrate

    root = single_file_base(tmp_path / "akten")
    case = root / "cases" / "tn-0001.yaml"
    text = case.read_text(encoding="utf-8")
    text = text.replace("    status: beendet\n", "    # K-im-Eintrag\n    status: beendet\n")
    text = text.replace("    requirements_confirmed: [krankheitseinsicht]\n",
                        "    requirements_confirmed:\n      # K-in-verschachtelter-Liste\n      - krankheitseinsicht\n")
    text += ("support_log:\n  - date: 2026-03-02\n    kind: mittelbar\n    minutes: 30\n    by: jc-mara\n"
             "    note: |\n      Erste Zeile\n      # keine Bemerkung, sondern Text\n")
    case.write_text("# K-ganz-oben\n---\n# K-nach-dem-Start\n" + text, encoding="utf-8")
    assert migrate(root, commit=False) == 0
    folder = root / "cases" / "tn-0001"
    assert (folder / "case.yaml").read_text(encoding="utf-8").startswith("# K-ganz-oben\n# K-nach-dem-Start\nid: tn-0001\n")
    placement = next((folder / "placements").iterdir()).read_text(encoding="utf-8")
    assert "mentor: m1\n# K-im-Eintrag\nstatus: beendet\n" in placement
    enrolment = next((folder / "enrolments").iterdir()).read_text(encoding="utf-8")
    assert "requirements_confirmed:\n  # K-in-verschachtelter-Liste\n  - krankheitseinsicht\n" in enrolment
    log = next((folder / "support_log").iterdir()).read_text(encoding="utf-8")
    assert "note: |\n  Erste Zeile\n  # keine Bemerkung, sondern Text\n" in log
    assert findings(root) == []


def test_a_case_both_as_file_and_as_folder_is_reported_not_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from site_gen.records.migration import migrate

    from ..conftest import make_repo

    root = make_repo(tmp_path / "akten")
    assert migrate(root, commit=False) == 0
    shutil.copy(root / "cases" / "tn-0001" / "case.yaml", root / "cases" / "tn-0001.yaml")
    capsys.readouterr()
    assert migrate(root, check=True) == 1
    assert migrate(root, commit=False) == 1
    err = capsys.readouterr().err
    assert "cases/tn-0001.yaml:1:1: RECORD-DUPLICATE" in err and (root / "cases" / "tn-0001.yaml").exists()
