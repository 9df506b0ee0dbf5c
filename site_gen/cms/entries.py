"""Entry files of a case folder in the browser: one Decap collection per appendable list.

With folder cases every entry of an appendable list (a support-log line, a
stage, a consent …) is its own small file,
``cases/<id>/<list>/<date>-<who>-<hash>.yaml`` (:func:`site_gen.records.layout.entry_name`).
:func:`entry_collection` builds the collection of one list from
(list name, entry model, German labels); :data:`ENTRY_LISTS` holds the labels.

A new file's path comes from templates over the form's values, so each
collection has two fields that exist only for the path and are never written
into the file (site-gen's format, ``static/admin/site-gen-yaml.js``, drops every
key starting with ``_``; the entry models forbid unknown keys):

* ``_akte``: the case, picked from the Akten collection (a relation field);
* ``_kurz``: six random hex digits, set by the page just before saving
  (Decap's ``preSave`` event; Decap's templates have no hash or uuid), so two
  entries of the same day and person on two branches are two files.

``_kurz`` and the list mark ``_liste`` (below) are hidden fields, so Sveltia
CMS accepts the configuration too (it wants every slug and filter field among
the collection's fields).

Which files a collection shows (researched in Decap CMS 3.16 and Sveltia CMS):

* Decap lists every file below ``folder`` up to the depth of ``path`` (here
  ``cases/*/*/*.yaml``, the entries of every list) and its ``filter`` compares
  one value of the *parsed data* (``field`` + ``value``; no ``pattern``, no
  path, the ``meta.path`` of nested collections is not filtered on). A custom
  format's ``fromFile`` sees the text only, never the path.
* Sveltia CMS turns ``path`` into a regular expression
  (``[^/]+?/consents/[^/]+?``), so there the list folder decides by itself.

So the format marks each entry with the list whose form it fits (``_liste``,
the filter's field): its keys are all fields of the list's model and every
required field is there. The mark is sound because no two lists can share such
a key set — for any two entry models the required fields of both are never all
fields of both (``tests/cms/test_config.py`` proves it over the models, and
runs the format's own marking over every entry file of the demo). An entry
with an unknown key or without a required field fits no list and is shown
nowhere; ``site-gen check`` names it. An existing entry is edited in place
(Decap keeps its path; the case field stays empty there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..records.layout import WHO, appendable, date_field, list_model
from .widgets import Context, model_fields

CASE_FIELD = "_akte"
WORKPLACE_FIELD = "_arbeitsplatz"
TAG_FIELD = "_kurz"
LIST_FIELD = "_liste"


@dataclass(frozen=True, slots=True)
class EntryList:
    """The German face of one appendable list: collection name (in the address), label, singular, summary tail."""

    list: str
    name: str
    label: str
    singular: str
    summary: str = ""
    kind: str = "cases"
    """The record folder the entries live in (``cases`` or ``workplaces``)."""


ENTRY_LISTS: tuple[EntryList, ...] = (
    EntryList("support_log", "begleitung", "Unterstützungsprotokoll", "Begleitungseintrag", "{{minutes}} Minuten"),
    EntryList("consents", "einwilligungen", "Einwilligungen", "Einwilligung", "{{id}} {{purpose}}"),
    EntryList("stages", "phasen", "Phasen", "Phase", "{{stage}}"),
    EntryList("goals", "ziele", "Teilhabeziele", "Teilhabeziel", "{{goal}}"),
    EntryList("ability_profiles", "faehigkeitsprofile", "Fähigkeitsprofile", "Fähigkeitsprofil", "{{instrument}}"),
    EntryList("placements", "platzierungen", "Platzierungen", "Platzierung", "{{workplace}}"),
    EntryList("enrolments", "kurse", "Kurse", "Kursteilnahme", "{{module}}"),
    EntryList("disclosures", "mitteilungen", "Mitteilungen an Betriebe", "Mitteilung an einen Betrieb", "{{workplace}}"),
    EntryList("cost_approvals", "kostenzusagen", "Kostenzusagen", "Kostenzusage", "{{bearer}}"),
    EntryList("follow_along", "begleitung-nach-wechsel", "Begleitung nach dem Wechsel", "Begleitung nach dem Wechsel", "{{placement}}"),
    EntryList("transition_group", "uebergangsgruppe", "Übergangsgruppe", "Zeit in der Übergangsgruppe", "{{ifd}}"),
    EntryList("contracts", "vertraege", "Verträge", "Vertrag", "{{placement}}"),
    EntryList("wage_amounts", "entgelt-betraege", "Entgelt-Beträge", "Entgelt-Betrag", "{{euro_per_hour}} Euro je Stunde"),
    EntryList("company_changes", "veraenderungen-im-betrieb", "Veränderungen im Betrieb", "Veränderung im Betrieb", "{{kind}}"),
    EntryList("returns", "rueckkehr-in-die-werkstatt", "Rückkehr in die Werkstatt", "Rückkehr in die Werkstatt", "{{placement}}"),
    EntryList("contact_log", "betriebskontakte", "Kontakte mit Betrieben", "Kontakt mit einem Betrieb", "{{kind}}", "workplaces"),
    EntryList("feedback", "rueckmeldungen", "Rückmeldungen", "Rückmeldung", "{{phase}}"),
    EntryList("context_factors", "kontextfaktoren", "Kontextfaktoren (ICF)", "Kontextfaktor", "{{code}} {{kind}}"),  # issue 29
)
"""Every appendable list of a case (and of a workplace), in the order of the editor's sidebar (a test keeps it complete)."""


def entry_model(list_name: str) -> type[BaseModel]:
    """The model of one entry of ``list_name`` (``list[Consent]`` → ``Consent``)."""
    return list_model(list_name)


def case_field() -> dict[str, Any]:
    """The relation field that names the case folder (only in the path)."""
    return {"name": CASE_FIELD, "label": "Akte", "widget": "relation", "collection": "akten", "value_field": "id",
            "search_fields": ["id", "first_name", "last_name"], "display_fields": ["id", "first_name", "last_name"],
            "required": False,
            "hint": "Für einen neuen Eintrag: die Akte, in deren Ordner er gespeichert wird. Bei einem bestehenden Eintrag leer lassen."}


def workplace_field() -> dict[str, Any]:
    """The relation field that names the workplace folder of a new contact (only in the path)."""
    return {"name": WORKPLACE_FIELD, "label": "Arbeitsplatz", "widget": "relation", "collection": "arbeitsplaetze", "value_field": "id",
            "search_fields": ["id", "company.name"], "display_fields": ["id", "company.name"], "required": False,
            "hint": "Für einen neuen Kontakt: der Betrieb, in dessen Ordner er gespeichert wird. Bei einem bestehenden Kontakt leer lassen."}


def hidden_fields(list_name: str) -> list[dict[str, Any]]:
    """The random mark and the list mark as hidden fields: Sveltia CMS accepts a slug or filter only over a
    field of the collection (Decap does not ask); the format drops both before writing."""
    return [{"name": TAG_FIELD, "label": "Kürzel", "widget": "hidden"},
            {"name": LIST_FIELD, "label": "Liste", "widget": "hidden", "default": list_name}]


def slug_template(list_name: str) -> str:
    """The file name as :func:`site_gen.records.layout.entry_name` builds it: date (or 'ohne-datum'), who, random mark."""
    day = date_field(list_name)
    parts = ["{{" + day + "}}" if day else "ohne-datum"]
    if who := WHO.get(list_name):
        parts.append("{{" + who + "}}")
    return "-".join([*parts, "{{" + TAG_FIELD + "}}"])


def entry_collection(entries: EntryList, model: type[BaseModel], ctx: Context) -> dict[str, Any]:
    """The collection of one list: new entries as files of their own in a case folder, old ones edited in place."""
    day = date_field(entries.list)
    first = day or next(iter(model.model_fields))
    summary = " – ".join(p for p in ("{{" + first + "}}", "{{dirname}}", entries.summary) if p)
    note = (f"Jeder Eintrag wird eine eigene Datei im Ordner der Akte (cases/KENNUNG/{entries.list}/…yaml). "
            "Die Akte wird nur für den Ablageort gewählt und nicht in den Eintrag geschrieben.")
    owner, owner_field = CASE_FIELD, case_field()
    if entries.kind == "workplaces":
        note = (f"Jeder Kontakt wird eine eigene Datei im Ordner des Arbeitsplatzprofils (workplaces/KENNUNG/{entries.list}/…yaml), "
                "auch ohne Akte. Betrifft er eine Person, unter 'Akte' deren Kennung eintragen (braucht ihre Einwilligung für diesen Betrieb). "
                "Keine Gesundheitsdaten in die Notiz.")
        owner, owner_field = WORKPLACE_FIELD, workplace_field()
    return {
        "name": entries.name, "label": entries.label, "label_singular": entries.singular,
        "folder": entries.kind, "extension": "yaml", "format": "yaml", "create": True, "delete": False,
        "path": "{{" + owner + "}}/" + entries.list + "/{{slug}}",
        "slug": slug_template(entries.list),
        "identifier_field": first,
        "filter": {"field": LIST_FIELD, "value": entries.list},
        "summary": summary,
        "sortable_fields": [first],
        "description": note,
        "fields": [owner_field, *model_fields(model, ctx), *hidden_fields(entries.list)],
        "editor": {"preview": False},
    }


def entry_collections(ctx: Context, kinds: tuple[str, ...] = ("cases",)) -> list[dict[str, Any]]:
    """One collection per appendable list of the record kinds stored as folders (``kinds``), in :data:`ENTRY_LISTS` order."""
    known = {name for kind in kinds for name in appendable(kind)}
    return [entry_collection(e, entry_model(e.list), ctx) for e in ENTRY_LISTS if e.list in known and e.kind in kinds]
