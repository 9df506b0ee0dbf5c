"""After the move: follow-along support, Übergangsgruppe/IFD, contracts, changes, returns, HAA programme.

Commit-made: references to placements and IFD services resolve, dates are in
order and inside the placement, a wage subsidy belongs to a contract that can
have one. Time-made (tasks, ``due`` set): the wage subsidy ends, follow-along
support stopped abruptly while the placement runs, the Integrationspraktikum
is due after two years without placement. Messages name fields, never values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.after_placement import QUALIFICATION_YEARS, WORKPLACE_TYPES
from ...domain.dates import add_years
from ...findings import Finding, Loc, Severity
from ...labels import field_name
from ...models.after import Contract, FollowAlong, TransitionGroup
from ...models.case import Case, Consent, Placement, PlacementStatus, ServiceKind
from ...models.common import PlacementType
from ...records.dataset import Dataset
from ...records.validate import dotted
from .placements import is_running

SUBSIDY_TYPES = frozenset({PlacementType.BUDGET_WORK, PlacementType.BUDGET_TRAINING, PlacementType.REGULAR})
"""A wage subsidy (Lohnkostenzuschuss) goes to an employer: not for workshop places."""

WINDOW_DAYS = 56
"""Support is 'at least weekly' when the 8 weeks before the last contact hold …"""
WEEKLY_CONTACTS = 6
"""… at least this many contacts (direct or mediate)."""
GAP_DAYS = 42
"""No contact for 6 weeks after weekly support: it stopped abruptly (HAA: tapering, 'nicht zu abrupt')."""
SUBSIDY_WARNING_DAYS = 90
"""Talk about an extension of the wage subsidy three months before it ends."""


def ifd_ids(ds: Dataset) -> set[str]:
    """Ids of the IFD services in organisation.yaml (consent recipients too)."""
    return {s.id for s in ds.organisation.ifd_services} if ds.organisation else set()


def contacts(case: Case, since: dt.date, until: dt.date) -> list[dt.date]:
    """Days of direct or mediate support between ``since`` and ``until`` (inclusive)."""
    return sorted(e.date for e in case.support_log
                  if e.kind is not ServiceKind.INDIRECT and since <= e.date <= until)


def _weekly_before(days: list[dt.date], day: dt.date) -> bool:
    return sum(1 for d in days if day - dt.timedelta(days=WINDOW_DAYS) < d <= day) >= WEEKLY_CONTACTS


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    ifds = ifd_ids(ds) if ds.organisation else None
    for cid, case in ds.cases.items():
        yield from _case(ds.path_of("cases", cid), case, today, ifds)


def _placement(f: str, case: Case, loc: Loc, no: int) -> tuple[Placement | None, list[Finding]]:
    if no > len(case.placements):
        return None, [Finding(f, "REF-DANGLING", f"'{dotted(loc)}': Platzierung nicht gefunden.",
                              f"Die Nummer zählt die Einträge unter {field_name(Case, 'placements')}, 1 ist der erste Eintrag.", loc=loc)]
    return case.placements[no - 1], []


def _order(f: str, loc: Loc, start: dt.date, end: dt.date | None, key: str) -> Iterator[Finding]:
    if end is not None and end < start:
        yield Finding(f, "DATE-ORDER", f"'{dotted((*loc, key))}' liegt vor dem Beginn.",
                      "Beginn und Ende prüfen: das Ende darf nicht vor dem Beginn liegen.", loc=(*loc, key))


def _outside(f: str, loc: Loc, pl: Placement, day: dt.date, what: str) -> Iterator[Finding]:
    if day < pl.start or (pl.end is not None and day > pl.end):
        yield Finding(f, "DATE-OUTSIDE-PLACEMENT", f"'{dotted(loc)}' liegt außerhalb der Platzierung.",
                      f"{what} liegt zwischen Beginn und Ende der genannten Platzierung. Datum oder Nummer der Platzierung prüfen.", loc=loc)


def _type(f: str, loc: Loc, pl: Placement, allowed: frozenset[PlacementType], what: str) -> Iterator[Finding]:
    if pl.type not in allowed:
        yield Finding(f, "AFTER-PLACEMENT-TYPE", f"'{dotted(loc)}' nennt eine Platzierung, zu der {what} nicht passt.",
                      "Gemeint ist ein Arbeitsplatz nach dem Wechsel (Außenarbeitsplatz, Budget für Arbeit/Ausbildung, sozialversicherungspflichtige Stelle), kein Praktikum.",
                      loc=loc)


def _case(f: str, case: Case, today: dt.date, ifds: set[str] | None) -> Iterator[Finding]:
    yield from _follow_along(f, case, today)
    yield from _transition_groups(f, case, ifds)
    yield from _contracts(f, case, today)
    yield from _dated_entries(f, case)
    for i, entry in enumerate(case.support_log):
        if entry.crisis is not None and entry.kind is ServiceKind.INDIRECT:
            yield Finding(f, "CRISIS-KIND", f"Eintrag {i + 1} im Begleitprotokoll: Krisenintervention als indirekte Leistung.",
                          "Krisenintervention ist eine unmittelbare (vor Ort) oder mittelbare Leistung (Haus Hall § 3).",
                          loc=("support_log", i, "kind"))
    yield from _qualification(f, case, today)


def _follow_along(f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    for i, fa in enumerate(case.follow_along):
        loc: Loc = ("follow_along", i)
        yield from _order(f, loc, fa.start, fa.end, "end")
        if fa.permanent and fa.end is not None:
            yield Finding(f, "FOLLOW-ALONG-PERMANENT-END", f"Begleitung {i + 1} ist als dauerhaft eingetragen und hat ein Ende.",
                          f"Entweder {field_name(FollowAlong, 'permanent')} auf ja setzen oder ein {field_name(FollowAlong, 'end')} eintragen, nicht beides.", loc=(*loc, "end"))
        pl, missing = _placement(f, case, (*loc, "placement"), fa.placement)
        yield from missing
        if pl is None:
            continue
        yield from _type(f, (*loc, "placement"), pl, WORKPLACE_TYPES, "eine Begleitung nach dem Wechsel")
        yield from _outside(f, (*loc, "start"), pl, fa.start, "Der Beginn der Begleitung")
        yield from _abrupt(f, case, i, pl, today)


def _transition_groups(f: str, case: Case, ifds: set[str] | None) -> Iterator[Finding]:
    for i, tg in enumerate(case.transition_group):
        loc: Loc = ("transition_group", i)
        yield from _order(f, loc, tg.joined, tg.left, "left")
        if ifds is not None and tg.ifd not in ifds:
            yield Finding(f, "REF-DANGLING", f"'{dotted((*loc, 'ifd'))}': IFD nicht gefunden.",
                          "Kennung aus organisation.yaml (ifd_services) verwenden.", loc=(*loc, "ifd"))
        if tg.handover_on is not None:
            if tg.handover_on < tg.joined or (tg.left is not None and tg.handover_on > tg.left):
                yield Finding(f, "DATE-ORDER", f"'{dotted((*loc, 'handover_on'))}' liegt außerhalb der Mitgliedschaft.",
                              "Die Übergabe an den IFD liegt zwischen Aufnahme und Ausscheiden.", loc=(*loc, "handover_on"))
            if tg.responsible_after is None:
                yield Finding(f, "HANDOVER-RESPONSIBLE-MISSING", f"Übergabe {i + 1} an den IFD ohne Verantwortliche danach.",
                              f"Unter {field_name(TransitionGroup, 'responsible_after')} eintragen, wer nach der Übergabe verantwortlich ist.", loc=(*loc, "responsible_after"))
        named = {r for c in case.consents if c.purpose == "ifd" for r in c.recipients}
        if named and "ifd" not in named and tg.ifd not in named:
            yield Finding(f, "IFD-NOT-RECIPIENT", f"Keine Einwilligung 'ifd' nennt den IFD der Übergangsgruppe {i + 1}.",
                          f"Den IFD (Kennung oder 'ifd') unter {field_name(Consent, 'recipients')} der Einwilligung 'ifd' eintragen.", loc=(*loc, "ifd"))


def _contracts(f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    for i, con in enumerate(case.contracts):
        loc: Loc = ("contracts", i)
        yield from _order(f, loc, con.start, con.end, "end")
        if (con.wage_assessed_on is None) != (con.wage_category is None):
            yield Finding(f, "WAGE-ASSESSMENT-INCOMPLETE", f"Vertrag {i + 1}: Entgeltbewertung nur halb eingetragen.",
                          f"{field_name(Contract, 'wage_assessed_on')} und {field_name(Contract, 'wage_category')} gehören zusammen.", loc=(*loc, "wage_category"))
        pl, missing = _placement(f, case, (*loc, "placement"), con.placement)
        yield from missing
        if pl is None:
            continue
        yield from _type(f, (*loc, "placement"), pl, WORKPLACE_TYPES, "ein Vertrag")
        yield from _outside(f, (*loc, "start"), pl, con.start, "Der Vertragsbeginn")
        sub = con.subsidy
        if sub is None:
            continue
        yield from _order(f, (*loc, "subsidy"), sub.approved_on, sub.until, "until")
        if pl.type not in SUBSIDY_TYPES:
            yield Finding(f, "AFTER-PLACEMENT-TYPE", f"Vertrag {i + 1}: Lohnkostenzuschuss bei einem Werkstattplatz.",
                          "Einen Lohnkostenzuschuss gibt es bei Budget für Arbeit/Ausbildung und sozialversicherungspflichtiger Beschäftigung.",
                          loc=(*loc, "subsidy"))
        elif sub.until is not None and is_running(pl, today) and (con.end is None or con.end > sub.until) \
                and (days := (sub.until - today).days) <= SUBSIDY_WARNING_DAYS:
            when = "ist abgelaufen" if days < 0 else ("endet heute" if days == 0 else ("endet morgen" if days == 1 else f"endet in {days} Tagen"))
            yield Finding(f, "WAGE-SUBSIDY-ENDS", f"Der Lohnkostenzuschuss zu Vertrag {i + 1} {when}.",
                          f"Mit Betrieb und Kostenträger über eine Verlängerung sprechen; den neuen Bescheid unter {field_name(Contract, 'subsidy')} eintragen.",
                          Severity.WARNING, loc=(*loc, "subsidy", "until"), due=sub.until - dt.timedelta(days=SUBSIDY_WARNING_DAYS))


def _dated_entries(f: str, case: Case) -> Iterator[Finding]:
    """Company changes, returns and wage amounts: each names a placement and a day."""
    entries: list[tuple[str, int, int, dt.date]] = [("company_changes", i, c.placement, c.date) for i, c in enumerate(case.company_changes)]
    entries += [("returns", i, r.placement, r.date) for i, r in enumerate(case.returns)]
    entries += [("wage_amounts", i, w.placement, w.since) for i, w in enumerate(case.wage_amounts)]
    for key, i, placement, day in entries:
        loc: Loc = (key, i)
        pl, missing = _placement(f, case, (*loc, "placement"), placement)
        yield from missing
        if pl is not None and key == "company_changes":
            yield from _outside(f, (*loc, "date"), pl, day, "Die Veränderung")
        if pl is not None and key == "returns" and day < pl.start:
            yield Finding(f, "DATE-OUTSIDE-PLACEMENT", f"'{dotted((*loc, 'date'))}' liegt vor dem Beginn der Platzierung.",
                          "Die Rückkehr folgt auf die Platzierung. Datum oder Nummer prüfen.", loc=(*loc, "date"))


def _abrupt(f: str, case: Case, i: int, pl: Placement, today: dt.date) -> Iterator[Finding]:
    """Support stopped abruptly (weekly, then nothing) while the placement runs."""
    fa = case.follow_along[i]
    if not is_running(pl, today):
        return
    hint = ("HAA: die Begleitung wird mit der Zeit weniger, aber nicht abrupt. Kontakt aufnehmen und die "
            "Abstände schrittweise verlängern — oder das Ende der Platzierung eintragen.")
    if fa.end is not None and fa.end < today:
        if _weekly_before(contacts(case, fa.start, fa.end), fa.end):
            yield Finding(f, "SUPPORT-STOPPED-ABRUPTLY", f"Begleitung {i + 1} endete nach wöchentlichen Kontakten, obwohl die Platzierung läuft.",
                          hint, Severity.WARNING, loc=("follow_along", i, "end"), due=fa.end + dt.timedelta(days=1))
        return
    days = contacts(case, fa.start, today)
    if days and (today - days[-1]).days > GAP_DAYS and _weekly_before(days, days[-1]):
        yield Finding(f, "SUPPORT-STOPPED-ABRUPTLY", f"Begleitung {i + 1}: nach wöchentlichen Kontakten seit über 6 Wochen kein Kontakt, obwohl die Platzierung läuft.",
                      hint, Severity.WARNING, loc=("follow_along", i), due=days[-1] + dt.timedelta(days=GAP_DAYS + 1))


def _qualification(f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    q = case.qualification
    if q is None:
        return
    yield from _order(f, ("qualification",), q.start, q.end, "end")
    due = add_years(q.start, QUALIFICATION_YEARS)
    if case.closed is not None or today < due:
        return
    placed = any(p.type in WORKPLACE_TYPES and p.start <= due and p.status is not PlacementStatus.PLANNED for p in case.placements)
    integration = any(p.type is PlacementType.INTEGRATION_INTERNSHIP and p.status is not PlacementStatus.ABORTED for p in case.placements)
    if not placed and not integration:
        yield Finding(f, "INTEGRATION-INTERNSHIP-DUE", "Zwei Jahre Qualifizierung ohne Vermittlung: ein Integrationspraktikum ist fällig.",
                      "HAA: nach zwei Jahren ohne Vermittlung kann ein Integrationspraktikum folgen (Kostenträger: Sozialbehörde / Eingliederungshilfe). "
                      "Als Platzierung die Art „Integrationspraktikum“ (integrationspraktikum) eintragen.", Severity.WARNING, loc=("qualification", "start"), due=due)
