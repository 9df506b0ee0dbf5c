"""Consent logic shared by checks and views (pure functions, no I/O).

A consent is *live* on a day when it was given on or before that day, has not
expired and was not withdrawn; if a legal guardian gave it, the guardian's
recorded tasks must cover the purpose.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ..models.case import Case, Consent, GivenBy
from ..models.catalogue import Purpose
from ..models.common import basis_of, purpose_of

BASIS_LABELS: dict[str, str] = {
    "dokumentationspflicht": "Dokumentationspflicht (Leistungserbringung, keine Einwilligung nötig)",
}
"""German labels of the legal bases that need no consent."""


@cache
def field_purposes() -> dict[str, str]:
    """Case field name → consent purpose it needs (from the models)."""
    return {name: p for name, info in Case.model_fields.items() if (p := purpose_of(info))}


@cache
def field_bases() -> dict[str, str]:
    """Case field name → legal basis it relies on instead of a consent."""
    return {name: b for name, info in Case.model_fields.items() if (b := basis_of(info))}


def guardian_covers(case: Case, consent: Consent, purposes: dict[str, Purpose]) -> bool:
    """A guardian's consent counts only within the guardianship's tasks."""
    if consent.given_by is not GivenBy.GUARDIAN:
        return True
    purpose = purposes.get(consent.purpose)
    if case.guardian is None or purpose is None:
        return False
    return bool({t.value for t in case.guardian.tasks} & set(purpose.guardian_tasks))


def is_live(consent: Consent, today: dt.date) -> bool:
    """Given, not expired, not withdrawn on ``today`` (guardian scope not included)."""
    return (
        consent.given_on <= today
        and (consent.valid_until is None or today <= consent.valid_until)
        and (consent.withdrawn_on is None or today < consent.withdrawn_on)
    )


def live_consents(case: Case, today: dt.date, purposes: dict[str, Purpose], purpose: str, recipient: str | None = None) -> list[Consent]:
    """Valid consents of ``case`` for ``purpose`` (naming ``recipient`` if given)."""
    return [
        c
        for c in case.consents
        if c.purpose == purpose
        and is_live(c, today)
        and guardian_covers(case, c, purposes)
        and (recipient is None or recipient in c.recipients)
    ]


def has_live(case: Case, today: dt.date, purposes: dict[str, Purpose], purpose: str, recipient: str | None = None) -> bool:
    return bool(live_consents(case, today, purposes, purpose, recipient))


def lapse_reason(case: Case, today: dt.date, purpose: str, recipient: str | None = None) -> tuple[str, dt.date] | None:
    """Why no consent for ``purpose`` is live although one was recorded, and since when.

    ``("withdrawn", day)`` when a matching consent was withdrawn on or before
    ``today`` (the latest such day), ``("expired", day)`` when one ran out (the
    first day without it), otherwise ``None``. Callers ask only after
    :func:`has_live` said no.
    """
    matching = [c for c in case.consents if c.purpose == purpose and (recipient is None or recipient in c.recipients)]
    withdrawn = [c.withdrawn_on for c in matching if c.withdrawn_on is not None and c.withdrawn_on <= today]
    if withdrawn:
        return "withdrawn", max(withdrawn)
    expired = [c.valid_until for c in matching if c.valid_until is not None and c.valid_until < today]
    if expired:
        return "expired", max(expired) + dt.timedelta(days=1)
    return None


def employer_purposes(purposes: dict[str, Purpose]) -> list[str]:
    """Purposes whose consents name the employers that may be told something (``needs_recipients``)."""
    return [p.id for p in purposes.values() if p.needs_recipients]


def shares_with(case: Case, today: dt.date, purposes: dict[str, Purpose], workplace: str) -> bool:
    """Whether ``case`` has a live consent that names ``workplace`` as a recipient (a company contact about the person needs it)."""
    return any(has_live(case, today, purposes, p, workplace) for p in employer_purposes(purposes))


def sharing_lapsed(case: Case, today: dt.date, purposes: dict[str, Purpose], workplace: str) -> tuple[str, dt.date] | None:
    """Why the consent naming ``workplace`` is no longer live (withdrawn or expired, and since when); None if it never was."""
    reasons = [r for p in employer_purposes(purposes) if (r := lapse_reason(case, today, p, workplace)) is not None]
    return max(reasons, key=lambda r: r[1]) if reasons else None
