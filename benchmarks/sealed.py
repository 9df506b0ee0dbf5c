"""Benchmark: sealed records (issue 27) against the same records in plain text.

    python benchmarks/sealed.py [--cases 1000 --workplaces 200 --modules 40 --runs 3] [--build] [--no-scale]

Generates synthetic folder cases, copies them, seals the copy with the real
commands (``keys init`` with a generated admin key, ``migrate --encrypt``),
then times the same commands on both, side by side (medians of ``--runs``):
the cold check (no cache), the warm check, the check after one new
support-log entry (``site-gen log``) and the pre-commit hook for that entry
(``check --staged`` after ``git add``). With ``--build``, the internal build
(``build --no-cache``, every page set anew) of the bundled demo, plain and
sealed (``--no-scale``: only that). Each line prints the ratio sealed / plain
and the issue's goal. Not a test: the goals are read off the table. Keys are
generated here, in the temporary folder, and deleted with it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.authoring.demo import generate  # noqa: E402

TODAY = "2026-11-22"
SITE_GEN = [sys.executable, "-m", "site_gen"]


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, done


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=b@example.org", "-c", "gc.auto=0", *args], cwd=cwd, check=True, capture_output=True)


def median(times: list[float]) -> float:
    return statistics.median(times)


def measure(root: Path, env: dict[str, str], runs: int) -> dict[str, float]:
    check = [*SITE_GEN, "--root", str(root), "check", "--today", TODAY]
    out: dict[str, list[float]] = {"cold": [], "warm": [], "entry": [], "hook": []}
    for i in range(runs):
        shutil.rmtree(root / ".site-gen-cache", ignore_errors=True)
        out["cold"].append(run([*check, "--no-cache"], root, env)[0])
        run(check, root, env)  # fills the cache
        out["warm"].append(run(check, root, env)[0])
        logged = run([*SITE_GEN, "--root", str(root), "log", _case(root), "--kind", "unmittelbar", "--minutes", "15", "--by",
                      _staff(root), "--note", f"Kurzer Kontakt Nummer {i}.", "--date", TODAY], root, env)[1]
        if logged.returncode != 0:
            raise SystemExit(f"log failed: {logged.stderr}")
        out["entry"].append(run(check, root, env)[0])
        git(root, "add", "-A", "cases")
        seconds, hook = run([*SITE_GEN, "--root", str(root), "check", "--staged", "--today", TODAY], root, env)
        if hook.returncode != 0:
            raise SystemExit(f"hook refused: {hook.stdout[-2000:]}")
        out["hook"].append(seconds)
        git(root, "commit", "-qm", f"Eintrag {i}", "--no-verify")
    return {k: median(v) for k, v in out.items() if v}


def seal(plain: Path, sealed: Path, work: Path, base_env: dict[str, str]) -> tuple[dict[str, str], float]:
    """``sealed``: a copy of the committed ``plain`` records, sealed by the real commands; (its environment, seconds of migrate --encrypt)."""
    from pyrage import x25519

    shutil.copytree(plain, sealed)
    ident = x25519.Identity.generate()
    admin = work / f"admin-{sealed.name}.txt"
    admin.write_text(f"{ident}\n")
    env = {**base_env, "SITE_GEN_KEYRING": str(work / f"ring-{sealed.name}"), "SITE_GEN_IDENTITY": str(admin)}
    run([*SITE_GEN, "--root", str(sealed), "keys", "init", "--admin", str(ident.to_public())], sealed, env)
    seconds, done = run([*SITE_GEN, "--root", str(sealed), "migrate", "--encrypt"], sealed, env)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return env, seconds


def commit_all(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Daten", "--no-verify")


def builds(work: Path, base_env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median seconds of ``build --no-cache`` of the bundled demo: (plain, sealed)."""
    plain, sealed = work / "demo-plain", work / "demo-sealed"
    plain.mkdir()
    for name in ("cases", "workplaces", "modules", "schema", "team"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, plain / name)
    shutil.copy(REPO / "organisation.yaml", plain / "organisation.yaml")
    commit_all(plain)
    env, _ = seal(plain, sealed, work, base_env)
    times: dict[str, list[float]] = {"plain": [], "sealed": []}
    for _ in range(runs):
        for name, root, e in (("plain", plain, base_env), ("sealed", sealed, env)):
            seconds, done = run([*SITE_GEN, "--root", str(root), "build", "--no-cache", "--today", TODAY, "--out", str(work / f"site-{name}")], root, e)
            if done.returncode != 0:
                raise SystemExit(f"build failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
            times[name].append(seconds)
    return median(times["plain"]), median(times["sealed"])


def _case(root: Path) -> str:
    return sorted(p.name for p in (root / "cases").iterdir() if p.is_dir())[0]


def _staff(root: Path) -> str:
    """A staff id (the same in both copies: organisation.yaml is never sealed)."""
    import yaml_rs

    org = yaml_rs.loads((root / "organisation.yaml").read_text(), parse_datetime=False)
    return str(org["staff"][0]["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--workplaces", type=int, default=200)
    parser.add_argument("--modules", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="also time the internal build of the bundled demo, plain and sealed (slow)")
    parser.add_argument("--no-scale", action="store_true", help="only the build (with --build), no generated records")
    args = parser.parse_args()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("SITE_GEN_")}
    base_env["PYTHONPATH"] = str(REPO)
    p: dict[str, float] = {}
    s: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="site-gen-sealed-", ignore_cleanup_errors=True) as tmp:  # a detached git gc may still run
        work = Path(tmp)
        if not args.no_scale:
            plain, sealed = work / "plain", work / "sealed"
            start = time.perf_counter()
            generate(plain, args.cases, args.workplaces, args.modules)
            commit_all(plain)
            made = time.perf_counter() - start
            env, seal_time = seal(plain, sealed, work, base_env)
            git(sealed, "add", "-A")
            git(sealed, "commit", "-qm", "versiegelt", "--no-verify", "--allow-empty")
            first = run([*SITE_GEN, "--root", str(sealed), "check", "--no-cache", "--today", TODAY], sealed, env)[1].stdout.splitlines()[-1]
            same = first == run([*SITE_GEN, "--root", str(plain), "check", "--no-cache", "--today", TODAY], plain, base_env)[1].stdout.splitlines()[-1]
            p = measure(plain, base_env, args.runs)
            s = measure(sealed, env, args.runs)
            print(f"Sealed vs plain, {args.cases:,} folder cases ({args.workplaces} workplaces, {args.modules} modules), medians of {args.runs} runs")
            print(f"  generating and committing: {made:.0f} s; migrate --encrypt (once): {seal_time:.1f} s; findings summary identical: {same}")
        if args.build:
            p["build"], s["build"] = builds(work, base_env, args.runs)
            print(f"Internal build (build --no-cache) of the bundled demo, plain and sealed, medians of {args.runs} runs")
    goals = {"cold": ("check, cold (no cache)", "≤ 3×"), "warm": ("check, warm", "≤ 1.2×"),
             "entry": ("check after one new entry", "≤ 1.2×"), "hook": ("hook, one new entry", "≤ 0.5 s"), "build": ("internal build (demo)", "≤ 1.2×")}
    print(f"  {'':30} {'plain':>8} {'sealed':>8} {'ratio':>7}  goal")
    for key, (label, goal) in goals.items():
        if key in p:
            print(f"  {label:30} {p[key]:7.2f}s {s[key]:7.2f}s {s[key] / p[key]:6.2f}×  {goal}" + (f" (sealed {s[key]:.2f} s)" if key == "hook" else ""))


if __name__ == "__main__":
    main()
