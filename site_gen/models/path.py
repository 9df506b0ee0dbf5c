"""A provider's path out of the workshop as data (``organisation.yaml`` → ``paths``).

A path names the stages a provider uses, which stage may follow which, and
per-stage rules (the reflection talk before the move). The tool ships the
paths of the three seed providers (``site_gen/data/paths.yaml``); an
organisation may define its own or replace a shipped one by its id, and
each provider chooses one (``providers[].path``). Without a chosen path the
order of the stages is not checked.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import Bool, Date, Id, Part, ShortText, Stage, Text, field

Days = Annotated[int, Field(strict=True, ge=1, le=1000)]


class PathStage(Part):
    """One stage of a path, with the stages that may follow it."""

    stage: Stage = field("Phase", "Phase aus dem Vokabular der Akten (z. B. erprobung, reflexion, wechsel).")
    label: ShortText | None = field(
        "Bezeichnung beim Träger", "Wie der Träger die Phase nennt, z. B. 'Praktikum' oder 'Abschlussgespräch' (optional).", default=None)
    next: list[Stage] = field(
        "Erlaubte nächste Phasen", "Welche Phasen direkt auf diese folgen dürfen. Leer: Endpunkt des Weges.", default_factory=list)
    reflection_before: Bool = field(
        "Reflexion vorher",
        "Vor dieser Phase muss das Reflexions- oder Abschlussgespräch der letzten beendeten oder abgebrochenen Erprobung "
        "eingetragen sein ('reflection_on' der Platzierung).",
        default=False,
    )


class PlacementLimit(Part):
    """How long a trial placement may last in one year of the programme."""

    year: Annotated[int, Field(strict=True, ge=1, le=10)] = field(
        "Jahr im Programm", "Das Jahr des Programms, gezählt ab dem Beginn der Qualifizierungsphase (sonst ab Aktenanlage): 1, 2 …")
    warn_days: Days = field("Warnung ab Tagen", "Ab so vielen Tagen warnt die Prüfung, dass ein Praktikum lang ist (HAA, 1. Jahr: 122 ≈ 4 Monate).")
    max_days: Days = field("Höchstens Tage", "Länger darf ein Praktikum nicht dauern (HAA: 366 = 12 Monate).")


class Path(Part):
    """Der Weg eines Trägers: Phasen, erlaubte Übergänge und Regeln."""

    id: Id = field("Kennung", "Kennung des Weges, z. B. alsterarbeit, haus-hall, haa.")
    name: ShortText = field("Name", "Name des Weges, wie er auf den Seiten erscheint.")
    source: Text | None = field("Quelle", "Woher der Weg stammt (Konzept, Handbuch).", default=None)
    as_of: Date | None = field("Stand", "Datum, an dem der Weg zuletzt mit der Quelle verglichen wurde.", default=None)
    start: list[Stage] = field(
        "Mögliche erste Phasen", "Mit welchen Phasen eine Akte beginnen darf. Leer: mit der ersten Phase der Liste.", default_factory=list)
    stages: list[PathStage] = field("Phasen", "Die Phasen des Weges in ihrer üblichen Reihenfolge.", min_length=1)
    placement_limits: list[PlacementLimit] = field(
        "Dauer von Praktika je Jahr",
        "Grenzen für die Dauer eines Praktikums je Jahr des Programms. Ohne Angabe: Warnung ab 4 Monaten, höchstens 12 Monate.",
        default_factory=list,
    )

    def first_stages(self) -> list[Stage]:
        """The stages a case may begin with."""
        return list(self.start) or [self.stages[0].stage]

    def step(self, stage: Stage) -> PathStage | None:
        """The path's entry for ``stage`` (None: the path does not use it)."""
        return next((s for s in self.stages if s.stage is stage), None)


class PathCatalogue(Part):
    """Mitgelieferte Wege (site_gen/data/paths.yaml)."""

    paths: list[Path] = field("Wege", "Die Wege der Träger.", min_length=1)

