"""Issue 29: ``site-gen log`` for a group session and for team time, through the real entry point.

A group session is one entry per case with the same group id and never the
other participants' ids; no page or export of one person shows the others.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from site_gen.records.dataset import load_dataset
from site_gen.site.internal_pages import render_site
from site_gen.views.company_time import company_time
from site_gen.views.consented import consented_dataset
from tests.conftest import REPO, TODAY, demo_copy, run_cli

GROUP = ("tn-0011", "tn-0021", "tn-0032")


def test_help_shows_the_group_and_team_forms() -> None:
    out = run_cli("log", "--help").stdout
    assert "Gruppensitzung" in out and "--gruppe" in out and "--team" in out and "--taetigkeit" in out and "Teamzeit ohne Akte" in out


def test_group_session_is_one_entry_per_case_without_the_others(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "repo")
    res = run_cli("--root", str(root), "log", "tn-0004", "tn-0020", "tn-0028", "--date", "2026-11-20", "--kind", "unmittelbar",
                  "--minutes", "90", "--by", "emre-yildiz", "--note", "GEHEIMNOTIZ Gruppe", "--today", TODAY)
    assert res.returncode == 0, res.stderr
    assert "GEHEIMNOTIZ" not in res.stdout + res.stderr and "3 Akten" in res.stdout
    files = [next((root / "cases" / cid / "support_log").glob("2026-11-20-emre-yildiz-*.yaml")) for cid in ("tn-0004", "tn-0020", "tn-0028")]
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == 1 and "group_size: 3" in texts[0] and "group: gruppe-2026-11-20-" in texts[0]
    assert not any(cid in texts[0] for cid in ("tn-0004", "tn-0020", "tn-0028"))
    assert run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache").returncode == 0


def test_bad_group_and_team_calls_write_nothing(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "repo")
    before = sorted(str(p) for p in root.rglob("*.yaml"))
    for args, text in [
        (("tn-0004", "tn-9999", "--kind", "unmittelbar", "--minutes", "30", "--by", "emre-yildiz", "--note", "x"), "tn-9999"),
        (("tn-0004", "tn-0004", "--kind", "unmittelbar", "--minutes", "30", "--by", "emre-yildiz", "--note", "x"), "mehrfach"),
        (("tn-0004", "tn-0020", "--kind", "unmittelbar", "--minutes", "30", "--by", "niemand", "--note", "x"), "Personal"),
        (("--team", "tn-0004", "--taetigkeit", "supervision", "--minutes", "30", "--by", "emre-yildiz"), "keiner Akte"),
        (("--team", "--minutes", "30", "--by", "emre-yildiz"), "--taetigkeit"),
        (("--team", "--taetigkeit", "supervision", "--minutes", "900", "--by", "emre-yildiz"), "--minutes"),
    ]:
        res = run_cli("--root", str(root), "log", *args, "--today", TODAY)
        assert res.returncode == 1 and "Traceback" not in res.stderr and text in res.stdout + res.stderr, (args, res.stdout, res.stderr)
    assert sorted(str(p) for p in root.rglob("*.yaml")) == before


def test_team_time_is_stored_in_team_and_counted_once_per_group(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "repo")
    res = run_cli("--root", str(root), "log", "--team", "--taetigkeit", "betriebsakquise", "--minutes", "120", "--by", "katrin-vogt",
                  "--date", "2026-11-19", "--today", TODAY)
    assert res.returncode == 0, res.stderr
    (entry,) = (root / "team").glob("2026-11-19-katrin-vogt-*.yaml")
    assert "activity: betriebsakquise" in entry.read_text(encoding="utf-8")
    today = dt.date.fromisoformat(TODAY)
    ds = load_dataset(root)
    figures = company_time(ds, today, lambda s: s.provider == "sonnenhang")
    rows = {r.sid: r for r in figures.rows}
    # independent count for Katrin Vogt: her log minutes in the window plus the new team time (all of it in companies)
    since = today - dt.timedelta(days=364)
    logged = [(e.minutes, e.employer) for c in ds.cases.values() for e in c.support_log if e.by == "katrin-vogt" and since <= e.date <= today]
    assert rows["katrin-vogt"].minutes == sum(m for m, _ in logged) + 120
    assert rows["katrin-vogt"].in_company == sum(m for m, emp in logged if emp) + 120
    # Paul Okafor's demo group session (3 cases, 90 minutes) counts once for him
    paul = [e for c in ds.cases.values() for e in c.support_log if e.by == "paul-okafor" and since <= e.date <= today]
    assert sum(1 for e in paul if e.group) == 3
    assert rows["paul-okafor"].minutes == sum(e.minutes for e in paul if not e.group) + 90 + sum(t.minutes for t in ds.team.values() if t.by == "paul-okafor")
    assert figures.total.minutes == sum(r.minutes for r in figures.rows)


def test_no_page_or_export_of_one_person_shows_the_others_of_the_group(tmp_path: Path) -> None:
    today = dt.date.fromisoformat(TODAY)
    ds = load_dataset(REPO)
    pages = render_site(consented_dataset(ds, today), today)
    names = {cid: (ds.cases[cid].first_name + " " + ds.cases[cid].last_name) for cid in GROUP}
    for cid in GROUP:
        page = pages[f"akten/{cid}.md"]
        assert "Gruppensitzung, 3 Personen" in page
        for other in GROUP:
            if other != cid:
                assert other not in page and names[other] not in page
        res = run_cli("--root", str(REPO), "export", cid, "--out", str(tmp_path), "--today", TODAY)
        assert res.returncode == 0, res.stderr
        exported = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob(f"auskunft-{cid}.*"))
        assert "jobvision-lindenfeld-2026-11-16" in exported
        assert not any(other in exported or names[other] in exported for other in GROUP if other != cid)
    assert json.loads((tmp_path / "auskunft-tn-0011.json").read_text(encoding="utf-8"))
