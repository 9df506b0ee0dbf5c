"""Cost approvals and the report deadlines they make (pure functions, no I/O).

A cost bearer approves a measure for a period; the development report
(Entwicklungsbericht) for that period is due a number of weeks before the
period ends (``report_weeks_before_end`` in organisation.yaml, default 6).
Shared by the check (REPORT-DUE), the deadline list and the report command.
"""

from __future__ import annotations

import datetime as dt

from ..models.case import Case, CostApproval, CostBearer
from ..records.dataset import Dataset

DEFAULT_WEEKS = 6


def weeks_before_end(ds: Dataset) -> int:
    """The organisation's lead time for reports in weeks (default 6)."""
    return ds.organisation.report_weeks_before_end if ds.organisation else DEFAULT_WEEKS


def report_due(approval: CostApproval, weeks: int) -> dt.date:
    """The day the report for ``approval`` is due (never before the period starts)."""
    return max(approval.start, approval.end - dt.timedelta(weeks=weeks))


def open_reports(case: Case, weeks: int) -> list[tuple[int, CostApproval, dt.date]]:
    """(index, approval, due day) of every approval whose report was not sent yet."""
    if case.closed is not None:
        return []
    return [(i, a, report_due(a, weeks)) for i, a in enumerate(case.cost_approvals) if a.report_sent_on is None]


def current_approval(case: Case, day: dt.date, bearer: CostBearer | None = None) -> CostApproval | None:
    """The approval running on ``day``; else the latest one that ended before; else the next one."""
    approvals = [a for a in case.cost_approvals if bearer is None or a.bearer is bearer]
    running = [a for a in approvals if a.start <= day <= a.end]
    if running:
        return max(running, key=lambda a: a.start)
    past = [a for a in approvals if a.end < day]
    if past:
        return max(past, key=lambda a: a.end)
    future = [a for a in approvals if a.start > day]
    return min(future, key=lambda a: a.start) if future else None


def approvals_in_month(case: Case, bearer: CostBearer, first: dt.date, last: dt.date) -> list[CostApproval]:
    """Approvals of ``bearer`` that overlap the days ``first``..``last``."""
    return [a for a in case.cost_approvals if a.bearer is bearer and a.start <= last and a.end >= first]
