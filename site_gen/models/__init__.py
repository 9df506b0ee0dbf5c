"""Pydantic models: the single source of truth for every record format."""

from .case import Case
from .catalogue import ProfileCatalogue, PurposeCatalogue
from .module import Module
from .organisation import Organisation
from .workplace import Workplace

RECORD_KINDS: dict[str, type] = {"cases": Case, "workplaces": Workplace, "modules": Module}
"""Folder name → model of the records stored one per file in that folder."""

__all__ = ["RECORD_KINDS", "Case", "Module", "Organisation", "ProfileCatalogue", "PurposeCatalogue", "Workplace"]
