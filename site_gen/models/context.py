"""ICF context factors (issue 29): environmental factors (e-codes) as barrier or facilitator.

Elbe LOT plans participation with the ICF: barriers and facilitators in the
environment (transport, aids, a trained mentor, attitudes) matter as much as
abilities. The same part describes a person (``cases/``, with consent
'gesundheitsdaten': it tells about the person's disability) and a workplace
(``workplaces/``). Matching weighs a workplace's facilitator against the
person's barrier of the same ICF category (:mod:`site_gen.matching.rank`).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import StringConstraints

from .common import Part, ShortText, field

IcfE = Annotated[str, StringConstraints(pattern=r"^e[1-5][0-9]{2}[0-9]{0,2}$")]
"""An ICF environmental factor: e110 … e599, optionally with a fourth/fifth digit (e1200)."""


class FactorKind(str, Enum):
    BARRIER = "barriere"
    FACILITATOR = "foerderfaktor"


class ContextFactor(Part):
    """A context factor of the ICF (Umweltfaktor) with its direction."""

    code: IcfE = field("ICF-Code", "Umweltfaktor der ICF, z. B. e120 (Mobilität und Transport), e330 (Autoritätspersonen), e355 (Fachleute).")
    kind: FactorKind = field("Wirkung", "Barriere oder Förderfaktor.")
    note: ShortText | None = field("Notiz", "Was genau, z. B. 'Umstieg am Bahnhof ist schwierig' oder 'geschulte Mentorin'.", default=None)


ICF_E_LABELS: dict[str, str] = {
    "e110": "Produkte für den persönlichen Verbrauch",
    "e115": "Hilfsmittel für das tägliche Leben",
    "e120": "Mobilität und Transport",
    "e125": "Kommunikationsmittel",
    "e135": "Hilfsmittel für die Arbeit",
    "e150": "Zugänglichkeit öffentlicher Gebäude",
    "e155": "Zugänglichkeit privater Gebäude",
    "e240": "Licht",
    "e250": "Geräusche und Lärm",
    "e310": "Engster Familienkreis",
    "e320": "Freunde",
    "e325": "Kolleginnen, Kollegen und Bekannte",
    "e330": "Vorgesetzte",
    "e340": "Persönliche Hilfs- und Pflegepersonen",
    "e355": "Fachleute der Gesundheitsberufe",
    "e360": "Andere Fachleute",
    "e410": "Einstellungen der Familie",
    "e425": "Einstellungen von Kolleginnen und Kollegen",
    "e430": "Einstellungen von Vorgesetzten",
    "e460": "Gesellschaftliche Einstellungen",
    "e540": "Verkehrsdienste",
    "e570": "Soziale Sicherheit",
    "e575": "Allgemeine soziale Unterstützung",
    "e590": "Dienste für Arbeit und Beschäftigung",
}
"""German short labels of the ICF categories the seeds touch (three digits; longer codes use their category)."""

FACTOR_LABELS: dict[object, str] = {FactorKind.BARRIER: "Barriere", FactorKind.FACILITATOR: "Förderfaktor"}


def category(code: str) -> str:
    """The three-digit ICF category of a code: e1201 → e120."""
    return code[:4]


def code_label(code: str) -> str:
    """'e120 Mobilität und Transport' (the code alone when the category has no label here)."""
    name = ICF_E_LABELS.get(category(code))
    return f"{code} {name}" if name else code
