"""Budget für Arbeit by § 61 SGB IX (issue 29), and the statutory minimum wage.

§ 61 Abs. 1 SGB IX: a Budget für Arbeit needs an employment contract with a
tariff (*tarifvertragliche*) or locally usual (*ortsübliche*) wage. A contract of
a Budget-für-Arbeit placement assessed as workshop wage or training allowance
is refused at the contract's line; 'mindestlohn' alone is a warning (it may be
the locally usual wage, then it should say so). Where amounts are recorded
(consent 'entgelt'), an hourly wage of a regular job or Budget für Arbeit below
the statutory minimum wage on its date is refused (§ 1 MiLoG; trainees are
exempt, § 22 Abs. 3 MiLoG). Messages never name an amount of the person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...findings import Finding, Severity
from ...models.after import WageCategory
from ...models.case import Case
from ...models.common import PlacementType
from ...models.wage_rules import MinimumWageStep
from ...records.config import default_minimum_wage
from ...records.dataset import Dataset

BFA_WAGES = frozenset({WageCategory.COLLECTIVE, WageCategory.LOCAL})
"""§ 61 Abs. 1 SGB IX: tarifvertragliche oder ortsübliche Entlohnung."""
NOT_A_WAGE = frozenset({WageCategory.WORKSHOP, WageCategory.TRAINING})
MINIMUM_WAGE_TYPES = frozenset({PlacementType.BUDGET_WORK, PlacementType.REGULAR})
"""Employment contracts the minimum wage applies to (Budget für Ausbildung: trainees are exempt)."""
RULE = "§ 61 Abs. 1 SGB IX: Ein Budget für Arbeit setzt einen Arbeitsvertrag mit tarifvertraglicher oder ortsüblicher Entlohnung voraus."


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for cid, case in ds.cases.items():
        f = ds.path_of("cases", cid)
        yield from _contracts(f, case)
        yield from _amounts(f, case)


def _placement_type(case: Case, no: int) -> PlacementType | None:
    return case.placements[no - 1].type if 1 <= no <= len(case.placements) else None


def _contracts(f: str, case: Case) -> Iterator[Finding]:
    for i, con in enumerate(case.contracts):
        if _placement_type(case, con.placement) is not PlacementType.BUDGET_WORK or con.wage_category is None:
            continue
        if con.wage_category in NOT_A_WAGE:
            yield Finding(f, "BFA-WAGE", f"Vertrag {i + 1}: ein Budget für Arbeit mit der Entgelt-Einstufung '{con.wage_category.value}'.",
                          RULE + " Einstufung 'tariflich' oder 'ortsueblich' eintragen — oder die Art der Platzierung prüfen "
                          "(Werkstattentgelt: ausgelagerter Einzelarbeitsplatz; Ausbildungsvergütung: Budget für Ausbildung, § 61a SGB IX).",
                          loc=("contracts", i, "wage_category"))
        elif con.wage_category not in BFA_WAGES:
            yield Finding(f, "BFA-WAGE-MINIMUM", f"Vertrag {i + 1}: ein Budget für Arbeit mit der Entgelt-Einstufung 'mindestlohn'.",
                          RULE + " Der Mindestlohn genügt nur, wenn er dort tariflich oder ortsüblich ist: dann 'tariflich' oder 'ortsueblich' eintragen.",
                          Severity.WARNING, loc=("contracts", i, "wage_category"))


def _minimum_on(day: dt.date) -> MinimumWageStep | None:
    steps = [s for s in default_minimum_wage().steps if s.since <= day]
    return max(steps, key=lambda s: s.since, default=None)


def _amounts(f: str, case: Case) -> Iterator[Finding]:
    for i, amount in enumerate(case.wage_amounts):
        if _placement_type(case, amount.placement) not in MINIMUM_WAGE_TYPES:
            continue
        floor = _minimum_on(amount.since)
        if floor is not None and amount.euro_per_hour < floor.euro_per_hour:
            euro = f"{floor.euro_per_hour:.2f}".replace(".", ",")
            yield Finding(f, "WAGE-BELOW-MINIMUM", f"Entgelt-Betrag {i + 1} liegt unter dem gesetzlichen Mindestlohn an seinem Datum 'since'.",
                          f"Ab {floor.since.strftime('%d.%m.%Y')} beträgt der Mindestlohn {euro} € brutto je Stunde (§ 1 MiLoG, {floor.source}). "
                          "Betrag und Datum prüfen; beim Budget für Arbeit muss das Entgelt außerdem tariflich oder ortsüblich sein (§ 61 Abs. 1 SGB IX).",
                          loc=("wage_amounts", i, "euro_per_hour"))
