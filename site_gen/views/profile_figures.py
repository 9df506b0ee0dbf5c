"""The data behind the profile charts (views own data; :mod:`site_gen.render.profile_chart` draws it).

Used by the matching sections of the internal site and by the application
folder (Bewerbungsmappe): each holds a German title and the figures, never markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileRow:
    """One catalogue item: ability and/or requirement (1–5), and a German note (flag)."""

    label: str
    ability: int | None
    requirement: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ProfileFigure:
    """Ability (and requirement) per item, drawn side by side with a table alternative."""

    title: str
    rows: tuple[ProfileRow, ...]


@dataclass(frozen=True)
class ProfileHistory:
    """Ratings per item over several assessments (one value per date, None where unrated)."""

    title: str
    dates: tuple[dt.date, ...]
    series: tuple[tuple[str, tuple[int | None, ...]], ...]
