"""The editor configuration (``admin/config.yml``) from the models, catalogues and editor settings.

Pure: no file is read here; :func:`inputs_from` in the command gathers what
the function needs. The same output works in Decap CMS and Sveltia CMS (they
share the format); only the local backend is Decap's (``decap-server``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML

from ..models.case import AbilityProfile, CostApproval
from ..models.catalogue import ProfileCatalogue, PurposeCatalogue
from ..models.module import Module
from ..models.organisation import Editor, EditorBackend, Organisation
from ..models.programmes import ProgrammeCatalogue
from ..records.config import default_programmes
from ..records.layout import appendable, main_file
from .collections import FILES, FOLDERS, SETTINGS
from .entries import entry_collections
from .team import team_collection

if TYPE_CHECKING:
    from ..records.dataset import Dataset
from .widgets import Context, model_fields

HEADER = ("# Von 'site-gen cms' aus den Modellen erzeugt – nicht von Hand ändern.\n"
          "# Editor unter admin/ auf der internen Seite (Decap CMS). Siehe Hilfe: Akten im Browser bearbeiten.\n")
DEFAULT_EDITOR = Editor(backend=EditorBackend.LOCAL)
API_ROOT = {EditorBackend.GITLAB: "/api/v4", EditorBackend.GITEA: "/api/v1", EditorBackend.GITHUB: "/api/v3"}


def backend(editor: Editor) -> dict[str, Any]:
    """Decap's ``backend`` section for the organisation's editor settings."""
    if editor.backend is EditorBackend.LOCAL:
        return {"name": "proxy", "proxy_url": local_url(editor), "branch": editor.branch}
    out: dict[str, Any] = {"name": editor.backend.value, "repo": editor.repo or "team/akten", "branch": editor.branch}
    if editor.base_url:
        root = editor.base_url.rstrip("/")
        out["base_url"] = root
        out["api_root"] = root + API_ROOT[editor.backend]
    if editor.app_id:
        out["app_id"] = editor.app_id
        if editor.backend is EditorBackend.GITLAB:
            out["auth_type"] = "pkce"
    if editor.editorial_workflow:
        out["squash_merges"] = True
    return out


def local_url(editor: Editor) -> str:
    return f"http://localhost:{editor.local_port}/api/v1"


def editor_of(org: Organisation | None) -> Editor:
    return (org.editor if org is not None else None) or DEFAULT_EDITOR


def connect_hosts(editor: Editor) -> list[str]:
    """The only hosts besides the site itself the editor may talk to: the organisation's Git server."""
    if editor.backend is EditorBackend.LOCAL:
        return [f"http://localhost:{editor.local_port}"]
    if editor.base_url:
        return [editor.base_url.rstrip("/")]
    return {EditorBackend.GITHUB: ["https://api.github.com", "https://github.com"],
            EditorBackend.GITLAB: ["https://gitlab.com"], EditorBackend.GITEA: []}[editor.backend]


FOLDER_NOTE = ("Im Ordner-Aufbau (cases/KENNUNG/) stehen hier nur die festen Angaben aus case.yaml. Phasen, Begleitung, "
               "Einschätzungen, Ziele, Platzierungen, Einwilligungen und Ereignisse nach dem Wechsel sind eigene Dateien im "
               "Ordner der Akte: jede Liste hat links eine eigene Sammlung (z. B. 'Unterstützungsprotokoll', "
               "'Einwilligungen'); Begleitung geht auch mit 'site-gen log'.")
"""Shown above the case list when the cases are folders (every list has a collection of its own)."""


WORKPLACE_FOLDER_NOTE = ("Im Ordner-Aufbau (workplaces/KENNUNG/) stehen hier nur die festen Angaben aus workplace.yaml. "
                         "Kontakte mit dem Betrieb sind eigene Dateien: links die Sammlung 'Kontakte mit Betrieben'; "
                         "oder 'site-gen kontakt'.")


def case_folders(records: Iterable[str], kind: str = "cases") -> bool:
    """Whether the cases (the records of ``kind``) are folders: none is a single file (a new repository starts with folders)."""
    return not any(r.startswith(f"{kind}/") and r.endswith(".yaml") for r in records)


def _stable_only(entry: dict[str, Any], kind: str) -> None:
    """The form of a record stored as a folder: Decap lists files up to the path's depth, so case.yaml (workplace.yaml), not the entries."""
    entry["path"] = "{{id}}/" + main_file(kind).removesuffix(".yaml")
    entry["description"] = FOLDER_NOTE if kind == "cases" else WORKPLACE_FOLDER_NOTE
    entry["fields"] = [f for f in entry["fields"] if f["name"] not in appendable(kind)]


def choices(org: Organisation | None, programmes: ProgrammeCatalogue | None) -> dict[tuple[type, str], dict[str, str]]:
    """The selects over open catalogues (issue 29): programmes, instruments, measures (shipped without ``programmes``), a module's locations."""
    programmes = programmes or default_programmes()
    locations = {loc.id: loc.name for p in (org.providers if org else []) for loc in p.locations}
    return {(Module, "programme"): programmes.labels("programmes"), (AbilityProfile, "instrument"): programmes.labels("instruments"),
            (CostApproval, "measure"): programmes.labels("measures"), (Module, "locations"): locations}


def repository_config(ds: Dataset, displays: list[str]) -> dict[str, Any]:
    """The configuration for a repository's loaded settings and its record files (``displays``): what
    ``site-gen cms`` writes and the built editor serves, from one place."""
    return cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue, folders=case_folders(displays),
                      workplace_folders=case_folders(displays, "workplaces"), programmes=ds.programmes)


def cms_config(org: Organisation | None, catalogue: ProfileCatalogue | None, purposes: PurposeCatalogue | None,
               editor: Editor | None = None, folders: bool = False, workplace_folders: bool = False,
               programmes: ProgrammeCatalogue | None = None) -> dict[str, Any]:
    """The whole configuration as a plain dict (YAML-ready).

    ``folders``: the cases are folders (``cases/<id>/case.yaml``); the case form
    then holds only the stable data — a list written into case.yaml by the form
    would come before the entry files and could change which stage is current.
    """
    editor = editor or editor_of(org)
    items = [(i.id, i.label) for i in (catalogue.items if catalogue else [])]
    items += [(i.id, i.label) for i in (org.profile_items if org else [])]
    ctx = Context(items, {p.id: p.label for p in (purposes.purposes if purposes else [])}, choices(org, programmes))
    collections: list[dict[str, Any]] = []
    for c in FOLDERS:
        entry: dict[str, Any] = {
            "name": c.name, "label": c.label, "label_singular": c.singular, "folder": c.folder,
            "extension": "yaml", "format": "yaml", "create": True, "delete": c.delete,
            "identifier_field": "id", "slug": "{{id}}", "summary": c.summary, "sortable_fields": ["id"],
            "fields": model_fields(c.model, ctx),
        }
        if (folders and c.folder == "cases") or (workplace_folders and c.folder == "workplaces"):
            _stable_only(entry, c.folder)
        collections.append(entry)
    kinds = tuple(k for k, on in (("cases", folders), ("workplaces", workplace_folders)) if on)
    if kinds:  # entries are files of their own: a collection that writes new ones
        collections.extend(entry_collections(ctx, kinds))
    collections.append(team_collection(ctx))  # team time without a case (issue 29)
    collections.append({
        "name": SETTINGS, "label": "Organisation und Kataloge", "format": "yaml", "editor": {"preview": False},
        "files": [{"name": f.name, "label": f.label, "file": f.file, "fields": model_fields(f.model, ctx)} for f in FILES],
    })
    for coll in collections[:-1]:
        coll["editor"] = {"preview": False}
    config: dict[str, Any] = {
        "locale": "de",
        "backend": backend(editor),
        "media_folder": "admin/ablage-nicht-benutzen",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }
    if editor.editorial_workflow and editor.backend in (EditorBackend.GITLAB, EditorBackend.GITHUB):
        config["publish_mode"] = "editorial_workflow"
    return config


def config_text(config: dict[str, Any]) -> str:
    """The configuration as committed: a German header, then YAML in a stable order."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 120
    buf = io.StringIO()
    yaml.dump(config, buf)
    return HEADER + buf.getvalue()

