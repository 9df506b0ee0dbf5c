"""Start-up time of the command line: ``site-gen --help`` against a bare Python start.

    python benchmarks/startup.py [--runs 15]

Runs each command ``--runs`` times, alternating between them so load from
other processes hits all alike, and prints the median wall time and the
ratio to ``python -c pass`` with the goal beside it (issue 16: ``site-gen
--help`` at most 8× a bare Python start). ``check-jsonschema --help`` is the
anchor: another argparse/click tool on the same interpreter. Not a test:
goals are read off the printed table; on a busy machine run it twice.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOALS = {"site-gen --help": 8.0, "site-gen check --help": 8.0}


def commands() -> dict[str, list[str]]:
    """Name → argv; site-gen through its module entry point on this checkout's code."""
    py = sys.executable
    out = {"python -c pass": [py, "-c", "pass"],
           "site-gen --help": [py, "-m", "site_gen", "--help"],
           "site-gen check --help": [py, "-m", "site_gen", "check", "--help"]}
    anchor = shutil.which("check-jsonschema", path=str(Path(py).parent)) or shutil.which("check-jsonschema")
    if anchor:
        out["check-jsonschema --help"] = [anchor, "--help"]
    return out


def measure(runs: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmds = commands()
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for argv in cmds.values():  # warm the file cache once
        subprocess.run(argv, env=env, capture_output=True, check=True)
    for _ in range(runs):
        for name, argv in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            times[name].append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # An installed package has its bytecode; this machine sets PYTHONDONTWRITEBYTECODE=1, so an editable
    # checkout would compile ~60 modules on every start (0.15 s). Compile once, as pip install does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "site_gen")], check=True)
    times = measure(args.runs)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':28} {'median':>9} {'min':>9} {'× python':>9}  goal")
    for name, values in times.items():
        med = statistics.median(values)
        goal = f"≤ {GOALS[name]:.0f}×" + (" ok" if med / base <= GOALS[name] else " MISSED") if name in GOALS else ""
        print(f"{name:28} {med * 1000:7.1f}ms {min(values) * 1000:7.1f}ms {med / base:8.2f}×  {goal}")
    if "check-jsonschema --help" not in times:
        print("(check-jsonschema not installed: pip install check-jsonschema for the anchor)")


if __name__ == "__main__":
    main()
