"""Module enrolments meet the access requirements or record an exception."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding
from ...labels import field_name
from ...models.case import Enrolment
from ...records.dataset import Dataset


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for cid, case in ds.cases.items():
        for i, en in enumerate(case.enrolments):
            mod = ds.module(en.module)
            if mod is None:
                continue
            missing = [r for r in mod.access_requirements if r not in en.requirements_confirmed]
            if missing and en.exception_reason is None:
                yield Finding(ds.path_of("cases", cid), "ENROLMENT-REQUIREMENTS",
                              f"Kurs {i + 1}: Zugangsvoraussetzungen nicht bestätigt: {', '.join(missing)}.",
                              f"Unter {field_name(Enrolment, 'requirements_confirmed')} bestätigen oder eine Begründung unter {field_name(Enrolment, 'exception_reason')} eintragen.", loc=("enrolments", i))
