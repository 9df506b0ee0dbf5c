"""Team time, group sessions and access routes (issue 29).

Team time (``team/``): the staff member exists. Group sessions in a support
log: an entry with a group id names the group's size, and the other way round.
Messages name fields, never values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.stage_path import access_routes
from ...findings import Finding
from ...labels import field_name
from ...models.case import LogEntry
from ...records.dataset import Dataset


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    if ds.organisation is not None:
        staff = ds.staff
        for rel, entry in ds.team.items():
            if entry.by not in staff:
                yield Finding(rel, "REF-DANGLING", "'by': Fachkraft nicht gefunden.", "Kennung aus organisation.yaml (staff) verwenden.", loc=("by",))
    routes = access_routes(ds)
    for cid, case in ds.cases.items():
        if case.access is not None and case.access.route not in routes:
            yield Finding(ds.path_of("cases", cid), "REF-DANGLING", "'access.route': Zugangsweg nicht gefunden.",
                          "Einen dieser Wege verwenden oder in organisation.yaml unter 'access_routes' ergänzen: " + ", ".join(routes) + ".",
                          loc=("access", "route"))
        for i, e in enumerate(case.support_log):
            if (e.group is None) != (e.group_size is None):
                missing = "group_size" if e.group_size is None else "group"
                yield Finding(ds.path_of("cases", cid), "LOG-GROUP-INCOMPLETE",
                              f"Eintrag {i + 1} im Begleitprotokoll: Gruppensitzung ohne {field_name(LogEntry, missing)}.",
                              f"{field_name(LogEntry, 'group')} und {field_name(LogEntry, 'group_size')} gehören zusammen "
                              "('site-gen log' mit mehreren Akten schreibt beides).", loc=("support_log", i, missing))
