"""What the path after the move counts, for the check and the dossier alike."""

from __future__ import annotations

from ..models.common import OUTPLACED_TYPES, PlacementType

WORKPLACE_TYPES = OUTPLACED_TYPES | {PlacementType.BUDGET_WORK, PlacementType.BUDGET_TRAINING, PlacementType.REGULAR}
"""Placements after the move: follow-along support and contracts belong to these."""
QUALIFICATION_YEARS = 2
"""HAA: after two years without placement an Integrationspraktikum can follow."""
