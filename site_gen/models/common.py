"""Shared building blocks for all record models.

Every record model derives from :class:`Record` (or :class:`Part` for nested
sections): unknown keys are errors, booleans and integers are strict (YAML's
``yes``/``no`` stay strings and fail), dates must be written as ISO strings.

Each field carries a German ``title`` and ``description`` so that editors using
the generated JSON Schema show help. Fields of a case that hold personal data
are tied to the consent purpose (or legal basis) they need via :func:`field`;
the tie appears in the schema as ``x-zweck``.
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
"""Record ids: lower-case ASCII, digits and single hyphens. No dots or slashes."""


def _date_from_yaml(value: Any) -> Any:
    """Accept ISO date strings (YAML 1.2 has no date type) and real dates only."""
    if value.__class__ is str and len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return _dt.date.fromisoformat(value)  # raises ValueError on 30 February
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    raise ValueError("date_format" if isinstance(value, str) else "date_type")


ISO_DATE_BRANCH = "function-iso-date"
"""Tag of the fast branch of :data:`Date` in error locations; ``site_gen.records.validate`` drops its errors (same constant there)."""


class _YamlDate:
    """A date as YAML gives it: an ISO string ``JJJJ-MM-TT`` (or a ``date`` from Python code).

    Calling :func:`_date_from_yaml` once per date (35 per synthetic case) was
    about 30 % of the time to validate a case. So pydantic-core first tries a string of exactly
    ``[0-9]{4}-[0-9]{2}-[0-9]{2}`` as a date on its own (no Python call; it
    accepts exactly the dates ``date.fromisoformat`` accepts for such a
    string); anything else, and an impossible day, goes on to
    :func:`_date_from_yaml`, whose error alone becomes the finding.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        fast = core_schema.chain_schema([core_schema.str_schema(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", strict=True, strip_whitespace=False),
                                         core_schema.date_schema(strict=False)])
        slow = core_schema.no_info_before_validator_function(_date_from_yaml, handler(source))
        return core_schema.union_schema([(fast, ISO_DATE_BRANCH), (slow, "function-date")], mode="left_to_right")

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return handler(core_schema.date_schema())


Date = Annotated[_dt.date, _YamlDate]
Bool = Annotated[bool, Field(strict=True)]
Int = Annotated[int, Field(strict=True)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Rating = Annotated[int, Field(strict=True, ge=1, le=5)]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 /()-]{4,30}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
Postcode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"']*)?$", max_length=300)]
"""A web address: only https: or http: (never javascript:, data: or file:)."""


class Part(BaseModel):
    """Base for nested sections: strict keys, assignment not needed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Record(Part):
    """Base for top-level records stored one per file (file stem = id)."""

    id: Id = Field(
        title="Kennung",
        description="Pseudonyme Kennung des Datensatzes. Muss dem Dateinamen ohne .yaml entsprechen.",
    )


class Basis(str, Enum):
    """Legal bases that allow processing without a consent."""

    DOCUMENTATION_DUTY = "dokumentationspflicht"


def field(
    title: str,
    description: str,
    *,
    purpose: str | None = None,
    basis: Basis | None = None,
    personal: bool = False,
    **kwargs: Any,
) -> Any:
    """A pydantic ``Field`` with German help and an optional consent tie.

    ``purpose`` names a consent purpose from ``schema/consent-purposes.yaml``
    that must be live while the field holds data; ``basis`` names a legal
    basis that needs no consent. ``personal`` marks fields with personal data
    (never printed in messages, never on the public site).
    """
    extra: dict[str, Any] = dict(kwargs.pop("json_schema_extra", None) or {})
    if purpose is not None:
        extra["x-zweck"] = purpose
    if basis is not None:
        extra["x-rechtsgrundlage"] = basis.value
    if personal or purpose is not None:
        extra["x-personenbezogen"] = True
    return Field(title=title, description=description, json_schema_extra=extra or None, **kwargs)


def purpose_of(info: FieldInfo) -> str | None:
    """The consent purpose a model field is tied to, if any."""
    extra = info.json_schema_extra
    return extra.get("x-zweck") if isinstance(extra, dict) else None  # type: ignore[return-value]


def basis_of(info: FieldInfo) -> str | None:
    """The legal basis a model field relies on, if any."""
    extra = info.json_schema_extra
    return extra.get("x-rechtsgrundlage") if isinstance(extra, dict) else None  # type: ignore[return-value]


class Stage(str, Enum):
    """The stages of the paths out of the workshop (alsterarbeit's seven, Haus Hall's Übergangsgruppe).

    Which stages a provider uses, in which order, is data: ``organisation.yaml`` ``paths`` (models/path.py)."""

    INFO = "infogespraech"
    SEARCH = "suche"
    APPLICATION = "bewerbungsunterlagen"
    INTERVIEW = "vorstellungsgespraech"
    TRIAL = "erprobung"
    REFLECTION = "reflexion"
    TRANSITION = "wechsel"
    TRANSITION_GROUP = "uebergangsgruppe"
    """Haus Hall: prepared for a regular job together with the IFD (issue 29: the path as data)."""


STAGE_LABELS: dict[Stage, str] = {
    Stage.INFO: "Infogespräch und Profilerstellung",
    Stage.SEARCH: "Suche",
    Stage.APPLICATION: "Bewerbungsunterlagen",
    Stage.INTERVIEW: "Vorstellungsgespräch",
    Stage.TRIAL: "Beschäftigungserprobung",
    Stage.REFLECTION: "Reflexionsgespräch",
    Stage.TRANSITION: "Unbefristeter Wechsel",
    Stage.TRANSITION_GROUP: "Übergangsgruppe",
}


class PlacementType(str, Enum):
    """Placement types (see DOMAIN.md)."""

    INTERNSHIP = "praktikum"
    TASTER = "schnupperpraktikum"
    TRIAL = "beschaeftigungserprobung"
    INTEGRATION_INTERNSHIP = "integrationspraktikum"
    OUTSIDE_GROUP = "aussenarbeitsgruppe"
    OUTPLACED = "ausgelagerter-einzelarbeitsplatz"
    BUDGET_WORK = "budget-fuer-arbeit"
    BUDGET_TRAINING = "budget-fuer-ausbildung"
    REGULAR = "sozialversicherungspflichtig"


PLACEMENT_LABELS: dict[PlacementType, str] = {
    PlacementType.INTERNSHIP: "Praktikum",
    PlacementType.TASTER: "Schnupperpraktikum",
    PlacementType.TRIAL: "Beschäftigungserprobung",
    PlacementType.INTEGRATION_INTERNSHIP: "Integrationspraktikum",
    PlacementType.OUTSIDE_GROUP: "Außenarbeitsgruppe",
    PlacementType.OUTPLACED: "Ausgelagerter Einzelarbeitsplatz",
    PlacementType.BUDGET_WORK: "Budget für Arbeit",
    PlacementType.BUDGET_TRAINING: "Budget für Ausbildung",
    PlacementType.REGULAR: "Sozialversicherungspflichtige Beschäftigung",
}

TRIAL_TYPES = frozenset(
    {
        PlacementType.INTERNSHIP,
        PlacementType.TASTER,
        PlacementType.TRIAL,
        PlacementType.INTEGRATION_INTERNSHIP,
    }
)
"""Time-limited trial placements: the HAA rotation limits apply to these."""

OUTPLACED_TYPES = frozenset({PlacementType.OUTSIDE_GROUP, PlacementType.OUTPLACED})
"""Placements that count towards the Außenarbeitsquote."""


class Sector(str, Enum):
    """Sectors of workplaces (from the seeds)."""

    WAREHOUSE = "lager-logistik"
    KITCHEN = "kueche"
    FACILITY = "gebaeudeservice"
    GASTRONOMY = "gastronomie"
    HOTEL = "hotel"
    RETAIL = "einzelhandel"
    DAYCARE = "kita"
    HORSES = "pferdehof"
    GARDENING = "garten-landschaft"
    OFFICE = "buero"
    CARE = "alltagshilfe"
    CRAFT = "handwerk"


SECTOR_LABELS: dict[Sector, str] = {
    Sector.WAREHOUSE: "Lager und Logistik",
    Sector.KITCHEN: "Küche",
    Sector.FACILITY: "Gebäude·service",
    Sector.GASTRONOMY: "Gastronomie",
    Sector.HOTEL: "Hotel",
    Sector.RETAIL: "Einzel·handel",
    Sector.DAYCARE: "Kinder·tages·stätte",
    Sector.HORSES: "Pferde·hof",
    Sector.GARDENING: "Garten·bau",
    Sector.OFFICE: "Büro",
    Sector.CARE: "Alltags·hilfe",
    Sector.CRAFT: "Handwerk",
}
