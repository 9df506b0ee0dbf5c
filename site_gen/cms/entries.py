"""New entry files of a case folder from the browser: one Decap collection per list.

With folder cases an entry (a support-log line) is its own small file,
``cases/<id>/support_log/<date>-<by>-<hash>.yaml`` (:func:`site_gen.layout.entry_name`).
Decap builds a new file's path from templates over the form's values, so the
collection has two fields that exist only for the path and are never written
into the file (site-gen's format, ``static/admin/site-gen-yaml.js``, drops every
key starting with ``_``; the entry model forbids unknown keys):

* ``_akte``: the case, picked from the Akten collection (a relation field);
* ``_kurz``: six random hex digits, set by the page just before saving
  (Decap's ``preSave`` event; Decap's templates have no hash or uuid), so two
  entries of the same day and person on two branches are two files.

Decap lists every file of ``cases/`` up to the path's depth (three: all
entries of every list) and its ``filter`` compares one field value. The format
marks an entry whose keys fit the collection's form (``_liste``, the filter's
field), so the list shows support-log entries only. An existing entry is
edited in place (its path is kept); the case field stays empty there.
"""

from __future__ import annotations

from typing import Any

from ..layout import WHO
from ..models.case import LogEntry
from .widgets import Context, model_fields

CASE_FIELD = "_akte"
TAG_FIELD = "_kurz"
LIST_FIELD = "_liste"
ENTRY_NOTE = ("Jeder Eintrag wird eine eigene Datei im Ordner der Akte (cases/KENNUNG/support_log/DATUM-FACHKRAFT-KENNZEICHEN.yaml). "
              "Die Akte wird nur für den Ablageort gewählt und nicht in den Eintrag geschrieben.")


def case_field() -> dict[str, Any]:
    """The relation field that names the case folder (only in the path)."""
    return {"name": CASE_FIELD, "label": "Akte", "widget": "relation", "collection": "akten", "value_field": "id",
            "search_fields": ["id", "first_name", "last_name"], "display_fields": ["id", "first_name", "last_name"],
            "required": False,
            "hint": "Für einen neuen Eintrag: die Akte, in deren Ordner er gespeichert wird. Bei einem bestehenden Eintrag leer lassen."}


def support_log_collection(ctx: Context) -> dict[str, Any]:
    """``Unterstützungsprotokoll``: new support-log entries as files of their own in a case folder."""
    who = WHO["support_log"]
    return {
        "name": "begleitung", "label": "Unterstützungsprotokoll", "label_singular": "Begleitungseintrag",
        "folder": "cases", "extension": "yaml", "format": "yaml", "create": True, "delete": False,
        "path": "{{" + CASE_FIELD + "}}/support_log/{{slug}}",
        "slug": "{{date}}-{{" + who + "}}-{{" + TAG_FIELD + "}}",
        "identifier_field": "date",
        "filter": {"field": LIST_FIELD, "value": "support_log"},
        "summary": "{{date}} – {{dirname}} – {{minutes}} Minuten",
        "sortable_fields": ["date"],
        "description": ENTRY_NOTE,
        "fields": [case_field(), *model_fields(LogEntry, ctx)],
        "editor": {"preview": False},
    }
