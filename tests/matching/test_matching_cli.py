"""``site-gen match`` through the real entry point (subprocess) on the fixture repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from matching_fixtures import write_repo

from tests.conftest import run_cli

TODAY = "2026-11-22"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repo(tmp_path_factory.mktemp("repo"))


def site_gen(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--root", str(repo), *args)


def test_text_ranking_for_a_case(repo: Path) -> None:
    res = site_gen(repo, "match", "tn-0001", "--today", TODAY)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert out.startswith("Passende Arbeitsplätze für tn-0001 (Stichtag 22.11.2026)")
    assert "1. Kantine Sonnenhof & Söhne (wp-kueche) – Küche, Altstadt\n   90 von 100 Punkten" in out
    assert "+10  Interesse „Kochen & <Backen>“ passt zu: Branche Küche." in out
    assert "Vergleich: 4 von 5 Anforderungen sind erfüllt. Hier wird deutlich mehr verlangt: Lesen (verlangt 4, eingeschätzt 2)." in out
    assert "wp-alt" not in out  # acquisition ended
    assert "So rechnen wir:" in out


def test_json_matches_the_site_explanations(repo: Path) -> None:
    res = site_gen(repo, "match", "tn-0001", "--today", TODAY, "--format", "json", "--top", "2")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["kind"] == "case" and data["today"] == TODAY
    assert [r["id"] for r in data["results"]] == ["wp-kueche", "wp-lager"]
    first = data["results"][0]
    assert first["score"] == 90.0
    assert {p["key"]: p["points"] for p in first["parts"]} == {"profil": 40.0, "wuensche": 20.0, "weg": 15.0, "stunden": 10.0, "form": 5.0}
    for r in data["results"]:
        assert sum(p["points"] for p in r["parts"]) == pytest.approx(r["score"], abs=0.11)
        assert all(reason["text"] for p in r["parts"] for reason in p["reasons"])
    lesen = next(i for i in first["comparison"]["items"] if i["item"] == "lesen")
    assert lesen == {"item": "lesen", "label": "Lesen", "requirement": 4, "ability": 2, "gap": -2, "flag": "deutliche-ueberforderung"}

    # the same explanation as the internal site section, built from the same data
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.views.consented import consented_dataset
    from site_gen.views.matching import case_section
    day = dt.date.fromisoformat(TODAY)
    section = case_section(consented_dataset(load_dataset(repo), day), "tn-0001", day, 2)
    assert [[r.text for p in row.parts for r in p.reasons] for row in section.rows] == \
        [[r["text"] for p in row["parts"] for r in p["reasons"]] for row in data["results"]]


def test_candidates_for_a_workplace(repo: Path) -> None:
    res = site_gen(repo, "match", "--workplace", "wp-kueche", "--today", TODAY, "--format", "json")
    assert res.returncode == 0, res.stderr
    ids = [r["id"] for r in json.loads(res.stdout)["results"]]
    assert ids[0] == "tn-0001"
    assert "tn-0004" not in ids  # closed case
    assert set(ids) == {"tn-0001", "tn-0002", "tn-0003", "tn-0005"}
    # without consent no rating shows up anywhere
    for r in json.loads(res.stdout)["results"]:
        if r["id"] != "tn-0001":
            assert all(i["ability"] is None for i in r["comparison"]["items"])


def test_closed_workplace_has_no_candidates(repo: Path) -> None:
    res = site_gen(repo, "match", "--workplace", "wp-alt", "--today", TODAY)
    assert res.returncode == 0
    assert "Hinweis: Die Zusammenarbeit ist beendet: keine Vorschläge." in res.stdout
    assert "Keine Vorschläge." in res.stdout


def test_top_limits(repo: Path) -> None:
    res = site_gen(repo, "match", "--workplace", "wp-lager", "--today", TODAY, "--top", "1", "--format", "json")
    assert len(json.loads(res.stdout)["results"]) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("match", "tn-9999"), "Die Akte 'tn-9999' gibt es nicht."),
    (("match", "--workplace", "wp-nix"), "Der Arbeitsplatz 'wp-nix' gibt es nicht."),
    (("match",), "Entweder eine Akte oder --workplace angeben."),
    (("match", "tn-0001", "--workplace", "wp-kueche"), "Entweder eine Akte oder --workplace angeben."),
])
def test_user_errors_exit_1_in_german(repo: Path, args: tuple[str, ...], message: str) -> None:
    res = site_gen(repo, *args, "--today", TODAY)
    assert res.returncode == 1
    assert message in res.stderr
    assert "Traceback" not in res.stderr


def test_bad_option_values(repo: Path) -> None:
    res = site_gen(repo, "match", "tn-0001", "--top", "0")
    assert res.returncode == 2 and "keine Zahl größer als 0" in res.stderr
    res = site_gen(repo, "match", "tn-0001", "--today", "22.11.2026")
    assert res.returncode == 2 and "JJJJ-MM-TT" in res.stderr


def test_broken_record_is_reported_not_crashing(tmp_path: Path) -> None:
    repo = write_repo(tmp_path)
    shutil.rmtree(repo / "cases" / "tn-0003")
    (repo / "cases" / "tn-0003").mkdir()
    (repo / "cases" / "tn-0003" / "case.yaml").write_text("id: tn-0003\nfirst_name: [kaputt\n", encoding="utf-8")
    res = site_gen(repo, "match", "tn-0003", "--today", TODAY)
    assert res.returncode == 1
    assert "hat Fehler" in res.stderr and "Traceback" not in res.stderr
    ok = site_gen(repo, "match", "tn-0001", "--today", TODAY)
    assert ok.returncode == 0 and "Fehler in den Daten" in ok.stderr
