"""A record past its retention period leaves every output on the next build, as a withdrawal does (issue 32).

The fixture case tn-1001 is closed on 21.11.2025 with ``retention_years: 1``: 21.11.2026 is the last day it
may be kept, from 22.11.2026 on it must be erased. No commit happens between the two builds: time alone
takes it out of the site, its search index, its calendars and every document command.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from tests.conftest import built_once, run_cli

from .conftest import fixture_repo
from .test_withdrawal import SECRET, edit, holding

LAST_DAY, FIRST_DAY_AFTER = "2026-11-21", "2026-11-22"
PERSONAL = ("Sandmann", "Wiebke", SECRET, "Draußen arbeiten")


def closed_repo(target: Path) -> Path:
    repo = fixture_repo(target)
    edit(repo / "cases" / "tn-1001" / "case.yaml", 'opened: "2025-01-10"\n', 'opened: "2025-01-10"\nclosed: "2025-11-21"\n')
    org = repo / "organisation.yaml"
    org.write_text("retention_years: 1\n" + org.read_text(encoding="utf-8"), encoding="utf-8")
    return repo


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(records, site on the last day, site on the first day after — built over the first one's output): built once
    per session for both xdist workers (read-only use)."""
    def make(base: Path) -> None:
        repo = closed_repo(base / "repo")
        out = base / "site"
        proc = run_cli("--root", str(repo), "build", "--today", LAST_DAY, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        shutil.copytree(out, base / "before")
        proc = run_cli("--root", str(repo), "build", "--today", FIRST_DAY_AFTER, "--out", str(out))
        assert proc.returncode == 0, proc.stderr  # time is not a commit
        assert "Sandmann" not in proc.stdout + proc.stderr

    base = built_once(tmp_path_factory, "retention-sites", make)
    return base / "repo", base / "before", base / "site"


def test_on_the_last_day_of_retention_the_case_is_still_shown(sites: tuple[Path, Path, Path]) -> None:
    _, before, _ = sites
    assert "Sandmann" in (before / "akten" / "tn-1001.html").read_text(encoding="utf-8")
    assert any("pagefind" in p for p in holding(before, "Sandmann"))  # the search index is searched too: the test can fail
    assert holding(before, SECRET)


def test_from_the_first_day_after_no_page_and_no_search_entry_shows_a_personal_value(sites: tuple[Path, Path, Path]) -> None:
    _, _, out = sites
    for value in PERSONAL:
        assert holding(out, value) == [], value


@pytest.mark.parametrize("broken", ["tn-1002", "tn-1001"])
def test_whatever_else_is_wrong_the_case_shows_nothing_after_its_retention(tmp_path: Path, broken: str) -> None:
    """Another record with an error (the build exits 1 and still publishes), or the expired case itself with one."""
    repo = closed_repo(tmp_path / "repo")
    main = repo / "cases" / broken / "case.yaml"
    main.write_text(main.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    out = tmp_path / "site"
    proc = run_cli("--root", str(repo), "build", "--today", FIRST_DAY_AFTER, "--out", str(out))
    assert proc.returncode == 1 and "SCHEMA-UNKNOWN-KEY" in proc.stderr, proc.stdout + proc.stderr
    assert (out / "akten" / "tn-1001.html").is_file()
    for value in PERSONAL:
        assert holding(out, value) == [], value
        assert value not in proc.stdout + proc.stderr


def test_the_case_page_only_says_it_must_be_erased_and_how(sites: tuple[Path, Path, Path]) -> None:
    _, _, out = sites
    page = html.unescape((out / "akten" / "tn-1001.html").read_text(encoding="utf-8"))
    assert "Aufbewahrungsfrist abgelaufen" in page and "site-gen forget tn-1001" in page and "22.11.2026" in page
    assert "site-gen export tn-1001" in page
    assert "versiegelt" in page and "Schlüssel" in page  # sealed records: forget destroys the keys


def test_tasks_deadlines_and_calendars_name_it_by_id_and_keep_only_the_erasure(sites: tuple[Path, Path, Path]) -> None:
    _, _, out = sites
    tasks = (out / "aufgaben.html").read_text(encoding="utf-8")
    assert "RETENTION-EXPIRED" in tasks and "tn-1001" in tasks
    feed = (out / "fristen" / "coach-a.ics").read_text(encoding="utf-8")
    events = [line for line in feed.splitlines() if line.startswith("SUMMARY:") and "tn-1001" in line]
    assert events == ["SUMMARY:Löschung fällig: tn-1001"]
    assert "Löschung fällig" in (out / "fristen.html").read_text(encoding="utf-8")


def test_figures_count_it_as_closed_without_showing_it(sites: tuple[Path, Path, Path]) -> None:
    _, _, out = sites
    index = (out / "akten" / "index.html").read_text(encoding="utf-8")
    assert "davon 1 zu löschen" in index
    board = html.unescape((out / "kennzahlen" / "standort-nord.html").read_text(encoding="utf-8"))
    assert "1 geschlossene Akte ist nach Ablauf der Aufbewahrungsfrist zu löschen" in board  # its id only in the erasure deadline
    listing = "".join(p.read_text(encoding="utf-8") for p in (out / "akten").glob("standort-*.html"))
    assert "tn-1001" not in listing


@pytest.mark.parametrize("argv", [
    ("bericht", "tn-1001"),
    ("briefing", "tn-1001", "ap-gaertnerei"),
    ("bewerbung", "tn-1001"),
    ("match", "tn-1001"),
])
def test_documents_refuse_it(sites: tuple[Path, Path, Path], tmp_path: Path, argv: tuple[str, ...]) -> None:
    repo, _, _ = sites
    proc = run_cli("--root", str(repo), argv[0], "--today", FIRST_DAY_AFTER, *argv[1:],
                   *(("--out", str(tmp_path / "doc.docx")) if argv[0] == "bericht" else ()))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Aufbewahrungsfrist der Akte tn-1001 ist abgelaufen" in proc.stderr and "Traceback" not in proc.stderr
    assert not any(v in proc.stdout + proc.stderr for v in PERSONAL)
    assert not (tmp_path / "doc.docx").exists()


def test_the_service_statement_leaves_it_out_from_the_first_day_after(sites: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """``nachweis`` lists the case on the last day and leaves it out the day after, saying how many cases it left out."""
    import csv

    repo, _, _ = sites
    rows = {}
    for day in (LAST_DAY, FIRST_DAY_AFTER):
        proc = run_cli("--root", str(repo), "nachweis", "--kostentraeger", "eingliederungshilfe", "--monat", "2025-04",
                       "--today", day, "--out", str(tmp_path / day))
        assert proc.returncode == 0, proc.stderr
        assert not any(v in proc.stdout + proc.stderr for v in PERSONAL)
        with (tmp_path / day / "nachweis-eingliederungshilfe-2025-04.csv").open(encoding="utf-8-sig", newline="") as f:
            rows[day] = [c for row in csv.reader(f, delimiter=";") for c in row]
        rows[day].append(proc.stdout)
    assert "tn-1001" in rows[LAST_DAY] and "Aufbewahrungsfrist" not in rows[LAST_DAY][-1]
    assert "tn-1001" not in rows[FIRST_DAY_AFTER] and "1 Akte dieses Kostenträgers nach Ablauf der Aufbewahrungsfrist" in rows[FIRST_DAY_AFTER][-1]
    page = (tmp_path / FIRST_DAY_AFTER / "nachweis-eingliederungshilfe-2025-04.html").read_text(encoding="utf-8")
    assert "tn-1001" not in page and not any(v in page for v in PERSONAL)


def test_the_subject_access_export_still_works_until_erasure(sites: tuple[Path, Path, Path], tmp_path: Path) -> None:
    repo, _, _ = sites
    proc = run_cli("--root", str(repo), "export", "tn-1001", "--today", FIRST_DAY_AFTER, "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert any("Sandmann" in p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html"))


def test_the_preview_update_takes_a_case_out_when_its_retention_ends(tmp_path: Path) -> None:
    """``site-gen serve`` filters only changed cases anew: a case closed long ago leaves the view there too."""
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.views.consented import consented_dataset, consented_update

    repo = fixture_repo(tmp_path / "repo")
    day = dt.date.fromisoformat(FIRST_DAY_AFTER)
    view = consented_dataset(load_dataset(repo), day)
    assert "tn-1001" in view.cases and not view.erasure
    closed = closed_repo(tmp_path / "closed")
    updated = consented_update(view, load_dataset(closed), ["tn-1001"], day)
    assert "tn-1001" not in updated.cases and updated.erasure["tn-1001"].due == day
    assert set(updated.cases) == set(view.cases) - {"tn-1001"}
