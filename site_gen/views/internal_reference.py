"""The reference of the record formats (``formate.md``), generated from the models.

Walks each model's JSON Schema (the same one ``schema/`` is generated from),
so the page can never drift from what ``site-gen check`` enforces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from ..models import Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace
from ..records.layout import MAIN_FILE, WHO, appendable, date_field

FILES: list[tuple[str, type[BaseModel], str]] = [
    ("Akte einer teilnehmenden Person", Case, "cases/<kennung>/case.yaml und eine Datei je Eintrag (siehe unten)"),
    ("Arbeitsplatzprofil", Workplace, "workplaces/<kennung>/workplace.yaml und eine Datei je Kontakt (contact_log/)"),
    ("Kursmodul", Module, "modules/<kennung>.yaml"),
    ("Organisationsdaten", Organisation, "organisation.yaml"),
    ("Profilkatalog", ProfileCatalogue, "schema/profile-catalogue.yaml"),
    ("Einwilligungszwecke", PurposeCatalogue, "schema/consent-purposes.yaml"),
]


@dataclass(frozen=True, slots=True)
class FieldRow:
    key: str
    title: str
    description: str
    type: str
    section: str | None
    """Anchor of the nested section this field refers to, if any."""
    required: bool
    purpose: str | None
    basis: str | None


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    name: str
    description: str
    rows: list[FieldRow]


@dataclass(frozen=True, slots=True)
class FormatFile:
    title: str
    path: str
    sections: list[Section]


@dataclass(frozen=True, slots=True)
class EntryFolder:
    """A list of the case whose entries are files of their own in the case folder."""

    folder: str
    title: str
    name: str
    """How an entry file is named, e.g. ``<date>-<by>-<kürzel>.yaml``."""


@dataclass(frozen=True, slots=True)
class ReferenceContext:
    page: str
    files: list[FormatFile]
    main_file: str
    entry_folders: list[EntryFolder]


SIMPLE = {"integer": "Ganzzahl", "number": "Zahl", "boolean": "Wahrheitswert (true/false)", "string": "Text"}


def _type(prop: dict[str, Any], defs: dict[str, Any], prefix: str) -> tuple[str, str | None]:
    """German type description and the anchor of a referenced section."""
    if "anyOf" in prop:
        parts = [p for p in prop["anyOf"] if p.get("type") != "null"]
        return _type(parts[0], defs, prefix) if parts else ("–", None)
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = defs.get(name, {})
        if "enum" in target:
            return "Auswahl: " + ", ".join(str(v) for v in target["enum"]), None
        return f"Abschnitt {name}", f"{prefix}-{name.lower()}"
    kind = prop.get("type")
    if kind == "array":
        inner, anchor = _type(prop.get("items", {}), defs, prefix)
        return f"Liste von {inner}", anchor
    if kind == "object":
        values = next(iter(prop.get("patternProperties", {}).values()), prop.get("additionalProperties", {}))
        inner, anchor = _type(values, defs, prefix) if isinstance(values, dict) else ("Wert", None)
        return f"Zuordnung Kennung → {inner}", anchor
    return _scalar(prop, kind), None


def _scalar(prop: dict[str, Any], kind: object) -> str:
    """German description of a date, an id, a text with a format, or a number with its bounds."""
    if prop.get("format") == "date":
        return "Datum (JJJJ-MM-TT)"
    if kind == "string" and "pattern" in prop:
        return "Kennung (a–\u2060z, 0–\u20609, -)" if "a-z" in prop["pattern"] else "Text im Format " + prop["pattern"]
    text = SIMPLE.get(str(kind), str(kind or "Wert"))
    bounds = [f"≥ {prop['minimum']}" if "minimum" in prop else "", f"≤ {prop['maximum']}" if "maximum" in prop else "",
              f"> {prop['exclusiveMinimum']}" if "exclusiveMinimum" in prop else ""]
    bounds = [b for b in bounds if b]
    return f"{text} ({', '.join(bounds)})" if bounds else text


def _section(anchor: str, name: str, schema: dict[str, Any], defs: dict[str, Any], prefix: str) -> Section:
    required = set(schema.get("required", []))
    rows = []
    for key, prop in schema.get("properties", {}).items():
        kind, target = _type(prop, defs, prefix)
        rows.append(FieldRow(key, prop.get("title", ""), prop.get("description", ""), kind, target, key in required,
                             prop.get("x-zweck"), prop.get("x-rechtsgrundlage")))
    # The schema's own description is the model's docstring (English, for developers): not shown on the page.
    return Section(anchor, name, "", rows)


def _german_names(sections: list[Section], file_title: str) -> list[Section]:
    """Each nested section named by the German title of the first field that refers to it (the schema's
    names are the model classes, English); the top section by the file's title."""
    names: dict[str, str] = {}
    for section in sections:
        for row in section.rows:
            if row.section and row.title:
                names.setdefault(row.section, row.title)
    german = {f"Abschnitt {s.name}": f"Abschnitt „{names[s.anchor]}“" for s in sections[1:] if s.anchor in names}

    def rows(section: Section) -> list[FieldRow]:
        return [replace(r, type=re.sub(r"Abschnitt \w+$", lambda m: german.get(m.group(0), m.group(0)), r.type)) for r in section.rows]

    out = [Section(sections[0].anchor, f"{file_title}: Felder", sections[0].description, rows(sections[0]))]
    seen: dict[str, int] = {}
    for s in sections[1:]:
        name = names.get(s.anchor, s.name)
        seen[name] = seen.get(name, 0) + 1
        out.append(Section(s.anchor, name if seen[name] == 1 else f"{name} ({seen[name]})", s.description, rows(s)))
    return out


def reference() -> ReferenceContext:
    """Every record format, field by field."""
    files = []
    for title, model, path in FILES:
        schema = model.model_json_schema()
        defs = schema.get("$defs", {})
        prefix = model.__name__.lower()
        sections = [_section(prefix, model.__name__, schema, defs, prefix)]
        sections += [_section(f"{prefix}-{name.lower()}", name, d, defs, prefix) for name, d in defs.items() if "properties" in d]
        files.append(FormatFile(title, path, _german_names(sections, title)))
    return ReferenceContext("formate.md", files, MAIN_FILE, entry_folders())


def entry_folders() -> list[EntryFolder]:
    """The case folder's subfolders, in model order, with how their files are named."""
    out = []
    for name in appendable():
        parts = [f"<{date_field(name) or 'ohne-datum'}>"] + ([f"<{WHO[name]}>"] if name in WHO else []) + ["<kürzel>"]
        out.append(EntryFolder(name, str(Case.model_fields[name].title), "-".join(parts) + ".yaml"))
    return out
