"""Which model fields refer to other records, and how the editor offers them.

The reference check (:mod:`site_gen.checking.rules.references`) verifies these on
every commit; here they become relation widgets, so a coach picks from a list
instead of typing an id.
"""

from __future__ import annotations

from typing import Any

from ..models.case import AbilityProfile, Case, Coaches, Consent, Disclosure, Enrolment, LogEntry, Placement
from ..models.module import Module
from ..models.organisation import Staff
from ..models.workplace import Analysis, CompanyContact, Workplace
from .collections import FILES, SETTINGS, folder_of


def _single(name: str, value: str, display: str) -> dict[str, Any]:
    file = next(f for f in FILES if f.name == name)
    return {"collection": SETTINGS, "file": file.name, "value_field": value, "search_fields": [value, display],
            "display_fields": [display]}


def _records(model: type, value: str, display: str, search: list[str]) -> dict[str, Any]:
    return {"collection": folder_of(model).name, "value_field": value, "search_fields": search,
            "display_fields": [value, display] if "*" not in value else [display]}


STAFF = _single("organisation", "staff.*.id", "staff.*.name")
PROVIDERS = _single("organisation", "providers.*.id", "providers.*.name")
ACCESS = _single("organisation", "access_requirements.*.id", "access_requirements.*.label")
PURPOSES = _single("einwilligungszwecke", "purposes.*.id", "purposes.*.label")
WORKPLACES = _records(Workplace, "id", "company.name", ["id", "company.name"])
MODULES = _records(Module, "id", "title", ["id", "title"])
CASES = _records(Case, "id", "last_name", ["id", "first_name", "last_name"])
MENTORS = _records(Workplace, "mentors.*.id", "mentors.*.name", ["mentors.*.id", "mentors.*.name"])

RELATIONS: dict[tuple[type, str], dict[str, Any]] = {
    (Case, "provider"): PROVIDERS, (Workplace, "provider"): PROVIDERS, (Staff, "provider"): PROVIDERS,
    (Coaches, "primary"): STAFF, (Coaches, "deputy"): STAFF, (AbilityProfile, "assessor"): STAFF,
    (LogEntry, "by"): STAFF, (Analysis, "analysed_by"): STAFF, (Module, "trainers"): STAFF,
    (Placement, "workplace"): WORKPLACES, (Disclosure, "workplace"): WORKPLACES,
    (Placement, "mentor"): MENTORS,
    (Enrolment, "module"): MODULES,
    (Enrolment, "requirements_confirmed"): ACCESS, (Module, "access_requirements"): ACCESS,
    (Consent, "purpose"): PURPOSES,
    (CompanyContact, "by"): STAFF, (CompanyContact, "case"): CASES,
}
"""(model, field) → Decap relation options. Locations stay text fields: they are nested two lists deep."""

RATINGS: frozenset[tuple[type, str]] = frozenset({(AbilityProfile, "ratings"), (Workplace, "requirements")})
"""Mappings profile item → rating 1–5: one number field per item of the profile catalogue."""
