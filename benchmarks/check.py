"""Benchmark for `site-gen check` against check-jsonschema on the same synthetic data.

    python benchmarks/check.py [--cases 10000 --workplaces 2000 --modules 100]

Prints wall times (medians) and ratios for: cold full check vs
check-jsonschema with the exported schemas; warm run with nothing changed;
the full check after one edited case (what CI, build and serve run); peak
memory of the cold check; the pre-commit hook after one changed case (real
pre-commit, real git); and the YAML parsers on the same files. Each goal is
printed beside its figure. Not a test: goals are read off the printed table.
The memory goal is set at 20,000 cases (``--cases 20000 --workplaces 4000``).

``--layouts`` first compares the two case layouts on the same synthetic data
(one file per case, as before issue 19, and one folder per case with a file
per entry): file count, cold check, warm check and the hook after one new
support-log entry, medians of ``--runs`` runs, and the ratio folder / file.
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
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.authoring.demo import generate  # noqa: E402

TODAY = "2026-11-22"


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, result


def best(n: int, cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    return min(timed(cmd, cwd, env)[0] for _ in range(n))


def median(n: int, cmd: list[str], cwd: Path, before: object = None) -> float:
    """Median wall time of ``n`` runs; ``before()`` runs untimed ahead of each."""
    times = []
    for _ in range(n):
        if callable(before):
            before()
        times.append(timed(cmd, cwd)[0])
    return statistics.median(times)


def peak_mib(cmd: list[str], cwd: Path) -> float:
    """Peak resident memory (MiB) of one run of ``cmd``."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def site_gen() -> list[str]:
    exe = shutil.which("site-gen")
    return [exe] if exe else [sys.executable, "-m", "site_gen"]


def layout_rows(work: Path, args: argparse.Namespace) -> list[tuple[str, float, str]]:
    """Both case layouts side by side: files, cold, warm, hook (medians)."""
    rows: list[tuple[str, float, str]] = []
    seen: dict[str, dict[str, float]] = {}
    env = {**os.environ, "GIT_AUTHOR_NAME": "B", "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "B", "GIT_COMMITTER_EMAIL": "b@example.org"}
    for layout in ("datei", "ordner"):
        data = work / f"layout-{layout}"
        generate(data, args.cases, args.workplaces, args.modules, layout=layout)
        files = sum(1 for p in data.rglob("*.yaml") if p.parts[len(data.parts)] in ("cases", "workplaces", "modules"))
        base = [*site_gen(), "--root", str(data), "check", "--today", TODAY]
        cold = median(args.runs, [*base, "--no-cache"], data)
        timed(base, data)  # fill the cache
        warm = median(args.runs, base, data)
        edits = iter(range(1_000_000))

        def edit(layout: str = layout, data: Path = data, edits: Iterator[int] = edits) -> None:  # a new entry (folder), one more word (file)
            n = next(edits)
            if layout == "ordner":
                (data / "cases" / "tn-00007" / "support_log" / f"2026-11-21-jc-0007-{n:06x}.yaml").write_text(
                    f"date: 2026-11-21\nkind: unmittelbar\nminutes: 30\nby: jc-0007\nnote: Termin {n}.\n", encoding="utf-8")
            else:
                case = data / "cases" / "tn-00007.yaml"
                case.write_text(case.read_text(encoding="utf-8").replace("zuverlässig", "sehr zuverlässig", 1), encoding="utf-8")

        after_edit = median(args.runs, base, data, before=edit)
        (data / ".gitignore").write_text(".site-gen-cache/\n")
        for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
            subprocess.run(["git", *cmd], cwd=data, env=env, check=True, capture_output=True)
        if layout == "ordner":
            entry = data / "cases" / "tn-00005" / "support_log" / "2026-11-21-jc-0005-abcdef.yaml"
            entry.write_text("date: 2026-11-21\nkind: unmittelbar\nminutes: 30\nby: jc-0005\nnote: Termin.\n", encoding="utf-8")
        else:
            entry = data / "cases" / "tn-00005.yaml"
            entry.write_text(entry.read_text(encoding="utf-8").replace("support_log:\n", "support_log:\n- date: 2026-11-21\n  kind: unmittelbar\n"
                                                                         "  minutes: 30\n  by: jc-0005\n  note: Termin.\n", 1), encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=data, env=env, check=True)
        hook = median(args.runs, [*base, "--staged"], data)
        seen[layout] = {"cold": cold, "warm": warm, "after one edit": after_edit, "hook": hook}
        rows += [(f"layout {layout}: record files", files, "files below cases/, workplaces/, modules/"),
                 (f"layout {layout}: check, cold (no cache)", cold, f"median of {args.runs}"),
                 (f"layout {layout}: check, warm", warm, "goal ≤ 1 s"),
                 (f"layout {layout}: check after one new support-log entry", after_edit, "goal ≤ 1 s"),
                 (f"layout {layout}: hook, one new support-log entry", hook, "goal ≤ 0.5 s")]
        shutil.rmtree(data, ignore_errors=True)
    for what in ("cold", "warm", "after one edit", "hook"):
        rows.append((f"  ratio folder / file layout, {what}", seen["ordner"][what] / seen["datei"][what], "goal ≤ 1.1× (as fast as before)"))
    return rows


def print_rows(rows: list[tuple[str, float, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print()
    for name, value, note in rows:
        if "files" in name and "file layout" not in name:
            print(f"{name:<{width}}  {int(value):8d}    {note}")
            continue
        unit = "×" if "ratio" in name else ("  " if "MiB" in name else " s")
        print(f"{name:<{width}}  {value:8.2f}{unit}  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workplaces", type=int, default=2_000)
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--skip-anchor", action="store_true", help="skip check-jsonschema (slow)")
    parser.add_argument("--layouts", action="store_true", help="only compare the two case layouts (issue 19)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is printed)")
    args = parser.parse_args()
    # An installed package has its bytecode; this machine sets PYTHONDONTWRITEBYTECODE=1, so an editable
    # checkout would compile ~60 modules on every start (0.15 s). Compile once, as pip install does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "site_gen")], check=True)
    work = Path(tempfile.mkdtemp(prefix="bench-check-"))
    if args.layouts:
        print(f"Synthetic repository: {args.cases} cases, {args.workplaces} workplaces, {args.modules} modules, both layouts")
        print_rows(layout_rows(work, args))
        shutil.rmtree(work, ignore_errors=True)
        return
    data = work / "records"
    generate(data, args.cases, args.workplaces, args.modules)
    files = {kind: sorted(str(p) for p in (data / kind).glob("*.yaml")) for kind in ("cases", "workplaces", "modules")}
    n_files = sum(map(len, files.values()))
    print(f"Synthetic repository: {args.cases} cases, {args.workplaces} workplaces, {args.modules} modules ({n_files} files) in {data}")
    rows: list[tuple[str, float, str]] = []

    check = [*site_gen(), "--root", str(data), "check", "--today", TODAY]
    _, result = timed([*check, "--no-cache"], data)
    assert result.returncode == 0, result.stdout[-2000:]
    cold = median(args.runs, [*check, "--no-cache"], data)
    rows.append(("site-gen check, cold (no cache)", cold, f"{n_files / cold:,.0f} files/s; goal ≤ 3 s at 10,000 cases"))
    memory = peak_mib([*check, "--no-cache"], data)
    rows.append(("peak memory of the cold check (MiB)", memory, f"goal ≤ 600 MiB at 20,000 cases (this run: {args.cases:,} cases)"))

    if not args.skip_anchor:
        anchor = 0.0
        for kind, schema in (("cases", "case"), ("workplaces", "workplace"), ("modules", "module")):
            t, res = timed([sys.executable, "-m", "check_jsonschema", "--schemafile", str(REPO / "schema" / f"{schema}.schema.json"), *files[kind]], data)
            anchor += t
            if res.returncode != 0:
                print(f"  check-jsonschema reported problems for {kind}:", res.stdout[-500:])
        rows.append(("check-jsonschema, same files, exported schemas", anchor, f"{n_files / anchor:,.0f} files/s"))
        rows.append(("  ratio check-jsonschema / site-gen cold", anchor / cold, "goal ≥ 50×"))

    timed(check, data)  # fill the cache
    warm = median(args.runs, check, data)
    rows.append(("site-gen check, warm (nothing changed)", warm, "goal ≤ 1 s"))
    edited = data / "cases" / "tn-00007.yaml"

    def edit() -> None:  # one more word each time: the content really changes
        edited.write_text(edited.read_text(encoding="utf-8").replace("zuverlässig", "sehr zuverlässig", 1), encoding="utf-8")

    after_edit = median(args.runs, check, data, before=edit)
    rows.append(("site-gen check, full, after one edited case", after_edit, "goal ≤ 1 s at 10,000 cases"))
    rows.append(("  ratio after-one-edit / cold", after_edit / cold, "goal ≤ 0.25×"))

    # The hook after one changed case: real git, real pre-commit, the hook's own entry (--staged).
    env = {**os.environ, "PRE_COMMIT_HOME": str(work / "pre-commit-home"), "GIT_AUTHOR_NAME": "B", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "B", "GIT_COMMITTER_EMAIL": "b@example.org"}
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
        subprocess.run(["git", *cmd], cwd=data, env=env, check=True)
    case = data / "cases" / "tn-00005.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("zuverlässig", "sehr zuverlässig"), encoding="utf-8")
    subprocess.run(["git", "add", str(case)], cwd=data, env=env, check=True)
    verdicts = set()
    for _ in range(2):
        t, res = timed([sys.executable, "-m", "pre_commit", "run"], data, env)
        verdicts.add(res.returncode)
    hook_time = best(3, [sys.executable, "-m", "pre_commit", "run"], data, env)
    rows.append(("pre-commit run (staged: one changed case), warm", hook_time, "whole pre-commit wall time"))
    bare = best(3, [*site_gen(), "--root", str(data), "check", "--staged", "--today", TODAY], data)
    rows.append(("  of which the hook: site-gen check --staged", bare, "goal ≤ 0.5 s"))
    shutil.rmtree(data / ".site-gen-cache")
    cold_hook, res = timed([*site_gen(), "--root", str(data), "check", "--staged", "--today", TODAY], data)
    verdicts.add(res.returncode)
    rows.append(("  the hook with a cold cache (full check, same verdict)", cold_hook, f"verdicts seen: {sorted(verdicts)}"))

    # Parser choice: the same 1,000 case files through each parser, in-process.
    sample = [Path(p).read_text(encoding="utf-8") for p in files["cases"][:1000]]
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
    rows.append(("parse 1,000 cases: yaml-rs", rs, f"{1000 / rs:,.0f} files/s"))
    rows.append(("parse 1,000 cases: ruamel.yaml safe (pure)", ru, f"{1000 / ru:,.0f} files/s, {ru / rs:.0f}× slower"))

    print_rows(rows)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
