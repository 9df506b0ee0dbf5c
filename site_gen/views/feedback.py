"""Feedback after each phase (issue 31): the printable questionnaire and the Kennzahlen over many people.

The figures add the answers up per phase, and only where at least
:data:`MIN_PEOPLE` different people answered; below that a group shows only
that it is too small. Never per person, never per coach.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..models.case import Case
from ..models.feedback import FEEDBACK_LABELS, FeedbackPhase, Question

MIN_PEOPLE = 5
"""Fewest people whose answers a figure may add up (below: no figure, so no answer can be traced to a person)."""

FACE_WORDS = {3: "Ja, genau.", 2: "Ein bisschen.", 1: "Eher anders."}
"""The words under the three faces of the form (Leichte Sprache)."""
QUESTION_PICTOS = {Question.LIKED: "haken", Question.HELP: "hand", Question.PEOPLE: "menschen", Question.LEARNED: "aufgabe", Question.AGAIN: "ort"}
PHASE_TITLES = {FeedbackPhase.TRIAL: "Wie war meine Erprobung?", FeedbackPhase.COURSE: "Wie war mein Kurs?",
                FeedbackPhase.MOVE: "Wie ist mein neuer Arbeits·platz?"}


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    question: str
    happy: int
    middle: int
    sad: int

    @property
    def total(self) -> int:
        return self.happy + self.middle + self.sad


@dataclass(frozen=True, slots=True)
class FeedbackGroup:
    """The answers after one kind of phase: rows only from :data:`MIN_PEOPLE` people on."""

    phase: str
    people: int
    forms: int
    rows: list[FeedbackRow] | None


@dataclass(frozen=True, slots=True)
class FeedbackFigures:
    groups: list[FeedbackGroup]
    min_people: int = MIN_PEOPLE


def _people(cases: list[Case], phase: FeedbackPhase, today: dt.date) -> int:
    return sum(1 for c in cases if any(fb.phase is phase and fb.date <= today for fb in c.feedback))


def shown(people: int, parts: list[int]) -> bool:
    """A group of ``people`` may be shown: at least :data:`MIN_PEOPLE`, and the people outside its shown
    ``parts`` (sub-groups with figures of their own, e.g. the locations of a provider) are none or again
    at least :data:`MIN_PEOPLE` — else the difference of two figures would show a few people's answers."""
    rest = people - sum(n for n in parts if n >= MIN_PEOPLE)
    return people >= MIN_PEOPLE and (rest == 0 or rest >= MIN_PEOPLE)


def feedback_figures(cases: list[Case], today: dt.date, parts: list[list[Case]] | None = None) -> FeedbackFigures:
    """Answers per phase and question over ``cases`` (consent-filtered: only feedback with a live consent is there).

    ``parts``: the sub-groups that have figures of their own (a provider's locations).
    """
    groups = []
    for phase in FeedbackPhase:
        forms = [(c.id, fb) for c in cases for fb in c.feedback if fb.phase is phase and fb.date <= today]
        people = len({cid for cid, _ in forms})
        rows = None
        if shown(people, [_people(part, phase, today) for part in parts or []]):
            rows = []
            for q in Question:
                counts = Counter(fb.answers[q] for _, fb in forms if q in fb.answers)
                rows.append(FeedbackRow(FEEDBACK_LABELS[q], counts[3], counts[2], counts[1]))
        groups.append(FeedbackGroup(FEEDBACK_LABELS[phase], people, len(forms), rows))
    return FeedbackFigures(groups)


@dataclass(frozen=True, slots=True)
class QuestionnaireItem:
    text: str
    picto: str


@dataclass(frozen=True, slots=True)
class QuestionnaireContext:
    """The blank questionnaire after one phase."""

    title: str
    questions: list[QuestionnaireItem]
    faces: list[tuple[int, str]]


def questionnaire(phase: FeedbackPhase) -> QuestionnaireContext:
    return QuestionnaireContext(PHASE_TITLES[phase], [QuestionnaireItem(FEEDBACK_LABELS[q], QUESTION_PICTOS[q]) for q in Question],
                                sorted(FACE_WORDS.items()))
