"""The person's own view beside the coach's (issue 31): self-assessment wording, the picture scale, the comparison.

The person rates the same catalogue items as the coach's ability profile
(``instrument: selbsteinschaetzung``, the case's own id as ``assessor``). The
comparison puts both views side by side, item by item, and names where they
differ; it never adds them up to a score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models.case import AbilityProfile, Case, Instrument, PlacementStatus
from ..records.dataset import Dataset
from .internal import Link, label, staff_link

DIFFERENCE = 2
"""Steps on the 1–5 scale from which the two views count as different (the three-step scale has steps of 2)."""

PERSON_WORDS = {1: "Das fällt mir schwer.", 2: "Das fällt mir eher schwer.", 3: "Das geht so.", 4: "Das kann ich gut.", 5: "Das kann ich sehr gut."}
"""What the person says with each step of the picture scale (Leichte Sprache)."""

SCALES: dict[int, tuple[int, ...]] = {3: (1, 3, 5), 5: (1, 2, 3, 4, 5)}
"""Picture scale with three or five steps → the ratings (1–5) its pictures stand for."""

ITEM_TEXTS: dict[str, tuple[tuple[str, ...], str]] = {
    "arbeitsauftrag": (("Ich bekomme eine Aufgabe.", "Ich mache die Aufgabe allein."), "aufgabe"),
    "mehrere-aufgaben": (("Ich mache mehrere Aufgaben nach·einander.",), "aufgabe"),
    "tagesroutine": (("Ich halte meinen Tages·ablauf ein.",), "uhr"),
    "umstellung": (("Bei der Arbeit ist etwas neu.", "Ich mache dann gut weiter."), "werkzeug"),
    "sorgfalt": (("Ich arbeite genau.",), "haken"),
    "puenktlichkeit": (("Ich komme pünktlich zur Arbeit.",), "uhr"),
    "belastung": (("Manchmal muss es schnell gehen.", "Dann bleibe ich ruhig."), "uhr"),
    "konzentration": (("Ich bleibe lange bei einer Aufgabe.",), "aufgabe"),
    "merkfaehigkeit": (("Ich merke mir neue Dinge.",), "haken"),
    "lesen": (("Ich lese Texte.",), "brief"),
    "schreiben": (("Ich schreibe Texte.",), "brief"),
    "rechnen": (("Ich rechne mit Zahlen.",), "einkaufswagen"),
    "kommunikation": (("Ich spreche mit anderen Menschen.",), "menschen"),
    "teamarbeit": (("Ich arbeite mit anderen zusammen.",), "menschen"),
    "kritik": (("Jemand sagt mir: Das war falsch.", "Dann höre ich zu und mache es besser."), "hand"),
    "kundenkontakt": (("Ich spreche mit Kundinnen und Kunden.",), "einkaufswagen"),
    "heben-tragen": (("Ich hebe und trage schwere Sachen.",), "kiste"),
    "stehen": (("Ich stehe lange bei der Arbeit.",), "ort"),
    "feinmotorik": (("Ich mache feine Arbeit mit den Händen.",), "hand"),
    "ausdauer": (("Ich habe viel Kraft für lange Arbeit.",), "werkzeug"),
    "oepnv": (("Ich fahre allein mit Bus und Bahn.",), "ort"),
    "hygiene": (("Ich halte die Regeln für Sauberkeit ein.",), "besen"),
}
"""Catalogue item → the question in Leichte Sprache (one sentence per line) and its pictogram
(``site_gen/static/public/pictos``). An organisation's own items fall back to their label."""


def is_self(profile: AbilityProfile) -> bool:
    """The person's own assessment."""
    return profile.instrument is Instrument.SELF


@dataclass(frozen=True, slots=True)
class ViewRow:
    item: str
    group: str
    person: int
    coach: int

    @property
    def person_words(self) -> str:
        return PERSON_WORDS[self.person]

    @property
    def differs(self) -> bool:
        return abs(self.person - self.coach) >= DIFFERENCE

    @property
    def direction(self) -> str:
        """Who sees more: in words, never a number."""
        if not self.differs:
            return "ähnlich"
        return "Person sieht sich stärker" if self.person > self.coach else "Fachkraft sieht die Person stärker"


@dataclass(frozen=True, slots=True)
class SelfComparison:
    """The newest self-assessment beside the newest assessment by a coach."""

    person_date: dt.date
    coach_date: dt.date
    coach_instrument: str
    coach: Link
    rows: list[ViewRow]
    next_reflection: dt.date | None

    @property
    def differing(self) -> list[ViewRow]:
        return [r for r in self.rows if r.differs]


def newest(case: Case, today: dt.date, own: bool) -> AbilityProfile | None:
    """The newest assessment on or before ``today`` by the person (``own``) or by a coach."""
    dated = [p for p in case.ability_profiles if p.date <= today and is_self(p) is own]
    return max(dated, key=lambda p: p.date, default=None)


def next_reflection(case: Case, today: dt.date) -> dt.date | None:
    """The next Reflexionsgespräch on the calendar (a placement's ``reflection_on`` from today on)."""
    days = [p.reflection_on for p in case.placements if p.reflection_on is not None and p.reflection_on >= today
            and p.status is not PlacementStatus.ABORTED]
    return min(days, default=None)


def compare_views(ds: Dataset, case: Case, today: dt.date) -> SelfComparison | None:
    """Both views item by item (items rated in both), or None without a self-assessment and a coach's assessment."""
    own, coach = newest(case, today, True), newest(case, today, False)
    if own is None or coach is None:
        return None
    rows = []
    for item, person in own.ratings.items():
        if item in coach.ratings:
            meta = ds.profile_items.get(item)
            rows.append(ViewRow(meta.label if meta else item, meta.group if meta else "", person, coach.ratings[item]))
    return SelfComparison(own.date, coach.date, label(coach.instrument), staff_link(ds, coach.assessor), rows, next_reflection(case, today))


@dataclass(frozen=True, slots=True)
class FormItem:
    """One question of the printable form: lines in Leichte Sprache and a pictogram name (None: no picture)."""

    id: str
    lines: tuple[str, ...]
    picto: str | None


@dataclass(frozen=True, slots=True)
class FormStep:
    """One picture of the scale: the rating it stands for and the person's words."""

    rating: int
    words: str


@dataclass(frozen=True, slots=True)
class FormContext:
    """The blank self-assessment form: every catalogue item, the scale with three or five pictures."""

    steps: list[FormStep]
    items: list[FormItem]


def form_context(ds: Dataset, steps: int = 3) -> FormContext:
    """The form for the repository's catalogue (the tool's items and the organisation's own)."""
    items = []
    for iid, meta in ds.profile_items.items():
        lines, picto = ITEM_TEXTS.get(iid, ((meta.label,), None))
        items.append(FormItem(iid, lines, picto))
    return FormContext([FormStep(r, PERSON_WORDS[r]) for r in SCALES[steps]], items)
