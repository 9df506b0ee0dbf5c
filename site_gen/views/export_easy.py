"""'Das wissen wir über dich': the export's summary in Leichte Sprache.

Short sentences, one statement each, digits for numbers, Mediopunkt in
long words, no negations.
"""

from __future__ import annotations

import datetime as dt

from ..domain.consent import has_live
from ..domain.retention import retention_years
from ..models.case import Case, WorkshopArea
from ..records.dataset import Dataset


def _count(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n} {many}"


def easy_summary(ds: Dataset, case: Case, today: dt.date) -> tuple[str, ...]:
    """The summary sentences for ``case`` (one sentence per line)."""
    s = [f"Du heißt {case.first_name} {case.last_name}."]
    area = "im Berufs·bildungs·bereich" if case.workshop_area is WorkshopArea.VOCATIONAL_TRAINING else "im Arbeits·bereich"
    s.append(f"Du bist in der Werkstatt {area}.")
    coach, deputy = ds.staff.get(case.coaches.primary), ds.staff.get(case.coaches.deputy)
    if coach:
        s.append(f"Dein Job·coach heißt {coach.name}.")
    if deputy:
        s.append(f"Deine Vertretung heißt {deputy.name}.")
    if case.guardian:
        s.append(f"Deine gesetzliche Betreuung heißt {case.guardian.name}.")
    if case.wishes or case.interests or case.strengths:
        s.append("Wir haben deine Wünsche, Interessen und Stärken auf·geschrieben.")
    if case.support_needs:
        s.append("Wir haben auf·geschrieben, wobei du Hilfe brauchst.")
    if case.ability_profiles:
        s.append(f"Wir haben {_count(len(case.ability_profiles), 'Mal', 'Mal')} auf·geschrieben, was du gut kannst.")
    if case.goals:
        s.append(f"Du hast {_count(len(case.goals), 'Ziel', 'Ziele')}.")
    if case.placements:
        s.append(f"Du warst in {_count(len(case.placements), 'Betrieb', 'Betrieben')} zum Arbeiten oder für ein Praktikum.")
    if case.enrolments:
        s.append(f"Du warst in {_count(len(case.enrolments), 'Kurs', 'Kursen')}.")
    if case.support_log:
        s.append(f"Wir haben {_count(len(case.support_log), 'Mal', 'Mal')} auf·geschrieben, wie wir dich begleitet haben.")
    for d in case.disclosures:
        wp = ds.workplaces.get(d.workplace)
        if wp and has_live(case, today, ds.purposes, "unterstuetzungsbedarf-an-arbeitgeber", d.workplace):
            s.append(f"Der Betrieb {wp.company.name} darf wissen, wobei du Hilfe brauchst.")
    if case.consents:
        s.append(f"Du hast {_count(len(case.consents), 'Einwilligung', 'Einwilligungen')} gegeben.")
        s.append("Du kannst jede Einwilligung jederzeit zurück·nehmen.")
    s.append(f"Wir löschen deine Akte {retention_years(ds)} Jahre nach dem Ende der Begleitung.")
    s.append("Du darfst jederzeit fragen, was wir über dich wissen.")
    location = ds.locations.get(case.location)
    if location:
        s.append(f"Unsere Telefon·nummer ist {location.team_phone}.")
    return tuple(s)
