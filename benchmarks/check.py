"""Benchmark for `site-gen check` on the layout teams use: one folder per case, one file per entry.

    python benchmarks/check.py [--cases 10000 --workplaces 2000 --modules 100 --runs 5]

Generates (once; cached under ``/tmp/site-gen-bench-check/``, see ``--fresh``)
a synthetic records repository in the default record layout, committed to a
real Git repository, and prints for the full check and the pre-commit hook:
the best wall time of ``--runs`` runs, the CPU time (user + system) of that
run, and the ratio to its goal (≤ 1.00× meets it). The machine's load
average is printed before and after: on a shared two-core machine wall
times move with the neighbours' work, CPU times much less.

Figures: cold full check (no cache) against check-jsonschema on the same
files with the exported schemas (the anchor; ``--skip-anchor``); peak memory
of the cold check; warm full check with nothing changed; full check after one
edited ``case.yaml`` and after one new support-log entry; ``check --staged``
(the hook's entry) after one new entry, warm and with a cold cache; the whole
``pre-commit run``; the YAML parsers on 1,000 ``case.yaml`` files.
Not a test: goals are read off the printed table.

Where the time goes (10,000 folder cases = 317,689 files in 73,351 folders;
CPU seconds of one process, ``SITE_GEN_WORKERS=1``, from cProfile with a CPU
clock and phase timers; the machine ran at load 12-19 on 2 cores, so CPU
figures are inflated too, but they compare):

* warm full check, nothing changed (3.7-4.4 s CPU before issue 26's round):
  the scan of every case folder 2.2-2.5 s (one ``scandir`` per folder, one
  ``stat`` per file; the system calls alone take 0.9-1.3 s, measured as a bare
  ``scandir``/``lstat`` loop over the same tree; the rest was Python per file:
  name tests, a stat-key tuple per file), the units' stat signatures
  (``repr`` + BLAKE2b of 30 stat tuples each) 0.3 s, reading the record
  cache (2.5 MB JSON) 0.1-0.18 s, the document scan (``git ls-files`` of
  317,000 paths, filtered in Python) 0.2 s, imports 0.25-0.35 s (pydantic
  models through the dataset; the interpreter with its site packages 0.1 s).
* full check after one edited ``case.yaml`` or one new entry: the same,
  plus a set of every file of every unit (317,000 strings) to tell cached
  findings apart, loading and validating the one case with what it
  references (pydantic builds its validators on first use: 0.1 s) and
  writing the cache and the hook's index (0.1 s).
* the hook (``check --staged``, one new entry, 0.6-0.9 s CPU): interpreter
  and imports 0.35 s, three Git processes that each read the 40 MB index
  (``diff --cached`` twice, ``write-tree``) 0.15 s, the summary index (0.9 MB
  JSON) 0.06 s, pydantic's validators and the checks of the few records 0.2 s.
  It never lists the case folders.

Issue 26's round before this one: the scan gathers one change summary per
unit (newest change time, sum of times, total size of its files and folders)
in locals instead of a stat tuple per file, the signature hashes names and
that summary (no ``repr`` of 30 tuples), and findings of unchecked units
are told apart per finding. What a warm check cannot go below in Python:
listing 73,000 folders and one ``lstat`` per file (Git does the same, in C
on every core: ``git diff-files`` takes 0.58 s CPU here, ``find -printf`` 1.4 s).

This round (issue 26 point 5, ``site_gen/checking/git_listing.py``): in a Git
work tree the full check lets Git do the stat and digest work. A record
folder's staged tree id is its content digest (``git write-tree``, then one
``git ls-tree`` of the three record folders: 12,100 lines); ``git ls-files
-m -d`` stats every tracked file in C (racy-clean files by content) and
names the changed and deleted ones; a folder that holds none, whose tree id
equals its cache entry's and whose folder and entry folders have the change
times recorded before it was last listed (seven ``lstat`` calls per case,
instead of a ``scandir`` per folder and an ``lstat`` per file) is reused
unlisted, its strays from the cache. Folders Git cannot vouch for are listed
as before and asked about with ``git ls-files -o`` (no exclude rules, so
ignored strays count). Measured on this machine (2 cores, shared) as CPU =
user + system of the process and its children, Git included, best of 3:
before and after side by side at load 6-8 (the same steps as below, one
after the other), "benchmark run" from ``--skip-anchor --runs 3`` at load 11:

=========================================  ==============  ===================================
figure                                     before (CPU s)  after (CPU s)
=========================================  ==============  ===================================
check, cold (no cache; never asks Git)     not re-run      12.09 (wall 32 s at load 11)
check, warm (nothing changed)              2.78            1.47 (benchmark run: 1.57)
check after one edited case.yaml           2.98            1.62 (benchmark run: 1.72)
check after one new support-log entry      2.98            1.62 (benchmark run: 1.91)
check --staged, one new entry              0.6-0.9 (last)  0.72 (code path unchanged)
the whole pre-commit run around it         —               3.07
the hook with a cold cache                 143.69          18.94 (wall 15.4 s, quiet)
=========================================  ==============  ===================================

Where the warm check's time goes now (CPU, profiled at load ~15, so inflated):
``git ls-files -m -d`` (one ``lstat`` per file, in C) 0.4-0.5 s — the floor
without a file-system monitor; ``write-tree``, ``ls-tree`` and ``rev-parse``
0.05-0.1 s; the folders' stat records (70,000 ``lstat`` calls from Python)
0.2-0.3 s; interpreter and imports 0.3 s; the record cache (JSON, MAC)
0.1-0.15 s; the document scan (``git ls-files`` of the whole repository)
0.1-0.15 s. After a ``git add`` or a commit the first check lists every folder
once more (Git compares change times to the second, so a stat record taken
before the index was written proves nothing) and the checks after it are fast
again. The hook (``check --staged``) is unchanged by this round: it never
lists the case folders; its time is the interpreter and imports (pydantic
models), three Git processes over the 40 MB index and the checks of the
few records it loads. The hook with a cold cache (its full check over the
index) took 144 s CPU (300 s under cProfile): the folders of Git's listing
without a main file were looked up in a set difference computed once per
listed path (``checking.incremental._folders_in``), quadratic over 300,000
paths. Computed once, it is a cold full check plus the hook: 15 s wall.

Second round (issue 26 point 5, branch ``check-speed2``). Measured first
(cProfile with a CPU clock, ``python -X importtime``, each Git process
timed, phase timers in-process), then cut:

* Git works beside Python. The full check starts ``git write-tree`` and
  ``git ls-files -m -d`` (:func:`site_gen.records.git.start_index_view`)
  before it imports the engine, the models and pydantic, and takes the
  folders' stat records (70,000 ``lstat`` calls,
  ``checking.git_listing._held``) while Git stats its 317,000 files on the
  other core. The document scan's ``git ls-files`` runs beside the whole
  check, its output going to a temporary file (a pipe would stall Git).
  Where the early processes cannot answer (the index was written meanwhile,
  or it is not the index checked last, so every entry's tag must be listed)
  Git is asked again, in turn: the same view
  (``tests/check/test_git_side_by_side.py``).
* The document scan finds the suffixes in Git's listing as a whole (the
  bytes lower-cased once, one regular expression: 0.04 s) instead of
  lower-casing 317,000 paths one by one (0.15-0.3 s); a listing that is not
  ASCII is still filtered path by path (``str.lower`` knows more than ASCII).
* The hook starts ``git write-tree`` beside its ``git diff --cached`` and
  no longer asks Git a third time what changed since the tree its summary
  index describes when Git has said it already: that tree is the staged one
  (the hook ran on this commit before: nothing changed) or ``HEAD``'s (the
  last commit went through the hook: the commit's own changes). Its fast
  path no longer imports the engine or the schema files.
* Reading the caches checks types in C (``"".join`` of each summary's id
  lists; the entries are slotted dataclasses).
* The check without the cache (``--no-cache``, the cold figure) stats no
  file (300,000 system calls; nothing is keyed on them) and still scans on
  both cores; a finding is filed under its unit by its record, not through a
  map of all 317,000 files.

Before: this file's benchmark at load 7.4 (start) to 4.8 (end); after: two
runs, at load 12 to 11 and at load 8.7 to 11 (a busier stretch: the same code
took more CPU per run, so compare within a column only, or the interleaved
runs below). CPU = user + system of the process and its children (Git
included), of the run with the best wall time; wall = best of 3 (of 1 for
the cold-cache hook). The machine never was quiet this session: the wall
goals could not be measured as meant.

=====================================  ==============  ==============  ==============  ======
figure                                 before          after (load 12) after (load 8)  goal
                                       CPU / wall s    CPU / wall s    CPU / wall s    wall s
=====================================  ==============  ==============  ==============  ======
check, cold (no cache)                 9.25 / 5.58     8.24 / 17.95    8.28 / 8.62     3
check, warm (nothing changed)          1.49 / 1.49     1.41 / 3.03     1.72 / 2.68     1
check after one edited case.yaml       1.58 / 1.58     1.55 / 2.28     1.86 / 3.50     1
check after one new support-log entry  1.60 / 1.60     1.61 / 2.71     1.78 / 2.84     1
check --staged, one new entry          0.63 / 0.63     0.57 / 0.64     0.81 / 1.58     0.4
the whole pre-commit run around it     2.96 / 2.14     3.04 / 4.77     3.88 / 9.55     -
the hook with a cold cache             10.62 / 6.87    10.91 / 13.86   16.20 / 54.95   -
=====================================  ==============  ==============  ==============  ======

The fair comparison: the code before and after run in turn on two copies of
the repository, the same minutes for both (best CPU and best wall of N runs):

=================================  ======  =====================  =====================
figure                             N/load  before CPU / wall s    after CPU / wall s
=================================  ======  =====================  =====================
check, warm (nothing changed)      5 / 12  1.54 / 4.73            1.46 / 4.96
check, warm (again, later)         5 / 13  1.64 / 6.56            1.54 / 4.78
check after one edited case.yaml   5 / 8   1.84 / 2.87            1.69 / 2.43
check --staged, one new entry      6 / 14  0.67 / 1.28            0.61 / 1.05
check, cold (no cache)             2 / 11  11.27 / 23.63          8.55 / 13.85
=================================  ======  =====================  =====================

Where the time goes now (warm, nothing changed; in-process phase timers,
CPU, load 12, so inflated): the interpreter 0.1 s (on this machine
0.07-0.1 s of it are the sandbox's certifi hook and the editable install's
finder, run at every start; not on a team's machine), imports 0.3 s
(pydantic and the models are half of it: the warm path reaches them through
``records.dataset``, the layout's entry lists and the checks; a lazy engine
that imports them only when a unit changed would save about 0.15 s, not done),
the record cache 0.15 s (2.8 MB JSON, 12,100 entries), the folders' stat
records 0.22 s (beside Git), the rest of the listing 0.1 s, the documents
0.04 s; Git 0.55-0.8 s CPU on the other core (``ls-files -m -d`` 0.4 s of
it: one ``lstat`` per file, the floor without a file-system monitor). On a
quiet machine the wall time is the Python path, about 1 s, with Git beside
it. After one edited file add the validators pydantic builds on first use
(0.1-0.15 s), the checks' imports, loading the case and what it references,
and writing the cache and the hook's index (2.8 + 0.9 MB JSON, MAC) - about
0.25 s. The hook: interpreter and imports 0.35 s (pydantic, the models and
the checks: it validates the entry), the validators 0.1-0.15 s, the summary
index 0.05 s, two Git processes over the 40 MB index (``diff --cached``,
``write-tree``, side by side) 0.15 s CPU: 0.4 s is below what validating
with pydantic costs in a fresh process. Cold, 8.2 s CPU: reading 317,000
files (open, read, close), parsing (yaml-rs, 1 s), composing the folders
(1 s), validating (0.8 s), the scan (1 s) and the checks; 3 s wall would
need 6 s CPU split perfectly over the two cores. After a ``git add`` or a
commit the first check still lists every folder (8-11 s CPU): the folders'
stat records only count while Git's index is older than them.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.authoring.demo import generate  # noqa: E402

TODAY = "2026-11-22"
GOALS = {"cold": 3.0, "warm": 1.0, "after one edited case.yaml": 1.0, "after one new entry": 1.0, "hook": 0.4}
"""Seconds, at 10,000 folder cases (issue 26)."""
ENV = {**os.environ, "GIT_AUTHOR_NAME": "B", "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "B",
       "GIT_COMMITTER_EMAIL": "b@example.org"}
ENV.pop("CI", None)  # CI hashes every file's content: not what a team's machine does


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system of the process and its children), exit code, stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env or ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode, proc.stdout


def best(n: int, cmd: list[str], cwd: Path, before: Callable[[], object] | None = None,
         env: dict[str, str] | None = None) -> tuple[float, float]:
    """Best wall time of ``n`` runs and the CPU time of that run; ``before()`` runs untimed ahead of each."""
    results = []
    for _ in range(n):
        if before is not None:
            before()
        wall, cpu, code, out = run(cmd, cwd, env)
        assert code in (0, 1), out[-2000:]
        results.append((wall, cpu))
    return min(results)


def peak_mib(cmd: list[str], cwd: Path) -> float:
    """Peak resident memory (MiB) of one run of ``cmd``."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def site_gen() -> list[str]:
    exe = shutil.which("site-gen")
    return [exe] if exe else [sys.executable, "-m", "site_gen"]


def git(data: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=data, env=ENV, check=True, capture_output=True)


def prepared(args: argparse.Namespace) -> Path:
    """The synthetic repository, committed; generated once and reset to its commit on later runs (2 × 2 minutes saved)."""
    source = "".join(line for line in inspect.getsource(sys.modules[generate.__module__]).splitlines(True)
                     if not line.startswith(("from ", "import ")))  # the generator, not where its imports live
    tag = hashlib.blake2b(f"{source}{args.cases} {args.workplaces} {args.modules}".encode(), digest_size=6).hexdigest()
    data = Path(args.cache_dir) / f"folder-{args.cases}-{args.workplaces}-{args.modules}-{tag}"
    if data.is_dir() and (data / ".git").is_dir() and not args.fresh:
        git(data, "reset", "-q", "--hard")
        git(data, "clean", "-fdq")  # new entries of the last run (the ignored cache stays: every figure fills or bypasses it)
        return data
    for old in Path(args.cache_dir).glob("folder-*") if Path(args.cache_dir).is_dir() else []:
        shutil.rmtree(old, ignore_errors=True)
    generate(data, args.cases, args.workplaces, args.modules)
    hook = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    setting = {key: line.split(":", 1)[1].strip() for line in hook.splitlines() if ":" in line
               for key in ("entry", "files") if line.strip().startswith(f"{key}:")}
    entry = setting["entry"].replace("site-gen", " ".join(site_gen()), 1)
    (data / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: site-gen-check\n        name: site-gen check\n"
        f"        entry: {entry} --today {TODAY}\n        language: system\n        files: {setting['files']}\n"
        "        always_run: true\n        verbose: true\n        require_serial: true\n")
    (data / ".gitignore").write_text(".site-gen-cache/\n")
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
        git(data, *cmd)
    return data


def schema_groups(data: Path) -> dict[str, list[str]]:
    """Record files per exported schema (case folders: ``case.yaml`` and one schema per entry list)."""
    groups: dict[str, list[str]] = {}
    for kind, main in (("cases", "case-folder"), ("workplaces", "workplace"), ("modules", "module")):
        for path in sorted((data / kind).rglob("*.yaml")):
            rel = path.relative_to(data / kind).parts
            if len(rel) == 3:
                schema = f"entries/{rel[1]}"
            elif kind == "workplaces" and len(rel) == 2:
                schema = "workplace-folder"
            else:
                schema = main
            groups.setdefault(schema, []).append(str(path))
    return groups


def anchor(data: Path) -> tuple[float, int]:
    """check-jsonschema over every record file with the exported schemas (chunks of 5,000 files per call)."""
    total, files = 0.0, 0
    for schema, paths in schema_groups(data).items():
        for i in range(0, len(paths), 5000):
            wall, _, code, out = run([sys.executable, "-m", "check_jsonschema", "--schemafile",
                                      str(REPO / "schema" / f"{schema}.schema.json"), *paths[i:i + 5000]], data)
            total += wall
            files += len(paths[i:i + 5000])
            if code != 0:
                print(f"  check-jsonschema reported problems with {schema}:", out[-300:])
    return total, files


def print_rows(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print()
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>16}  {note}")


def timing(name: str, figure: tuple[float, float], runs: int, goal: float | None) -> tuple[str, str, str]:
    wall, cpu = figure
    note = f"best of {runs}, CPU {cpu:.2f} s" + (f"; goal ≤ {goal:g} s: {wall / goal:.2f}× the goal" if goal else "")
    return name, f"{wall:8.2f} s", note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workplaces", type=int, default=2_000)
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the best is printed)")
    parser.add_argument("--skip-anchor", action="store_true", help="skip check-jsonschema (minutes at 300,000 files)")
    parser.add_argument("--fresh", action="store_true", help="generate the synthetic repository again")
    parser.add_argument("--cache-dir", default="/tmp/site-gen-bench-check", help="where the generated repository is kept between runs")
    args = parser.parse_args()
    # An installed package has its bytecode; this machine sets PYTHONDONTWRITEBYTECODE=1, so an editable
    # checkout would compile ~60 modules on every start (0.15 s). Compile once, as pip install does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "site_gen")], check=True)
    load_before = os.getloadavg()
    data = prepared(args)
    files = int(subprocess.run(["git", "ls-files", "-z", "--", "cases", "workplaces", "modules"], cwd=data, capture_output=True,
                               check=True).stdout.count(b"\0"))
    print(f"Synthetic repository (folder layout): {args.cases:,} cases, {args.workplaces:,} workplaces, {args.modules:,} modules; "
          f"{files:,} record files in {data}")
    print(f"Load average before: {load_before[0]:.1f} (1 min), {load_before[1]:.1f} (5 min) on {os.cpu_count()} cores")
    rows: list[tuple[str, str, str]] = []
    n = args.runs

    check = [*site_gen(), "--root", str(data), "check", "--today", TODAY]
    wall, _, code, out = run([*check, "--no-cache"], data)
    assert code == 0, out[-2000:]
    cold = best(min(n, 3), [*check, "--no-cache"], data)
    rows.append(timing("check, cold (no cache)", cold, min(n, 3), GOALS["cold"]))
    rows.append(("  files per second, cold", f"{files / cold[0]:8,.0f}  ", ""))
    rows.append(("peak memory of the cold check", f"{peak_mib([*check, '--no-cache'], data):8.0f} MiB", "goal ≤ 600 MiB at 20,000 cases"))
    if not args.skip_anchor:
        seconds, checked = anchor(data)
        rows.append(("check-jsonschema, same files, exported schemas", f"{seconds:8.2f} s", f"{checked / seconds:,.0f} files/s"))
        rows.append(("  ratio check-jsonschema / site-gen cold", f"{seconds / cold[0]:8.1f} ×", "goal ≥ 50×"))

    run(check, data)  # fill the cache
    warm = best(n, check, data)
    rows.append(timing("check, warm (nothing changed)", warm, n, GOALS["warm"]))
    case = data / "cases" / "tn-00007" / "case.yaml"

    def edit() -> None:  # one more word each time: the content really changes
        case.write_text(case.read_text(encoding="utf-8").replace("zuverlässig", "sehr zuverlässig", 1), encoding="utf-8")

    edited = best(n, check, data, before=edit)
    rows.append(timing("check after one edited case.yaml", edited, n, GOALS["after one edited case.yaml"]))
    rows.append(("  ratio after-one-edit / cold", f"{edited[0] / cold[0]:8.2f} ×", "goal ≤ 0.25×"))
    added = iter(range(1_000_000))

    def new_entry() -> None:
        k = next(added)
        (data / "cases" / "tn-00007" / "support_log" / f"2026-11-21-jc-0007-{k:06x}.yaml").write_text(
            f"date: 2026-11-21\nkind: unmittelbar\nminutes: 30\nby: jc-0007\nnote: Termin {k}.\n", encoding="utf-8")

    rows.append(timing("check after one new support-log entry", best(n, check, data, before=new_entry), n, GOALS["after one new entry"]))

    # The hook after one new entry: real Git, the hook's own entry (--staged), then the whole pre-commit run.
    git(data, "reset", "-q", "--hard")
    git(data, "clean", "-fdq")
    (data / "cases" / "tn-00005" / "support_log" / "2026-11-21-jc-0005-abcdef.yaml").write_text(
        "date: 2026-11-21\nkind: unmittelbar\nminutes: 30\nby: jc-0005\nnote: Termin.\n", encoding="utf-8")
    git(data, "add", "-A")
    staged = [*check, "--staged"]
    run(staged, data)  # the index follows the reset
    rows.append(timing("check --staged (the hook), one new entry", best(n, staged, data), n, GOALS["hook"]))
    if shutil.which("pre-commit") or subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True).returncode == 0:
        hook_env = {**ENV, "PRE_COMMIT_HOME": str(Path(args.cache_dir) / "pre-commit-home")}
        rows.append(timing("  the whole pre-commit run around it", best(min(n, 3), [sys.executable, "-m", "pre_commit", "run"], data,
                                                                              env=hook_env), min(n, 3), None))
    shutil.rmtree(data / ".site-gen-cache")
    wall, cpu, code, _ = run(staged, data)
    rows.append(timing("  the hook with a cold cache (full check, same verdict)", (wall, cpu), 1, None))

    # Parser choice: 1,000 case.yaml files through each parser, in-process.
    sample = [p.read_text(encoding="utf-8") for p in sorted((data / "cases").glob("*/case.yaml"))[:1000]]
    import yaml_rs
    from ruamel.yaml import YAML

    start = time.perf_counter()
    for text in sample:
        yaml_rs.loads(text, parse_datetime=False)
    rs = time.perf_counter() - start
    safe = YAML(typ="safe", pure=True)
    start = time.perf_counter()
    for text in sample:
        safe.load(text)
    ru = time.perf_counter() - start
    rows.append(("parse 1,000 case.yaml: yaml-rs", f"{rs:8.2f} s", f"{1000 / rs:,.0f} files/s"))
    rows.append(("parse 1,000 case.yaml: ruamel.yaml safe (pure)", f"{ru:8.2f} s", f"{1000 / ru:,.0f} files/s, {ru / rs:.0f}× slower"))

    print_rows(rows)
    load_after = os.getloadavg()
    print(f"\nLoad average after: {load_after[0]:.1f} (1 min), {load_after[1]:.1f} (5 min)")
    git(data, "reset", "-q", "--hard")
    git(data, "clean", "-fdq")


if __name__ == "__main__":
    main()
