"""Hook points for the matching view (issue #6), coordinated through files only.

When ``site_gen.views.matching`` exists, its ``case_section(ds, case_id, today)``
and ``workplace_section(ds, workplace_id, today)`` fill the template variable
``matching``; the templates include ``partials/matching_case.md.j2`` /
``partials/matching_workplace.md.j2`` only if those files exist.
"""

from __future__ import annotations

import datetime as dt
import importlib
from functools import cache
from types import ModuleType
from typing import Any

from ..dataset import Dataset


@cache
def _matching() -> ModuleType | None:
    try:
        return importlib.import_module("site_gen.views.matching")
    except ImportError:
        return None


def matching_for_case(ds: Dataset, cid: str, today: dt.date) -> Any:
    """The matching section of a dossier, or None while there is none."""
    module = _matching()
    fn = getattr(module, "case_section", None) if module else None
    return fn(ds, cid, today) if fn else None


def matching_for_workplace(ds: Dataset, wid: str, today: dt.date) -> Any:
    """The matching section of a workplace page, or None while there is none."""
    module = _matching()
    fn = getattr(module, "workplace_section", None) if module else None
    return fn(ds, wid, today) if fn else None
