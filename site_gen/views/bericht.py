"""The development report (Entwicklungsbericht) as pure content with citations.

:func:`report_content` turns one case into sections of statements, tables
and gaps. Every statement and every table row carries its sources: the
record field (``support_log[3].date``) and the date found there, so the coach
can check each line before sending. Text the coach must write is a
:class:`Gap`, never invented. Only what :mod:`.report_scope` allows goes in;
the renderer (:mod:`site_gen.render.docx`) never looks at the case.
"""

from __future__ import annotations

import datetime as dt

from ..domain.approvals import current_approval
from ..findings import UserError
from ..models.case import Case, CostApproval, GoalStatus, PlacementStatus
from ..records.dataset import Dataset
from .bericht_blocks import Gap, Note, ReportContent, Row, Section, Source, Statement, Table, day, in_entry_files
from .bericht_profile import profile_section
from .bericht_scope import ReportScope, report_scope
from .bericht_support import support_section
from .consented import Consented
from .internal import label

OPEN_GOALS = (GoalStatus.OPEN, GoalStatus.IN_PROGRESS)


def report_period(case: Case, today: dt.date, start: dt.date | None, end: dt.date | None) -> tuple[tuple[dt.date, dt.date], CostApproval | None]:
    """The period asked for, else the current approval's period, else the 12 months up to ``today``."""
    approval = current_approval(case, today)
    if start is None:
        start = approval.start if approval else today - dt.timedelta(days=365)
    if end is None:
        end = approval.end if approval and approval.end >= start else max(start, today)
    if end < start:
        raise UserError("REPORT-PERIOD Der Berichtszeitraum endet vor seinem Beginn.", "--von muss vor --bis liegen (JJJJ-MM-TT).")
    return (start, end), approval


def _cover(ds: Dataset, case: Case, scope: ReportScope, period: tuple[dt.date, dt.date], approval: CostApproval | None, today: dt.date) -> Section:
    sec = Section("Angaben zur Person und zur Maßnahme")
    consent = case.consents[scope.consent_index]
    given = Source(f"consents[{scope.consent_index}].given_on", consent.given_on)
    opened = Source("opened", case.opened)
    rows = [Row(("Kennung (pseudonym)", case.id), (opened,))]
    if scope.name:
        rows.append(Row(("Name", f"{case.first_name} {case.last_name}"), (given,)))
    rows.append(Row(("Werkstattbereich", label(case.workshop_area)), (opened,)))
    if approval is not None:
        i = case.cost_approvals.index(approval)
        src = (Source(f"cost_approvals[{i}].start", approval.start), Source(f"cost_approvals[{i}].end", approval.end))
        rows += [Row(("Kostenträger", label(approval.bearer)), src), Row(("Maßnahme", ds.programmes.measure(approval.measure)), src),
                 Row(("Bewilligungszeitraum", f"{day(approval.start)} bis {day(approval.end)}"), src),
                 Row(("Aktenzeichen", approval.file_ref), src)]
    rows.append(Row(("Berichtszeitraum", f"{day(period[0])} bis {day(period[1])}"), ()))
    rows.append(Row(("Entwurf erstellt am", day(today)), ()))
    coach = ds.staff.get(case.coaches.primary)
    if coach is not None:
        rows.append(Row(("Jobcoach", coach.name), (opened,)))
    sec.blocks.append(Table(("Angabe", "Wert"), tuple(rows)))
    if not scope.name:
        sec.blocks.append(Note("Der Name steht nicht im Bericht: die Einwilligung für Berichte an den Kostenträger nennt ihn nicht."))
    if approval is None:
        sec.blocks.append(Gap("Keine Kostenzusage in der Akte: Kostenträger, Maßnahme, Zeitraum und Aktenzeichen ergänzen."))
    return sec


def _goals(case: Case, period: tuple[dt.date, dt.date]) -> Section:
    sec = Section("Teilhabeziele und Maßnahmen")
    start, end = period
    for i, g in enumerate(case.goals):
        if g.agreed_on > end or (g.status not in OPEN_GOALS and g.review_on < start):
            continue
        src = (Source(f"goals[{i}].agreed_on", g.agreed_on), Source(f"goals[{i}].review_on", g.review_on))
        sec.blocks.append(Statement(f"Ziel: {g.goal} Vereinbart am {day(g.agreed_on)}, Überprüfung am {day(g.review_on)}, "
                                    f"Stand: {label(g.status)}.", src))
        for m in g.measures:
            sec.blocks.append(Statement(f"Maßnahme: {m}", (src[0],), bullet=True))
    if not sec.blocks:
        sec.blocks.append(Note("Im Berichtszeitraum sind keine Teilhabeziele eingetragen."))
    sec.blocks.append(Gap("Wie weit ist die Person ihren Zielen gekommen? Einschätzung in eigenen Worten, mit der Person besprochen."))
    return sec


def _course(ds: Dataset, case: Case, period: tuple[dt.date, dt.date]) -> Section:
    sec = Section("Verlauf im Berichtszeitraum")
    start, end = period
    stages = [(i, s) for i, s in enumerate(case.stages) if s.since <= end]
    before = [(i, s) for i, s in stages if s.since < start]
    shown = before[-1:] + [(i, s) for i, s in stages if s.since >= start]
    for i, s in shown:
        when = f"Zu Beginn des Zeitraums (seit {day(s.since)})" if s.since < start else f"Ab {day(s.since)}"
        sec.blocks.append(Statement(f"{when}: Phase „{label(s.stage)}“.", (Source(f"stages[{i}].since", s.since),), bullet=True))
    rows = []
    for i, p in sorted(enumerate(case.placements), key=lambda ip: ip[1].start):
        if p.start > end or (p.end is not None and p.end < start):
            continue
        wp = ds.workplaces.get(p.workplace)
        until = day(p.end) if p.end else "offen"
        result = label(p.status) + (f", Ergebnis: {label(p.outcome)}" if p.outcome else "")
        src = [Source(f"placements[{i}].start", p.start)] + ([Source(f"placements[{i}].end", p.end)] if p.end else [])
        rows.append(Row((label(p.type), wp.company.name if wp else p.workplace, f"{day(p.start)} bis {until}",
                         f"{p.hours_per_day:g} Std./Tag, {p.hours_per_week:g} Std./Woche", result), tuple(src)))
    if rows:
        sec.blocks.append(Table(("Art", "Betrieb", "Zeitraum", "Arbeitszeit", "Stand"), tuple(rows), "Platzierungen in Betrieben"))
    else:
        sec.blocks.append(Note("Im Berichtszeitraum gab es keine Platzierung in einem Betrieb."))
    sec.blocks.append(Gap("Was ist in den Phasen und Platzierungen geschehen? Beobachtungen, Rückmeldungen des Betriebs, Entwicklung."))
    return sec


def _courses(ds: Dataset, case: Case, period: tuple[dt.date, dt.date]) -> Section:
    sec = Section("Kurse und Zertifikate")
    start, end = period
    rows = []
    for i, e in enumerate(case.enrolments):
        if e.start > end or (e.end is not None and e.end < start):
            continue
        mod = ds.modules.get(e.module)
        src = [Source(f"enrolments[{i}].start", e.start)] + ([Source(f"enrolments[{i}].end", e.end)] if e.end else [])
        rows.append(Row((mod.title if mod else e.module, f"{day(e.start)} bis {day(e.end) if e.end else 'offen'}", label(e.status),
                         "ja" if e.certificate else "nein"), tuple(src)))
    if rows:
        sec.blocks.append(Table(("Kurs", "Zeitraum", "Stand", "Zertifikat"), tuple(rows)))
    else:
        sec.blocks.append(Note("Im Berichtszeitraum hat die Person an keinem Kurs teilgenommen."))
    return sec


def _next_steps(ds: Dataset, case: Case, period: tuple[dt.date, dt.date]) -> Section:
    sec = Section("Nächste Schritte")
    for i, g in enumerate(case.goals):
        if g.status in OPEN_GOALS and g.agreed_on <= period[1]:
            measures = "; ".join(g.measures) if g.measures else "Maßnahmen noch festlegen"
            sec.blocks.append(Statement(f"Weiter verfolgen: {g.goal} Maßnahmen: {measures}. Nächste Überprüfung am {day(g.review_on)}.",
                                        (Source(f"goals[{i}].review_on", g.review_on),), bullet=True))
    for i, p in enumerate(case.placements):
        if p.status is PlacementStatus.PLANNED:
            wp = ds.workplaces.get(p.workplace)
            sec.blocks.append(Statement(f"Geplant: {label(p.type)} bei {wp.company.name if wp else p.workplace} ab {day(p.start)}.",
                                        (Source(f"placements[{i}].start", p.start),), bullet=True))
    if not sec.blocks:
        sec.blocks.append(Note("In der Akte sind keine offenen Ziele und keine geplanten Platzierungen eingetragen."))
    sec.blocks.append(Gap("Empfehlung an den Kostenträger (z. B. Verlängerung, Wechsel der Maßnahme), mit Begründung."))
    return sec


def report_content(ds: Consented, case_id: str, today: dt.date, start: dt.date | None = None, end: dt.date | None = None) -> ReportContent:
    """The report for ``case_id``; UserError when the case is missing or the consent does not allow it.

    ``ds`` has passed the consent filter like every internal page; the scope
    check here is stricter still and decides what goes in.
    """
    case = ds.cases.get(case_id)
    if case is None:
        ds.refuse_unopened(case_id)  # sealed and not openable by this reader: which key is missing, not "has errors"
        state = "hat Fehler" if ds.exists("cases", case_id) else "gibt es nicht"
        raise UserError(f"REPORT-NO-CASE Die Akte '{case_id}' {state}.", "Kennung prüfen (der Name des Ordners unter cases/) und 'site-gen check' ausführen.")
    scope = report_scope(ds, case, today)
    period, approval = report_period(case, today, start, end)
    sections = [
        _cover(ds, case, scope, period, approval, today),
        _goals(case, period),
        _course(ds, case, period),
        profile_section(ds, case, scope, period),
        _courses(ds, case, period),
        support_section(case, period, approval),
        Section("Einschätzung des Jobcoaches", [Gap("Gesamteinschätzung der Entwicklung im Berichtszeitraum (Arbeitsverhalten, Selbstständigkeit, Zusammenarbeit).")]),
        _next_steps(ds, case, period),
    ]
    return ReportContent(case.id, ds.path_of("cases", case.id), f"Entwicklungsbericht {case.id}", period, today,
                         in_entry_files(sections, *_entry_files(ds, case.id)))


def _entry_files(ds: Dataset, case_id: str) -> tuple[str | None, dict[tuple[str, int], str]]:
    """``case.yaml`` and (list, index) → entry file of a case folder (None and nothing for a case file).

    Disclosures are left out: the consent filter may drop some of them, which
    would shift the indexes (the report cites none).
    """
    found = ds.provenance.get(ds.path_of("cases", case_id) or "")
    if found is None:
        return None, {}
    main, entries = found
    return main, {key: file for key, file in entries.items() if key[0] != "disclosures"}
