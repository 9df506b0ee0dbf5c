"""Placements: no overlaps, HAA rotation limits, stage agrees, closed workplaces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.stage_path import DEFAULT_LIMIT, path_for, placement_limit, programme_year
from ...findings import Finding, Severity
from ...labels import field_name
from ...models.case import Case, Placement, PlacementStatus
from ...models.common import TRIAL_TYPES, PlacementType, Stage
from ...models.path import PlacementLimit
from ...models.workplace import AcquisitionStatus, Workplace
from ...records.dataset import Dataset

CONCURRENT_OK = frozenset({PlacementType.TASTER})
"""A taster internship may run beside another placement; nothing else overlaps."""


def is_running(pl: Placement, today: dt.date) -> bool:
    """Running on ``today``: status 'laufend' and today inside start..end."""
    return pl.status is PlacementStatus.RUNNING and pl.start <= today and (pl.end is None or today <= pl.end)


def _span(pl: Placement, today: dt.date) -> tuple[dt.date, dt.date]:
    return pl.start, pl.end or max(today, pl.start)


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for cid, case in ds.cases.items():
        yield from _case(ds, ds.path_of("cases", cid), case, today)


def _case(ds: Dataset, f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    yield from _overlaps(f, case, today)
    path = path_for(ds, case)
    for i, pl in enumerate(case.placements):
        year = programme_year(case, pl.start)
        yield from _duration(f, i, pl, today, placement_limit(path, year), year, path.name if path else None)
        if pl.status is PlacementStatus.RUNNING and pl.end is not None and pl.end < today:
            yield Finding(f, "PLACEMENT-STATUS", f"Platzierung {i + 1} ist als 'laufend' eingetragen, aber schon beendet.",
                          "Status auf 'beendet' setzen und das Ergebnis eintragen.", Severity.WARNING, loc=("placements", i, "status"),
                          due=pl.end + dt.timedelta(days=1))
        wp = ds.workplace(pl.workplace)
        if wp is not None:
            yield from _at_workplace(f, i, pl, wp, today)
    yield from _stage(f, case, today)


def _overlaps(f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    active = [(i, pl) for i, pl in enumerate(case.placements) if pl.status is not PlacementStatus.ABORTED or pl.end]
    for a in range(len(active)):
        i, p = active[a]
        for j, q in active[a + 1:]:
            if p.type in CONCURRENT_OK or q.type in CONCURRENT_OK:
                continue
            (s1, e1), (s2, e2) = _span(p, today), _span(q, today)
            if s1 <= e2 and s2 <= e1:
                yield Finding(f, "PLACEMENT-OVERLAP", f"Die Platzierungen {i + 1} und {j + 1} überschneiden sich zeitlich.",
                              "Eine Person hat nur eine Platzierung zur Zeit (außer Schnupperpraktikum). Ende der früheren prüfen.", loc=("placements", j, "start"))


def _duration(f: str, i: int, pl: Placement, today: dt.date, limit: PlacementLimit, year: int, path: str | None) -> Iterator[Finding]:
    if pl.type not in TRIAL_TYPES:
        return
    # An open end grows with time: then the limit is a task from the day it is passed.
    days = (_span(pl, today)[1] - pl.start).days + 1
    open_end = pl.end is None
    # Issue 29: the limits come from the provider's path and the year of the programme the placement starts in.
    own = limit != DEFAULT_LIMIT
    where = f" ({year}. Jahr im Programm)" if own else ""
    if days > limit.max_days:
        months = _months(limit.max_days)
        yield Finding(f, "PLACEMENT-TOO-LONG", f"Praktikum {i + 1} dauert länger als {months} Monate{where}.",
                      f"Ein Praktikum dauert höchstens {months} Monate ({'„' + str(path) + '“' if own else 'HAA'}). "
                      "Danach ein neues Praktikum oder einen Vertrag vereinbaren.", loc=("placements", i, "end"),
                      due=pl.start + dt.timedelta(days=limit.max_days) if open_end else None)
    elif days > limit.warn_days:
        months = _months(limit.warn_days)
        hint = (f"Im {year}. Jahr des Programms wechseln Praktika nach etwa {months} Monaten („{path}“). Verlängerung begründen."
                if own else "Im ersten Jahr wechseln Praktika nach 3–4 Monaten (HAA). Verlängerung begründen.")
        yield Finding(f, "PLACEMENT-LONG", f"Praktikum {i + 1} dauert länger als {months} Monate{where}.", hint, Severity.WARNING,
                      loc=("placements", i, "end"), due=pl.start + dt.timedelta(days=limit.warn_days) if open_end else None)


def _months(days: int) -> int:
    return max(round(days / 30.5), 1)


def _at_workplace(f: str, i: int, pl: Placement, wp: Workplace, today: dt.date) -> Iterator[Finding]:
    if wp.acquisition.status is AcquisitionStatus.CLOSED and is_running(pl, today):
        yield Finding(f, "PLACEMENT-CLOSED-WORKPLACE", f"Platzierung {i + 1} läuft bei einem Betrieb mit Akquise-Stand 'beendet'.",
                      "Platzierung beenden oder den Stand des Betriebs korrigieren.", loc=("placements", i, "workplace"))
    if pl.type not in wp.placement_types:
        yield Finding(f, "PLACEMENT-TYPE-NOT-OFFERED", f"Der Betrieb bietet die Art von Platzierung {i + 1} nicht an.",
                      f"Art prüfen oder im Arbeitsplatzprofil unter {field_name(Workplace, 'placement_types')} ergänzen.", Severity.WARNING, loc=("placements", i, "type"))


def _stage(f: str, case: Case, today: dt.date) -> Iterator[Finding]:
    if case.closed is None and case.stage is Stage.TRIAL and not any(
        pl.type in TRIAL_TYPES and is_running(pl, today) for pl in case.placements
    ):
        # A trial recorded as running whose end has passed: time made this due, not a commit.
        ended = [pl.end for pl in case.placements if pl.type in TRIAL_TYPES and pl.status is PlacementStatus.RUNNING
                 and pl.end is not None and pl.start <= pl.end < today]
        yield Finding(f, "STAGE-MISMATCH", "Die Phase ist 'erprobung', aber es läuft keine Erprobung.",
                      "Eine laufende Platzierung (Praktikum/Erprobung) eintragen oder die Phase anpassen.", loc=("stages", len(case.stages) - 1, "stage"),
                      due=max(ended) + dt.timedelta(days=1) if ended else None)
