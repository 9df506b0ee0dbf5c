"""Benchmark for the data-protection parts on synthetic data.

    python benchmarks/consent.py [--cases 10000 --workplaces 2000 --modules 100 --git-cases 1000 --commits 30]

Prints wall times and ratios for: the consent, retention and privacy checks
against all cross-record checks; the consent filter and the need-to-know
view; export (Art. 15) per case; and ``site-gen forget`` in a real Git
repository against a bare ``git filter-repo --invert-paths`` on an identical
clone (the anchor: what our reference sweep, commit and verification add).
Not a test: goals are read off the printed table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.authoring.demo import generate  # noqa: E402
from site_gen.checking.rules import CHECKS, consent, privacy, retention  # noqa: E402
from site_gen.records.dataset import load_dataset  # noqa: E402
from site_gen.records.git import filter_repo_command  # noqa: E402
from site_gen.render.privacy import render_export  # noqa: E402
from site_gen.views.consented import consented_dataset  # noqa: E402
from site_gen.views.export import export_context  # noqa: E402
from site_gen.views.team import team_dataset  # noqa: E402

TODAY = dt.date(2026, 11, 22)
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "Bench",
       "GIT_COMMITTER_EMAIL": "b@example.org"}


def best(n: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, env=ENV)


def git_repo(path: Path, cases: int, commits: int) -> None:
    """Demo records in a Git repository with ``commits`` commits touching random cases."""
    generate(path, cases, max(20, cases // 5), 20)
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "Start")
    rng = random.Random(3)
    files = sorted((path / "cases").glob("*.yaml"))
    for n in range(commits):
        for f in rng.sample(files, min(50, len(files))):
            with f.open("a", encoding="utf-8") as out:
                out.write(f"# Änderung {n}\n")
        if n == commits // 2:
            git(path, "tag", "-a", "halbzeit", "-m", "Halbzeit")
        git(path, "commit", "-q", "-am", f"Änderung {n}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workplaces", type=int, default=2_000)
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--git-cases", type=int, default=1_000)
    parser.add_argument("--commits", type=int, default=30)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-consent-"))
    try:
        data = work / "records"
        generate(data, args.cases, args.workplaces, args.modules)
        ds = load_dataset(data)
        print(f"Synthetic repository: {len(ds.cases)} cases, {len(ds.workplaces)} workplaces, {len(ds.modules)} modules")
        rows: list[tuple[str, float, str]] = []
        all_checks = best(3, lambda: [list(c(ds, TODAY)) for c in CHECKS])
        rows.append(("all cross-record checks", all_checks, ""))
        for name, mod in (("consent", consent), ("retention", retention), ("privacy (names in ids)", privacy)):
            t = best(3, lambda mod=mod: list(mod.check(ds, TODAY)))
            rows.append((f"  {name} check", t, f"{t / all_checks:.1%} of all checks"))
        t = best(3, lambda: consented_dataset(ds, TODAY))
        rows.append(("consent filter (consented_dataset)", t, f"{t / len(ds.cases) * 1e6:.1f} µs per case"))
        location = next(iter(ds.locations))
        t = best(3, lambda: team_dataset(ds, location=location))
        rows.append((f"need-to-know view (--team {location})", t, ""))
        sample = sorted(ds.cases)[:100]
        t = best(1, lambda: [render_export(export_context(ds, cid, TODAY, [])) for cid in sample])
        rows.append(("export context + HTML, 100 cases", t, f"{t / len(sample) * 1000:.1f} ms per case"))

        repo = work / "git"
        git_repo(repo, args.git_cases, args.commits)
        anchor = work / "anchor"
        subprocess.run(["git", "clone", "-q", "--no-local", str(repo), str(anchor)], check=True, env=ENV)
        victim = "tn-00007"
        start = time.perf_counter()
        subprocess.run([*filter_repo_command(), "--force", "--quiet", "--invert-paths", "--path", f"cases/{victim}.yaml"],
                       cwd=anchor, check=True, capture_output=True)
        bare = time.perf_counter() - start
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "site_gen", "--root", str(repo), "forget", victim, "--yes"],
                                capture_output=True, text=True, env={**ENV, "PYTHONPATH": str(REPO)})
        ours = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"forget failed: {result.stderr}")
        rows.append((f"git filter-repo alone ({args.git_cases} cases, {args.commits + 1} commits)", bare, "anchor"))
        rows.append(("site-gen forget --yes (same repository)", ours, f"{ours / bare:.2f}× the anchor"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    for label, seconds, note in rows:
        print(f"{label:<{width}}  {seconds * 1000:9.1f} ms  {note}")


if __name__ == "__main__":
    main()
