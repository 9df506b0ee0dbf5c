"""``site-gen check``: validate every record and the cross-record rules.

With ``--staged`` (what the pre-commit hook runs) it judges the commit being
made: see :mod:`site_gen.checking.incremental`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..checking.reporter import FORMATS
from .options import add_today

if TYPE_CHECKING:
    from ..checking.incremental import Commit
    from ..findings import Finding
    from ..records.git import PendingView



def collect(root: Path, today: dt.date, use_cache: bool = True, tracked: set[str] | None = None,
            pending: PendingView | None = None) -> tuple[list[Finding], int]:
    """Every finding for the records below ``root`` (positioned), and the file count (every small file of a case folder counts).

    ``tracked``: only these record files (the hook passes Git's index). ``pending``: Git's view, started before the imports.
    """
    from ..checking.engine import check_all

    findings, count, _ = check_all(root, today, use_cache, tracked, pending)
    return findings, count


def judge_commit(root: Path, today: dt.date, commit: Commit, use_cache: bool = True) -> tuple[list[Finding], set[str]]:
    """The findings in the files a commit reaches, and those files (same answer warm or cold)."""
    from ..checking.incremental import affected, collect_changed, remember_tree, staged_tree_ready

    result = collect_changed(root, today, commit) if use_cache else None
    if result is not None:
        findings, summaries = result
    else:  # the full check with the per-record cache (which also keeps the hook's summary index)
        from ..checking.engine import check_all  # not imported by the hook's fast path

        staged_tree_ready(commit)
        findings, _, summaries = check_all(root, today, use_cache, commit.tracked)
        if use_cache and commit.tracked is not None:
            remember_tree(root, summaries, commit)
    if commit.meta:  # organisation or catalogues changed: every record is reached
        reached = set(summaries) | {f.file for f in findings}
    else:
        reached = affected(commit, summaries)
    from ..records.layout import history_key

    records = {history_key(r) for r in reached}
    changed = commit.touched | commit.deleted
    return [f for f in findings if _reaches(f.file, reached, records, changed)], reached


def _reaches(file: str, reached: set[str], records: set[str], changed: set[str]) -> bool:
    """Whether a finding is about what the commit reaches: a reached file or record (every file of a reached
    case folder, and the file of the same id beside it), or a folder holding a changed path (a stray folder in a case,
    a record folder whose main file is missing)."""
    from ..records.layout import history_key

    key = history_key(file)
    if file in reached or key in records:
        return True
    prefixes = (file + "/", key + "/")  # a stray folder, or a record folder the commit writes into (its main file missing)
    return any(p.startswith(prefixes) for p in changed)


UNOPENED_NOTE = ("Versiegelte Akten ohne Schlüssel geprüft: Aufbau, Dateien, Klartext und die Form der verschlüsselten Werte; "
                 "deren Inhalt prüfen der Hook beim Commit und der Hauptzweig mit Schlüssel.")


def run(args: argparse.Namespace) -> int:
    """``site-gen check``: the arguments as :func:`check` takes them."""
    if not args.ohne_schluessel:
        return check(args.root, args.today, args.format, args.strict, args.files, not args.no_cache, staged=args.staged)
    from ..records.repo import is_sealed
    from ..records.unseal import values_unopened

    with values_unopened():
        code = check(args.root, args.today, args.format, args.strict, args.files, not args.no_cache, staged=args.staged)
    if is_sealed(args.root):  # as a note of the format's own (GitHub: an annotation; GitLab's JSON stays clean)
        note = {"text": UNOPENED_NOTE, "github": f"::notice::{UNOPENED_NOTE}"}.get(args.format)
        print(note or UNOPENED_NOTE, file=sys.stdout if note else sys.stderr)
    return code


def check(root: Path, today: dt.date, fmt: str = "text", strict: bool = False, only: list[str] | None = None,
          use_cache: bool = True, out: TextIO | None = None, staged: bool = False) -> int:
    """Check and report (to ``out``, default: the current ``sys.stdout``). With ``only`` or ``staged``
    (pre-commit) the commit is judged: the records it reaches are checked (fast path) and only their findings count."""
    out = sys.stdout if out is None else out  # looked up per call: an in-process caller may have redirected it
    early = None
    if use_cache and not staged and not only:  # the full check: Git compares the work tree with its index on the other core
        from ..records.cache import in_ci  # light modules: the engine, the models and pydantic are imported meanwhile
        from ..records.git import RECORD_FOLDERS, start_index_view

        early = start_index_view(root, RECORD_FOLDERS, others=in_ci())
    from ..checking.incremental import Commit, by_record, staged_commit, staged_tree_ready
    from ..checking.reporter import report
    from ..records.documents import document_findings, program_checkout, start_documents

    given = [_display(root, p) for p in only or []]
    if staged or given:
        commit = staged_commit(root, given) if staged else by_record(root, Commit(touched=set(given)))
        documents = [] if program_checkout(root) else document_findings(commit.touched)
        if commit.empty and not documents:
            staged_tree_ready(commit)
            out.write("Keine Akten, Arbeitsplätze, Module oder Einstellungen geändert.\n")
            return 0
        findings, reached = judge_commit(root, today, commit, use_cache) if not commit.empty else ([], set())
        staged_tree_ready(commit)  # Git's write-tree, started with the commit, has ended
        documents = _unreported(documents, findings)
        findings = documents + findings
        report(findings, checked_files(root, reached, commit), fmt, out)
        code = exit_code(findings, strict, commit.touched)
        if fmt == "text":
            out.write(verdict(findings, strict, commit.touched) + "\n")
        return code
    pending = start_documents(root)  # Git lists its index on the other core while the records are checked
    from ..authoring.schema_files import stale_findings  # not needed by the hook

    findings, count = collect(root, today, use_cache, pending=early)
    documents = _unreported(pending(), findings)
    findings = documents + findings + stale_findings(root)  # outside the cache: the schema files are not part of its key
    count += len(documents)
    report(findings, count, fmt, out)
    return exit_code(findings, strict)


def _unreported(documents: list[Finding], findings: list[Finding]) -> list[Finding]:
    """The document findings at files no other finding names (a stray file in a case folder is reported once)."""
    named = {f.file for f in findings}
    return [d for d in documents if d.file not in named]


def exit_code(findings: list[Finding], strict: bool = False, touched: set[str] | frozenset[str] = frozenset()) -> int:
    """1 when a finding refuses: commit-made errors (and warnings with ``strict``).

    A time-made task refuses only in a file the commit touches (``touched``):
    time is not a commit, so it never fails a full check, a build or CI.
    """
    from ..findings import Severity

    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(f.severity in failing and (not f.is_task or f.file in touched) for f in findings) else 0


def checked_files(root: Path, reached: set[str], commit: Commit) -> int:
    """How many files a commit's check read: each reached record's files (a case folder counts every file in it)
    and the settings files the commit changes (organisation.yaml, catalogues), which every record is checked against."""
    count = sum(sum(1 for _ in (root / d).rglob("*.yaml")) if (root / d).is_dir() else 1 for d in reached)
    in_records = {p for p in commit.touched if p in reached or any(p.startswith(d + "/") for d in reached)}
    return count + sum(1 for p in commit.touched - in_records if (root / p).is_file())


def verdict(findings: list[Finding], strict: bool, touched: set[str] | frozenset[str]) -> str:
    """One German sentence that says whether the commit goes through and, if not, why."""
    from ..findings import Severity

    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    errors = sum(f.severity in failing and not f.is_task for f in findings)
    tasks = sum(f.severity in failing and f.is_task and f.file in touched for f in findings)
    if not errors and not tasks:
        return "Der Commit kann übernommen werden."
    what = " und ".join(w for w in (f"{errors} Fehler" if errors else "",
                                    f"{tasks} fällige {'Aufgabe' if tasks == 1 else 'Aufgaben'}" if tasks else "") if w)
    return (f"Der Commit wird abgelehnt, weil in den geänderten Dateien {what} {'offen ist' if errors + tasks == 1 else 'offen sind'}; "
            "bitte erst beheben (siehe Hinweise oben) und dann erneut committen.")


def _display(root: Path, name: str) -> str:
    """A file name from the command line as a path relative to ``root``.

    Relative names are taken from the working directory when such a file
    exists there (pre-commit runs in the repository root), else from ``root``.
    """
    path = Path(name)
    if not path.is_absolute():
        path = Path.cwd() / path if (Path.cwd() / path).exists() else root / path
    try:  # the folder resolved, the name kept: a symbolic link is judged as the link it is, never as its target
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(name).as_posix()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="Alle Datensätze und Regeln prüfen")
    p.add_argument("files", nargs="*", help="nur diese Dateien und was sie berühren prüfen (schnell, für pre-commit)")
    p.add_argument("--format", choices=FORMATS, default="text", help="Ausgabeformat")
    p.add_argument("--strict", action="store_true", help="Warnungen als Fehler werten")
    p.add_argument("--staged", action="store_true",
                   help="den Commit prüfen, der gerade entsteht (Git-Index, auch gelöschte Dateien; so ruft pre-commit die Prüfung auf)")
    add_today(p, "für Datumsregeln")
    p.add_argument("--no-cache", action="store_true", help="Zwischenspeicher nicht verwenden")
    p.add_argument("--ohne-schluessel", action="store_true",
                   help="versiegelte Akten ohne Schlüssel nur auf Aufbau, Klartext und die Form ihrer verschlüsselten Werte prüfen "
                        "(für Merge Requests in der CI, die keine Schlüssel bekommen)")
    p.set_defaults(run=run)

