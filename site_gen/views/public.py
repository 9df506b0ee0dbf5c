"""The public projection: the only data the public job board is built from.

These types simply have no field for anything personal. They are filled from
a workplace's ``posting``, the non-personal company fields (name, sector,
district, city, transit), the job-coach team's work contact of the
workplace's location, and the participant-facing parts of modules. The build
function takes workplaces, modules and the organisation, never a Dataset:
case records cannot reach the public site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.easy_review import review_state, reviewed_texts
from ..models.common import SECTOR_LABELS, PlacementType
from ..models.module import Module
from ..models.organisation import Organisation
from ..models.programmes import ProgrammeCatalogue
from ..models.workplace import AcquisitionStatus, ReaderReview, Workplace
from ..records.config import default_programmes

HOURS_BUCKETS: tuple[tuple[str, str, int, int], ...] = (
    ("bis-20", "Bis 20 Stunden in der Woche", 1, 20),
    ("21-bis-30", "21 bis 30 Stunden in der Woche", 21, 30),
    ("ueber-30", "Mehr als 30 Stunden in der Woche", 31, 40),
)
"""(slug, label, min, max) of the hours filter."""

EASY_PLACEMENT_LABELS: dict[PlacementType, str] = {
    PlacementType.INTERNSHIP: "Praktikum",
    PlacementType.TASTER: "Schnupper·praktikum",
    PlacementType.TRIAL: "Probe·arbeit",
    PlacementType.INTEGRATION_INTERNSHIP: "Langes Praktikum",
    PlacementType.OUTSIDE_GROUP: "Außen·arbeits·gruppe",
    PlacementType.OUTPLACED: "Außen·arbeits·platz",
    PlacementType.BUDGET_WORK: "Budget für Arbeit",
    PlacementType.BUDGET_TRAINING: "Budget für Ausbildung",
    PlacementType.REGULAR: "Fester Arbeits·platz mit Vertrag",
}
"""Placement types in Leichte Sprache (hard words are explained in the glossary)."""


@dataclass(frozen=True, slots=True)
class TeamContact:
    """The job-coach team of a location: work phone and e-mail only."""

    team: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class ReviewMark:
    """A reader review that matches the current text: the group's name and the day (no person's name)."""

    group: str
    on: dt.date


def _mark(review: ReaderReview | None, texts: list[str]) -> ReviewMark | None:
    if review is None or review_state(review, texts) != "geprueft":
        return None
    return ReviewMark(review.group, review.reviewed_on)


@dataclass(frozen=True, slots=True)
class PublicPosting:
    """One job posting as shown on the public board."""

    id: str
    title: str
    tasks: tuple[str, ...]
    needs: tuple[str, ...]
    hours: str
    hours_per_week: int
    hours_bucket: str
    place: str
    help: str
    pictogram: str
    posted_on: dt.date
    valid_until: dt.date
    company: str
    sector: str
    sector_label: str
    district: str
    city: str
    transit: str
    placement_types: tuple[tuple[str, str], ...]
    """(value, German label) of every offered placement type."""
    contact: TeamContact
    review: ReviewMark | None = None


@dataclass(frozen=True, slots=True)
class PublicRun:
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class PublicCourse:
    """A course module as described for participants."""

    id: str
    title: str
    text: str
    programme: str
    duration_weeks: int
    runs: tuple[PublicRun, ...]
    review: ReviewMark | None = None


@dataclass(frozen=True, slots=True)
class PublicBoard:
    """Everything the public site shows, on one build day."""

    today: dt.date
    base_url: str
    postings: tuple[PublicPosting, ...]
    courses: tuple[PublicCourse, ...]


def hours_bucket(hours_per_week: int) -> str:
    """Slug of the hours filter a weekly figure falls into."""
    for slug, _label, low, high in HOURS_BUCKETS:
        if low <= hours_per_week <= high:
            return slug
    return HOURS_BUCKETS[-1][0]


def is_on_board(wp: Workplace, today: dt.date) -> bool:
    """Published, current, and the company is still active."""
    post = wp.posting
    return (
        post is not None
        and post.publish
        and post.posted_on <= today <= post.valid_until
        and wp.acquisition.status not in (AcquisitionStatus.PAUSED, AcquisitionStatus.CLOSED)
    )


def _contact(wp: Workplace, organisation: Organisation) -> TeamContact | None:
    for provider in organisation.providers:
        for loc in provider.locations:
            if loc.id == wp.location:
                return TeamContact(team=f"Job·coach-Team {loc.name}", phone=loc.team_phone, email=loc.team_email)
    return None


def _posting(wp: Workplace, contact: TeamContact) -> PublicPosting:
    post = wp.posting
    assert post is not None
    return PublicPosting(
        id=wp.id,
        title=post.title,
        tasks=tuple(post.tasks),
        needs=tuple(post.needs),
        hours=post.hours,
        hours_per_week=post.hours_per_week,
        hours_bucket=hours_bucket(post.hours_per_week),
        place=post.place,
        help=post.help,
        pictogram=post.pictogram.value,
        posted_on=post.posted_on,
        valid_until=post.valid_until,
        company=wp.company.name,
        sector=wp.company.sector.value,
        sector_label=SECTOR_LABELS[wp.company.sector],
        district=wp.company.address.district,
        city=wp.company.address.city,
        transit=wp.company.transit,
        placement_types=tuple((t.value, EASY_PLACEMENT_LABELS[t]) for t in wp.placement_types),
        contact=contact,
        review=_mark(post.review, reviewed_texts(post)),
    )


def _course(mod: Module, today: dt.date, programmes: ProgrammeCatalogue) -> PublicCourse:
    return PublicCourse(
        id=mod.id,
        title=mod.easy.title,
        text=mod.easy.text,
        programme=programmes.programme(mod.programme),
        duration_weeks=mod.duration_weeks,
        runs=tuple(PublicRun(r.start, r.end) for r in sorted(mod.runs, key=lambda r: r.start) if r.end >= today),
        review=_mark(mod.easy.review, reviewed_texts(mod.easy)),
    )


def public_board(workplaces: Iterable[Workplace], modules: Iterable[Module], organisation: Organisation,
                 today: dt.date, require_review: bool = False, programmes: ProgrammeCatalogue | None = None) -> PublicBoard:
    """The public projection of ``workplaces`` and ``modules`` on ``today``.

    Postings without a team contact for their location are left out: the
    board never shows a posting nobody can be asked about. With
    ``require_review`` only texts whose reader review matches the text appear.
    """
    postings = []
    for wp in workplaces:
        if not is_on_board(wp, today):
            continue
        contact = _contact(wp, organisation)
        if contact is not None:
            posting = _posting(wp, contact)
            if posting.review is not None or not require_review:
                postings.append(posting)
    postings.sort(key=lambda p: (-p.posted_on.toordinal(), p.title, p.id))
    # Programmes not for participants (mentor training is for company staff) stay off the board.
    programmes = programmes or default_programmes()
    courses = sorted((c for c in (_course(m, today, programmes) for m in modules if programmes.for_participants(m.programme))
                      if c.review is not None or not require_review), key=lambda c: (c.programme, c.title, c.id))
    base = organisation.public_base_url.rstrip("/") + "/"
    return PublicBoard(today=today, base_url=base, postings=tuple(postings), courses=tuple(courses))
