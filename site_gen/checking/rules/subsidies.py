"""The subsidy facts of the employer sheets are checked at least once a year (a task, never a stop).

Each support in ``site_gen/data/foerderung.yaml`` (or the repository's
``schema/foerderung.yaml``) carries the day it was last checked; a year after
that day the sheet may tell an employer something the law no longer says, so
the check makes a task of it (``SUBSIDY-FACTS-OLD``). Like the easy-language
check, this one reads its settings file itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Severity
from ...records.config import SUBSIDIES_FILE, load_subsidies
from ...records.dataset import Dataset

MAX_AGE_DAYS = 365


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    found: list[Finding] = []
    facts, origin = load_subsidies(ds.root, found)
    yield from found
    for support in facts.supports:
        due = support.stand + dt.timedelta(days=MAX_AGE_DAYS)
        if today < due:
            continue
        where, index = origin[support.id]
        yield Finding(where, "SUBSIDY-FACTS-OLD", f"Die Angaben zur Förderung '{support.id}' ({support.law}) sind über ein Jahr alt "
                      f"(Stand {support.stand:%d.%m.%Y}).",
                      "Die Angaben mit der Quelle vergleichen, korrigieren und 'stand' auf das Prüfdatum setzen "
                      f"(eigene Fassung in {SUBSIDIES_FILE}); bis dahin kein Förderblatt ungeprüft weitergeben.",
                      Severity.WARNING, due=due, **({"loc": ("supports", index, "stand")} if where == SUBSIDIES_FILE else {"line": 1, "col": 1}))
