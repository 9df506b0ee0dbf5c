"""Retention: a closed case is deleted once the retention period has passed.

The period is ``retention_years`` in organisation.yaml (default 5 years
after closing). The fix is ``site-gen forget``, which also purges the
record from the Git history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..dataset import Dataset
from ..findings import Finding

DEFAULT_RETENTION_YEARS = 5


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_years(ds: Dataset) -> int:
    """The organisation's retention period in years (default 5)."""
    return ds.organisation.retention_years if ds.organisation else DEFAULT_RETENTION_YEARS


def delete_by(closed: dt.date, years: int) -> dt.date:
    """The last day a case closed on ``closed`` may still be kept."""
    return add_years(closed, years)


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    years = retention_years(ds)
    for cid, case in ds.cases.items():
        if case.closed is not None and today > delete_by(case.closed, years):
            yield Finding(
                ds.path_of("cases", cid), "RETENTION-EXPIRED",
                f"Die Akte ist seit mehr als {years} Jahren geschlossen und muss jetzt gelöscht werden.",
                "Mit 'site-gen forget KENNUNG' löschen (Kennung = Dateiname ohne .yaml); das entfernt die Akte auch "
                "aus der Git-Geschichte. Danach die Schritte auf der Datenschutz-Seite befolgen.",
                loc=("closed",), due=delete_by(case.closed, years) + dt.timedelta(days=1),
            )
