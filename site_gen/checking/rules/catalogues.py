"""Programmes, instruments and measures name an entry of their open catalogue (issue 29).

The catalogues ship with the tool (``site_gen/data/programmes.yaml``) and a
repository extends them in ``schema/programmes.yaml``; an id in neither is
reported at the value's line with the known ids and the file to extend.
Messages name fields, never values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Loc
from ...records.config import PROGRAMMES_FILE
from ...records.dataset import Dataset
from ...records.validate import dotted

WHAT = {"programmes": "Programm", "instruments": "Einschätzungsverfahren", "measures": "Maßnahme"}


def _unknown(ds: Dataset, file: str, loc: Loc, section: str) -> Finding:
    known = ds.programmes.labels(section)
    return Finding(file, "CATALOGUE-UNKNOWN", f"'{dotted(loc)}': {WHAT[section]} steht nicht im Katalog.",
                   "Eine dieser Kennungen verwenden: " + ", ".join(known) + f". Eigene in {PROGRAMMES_FILE} unter "
                   f"'{section}' ergänzen (mit Kennung und Bezeichnung).", loc=loc)


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    catalogue = ds.programmes
    programmes, instruments, measures = (catalogue.labels(s) for s in ("programmes", "instruments", "measures"))
    for mid, mod in ds.modules.items():
        if mod.programme not in programmes:
            yield _unknown(ds, ds.path_of("modules", mid), ("programme",), "programmes")
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        for i, prof in enumerate(case.ability_profiles):
            if prof.instrument not in instruments:
                yield _unknown(ds, f, ("ability_profiles", i, "instrument"), "instruments")
        for i, approval in enumerate(case.cost_approvals):
            if approval.measure not in measures:
                yield _unknown(ds, f, ("cost_approvals", i, "measure"), "measures")
