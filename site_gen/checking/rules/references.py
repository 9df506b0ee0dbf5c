"""Every reference resolves: workplaces, modules, staff, locations, providers, catalogues."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Loc
from ...labels import field_name
from ...models.case import AbilityProfile, Case
from ...models.module import Module
from ...models.programmes import SELF_ASSESSMENT
from ...records.dataset import ORGANISATION_FILE, Dataset
from ...records.validate import dotted
from .after_placement import ifd_ids

CONSENT_RECIPIENTS = frozenset({"ifd", "kostentraeger"})


def _dangling(file: str, loc: Loc, what: str, hint: str) -> Finding:
    return Finding(file, "REF-DANGLING", f"'{dotted(loc)}': {what} nicht gefunden.", hint, loc=loc)


STAFF_HINT = "Kennung aus organisation.yaml (staff) verwenden."


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    if ds.organisation is None:
        # organisation.yaml is missing or broken: its own findings say why. Every
        # provider, location and staff reference would dangle, so they wait
        # until it is fixed (one clear error instead of hundreds of follow-ons).
        yield from _records_only(ds)
        return
    for staff in ds.staff.values():
        if staff.provider not in ds.providers:
            yield _dangling(ORGANISATION_FILE, ("staff",), "Träger", "Kennung aus 'providers' verwenden.")
        elif staff.location not in ds.locations:
            yield _dangling(ORGANISATION_FILE, ("staff",), "Standort", "Kennung eines Standorts verwenden.")
    for item in ds.organisation.profile_items:
        if ds.catalogue and any(i.id == item.id for i in ds.catalogue.items):
            yield Finding(ORGANISATION_FILE, "ID-DUPLICATE", f"Profilmerkmal '{item.id}' steht schon im gemeinsamen Katalog.",
                          "Eigene Merkmale brauchen eine neue Kennung.", loc=("profile_items",))
    for cid, case in ds.cases.items():
        yield from _case(ds, ds.path_of("cases", cid), case)
    for wid, wp in ds.workplaces.items():
        f = ds.path_of("workplaces", wid)
        yield from _place(ds, f, wp.provider, wp.location)
        if wp.analysis is not None and wp.analysis.analysed_by not in ds.staff:
            yield _dangling(f, ("analysis", "analysed_by"), "Fachkraft", STAFF_HINT)
        yield from _ratings(ds, f, ("requirements",), wp.requirements)
    for mid, mod in ds.modules.items():
        yield from _module(ds, ds.path_of("modules", mid), mod)


def _module(ds: Dataset, f: str, mod: Module) -> Iterator[Finding]:
    for i, trainer in enumerate(mod.trainers):
        if trainer not in ds.staff:
            yield _dangling(f, ("trainers", i), "Fachkraft", STAFF_HINT)
    for i, req in enumerate(mod.access_requirements):
        if req not in ds.access_requirements:
            yield _dangling(f, ("access_requirements", i), "Zugangsvoraussetzung", "Kennung aus organisation.yaml (access_requirements) verwenden.")
    for i, loc in enumerate(mod.locations):  # issue 29: courses per location
        if loc not in ds.locations:
            yield _dangling(f, ("locations", i), "Standort", "Kennung eines Standorts aus organisation.yaml (providers › locations) verwenden: "
                            + ", ".join(ds.locations) + ".")


def _case(ds: Dataset, f: str, case: Case) -> Iterator[Finding]:
    yield from _place(ds, f, case.provider, case.location)
    for role in ("primary", "deputy"):
        if getattr(case.coaches, role) not in ds.staff:
            yield _dangling(f, ("coaches", role), "Fachkraft", STAFF_HINT)
    yield from _profiles(ds, f, case)
    for i, pl in enumerate(case.placements):
        wp = ds.workplace(pl.workplace)
        if not ds.exists("workplaces", pl.workplace):
            yield _dangling(f, ("placements", i, "workplace"), "Arbeitsplatz", "Dateiname (ohne .yaml) aus workplaces/ verwenden.")
        elif wp is not None and pl.mentor is not None and pl.mentor not in {m.id for m in wp.mentors}:
            yield _dangling(f, ("placements", i, "mentor"), "Mentor:in", "Kennung aus 'mentors' im Arbeitsplatzprofil verwenden.")
    for i, en in enumerate(case.enrolments):
        if not ds.exists("modules", en.module):
            yield _dangling(f, ("enrolments", i, "module"), "Modul", "Dateiname (ohne .yaml) aus modules/ verwenden.")
        for j, req in enumerate(en.requirements_confirmed):
            if req not in ds.access_requirements:
                yield _dangling(f, ("enrolments", i, "requirements_confirmed", j), "Zugangsvoraussetzung", "Kennung aus organisation.yaml (access_requirements) verwenden.")
    for i, entry in enumerate(case.support_log):
        if entry.by not in ds.staff:
            yield _dangling(f, ("support_log", i, "by"), "Fachkraft", STAFF_HINT)
    for i, disc in enumerate(case.disclosures):
        if not ds.exists("workplaces", disc.workplace):
            yield _dangling(f, ("disclosures", i, "workplace"), "Arbeitsplatz", "Dateiname (ohne .yaml) aus workplaces/ verwenden.")
    yield from _consents(ds, f, case)
    yield from _feedback(ds, f, case)


def _profiles(ds: Dataset, f: str, case: Case) -> Iterator[Finding]:
    """Assessors and rated items of the ability profiles (a self-assessment is made by the person: issue 31)."""
    for i, prof in enumerate(case.ability_profiles):
        if prof.instrument == SELF_ASSESSMENT:  # the person's own view: the person is the assessor
            if prof.assessor != case.id:
                yield Finding(f, "REF-SELF-ASSESSOR", f"'{dotted(('ability_profiles', i, 'assessor'))}': Eine Selbsteinschätzung macht die Person selbst.",
                              f"Bei 'selbsteinschaetzung' die Kennung der Akte als {field_name(AbilityProfile, 'assessor')} eintragen; schätzt eine Fachkraft ein, "
                              "ein anderes Verfahren wählen.", loc=("ability_profiles", i, "assessor"))
        elif prof.assessor not in ds.staff:
            yield _dangling(f, ("ability_profiles", i, "assessor"), "Fachkraft", STAFF_HINT)
        yield from _ratings(ds, f, ("ability_profiles", i, "ratings"), prof.ratings)


def _consents(ds: Dataset, f: str, case: Case) -> Iterator[Finding]:
    for i, con in enumerate(case.consents):
        if con.purpose not in ds.purposes:
            yield _dangling(f, ("consents", i, "purpose"), "Zweck", "Zweck aus schema/consent-purposes.yaml verwenden: " + ", ".join(ds.purposes) + ".")
        for j, rec in enumerate(con.recipients):
            if rec not in CONSENT_RECIPIENTS and not ds.exists("workplaces", rec) and rec not in ifd_ids(ds):
                yield _dangling(f, ("consents", i, "recipients", j), "Empfänger", "Kennung eines Arbeitsplatzes, eines IFD (ifd_services) oder 'ifd' / 'kostentraeger' verwenden.")


def _records_only(ds: Dataset) -> Iterator[Finding]:
    """References between records and catalogues only (no organisation)."""
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        for i, pl in enumerate(case.placements):
            if not ds.exists("workplaces", pl.workplace):
                yield _dangling(f, ("placements", i, "workplace"), "Arbeitsplatz", "Dateiname (ohne .yaml) aus workplaces/ verwenden.")
        for i, en in enumerate(case.enrolments):
            if not ds.exists("modules", en.module):
                yield _dangling(f, ("enrolments", i, "module"), "Modul", "Dateiname (ohne .yaml) aus modules/ verwenden.")
        for i, con in enumerate(case.consents):
            if con.purpose not in ds.purposes:
                yield _dangling(f, ("consents", i, "purpose"), "Zweck", "Zweck aus schema/consent-purposes.yaml verwenden: " + ", ".join(ds.purposes) + ".")


def _place(ds: Dataset, f: str, provider: str, location: str) -> Iterator[Finding]:
    if provider not in ds.providers:
        yield _dangling(f, ("provider",), "Träger", "Kennung aus organisation.yaml (providers) verwenden.")
    elif location not in ds.locations:
        yield _dangling(f, ("location",), "Standort", "Kennung eines Standorts aus organisation.yaml verwenden.")
    elif ds.provider_of_location[location] != provider:
        yield Finding(f, "REF-MISMATCH", "Der Standort gehört nicht zu diesem Träger.", "Träger und Standort prüfen.", loc=("location",))


def _ratings(ds: Dataset, f: str, loc: Loc, ratings: dict[str, int]) -> Iterator[Finding]:
    if not ds.profile_items:
        return
    for item in ratings:
        if item not in ds.profile_items:
            yield Finding(f, "REF-DANGLING", f"Profilmerkmal '{item}' steht nicht im Profilkatalog.",
                          "Merkmal aus schema/profile-catalogue.yaml verwenden oder in organisation.yaml (profile_items) ergänzen.", loc=(*loc, item))


def _feedback(ds: Dataset, f: str, case: Case) -> Iterator[Finding]:
    """The placement or course a feedback is about (issue 31)."""
    for i, fb in enumerate(case.feedback):
        if fb.module is not None and not ds.exists("modules", fb.module):
            yield _dangling(f, ("feedback", i, "module"), "Modul", "Dateiname (ohne .yaml) aus modules/ verwenden.")
        if fb.placement is not None and fb.placement > len(case.placements):
            yield _dangling(f, ("feedback", i, "placement"), "Platzierung", f"Die Nummer der Platzierung in {field_name(Case, 'placements')} angeben (1 = erster Eintrag).")
