"""Retention: a closed case may be kept ``retention_years`` after closing, then it must be erased.

From the first day after the period, the record's data may not be processed any more
(Art. 5(1)(e), Art. 17(1)(a) DSGVO): the consent filter leaves such a case out of every
internal output (:mod:`site_gen.views.consented`), the document commands refuse it
(:func:`refuse_past_retention`), and the check reports the task ``RETENTION-EXPIRED``.
Only the subject-access export (Art. 15) still shows it, until it is erased.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import UserError
from ..models.case import Case
from ..records.dataset import Dataset
from .dates import add_years

DEFAULT_RETENTION_YEARS = 5


def retention_years(ds: Dataset) -> int:
    """The organisation's retention period in years (default 5)."""
    return ds.organisation.retention_years if ds.organisation else DEFAULT_RETENTION_YEARS


def delete_by(closed: dt.date, years: int) -> dt.date:
    """The last day a case closed on ``closed`` may still be kept."""
    return add_years(closed, years)


def erasure_day(case: Case, years: int) -> dt.date | None:
    """The first day ``case`` must be erased (None while it is open)."""
    return None if case.closed is None else delete_by(case.closed, years) + dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ErasureDue:
    """A case past its retention period: only what the team needs to erase it, nothing personal."""

    case_id: str
    due: dt.date
    """The first day after the retention period."""
    provider: str
    location: str
    primary: str
    deputy: str


def erasure_due(case: Case, years: int, today: dt.date) -> ErasureDue | None:
    """What erasing ``case`` needs, when its retention period of ``years`` ended before ``today``."""
    due = erasure_day(case, years)
    if due is None or due > today:
        return None
    return ErasureDue(case.id, due, case.provider, case.location, case.coaches.primary, case.coaches.deputy)


def past_retention(ds: Dataset, today: dt.date) -> dict[str, ErasureDue]:
    """The cases of ``ds`` whose retention period ended before ``today``, by id."""
    years = retention_years(ds)
    found = ((cid, erasure_due(case, years, today)) for cid, case in ds.cases.items())
    return {cid: due for cid, due in found if due is not None}


def refuse_past_retention(ds: Dataset, case_id: str, today: dt.date) -> None:
    """Raise a German :class:`UserError` when ``case_id`` is past its retention period (documents refuse it)."""
    case = ds.cases.get(case_id)
    due = erasure_day(case, retention_years(ds)) if case is not None else None
    if due is not None and due <= today:
        raise UserError(
            f"Die Aufbewahrungsfrist der Akte {case_id} ist abgelaufen (zu löschen seit {due:%d.%m.%Y}); "
            "ihre Daten dürfen nicht mehr verarbeitet werden.",
            f"Mit 'site-gen forget {case_id}' löschen; eine Auskunft nach Art. 15 gibt 'site-gen export {case_id}' bis dahin.",
        )
