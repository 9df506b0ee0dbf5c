"""Team time in the browser (issue 29): one collection writing ``team/<date>-<by>-<mark>.yaml``.

The same file name ``site-gen log --team`` writes (date, staff id, a random
mark set by the page before saving, see :mod:`site_gen.cms.entries`), one small
file per entry, so two people never meet in a merge conflict. The mark is a
hidden form-only field; site-gen's format drops it before writing.
"""

from __future__ import annotations

from typing import Any

from ..models.team import TeamTime
from ..records.dataset import TEAM_FOLDER
from .entries import TAG_FIELD
from .widgets import Context, model_fields

NOTE = ("Teamzeit ohne Akte: Supervision, Fortbildung, Betriebsakquise, Fallbesprechung … Jeder Eintrag wird eine eigene Datei "
        "im Ordner team/ (wie 'site-gen log --team'). Keine Angaben über Teilnehmende in die Notiz.")


def team_collection(ctx: Context) -> dict[str, Any]:
    """The collection of team-time entries (new ones as files of their own; old ones edited in place)."""
    return {
        "name": "teamzeit", "label": "Teamzeit", "label_singular": "Teamzeit-Eintrag",
        "folder": TEAM_FOLDER, "extension": "yaml", "format": "yaml", "create": True, "delete": False,
        "slug": "{{date}}-{{by}}-{{" + TAG_FIELD + "}}",
        "identifier_field": "date",
        "summary": "{{date}} – {{activity}} – {{minutes}} Minuten",
        "sortable_fields": ["date"],
        "description": NOTE,
        "fields": [*model_fields(TeamTime, ctx), {"name": TAG_FIELD, "label": "Kürzel", "widget": "hidden"}],
        "editor": {"preview": False},
    }
