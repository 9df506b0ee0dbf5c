"""Cost approvals make the report due: REPORT-DUE task (with its day) and the deadline list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from site_gen.records.dataset import load_dataset
from site_gen.views.consented import consented_dataset
from site_gen.views.internal_deadlines import KIND_REPORT, case_deadlines
from tests.conftest import TODAY, make_repo, run_cli

CANARY = Path(__file__).resolve().parent / "data" / "canary"


def _repo(tmp_path: Path, end: str, extra: str = "") -> Path:
    repo = make_repo(tmp_path / "repo", CANARY)
    case = repo / "cases" / "tn-0099.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("    end: 2027-01-04\n", f"    end: {end}\n{extra}"), encoding="utf-8")
    return repo


def _findings(repo: Path) -> list[dict]:
    res = run_cli("--root", str(repo), "check", "--format", "json", "--today", TODAY, "--no-cache")
    assert "Traceback" not in res.stderr
    data = json.loads(res.stdout)
    return data["findings"] if isinstance(data, dict) else data


def test_report_due_six_weeks_before_the_end_is_a_task(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "2026-12-31")  # due 19.11.2026, today 22.11.2026
    due = [f for f in _findings(repo) if f["code"] == "REPORT-DUE"]
    assert len(due) == 1 and due[0]["severity"] == "warning"
    assert due[0]["due"] == "2026-11-19"
    ds = consented_dataset(load_dataset(repo), dt.date.fromisoformat(TODAY))
    kinds = [(d.kind, d.due) for d in case_deadlines(ds, ds.cases["tn-0099"], dt.date.fromisoformat(TODAY))]
    assert (KIND_REPORT, dt.date(2026, 11, 19)) in kinds


def test_not_yet_due_or_sent_gives_no_task(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "2027-01-04")  # due 23.11.2026: tomorrow, listed as deadline but no task yet
    assert not [f for f in _findings(repo) if f["code"] == "REPORT-DUE"]
    ds = load_dataset(repo)
    assert [d.days for d in case_deadlines(ds, ds.cases["tn-0099"], dt.date.fromisoformat(TODAY)) if d.kind == KIND_REPORT] == [1]
    sent = _repo(tmp_path / "b", "2026-12-31", "    report_sent_on: 2026-11-20\n")
    assert not [f for f in _findings(sent) if f["code"] == "REPORT-DUE"]


def test_organisation_sets_the_weeks(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "2027-01-31")  # 6 weeks: 20.12.2026; 10 weeks: 22.11.2026 (today)
    assert not [f for f in _findings(repo) if f["code"] == "REPORT-DUE"]
    org = repo / "organisation.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "report_weeks_before_end: 10\n", encoding="utf-8")
    due = [f for f in _findings(repo) if f["code"] == "REPORT-DUE"]
    assert [f["due"] for f in due] == ["2026-11-22"]


def test_scope_given_twice_is_an_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "2027-01-04", "    hours_per_month: 5\n")
    codes = [f["code"] for f in _findings(repo)]
    assert "APPROVAL-SCOPE-TWICE" in codes
