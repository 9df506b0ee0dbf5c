"""Matching on the repository's own fictional demo data (dogfood): every case ranks, CLI and folder work."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from site_gen.domain.consent import has_live
from site_gen.models.workplace import AcquisitionStatus
from site_gen.records.dataset import Dataset, load_dataset
from site_gen.views.consented import consented_dataset
from site_gen.views.matching import case_section, workplace_section

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    data = load_dataset(REPO)
    assert len(data.cases) >= 10 and len(data.workplaces) >= 10, "demo data missing"
    return consented_dataset(data, TODAY)


def test_every_open_case_gets_explained_suggestions(ds: Dataset) -> None:
    closed = {w for w, wp in ds.workplaces.items() if wp.acquisition.status is AcquisitionStatus.CLOSED}
    for cid, case in ds.cases.items():
        section = case_section(ds, cid, TODAY, top=5)
        if case.closed and case.closed <= TODAY:
            assert section.rows == ()
            continue
        assert section.rows, cid
        # fallback places first after a return or crisis (their reason says so), then by score
        first = [any("Auffangplatz, zuerst vorgeschlagen" in r.text for p in row.parts for r in p.reasons) for row in section.rows]
        assert first == sorted(first, reverse=True), cid
        for group in (True, False):
            scores = [r.score for r, f in zip(section.rows, first) if f is group]
            assert scores == sorted(scores, reverse=True), cid
        for row in section.rows:
            assert row.id not in closed
            assert sum(p.points for p in row.parts) == pytest.approx(row.score, abs=0.3)
            assert all(r.text for p in row.parts for r in p.reasons)
    for wid in ds.workplaces:
        section = workplace_section(ds, wid, TODAY)
        assert (section.rows == ()) == (wid in closed)


def test_cli_on_demo_data(ds: Dataset) -> None:
    cid = next(c for c, case in ds.cases.items() if case.closed is None and case.ability_profiles)
    res = subprocess.run(["site-gen", "--root", str(REPO), "match", cid, "--today", TODAY.isoformat(), "--format", "json", "--top", "3"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert len(data["results"]) == 3
    assert data["results"][0]["comparison"]["items"]
    wid = data["results"][0]["id"]
    res = subprocess.run(["site-gen", "--root", str(REPO), "match", "--workplace", wid, "--today", TODAY.isoformat()],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.startswith(f"Passende Bewerber:innen für {wid}")


def test_bewerbung_on_demo_data(ds: Dataset, tmp_path: Path) -> None:
    pairs = [(cid, wid) for cid, case in ds.cases.items() for wid in ds.workplaces
             if has_live(case, TODAY, ds.purposes, "profil-an-arbeitgeber", wid)]
    assert pairs, "the demo data should have at least one consent to share the profile with an employer"
    cid, wid = pairs[0]
    out = tmp_path / "mappe.html"
    res = subprocess.run(["site-gen", "--root", str(REPO), "bewerbung", cid, "--workplace", wid, "--today", TODAY.isoformat(), "--out", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert ds.cases[cid].first_name in out.read_text(encoding="utf-8")
    other = next(w for w in ds.workplaces if (cid, w) not in pairs)
    res = subprocess.run(["site-gen", "--root", str(REPO), "bewerbung", cid, "--workplace", other, "--today", TODAY.isoformat(), "--out", str(out) + "2"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "keine gültige Einwilligung" in res.stderr
