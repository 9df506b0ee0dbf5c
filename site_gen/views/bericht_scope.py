"""What a development report for the cost bearer may contain (consent scope).

A report needs a live consent ``bericht-kostentraeger``. That consent covers
the documentation-duty parts of the record a report consists of (goals,
stages, placements, courses, minutes of support). Two parts need more, and
the signed consent names them under ``data``:

* the person's name: an entry "Name" (or "Vor- und Nachname");
* ability profiles (health data): an entry "Fähigkeitsprofil", and the
  consent ``gesundheitsdaten`` must be live as well.

Everything else in a record (notes, support needs, disclosures, wishes,
the guardian's name) never goes into a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.consent import has_live, lapse_reason, live_consents
from ..findings import UserError
from ..models.case import Case
from ..records.dataset import Dataset

PURPOSE = "bericht-kostentraeger"
HEALTH = "gesundheitsdaten"
NAME_ENTRIES = frozenset({"name", "vor- und nachname", "vorname und nachname", "vorname, nachname"})
PROFILE_ENTRIES = frozenset({"fähigkeitsprofil", "fähigkeitsprofile"})


@dataclass(frozen=True, slots=True)
class ReportScope:
    """The live report consent (its index in ``consents``) and what it covers."""

    consent_index: int
    name: bool
    abilities: bool
    health_index: int | None
    """Index of the live ``gesundheitsdaten`` consent the profiles rest on."""


def _covers(data: list[str], entries: frozenset[str]) -> bool:
    return any(d.strip().casefold() in entries for d in data)


def report_scope(ds: Dataset, case: Case, today: dt.date) -> ReportScope:
    """The scope of the report for ``case`` on ``today``; UserError without a live consent."""
    live = live_consents(case, today, ds.purposes, PURPOSE)
    if not live:
        reason = lapse_reason(case, today, PURPOSE)
        why = {"withdrawn": "wurde widerrufen", "expired": "ist abgelaufen"}.get(reason[0], "fehlt") if reason else "fehlt"
        raise UserError(
            f"REPORT-NO-CONSENT Kein Entwicklungsbericht für '{case.id}': die Einwilligung „Berichte an den Kostenträger“ {why}.",
            f"Erst mit der Person (oder der Betreuung) sprechen und die Einwilligung unter 'consents' eintragen (Zweck '{PURPOSE}'); "
            "soll der Name im Bericht stehen, unter 'data' „Name“ nennen, für Fähigkeitsprofile „Fähigkeitsprofil“.",
        )
    data = [d for c in live for d in c.data]
    index = case.consents.index(live[0])
    health = live_consents(case, today, ds.purposes, HEALTH) if has_live(case, today, ds.purposes, HEALTH) else []
    abilities = _covers(data, PROFILE_ENTRIES) and bool(health)
    return ReportScope(index, _covers(data, NAME_ENTRIES), abilities, case.consents.index(health[0]) if abilities else None)
