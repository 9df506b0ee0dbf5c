"""A deputy suggestion by language (issue 29): native-language support in the tandem.

When the person speaks a language (besides German) that neither coach of the
tandem speaks, the dossier names the jobcoaches of the same location who do,
the same location first, then the provider's other locations, those with free
capacity first.
"""

from __future__ import annotations

from ..models.case import Case
from ..models.organisation import Role
from ..records.dataset import Dataset


def _folded(values: list[str]) -> set[str]:
    return {v.casefold().strip() for v in values}


def deputy_suggestion(ds: Dataset, case: Case) -> str | None:
    """'Vorschlag für die Vertretung: Emre Yıldız (Türkisch)' or None (no need, or nobody fits)."""
    if not case.languages or case.closed is not None:
        return None
    staff = ds.staff
    wanted = _folded(case.languages)
    tandem = [staff[s] for s in (case.coaches.primary, case.coaches.deputy) if s in staff]
    if any(wanted & _folded(s.languages) for s in tandem):
        return None
    load = ds.caseload
    fits = [s for s in staff.values() if Role.JOBCOACH in s.roles and s.provider == case.provider
            and s.id not in (case.coaches.primary, case.coaches.deputy) and wanted & _folded(s.languages)]
    if not fits:
        return None
    fits.sort(key=lambda s: (s.location != case.location, load.get(s.id, 0) >= s.capacity, load.get(s.id, 0) - s.capacity, s.name))
    locations = ds.locations
    names = [f"{s.name} ({', '.join(lang for lang in s.languages if lang.casefold() in wanted)}"
             + ("" if s.location == case.location else f", {locations[s.location].name if s.location in locations else s.location}") + ")"
             for s in fits[:3]]
    return "Niemand im Tandem spricht die Sprache der Person. Vorschlag für die Vertretung: " + ", ".join(names) + "."
