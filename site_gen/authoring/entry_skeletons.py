"""The text of a new entry file as a commented skeleton (``site-gen new eintrag CASE LIST``).

Built from the entry's JSON Schema (:func:`site_gen.authoring.schema_layout.entry_schema`),
so it names every field with the German title and description the editor
shows. Every required value is an ``AUSFÜLLEN`` placeholder (the check reports
``PLACEHOLDER`` until it is replaced), except the entry's date, which is the
day given. Optional fields stand commented out. Nothing here touches the disk.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from ..records.placeholders import MARKER, fill
from ..records.sealed_schema import SEALED_REF
from .schema_layout import entry_path

WIDTH = 100
SUGGESTED = "der Editor schlägt die vorhandenen Kennungen vor"


def _plain(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The property without ``null`` alternatives and with its ``$ref`` resolved (title and description kept)."""
    parts = [p for p in prop.get("anyOf", []) if p.get("type") != "null" and p != SEALED_REF]  # a sealed value: written by 'keys seal'
    if "anyOf" in prop and len(parts) > 1:
        prop = {**prop, "anyOf": parts}
    if len(parts) == 1:
        prop = {**prop, **parts[0]}
        prop.pop("anyOf", None)
    if "$ref" in prop:
        prop = {**defs.get(prop["$ref"].rsplit("/", 1)[-1], {}), **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _about(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """What the value may be, in German: the choices, an id, a date, a number with its bounds."""
    if "enum" in prop:
        return "Auswahl: " + ", ".join(map(str, prop["enum"])) + "."
    if "anyOf" in prop:
        return f"Kennung ({SUGGESTED})."
    if prop.get("format") == "date":
        return "Datum JJJJ-MM-TT."
    if prop.get("type") == "array":
        inner = _plain(prop.get("items", {}), defs)
        return "Liste. " + ("" if inner.get("type") == "string" and "anyOf" not in inner and "pattern" not in inner else _about(inner, defs))
    if "pattern" in prop:
        return "Kennung (a–z, 0–9, -)."
    bounds = [f"ab {prop['minimum']}" if "minimum" in prop else "", f"über {prop['exclusiveMinimum']}" if "exclusiveMinimum" in prop else "",
              f"bis {prop['maximum']}" if "maximum" in prop else ""]
    kind = {"integer": "Ganzzahl", "number": "Zahl", "boolean": "true oder false"}.get(str(prop.get("type")), "")
    return " ".join(filter(None, [kind, *bounds])) + ("." if kind else "")


def _value(key: str, prop: dict[str, Any], title: str, defs: dict[str, Any]) -> list[str]:
    """The ``key: value`` lines of a field to fill in (placeholders; catalogue ratings one per line)."""
    kind = prop.get("type")
    if kind == "array":
        return [f"{key}:", f"  - {fill(title)}"]
    if kind == "object":
        items = prop.get("properties", {})
        rows = [f"  {item}: {fill('1 bis 5')}  # {sub.get('title', item)}" for item, sub in items.items()]
        names = _plain(prop.get("propertyNames", {}), defs).get("enum")
        if not rows and names:  # keys from a fixed choice (the questions of a feedback form): one line each
            value = prop.get("additionalProperties") or {}
            scale = f"{value.get('minimum', 1)} bis {value.get('maximum', 5)}"
            return [f"{key}:  # je Frage {scale}; was nicht beantwortet wurde, löschen", *(f"  {name}: {fill(scale)}" for name in names)]
        return [f"{key}:  # je Merkmal 1 (gering) bis 5 (hoch); was nicht eingeschätzt wurde, löschen", *rows] if rows \
            else [f"{key}:", f"  {fill('merkmal')}: {fill('1 bis 5')}"]
    return [f"{key}: {fill(title)}"]


def _field(key: str, prop: dict[str, Any], required: bool, defs: dict[str, Any], dated: tuple[str, str]) -> list[str]:
    """Comment lines and value lines of one field (commented out when optional)."""
    plain = _plain(prop, defs)
    title = str(prop.get("title", key))
    text = " ".join(filter(None, [f"{title} ({'Pflicht' if required else 'optional'}):", prop.get("description", ""), _about(plain, defs)]))
    lines = [f"# {line}" for line in textwrap.wrap(text, WIDTH - 2, break_on_hyphens=False, break_long_words=False)]
    if key == dated[0]:
        return [*lines, f"{key}: {dated[1]}"]
    default = prop.get("default")
    if not required and isinstance(default, (str, int, float)):  # shown as it applies when the field is left out
        return [*lines, f"# {key}: {str(default).lower() if isinstance(default, bool) else default}"]
    values = _value(key, plain, title, defs)
    return lines + (values if required else [f"# {line}" for line in values])


def skeleton(list_name: str, title: str, case_id: str, schema: dict[str, Any], date_key: str | None, today: dt.date) -> str:
    """The whole skeleton of one entry of ``list_name`` in case ``case_id`` (``schema``: the entry schema)."""
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    head = [f"# yaml-language-server: $schema=../../../schema/{entry_path(list_name)}",
            f"# Neuer Eintrag „{title}“ der Akte {case_id}: eine Datei je Eintrag (site-gen new eintrag).",
            f"# Alles mit {MARKER} ersetzen; vorher besteht die Akte die Prüfung nicht und erscheint auf keiner Seite.",
            "# Optionale Felder stehen mit '# ' davor: bei Bedarf '# ' entfernen und ausfüllen, sonst stehen lassen."]
    if "x-zweck" in schema:
        head.append(f"# Nur mit einer gültigen Einwilligung für den Zweck '{schema['x-zweck']}'.")
    body: list[str] = []
    for key, prop in schema.get("properties", {}).items():
        body += _field(key, prop, key in required, defs, (date_key or "", today.isoformat()))
    return "\n".join(head + body) + "\n"
