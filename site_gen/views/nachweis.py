"""The monthly service statement (Leistungsnachweis) per cost bearer (pure).

One row per case: the pseudonymous id, the approval (measure, file
reference, scope) and the minutes of support by kind of service in that
month, counted only on days the approval covers. A group session counts for
each participant with its share: the minutes divided by the number of people
in the group, rounded to whole minutes (issue 29; ``group`` says how many of
the row's minutes are such shares). Only documentation-duty
fields: no names, no notes. A case of this cost bearer without an approval
for the month is listed too, flagged, so nothing is billed by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.approvals import approvals_in_month
from ..domain.minutes import share
from ..domain.retention import past_retention
from ..findings import UserError
from ..models.case import CostBearer, LogEntry, ServiceKind
from ..records.dataset import Dataset
from .bericht_support import KINDS, next_month
from .internal import label

UNDER_SHARE = 0.9
"""Below this share of the approved scope a month is flagged as under."""

FLAG_OVER, FLAG_UNDER, FLAG_OK, FLAG_NO_SCOPE, FLAG_NO_APPROVAL = "über Umfang", "unter Umfang", "im Umfang", "kein Umfang bewilligt", "keine Kostenzusage"


@dataclass(frozen=True, slots=True)
class StatementRow:
    case_id: str
    measure: str
    file_ref: str
    start: dt.date | None
    end: dt.date | None
    direct: int
    mediate: int
    indirect: int
    scope: int | None
    flag: str
    group: int = 0
    """Of the minutes above: shares of group sessions (minutes / people in the group)."""

    @property
    def total(self) -> int:
        return self.direct + self.mediate + self.indirect


@dataclass(frozen=True, slots=True)
class StatementContext:
    bearer: str
    bearer_label: str
    month: dt.date
    today: dt.date
    rows: list[StatementRow]
    left_out: int = 0
    """Cases past their retention period: not processed any more, so not in the statement."""
    sender: str = ""
    """Who sends the statement: the providers of the organisation (the letterhead of the page)."""

    @property
    def month_label(self) -> str:
        return f"{self.month.month:02d}/{self.month.year}"

    def total(self, kind: str) -> int:
        return sum(getattr(r, kind) for r in self.rows)


def parse_bearer(value: str) -> CostBearer:
    try:
        return CostBearer(value)
    except ValueError:
        raise UserError(f"STATEMENT-UNKNOWN-BEARER Den Kostenträger '{value}' gibt es nicht.",
                        "Eine dieser Kennungen angeben: " + ", ".join(b.value for b in CostBearer) + ".") from None


def parse_month(value: str) -> dt.date:
    try:
        year, month = value.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError
        return dt.date(int(year), int(month), 1)
    except ValueError:
        raise UserError(f"STATEMENT-BAD-MONTH '{value}' ist kein Monat im Format JJJJ-MM.", "Zum Beispiel --monat 2026-10.") from None


def _billable(entries: list[LogEntry]) -> tuple[dict[ServiceKind, int], int]:
    """Minutes per kind (group sessions as shares) and the part of them from group sessions."""
    out = dict.fromkeys(KINDS, 0)
    for e in entries:
        out[e.kind] += share(e)
    return out, sum(share(e) for e in entries if e.group_size)


def _flag(total: int, scope: int | None) -> str:
    if scope is None:
        return FLAG_NO_SCOPE
    if total > scope:
        return FLAG_OVER
    return FLAG_UNDER if total < scope * UNDER_SHARE else FLAG_OK


def statement(ds: Dataset, bearer: CostBearer, month: dt.date, today: dt.date) -> StatementContext:
    """The statement of ``bearer`` for the month starting on ``month``."""
    first, last = month, next_month(month) - dt.timedelta(days=1)
    rows: list[StatementRow] = []
    gone = past_retention(ds, today)
    for cid in sorted(ds.cases.keys() - gone.keys()):
        case = ds.cases[cid]
        approvals = approvals_in_month(case, bearer, first, last)
        for a in approvals:
            lo, hi = max(first, a.start), min(last, a.end)
            kinds, group = _billable([e for e in case.support_log if lo <= e.date <= hi])
            scope = a.scope_minutes
            rows.append(StatementRow(cid, ds.programmes.measure(a.measure), a.file_ref, a.start, a.end, kinds[ServiceKind.DIRECT],
                                     kinds[ServiceKind.MEDIATE], kinds[ServiceKind.INDIRECT], scope, _flag(sum(kinds.values()), scope), group))
        if not approvals and case.cost_bearer is bearer and case.opened <= last and (case.closed is None or case.closed >= first):
            kinds, group = _billable([e for e in case.support_log if first <= e.date <= last])
            if sum(kinds.values()):
                rows.append(StatementRow(cid, "–", "–", None, None, kinds[ServiceKind.DIRECT], kinds[ServiceKind.MEDIATE],
                                         kinds[ServiceKind.INDIRECT], None, FLAG_NO_APPROVAL, group))
    left_out = sum(1 for cid in gone if ds.cases[cid].cost_bearer is bearer or approvals_in_month(ds.cases[cid], bearer, first, last))
    sender = ", ".join(p.name for p in ds.organisation.providers) if ds.organisation else ""
    return StatementContext(bearer.value, label(bearer), month, today, rows, left_out, sender)
