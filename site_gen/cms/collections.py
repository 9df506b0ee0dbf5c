"""Which files the editor shows: one place for every collection path.

The record folders come from :data:`site_gen.models.RECORD_KINDS` (the same
table the loader uses), so a move of the cases (e.g. one folder per
participant) changes this table only.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ..models import RECORD_KINDS, Organisation, ProfileCatalogue, PurposeCatalogue
from ..records.config import CATALOGUE_FILE, PURPOSES_FILE
from ..records.dataset import ORGANISATION_FILE


@dataclass(frozen=True, slots=True)
class FolderCollection:
    """Records stored one per file in ``folder``; file name = id."""

    name: str
    label: str
    singular: str
    folder: str
    summary: str
    search: tuple[str, ...]
    delete: bool

    @property
    def model(self) -> type[BaseModel]:
        return RECORD_KINDS[self.folder]


@dataclass(frozen=True, slots=True)
class SingleFile:
    """One file shown as a form (organisation data, catalogues)."""

    name: str
    label: str
    file: str
    model: type[BaseModel]


FOLDERS: tuple[FolderCollection, ...] = (
    # Cases are never deleted in the browser: erasure is 'site-gen forget' (it also rewrites the history).
    FolderCollection("akten", "Akten", "Akte", "cases", "{{id}} – {{first_name}} {{last_name}}",
                     ("id", "first_name", "last_name"), delete=False),
    FolderCollection("arbeitsplaetze", "Arbeitsplätze", "Arbeitsplatz", "workplaces", "{{id}} – {{company.name}}",
                     ("id", "company.name"), delete=False),
    FolderCollection("module", "Module", "Modul", "modules", "{{id}} – {{title}}", ("id", "title"), delete=False),
)
FILES: tuple[SingleFile, ...] = (
    SingleFile("organisation", "Organisation", ORGANISATION_FILE, Organisation),
    SingleFile("einwilligungszwecke", "Einwilligungszwecke", PURPOSES_FILE, PurposeCatalogue),
    SingleFile("profilkatalog", "Profilkatalog", CATALOGUE_FILE, ProfileCatalogue),
)
SETTINGS = "einstellungen"
"""Name of the file collection that holds the single files."""


def folder_of(model: type[BaseModel]) -> FolderCollection:
    """The collection that stores records of ``model``."""
    return next(c for c in FOLDERS if c.model is model)
