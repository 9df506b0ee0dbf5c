"""A LibreOffice conversion on the kept profile against one on a new profile (site_gen/site/pdf.py).

Real parts only: the demo's report draft for tn-0021 (``site-gen bericht``), converted to PDF with
LibreOffice, alternately on a throw-away profile (how every conversion ran before) and on the kept
profile (made once before the runs, in a cache folder of the benchmark's own). Prints the medians
(wall clock and CPU of LibreOffice) and their ratio.

    PYTHONPATH=. python benchmarks/libreoffice.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from site_gen.commands.bericht import draft
from site_gen.records.dataset import load_dataset
from site_gen.site import pdf

REPO = Path(__file__).resolve().parents[1]


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and child CPU seconds of ``run()``."""
    before, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    run()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - t0, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = pdf.soffice()
    assert exe, "LibreOffice fehlt"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        docx = Path(tmp) / "bericht.docx"
        docx.write_bytes(draft(load_dataset(REPO), "tn-0021", dt.date(2026, 11, 22))[0])
        out = Path(tmp) / "out"
        out.mkdir()
        pdf.convert(docx, out)  # makes the kept profile
        fresh: list[tuple[float, float]] = []
        kept: list[tuple[float, float]] = []
        for i in range(args.runs):
            profile = Path(tmp) / f"neu-{i}"
            fresh.append(timed(partial(pdf._run, exe, profile, docx, out, "pdf")))
            kept.append(timed(lambda: pdf.convert(docx, out)))
    for name, runs in (("new profile", fresh), ("kept profile", kept)):
        print(f"{name:13} wall {statistics.median(w for w, _ in runs):5.2f} s   CPU {statistics.median(c for _, c in runs):5.2f} s")
    ratio_wall = statistics.median(w for w, _ in kept) / statistics.median(w for w, _ in fresh)
    ratio_cpu = statistics.median(c for _, c in kept) / statistics.median(c for _, c in fresh)
    print(f"kept / new:   wall {ratio_wall:.2f}×   CPU {ratio_cpu:.2f}×   (median of {args.runs}, alternating)")


if __name__ == "__main__":
    main()
