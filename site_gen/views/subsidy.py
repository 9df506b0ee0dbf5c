"""The subsidy information sheet for an employer (``site-gen foerderung``): what a placement kind means,
which support and money exist, who decides, whom to call, with legal sources and the Stand date.

Only company and organisation data: nothing about a participant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding, UserError
from ..labels import label
from ..models.common import PlacementType
from ..models.subsidy import Support
from ..records.config import load_subsidies
from ..records.dataset import Dataset


@dataclass(frozen=True, slots=True)
class SheetContext:
    company: str
    workplace: str
    kind: str
    """German label of the placement kind."""
    meaning: str
    supports: list[Support]
    stand: dt.date
    """The oldest Stand date of the facts on the sheet."""
    contact: str | None
    team: str
    team_phone: str
    team_email: str
    offered: bool
    """Whether the workplace profile lists this placement kind."""
    today: dt.date


def placement_type(given: str) -> PlacementType:
    """The placement kind ``given`` names (its code or its German label); a German error naming the allowed ones."""
    for kind in PlacementType:
        if given.strip().lower() in (kind.value, label(kind).lower()):
            return kind
    raise UserError("--art: Diese Form der Platzierung gibt es nicht.", "Erlaubt sind: " + ", ".join(k.value for k in PlacementType) + ".")


def _contact(ds: Dataset, wid: str) -> str | None:
    """Who the company knows: the staff member of its latest contact, else the one who analysed the workplace."""
    wp = ds.workplaces[wid]
    latest = max(wp.contact_log, key=lambda c: c.date, default=None)
    sid = latest.by if latest is not None else (wp.analysis.analysed_by if wp.analysis else None)
    return ds.staff[sid].name if sid in ds.staff else None


def sheet(ds: Dataset, wid: str, art: str, today: dt.date) -> SheetContext:
    """The sheet for workplace ``wid`` and placement kind ``art``."""
    if wid not in ds.workplaces:
        raise UserError(f"Das Arbeitsplatzprofil {wid} gibt es nicht oder es enthält Fehler.", "Kennung prüfen, z. B. ap-0001; 'site-gen check' zeigt Fehler.")
    kind = placement_type(art)
    problems: list[Finding] = []
    facts, _ = load_subsidies(ds.root, problems)
    if problems:
        raise UserError("Die eigene Fassung der Förder-Angaben (schema/foerderung.yaml) enthält Fehler.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    about = next((k for k in facts.kinds if k.type is kind), None)
    if about is None:
        raise UserError(f"--art: Für '{kind.value}' gibt es noch kein Förderblatt.", "Die Form in schema/foerderung.yaml unter 'kinds' beschreiben.")
    supports = {s.id: s for s in facts.supports}
    chosen = [supports[s] for s in about.supports if s in supports]
    wp = ds.workplaces[wid]
    place = ds.locations.get(wp.location)
    return SheetContext(wp.company.name, wid, label(kind), about.meaning, chosen, min((s.stand for s in chosen), default=today),
                        _contact(ds, wid), place.name if place else wp.location, place.team_phone if place else "–",
                        place.team_email if place else "–", kind in wp.placement_types, today)
