"""Subsidy facts for the employer information sheets (``site_gen/data/foerderung.yaml``).

Facts about support and money change with the law; each one carries its
legal source, a link and the day it was last checked (``stand``). The
check turns a fact older than a year into a task (``SUBSIDY-FACTS-OLD``).
"""

from __future__ import annotations

from .common import Date, Id, Part, PlacementType, ShortText, Text, field


class Support(Part):
    """Eine Förderung oder Unterstützung, die ein Betrieb bekommen kann."""

    id: Id = field("Kennung", "Kennung der Förderung.")
    title: ShortText = field("Titel", "Name der Förderung, z. B. 'Budget für Arbeit'.")
    law: ShortText = field("Rechtsgrundlage", "Paragraf, z. B. '§ 61 SGB IX'.")
    text: Text = field("Was es gibt", "In freundlichem, klarem Deutsch: was der Betrieb bekommt.")
    decides: Text = field("Wer entscheidet", "Wer über die Förderung entscheidet und wo der Antrag gestellt wird.")
    source: ShortText = field("Quelle", "Link auf den Gesetzestext oder die amtliche Seite.")
    stand: Date = field("Stand", "Tag, an dem die Angaben zuletzt geprüft wurden.")


class Kind(Part):
    """Was eine Form der Platzierung für den Betrieb bedeutet, und welche Förderungen dazu passen."""

    type: PlacementType = field("Form", "Form der Platzierung.")
    meaning: Text = field("Was das heißt", "Was diese Form für den Betrieb bedeutet (Vertrag, Lohn, Versicherung, Begleitung).")
    supports: list[Id] = field("Förderungen", "Kennungen der passenden Förderungen.", default_factory=list)


class SubsidyFacts(Part):
    """Fakten für die Förderblätter an Betriebe."""

    supports: list[Support] = field("Förderungen", "Förderungen und Unterstützung für Betriebe.", min_length=1)
    kinds: list[Kind] = field("Formen", "Formen der Platzierung mit ihrer Bedeutung.", min_length=1)
