"""A participant's case record (``cases/<id>.yaml``)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .access import Access
from .after import (
    CompanyChange,
    Contract,
    CrisisReason,
    FollowAlong,
    Qualification,
    TransitionGroup,
    WageAmount,
    WorkshopReturn,
)
from .common import (
    Basis,
    Bool,
    Date,
    Id,
    Int,
    Part,
    PlacementType,
    Rating,
    Record,
    ShortText,
    Stage,
    Text,
    field,
)
from .context import ContextFactor
from .feedback import PhaseFeedback

DOC = Basis.DOCUMENTATION_DUTY
DayHours = Annotated[float, Field(strict=True, gt=0, le=10)]
"""At most 10 hours a day (Arbeitszeitgesetz § 3)."""
WeekHours = Annotated[float, Field(strict=True, gt=0, le=50)]
"""At most 50 hours a week: 5 days of at most 10 hours (Arbeitszeitgesetz § 3, with a 5-day week)."""
MonthHours = Annotated[float, Field(strict=True, gt=0, le=744)]
"""Approved support per month (a cost approval's scope)."""


class WorkshopArea(str, Enum):
    VOCATIONAL_TRAINING = "berufsbildungsbereich"
    WORK = "arbeitsbereich"


class CostBearer(str, Enum):
    EMPLOYMENT_AGENCY = "agentur-fuer-arbeit"
    INTEGRATION_AID = "eingliederungshilfe"
    PENSION_INSURANCE = "rentenversicherung"
    INTEGRATION_OFFICE = "integrationsamt"
    ACCIDENT_INSURANCE = "unfallversicherung"


class GuardianTask(str, Enum):
    """Areas of a legal guardianship (Aufgabenkreise, § 1815 BGB)."""

    HEALTH = "gesundheitssorge"
    ASSETS = "vermoegenssorge"
    RESIDENCE = "aufenthaltsbestimmung"
    AUTHORITIES = "behoerden"
    WORK = "arbeit-beschaeftigung"
    MAIL = "post"
    HOUSING = "wohnungsangelegenheiten"


class Guardian(Part):
    """Legal guardian (gesetzliche Betreuung)."""

    name: ShortText = field("Name", "Name der Betreuerin oder des Betreuers.", personal=True)
    tasks: list[GuardianTask] = field(
        "Aufgabenkreise",
        "Welche Aufgabenkreise die Betreuung umfasst. Eine Einwilligung durch die Betreuung gilt nur innerhalb dieser Aufgaben.",
        min_length=1,
    )
    court_ref: ShortText | None = field(
        "Aktenzeichen", "Aktenzeichen des Betreuungsgerichts (optional).", personal=True, default=None
    )


class Coaches(Part):
    """The tandem of job coaches."""

    primary: Id = field("Hauptverantwortlich", "Kennung der zuständigen Fachkraft (Personal).")
    deputy: Id = field("Vertretung", "Kennung der Tandem-Vertretung (Personal). Geregelte Vertretung.")


class StageEntry(Part):
    stage: Stage = field("Phase", "Phase im Übergangsprozess.")
    since: Date = field("Seit", "Datum, ab dem die Phase gilt.")
    note: Text | None = field("Notiz", "Kurze Notiz zum Wechsel (optional).", personal=True, default=None)


class AbilityProfile(Part):
    """An assessment on the shared profile catalogue."""

    # Issue 29: an open catalogue (models/programmes.py; schema/programmes.yaml adds own instruments).
    instrument: Id = field(
        "Verfahren", "Kennung des Verfahrens aus dem Katalog (schema/programmes.yaml › instruments): hamet-2, hamet-e, melba, imba, "
        "eigener-bogen, eigene Verfahren – oder 'selbsteinschaetzung': die Person schätzt sich selbst ein "
        "(Bogen in Leichter Sprache: site-gen selbsteinschaetzung).")
    date: Date = field("Datum", "Datum der Einschätzung.")
    assessor: Id = field("Eingeschätzt von", "Kennung der einschätzenden Fachkraft (Personal); bei 'selbsteinschaetzung' die Kennung der Akte (die Person selbst).")
    ratings: dict[Id, Rating] = field(
        "Bewertungen",
        "Bewertung je Merkmal des Profilkatalogs (schema/profile-catalogue.yaml), 1 (gering) bis 5 (hoch).",
        min_length=1,
    )


class GoalStatus(str, Enum):
    OPEN = "offen"
    IN_PROGRESS = "in-arbeit"
    REACHED = "erreicht"
    DROPPED = "verworfen"


class Goal(Part):
    """A participation goal (Teilhabeziel) with its measures."""

    goal: Text = field("Teilhabeziel", "Das vereinbarte Ziel in den Worten der Person.", personal=True)
    measures: list[Text] = field("Maßnahmen", "Vereinbarte Maßnahmen.", personal=True, default_factory=list)
    agreed_on: Date = field("Vereinbart am", "Datum des Teilhabegesprächs.")
    review_on: Date = field("Überprüfung am", "Nächster Überprüfungstermin.")
    status: GoalStatus = field("Stand", "Stand des Ziels.", default=GoalStatus.OPEN)


class PlacementStatus(str, Enum):
    PLANNED = "geplant"
    RUNNING = "laufend"
    FINISHED = "beendet"
    ABORTED = "abgebrochen"


class Outcome(str, Enum):
    HIRED = "uebernahme"
    EXTENDED = "verlaengert"
    NEXT = "naechstes-praktikum"
    RETURN = "rueckkehr-werkstatt"
    OUTPLACED = "ausgelagerter-arbeitsplatz"


class Placement(Part):
    """A placement in a company (internship, outplaced workplace, Budget für Arbeit …)."""

    type: PlacementType = field("Art", "Art der Platzierung.")
    workplace: Id = field("Arbeitsplatz", "Kennung des Arbeitsplatzprofils (workplaces/).")
    start: Date = field("Beginn", "Erster Tag.")
    end: Date | None = field("Ende", "Letzter Tag (geplant oder tatsächlich).", default=None)
    hours_per_day: DayHours = field("Stunden pro Tag", "Arbeitszeit pro Tag, höchstens 10 (Arbeitszeitgesetz; HAA: etwa 7 Stunden, am Anfang kürzer).")
    hours_per_week: WeekHours = field("Stunden pro Woche", "Arbeitszeit pro Woche, höchstens 50 (Arbeitszeitgesetz).")
    contract_signed: Bool = field("Vertrag unterschrieben", "Ob die Verträge mit Betrieb und Person unterschrieben sind.")
    mentor: Id | None = field("Mentor:in", "Kennung der Mentorin oder des Mentors im Arbeitsplatzprofil.", default=None)
    status: PlacementStatus = field("Stand", "Stand der Platzierung.")
    outcome: Outcome | None = field("Ergebnis", "Ergebnis nach dem Ende.", default=None)
    reflection_on: Date | None = field("Reflexionsgespräch", "Datum des Abschluss- oder Reflexionsgesprächs.", default=None)
    end_reason: Text | None = field(
        "Grund für das Ende",
        "Warum die Platzierung endete, vor allem bei Rückkehr in die Werkstatt oder Abbruch (z. B. 'zu hektisch'). "
        "Die Kennzahlen zählen Rückkehrgründe; das Matching schlägt diesen Arbeitsplatz der Person nicht mehr vor.",
        personal=True,
        default=None,
    )


class EnrolmentStatus(str, Enum):
    REGISTERED = "angemeldet"
    RUNNING = "laufend"
    COMPLETED = "abgeschlossen"
    ABORTED = "abgebrochen"


class Enrolment(Part):
    """Participation in a course module."""

    module: Id = field("Modul", "Kennung des Kursmoduls (modules/).")
    start: Date = field("Beginn", "Erster Kurstag.")
    end: Date | None = field("Ende", "Letzter Kurstag.", default=None)
    status: EnrolmentStatus = field("Stand", "Stand der Teilnahme.")
    certificate: Bool = field("Zertifikat", "Ob ein Zertifikat erworben wurde.", default=False)
    requirements_confirmed: list[Id] = field(
        "Zugangsvoraussetzungen bestätigt",
        "Welche Zugangsvoraussetzungen des Moduls bestätigt sind.",
        default_factory=list,
    )
    exception_reason: Text | None = field(
        "Ausnahme",
        "Begründung, wenn die Person ohne alle Zugangsvoraussetzungen teilnimmt.",
        personal=True,
        default=None,
    )


class ServiceKind(str, Enum):
    """Kinds of service (Haus Hall § 3)."""

    DIRECT = "unmittelbar"
    MEDIATE = "mittelbar"
    INDIRECT = "indirekt"


class LogEntry(Part):
    """One entry of the support log."""

    date: Date = field("Datum", "Tag der Leistung.")
    kind: ServiceKind = field("Leistungsart", "unmittelbar, mittelbar oder indirekt (Haus Hall § 3).")
    minutes: Int = field("Minuten", "Dauer in Minuten, höchstens 600 (10 Stunden) je Eintrag.", gt=0, le=600)
    by: Id = field("Von", "Kennung der Fachkraft (Personal).")
    note: Text = field("Notiz", "Kurze sachliche Notiz.", personal=True)
    crisis: CrisisReason | None = field(
        "Krisenintervention", "Nur bei einer Krisenintervention: der Anlass als Kategorie (keine medizinischen Angaben).", default=None)
    employer: Bool = field(
        "Betriebskontakt",
        "Ob die Leistung ein Kontakt mit einem Betrieb war (Akquise, Absprache, Gespräch im Betrieb oder mit der Mentorin "
        "oder dem Mentor). Zählt für die Kennzahl Betriebskontakte pro Fachkraft und Monat.",
        default=False,
    )
    # Issue 29: a group session is stored once per participant's case, under the same group id,
    # never with the other participants' ids (site-gen log CASE CASE …).
    group: Id | None = field(
        "Gruppensitzung",
        "Kennung der Gruppensitzung, wenn die Leistung mehreren Personen zugleich galt (z. B. eine JobVision-Gruppe). "
        "Dieselbe Kennung steht in jeder Akte der Gruppe; die anderen Personen stehen nie in dieser Akte.",
        default=None)
    group_size: Int | None = field(
        "Personen in der Gruppe",
        "Wie viele Personen an der Gruppensitzung teilnahmen. Der Leistungsnachweis zählt je Person den Anteil: Minuten geteilt durch diese Zahl.",
        ge=2, le=40, default=None)


class Disclosure(Part):
    """What a named employer may be told (only what is necessary)."""

    workplace: Id = field("Arbeitsplatz", "Kennung des Arbeitsplatzes, dessen Betrieb informiert werden darf.")
    items: list[Text] = field(
        "Mitteilungen",
        "Was der Betrieb erfahren darf, z. B. dass die Person Pausenzeiten nicht allein erkennt.",
        min_length=1,
    )


class CostApproval(Part):
    """A cost approval (Kostenzusage, Bewilligung): who pays which measure for which period."""

    bearer: CostBearer = field("Kostenträger", "Wer die Leistung bewilligt hat.")
    measure: Id = field("Maßnahme", "Kennung der bewilligten Leistung aus dem Katalog (schema/programmes.yaml › measures), "
                        "z. B. berufsbildungsbereich, arbeitsbereich, budget-fuer-arbeit.")
    start: Date = field("Bewilligt ab", "Erster Tag des Bewilligungszeitraums.")
    end: Date = field("Bewilligt bis", "Letzter Tag des Bewilligungszeitraums. Der Entwicklungsbericht ist einige Wochen vorher fällig (organisation.yaml).")
    minutes_per_month: Int | None = field(
        "Umfang in Minuten pro Monat", "Bewilligter Umfang der Begleitung, wenn die Zusage einen nennt (sonst weglassen).",
        gt=0, le=44640, default=None,
    )
    hours_per_month: MonthHours | None = field(
        "Umfang in Stunden pro Monat", "Wie 'minutes_per_month', wenn die Zusage Stunden nennt. Nur eines von beiden angeben.",
        default=None,
    )
    file_ref: ShortText = field("Aktenzeichen", "Aktenzeichen oder Geschäftszeichen des Kostenträgers.", personal=True)
    report_sent_on: Date | None = field(
        "Bericht versandt am", "Wann der Entwicklungsbericht für diesen Zeitraum an den Kostenträger ging. Danach ist die Frist erledigt.",
        default=None,
    )

    @property
    def scope_minutes(self) -> int | None:
        """The approved scope in minutes per month, if the approval names one."""
        if self.minutes_per_month is not None:
            return self.minutes_per_month
        return round(self.hours_per_month * 60) if self.hours_per_month is not None else None


class GivenBy(str, Enum):
    PERSON = "person"
    GUARDIAN = "betreuung"


class Consent(Part):
    """A consent: purpose, recipients, who gave it, validity."""

    id: Id = field("Kennung", "Kennung der Einwilligung innerhalb der Akte.")
    purpose: Id = field("Zweck", "Zweck aus dem Katalog schema/consent-purposes.yaml.")
    recipients: list[Id] = field(
        "Empfänger",
        "An wen Daten gehen dürfen: Kennungen von Arbeitsplätzen oder 'ifd', 'kostentraeger'.",
        default_factory=list,
    )
    data: list[ShortText] = field("Datenarten", "Welche Arten von Daten erfasst sind.", default_factory=list)
    given_by: GivenBy = field("Erteilt von", "Von der Person selbst oder von der gesetzlichen Betreuung.")
    given_on: Date = field("Erteilt am", "Datum der Unterschrift.")
    valid_until: Date | None = field("Gültig bis", "Ablaufdatum (optional).", default=None)
    withdrawn_on: Date | None = field("Widerrufen am", "Datum des Widerrufs (optional).", default=None)
    renewal_requested_on: Date | None = field(
        "Verlängerung angefragt am",
        "Wann die Verlängerung bei der Person (oder Betreuung) angefragt wurde. Danach warnt die Prüfung nicht mehr vor dem Ablauf; die Frist bleibt in der Fristenliste.",
        default=None,
    )
    document: ShortText = field(
        "Ablage", "Wo das unterschriebene Dokument liegt (Verweis, niemals der Scan selbst)."
    )


class Case(Record):
    """Akte einer teilnehmenden Person."""

    id: Id = field(
        "Kennung",
        "Pseudonyme Kennung der Akte, z. B. tn-0042. Muss dem Dateinamen ohne .yaml entsprechen und darf keinen Namen enthalten.",
        basis=DOC,
    )
    first_name: ShortText = field("Vorname", "Vorname der Person.", basis=DOC)
    last_name: ShortText = field("Nachname", "Nachname der Person.", basis=DOC)
    provider: Id = field("Träger", "Kennung des Trägers (organisation.yaml).", basis=DOC)
    location: Id = field("Standort", "Kennung des Standorts (organisation.yaml).", basis=DOC)
    workshop_area: WorkshopArea = field("Werkstattbereich", "Berufsbildungsbereich oder Arbeitsbereich.", basis=DOC)
    guardian: Guardian | None = field(
        "Gesetzliche Betreuung", "Nur wenn eine Betreuung besteht.", basis=DOC, default=None
    )
    cost_bearer: CostBearer = field("Kostenträger", "Wer die Leistung bezahlt.", basis=DOC)
    coaches: Coaches = field("Jobcoaches", "Das Tandem aus Hauptverantwortung und Vertretung.", basis=DOC)
    stages: list[StageEntry] = field(
        "Phasen", "Verlauf der Phasen, die letzte ist die aktuelle.", basis=DOC, min_length=1
    )
    wishes: list[Text] = field("Wünsche", "Wünsche der Person (Wunsch- und Wahlrecht).", basis=DOC, default_factory=list)
    interests: list[ShortText] = field("Interessen", "Interessen, z. B. Tiere, Kochen.", basis=DOC, default_factory=list)
    strengths: list[Text] = field("Stärken", "Stärken der Person.", basis=DOC, default_factory=list)
    support_needs: list[Text] = field(
        "Unterstützungsbedarf",
        "Gesundheits- oder behinderungsbezogener Unterstützungsbedarf. Nur mit Einwilligung 'gesundheitsdaten'.",
        purpose="gesundheitsdaten",
        default_factory=list,
    )
    ability_profiles: list[AbilityProfile] = field(
        "Fähigkeitsprofile",
        "Einschätzungen auf dem gemeinsamen Profilkatalog. Nur mit Einwilligung 'gesundheitsdaten'.",
        purpose="gesundheitsdaten",
        default_factory=list,
    )
    goals: list[Goal] = field("Teilhabeziele", "Ziele mit Maßnahmen und Überprüfung.", basis=DOC, default_factory=list)
    placements: list[Placement] = field("Platzierungen", "Praktika und Arbeitsplätze in Betrieben.", basis=DOC, default_factory=list)
    enrolments: list[Enrolment] = field("Kurse", "Teilnahme an Kursmodulen.", basis=DOC, default_factory=list)
    support_log: list[LogEntry] = field("Begleitung", "Protokoll der Leistungen.", basis=DOC, default_factory=list)
    disclosures: list[Disclosure] = field(
        "Mitteilungen an Betriebe",
        "Was ein genannter Betrieb erfahren darf. Nur mit Einwilligung 'unterstuetzungsbedarf-an-arbeitgeber' für diesen Betrieb.",
        purpose="unterstuetzungsbedarf-an-arbeitgeber",
        default_factory=list,
    )
    cost_approvals: list[CostApproval] = field(
        "Kostenzusagen",
        "Bewilligungen der Kostenträger mit Zeitraum und Umfang; daraus folgen die Fristen der Entwicklungsberichte.",
        basis=DOC,
        default_factory=list,
    )
    consents: list[Consent] = field("Einwilligungen", "Einwilligungen mit Zweck und Gültigkeit.", basis=DOC, default_factory=list)
    # After the move (issue 17): see models/after.py.
    follow_along: list[FollowAlong] = field(
        "Begleitung nach dem Wechsel", "Nachbetreuung am Arbeitsplatz: Beginn, geplante Intensität, Ende oder dauerhaft.", basis=DOC, default_factory=list)
    transition_group: list[TransitionGroup] = field(
        "Übergangsgruppe", "Mitgliedschaft in der Übergangsgruppe mit dem IFD. Nur mit Einwilligung 'ifd'.", purpose="ifd", default_factory=list)
    contracts: list[Contract] = field(
        "Verträge", "Verträge nach dem Wechsel: Daten, Stunden, Entgeltbewertung, Lohnkostenzuschuss.", basis=DOC, default_factory=list)
    wage_amounts: list[WageAmount] = field(
        "Entgelt-Beträge", "Beträge des Entgelts. Nur mit Einwilligung 'entgelt'.", purpose="entgelt", default_factory=list)
    company_changes: list[CompanyChange] = field(
        "Veränderungen im Betrieb", "Wechsel von Vorgesetzten, Aufgaben, Arbeitszeit oder Abteilung.", basis=DOC, default_factory=list)
    returns: list[WorkshopReturn] = field(
        "Rückkehr in die Werkstatt", "Rückkehr nach einer Platzierung, mit Grund.", basis=DOC, default_factory=list)
    qualification: Qualification | None = field(
        "Qualifizierungsphase", "Zweijährige betriebliche Qualifizierung (HAA) mit Berufsschultag.", basis=DOC, default=None)
    # The person's own voice (issue 31): feedback after each phase, see models/feedback.py.
    feedback: list[PhaseFeedback] = field(
        "Rückmeldungen", "Antworten der Person nach einer Erprobung, einem Kurs oder einem Wechsel (Bogen in Leichter Sprache). "
        "Nur mit Einwilligung 'rueckmeldung'; die Kennzahlen zählen sie erst ab 5 Personen zusammen.",
        purpose="rueckmeldung", default_factory=list)
    # Issue 29: languages for native-language support (deputy suggestion on the dossier).
    languages: list[ShortText] = field(
        "Sprachen", "Sprachen der Person außer Deutsch, die bei der Begleitung helfen (Muttersprache zuerst), z. B. Türkisch.",
        basis=DOC, default_factory=list)
    # Issue 29: ICF context factors of the person (models/context.py).
    context_factors: list[ContextFactor] = field(
        "Kontextfaktoren (ICF)",
        "Umweltfaktoren der ICF als Barriere oder Förderfaktor, z. B. e120 Mobilität (Umstieg schwierig), e115 Hilfsmittel. "
        "Nur mit Einwilligung 'gesundheitsdaten' (sie sagen etwas über die Behinderung). Das Matching wiegt sie gegen die Förderfaktoren der Betriebe.",
        purpose="gesundheitsdaten", default_factory=list)
    # Issue 29: how the person came in (models/access.py; routes: organisation.yaml 'access_routes' or the shipped list).
    access: Access | None = field(
        "Zugangsweg", "Wie die Person zum Jobcoaching kam (Infoveranstaltung, DuoDay, Schnupperpraktikum, JobVento/BBB, direkt …). "
        "Die Kennzahlen zeigen, welcher Weg zu Erprobung und Wechsel führt.", basis=DOC, default=None)
    opened: Date = field("Akte eröffnet", "Datum des Infogesprächs bzw. der Aktenanlage.", basis=DOC)
    closed: Date | None = field("Akte geschlossen", "Datum des Abschlusses (optional).", basis=DOC, default=None)

    @property
    def stage(self) -> Stage:
        """The current stage: the last entry of the history."""
        return self.stages[-1].stage
