"""Every German label for a code value, once (pages, documents, the editor and messages read them here).

The record models define the vocabularies of stages, placement types,
sectors and after-placement values with their labels;
this module collects them with the others, so no view keeps its own copy.
Programmes, instruments and measures are open catalogues with their labels
(``Dataset.programmes``, ``site_gen/data/programmes.yaml``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from .models.after import AFTER_LABELS
from .models.case import (
    CostBearer,
    EnrolmentStatus,
    GivenBy,
    GoalStatus,
    GuardianTask,
    Outcome,
    PlacementStatus,
    ServiceKind,
    WorkshopArea,
)
from .models.common import PLACEMENT_LABELS, SECTOR_LABELS, STAGE_LABELS
from .models.context import FACTOR_LABELS
from .models.module import CertificationKind
from .models.organisation import Role
from .models.team import TEAM_ACTIVITY_LABELS
from .models.workplace import CONTACT_KIND_LABELS, AcquisitionStatus, Channel

__all__ = ["LABELS", "MONTHS", "PLACEMENT_LABELS", "RECIPIENT_LABELS", "STAGE_LABELS", "field_name", "label", "month_year", "recipient"]



def _merged(*tables: Mapping[Any, str]) -> dict[object, str]:
    return {key: text for table in tables for key, text in table.items()}


PROFESSIONAL_SECTOR_LABELS = {sector: text.replace("·", "") for sector, text in SECTOR_LABELS.items()}
"""Sectors as the team writes them ('Einzelhandel'): the media dots of Leichte Sprache ('Einzel·handel') belong to
texts for participants (the job board, 'Mein Weg'), not to the internal site, the editor or messages."""

LABELS: dict[object, str] = _merged(STAGE_LABELS, PLACEMENT_LABELS, PROFESSIONAL_SECTOR_LABELS, AFTER_LABELS,
                                    CONTACT_KIND_LABELS, FACTOR_LABELS, TEAM_ACTIVITY_LABELS) | {  # issue 29: context factors, team time
    CertificationKind.NONE: "kein Abschluss", CertificationKind.CHAMBER_PARTIAL: "Teilqualifizierung (Kammer)",
    CertificationKind.CERTIFICATE: "Zertifikat", CertificationKind.ATTENDANCE: "Teilnahmebescheinigung",
    EnrolmentStatus.REGISTERED: "angemeldet", EnrolmentStatus.RUNNING: "laufend",
    EnrolmentStatus.COMPLETED: "abgeschlossen", EnrolmentStatus.ABORTED: "abgebrochen",
    WorkshopArea.VOCATIONAL_TRAINING: "Berufsbildungsbereich", WorkshopArea.WORK: "Arbeitsbereich",
    CostBearer.EMPLOYMENT_AGENCY: "Agentur für Arbeit", CostBearer.INTEGRATION_AID: "Eingliederungshilfe",
    CostBearer.PENSION_INSURANCE: "Rentenversicherung", CostBearer.INTEGRATION_OFFICE: "Integrationsamt",
    CostBearer.ACCIDENT_INSURANCE: "Unfallversicherung",
    GoalStatus.OPEN: "offen", GoalStatus.IN_PROGRESS: "in Arbeit", GoalStatus.REACHED: "erreicht", GoalStatus.DROPPED: "verworfen",
    PlacementStatus.PLANNED: "geplant", PlacementStatus.RUNNING: "laufend", PlacementStatus.FINISHED: "beendet",
    PlacementStatus.ABORTED: "abgebrochen",
    Outcome.HIRED: "Übernahme", Outcome.EXTENDED: "verlängert", Outcome.NEXT: "nächstes Praktikum",
    Outcome.RETURN: "Rückkehr in die Werkstatt", Outcome.OUTPLACED: "ausgelagerter Arbeitsplatz",
    ServiceKind.DIRECT: "unmittelbar", ServiceKind.MEDIATE: "mittelbar", ServiceKind.INDIRECT: "indirekt",
    GivenBy.PERSON: "Person selbst", GivenBy.GUARDIAN: "gesetzliche Betreuung",
    AcquisitionStatus.LEAD: "Kontakt", AcquisitionStatus.ACTIVE: "aktiv", AcquisitionStatus.PAUSED: "pausiert",
    AcquisitionStatus.CLOSED: "beendet",
    Channel.NETWORK: "Netzwerk", Channel.RECOMMENDATION: "Empfehlung", Channel.COLD_CALL: "Kaltakquise",
    Channel.DUODAY: "DuoDay", Channel.EVENT: "Messe", Channel.EMPLOYER: "Anfrage des Betriebs",
    Role.JOBCOACH: "Jobcoach", Role.TRAINER: "Trainer:in", Role.GROUP_LEADER: "Gruppenleitung",
    Role.SOCIAL_SERVICE: "Sozialdienst",
    GuardianTask.HEALTH: "Gesundheitssorge", GuardianTask.ASSETS: "Vermögenssorge",
    GuardianTask.RESIDENCE: "Aufenthaltsbestimmung", GuardianTask.AUTHORITIES: "Behörden",
    GuardianTask.WORK: "Arbeit und Beschäftigung", GuardianTask.MAIL: "Post", GuardianTask.HOUSING: "Wohnungsangelegenheiten",
}


def label(value: object) -> str:
    """German label of an enum value (the value itself when none is known)."""
    return LABELS.get(value, getattr(value, "value", str(value)))


RECIPIENT_LABELS: dict[str, str] = {"ifd": "Integrationsfachdienst", "kostentraeger": "Kostenträger"}
"""Consent recipients that are not a workplace id."""

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")


def recipient(rid: str) -> str | None:
    """German label of a special consent recipient (``ifd``, ``kostentraeger``), None for a workplace id."""
    return RECIPIENT_LABELS.get(rid)


def month_year(day: dt.date) -> str:
    """``2026-11-22`` → ``November 2026``."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def field_name(model: type[BaseModel], key: str) -> str:
    """How a message names a field: its German title first, the key in parentheses (``„Zuschuss“ (subsidy)``),
    so a coach finds it in the editor and in the YAML file alike. A key without a title stays as it is."""
    info = model.model_fields.get(key)
    title = info.title if info is not None else None
    return f"„{title}“ ({key})" if title else f"'{key}'"
