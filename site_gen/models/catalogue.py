"""The shared profile catalogue (``schema/profile-catalogue.yaml``) and consent purposes."""

from __future__ import annotations

from .common import Bool, Id, Part, ShortText, Text, field
from .organisation import ProfileItem


class ProfileCatalogue(Part):
    """Profilkatalog: Merkmale, auf denen Fähigkeits- und Anforderungsprofile bewerten (1–5)."""

    source: Text | None = field("Quelle", "Herkunft der ICF-Zuordnung (ohne Angabe gilt die des mitgelieferten Katalogs).", default=None)
    items: list[ProfileItem] = field("Merkmale", "Die Merkmale des Katalogs.", min_length=1)


class Purpose(Part):
    id: Id = field("Kennung", "Kennung des Zwecks.")
    label: ShortText = field("Bezeichnung", "Bezeichnung des Zwecks.")
    description: Text = field("Beschreibung", "Was die Einwilligung erlaubt.")
    needs_recipients: Bool = field("Empfänger nötig", "Ob die Einwilligung Empfänger nennen muss.", default=False)
    guardian_tasks: list[ShortText] = field(
        "Passende Aufgabenkreise",
        "Welche Aufgabenkreise einer Betreuung diesen Zweck abdecken.",
        default_factory=list,
    )


class PurposeCatalogue(Part):
    """Katalog der Einwilligungszwecke."""

    purposes: list[Purpose] = field("Zwecke", "Die Zwecke.", min_length=1)
