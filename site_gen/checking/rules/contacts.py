"""Contacts with a company (``contact_log`` of a workplace): references, consent, no health data, follow-ups.

A contact needs no case. When it names one, the note is about that person,
so the case must hold a live consent that names this employer as a recipient
(``profil-an-arbeitgeber`` or ``unterstuetzungsbedarf-an-arbeitgeber``):
CONTACT-CONSENT when there never was one, a task CONTACT-CONSENT-LAPSED when
it was withdrawn or ran out. A note never holds health data: words that sound
like it give the warning CONTACT-HEALTH (the word is not shown). A follow-up
date that passed without a later contact is a task (CONTACT-FOLLOW-UP).
Messages name fields, never values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...domain.consent import shares_with, sharing_lapsed
from ...findings import Finding, Severity
from ...labels import field_name
from ...models.case import Case, Consent
from ...models.workplace import CompanyContact, Workplace
from ...records.dataset import Dataset

HEALTH_WORDS = re.compile(
    r"diagnos|krankheit|erkrank|medikament|psychi|psychose|depressi|epilep|autis|therapie|therapeut|klinik|sucht|"
    r"schizophren|anfall|anfälle|krankschreib|arztbericht|ärztlich|befund|borderline|adhs|trauma",
    re.IGNORECASE)
"""Word stems that suggest health or disability data (DSGVO Art. 9) in a company contact's note."""
HINT_HEALTH = ("Gesundheits- und Behinderungsdaten einer Person gehören nur in die Akte (mit Einwilligung), nie in eine Notiz über den Betrieb. "
               "Die Notiz sachlich fassen, z. B. 'Arbeitszeit und Pausen besprochen'.")


def follow_up_open(contacts: list[CompanyContact], i: int) -> bool:
    """Whether contact ``i`` asks for a follow-up that no later contact has done yet."""
    entry = contacts[i]
    return entry.follow_up is not None and not any(c.date > entry.date for c in contacts)


def case_of(ds: Dataset, cid: str) -> Case | None:
    """Case ``cid`` if loaded (checked or as lookup context)."""
    found = ds.cases.get(cid)
    return found if found is not None else ds.context.get(("cases", cid))


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for wid, wp in ds.workplaces.items():
        f = ds.path_of("workplaces", wid)
        for i in range(len(wp.contact_log)):
            yield from _contact(ds, f, wid, wp, i, today)


def _contact(ds: Dataset, f: str, wid: str, wp: Workplace, i: int, today: dt.date) -> Iterator[Finding]:
    contact = wp.contact_log[i]
    if ds.organisation is not None and contact.by not in ds.staff:
        yield Finding(f, "REF-DANGLING", f"'contact_log.{i}.by': Fachkraft nicht gefunden.", "Kennung aus organisation.yaml (staff) verwenden.",
                      loc=("contact_log", i, "by"))
    if HEALTH_WORDS.search(contact.summary) or (contact.question and HEALTH_WORDS.search(contact.question)):
        yield Finding(f, "CONTACT-HEALTH", f"Kontakt {i + 1}: Die Notiz enthält ein Wort, das nach Gesundheitsdaten klingt.", HINT_HEALTH,
                      Severity.WARNING, loc=("contact_log", i, "summary"))
    if follow_up_open(wp.contact_log, i) and contact.follow_up is not None and contact.follow_up < today:
        yield Finding(f, "CONTACT-FOLLOW-UP", f"Kontakt {i + 1}: Die Wiedervorlage ist fällig, seitdem gab es keinen Kontakt mit dem Betrieb.",
                      "Den Betrieb kontaktieren und den Kontakt eintragen (site-gen kontakt); ein späterer Kontakt erledigt die Wiedervorlage.",
                      Severity.WARNING, loc=("contact_log", i, "follow_up"), due=contact.follow_up)
    if contact.case is not None:
        yield from _about_a_person(ds, f, wid, i, contact.case, today)


def _about_a_person(ds: Dataset, f: str, wid: str, i: int, cid: str, today: dt.date) -> Iterator[Finding]:
    """A contact that names a case: the case exists and allows telling this employer about the person."""
    loc = ("contact_log", i, "case")
    if not ds.exists("cases", cid):
        yield Finding(f, "REF-DANGLING", f"'contact_log.{i}.case': Akte nicht gefunden.", "Kennung einer Akte aus cases/ verwenden oder das Feld entfernen.", loc=loc)
        return
    case = case_of(ds, cid)
    if case is None or shares_with(case, today, ds.purposes, wid):
        return
    lapsed = sharing_lapsed(case, today, ds.purposes, wid)
    if lapsed is not None:
        yield Finding(f, "CONTACT-CONSENT-LAPSED", f"Kontakt {i + 1} betrifft eine Person, deren Einwilligung für diesen Betrieb "
                      + ("widerrufen wurde." if lapsed[0] == "withdrawn" else "abgelaufen ist."),
                      "Die Notiz und den Verweis auf die Akte aus dem Kontakt entfernen (oder die Einwilligung erneuern). "
                      "Die interne Seite zeigt die Notiz schon nicht mehr.", loc=loc, due=lapsed[1])
        return
    yield Finding(f, "CONTACT-CONSENT", f"Kontakt {i + 1} betrifft eine Person, aber die Akte hat keine gültige Einwilligung, die diesen Betrieb nennt.",
                  "In der Akte eine Einwilligung 'profil-an-arbeitgeber' oder 'unterstuetzungsbedarf-an-arbeitgeber' mit diesem Arbeitsplatz "
                  f"unter {field_name(Consent, 'recipients')} eintragen, oder {field_name(CompanyContact, 'case')} aus dem Kontakt entfernen "
                  "und die Notiz ohne Bezug zur Person fassen.", loc=loc)
