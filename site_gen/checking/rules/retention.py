"""Retention: a closed case is deleted once the retention period has passed.

The period is ``retention_years`` in organisation.yaml (default 5 years
after closing); the rule itself lives in :mod:`site_gen.domain.retention`.
From that day on the case is left out of every output (as a fully withdrawn
one); the fix is ``site-gen forget``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.retention import erasure_day, retention_years
from ...findings import Finding
from ...records.dataset import Dataset


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    years = retention_years(ds)
    for cid, case in ds.cases.items():
        due = erasure_day(case, years)
        if due is not None and due <= today:
            yield Finding(
                ds.path_of("cases", cid), "RETENTION-EXPIRED",
                f"Die Akte ist seit mehr als {years} Jahren geschlossen und muss jetzt gelöscht werden.",
                "Mit 'site-gen forget KENNUNG' löschen (die Kennung der Akte, wie Ordner oder Datei heißen); das entfernt die Akte auch aus der Git-Geschichte. Bis dahin "
                "zeigt keine Seite, kein Kalender und kein Dokument mehr etwas aus ihr. Danach die Schritte auf der Datenschutz-Seite befolgen.",
                loc=("closed",), due=due,
            )
