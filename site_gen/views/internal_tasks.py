"""The team's to-do list (time-made tasks) and the notice pages of left-out records.

Both show findings: codes, positions and German messages, which name fields
and ids but never values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..findings import Finding
from ..records.dataset import Dataset
from .consented import Consented
from .internal import CASES, MODULES, WORKPLACES, Link, case_link, module_link, staff_link, workplace_link

TASKS_PAGE = "aufgaben.md"
KIND_PAGES = {"cases": CASES, "workplaces": WORKPLACES, "modules": MODULES}
KIND_LABELS = {"cases": "Akte", "workplaces": "Arbeitsplatz", "modules": "Modul"}


@dataclass(frozen=True, slots=True)
class TaskRow:
    due: dt.date
    overdue_days: int
    record: Link
    coaches: list[Link]
    code: str
    message: str
    hint: str
    where: str

    @property
    def when(self) -> str:
        """"heute fällig" / "überfällig seit 1 Tag" / "überfällig seit N Tagen"."""
        if self.overdue_days <= 0:
            return "heute fällig"
        return f"überfällig seit {self.overdue_days} {'Tag' if self.overdue_days == 1 else 'Tagen'}"


@dataclass(frozen=True, slots=True)
class ProblemRow:
    record: str
    where: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class TasksContext:
    page: str
    today: dt.date
    tasks: list[TaskRow]
    problems: list[ProblemRow]


@dataclass(frozen=True, slots=True)
class NoticeContext:
    page: str
    label: str
    record_id: str
    file: str
    problems: list[ProblemRow]


@dataclass(frozen=True, slots=True)
class ErasureNoticeContext:
    """The page of a case past its retention period: its id, the day erasure became due, how to erase."""

    page: str
    record_id: str
    due: dt.date
    coaches: list[Link]


def erasure_notices(ds: Consented, wanted: list[str] | None = None) -> list[ErasureNoticeContext]:
    """A notice page for every case past its retention period (``wanted``: only these ids)."""
    return [ErasureNoticeContext(f"{CASES}/{cid}.md", cid, due.due, _coaches(ds, due.primary, due.deputy))
            for cid, due in sorted(ds.erasure.items()) if wanted is None or cid in wanted]


def _coaches(ds: Dataset, primary: str, deputy: str) -> list[Link]:
    return [staff_link(ds, s) for s in (primary, deputy) if s]


def _where(f: Finding) -> str:
    return f"{f.where}:{f.line or 1}:{f.col or 1}"


def record_of(ds: Dataset) -> dict[str, tuple[str, str]]:
    """Record file → (kind, id)."""
    return {display: key for key, display in ds.files.items()}


def _record_link(ds: Dataset, kind: str, rid: str) -> Link:
    if kind == "cases":
        link = case_link(ds, rid)
    elif kind == "workplaces":
        link = workplace_link(ds, rid)
    else:
        link = module_link(ds, rid)
    return link if link.target or (kind, rid) not in ds.files else Link(rid, f"{KIND_PAGES[kind]}/{rid}.md")


def tasks_page(ds: Consented, today: dt.date, tasks: list[Finding]) -> TasksContext:
    """``aufgaben.md``: what time made due (oldest first) and the records left out because of errors."""
    records = record_of(ds)
    rows = []
    for f in sorted(tasks, key=lambda f: (f.due or today, f.file, f.line or 0)):
        kind, rid = records.get(f.file, ("", f.file))
        case = ds.cases.get(rid) if kind == "cases" else None
        gone = ds.erasure.get(rid) if kind == "cases" else None
        coaches = (_coaches(ds, case.coaches.primary, case.coaches.deputy) if case
                   else _coaches(ds, gone.primary, gone.deputy) if gone else [])
        record = _record_link(ds, kind, rid) if kind else Link(f.file, "")
        rows.append(TaskRow(f.due or today, (today - (f.due or today)).days, record, coaches, f.code, f.message, f.hint, _where(f)))
    problems = [ProblemRow(f.file, _where(f), f.code, f.message) for f in sorted(ds.findings, key=lambda f: (f.file, f.line or 0))]
    return TasksContext(TASKS_PAGE, today, rows, problems)


def notices(ds: Consented, kind: str, wanted: list[str] | None = None) -> list[NoticeContext]:
    """Notice pages for the records of ``kind`` that are listed but left out (``wanted``: only these ids)."""
    kinds: dict[str, Mapping[str, object]] = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}
    present = kinds[kind]
    by_file: dict[str, list[Finding]] = {}
    for f in ds.findings:
        by_file.setdefault(f.file, []).append(f)
    out = []
    for (k, rid), display in sorted(ds.files.items()):
        if k != kind or rid in present or (wanted is not None and rid not in wanted) or display not in by_file:
            continue
        rows = [ProblemRow(display, _where(f), f.code, f.message) for f in by_file[display]]
        out.append(NoticeContext(f"{KIND_PAGES[kind]}/{rid}.md", KIND_LABELS[kind], rid, display, rows))
    return out
