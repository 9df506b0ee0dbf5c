"""``site-gen nachweis``: minutes equal an independent sum from the YAML; only ids and duty fields."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, file_with, make_repo, run_cli
from tests.reports.reportdoc import as_date, read_case

CANARY = Path(__file__).resolve().parent / "data" / "canary"


def independent_sums(root: Path, bearer: str, first: dt.date, last: dt.date) -> dict[str, dict[str, int]]:
    """Minutes per case and kind, read straight from the YAML files (not through site_gen)."""
    out: dict[str, dict[str, int]] = {}
    for path in sorted(p for p in (root / "cases").iterdir() if p.suffix == ".yaml" or p.is_dir()):
        data = read_case(path)  # a case file or a case folder
        for a in data.get("cost_approvals", []):
            if a["bearer"] != bearer or as_date(a["start"]) > last or as_date(a["end"]) < first:
                continue
            lo, hi = max(first, as_date(a["start"])), min(last, as_date(a["end"]))
            sums = {"unmittelbar": 0, "mittelbar": 0, "indirekt": 0}
            for e in data.get("support_log", []):
                if lo <= as_date(e["date"]) <= hi:  # a group session: each person's share, rounded half up
                    sums[e["kind"]] += int(e["minutes"] / e["group_size"] + 0.5) if e.get("group_size") else e["minutes"]
            out[data["id"]] = sums
    return out


@pytest.mark.parametrize("month", ["2026-03", "2026-06", "2026-08", "2026-11"])
def test_minutes_equal_an_independent_sum(month: str, tmp_path: Path) -> None:
    res = run_cli("--root", str(REPO), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", month, "--out", str(tmp_path), "--today", TODAY)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader((tmp_path / f"nachweis-agentur-fuer-arbeit-{month}.csv").open(encoding="utf-8-sig"), delimiter=";"))
    first = dt.date.fromisoformat(month + "-01")
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    expected = independent_sums(REPO, "agentur-fuer-arbeit", first, last)
    got = {r["Kennung"]: {"unmittelbar": int(r["Minuten unmittelbar"]), "mittelbar": int(r["Minuten mittelbar"]),
                          "indirekt": int(r["Minuten indirekt"])} for r in rows if r["Aktenzeichen"] != "–"}
    assert got == expected
    assert expected, "the demo data should have approvals in this month"
    for r in rows:
        assert int(r["Minuten gesamt"]) == int(r["Minuten unmittelbar"]) + int(r["Minuten mittelbar"]) + int(r["Minuten indirekt"])


def test_flags_and_no_personal_text(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", CANARY)
    res = run_cli("--root", str(repo), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-03", "--out", str(tmp_path), "--today", TODAY)
    assert res.returncode == 0, res.stderr
    text = (tmp_path / "nachweis-agentur-fuer-arbeit-2026-03.csv").read_text(encoding="utf-8")
    html = (tmp_path / "nachweis-agentur-fuer-arbeit-2026-03.html").read_text(encoding="utf-8")
    assert "tn-0099;Berufsbildungsbereich;AA-Test 0099;2026-01-05;2027-01-04;360;0;0;360;300;über Umfang" in text
    assert "KANARIE" not in text + html and "Testa" not in text + html and "Musterfrau" not in text + html
    assert "<td>tn-0099</td>" in html and "über Umfang" in html and 'lang="de"' in html
    res = run_cli("--root", str(repo), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-04", "--out", str(tmp_path), "--today", TODAY)
    assert "tn-0099;Berufsbildungsbereich;AA-Test 0099;2026-01-05;2027-01-04;0;0;30;30;300;unter Umfang" in (tmp_path / "nachweis-agentur-fuer-arbeit-2026-04.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "code"), [
    (("--kostentraeger", "krankenkasse", "--monat", "2026-03"), "STATEMENT-UNKNOWN-BEARER"),
    (("--kostentraeger", "agentur-fuer-arbeit", "--monat", "03/2026"), "STATEMENT-BAD-MONTH"),
    (("--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-13"), "STATEMENT-BAD-MONTH"),
])
def test_bad_arguments_exit_1_in_german(args: tuple[str, ...], code: str, tmp_path: Path) -> None:
    res = run_cli("--root", str(REPO), "nachweis", *args, "--out", str(tmp_path))
    assert res.returncode == 1 and code in res.stderr and "Hinweis:" in res.stderr and "Traceback" not in res.stderr


PAYLOADS = ["=HYPERLINK(\"http://example.org/x\";\"Klick\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1"]
"""OWASP's CSV injection examples: a cell starting with = + - @ tab or CR."""


def test_no_csv_cell_is_a_formula(tmp_path: Path) -> None:
    """An Aktenzeichen passes the check whatever it says; in the CSV it is inert text (apostrophe in front)."""
    from site_gen.cli import main

    repo = make_repo(tmp_path / "repo", CANARY)
    case = file_with(repo / "cases" / "tn-0099", "file_ref: AA-Test 0099")
    original = case.read_text(encoding="utf-8")
    for n, payload in enumerate(PAYLOADS):
        quoted = '"' + payload.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") + '"'
        case.write_text(original.replace("file_ref: AA-Test 0099", f"file_ref: {quoted}"), encoding="utf-8")
        out = tmp_path / f"out-{n}"
        out.mkdir()
        assert main(["--root", str(repo), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-03", "--out", str(out), "--today", TODAY]) == 0
        rows = list(csv.reader((out / "nachweis-agentur-fuer-arbeit-2026-03.csv").open(encoding="utf-8-sig", newline=""), delimiter=";"))
        cells = [c for row in rows for c in row]
        assert "'" + payload in cells or "'" + payload.strip() in cells, payload  # the model may strip the whitespace
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], payload


def test_csv_opens_in_german_excel_and_the_page_is_a_letter(tmp_path: Path) -> None:
    res = run_cli("--root", str(REPO), "nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-03", "--out", str(tmp_path), "--today", TODAY)
    assert res.returncode == 0, res.stderr
    raw = (tmp_path / "nachweis-agentur-fuer-arbeit-2026-03.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfKennung;Ma\xc3\x9fnahme;")  # UTF-8 with BOM, ';' (German Excel's list separator)
    html = (tmp_path / "nachweis-agentur-fuer-arbeit-2026-03.html").read_text(encoding="utf-8")
    assert "– bis –" not in html and "ohne Kostenzusage" in html  # a case with minutes but no approval this month
    assert '<p class="sender">' in html and "An: Agentur für Arbeit" in html
    assert "Ort, Datum" in html and "Unterschrift" in html
