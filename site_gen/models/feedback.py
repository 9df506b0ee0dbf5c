"""The person's own voice after each phase (issue 31): a short questionnaire in Leichte Sprache.

After a trial placement (Erprobung), a course or a move (Wechsel) the person
answers a few questions on a picture scale of three faces; the answers are a case
entry ``feedback`` (consent purpose ``rueckmeldung``). The Kennzahlen show them
only added up over at least 5 people, never per person (quality management:
AZAV, ISO 9001).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .common import Bool, Date, Id, Part, Text, field

Face = Annotated[int, Field(strict=True, ge=1, le=3)]
"""One answer on the three-face scale: 1 (sad face) to 3 (happy face)."""
PlacementRef = Annotated[int, Field(strict=True, ge=1, le=200)]


class FeedbackPhase(str, Enum):
    """The phase the feedback is about."""

    TRIAL = "erprobung"
    COURSE = "kurs"
    MOVE = "wechsel"


class Question(str, Enum):
    """The questions of the form (the same for every phase, so the answers add up)."""

    LIKED = "gefallen"
    HELP = "hilfe"
    PEOPLE = "menschen"
    LEARNED = "gelernt"
    AGAIN = "weiter"


class PhaseFeedback(Part):
    """The person's answers after one phase."""

    date: Date = field("Datum", "Tag, an dem die Person den Bogen ausgefüllt hat.")
    phase: FeedbackPhase = field("Phase", "Wonach gefragt wurde: erprobung (Praktikum, Erprobung), kurs oder wechsel (auf einen Arbeitsplatz im Betrieb).")
    placement: PlacementRef | None = field(
        "Platzierung", "Bei erprobung oder wechsel: Nummer der Platzierung in 'placements' (1 = erster Eintrag).", default=None)
    module: Id | None = field("Kurs", "Bei kurs: Kennung des Kursmoduls (modules/).", default=None)
    answers: dict[Question, Face] = field(
        "Antworten", "Je Frage das angekreuzte Gesicht: 1 (traurig), 2 (mittel), 3 (froh). Eine Frage ohne Kreuz weglassen.", min_length=1)
    wish: Text | None = field("Wunsch", "Was sich die Person wünscht, in ihren Worten (optional).", personal=True, default=None)
    with_help: Bool = field("Mit Hilfe ausgefüllt", "Ob jemand beim Ausfüllen geholfen hat.", default=False)


FEEDBACK_LABELS: dict[object, str] = {
    FeedbackPhase.TRIAL: "Erprobung", FeedbackPhase.COURSE: "Kurs", FeedbackPhase.MOVE: "Wechsel",
    Question.LIKED: "Das hat mir gefallen.", Question.HELP: "Ich habe genug Hilfe bekommen.",
    Question.PEOPLE: "Die Menschen waren nett zu mir.", Question.LEARNED: "Ich habe etwas Neues gelernt.",
    Question.AGAIN: "So möchte ich weiter·machen.",
}
"""German labels (the questions as the form asks them, in Leichte Sprache)."""
