"""Access routes (issue 29): how a person came to the job coaching.

An open catalogue like the profile catalogue: the tool ships the routes the
seeds name (``site_gen/data/access-routes.yaml``); ``organisation.yaml``
(``access_routes``) adds own ones or renames a shipped one by its id.
"""

from __future__ import annotations

from .common import Date, Id, Part, ShortText, field


class Access(Part):
    """How the person came in."""

    route: Id = field("Weg", "Kennung des Zugangswegs, z. B. infoveranstaltung, duoday, schnupperpraktikum, jobvento, direkt.")
    date: Date | None = field("Am", "Tag des ersten Kontakts auf diesem Weg (optional).", default=None)


class AccessRoute(Part):
    id: Id = field("Kennung", "Kennung des Zugangswegs.")
    label: ShortText = field("Bezeichnung", "Bezeichnung, z. B. DuoDay.")


class AccessRouteCatalogue(Part):
    """Mitgelieferte Zugangswege (site_gen/data/access-routes.yaml)."""

    routes: list[AccessRoute] = field("Zugangswege", "Die Zugangswege.", min_length=1)
