"""Programmes, assessment instruments and approved measures as open catalogues (issue 29).

Like the profile catalogue: the tool ships the values the seeds name
(``site_gen/data/programmes.yaml``); a repository's ``schema/programmes.yaml``
adds its own (JobVento, iQuaS, PEP …) or gives a shipped one another German
label by its id. A record names an entry by its id; an id in no catalogue is
a finding (``CATALOGUE-UNKNOWN``), not a schema error, so a team can extend the
lists without a new version of the tool.
"""

from __future__ import annotations

from .common import Bool, Id, Part, ShortText, field

SELF_ASSESSMENT = "selbsteinschaetzung"
"""The instrument of the person's own view (issue 31): the person rates the catalogue items; ``assessor`` is the case's own id."""


class CatalogueEntry(Part):
    id: Id = field("Kennung", "Kennung, wie sie in den Akten und Modulen steht.")
    label: ShortText = field("Bezeichnung", "Deutsche Bezeichnung für Seiten, Berichte und den Editor.")


class ProgrammeEntry(CatalogueEntry):
    for_participants: Bool = field(
        "Für Teilnehmende", "Ob die Module des Programms auf der Jobbörse für Teilnehmende erscheinen "
        "(nein z. B. bei einer Mentorenschulung für Betriebe).", default=True)


class ProgrammeCatalogue(Part):
    """Programme, Einschätzungsverfahren und Maßnahmen (schema/programmes.yaml ergänzt die mitgelieferten)."""

    programmes: list[ProgrammeEntry] = field(
        "Programme", "Kursprogramme, zu denen Module gehören (z. B. JobVision, Chance 24).", default_factory=list)
    instruments: list[CatalogueEntry] = field(
        "Einschätzungsverfahren", "Verfahren der Fähigkeitsprofile (z. B. hamet 2, MELBA, ein eigener Bogen).", default_factory=list)
    measures: list[CatalogueEntry] = field(
        "Maßnahmen", "Leistungen, die ein Kostenträger bewilligt (z. B. Berufsbildungsbereich, Budget für Arbeit).", default_factory=list)

    def labels(self, section: str) -> dict[str, str]:
        """Id → German label of one section (``programmes``, ``instruments`` or ``measures``)."""
        entries: list[CatalogueEntry] = getattr(self, section)
        return {e.id: e.label for e in entries}

    def programme(self, value: str) -> str:
        """German label of a programme id (the id itself when no catalogue names it)."""
        return self.labels("programmes").get(value, value)

    def instrument(self, value: str) -> str:
        """German label of an instrument id (the id itself when no catalogue names it)."""
        return self.labels("instruments").get(value, value)

    def measure(self, value: str) -> str:
        """German label of a measure id (the id itself when no catalogue names it)."""
        return self.labels("measures").get(value, value)

    def for_participants(self, programme: str) -> bool:
        """Whether the modules of ``programme`` appear on the participants' job board (unknown: yes)."""
        found = next((p for p in self.programmes if p.id == programme), None)
        return found is None or found.for_participants
