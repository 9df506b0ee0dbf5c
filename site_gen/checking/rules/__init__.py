"""Cross-record rules. Each family is a module of pure functions
``(dataset, today) -> Iterable[Finding]``; :data:`CHECKS` lists them in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ...findings import Finding
from ...records.dataset import Dataset
from . import (
    after_placement,
    budget_work,
    capacity,
    consent,
    contacts,
    dates,
    easy_language,
    enrolments,
    identity,
    path,
    placements,
    postings,
    privacy,
    references,
    reports,
    retention,
    subsidies,
    team_time,
)

Check = Callable[[Dataset, dt.date], Iterable[Finding]]

CHECKS: list[Check] = [
    identity.check,
    references.check,
    dates.check,
    placements.check,
    path.check,
    after_placement.check,
    budget_work.check,
    capacity.check,
    enrolments.check,
    consent.check,
    contacts.check,
    retention.check,
    reports.check,
    privacy.check,
    postings.check,
    easy_language.check,
    subsidies.check,
    team_time.check,
]


def run_checks(ds: Dataset, today: dt.date, caseload: dict[str, int] | None = None) -> list[Finding]:
    """All cross-record findings for a loaded dataset.

    ``caseload`` (open cases per primary coach) is given when ``ds`` holds only
    part of the records (the incremental checks count from cached summaries).
    """
    out: list[Finding] = []
    for check in CHECKS:
        if check is capacity.check and caseload is not None:
            out.extend(capacity.tandem(ds))
            out.extend(capacity.over_capacity(ds, caseload))
        else:
            out.extend(check(ds, today))
    return out
