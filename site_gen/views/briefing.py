"""The employer briefing: exactly what one employer may be told about one person.

Built from the consent filter (:func:`site_gen.views.consented.consented_case`),
so a disclosure reaches the page only while a live consent names this
workplace. Nothing else of the case is in the context: no support needs,
profiles, notes, guardian or other workplaces' items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.consent import live_consents
from ..domain.retention import refuse_past_retention
from ..findings import UserError
from ..records.dataset import Dataset
from .consented import consented_case

PURPOSE = "unterstuetzungsbedarf-an-arbeitgeber"


@dataclass(frozen=True, slots=True)
class BriefingContext:
    """Everything the briefing template may print."""

    today: dt.date
    company: str
    person: str
    items: tuple[str, ...]
    valid_until: dt.date | None
    """Until when the covering consents last (None: no end date)."""
    coach: str | None
    team: str
    team_phone: str
    team_email: str


def find_case_and_workplace(ds: Dataset, case_id: str, workplace_id: str | None = None) -> None:
    """Raise a German :class:`UserError` when the case or workplace is unknown or invalid."""
    if case_id not in ds.cases:
        ds.refuse_unopened(case_id)  # a sealed case this reader cannot open: say so, not "invalid"
        state = "ist ungültig" if ds.exists("cases", case_id) else "gibt es nicht"
        raise UserError(f"Die Akte '{case_id}' {state}.", "Kennung prüfen (der Name des Ordners unter cases/) und 'site-gen check' ausführen.")
    if workplace_id is not None and workplace_id not in ds.workplaces:
        state = "ist ungültig" if ds.exists("workplaces", workplace_id) else "gibt es nicht"
        raise UserError(f"Den Arbeitsplatz '{workplace_id}' {state}.", "Kennung aus workplaces/ angeben (der Name des Ordners).")


def briefing_context(ds: Dataset, case_id: str, workplace_id: str, today: dt.date) -> BriefingContext:
    """The briefing for ``workplace_id`` about ``case_id`` on ``today``.

    Raises :class:`UserError` when no live consent names the workplace or
    nothing is recorded to tell it.
    """
    find_case_and_workplace(ds, case_id, workplace_id)
    refuse_past_retention(ds, case_id, today)
    case = ds.cases[case_id]
    covering = live_consents(case, today, ds.purposes, PURPOSE, workplace_id)
    if not covering:
        raise UserError(
            "Für diesen Betrieb gibt es keine gültige Einwilligung 'unterstuetzungsbedarf-an-arbeitgeber'. Dem Betrieb darf nichts mitgeteilt werden.",
            "Erst eine Einwilligung einholen, die diesen Arbeitsplatz unter 'recipients' nennt (siehe Datenschutz-Seite).",
        )
    allowed = consented_case(case, today, ds.purposes)
    items = tuple(item for d in allowed.disclosures if d.workplace == workplace_id for item in d.items)
    if not items:
        raise UserError("Für diesen Betrieb sind keine Mitteilungen eingetragen.", "Punkte unter 'disclosures' mit diesem Arbeitsplatz eintragen.")
    ends = [c.valid_until for c in covering]
    valid_until = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    coach = ds.staff.get(case.coaches.primary)
    location = ds.locations.get(case.location)
    return BriefingContext(
        today=today,
        company=ds.workplaces[workplace_id].company.name,
        person=f"{case.first_name} {case.last_name}",
        items=items,
        valid_until=valid_until,
        coach=coach.name if coach else None,
        team=location.name if location else "",
        team_phone=location.team_phone if location else "",
        team_email=location.team_email if location else "",
    )
