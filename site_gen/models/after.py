"""After the move: follow-along support, Übergangsgruppe/IFD, contracts and wages,
changes at the company, returns to the workshop and HAA's two-year programme.

These are sections of a case (``cases/<id>.yaml``). They refer to a placement by
its number in ``placements`` (1 = the first entry), the same number the
messages and the dossier use ("Platzierung 1").
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .common import Bool, Date, Id, Part, ShortText, field

PlacementNo = Annotated[int, Field(strict=True, ge=1, le=200)]
"""Number of a placement in ``placements`` (1 = first entry)."""
ContractHours = Annotated[float, Field(strict=True, gt=0, le=50)]
"""At most 50 hours a week (Arbeitszeitgesetz § 3, 5-day week)."""
HourlyWage = Annotated[float, Field(strict=True, gt=0, le=200)]

PLACEMENT_NO = "Nummer der Platzierung in 'placements' (1 = erster Eintrag)."


class SupportIntensity(str, Enum):
    """Planned intensity of follow-along support (HAA: daily at first, then tapering)."""

    DAILY = "taeglich"
    SEVERAL_WEEKLY = "mehrmals-woechentlich"
    WEEKLY = "woechentlich"
    FORTNIGHTLY = "vierzehntaeglich"
    MONTHLY = "monatlich"
    ON_DEMAND = "bei-bedarf"


class FollowAlong(Part):
    """Follow-along support after the move onto a workplace (Nachbetreuung)."""

    placement: PlacementNo = field("Platzierung", PLACEMENT_NO + " Ein Arbeitsplatz nach dem Wechsel (kein Praktikum).")
    start: Date = field("Beginn", "Erster Tag der Begleitung nach dem Wechsel.")
    intensity: SupportIntensity = field(
        "Geplante Intensität", "Wie oft die Begleitung geplant ist: täglich, mehrmals wöchentlich, wöchentlich, vierzehntäglich, monatlich oder bei Bedarf.")
    end: Date | None = field("Ende", "Letzter Tag der Begleitung (leer, solange sie läuft).", default=None)
    permanent: Bool = field(
        "Dauerhaft", "Begleitung ohne Ende („gegebenenfalls dauerhaft“, Haus Hall; Coaching nicht befristet, Elbe/alsterarbeit). Dann kein Ende eintragen.",
        default=False)


class Responsibility(str, Enum):
    INTEGRATION_ASSISTANT = "integrationsassistenz"
    IFD = "ifd"
    SHARED = "gemeinsam"


class TransitionGroup(Part):
    """Membership in the Übergangsgruppe, prepared together with the IFD (Haus Hall)."""

    joined: Date = field("Aufgenommen am", "Tag der Aufnahme in die Übergangsgruppe.")
    left: Date | None = field("Ausgeschieden am", "Tag, an dem die Mitgliedschaft endet (optional).", default=None)
    ifd: Id = field("IFD", "Kennung des Integrationsfachdienstes aus organisation.yaml (ifd_services). Nur die Organisation, nie eine Privatperson.")
    handover_on: Date | None = field("Übergabe am", "Tag der Übergabe an den IFD (optional).", default=None)
    responsible_after: Responsibility | None = field(
        "Verantwortlich danach", "Wer nach der Übergabe verantwortlich ist: Integrationsassistenz, IFD oder gemeinsam.", default=None)


class IfdService(Part):
    """An Integrationsfachdienst the teams work with (an organisation, a consent recipient)."""

    id: Id = field("Kennung", "Kennung des IFD; auch als Empfänger einer Einwilligung 'ifd' nutzbar.")
    name: ShortText = field("Name", "Name der Organisation, z. B. Integrationsfachdienst Hafenstadt.")
    region: ShortText | None = field("Region", "Zuständigkeitsgebiet (optional).", default=None)


class SubsidyBearer(str, Enum):
    INTEGRATION_AID = "eingliederungshilfe"
    EMPLOYMENT_AGENCY = "agentur-fuer-arbeit"
    JOB_CENTRE = "jobcenter"
    PENSION_INSURANCE = "rentenversicherung"
    INTEGRATION_OFFICE = "integrationsamt"


class WageSubsidy(Part):
    """Lohnkostenzuschuss for the employer: who approved it and until when (its end is a deadline)."""

    approved_by: SubsidyBearer = field("Bewilligt von", "Wer den Zuschuss bewilligt hat (Eingliederungshilfe, Agentur für Arbeit, Jobcenter, Rentenversicherung, Integrationsamt).")
    approved_on: Date = field("Bewilligt am", "Datum des Bescheids.")
    until: Date | None = field(
        "Bewilligt bis",
        "Letzter Tag der Bewilligung, wenn der Bescheid einen nennt. Vorher über eine Verlängerung sprechen. "
        "Beim Budget für Arbeit entscheidet der Träger der Eingliederungshilfe über die Dauer im Einzelfall (§ 61 SGB IX): dann leer lassen.",
        default=None)


class WageCategory(str, Enum):
    """Result of the wage assessment as a category — never an amount."""

    COLLECTIVE = "tariflich"
    LOCAL = "ortsueblich"
    MINIMUM = "mindestlohn"
    TRAINING = "ausbildungsverguetung"
    WORKSHOP = "werkstattentgelt"


class Contract(Part):
    """The contract for a workplace after the move (Budget für Arbeit/Ausbildung, regular job, outplaced workplace)."""

    placement: PlacementNo = field("Platzierung", PLACEMENT_NO)
    signed_on: Date = field("Unterschrieben am", "Tag der Unterschrift.")
    start: Date = field("Beginn", "Erster Tag laut Vertrag.")
    end: Date | None = field("Befristet bis", "Letzter Tag laut Vertrag (leer: unbefristet).", default=None)
    hours_per_week: ContractHours = field("Stunden pro Woche", "Vereinbarte Arbeitszeit pro Woche, höchstens 50.")
    wage_assessed_on: Date | None = field("Entgeltbewertung am", "Datum der Entgeltbewertung (Haus Hall § 3.2).", default=None)
    wage_category: WageCategory | None = field(
        "Entgelt-Einstufung", "Ergebnis der Entgeltbewertung als Kategorie (tariflich, ortsüblich, Mindestlohn, Ausbildungsvergütung, Werkstattentgelt). Beträge nur unter 'wage_amounts'.",
        default=None)
    subsidy: WageSubsidy | None = field("Lohnkostenzuschuss", "Zuschuss an den Arbeitgeber (optional).", default=None)


class WageAmount(Part):
    """A wage amount: only with a live consent 'entgelt'."""

    placement: PlacementNo = field("Platzierung", PLACEMENT_NO)
    since: Date = field("Seit", "Ab wann der Betrag gilt.")
    euro_per_hour: HourlyWage = field("Euro pro Stunde", "Brutto-Stundenlohn in Euro.")


class CrisisReason(str, Enum):
    """Short, non-medical reason category of a crisis intervention."""

    WORK_PRESSURE = "arbeitsdruck"
    OVERLOAD = "ueberforderung"
    TEAM_CONFLICT = "konflikt-im-team"
    SUPERVISOR_CONFLICT = "konflikt-mit-vorgesetzten"
    CHANGE_AT_WORK = "veraenderung-im-betrieb"
    COMMUTE = "arbeitsweg"
    PRIVATE = "privates-umfeld"
    DISMISSAL_RISK = "kuendigung-droht"
    OTHER = "sonstiges"


class ChangeKind(str, Enum):
    SUPERVISOR = "vorgesetzte"
    TASKS = "aufgaben"
    HOURS = "arbeitszeit"
    DEPARTMENT = "abteilung"


class CompanyChange(Part):
    """A change at the company during a placement (HAA: support stays reachable when things change)."""

    date: Date = field("Datum", "Tag der Veränderung.")
    placement: PlacementNo = field("Platzierung", PLACEMENT_NO)
    kind: ChangeKind = field("Art", "Was sich geändert hat: Vorgesetzte, Aufgaben, Arbeitszeit oder Abteilung.")


class ReturnReason(str, Enum):
    """Why a person returned to the workshop (no medical details)."""

    OWN_WISH = "wunsch-der-person"
    OVERLOAD = "ueberforderung"
    CONFLICT = "konflikte"
    COMPANY_ENDED = "betrieb-beendet"
    JOB_GONE = "arbeitsplatz-entfallen"
    FIXED_TERM = "befristung-ausgelaufen"
    OTHER = "sonstiges"


class WorkshopReturn(Part):
    """A return to the workshop after a placement, with its reason."""

    placement: PlacementNo = field("Platzierung", PLACEMENT_NO)
    date: Date = field("Datum", "Erster Tag wieder in der Werkstatt.")
    reason: ReturnReason = field("Grund", "Grund als Kategorie (keine medizinischen Angaben).")


class Weekday(str, Enum):
    MONDAY = "montag"
    TUESDAY = "dienstag"
    WEDNESDAY = "mittwoch"
    THURSDAY = "donnerstag"
    FRIDAY = "freitag"


class Qualification(Part):
    """HAA's two-year in-company qualification phase (betriebliche Berufsbildung)."""

    start: Date = field("Beginn", "Erster Tag der zweijährigen Qualifizierungsphase.")
    end: Date | None = field("Ende", "Letzter Tag (geplant: nach zwei Jahren).", default=None)
    school_day: Weekday = field("Berufsschultag", "Der wöchentliche Berufsschultag (HAA: einmal pro Woche).")


AFTER_LABELS: dict[object, str] = {
    SupportIntensity.DAILY: "täglich", SupportIntensity.SEVERAL_WEEKLY: "mehrmals wöchentlich",
    SupportIntensity.WEEKLY: "wöchentlich", SupportIntensity.FORTNIGHTLY: "vierzehntäglich",
    SupportIntensity.MONTHLY: "monatlich", SupportIntensity.ON_DEMAND: "bei Bedarf",
    Responsibility.INTEGRATION_ASSISTANT: "Integrationsassistenz", Responsibility.IFD: "Integrationsfachdienst",
    Responsibility.SHARED: "Integrationsassistenz und IFD gemeinsam",
    SubsidyBearer.INTEGRATION_AID: "Eingliederungshilfe", SubsidyBearer.EMPLOYMENT_AGENCY: "Agentur für Arbeit",
    SubsidyBearer.JOB_CENTRE: "Jobcenter", SubsidyBearer.PENSION_INSURANCE: "Rentenversicherung",
    SubsidyBearer.INTEGRATION_OFFICE: "Integrationsamt",
    WageCategory.COLLECTIVE: "tariflich", WageCategory.LOCAL: "ortsüblich", WageCategory.MINIMUM: "Mindestlohn",
    WageCategory.TRAINING: "Ausbildungsvergütung", WageCategory.WORKSHOP: "Werkstattentgelt",
    CrisisReason.WORK_PRESSURE: "Arbeitsdruck", CrisisReason.OVERLOAD: "Überforderung",
    CrisisReason.TEAM_CONFLICT: "Konflikt im Team", CrisisReason.SUPERVISOR_CONFLICT: "Konflikt mit Vorgesetzten",
    CrisisReason.CHANGE_AT_WORK: "Veränderung im Betrieb", CrisisReason.COMMUTE: "Arbeitsweg",
    CrisisReason.PRIVATE: "privates Umfeld", CrisisReason.DISMISSAL_RISK: "Kündigung droht", CrisisReason.OTHER: "sonstiges",
    ChangeKind.SUPERVISOR: "neue Vorgesetzte oder neuer Vorgesetzter", ChangeKind.TASKS: "neue Aufgaben",
    ChangeKind.HOURS: "andere Arbeitszeit", ChangeKind.DEPARTMENT: "andere Abteilung",
    ReturnReason.OWN_WISH: "Wunsch der Person", ReturnReason.OVERLOAD: "Überforderung", ReturnReason.CONFLICT: "Konflikte",
    ReturnReason.COMPANY_ENDED: "Betrieb hat beendet", ReturnReason.JOB_GONE: "Arbeitsplatz entfallen",
    ReturnReason.FIXED_TERM: "Befristung ausgelaufen", ReturnReason.OTHER: "sonstiges",
    Weekday.MONDAY: "Montag", Weekday.TUESDAY: "Dienstag", Weekday.WEDNESDAY: "Mittwoch",
    Weekday.THURSDAY: "Donnerstag", Weekday.FRIDAY: "Freitag",
}
"""German labels of every code value of this module."""
