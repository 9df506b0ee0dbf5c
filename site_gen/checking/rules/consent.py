"""Consent rules: data tied to a purpose needs a live consent for it.

The tie between fields and purposes lives in the models (``x-zweck``). When
no consent is live, the finding says why: never given (CONSENT-MISSING),
expired (CONSENT-EXPIRED) or withdrawn while the data is still there
(CONSENT-WITHDRAWN-DATA-LEFT). Messages name fields and consent ids, never
values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.consent import field_purposes, guardian_covers, has_live, is_live, lapse_reason
from ...findings import Finding, Loc, Severity
from ...labels import field_name
from ...models.case import Case, Consent
from ...models.catalogue import Purpose
from ...records.dataset import Dataset

EXPIRY_WARNING_DAYS = 60

HINT_WITHDRAWN = ("Nach einem Widerruf die betroffenen Daten aus der Akte löschen; die Einwilligung mit "
                  f"{field_name(Consent, 'withdrawn_on')} bleibt als Nachweis stehen (siehe Datenschutz-Seite).")
HINT_EXPIRED = "Einwilligung erneuern (neuer Eintrag mit Datum und Ablage) oder die Daten löschen."


def _lapsed(f: str, case: Case, today: dt.date, purpose: str, what: str, loc: Loc, recipient: str | None = None) -> Finding | None:
    """A finding for data whose consent was withdrawn or expired, else None."""
    reason = lapse_reason(case, today, purpose, recipient)
    if reason is None:
        return None
    kind, since = reason
    if kind == "withdrawn":
        return Finding(f, "CONSENT-WITHDRAWN-DATA-LEFT", f"Die Einwilligung '{purpose}' wurde widerrufen, aber {what} enthält noch Daten.",
                       HINT_WITHDRAWN, loc=loc, due=since)
    return Finding(f, "CONSENT-EXPIRED", f"Die Einwilligung '{purpose}' ist abgelaufen, aber {what} enthält noch Daten.",
                   HINT_EXPIRED, loc=loc, due=since)


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
                        loc: Loc = ("disclosures", i)
                        yield _lapsed(f, case, today, purpose, f"die Mitteilung {i + 1} an diesen Betrieb", loc, disc.workplace) or Finding(
                            f, "CONSENT-DISCLOSURE",
                            f"Mitteilung {i + 1} an einen Betrieb ohne gültige Einwilligung '{purpose}', die diesen Betrieb nennt.",
                            f"Einwilligung mit diesem Arbeitsplatz unter {field_name(Consent, 'recipients')} eintragen oder die Mitteilung entfernen.", loc=loc)
            elif not has_live(case, today, purposes, purpose):
                yield _lapsed(f, case, today, purpose, field_name(Case, name), (name,)) or Finding(
                    f, "CONSENT-MISSING", f"{field_name(Case, name)} enthält Daten ohne gültige Einwilligung '{purpose}'.",
                    "Einwilligung eintragen (Zweck, Datum, Ablage) oder die Daten entfernen.", loc=(name,))
        yield from _consents(f, case, today, purposes)


def _consents(f: str, case: Case, today: dt.date, purposes: dict[str, Purpose]) -> Iterator[Finding]:
    """The consents themselves: guardian scope, recipients, expiry coming."""
    for i, con in enumerate(case.consents):
        if not guardian_covers(case, con, purposes):
            yield Finding(f, "CONSENT-GUARDIAN-SCOPE", f"Einwilligung {i + 1} durch die Betreuung liegt außerhalb ihrer Aufgabenkreise.",
                          "Die Person selbst einwilligen lassen oder die Aufgabenkreise der Betreuung prüfen.", loc=("consents", i, "given_by"))
        if purposes.get(con.purpose) is not None and purposes[con.purpose].needs_recipients and not con.recipients:
            yield Finding(f, "CONSENT-NO-RECIPIENT", f"Einwilligung {i + 1} nennt keinen Empfänger.",
                          f"Unter {field_name(Consent, 'recipients')} die Betriebe (Kennungen) nennen, an die Daten gehen dürfen.", loc=("consents", i, "recipients"))
        if (is_live(con, today) and con.valid_until is not None and con.renewal_requested_on is None
                and (days := (con.valid_until - today).days) <= EXPIRY_WARNING_DAYS):
            when = "heute" if days == 0 else ("morgen" if days == 1 else f"in {days} Tagen")
            yield Finding(f, "CONSENT-EXPIRING", f"Einwilligung {i + 1} läuft {when} ab.",
                          f"Rechtzeitig mit der Person (oder Betreuung) über eine Verlängerung sprechen und {field_name(Consent, 'renewal_requested_on')} eintragen.", Severity.WARNING, loc=("consents", i, "valid_until"),
                          due=con.valid_until - dt.timedelta(days=EXPIRY_WARNING_DAYS))
