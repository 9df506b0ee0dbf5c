"""Coaches: tandem of two different people, caseload against capacity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Severity
from ...models.organisation import Role
from ...records.dataset import ORGANISATION_FILE, Dataset


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    """Tandem rules per case and the caseload of the cases in ``ds`` against capacity."""
    yield from tandem(ds)
    yield from over_capacity(ds, ds.caseload)


def tandem(ds: Dataset) -> Iterator[Finding]:
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        if case.coaches.primary == case.coaches.deputy:
            yield Finding(f, "TANDEM-SAME", "Hauptverantwortung und Vertretung sind dieselbe Person.",
                          "Im Tandem vertreten sich zwei verschiedene Fachkräfte (geregelte Vertretung).", loc=("coaches", "deputy"))
        for role in ("primary", "deputy"):
            staff = ds.staff.get(getattr(case.coaches, role))
            if staff is not None and Role.JOBCOACH not in staff.roles:
                yield Finding(f, "TANDEM-ROLE", f"'coaches.{role}' hat nicht die Rolle 'jobcoach'.",
                              "Rolle in organisation.yaml ergänzen oder eine andere Fachkraft eintragen.", Severity.WARNING, loc=("coaches", role))


def over_capacity(ds: Dataset, caseload: dict[str, int]) -> Iterator[Finding]:
    """``caseload``: open cases per primary coach over the whole repository (a partial check passes it)."""
    index = {s.id: i for i, s in enumerate(ds.organisation.staff)} if ds.organisation else {}
    for sid, count in caseload.items():
        staff = ds.staff.get(sid)
        if staff is not None and count > staff.capacity:
            yield Finding(ORGANISATION_FILE, "COACH-OVER-CAPACITY",
                          f"Fachkraft '{sid}' begleitet {count} offene {'Akte' if count == 1 else 'Akten'}, Kapazität {staff.capacity}.",
                          "Akten im Team neu verteilen oder die Kapazität anpassen (üblich ≈ 15).", Severity.WARNING, loc=("staff", index.get(sid, 0), "capacity"))
