"""Cost approvals: consistent periods and scopes, and the development report made due by time.

REPORT-DUE is a time-made task (``due`` = the day the report is due, see
:mod:`site_gen.domain.approvals`): it stays until ``report_sent_on`` is entered.
Messages name fields and dates of the approval, never personal values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.approvals import open_reports, weeks_before_end
from ...findings import Finding, Severity
from ...labels import field_name
from ...models.case import CostApproval
from ...records.dataset import Dataset


def _day(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    weeks = weeks_before_end(ds)
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        for i, a in enumerate(case.cost_approvals):
            if a.end < a.start:
                yield Finding(f, "APPROVAL-END-BEFORE-START", f"Kostenzusage {i + 1}: {field_name(CostApproval, 'end')} liegt vor {field_name(CostApproval, 'start')}.",
                              "Den Bewilligungszeitraum aus dem Bescheid abschreiben (erst den Beginn, dann das Ende).", loc=("cost_approvals", i, "end"))
            if a.minutes_per_month is not None and a.hours_per_month is not None:
                yield Finding(f, "APPROVAL-SCOPE-TWICE", f"Kostenzusage {i + 1} nennt den Umfang in Minuten und in Stunden.",
                              f"Nur {field_name(CostApproval, 'minutes_per_month')} oder nur {field_name(CostApproval, 'hours_per_month')} angeben, so wie im Bescheid.", loc=("cost_approvals", i, "hours_per_month"))
            if a.report_sent_on is not None and a.report_sent_on > today:
                yield Finding(f, "APPROVAL-REPORT-FUTURE", f"Kostenzusage {i + 1}: {field_name(CostApproval, 'report_sent_on')} liegt in der Zukunft.",
                              "Erst eintragen, wenn der Bericht verschickt ist.", loc=("cost_approvals", i, "report_sent_on"))
        for i, a, due in open_reports(case, weeks):
            if a.end < a.start or today < due:
                continue
            yield Finding(
                f, "REPORT-DUE",
                f"Der Entwicklungsbericht für die Kostenzusage {i + 1} (Zeitraum bis {_day(a.end)}) ist fällig.",
                f"Mit 'site-gen bericht {cid}' einen Entwurf erstellen; nach dem Versand {field_name(CostApproval, 'report_sent_on')} bei der Kostenzusage eintragen.",
                Severity.WARNING, loc=("cost_approvals", i, "end"), due=due,
            )
