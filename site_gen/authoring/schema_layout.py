"""Editor schemas that fit the folder layout of a case, derived from the composed case schema.

A case folder is ``case.yaml`` plus one small file per entry (see
:mod:`site_gen.records.layout`). The composed case schema (``case.schema.json``)
requires lists such as ``stages`` that live in subfolders, so an editor
would flag every ``case.yaml``. This module derives from the *completed*
case schema (with the repository's ids, :mod:`site_gen.authoring.schema_files`):

- ``case-folder.schema.json``: the same schema with the entry lists optional;
- ``entries/<list>.schema.json``: one entry of that list, with exactly the
  descriptions and id completions the case schema has for the list's items;

and the VS Code setting that maps every file of a records repository to its
schema (``.vscode/settings.json``, written by ``site-gen init``).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..records.layout import MAIN_FILE, WORKPLACE_LISTS, appendable, main_file

FOLDER = "case-folder"
"""Schema name of ``cases/<id>/case.yaml``."""
WORKPLACE_FOLDER = "workplace-folder"
"""Schema name of ``workplaces/<id>/workplace.yaml``."""
ENTRIES = "entries"
"""Subfolder of ``schema/`` with one schema per entry list."""
_IN_FILES = " Im Ordner-Aufbau steht jeder Eintrag als eigene Datei im Unterordner '{name}/' (site-gen new eintrag); hier bleibt die Liste leer oder fehlt."


def entry_path(list_name: str) -> str:
    """``entries/stages.schema.json``: the entry schema's path relative to ``schema/``."""
    return f"{ENTRIES}/{list_name}.schema.json"


def folder_schema(case: dict[str, Any], kind: str = "cases") -> dict[str, Any]:
    """The schema of ``case.yaml`` in a case folder (``workplace.yaml``: ``kind``): the composed one with every entry list optional."""
    out = copy.deepcopy(case)
    lists = set(appendable(kind))
    out["required"] = [name for name in out.get("required", []) if name not in lists]
    for name in lists:
        prop = out["properties"][name]
        prop.pop("minItems", None)  # the composed list counts (entry files included), not the one in case.yaml
        prop["description"] = prop.get("description", "") + _IN_FILES.format(name=name)
    if kind == "workplaces":
        out["description"] = (f"Die festen Angaben eines Arbeitsplatzprofils im Ordner-Aufbau (workplaces/<kennung>/{main_file(kind)}). "
                              "Kontakte mit dem Betrieb stehen als eigene Dateien im Unterordner contact_log/.")
        return out
    out["description"] = (f"Die festen Angaben einer Akte im Ordner-Aufbau (cases/<kennung>/{MAIN_FILE}). "
                          "Einträge (Phasen, Begleitung, Einwilligungen …) stehen als eigene Dateien in den Unterordnern.")
    return out


def entry_schema(case: dict[str, Any], list_name: str) -> dict[str, Any]:
    """The schema of one entry file of ``list_name``: the list's item schema as the root, with the definitions it uses."""
    prop = case["properties"][list_name]
    defs: dict[str, Any] = case.get("$defs", {})
    root = copy.deepcopy(defs[prop["items"]["$ref"].rsplit("/", 1)[-1]])
    used = _refs(root, defs)
    root["title"] = f"{prop.get('title', list_name)}: ein Eintrag"
    kind = "workplaces" if list_name in WORKPLACE_LISTS else "cases"
    root["description"] = (f"{prop.get('description', '')} Ein Eintrag je Datei: {kind}/<kennung>/{list_name}/<datum>-…yaml, "
                           "die Felder ohne führendes '- '.").strip()
    for tie in ("x-zweck", "x-rechtsgrundlage"):
        if tie in prop:
            root[tie] = prop[tie]
    if used:
        root["$defs"] = {name: copy.deepcopy(defs[name]) for name in sorted(used)}
    return root


def _refs(node: Any, defs: dict[str, Any], found: set[str] | None = None) -> set[str]:
    """Names of every definition ``node`` reaches through ``$ref`` (transitively)."""
    found = set() if found is None else found
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and (name := ref.rsplit("/", 1)[-1]) not in found:
            found.add(name)
            _refs(defs.get(name), defs, found)
        for value in node.values():
            _refs(value, defs, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, defs, found)
    return found


def editor_mapping() -> dict[str, list[str]]:
    """VS Code ``yaml.schemas``: schema file (relative to the repository) → the files it describes.

    The YAML language server matches each glob anywhere below the workspace
    (``**/`` in front), so the globs must not overlap: ``cases/*.yaml`` (a case
    still in one file) never matches ``cases/<id>/case.yaml``.
    """
    kind = "cases"
    out = {f"./schema/{FOLDER}.schema.json": [f"{kind}/*/{MAIN_FILE}"], "./schema/case.schema.json": [f"{kind}/*.yaml"]}
    out |= {f"./schema/{entry_path(name)}": [f"{kind}/*/{name}/*.yaml"] for name in appendable()}
    out |= {f"./schema/{WORKPLACE_FOLDER}.schema.json": [f"workplaces/*/{main_file('workplaces')}"]}
    out |= {f"./schema/{entry_path(name)}": [f"workplaces/*/{name}/*.yaml"] for name in WORKPLACE_LISTS}
    out |= {"./schema/workplace.schema.json": ["workplaces/*.yaml"], "./schema/module.schema.json": ["modules/*.yaml"],
            "./schema/organisation.schema.json": ["organisation.yaml"],
            "./schema/profile-catalogue.schema.json": ["schema/profile-catalogue.yaml"],
            "./schema/consent-purposes.schema.json": ["schema/consent-purposes.yaml"],
            "./schema/team.schema.json": ["team/*.yaml"]}  # team time without a case (issue 29)
    return out


def editor_settings() -> str:
    """``.vscode/settings.json`` of a records repository (the YAML extension by Red Hat reads it)."""
    return json.dumps({"yaml.schemas": editor_mapping()}, ensure_ascii=False, indent=2) + "\n"


EDITOR_EXTENSIONS = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
"""``.vscode/extensions.json``: VS Code offers the YAML extension when the repository is opened."""
