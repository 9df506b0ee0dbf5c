"""Ability vs requirement per catalogue item: gaps, flags and a German summary.

Thresholds (``gap = ability − requirement``, ratings 1–5):

* ``gap ≥ 0`` → *passt* (requirement met).
* ``gap = −1`` → *Überforderung* (one level short; often bridgeable with
  support or practice, so the score gives half points).
* ``gap ≤ −2`` → *deutliche Überforderung* (no points for the item).
* ``gap ≥ 3`` → *deutlich unterfordert* in addition to *passt*: the person can
  far more than the workplace asks (e.g. ability 5, requirement 2). This is
  shown to the coach but never lowers the score: a better assessment must
  never make a match worse.
* No usable rating → *nicht eingeschätzt*; health-related item without the
  ``gesundheitsdaten`` consent → *ohne Einwilligung* (never compared).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from ..models.organisation import ProfileItem

OVER_DEMAND = 1
"""requirement − ability ≥ this → over-demand (Überforderung)."""
STRONG_OVER_DEMAND = 2
"""requirement − ability ≥ this → strong over-demand (no points for the item)."""
UNDER_CHALLENGE = 3
"""ability − requirement ≥ this → far under-challenged (flag only)."""


class Flag(str, Enum):
    FITS = "passt"
    UNDER = "unterfordert"
    OVER = "ueberforderung"
    STRONG_OVER = "deutliche-ueberforderung"
    UNKNOWN = "nicht-eingeschaetzt"
    EXCLUDED = "ohne-einwilligung"


FLAG_LABELS: dict[Flag, str] = {
    Flag.FITS: "passt",
    Flag.UNDER: "deutlich unterfordert",
    Flag.OVER: "Überforderung",
    Flag.STRONG_OVER: "deutliche Überforderung",
    Flag.UNKNOWN: "nicht eingeschätzt",
    Flag.EXCLUDED: "ohne Einwilligung nicht verglichen",
}


@dataclass(frozen=True)
class ItemGap:
    """One catalogue item of the comparison."""

    item: str
    label: str
    group: str
    requirement: int
    ability: int | None
    flag: Flag

    @property
    def gap(self) -> int | None:
        """ability − requirement (negative: the workplace asks more)."""
        return None if self.ability is None else self.ability - self.requirement


def flag_for(ability: int | None, requirement: int) -> Flag:
    """The flag for one item (see module doc for the thresholds)."""
    if ability is None:
        return Flag.UNKNOWN
    gap = ability - requirement
    if -gap >= STRONG_OVER_DEMAND:
        return Flag.STRONG_OVER
    if -gap >= OVER_DEMAND:
        return Flag.OVER
    return Flag.UNDER if gap >= UNDER_CHALLENGE else Flag.FITS


@dataclass(frozen=True)
class Comparison:
    """All required items of a workplace against one person's usable ratings."""

    items: tuple[ItemGap, ...]

    def having(self, *flags: Flag) -> tuple[ItemGap, ...]:
        return tuple(g for g in self.items if g.flag in flags)

    @property
    def compared(self) -> tuple[ItemGap, ...]:
        """Items that take part in the score (all but the excluded ones)."""
        return tuple(g for g in self.items if g.flag is not Flag.EXCLUDED)

    @property
    def met(self) -> tuple[ItemGap, ...]:
        return self.having(Flag.FITS, Flag.UNDER)

    @property
    def over(self) -> tuple[ItemGap, ...]:
        return self.having(Flag.OVER, Flag.STRONG_OVER)

    @property
    def summary(self) -> str:
        """A short German summary a coach can explain to the person."""
        return summarise(self)


def compare(
    ratings: Mapping[str, int], requirements: Mapping[str, int], items: Mapping[str, ProfileItem], health_ok: bool
) -> Comparison:
    """Compare on every required catalogue item, in catalogue order.

    ``ratings`` should already be the usable ones; health-related items are
    excluded here again when ``health_ok`` is false.
    """
    out: list[ItemGap] = []
    for item_id, item in items.items():
        if item_id not in requirements:
            continue
        req = requirements[item_id]
        if item.health_related and not health_ok:
            out.append(ItemGap(item_id, item.label, item.group, req, None, Flag.EXCLUDED))
            continue
        ability = ratings.get(item_id)
        out.append(ItemGap(item_id, item.label, item.group, req, ability, flag_for(ability, req)))
    return Comparison(tuple(out))


def _names(gaps: tuple[ItemGap, ...], with_values: bool = False) -> str:
    if with_values:
        return ", ".join(f"{g.label} (verlangt {g.requirement}, eingeschätzt {g.ability})" for g in gaps)
    return ", ".join(g.label for g in gaps)


def summarise(c: Comparison) -> str:
    """German sentences: how many requirements are met, then each kind of flag."""
    if not c.items:
        return "Für diesen Arbeitsplatz gibt es noch kein Anforderungsprofil."
    compared = c.compared
    if not compared:
        parts = ["Ohne Einwilligung „Gesundheitsdaten“ kann nichts verglichen werden."]
    else:
        parts = [f"{len(c.met)} von {len(compared)} Anforderungen sind erfüllt."]
    if strong := c.having(Flag.STRONG_OVER):
        parts.append(f"Hier wird deutlich mehr verlangt: {_names(strong, True)}.")
    if over := c.having(Flag.OVER):
        parts.append(f"Hier wird etwas mehr verlangt, das kann mit Übung oder Hilfe gehen: {_names(over, True)}.")
    if under := c.having(Flag.UNDER):
        parts.append(f"Hier kann die Person viel mehr, als verlangt wird: {_names(under)}.")
    if unknown := c.having(Flag.UNKNOWN):
        parts.append(f"Noch nicht eingeschätzt: {_names(unknown)}.")
    if excluded := c.having(Flag.EXCLUDED):
        parts.append(f"Ohne Einwilligung „Gesundheitsdaten“ nicht verglichen: {_names(excluded)}.")
    return " ".join(parts)
