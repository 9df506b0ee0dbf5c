"""Which ability ratings of a person may be used on a given day.

Ability profiles are health data: the model ties the field to the consent
purpose ``gesundheitsdaten`` (``x-zweck``). Two rules, both applied here so
that every caller gets them, whether it passes a raw or a consent-filtered
dataset:

1. Without a live consent for the field's purpose no rating is used at all.
2. Catalogue items marked ``health_related`` are used only while a live
   ``gesundheitsdaten`` consent exists (this still holds if the model ever
   moves the field to another legal basis).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.consent import field_purposes, has_live
from ..models.case import AbilityProfile, Case
from ..models.catalogue import Purpose
from ..models.organisation import ProfileItem
from ..models.programmes import SELF_ASSESSMENT

HEALTH_PURPOSE = "gesundheitsdaten"

NOTE_NO_CONSENT = "Keine gültige Einwilligung „Gesundheitsdaten“: das Fähigkeitsprofil wird nicht verwendet."
NOTE_NO_PROFILE = "Es gibt noch kein Fähigkeitsprofil."


@dataclass(frozen=True)
class UsableProfile:
    """The ratings that may be used today, and why others are missing."""

    ratings: Mapping[str, int] = field(default_factory=dict)
    date: dt.date | None = None
    instrument: str | None = None
    health_ok: bool = False
    """A live ``gesundheitsdaten`` consent exists: health-related items may be used."""
    note: str | None = None
    """German explanation when no rating can be used."""


def profile_allowed(case: Case, today: dt.date, purposes: Mapping[str, Purpose]) -> bool:
    """The consent the ``ability_profiles`` field is tied to is live today."""
    purpose = field_purposes().get("ability_profiles")
    return purpose is None or has_live(case, today, dict(purposes), purpose)


def health_allowed(case: Case, today: dt.date, purposes: Mapping[str, Purpose]) -> bool:
    """Health-related catalogue items may be used today."""
    return has_live(case, today, dict(purposes), HEALTH_PURPOSE)


def dated_profiles(case: Case, today: dt.date) -> list[AbilityProfile]:
    """Assessments made on or before ``today``, oldest first (stable for equal dates); the person's self-assessment is
    their own view, never a rating the matching uses."""
    return sorted((p for p in case.ability_profiles if p.date <= today and p.instrument != SELF_ASSESSMENT), key=lambda p: p.date)


def usable_ratings(ratings: Mapping[str, int], items: Mapping[str, ProfileItem], health_ok: bool) -> dict[str, int]:
    """Ratings of known catalogue items, without health-related ones unless allowed."""
    return {k: v for k, v in ratings.items() if k in items and (health_ok or not items[k].health_related)}


def usable_profile(case: Case, today: dt.date, purposes: Mapping[str, Purpose], items: Mapping[str, ProfileItem]) -> UsableProfile:
    """The latest assessment of ``case`` as far as consent allows on ``today``."""
    health_ok = health_allowed(case, today, purposes)
    if not profile_allowed(case, today, purposes):
        return UsableProfile(health_ok=health_ok, note=NOTE_NO_CONSENT)
    profiles = dated_profiles(case, today)
    if not profiles:
        return UsableProfile(health_ok=health_ok, note=NOTE_NO_PROFILE)
    latest = profiles[-1]
    ratings = usable_ratings(latest.ratings, items, health_ok)
    return UsableProfile(ratings, latest.date, latest.instrument, health_ok)


def usable_history(
    case: Case, today: dt.date, purposes: Mapping[str, Purpose], items: Mapping[str, ProfileItem]
) -> list[tuple[dt.date, str, dict[str, int]]]:
    """Every assessment as (date, instrument, usable ratings), oldest first; empty without consent."""
    if not profile_allowed(case, today, purposes):
        return []
    health_ok = health_allowed(case, today, purposes)
    return [(p.date, p.instrument, usable_ratings(p.ratings, items, health_ok)) for p in dated_profiles(case, today)]
