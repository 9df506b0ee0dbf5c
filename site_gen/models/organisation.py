"""Organisation data (``organisation.yaml``): providers, locations, staff, figures."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from .access import AccessRoute
from .after import IfdService
from .common import Bool, Email, Id, Int, Part, Phone, ShortText, Text, WebUrl, field
from .path import Path

Percent = Annotated[float, Field(strict=True, ge=0, le=100)]


class Location(Part):
    id: Id = field("Kennung", "Kennung des Standorts.")
    name: ShortText = field("Name", "Name des Standorts.")
    district: ShortText = field("Stadtteil", "Stadtteil des Standorts.")
    team_phone: Phone = field("Team-Telefon", "Dienstliche Nummer des Jobcoach-Teams, in Anführungszeichen.")
    team_email: Email = field("Team-E-Mail", "Dienstliche Adresse des Jobcoach-Teams.")


class Headcount(Part):
    year: Int = field("Jahr", "Stichjahr.", ge=2000, le=2100)
    workshop_employees: Int = field(
        "Werkstattbeschäftigte", "Alle Werkstattbeschäftigten des Trägers (Nenner der Außenarbeitsquote).", gt=0
    )
    outplaced: Int | None = field(
        "Außenarbeitsplätze (gemeldet)",
        "Gemeldete Zahl in Außenarbeitsgruppen und Einzelarbeitsplätzen (optional; sonst aus den Akten gezählt).",
        ge=0,
        default=None,
    )


class Target(Part):
    year: Int = field("Jahr", "Zieljahr.", ge=2000, le=2100)
    quota: Percent = field("Außenarbeitsquote in %", "Ziel, z. B. 40.")


class Provider(Part):
    id: Id = field("Kennung", "Kennung des Trägers.")
    name: ShortText = field("Name", "Name des Trägers (in Demodaten erfunden).")
    locations: list[Location] = field("Standorte", "Standorte des Trägers.", min_length=1)
    headcount: list[Headcount] = field("Beschäftigte", "Zahl aller Werkstattbeschäftigten pro Jahr.", default_factory=list)
    targets: list[Target] = field("Ziele", "Ziele der Außenarbeitsquote.", default_factory=list)
    # Issue 29: the path as data (models/path.py).
    path: Id | None = field(
        "Weg", "Kennung des Weges, nach dem der Träger arbeitet: mitgeliefert 'alsterarbeit', 'haus-hall', 'haa' oder ein eigener unter 'paths'. "
        "Ohne Angabe wird die Reihenfolge der Phasen nicht geprüft.", default=None)


class Role(str, Enum):
    JOBCOACH = "jobcoach"
    TRAINER = "trainer"
    GROUP_LEADER = "gruppenleitung"
    SOCIAL_SERVICE = "sozialdienst"


class Staff(Part):
    id: Id = field("Kennung", "Kennung der Fachkraft.")
    name: ShortText = field("Name", "Name der Fachkraft.")
    roles: list[Role] = field("Rollen", "Rollen, z. B. jobcoach, trainer.", min_length=1)
    provider: Id = field("Träger", "Kennung des Trägers.")
    location: Id = field("Standort", "Kennung des Standorts.")
    capacity: Int = field("Kapazität", "Wie viele Personen die Fachkraft begleiten kann (üblich ≈ 15).", ge=0, le=60, default=15)
    # Issue 29: languages for native-language support in the tandem.
    languages: list[ShortText] = field(
        "Sprachen", "Sprachen außer Deutsch, in denen die Fachkraft begleiten kann, z. B. Türkisch, Arabisch, Leichte Sprache, Gebärdensprache. "
        "Die Akte schlägt danach eine Vertretung vor.", default_factory=list)


class AccessRequirement(Part):
    id: Id = field("Kennung", "Kennung der Zugangsvoraussetzung.")
    label: ShortText = field("Bezeichnung", "Bezeichnung, z. B. Krankheitseinsicht.")


class ProfileItem(Part):
    """An organisation's extension of the profile catalogue."""

    id: Id = field("Kennung", "Kennung des Merkmals.")
    label: ShortText = field("Bezeichnung", "Bezeichnung des Merkmals.")
    group: ShortText = field("Gruppe", "Gruppe im Katalog.")
    icf: ShortText | None = field("ICF", "ICF-Code, wenn einer passt.", default=None)
    description: Text | None = field("Beschreibung", "Was mit 1 und 5 gemeint ist.", default=None)
    health_related: Bool = field("Gesundheitsbezogen", "Ob das Merkmal Gesundheitsdaten berührt.", default=False)


class EditorBackend(str, Enum):
    """Where the browser editor (admin/) saves: the organisation's own Git server or one machine."""

    GITLAB = "gitlab"
    GITEA = "gitea"
    GITHUB = "github"
    LOCAL = "lokal"


class Editor(Part):
    """Settings of the browser editor on the internal site (``admin/``, Decap CMS)."""

    backend: EditorBackend = field(
        "Speicherort", "gitlab, gitea (auch Forgejo), github oder lokal (decap-server auf einem Rechner)."
    )
    repo: ShortText | None = field("Repository", "Pfad des Akten-Repositorys, z. B. 'jobcoaching/akten'.", default=None)
    branch: ShortText = field("Zweig", "Hauptzweig des Akten-Repositorys.", default="main")
    base_url: ShortText | None = field(
        "Adresse des Git-Servers", "Adresse des eigenen Git-Servers, z. B. 'https://git.example.org'.", default=None
    )
    app_id: ShortText | None = field(
        "Anwendungs-ID", "Kennung der OAuth-Anwendung auf dem Git-Server (GitLab, Gitea/Forgejo).", default=None
    )
    editorial_workflow: Bool = field(
        "Prüfung vor Übernahme",
        "Jede Speicherung wird ein Pull- oder Merge-Request, den die CI mit 'site-gen check' prüft.",
        default=True,
    )
    local_port: Int = field("Port des lokalen Servers", "Port von decap-server (Standard 8081).", ge=1024, le=65535, default=8081)


class Organisation(Part):
    """Organisationsdaten: Träger, Standorte, Personal, Kennzahlen."""

    providers: list[Provider] = field("Träger", "Die Träger mit Standorten und Kennzahlen.", min_length=1)
    staff: list[Staff] = field("Personal", "Fachkräfte mit Rollen und Kapazität.", min_length=1)
    access_requirements: list[AccessRequirement] = field(
        "Zugangsvoraussetzungen", "Katalog der Zugangsvoraussetzungen für Module.", default_factory=list
    )
    profile_items: list[ProfileItem] = field(
        "Eigene Profilmerkmale", "Erweiterung des Profilkatalogs durch die Organisation.", default_factory=list
    )
    ifd_services: list[IfdService] = field(
        "Integrationsfachdienste", "IFD, mit denen die Teams zusammenarbeiten (Organisationen, keine Privatpersonen).", default_factory=list
    )
    # Issue 29: the path as data (models/path.py).
    paths: list[Path] = field(
        "Eigene Wege", "Eigene Wege (Phasen, erlaubte Übergänge, Regeln) oder Ersatz eines mitgelieferten Weges mit derselben Kennung.",
        default_factory=list)
    # Issue 29: access routes as an open catalogue (models/access.py).
    access_routes: list[AccessRoute] = field(
        "Eigene Zugangswege", "Ergänzt die mitgelieferten Zugangswege (Infoveranstaltung, DuoDay, Schnupperpraktikum, JobVento …); "
        "gleiche Kennung: eigene Bezeichnung.", default_factory=list)
    retention_years: Int = field(
        "Aufbewahrung in Jahren", "So viele Jahre nach Abschluss wird eine Akte gelöscht (Standard 5).", ge=1, le=30, default=5
    )
    report_weeks_before_end: Int = field(
        "Bericht Wochen vor Ende",
        "So viele Wochen vor dem Ende eines Bewilligungszeitraums ist der Entwicklungsbericht fällig (Standard 6).",
        ge=0, le=26, default=6,
    )
    report_template: ShortText | None = field(
        "Berichtsvorlage",
        "Eigene Word-Vorlage (.docx) für Entwicklungsberichte, Pfad relativ zum Daten-Repository, z. B. vorlagen/bericht.docx. "
        "Briefkopf, Kopf- und Fußzeilen und Formatvorlagen bleiben erhalten. Ohne Angabe gilt die mitgelieferte Vorlage.",
        default=None,
    )
    public_base_url: WebUrl = field(
        "Adresse der Jobbörse", "Öffentliche Adresse der Jobbörse (https://…), für QR-Codes und Feed.", default="https://jobs.example.org/"
    )
    editor: Editor | None = field(
        "Bearbeitung im Browser", "Speicherort für den Editor unter admin/ (Standard: lokal).", default=None
    )
