"""Ids: equal to the file stem, unique inside the organisation file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ...findings import Finding
from ...records.dataset import ORGANISATION_FILE, Dataset
from ...records.validate import printable


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
            if record.id != stem:  # no value in the hint: an id may hold a name, and this output lands in CI logs
                display = ds.path_of(kind, stem)
                if not display.endswith(".yaml"):
                    yield Finding(display, "ID-MISMATCH", "Die Kennung 'id' stimmt nicht mit dem Namen des Ordners überein.",
                                  "'id' in case.yaml wie den Ordner schreiben, oder den Ordner wie 'id' benennen (git mv).", loc=("id",))
                    continue
                other = " (der Name der Datei ohne '.yaml')" if printable(stem) else ""
                yield Finding(display, "ID-MISMATCH", "Die Kennung 'id' stimmt nicht mit dem Dateinamen überein.",
                              f"'id' wie den Dateinamen schreiben{other}, oder die Datei wie 'id' benennen: Kennung und '.yaml' (git mv).", loc=("id",))


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
    # At every entry that repeats an id (in a case folder: each entry's own file), without the id itself (it may hold a name).
    for wid, wp in ds.workplaces.items():
        mentors = Counter(m.id for m in wp.mentors)
        for i, mentor in enumerate(wp.mentors):
            if (n := mentors[mentor.id]) > 1:
                yield Finding(ds.path_of("workplaces", wid), "ID-DUPLICATE", f"Die Kennung der Mentorin oder des Mentors {i + 1} kommt {n}-mal vor.",
                              "Jede Mentorin und jeder Mentor braucht eine eigene Kennung.", loc=("mentors", i, "id"))
    for cid, case in ds.cases.items():
        consents = Counter(c.id for c in case.consents)
        for i, consent in enumerate(case.consents):
            if (n := consents[consent.id]) > 1:
                yield Finding(ds.path_of("cases", cid), "ID-DUPLICATE", f"Die Kennung der Einwilligung {i + 1} kommt {n}-mal vor.",
                              "Jede Einwilligung braucht eine eigene Kennung.", loc=("consents", i, "id"))
