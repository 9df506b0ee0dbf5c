"""An employer's workplace profile (``workplaces/<id>.yaml``, or a folder ``workplaces/<id>/workplace.yaml`` with contact files)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import StringConstraints

from .common import (
    Bool,
    Date,
    Email,
    Id,
    Int,
    Part,
    Phone,
    PlacementType,
    Postcode,
    Rating,
    Record,
    Sector,
    ShortText,
    Text,
    field,
)
from .context import ContextFactor


class Address(Part):
    street: ShortText = field("Straße", "Straße und Hausnummer.")
    postcode: Postcode = field("PLZ", "Fünfstellige Postleitzahl, in Anführungszeichen: \"04109\".")
    city: ShortText = field("Ort", "Ort.")
    district: ShortText = field("Stadtteil", "Stadtteil oder Bezirk, für Filter und Wegezeiten.")


class Company(Part):
    name: ShortText = field("Betrieb", "Name des Betriebs (in Demodaten erfunden).")
    sector: Sector = field("Branche", "Branche des Arbeitsplatzes.")
    address: Address = field("Adresse", "Adresse des Arbeitsorts.")
    transit: ShortText = field("ÖPNV", "Anbindung an Bus und Bahn, z. B. 'Bus 12, Haltestelle Marktplatz, 3 Minuten'.")


class Contact(Part):
    name: ShortText = field("Name", "Name der Ansprechperson im Betrieb.", personal=True)
    role: ShortText = field("Funktion", "Funktion, z. B. Filialleitung.")
    phone: Phone | None = field("Telefon", "Dienstliche Telefonnummer, in Anführungszeichen.", personal=True, default=None)
    email: Email | None = field("E-Mail", "Dienstliche E-Mail-Adresse.", personal=True, default=None)


class Mentor(Part):
    id: Id = field("Kennung", "Kennung der Mentorin oder des Mentors, eindeutig im Profil.")
    name: ShortText = field("Name", "Name der Kollegin oder des Kollegen.", personal=True)
    trained: Bool = field("Geschult", "Ob die Mentorenschulung besucht wurde.")
    trained_on: Date | None = field("Geschult am", "Datum der Schulung.", default=None)


class Analysis(Part):
    """Workplace analysis (Arbeitsplatzanalyse)."""

    analysed_on: Date = field("Analysiert am", "Datum der Arbeitsplatzanalyse.")
    analysed_by: Id = field("Analysiert von", "Kennung der Fachkraft (Personal).")
    tasks: list[Text] = field("Tätigkeiten", "Tätigkeiten am Arbeitsplatz.", min_length=1)
    working_hours: ShortText = field("Arbeitszeiten", "Übliche Arbeitszeiten, z. B. 'Mo–Fr 8–14 Uhr'.")
    physical: list[ShortText] = field("Körperliche Anforderungen", "z. B. Stehen, Heben bis 10 kg.", default_factory=list)
    environment: list[ShortText] = field("Umgebung", "z. B. Lärm, Kälte, Kundenkontakt.", default_factory=list)
    aids: list[ShortText] = field("Arbeitshilfen", "z. B. Bildkarten, Checkliste, Timer.", default_factory=list)
    risk_assessment_on: Date | None = field("Gefährdungsbeurteilung", "Datum der Gefährdungsbeurteilung.", default=None)


class AcquisitionStatus(str, Enum):
    LEAD = "kontakt"
    ACTIVE = "aktiv"
    PAUSED = "pausiert"
    CLOSED = "beendet"


class Channel(str, Enum):
    NETWORK = "netzwerk"
    RECOMMENDATION = "empfehlung"
    COLD_CALL = "kaltakquise"
    DUODAY = "duoday"
    EVENT = "messe"
    EMPLOYER = "anfrage-betrieb"


class Acquisition(Part):
    status: AcquisitionStatus = field("Stand", "kontakt → aktiv → pausiert → beendet.")
    channel: Channel = field("Weg", "Wie der Kontakt entstand (Netzwerk, Empfehlung, Kaltakquise, DuoDay …).")
    since: Date = field("Seit", "Seit wann der Stand gilt.")


class Pictogram(str, Enum):
    BOX = "kiste"
    POT = "kochtopf"
    BROOM = "besen"
    PLATE = "teller"
    BED = "bett"
    CART = "einkaufswagen"
    CHILD = "kind"
    HORSE = "pferd"
    PLANT = "pflanze"
    LETTER = "brief"
    HAND = "hand"
    TOOL = "werkzeug"


class ReaderReview(Part):
    """Prüfung durch Prüflesende aus der Zielgruppe (DIN SPEC 33429)."""

    group: ShortText = field("Prüfgruppe", "Welche Prüfgruppe den Text geprüft hat, z. B. 'Prüfgruppe Werkstatt Nord'. "
                             "Keine Namen von Personen.")
    reviewed_on: Date = field("Geprüft am", "Tag der Prüfung.")
    text_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] = field(
        "Prüfsumme", "Prüfsumme des geprüften Textes (12 Zeichen). 'site-gen check' nennt sie. "
        "Ändert sich der Text danach, braucht er eine neue Prüfung.")


class Posting(Part):
    """Public job posting in Leichte Sprache. Only these fields reach the public board."""

    title: ShortText = field("Titel", "Kurzer Titel in Leichter Sprache, z. B. 'Helfer in der Küche'.")
    tasks: list[Text] = field("Was machst du?", "Aufgaben, je ein kurzer Satz.", min_length=1)
    needs: list[Text] = field("Was brauchst du?", "Was die Person können oder mögen sollte, je ein kurzer Satz.", min_length=1)
    hours: Text = field("Wann?", "Arbeitszeit in Leichter Sprache.")
    hours_per_week: Int = field("Stunden pro Woche", "Ungefähre Stunden pro Woche, für den Filter.", ge=1, le=40)
    place: Text = field("Wo?", "Arbeitsort und Weg in Leichter Sprache.")
    help: Text = field("Wer hilft dir?", "Wer im Betrieb und im Team hilft, in Leichter Sprache.")
    pictogram: Pictogram = field("Bild", "Piktogramm für den Aushang.")
    posted_on: Date = field("Veröffentlicht am", "Datum der Ausschreibung.")
    valid_until: Date = field("Gültig bis", "Danach verschwindet die Ausschreibung von der Jobbörse.")
    publish: Bool = field("Veröffentlichen", "Nur bei true erscheint die Ausschreibung öffentlich.")
    review: ReaderReview | None = field("Prüfung", "Prüfung durch die Prüfgruppe aus der Zielgruppe (DIN SPEC 33429).", default=None)


# --- The employer side (issue 30): contacts with the company, with or without a case; fallback places. ---


class ContactKind(str, Enum):
    """What kind of contact with the company it was."""

    CALL = "anruf"
    VISIT = "besuch"
    FIRST_TALK = "erstgespraech"
    ANALYSIS = "arbeitsplatzanalyse"
    SUBSIDY_ADVICE = "foerderberatung"
    FEEDBACK = "rueckmeldung"
    OTHER = "sonstiges"


CONTACT_KIND_LABELS = {ContactKind.CALL: "Anruf", ContactKind.VISIT: "Besuch", ContactKind.FIRST_TALK: "Erstgespräch",
                       ContactKind.ANALYSIS: "Arbeitsplatzanalyse", ContactKind.SUBSIDY_ADVICE: "Beratung zu Förderungen",
                       ContactKind.FEEDBACK: "Rückmeldung", ContactKind.OTHER: "Sonstiges"}


class CompanyContact(Part):
    """Ein Kontakt mit dem Betrieb (Anruf, Besuch, Beratung …), auch ohne Akte."""

    date: Date = field("Datum", "Tag des Kontakts.")
    kind: ContactKind = field("Art", "Anruf, Besuch, Erstgespräch, Arbeitsplatzanalyse, Beratung zu Förderungen, Rückmeldung oder Sonstiges.")
    by: Id = field("Von", "Kennung der Fachkraft (Personal).")
    minutes: Int | None = field("Minuten", "Dauer in Minuten (optional), höchstens 600.", gt=0, le=600, default=None)
    summary: Text = field("Notiz", "Kurze sachliche Notiz über den Betrieb. Keine Gesundheits- oder Behinderungsdaten einer Person: "
                       "die stehen nur in der Akte, mit Einwilligung.", personal=True)
    case: Id | None = field("Akte", "Nur wenn der Kontakt eine Person betrifft: Kennung der Akte. Dann braucht die Akte eine gültige "
                            "Einwilligung, die diesen Betrieb als Empfänger nennt.", default=None)
    question: Text | None = field("Frage des Betriebs", "Eine Frage oder Sorge des Betriebs (optional), z. B. zu Förderung oder Kündigungsschutz.",
                                  default=None)
    answer: Text | None = field("Antwort, die geholfen hat", "Die Antwort auf die Frage, die dem Betrieb geholfen hat (optional). "
                                "Ohne Antwort gilt die Frage als offen.", default=None)
    follow_up: Date | None = field("Wiedervorlage", "Bis wann der Betrieb wieder kontaktiert werden soll (optional). "
                                   "Ein späterer Kontakt erledigt die Wiedervorlage.", default=None)


# --- end of the employer-side block ---


class Workplace(Record):
    """Arbeitsplatzprofil eines Betriebs."""

    provider: Id = field("Träger", "Kennung des Trägers, der den Betrieb betreut.")
    location: Id = field("Standort", "Kennung des Standorts, dessen Team den Betrieb betreut.")
    company: Company = field("Betrieb", "Angaben zum Betrieb.")
    contacts: list[Contact] = field("Ansprechpersonen", "Ansprechpersonen im Betrieb.", default_factory=list)
    mentors: list[Mentor] = field("Mentor:innen", "Kolleginnen und Kollegen, die begleiten.", default_factory=list)
    analysis: Analysis | None = field("Arbeitsplatzanalyse", "Ergebnis der Arbeitsplatzanalyse.", default=None)
    requirements: dict[Id, Rating] = field(
        "Anforderungsprofil",
        "Anforderung je Merkmal des Profilkatalogs, 1 (gering) bis 5 (hoch).",
        default_factory=dict,
    )
    placement_types: list[PlacementType] = field("Angebotene Formen", "Welche Platzierungsarten der Betrieb anbietet.", min_length=1)
    acquisition: Acquisition = field("Akquise", "Stand und Weg der Akquise.")
    posting: Posting | None = field("Ausschreibung", "Öffentliche Ausschreibung in Leichter Sprache (optional).", default=None)
    # --- employer side (issue 30) ---
    contact_log: list[CompanyContact] = field(
        "Kontakte", "Kontakte mit dem Betrieb, auch ohne Akte. Im Ordner-Aufbau ist jeder Kontakt eine eigene Datei "
        "(site-gen kontakt).", default_factory=list)
    fallback: Bool = field(
        "Auffangplatz", "Niedrigschwelliger Platz im Netzwerk (z. B. Kantine, eigener Inklusionsbetrieb): nach einer Krise "
        "oder einer Rückkehr in die Werkstatt schlägt der Abgleich ihn zuerst vor.", default=False)
    # Issue 29: ICF context factors of the workplace (models/context.py).
    context_factors: list[ContextFactor] = field(
        "Kontextfaktoren (ICF)",
        "Umweltfaktoren am Arbeitsplatz als Barriere oder Förderfaktor, z. B. e330 geschulte Mentorin (Förderfaktor), e250 Lärm (Barriere). "
        "Das Matching rechnet einen Förderfaktor an, der zu einer Barriere der Person passt.", default_factory=list)
