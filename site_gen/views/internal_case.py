"""The participant dossier (``akten/<id>.md``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..domain.consent import guardian_covers, is_live
from ..domain.stage_path import access_routes, path_for, stage_label
from ..labels import recipient
from ..models.case import Case, Consent, PlacementStatus
from ..models.common import Stage
from ..records.dataset import Dataset
from ..records.git import Change
from .after_placement import AfterSection, case_section
from .bericht_hint import report_hint
from .consented import Consented
from .deputy import deputy_suggestion
from .internal import Link, case_path, label, location_name, module_link, staff_link, workplace_link
from .internal_deadlines import CONSENT_DAYS, Deadline, case_deadlines
from .internal_log import Intensity, intensity
from .internal_path import PathView, path_view
from .matching import CaseSection
from .matching import case_section as matching_for_case
from .self_assessment import SelfComparison, compare_views, is_self


@dataclass(frozen=True, slots=True)
class StageRow:
    stage: str
    since: dt.date
    days: int
    note: str | None
    current: bool


@dataclass(frozen=True, slots=True)
class ProfileRow:
    item: str
    group: str
    rating: int
    requirement: int | None


@dataclass(frozen=True, slots=True)
class ProfileView:
    instrument: str
    date: dt.date
    assessor: Link
    compared_with: Link | None
    rows: list[ProfileRow]

    @property
    def series(self) -> list[str]:
        return ["Fähigkeit"] + ([f"Anforderung {self.compared_with.text}"] if self.compared_with else [])

    @property
    def chart_rows(self) -> list[tuple[str, list[float | None]]]:
        return [(r.item, [r.rating] + ([r.requirement] if self.compared_with else [])) for r in self.rows]


@dataclass(frozen=True, slots=True)
class PlacementRow:
    type: str
    workplace: Link
    start: dt.date
    end: dt.date | None
    hours: str
    status: str
    outcome: str | None
    mentor: str | None
    contract_signed: bool
    reflection_on: dt.date | None


@dataclass(frozen=True, slots=True)
class ConsentRow:
    purpose: str
    recipients: list[Link]
    given_by: str
    given_on: dt.date
    valid_until: dt.date | None
    withdrawn_on: dt.date | None
    state: str
    live: bool
    document: str


@dataclass(frozen=True, slots=True)
class PurposeState:
    """Consent state of one purpose at a glance: the best consent of that purpose decides."""

    purpose: str
    state: str
    """"live", "expiring", "withdrawn", "expired", "invalid" or "future"."""
    text: str


GLANCE_ORDER = {"live": 0, "expiring": 1, "future": 2, "invalid": 3, "expired": 4, "withdrawn": 5}
GLANCE_MARK = {"live": "✓", "expiring": "!", "future": "…", "invalid": "✗", "expired": "✗", "withdrawn": "✗"}


def purpose_states(case: Case, ds: Dataset, today: dt.date) -> list[PurposeState]:
    """One entry per consent purpose of the case: live / expiring / withdrawn … (best consent wins)."""
    best: dict[str, tuple[int, PurposeState]] = {}
    for con in case.consents:
        label_ = ds.purposes[con.purpose].label if con.purpose in ds.purposes else con.purpose
        text = consent_state(case, con, ds, today)
        if con.withdrawn_on is not None and con.withdrawn_on <= today:
            state, text = "withdrawn", f"widerrufen am {con.withdrawn_on.strftime('%d.%m.%Y')}"
        elif con.given_on > today:
            state = "future"
        elif con.valid_until is not None and con.valid_until < today:
            state, text = "expired", f"abgelaufen am {con.valid_until.strftime('%d.%m.%Y')}"
        elif not guardian_covers(case, con, ds.purposes):
            state = "invalid"
        elif con.valid_until is not None and (con.valid_until - today).days <= CONSENT_DAYS:
            state = "expiring"
            days = (con.valid_until - today).days
            text = f"gültig, läuft am {con.valid_until.strftime('%d.%m.%Y')} ab (in {days} {'Tag' if days == 1 else 'Tagen'})"
        else:
            state = "live"
            text = "gültig" + (f" bis {con.valid_until.strftime('%d.%m.%Y')}" if con.valid_until else "")
        entry = PurposeState(label_, state, text)
        rank = GLANCE_ORDER[state]
        if con.purpose not in best or rank < best[con.purpose][0]:
            best[con.purpose] = (rank, entry)
    return [e for _, e in sorted(best.values(), key=lambda t: (t[0], t[1].purpose))]


@dataclass(frozen=True, slots=True)
class CurrentPlacement:
    text: str
    workplace: Link
    start: dt.date
    end: dt.date | None
    status: str


@dataclass(frozen=True, slots=True)
class DossierContext:
    page: str
    today: dt.date
    case: Case
    name: str
    provider: str
    location: str
    labels: dict[str, str]
    primary: Link
    deputy: Link
    stages: list[StageRow]
    profiles: list[ProfileView]
    placements: list[PlacementRow]
    enrolments: list[tuple[Link, Any]]
    workplaces: list[Link]
    log: Intensity
    log_by: dict[str, str]
    consents: list[ConsentRow]
    disclosures: list[tuple[Link, list[str]]]
    deadlines: list[Deadline]
    changes: list[Change]
    source: str
    matching: CaseSection | None
    glance: list[PurposeState]
    current: list[CurrentPlacement]

    @property
    def log_rows(self) -> list[Any]:
        """Support-log periods with minutes (no rows of zeros)."""
        return [p for p in self.log.periods if p.minutes]

    @property
    def log_rows_label(self) -> str:
        n = len(self.log_rows)
        unit = self.log.unit if n == 1 else {"Woche": "Wochen", "Monat": "Monate"}.get(self.log.unit, self.log.unit)
        return f"{n} {unit}"

    @property
    def next_deadlines(self) -> list[Deadline]:
        return self.deadlines[:3]

    @property
    def search_text(self) -> str:
        """The indexed summary line of the record (search excerpts come from here)."""
        parts = [f"{self.case.id}", f"Phase {self.labels['stage']}", f"{self.location}, {self.provider}",
                 f"Tandem {self.primary.text} und {self.deputy.text}"]
        if self.workplaces:
            parts.append("Betriebe: " + ", ".join(w.text for w in self.workplaces))
        if self.enrolments:
            parts.append("Kurse: " + ", ".join(link.text for link, _ in self.enrolments))
        if self.deadlines:
            parts.append("Fristen: " + ", ".join(dict.fromkeys(d.kind for d in self.deadlines)))
        return " · ".join(parts)
    report: Any = None
    """Pointer to the report draft (:mod:`.report_hint`), when the record has a cost approval."""
    after: AfterSection | None = None
    own_view: SelfComparison | None = None
    """The person's self-assessment beside the coach's (issue 31), when both exist."""
    path: PathView | None = None
    access: str | None = None
    deputy_hint: str | None = None
    """A deputy who speaks the person's language (issue 29)."""
    """How the person came in: route label and day (issue 29)."""
    """The provider's path with the person's position (issue 29)."""

    @property
    def stage_lanes(self) -> list[tuple[str, dt.date, dt.date | None, int]]:
        """Timeline bars of the stage history (the current one open-ended)."""
        out = []
        for i, row in enumerate(self.stages):
            end = self.stages[i + 1].since if i + 1 < len(self.stages) else self.case.closed
            out.append((row.stage, row.since, end, STAGE_ORDER.index(self.case.stages[i].stage)))
        return out

    @property
    def placement_lanes(self) -> list[tuple[str, dt.date, dt.date | None, int]]:
        return [(f"{p.type}: {p.workplace.text}", p.start, p.end, i) for i, p in enumerate(self.placements)]

    @property
    def log_points(self) -> list[tuple[str, float]]:
        return [(p.label, p.minutes) for p in self.log.periods]


def consent_state(case: Case, con: Consent, ds: Dataset, today: dt.date) -> str:
    """German state of one consent on ``today``."""
    if con.withdrawn_on is not None and con.withdrawn_on <= today:
        return "widerrufen"
    if con.given_on > today:
        return "noch nicht gültig"
    if con.valid_until is not None and con.valid_until < today:
        return "abgelaufen"
    if not guardian_covers(case, con, ds.purposes):
        return "ungültig: außerhalb der Aufgabenkreise der Betreuung"
    if con.valid_until is not None and (con.valid_until - today).days <= CONSENT_DAYS:
        return f"gültig, läuft in {(con.valid_until - today).days} Tagen ab"
    return "gültig"


def _stages(ds: Dataset, case: Case, today: dt.date) -> list[StageRow]:
    out = []
    path = path_for(ds, case)
    for i, entry in enumerate(case.stages):
        until = case.stages[i + 1].since if i + 1 < len(case.stages) else (case.closed or today)
        out.append(StageRow(stage_label(path, entry.stage), entry.since, max((until - entry.since).days, 0), entry.note, i == len(case.stages) - 1))
    return out


def _current_workplace(case: Case, today: dt.date) -> str | None:
    running = [p for p in case.placements if p.status is PlacementStatus.RUNNING and p.start <= today]
    planned = [p for p in case.placements if p.status is PlacementStatus.PLANNED]
    pick = running or planned
    return pick[-1].workplace if pick else None


def _profiles(ds: Dataset, case: Case, today: dt.date) -> list[ProfileView]:
    wid = _current_workplace(case, today)
    wp = ds.workplaces.get(wid) if wid else None
    newest = max((p for p in case.ability_profiles if not is_self(p)), key=lambda p: p.date, default=None)
    out = []
    for prof in sorted(case.ability_profiles, key=lambda p: p.date, reverse=True):
        compare = wp if prof is newest and wp is not None and wp.requirements else None
        rows = []
        for item, rating in prof.ratings.items():
            meta = ds.profile_items.get(item)
            rows.append(ProfileRow(meta.label if meta else item, meta.group if meta else "", rating,
                                   compare.requirements.get(item) if compare else None))
        assessor = Link("der Person selbst", "") if is_self(prof) else staff_link(ds, prof.assessor)
        out.append(ProfileView(ds.programmes.instrument(prof.instrument), prof.date, assessor,
                               workplace_link(ds, wid) if compare and wid else None, rows))
    return out


def _consents(ds: Dataset, case: Case, today: dt.date) -> list[ConsentRow]:
    out = []
    for con in case.consents:
        purpose = ds.purposes.get(con.purpose)
        recipients = [workplace_link(ds, r) if r in ds.workplaces else Link(recipient(r) or r, "")
                      for r in con.recipients]
        out.append(ConsentRow(purpose.label if purpose else con.purpose, recipients, label(con.given_by), con.given_on, con.valid_until,
                              con.withdrawn_on, consent_state(case, con, ds, today),
                              is_live(con, today) and guardian_covers(case, con, ds.purposes), con.document))
    return out


def dossier(ds: Consented, cid: str, today: dt.date, changes: list[Change] | None = None) -> DossierContext:
    """Context of one dossier (from the consent-filtered dataset)."""
    case = ds.cases[cid]
    provider = ds.providers.get(case.provider)
    placements = [PlacementRow(label(p.type), workplace_link(ds, p.workplace), p.start, p.end,
                               f"{p.hours_per_day:g} h/Tag, {p.hours_per_week:g} h/Woche", label(p.status),
                               label(p.outcome) if p.outcome else None, _mentor(ds, p.workplace, p.mentor), p.contract_signed, p.reflection_on)
                  for p in sorted(case.placements, key=lambda p: p.start)]
    labels = {"area": label(case.workshop_area), "cost_bearer": label(case.cost_bearer), "stage": label(case.stage)}
    return DossierContext(
        page=case_path(cid), today=today, case=case, name=f"{case.first_name} {case.last_name}",
        provider=provider.name if provider else case.provider, location=location_name(ds, case.location), labels=labels,
        primary=staff_link(ds, case.coaches.primary), deputy=staff_link(ds, case.coaches.deputy),
        stages=_stages(ds, case, today), profiles=_profiles(ds, case, today), placements=placements,
        enrolments=[(module_link(ds, e.module), e) for e in case.enrolments],
        workplaces=[workplace_link(ds, w) for w in dict.fromkeys(p.workplace for p in case.placements)],
        log=intensity(case.support_log), log_by={e.by: staff_link(ds, e.by).text for e in case.support_log},
        consents=_consents(ds, case, today),
        disclosures=[(workplace_link(ds, d.workplace), list(d.items)) for d in case.disclosures],
        deadlines=case_deadlines(ds, case, today), changes=changes or [], source=ds.path_of("cases", cid),
        matching=matching_for_case(ds, cid, today), report=report_hint(ds, case, today), after=case_section(ds, case, today),
        glance=purpose_states(case, ds, today), current=_current(ds, case, today), path=path_view(ds, case),
        own_view=compare_views(ds, case, today),
        access=access_text(ds, case), deputy_hint=deputy_suggestion(ds, case),
    )


def access_text(ds: Dataset, case: Case) -> str | None:
    """'DuoDay (am 04.05.2026)' for the dossier (None: not recorded)."""
    if case.access is None:
        return None
    name = access_routes(ds).get(case.access.route, case.access.route)
    return name + (f" (am {case.access.date.strftime('%d.%m.%Y')})" if case.access.date else "")


def _current(ds: Dataset, case: Case, today: dt.date) -> list[CurrentPlacement]:
    """Placements running today, else the planned ones."""
    running = [p for p in case.placements if p.status is PlacementStatus.RUNNING and p.start <= today]
    pick = running or [p for p in case.placements if p.status is PlacementStatus.PLANNED]
    return [CurrentPlacement(label(p.type), workplace_link(ds, p.workplace), p.start, p.end, label(p.status))
            for p in sorted(pick, key=lambda p: p.start)]


def _mentor(ds: Dataset, wid: str, mentor: str | None) -> str | None:
    wp = ds.workplaces.get(wid)
    if mentor is None or wp is None:
        return mentor
    return next((m.name for m in wp.mentors if m.id == mentor), mentor)


STAGE_ORDER: list[Stage] = list(Stage)
