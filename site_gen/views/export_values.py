"""Readable form of stored case values for the subject-access page.

Turns a field value into a small tree of labelled entries: German field
titles instead of keys, German dates, staff/workplace/module ids resolved
to names (with the id kept in brackets), stage and placement labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..labels import LABELS, recipient
from ..models.case import GivenBy
from ..models.common import PLACEMENT_LABELS, STAGE_LABELS, PlacementType, Stage
from ..models.feedback import FEEDBACK_LABELS
from ..records.dataset import Dataset

STAFF_KEYS = frozenset({"primary", "deputy", "assessor", "by"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One labelled line; ``children`` for nested sections."""

    label: str
    text: str = ""
    children: tuple["Entry", ...] = ()


def text_of(value: Any) -> str:
    """A scalar as German text."""
    if isinstance(value, Stage):
        return STAGE_LABELS[value]
    if isinstance(value, PlacementType):
        return PLACEMENT_LABELS[value]
    if isinstance(value, GivenBy):
        return LABELS[value]
    if isinstance(value, Enum):  # the German label, the stored value in brackets ('in Arbeit (in-arbeit)')
        known = LABELS.get(value) or FEEDBACK_LABELS.get(value)
        return known if known and known.lower() == value.value else f"{known} ({value.value})" if known else str(value.value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _key_label(key: Any) -> str:
    """A mapping key as German text: an enum key (a feedback question) by its label, never 'Question.LEARNED'."""
    if isinstance(key, Enum):
        return FEEDBACK_LABELS.get(key) or LABELS.get(key) or str(key.value)
    return str(key)


def recipient_label(ds: Dataset, rid: str) -> str:
    """Workplace id → company name (id); 'ifd' / 'kostentraeger' → German label."""
    if special := recipient(rid):
        return special
    wp = ds.workplaces.get(rid)
    return f"{wp.company.name} ({rid})" if wp else rid


CATALOGUE_KEYS = {"instrument": "instruments", "measure": "measures", "programme": "programmes"}


def _ref(ds: Dataset, key: str, value: Any) -> str:
    if key in STAFF_KEYS and value in ds.staff:
        return f"{ds.staff[value].name} ({value})"
    if key in ("workplace", "recipients"):
        return recipient_label(ds, value)
    if key == "purpose" and value in ds.purposes:
        return f"{ds.purposes[value].label} ({value})"
    if key == "module" and value in ds.modules:
        return f"{ds.modules[value].title} ({value})"
    if section := CATALOGUE_KEYS.get(key):  # issue 29: open catalogues, labelled by the repository's catalogue
        return f"{ds.programmes.labels(section).get(value, value)} ({value})"
    return text_of(value)


def describe(ds: Dataset, value: Any, key: str = "") -> tuple[Entry, ...]:
    """Entries for one stored value (see module doc)."""
    if isinstance(value, BaseModel):
        out: list[Entry] = []
        for name, info in type(value).model_fields.items():
            sub = getattr(value, name)
            if sub is None or sub == [] or sub == {}:
                continue
            label = info.title or name
            if isinstance(sub, (BaseModel, list, dict)):
                out.append(Entry(label, children=describe(ds, sub, name)))
            else:
                out.append(Entry(label, _ref(ds, name, sub)))
        return tuple(out)
    if isinstance(value, dict):
        items = ds.profile_items
        return tuple(Entry(items[k].label if k in items else _key_label(k), text_of(v)) for k, v in value.items())
    if isinstance(value, list):
        if value and isinstance(value[0], BaseModel):
            return tuple(Entry(f"{i + 1}.", children=describe(ds, v)) for i, v in enumerate(value))
        return tuple(Entry("", _ref(ds, key, v)) for v in value)
    return (Entry("", _ref(ds, key, value)),)
