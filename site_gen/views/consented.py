"""The consent filter: the one place where the internal view drops data.

The internal site is built only from data that passes consent on the build
day: fields tied to a purpose (``x-zweck`` in the models) are emptied when no
live consent for that purpose exists, and employer disclosures are kept only
where a live consent names that workplace. A company contact that names a
case keeps its text only while that case (still shown) has a live consent
naming the company; otherwise date, kind and staff stay, the text and the
case reference go.

A case past its retention period (:mod:`site_gen.domain.retention`) is
treated like a fully withdrawn one, only more so: it is left out whole, and
the view keeps just what the team needs to erase it (:attr:`Consented.erasure`:
id, due day, location, coaches — nothing personal).

The result has its own type, :class:`Consented`. Every internal page (the
build, the preview of ``site-gen serve``, the Bewerbungsmappe, the
development report) requires it, so passing the raw :class:`Dataset` is a
type error (``mypy``), not a docstring rule. Only this module makes one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from ..domain.consent import field_purposes, has_live, shares_with
from ..domain.retention import ErasureDue, erasure_due, past_retention, retention_years
from ..models.case import Case
from ..models.catalogue import Purpose
from ..models.workplace import Workplace
from ..records.dataset import Dataset
from ..records.seal_contacts import ERASED_PREFIX, SEALED_NOTE

HIDDEN_NOTE = "Notiz ausgeblendet: Der Kontakt betrifft eine Person ohne gültige Einwilligung für diesen Betrieb."


def consented_case(case: Case, today: dt.date, purposes: dict[str, Purpose]) -> Case:
    """``case`` without the data whose purpose has no live consent today."""
    update: dict[str, object] = {}
    for name, purpose in field_purposes().items():
        value = getattr(case, name)
        if not value:
            continue
        if name == "disclosures":
            kept = [d for d in case.disclosures if has_live(case, today, purposes, purpose, d.workplace)]
            if len(kept) != len(case.disclosures):
                update[name] = kept
        elif not has_live(case, today, purposes, purpose):
            update[name] = type(value)() if isinstance(value, (list, tuple, dict)) else None
    return case.model_copy(update=update) if update else case


def _hidden(summary: str) -> str:
    """What a hidden contact note reads as: why, in German (a sealed note this reader has no key for, or whose key was
    destroyed, says so; it never held plaintext here)."""
    return summary if summary == SEALED_NOTE or summary.startswith(ERASED_PREFIX) else HIDDEN_NOTE


def consented_workplace(wid: str, wp: Workplace, cases: dict[str, Case], today: dt.date, purposes: dict[str, Purpose]) -> Workplace:
    """``wp`` with the text of every contact about a person hidden unless that person's (filtered) case allows it."""
    hide = [i for i, c in enumerate(wp.contact_log)
            if c.case is not None and (c.case not in cases or not shares_with(cases[c.case], today, purposes, wid))]
    if not hide:
        return wp
    log = [c.model_copy(update={"summary": _hidden(c.summary), "question": None, "answer": None, "case": None}) if i in hide else c
           for i, c in enumerate(wp.contact_log)]
    return wp.model_copy(update={"contact_log": log})


@dataclass
class Consented(Dataset):
    """A dataset whose cases passed the consent filter: what internal pages are built from.

    Made only by :func:`consented_dataset` and :func:`consented_update` (a test
    holds every other module to that). Narrowing it (one team's view) keeps it
    consented.
    """

    erasure: dict[str, ErasureDue] = field(default_factory=dict)
    """Cases past their retention period, left out of every page: only their erasure is shown."""



def _consented(ds: Dataset, cases: dict[str, Case], erasure: dict[str, ErasureDue], today: dt.date) -> Consented:
    values = {f.name: getattr(ds, f.name) for f in fields(Dataset)}
    workplaces = {wid: consented_workplace(wid, wp, cases, today, ds.purposes) for wid, wp in ds.workplaces.items()}
    values.update(cases=cases, workplaces=workplaces, findings=list(ds.findings))
    return Consented(**values, erasure=erasure)


def consented_dataset(ds: Dataset, today: dt.date) -> Consented:
    """A copy of ``ds`` whose cases pass the consent filter and the retention period (see module doc)."""
    purposes, erasure = ds.purposes, past_retention(ds, today)
    cases = {cid: consented_case(c, today, purposes) for cid, c in ds.cases.items() if cid not in erasure}
    return _consented(ds, cases, erasure, today)


def consented_update(view: Consented, ds: Dataset, changed: Iterable[str], today: dt.date) -> Consented:
    """``ds`` with the cases of an earlier ``view`` (same day), the ``changed`` case ids filtered anew.

    The preview's quick path: only the cases whose files changed pass the
    filter again; a changed case that is no longer in ``ds`` is dropped.
    """
    cases, erasure = dict(view.cases), dict(view.erasure)
    for cid in changed:
        cases.pop(cid, None)
        erasure.pop(cid, None)
        if cid in ds.cases:
            due = erasure_due(ds.cases[cid], retention_years(ds), today)
            if due is not None:
                erasure[cid] = due
            else:
                cases[cid] = consented_case(ds.cases[cid], today, ds.purposes)
    return _consented(ds, cases, erasure, today)


def shown_items(view: Consented) -> set[tuple[str, ...]]:
    """What a site built from ``view`` (consent-filtered) shows, as keys without values.

    Each case, each consent-bound field that still holds data, each
    disclosure (per workplace). The publisher compares these between builds:
    what a failed build would leave online must still be allowed.
    """
    items: set[tuple[str, ...]] = set()
    for cid, case in view.cases.items():
        items.add(("case", cid))
        for name in field_purposes():
            if name == "disclosures":
                items.update(("disclosure", cid, d.workplace) for d in case.disclosures)
            elif getattr(case, name):
                items.add(("field", cid, name))
    for wid, wp in view.workplaces.items():
        items.update(("contact", wid, c.case) for c in wp.contact_log if c.case is not None)
    return items
