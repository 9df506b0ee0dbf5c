"""Team time and group sessions (issue 29).

Team time (``team/``): the staff member exists. Group sessions in a support
log: an entry with a group id names the group's size, and the other way round.
Messages name fields, never values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..dataset import Dataset
from ..findings import Finding


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    if ds.organisation is not None:
        staff = ds.staff
        for rel, entry in ds.team.items():
            if entry.by not in staff:
                yield Finding(rel, "REF-DANGLING", "'by': Fachkraft nicht gefunden.", "Kennung aus organisation.yaml (staff) verwenden.", loc=("by",))
    for cid, case in ds.cases.items():
        for i, e in enumerate(case.support_log):
            if (e.group is None) != (e.group_size is None):
                missing = "group_size" if e.group_size is None else "group"
                yield Finding(ds.path_of("cases", cid), "LOG-GROUP-INCOMPLETE",
                              f"Eintrag {i + 1} im Begleitprotokoll: Gruppensitzung ohne '{missing}'.",
                              "Kennung der Gruppensitzung 'group' und Zahl der Personen 'group_size' gehören zusammen "
                              "('site-gen log' mit mehreren Akten schreibt beides).", loc=("support_log", i, missing))
