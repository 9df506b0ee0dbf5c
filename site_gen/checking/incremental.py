"""What a commit touches: the pre-commit fast path and the hook's verdict.

The hook judges the *commit*, deterministically: the same staged content
gives the same verdict with a cold or a warm cache. It looks at

* the record files the commit adds or changes (``touched``) and those it
  deletes or renames away (``deleted``), read from Git's index;
* only records tracked in the index: untracked drafts in the working tree
  are not part of a commit (pre-commit stashes unstaged changes first);
* the records a change reaches (``affected``): the touched ones, cases that
  reference a touched or deleted workplace or module, and the workplaces and
  modules a touched case references.

Commit-made errors in an affected file refuse the commit; time-made tasks
refuse only in a touched file.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..models import RECORD_KINDS
from ..models.case import Case
from ..records.cache import CaseSummary, SummaryIndex
from ..records.config import CATALOGUE_FILE, PROGRAMMES_FILE, PURPOSES_FILE, SUBSIDIES_FILE
from ..records.dataset import ORGANISATION_FILE, Dataset, contact_cases, load_dataset, load_record, record_stamps
from ..records.git import output
from ..records.layout import FOLDER_KINDS, appendable, folder_stamp, main_file, record_of
from .reporter import positioned
from .rules import run_checks
from .rules.easy_language_config import CONFIG_FILE as EASY_LANGUAGE_FILE
from .rules.references import CONSENT_RECIPIENTS

META_FILES = (ORGANISATION_FILE, CATALOGUE_FILE, PURPOSES_FILE, EASY_LANGUAGE_FILE, SUBSIDIES_FILE, PROGRAMMES_FILE)
META_FOLDERS = ("team/", "schluessel/")
"""A commit touching these is judged by the full check: team time is counted across records, and a sealed
repository's marker or public keys (``schluessel/``) decide how every case is read."""
"""Files every record depends on: part of the cache key; a change means a full check."""
MAX_STALE = 200
"""Above this many changed files the fast path is no faster: check everything."""


@dataclass
class Commit:
    """What a commit changes below the records root (paths relative to it)."""

    touched: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    lister: Callable[[], set[str] | None] | None = None
    """Reads Git's listing of the index; only when :attr:`tracked` is first needed (300,000 paths in a large repository)."""
    staged: set[str] | None = None
    """Every path Git's index changes against ``HEAD`` (renamed: both names), as Git named them; None outside Git."""
    head_tree: str | None = None
    """The tree of ``HEAD`` that :attr:`staged` compares the index with (None: no commit yet, or outside Git)."""
    tree_job: subprocess.Popen[str] | None = None
    """``git write-tree`` started with the commit's listing (the staged tree, which the hook remembers at its end)."""
    tree: str | None = None
    """Its output, once read ("" when it failed)."""

    @cached_property
    def tracked(self) -> set[str] | None:
        """Record files (and case folders) in Git's index; None outside Git (then every file counts)."""
        return self.lister() if self.lister is not None else None

    @property
    def meta(self) -> bool:
        return any(p in META_FILES or p.startswith(META_FOLDERS) for p in self.touched | self.deleted)

    @property
    def empty(self) -> bool:
        return not any(_relevant(p) for p in self.touched | self.deleted)


def _relevant(path: str) -> bool:
    return path in META_FILES or path.startswith(("schema/", *META_FOLDERS, *(f"{kind}/" for kind in RECORD_KINDS)))


def record_key(display: str) -> tuple[str, str] | None:
    """``cases/tn-0001`` (a case folder) or a file of that folder → ``("cases", "tn-0001")``; ``modules/m.yaml`` → ``("modules", "m")``.

    None for anything else (also for a file in a case folder that does not belong there, and for a case
    or workplace still stored as one file: only the full check names it, LAYOUT-SINGLE-FILE).
    """
    kind, _, name = display.partition("/")
    if kind not in RECORD_KINDS:
        return None
    if kind in FOLDER_KINDS and "/" in name:
        rid, _, inner = name.partition("/")
        parts = inner.split("/")
        fits = inner == main_file(kind) or (len(parts) == 2 and parts[0] in appendable(kind) and parts[1].endswith(".yaml") and not parts[1].startswith("."))
        return (kind, rid) if fits and "." not in rid else None
    if kind in FOLDER_KINDS:
        return (kind, name) if name and "." not in name else None
    if "/" in name or not name.endswith(".yaml"):
        return None
    return kind, name[: -len(".yaml")]


def unit_display(path: str) -> str:
    """The record a changed file belongs to (``cases/tn-0004/support_log/x.yaml`` → ``cases/tn-0004``); else the path."""
    return record_of(path) if record_key(path) else path


def _git(root: Path, *args: str) -> str | None:
    return output(root, list(args), timeout=60)


def staged_commit(root: Path, files: list[str]) -> Commit:
    """The commit being made: ``files`` (from pre-commit) plus Git's staged additions, changes and deletions.

    ``git write-tree`` (the tree the hook remembers at its end) runs meanwhile, in a process of its own: the
    index does not change while the hook runs. Each Git process reads the whole index (40 MB at 10,000 cases).
    """
    commit = Commit(touched=set(files), tree_job=_start_git(root, "write-tree"))
    status = _git(root, "diff", "--cached", "--name-status", "-z", "-M", "--relative", "--no-ext-diff")
    if status is None:
        return by_record(root, commit)
    head = (_git(root, "rev-parse", "-q", "--verify", "HEAD^{tree}") or "").strip()
    commit.head_tree = head if _TREE.fullmatch(head) else None
    commit.staged = set()
    fields = status.split("\0")
    i = 0
    while i < len(fields) - 1:
        letter = fields[i][:1]
        if letter in "RC":
            old, new = fields[i + 1], fields[i + 2]
            commit.touched.add(new)
            commit.staged.update((old, new))
            if letter == "R":
                commit.deleted.add(old)
            i += 3
            continue
        path = fields[i + 1]
        (commit.deleted if letter == "D" else commit.touched).add(path)
        commit.staged.add(path)
        i += 2
    commit.lister = lambda: _tracked(root, files)
    return by_record(root, commit)


_TREE = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _start_git(root: Path, *args: str) -> subprocess.Popen[str] | None:
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None


def _tracked(root: Path, files: list[str]) -> set[str] | None:
    """Git's index below the record folders, the case folders in it, and the record ``files`` pre-commit names."""
    listing = _git(root, "ls-files", "-z", "--cached", "--", *RECORD_KINDS)
    if listing is None:
        return None
    given = {p for p in files if record_key(p)}
    return {p for p in listing.split("\0") if p} | given | _folders_in(listing) | _folders_of(given)


def _folders_in(listing: str) -> set[str]:
    """The case folders of Git's listing (NUL-separated paths) that hold a record file.

    Found by two regular expressions over the listing: every folder, and those
    whose ``case.yaml`` is listed; only folders without one are looked at path
    by path. A large repository lists 300,000 paths.
    """
    kinds = "|".join(map(re.escape, FOLDER_KINDS))
    listing = f"\0{listing}\0"  # a literal first character keeps the expressions fast
    every = set(re.findall(rf"\0((?:{kinds})/[^/\0]+)/", listing))
    mains = "|".join(rf"{re.escape(kind)}/[^/\0]+/{re.escape(main_file(kind))}" for kind in FOLDER_KINDS)  # one pass over the listing
    found = {m.rsplit("/", 1)[0] for m in set(re.findall(rf"\0({mains})\0", listing)) if record_key(m)}
    missing = every - found  # computed once: per path it made a 300,000-path listing quadratic (minutes)
    if missing:
        found |= _folders_of({p for p in listing.split("\0") if record_of(p) in missing})
    return found


def by_record(root: Path, commit: Commit) -> Commit:
    """Name the case folder beside each changed small file: the record is what a commit changes.

    A deleted entry file changes its case; only a folder gone as a whole deletes the case.
    """
    for path in list(commit.touched):
        commit.touched.add(unit_display(path))
    for path in list(commit.deleted):
        record = unit_display(path)
        if record != path:
            (commit.touched if (root / record).is_dir() else commit.deleted).add(record)
    return commit


def _folders_of(paths: set[str]) -> set[str]:
    """The case folders that hold a record file among ``paths`` (what :func:`unit_display` gives, without
    judging all 300,000 paths of a large repository: one valid file per folder is enough)."""
    found: set[str] = set()
    for path in paths:
        kind, _, rest = path.partition("/")
        if kind in FOLDER_KINDS:
            rid, sep, _ = rest.partition("/")
            if sep and (folder := f"{kind}/{rid}") not in found and record_key(path):
                found.add(folder)
    return found


def summary_of(case: Case) -> CaseSummary:
    """What the hook and the incremental check need of a case: coach, open?, referenced workplaces and modules.

    Workplaces are those of placements, disclosures and consent recipients
    (a recipient that is neither a workplace nor a fixed word dangles).
    """
    workplaces = {p.workplace for p in case.placements} | {d.workplace for d in case.disclosures}
    workplaces |= {r for c in case.consents for r in c.recipients if r not in CONSENT_RECIPIENTS}
    return case.coaches.primary, case.closed is None, tuple(sorted(workplaces)), tuple(sorted({e.module for e in case.enrolments}))


def save_summaries(root: Path, summaries: dict[str, CaseSummary | None], stamps: dict[str, tuple[int, int]]) -> SummaryIndex:
    """Rebuild the hook's summary index: per record (``display``: a file or a case folder) its summary and stat key."""
    index = SummaryIndex(root, read=False)
    index.entries = {display: (*stamps[display], summary) for display, summary in summaries.items() if display in stamps}
    index.save()
    return index


def affected(commit: Commit, summaries: dict[str, CaseSummary | None]) -> set[str]:
    """The files a commit reaches (see module doc)."""
    out = {p for p in commit.touched if _relevant(p)}
    referenced = {key[1] for p in commit.touched | commit.deleted if (key := record_key(p)) and key[0] != "cases"}
    for display, summary in summaries.items():
        if summary is None:
            continue
        if referenced & (set(summary[2]) | set(summary[3])):
            out.add(display)
        if display in commit.touched:
            out.update(d for w in summary[2] if (d := f"workplaces/{w}") in summaries)
            out.update(d for m in summary[3] if (d := f"modules/{m}.yaml") in summaries)
    return out


def _stamp(root: Path, display: str) -> tuple[int, int]:
    """The stat key of a record file or case folder (as :func:`~site_gen.records.dataset.scan_records` computes it)."""
    if (root / display).is_dir():
        kind, _, name = display.partition("/")
        return folder_stamp(root, kind, name) or (0, 0)
    return SummaryIndex.stat_key(root / display)


def collect_changed(root: Path, today: dt.date, commit: Commit) -> tuple[list[Finding], dict[str, CaseSummary | None]] | None:
    """Fast path: check the records a commit reaches, with caseloads from the summary index.

    Returns (findings, summaries) or None when only a full check can answer
    (organisation or schema changed, no index yet, many stale files).
    """
    if commit.meta:
        return None
    index = SummaryIndex(root)
    if not index.valid:
        return None
    if not all(_plain(root, p) for p in commit.touched | commit.deleted if p not in META_FILES and _relevant(p)):
        return None  # a path the fast path cannot vouch for: the full check names it
    files, wanted = _listing_since(root, commit, index) or _listing(root, commit, index)
    if len(wanted) > MAX_STALE or not all(record_key(d) for d in wanted):
        return None
    ds = load_dataset(root, only=[])  # organisation and catalogues
    ds.files = files
    by_display = {d: key for key, d in files.items()}
    tried: set[str] = set()
    for display in sorted(wanted):
        _load(ds, by_display, display, tried)
    summaries = _summaries(ds, index, by_display, wanted)
    for display in sorted(affected(commit, summaries)):
        _load(ds, by_display, display, tried)
    for case in list(ds.cases.values()):
        s = summary_of(case)
        for display in [*(f"workplaces/{w}" for w in s[2]), *(f"modules/{m}.yaml" for m in s[3])]:
            _load(ds, by_display, display, tried)
    _contact_context(ds, by_display)
    findings = positioned(ds.findings + run_checks(ds, today, caseload_of(summaries)), root, ds.provenance)
    _refresh(root, index, by_display, wanted, summaries, commit)
    return findings, summaries


def _contact_context(ds: Dataset, by_display: dict[str, tuple[str, str]]) -> None:
    """The cases the loaded workplaces' contacts name, as lookup context (their consent rule needs them)."""
    for cid in sorted(contact_cases(ds) - set(ds.cases)):
        display = f"cases/{cid}"
        if display in by_display:
            record, _ = load_record("cases", ds.root / display, display)
            if record is not None:
                ds.context[("cases", cid)] = record


def _plain(root: Path, path: str) -> bool:
    """Whether a changed path is an ordinary record file, case folder or entry file — or gone — with no
    symbolic link on its way and no twin (the same id as file and folder, a folder without ``case.yaml``).

    Anything else (a stray file or folder, ``.YAML``, ``.yml``, a link) sends the hook to the full check,
    which names it: the hook's verdict never depends on how it was reached.
    """
    if path.startswith("schema/"):
        return True
    key = record_key(path)
    if key is None:
        return False
    kind, rid = key
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        here = root.joinpath(*parts[:i])
        if here.is_symlink():
            return False
        if not here.exists():
            return i > 1  # deleted (the kind folder itself must be there)
    file, folder = root / kind / f"{rid}.yaml", root / kind / rid
    if kind in FOLDER_KINDS and folder.exists():
        main = folder / main_file(kind)
        return not file.exists() and not file.is_symlink() and main.is_file() and not main.is_symlink()
    return file.is_file() or not file.exists()


def _listing(root: Path, commit: Commit, index: SummaryIndex) -> tuple[dict[tuple[str, str], str], set[str]]:
    """Every record file of the commit, and those to load: touched, new or changed since indexed."""
    files: dict[tuple[str, str], str] = {}
    wanted = {unit_display(p) for p in commit.touched if record_key(p)}
    for kind, rid, display, stat in record_stamps(root):
        if commit.tracked is not None and display not in commit.tracked:
            continue
        files[(kind, rid)] = display
        entry = index.entries.get(display)
        if entry is None or entry[:2] != stat:
            wanted.add(display)
    return files, wanted


def _listing_since(root: Path, commit: Commit, index: SummaryIndex) -> tuple[dict[tuple[str, str], str], set[str]] | None:
    """Like :func:`_listing`, from what Git says changed since the tree the index describes (None: no such tree).

    No file is listed or stat'ed: the index's records, plus and minus those
    the staged changes since that tree add or remove, and those changed to load.
    """
    paths = _changed_since(root, commit, index.tree) if index.tree is not None else None
    if paths is None:
        return None
    files = {key: display for display in index.entries if (key := record_key(display))}
    changed = {unit_display(p) for p in paths if record_key(p)}
    if not all(_plain(root, d) for d in changed):
        return None  # a link or a twin came in since (committed without the hook): list and stat everything
    for display in changed:
        key = record_key(display)
        assert key is not None
        if not _on_disk(root, display):
            if files.get(key) == display:
                del files[key]
        elif files.setdefault(key, display) != display:
            return None  # a case both as file and as folder: the full scan decides
    wanted = {unit_display(p) for p in commit.touched if record_key(p)} | {d for d in changed if d in files.values()}
    return files, wanted


def _changed_since(root: Path, commit: Commit, tree: str) -> Iterable[str] | None:
    """The paths the staged index changes against ``tree`` (None: Git cannot say). Each Git process reads the whole
    index, so what Git already said is used: nothing, when ``tree`` is the staged tree itself (the hook ran on this
    commit before); the commit's own changes, when ``tree`` is ``HEAD``'s (the last commit went through the hook)."""
    if (commit.tree_job is not None or commit.tree is not None) and tree == _staged_tree(root, commit):
        return ()
    if tree == commit.head_tree and commit.staged is not None:
        return commit.staged
    diff = _git(root, "diff", "--cached", "--name-only", "-z", "--no-renames", "--relative", tree, "--", *RECORD_KINDS)
    return diff.split("\0") if diff is not None else None


def _on_disk(root: Path, display: str) -> bool:
    """Whether the record ``display`` (a module file, or a record folder with its main file) exists."""
    kind = display.partition("/")[0]
    if kind in FOLDER_KINDS:
        return (root / display / main_file(kind)).is_file()
    return (root / display).is_file()


def _load(ds: Dataset, by_display: dict[str, tuple[str, str]], display: str, tried: set[str]) -> None:
    """Load one record file into ``ds`` unless unknown or loaded already (a record that failed to load
    counts as loaded: loading it again would report each of its findings twice)."""
    key = by_display.get(display)
    targets: dict[str, dict[str, Any]] = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}
    if key is None or key[1] in targets[key[0]] or display in tried:
        return
    tried.add(display)
    record, findings = load_record(key[0], ds.root / display, display, ds)
    ds.findings.extend(findings)
    if record is not None:
        targets[key[0]][key[1]] = record


def _summaries(ds: Dataset, index: SummaryIndex, by_display: dict[str, tuple[str, str]], wanted: set[str]) -> dict[str, CaseSummary | None]:
    """Indexed summaries, with those of the freshly loaded files replaced."""
    summaries: dict[str, CaseSummary | None] = {d: e[2] for d, e in index.entries.items() if d in by_display}
    for display in wanted:
        key = by_display.get(display)
        if key is not None:
            case = ds.cases.get(key[1]) if key[0] == "cases" else None
            summaries[display] = summary_of(case) if case else None
    return summaries


def caseload_of(summaries: dict[str, CaseSummary | None]) -> dict[str, int]:
    """Open cases per primary coach, counted from summaries."""
    counts: dict[str, int] = {}
    for summary in summaries.values():
        if summary is not None and summary[1]:
            counts[summary[0]] = counts.get(summary[0], 0) + 1
    return counts


def _refresh(root: Path, index: SummaryIndex, by_display: dict[str, tuple[str, str]], wanted: set[str],
             summaries: dict[str, CaseSummary | None], commit: Commit | None = None) -> None:
    """Store the freshly loaded files' stat keys and summaries in the index, and the tree it now describes.

    The index then holds exactly the staged records, so the next commit reads
    from Git what changed since (``git write-tree`` stores the tree the commit
    stores anyway; where it fails, the next commit goes by stat keys).
    """
    for display in wanted:
        if display in by_display and (root / display).exists():
            index.entries[display] = (*_stamp(root, display), summaries.get(display))
    index.entries = {d: e for d, e in index.entries.items() if d in by_display}
    index.tree = _staged_tree(root, commit)
    index.save()


def remember_tree(root: Path, summaries: dict[str, CaseSummary | None], commit: Commit | None = None) -> None:
    """After the hook's full check: the index describes exactly the staged records, so store their tree."""
    index = SummaryIndex(root)
    if index.valid and set(index.entries) == set(summaries):
        index.tree = _staged_tree(root, commit)
        index.save()


def staged_tree_ready(commit: Commit) -> None:
    """Wait for the commit's ``git write-tree`` (it may store its cache of subtrees in the index, which the full check reads)."""
    if commit.tree_job is not None:
        job, commit.tree_job = commit.tree_job, None
        out, _ = job.communicate()
        commit.tree = out.strip() if job.returncode == 0 else ""


def _staged_tree(root: Path, commit: Commit | None = None) -> str | None:
    """``git write-tree``: the id of the tree the commit will store (None on a conflict or outside Git)."""
    if commit is not None:
        staged_tree_ready(commit)
    tree = commit.tree if commit is not None and commit.tree is not None else (_git(root, "write-tree") or "").strip()
    return tree if _TREE.fullmatch(tree) else None
