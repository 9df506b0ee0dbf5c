""""Mein Weg": the person's own booklet in Leichte Sprache (issue 31).

Only what the person may see about themself, in their words where the record
holds them: goals, the steps so far, what comes next, who helps, the consents
and how to withdraw them. Nothing about anyone else: no other participant, no
notes, no support needs or ratings, no mentor or contact person, only the
coaches' names and the team's work phone and e-mail. Built from the
consent-filtered view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..domain.consent import is_live
from ..labels import MONTHS
from ..models.case import Case, Consent, EnrolmentStatus, Goal, GoalStatus
from ..models.common import SECTOR_LABELS, PlacementType, Stage
from .consented import Consented

STAGE_WORDS: dict[Stage, str] = {
    Stage.INFO: "Wir lernen uns kennen.",
    Stage.SEARCH: "Wir suchen einen Arbeits·platz für mich.",
    Stage.APPLICATION: "Ich mache meine Bewerbungs·mappe.",
    Stage.INTERVIEW: "Ich stelle mich in einem Betrieb vor.",
    Stage.TRIAL: "Ich probiere die Arbeit in einem Betrieb aus.",
    Stage.REFLECTION: "Wir sprechen über meine Zeit im Betrieb.",
    Stage.TRANSITION: "Ich wechsle auf einen Arbeits·platz im Betrieb.",
}
PLACEMENT_WORDS: dict[PlacementType, str] = {
    PlacementType.INTERNSHIP: "Praktikum", PlacementType.TASTER: "Schnupper·praktikum", PlacementType.TRIAL: "Probe·arbeit",
    PlacementType.INTEGRATION_INTERNSHIP: "Praktikum", PlacementType.OUTSIDE_GROUP: "Arbeit mit meiner Gruppe im Betrieb",
    PlacementType.OUTPLACED: "Arbeits·platz im Betrieb", PlacementType.BUDGET_WORK: "Arbeits·vertrag mit Budget für Arbeit",
    PlacementType.BUDGET_TRAINING: "Ausbildung im Betrieb", PlacementType.REGULAR: "Arbeits·vertrag im Betrieb",
}
GOAL_WORDS: dict[GoalStatus, str] = {
    GoalStatus.OPEN: "Daran arbeite ich.", GoalStatus.IN_PROGRESS: "Daran arbeite ich gerade.",
    GoalStatus.REACHED: "Das habe ich geschafft.", GoalStatus.DROPPED: "Dieses Ziel habe ich geändert.",
}
PURPOSE_WORDS: dict[str, tuple[str, ...]] = {
    "gesundheitsdaten": ("Das Team darf auf·schreiben:", "Das kann ich gut.", "Dabei brauche ich Hilfe."),
    "profil-an-arbeitgeber": ("Das Team darf meine Bewerbungs·mappe an Betriebe geben.",),
    "unterstuetzungsbedarf-an-arbeitgeber": ("Das Team darf einem Betrieb sagen:", "Dabei brauche ich Hilfe."),
    "ifd": ("Das Team darf Angaben über mich an den Integrations·fach·dienst geben.",),
    "bericht-kostentraeger": ("Das Team darf Berichte über mich schicken.", "Die Berichte bekommt das Amt.", "Das Amt bezahlt die Hilfe für mich."),
    "fotos": ("Das Team darf Fotos von mir machen.", "Die Fotos bleiben im Team."),
    "erfolgsgeschichte": ("Das Team darf eine Geschichte über meinen Weg zeigen.", "Alle können die Geschichte lesen."),
    "rueckmeldung": ("Das Team darf meine Antworten auf·schreiben.", "Meine Antworten helfen dem Team."),
}
"""Consent purpose → what it allows, in Leichte Sprache (a purpose of the repository's own falls back to its label)."""


def easy_date(day: dt.date) -> str:
    """``2026-03-05`` → ``5. März 2026`` (the month as a word)."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Event:
    """One step on the way: a day and what happened (one sentence per line)."""

    day: dt.date
    lines: tuple[str, ...]
    picto: str = "haken"

    @property
    def when(self) -> str:
        return easy_date(self.day)


@dataclass(frozen=True, slots=True)
class GoalLine:
    text: str
    status: str
    review: str | None
    """When we talk about the goal again (a sentence), for open goals."""
    picto: str = "ort"
    """A tick only for a goal reached: an open goal is where I want to go (a pin), not something done."""


@dataclass(frozen=True, slots=True)
class ConsentLine:
    lines: tuple[str, ...]
    state: str
    live: bool


@dataclass(frozen=True, slots=True)
class MyWayContext:
    """Everything the booklet shows; no field for anything about another person."""

    first_name: str
    today: dt.date
    goals: list[GoalLine]
    steps: list[Event]
    next: list[Event]
    coach: str
    deputy: str
    location: str
    team_phone: str | None
    team_email: str | None
    consents: list[ConsentLine]
    audio: dict[str, str] = field(default_factory=dict)
    """Section id → spoken version (data: URI), filled in by the edge when the offline voice is installed."""

    @property
    def stand(self) -> str:
        return easy_date(self.today)


def _work(ds: Consented, wid: str) -> str:
    wp = ds.workplaces.get(wid)
    if wp is None:
        return "im Betrieb"
    if wp.posting is not None:
        return wp.posting.title
    return SECTOR_LABELS[wp.company.sector]


def _events(ds: Consented, case: Case) -> list[Event]:
    out = [Event(s.since, (STAGE_WORDS[s.stage],), "ort") for s in case.stages]
    for p in case.placements:
        kind = PLACEMENT_WORDS[p.type]
        out.append(Event(p.start, (f"Ich beginne: {kind}.", f"Meine Arbeit: {_work(ds, p.workplace)}."), "werkzeug"))
        if p.end is not None:
            out.append(Event(p.end, (f"Ende von: {kind}.",), "haken"))
        if p.reflection_on is not None:
            out.append(Event(p.reflection_on, ("Wir sprechen über meine Zeit im Betrieb.",), "menschen"))
    for e in case.enrolments:
        mod = ds.modules.get(e.module)
        title = mod.easy.title if mod else "ein Kurs"
        out.append(Event(e.start, (f"Mein Kurs beginnt: {title}.",), "aufgabe"))
        if e.end is not None and e.status is EnrolmentStatus.COMPLETED:
            out.append(Event(e.end, ("Ich habe den Kurs geschafft.",), "haken"))
    return sorted(out, key=lambda e: e.day)


def _reviews(case: Case, today: dt.date) -> list[Event]:
    """The next talk about each open goal (a date already passed: the talk is still to come, "bald")."""
    return [Event(g.review_on, ("Wir sprechen über mein Ziel:", g.goal), "menschen") for g in case.goals
            if g.status in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS) and g.review_on > today]


def _goal(g: Goal, today: dt.date) -> GoalLine:
    if g.status not in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS):
        return GoalLine(g.goal, GOAL_WORDS[g.status], None, "haken" if g.status is GoalStatus.REACHED else "aufgabe")
    review = f"Wir sprechen wieder darüber am {easy_date(g.review_on)}." if g.review_on > today else "Wir sprechen bald wieder darüber."
    return GoalLine(g.goal, GOAL_WORDS[g.status], review)


def _consent_line(ds: Consented, con: Consent, today: dt.date) -> ConsentLine:
    purpose = ds.purposes.get(con.purpose)
    lines = PURPOSE_WORDS.get(con.purpose, (purpose.label if purpose else con.purpose,))
    if con.withdrawn_on is not None and con.withdrawn_on <= today:
        state = f"Ich habe das zurück·genommen am {easy_date(con.withdrawn_on)}."
    elif con.valid_until is not None and con.valid_until < today:
        state = f"Das galt bis {easy_date(con.valid_until)}."
    elif con.valid_until is not None:
        state = f"Das gilt vom {easy_date(con.given_on)} bis {easy_date(con.valid_until)}."
    else:
        state = f"Das gilt seit {easy_date(con.given_on)}."
    return ConsentLine(lines, state, is_live(con, today))


def my_way(ds: Consented, cid: str, today: dt.date) -> MyWayContext:
    """The booklet of case ``cid`` (from the consent-filtered view)."""
    case = ds.cases[cid]
    events = _events(ds, case)
    upcoming = sorted([e for e in events if e.day > today] + _reviews(case, today), key=lambda e: e.day)
    loc = ds.locations.get(case.location)
    coach, deputy = ds.staff.get(case.coaches.primary), ds.staff.get(case.coaches.deputy)
    goals = [_goal(g, today) for g in case.goals]
    return MyWayContext(
        first_name=case.first_name, today=today, goals=goals,
        steps=[e for e in events if e.day <= today], next=upcoming,
        coach=coach.name if coach else "", deputy=deputy.name if deputy else "",
        location=loc.name if loc else "", team_phone=loc.team_phone if loc else None, team_email=loc.team_email if loc else None,
        consents=[_consent_line(ds, c, today) for c in case.consents],
    )
