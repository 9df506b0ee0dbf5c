"""A course module maintained by trainers (``modules/<id>.yaml``)."""

from __future__ import annotations

from enum import Enum

from .common import Date, Id, Int, Part, Record, ShortText, Text, field
from .workplace import ReaderReview


class CertificationKind(str, Enum):
    NONE = "keine"
    CHAMBER_PARTIAL = "teilqualifizierung-kammer"
    CERTIFICATE = "zertifikat"
    ATTENDANCE = "teilnahmebescheinigung"


class Certification(Part):
    kind: CertificationKind = field("Art", "Art des Abschlusses.")
    body: ShortText | None = field("Stelle", "Zertifizierende Stelle, z. B. Handelskammer.", default=None)


class Unit(Part):
    title: ShortText = field("Titel", "Titel der Einheit.")
    hours: Int = field("Stunden", "Umfang in Stunden.", gt=0, le=500)
    content: Text | None = field("Inhalt", "Kurzbeschreibung der Einheit.", default=None)


class Run(Part):
    start: Date = field("Beginn", "Erster Kurstag.")
    end: Date = field("Ende", "Letzter Kurstag.")


class EasyDescription(Part):
    """Participant-facing text in Leichte Sprache (one sentence per line)."""

    title: ShortText = field("Titel", "Titel in Leichter Sprache.")
    text: Text = field("Text", "Beschreibung in Leichter Sprache: kurze Sätze, ein Satz pro Zeile.")
    review: ReaderReview | None = field("Prüfung", "Prüfung durch die Prüfgruppe aus der Zielgruppe (DIN SPEC 33429).", default=None)


class Module(Record):
    """Kursmodul mit Curriculum."""

    # Issue 29: an open catalogue (models/programmes.py; schema/programmes.yaml adds own programmes).
    programme: Id = field("Programm", "Kennung des Programms aus dem Katalog (schema/programmes.yaml › programmes), "
                          "z. B. jobvision, chance-24, kukuk, talente.")
    title: ShortText = field("Titel", "Titel des Moduls.")
    goals: list[Text] = field("Lernziele", "Lernziele des Moduls.", min_length=1)
    units: list[Unit] = field("Einheiten", "Einheiten des Curriculums.", min_length=1)
    duration_weeks: Int = field("Dauer in Wochen", "Gesamtdauer in Wochen.", gt=0, le=104)
    access_requirements: list[Id] = field(
        "Zugangsvoraussetzungen",
        "Kennungen aus organisation.yaml (access_requirements), z. B. krankheitseinsicht.",
        default_factory=list,
    )
    certification: Certification = field("Abschluss", "Zertifizierung des Moduls.")
    trainers: list[Id] = field("Trainer:innen", "Kennungen der pflegenden Trainer:innen (Personal).", min_length=1)
    capacity: Int = field("Plätze", "Teilnehmende pro Durchgang.", gt=0, le=100)
    runs: list[Run] = field("Termine", "Durchgänge mit Beginn und Ende.", default_factory=list)
    # Issue 29: courses per location.
    locations: list[Id] = field(
        "Standorte", "Kennungen der Standorte aus organisation.yaml, an denen das Modul läuft. Ohne Angabe: an allen Standorten.",
        default_factory=list)
    easy: EasyDescription = field("Leichte Sprache", "Beschreibung für Teilnehmende in Leichter Sprache.")
