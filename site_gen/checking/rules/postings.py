"""Public postings: expired ones leave the board and are flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Severity
from ...labels import field_name
from ...models.workplace import AcquisitionStatus, Posting
from ...records.dataset import Dataset


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for wid, wp in ds.workplaces.items():
        post = wp.posting
        if post is None or not post.publish:
            continue
        f = ds.path_of("workplaces", wid)
        if post.valid_until < today:
            yield Finding(f, "POSTING-EXPIRED", "Die Ausschreibung ist abgelaufen und erscheint nicht mehr auf der Jobbörse.",
                          f"{field_name(Posting, 'valid_until')} verlängern oder {field_name(Posting, 'publish')} auf false setzen.", Severity.WARNING, loc=("posting", "valid_until"),
                          due=post.valid_until + dt.timedelta(days=1))
        if wp.acquisition.status in (AcquisitionStatus.CLOSED, AcquisitionStatus.PAUSED):
            yield Finding(f, "POSTING-INACTIVE", "Die Ausschreibung ist veröffentlicht, aber der Betrieb ist pausiert oder beendet.",
                          f"{field_name(Posting, 'publish')} auf false setzen oder den Akquise-Stand prüfen.", Severity.WARNING, loc=("posting", "publish"))
