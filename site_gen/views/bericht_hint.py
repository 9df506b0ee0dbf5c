"""The dossier's pointer to the report draft of the current approval period.

The site does not carry the draft itself (a build would write one .docx per
case); it tells the coach the period, the due day and the one command that
writes the draft, or why no draft may be made (no live report consent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.approvals import current_approval, report_due, weeks_before_end
from ..domain.consent import has_live
from ..models.case import Case
from ..records.dataset import Dataset
from .bericht_scope import PURPOSE
from .internal import label


@dataclass(frozen=True, slots=True)
class ReportHint:
    approval: str
    start: dt.date
    end: dt.date
    due: dt.date
    days: int
    sent_on: dt.date | None
    command: str | None
    """The command that writes the draft; None without a live report consent."""


def report_hint(ds: Dataset, case: Case, today: dt.date) -> ReportHint | None:
    """The hint for ``case`` (None when the record has no cost approval)."""
    approval = current_approval(case, today)
    if approval is None:
        return None
    due = report_due(approval, weeks_before_end(ds))
    command = f"site-gen bericht {case.id}" if has_live(case, today, ds.purposes, PURPOSE) else None
    return ReportHint(f"{label(approval.bearer)}, {ds.programmes.measure(approval.measure)}", approval.start, approval.end, due,
                      (due - today).days, approval.report_sent_on, command)
