"""Date order: start ≤ end, history in order, nothing before the case was opened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Loc, Severity
from ...labels import field_name
from ...models.case import Case
from ...records.dataset import Dataset
from ...records.validate import dotted

HINT = "Beginn und Ende prüfen: das Ende darf nicht vor dem Beginn liegen."


def _order(f: str, loc: Loc, start: dt.date | None, end: dt.date | None, end_key: str) -> Iterator[Finding]:
    if start is not None and end is not None and end < start:
        yield Finding(f, "DATE-ORDER", f"'{dotted((*loc, end_key))}' liegt vor dem Beginn.", HINT, loc=(*loc, end_key))


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        yield from _order(f, (), case.opened, case.closed, "closed")
        for i, pl in enumerate(case.placements):
            yield from _order(f, ("placements", i), pl.start, pl.end, "end")
        for i, en in enumerate(case.enrolments):
            yield from _order(f, ("enrolments", i), en.start, en.end, "end")
        for i, con in enumerate(case.consents):
            yield from _order(f, ("consents", i), con.given_on, con.valid_until, "valid_until")
            yield from _order(f, ("consents", i), con.given_on, con.withdrawn_on, "withdrawn_on")
        for i, goal in enumerate(case.goals):
            yield from _order(f, ("goals", i), goal.agreed_on, goal.review_on, "review_on")
        for i in range(1, len(case.stages)):
            if case.stages[i].since < case.stages[i - 1].since:
                yield Finding(f, "DATE-ORDER", f"Phase 'stages[{i}]' beginnt vor der vorherigen Phase.",
                              "Die Phasen in zeitlicher Reihenfolge aufschreiben; die letzte ist die aktuelle.", loc=("stages", i, "since"))
        if case.stages[0].since < case.opened:
            yield Finding(f, "DATE-ORDER", f"Die erste Phase beginnt vor der Aktenanlage {field_name(Case, 'opened')}.",
                          f"{field_name(Case, 'opened')} ist das Datum des Infogesprächs; die erste Phase beginnt frühestens dann.", loc=("stages", 0, "since"))
        if case.stages[-1].since > today:
            yield Finding(f, "DATE-FUTURE", "Die aktuelle Phase beginnt in der Zukunft.",
                          "Nur eingetretene Phasenwechsel eintragen.", severity=Severity.WARNING, loc=("stages", len(case.stages) - 1, "since"))
    for mid, mod in ds.modules.items():
        f = ds.path_of("modules", mid)
        for i, run in enumerate(mod.runs):
            yield from _order(f, ("runs", i), run.start, run.end, "end")
    for wid, wp in ds.workplaces.items():
        if wp.posting is not None:
            yield from _order(ds.path_of("workplaces", wid), ("posting",), wp.posting.posted_on, wp.posting.valid_until, "valid_until")

