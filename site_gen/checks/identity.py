"""Ids: equal to the file stem, unique inside the organisation file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ..dataset import ORGANISATION_FILE, Dataset
from ..findings import Finding
from ..validate import printable


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    yield from _file_stems(ds)
    if ds.organisation is None:
        if not ds.root.joinpath(ORGANISATION_FILE).exists():
            yield Finding(ORGANISATION_FILE, "ORG-MISSING", "Die Datei organisation.yaml fehlt.",
                          "Mit 'site-gen init --add-missing' ein kommentiertes Gerüst anlegen und ausfüllen.", line=1, col=1)
        return
    yield from _duplicates(ds)


def _file_stems(ds: Dataset) -> Iterator[Finding]:
    for kind, records in (("cases", ds.cases), ("workplaces", ds.workplaces), ("modules", ds.modules)):
        for stem, record in records.items():
            if record.id != stem:
                other = f" oder 'id' muss '{stem}' sein" if printable(stem) else " oder 'id' muss dem Dateinamen entsprechen"
                yield Finding(ds.path_of(kind, stem), "ID-MISMATCH", "Die Kennung 'id' stimmt nicht mit dem Dateinamen überein.",
                              f"Die Datei muss '{record.id}.yaml' heißen{other}.", loc=("id",))


def _duplicates(ds: Dataset) -> Iterator[Finding]:
    org = ds.organisation
    assert org is not None
    groups = {
        "providers": [p.id for p in org.providers],
        "staff": [s.id for s in org.staff],
        "locations": [loc.id for p in org.providers for loc in p.locations],
    }
    for section, ids in groups.items():
        for dup, n in Counter(ids).items():
            if n > 1:
                yield Finding(ORGANISATION_FILE, "ID-DUPLICATE", f"Kennung '{dup}' kommt in '{section}' {n}-mal vor.",
                              "Jede Kennung darf nur einmal vergeben werden.", loc=(section,))
    for wid, wp in ds.workplaces.items():
        for dup, n in Counter(m.id for m in wp.mentors).items():
            if n > 1:
                yield Finding(ds.path_of("workplaces", wid), "ID-DUPLICATE", f"Mentor-Kennung '{dup}' kommt {n}-mal vor.",
                              "Jede Mentorin und jeder Mentor braucht eine eigene Kennung.", loc=("mentors",))
    for cid, case in ds.cases.items():
        for dup, n in Counter(c.id for c in case.consents).items():
            if n > 1:
                yield Finding(ds.path_of("cases", cid), "ID-DUPLICATE", f"Einwilligungs-Kennung '{dup}' kommt {n}-mal vor.",
                              "Jede Einwilligung braucht eine eigene Kennung.", loc=("consents",))
