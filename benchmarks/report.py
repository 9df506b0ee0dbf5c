"""Benchmark for `site-gen bericht`: one draft, and the drafts for all cases of one coach.

    python benchmarks/report.py [--caseload 15] [--pdf]

Copies the demo data to a temporary folder and adds copies of the demo case
tn-0021 (two assessments, three placements, cost approvals, report consent)
for its coach, so the coach has ``--caseload`` cases. Prints wall times for:
the real CLI for one case (process start, loading, drafting, writing); the
drafts of all the coach's cases in one process (load once, .docx each); and
optionally the PDF through LibreOffice headless. Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.records.dataset import load_dataset  # noqa: E402
from site_gen.render.docx import report_draft as draft  # noqa: E402

TODAY = "2026-11-22"
COACH = "paul-okafor"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--caseload", type=int, default=15)
    ap.add_argument("--pdf", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", "site", "public", "tests", ".site-gen-cache"))
        source = (root / "cases" / "tn-0021.yaml").read_text(encoding="utf-8")
        ds = load_dataset(root)
        have = len(ds.cases_by_coach.get(COACH, []))
        for n in range(max(0, args.caseload - have)):
            cid = f"tn-{5000 + n}"
            (root / "cases" / f"{cid}.yaml").write_text(source.replace("id: tn-0021", f"id: {cid}"), encoding="utf-8")
        out = Path(tmp) / "out"
        out.mkdir()
        cmd = [sys.executable, "-m", "site_gen", "--root", str(root), "bericht", "tn-0021", "--today", TODAY, "--out", str(out / "one.docx")]
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        cli = time.perf_counter() - start

        start = time.perf_counter()
        ds = load_dataset(root)
        loaded = time.perf_counter() - start
        today = dt.date.fromisoformat(TODAY)
        cases = sorted(c.id for c in ds.cases_by_coach[COACH])
        made = refused = 0
        start = time.perf_counter()
        for cid in cases:
            try:
                data, _ = draft(ds, cid, today)
            except Exception as exc:  # a refused case (no consent) counts, but is not timed apart
                if type(exc).__name__ != "UserError":
                    raise
                refused += 1
                continue
            (out / f"{cid}.docx").write_bytes(data)
            made += 1
        coach = time.perf_counter() - start
        print(f"cases of {COACH}: {len(cases)} ({made} drafts, {refused} refused: no report consent)")
        print(f"one draft, real CLI (start, load {len(ds.cases)} cases, draft, write): {cli:6.2f} s")
        print(f"load once in process:                                        {loaded:6.2f} s")
        print(f"all drafts of the coach in one process:                      {coach:6.2f} s  ({coach / max(made, 1) * 1000:.0f} ms per draft)")
        if args.pdf:
            cmd = cmd + ["--pdf"]
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            print(f"one draft with PDF (LibreOffice headless):                   {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
