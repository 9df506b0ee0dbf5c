"""Consent rules: data tied to a purpose needs a live consent for it.

The tie between fields and purposes lives in the models (``x-zweck``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..consent import field_purposes, guardian_covers, has_live, is_live
from ..dataset import Dataset
from ..findings import Finding, Severity

EXPIRY_WARNING_DAYS = 60


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    purposes = ds.purposes
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        for name, purpose in field_purposes().items():
            if not getattr(case, name):
                continue
            if name == "disclosures":
                for i, disc in enumerate(case.disclosures):
                    if not has_live(case, today, purposes, purpose, disc.workplace):
                        yield Finding(f, "CONSENT-DISCLOSURE",
                                      f"Mitteilung {i + 1} an einen Betrieb ohne gültige Einwilligung '{purpose}', die diesen Betrieb nennt.",
                                      "Einwilligung mit diesem Arbeitsplatz unter 'recipients' eintragen oder die Mitteilung entfernen.", loc=("disclosures", i))
            elif not has_live(case, today, purposes, purpose):
                yield Finding(f, "CONSENT-MISSING", f"'{name}' enthält Daten ohne gültige Einwilligung '{purpose}'.",
                              "Einwilligung eintragen (Zweck, Datum, Ablage) oder die Daten entfernen.", loc=(name,))
        for i, con in enumerate(case.consents):
            if not guardian_covers(case, con, purposes):
                yield Finding(f, "CONSENT-GUARDIAN-SCOPE", f"Einwilligung '{con.id}' durch die Betreuung liegt außerhalb ihrer Aufgabenkreise.",
                              "Die Person selbst einwilligen lassen oder die Aufgabenkreise der Betreuung prüfen.", loc=("consents", i, "given_by"))
            if purposes.get(con.purpose) is not None and purposes[con.purpose].needs_recipients and not con.recipients:
                yield Finding(f, "CONSENT-NO-RECIPIENT", f"Einwilligung '{con.id}' nennt keinen Empfänger.",
                              "Unter 'recipients' die Betriebe (Kennungen) nennen, an die Daten gehen dürfen.", loc=("consents", i, "recipients"))
            if is_live(con, today) and con.valid_until is not None and (con.valid_until - today).days <= EXPIRY_WARNING_DAYS:
                yield Finding(f, "CONSENT-EXPIRING", f"Einwilligung '{con.id}' läuft in {(con.valid_until - today).days} Tagen ab.",
                              "Rechtzeitig mit der Person (oder Betreuung) über eine Verlängerung sprechen.", Severity.WARNING, loc=("consents", i, "valid_until"))
