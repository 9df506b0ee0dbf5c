"""The repository's own ids in the JSON Schema files, for completion in the editor.

Where a field refers to another record or to a catalogue entry, the schema
lists the ids that exist (``anyOf`` an ``enum`` and the plain id pattern:
completion offers the known ids, a record added after the last
``site-gen schema`` is not marked red).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Ids:
    """The ids an editor may offer, taken from the repository's data."""

    workplaces: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    staff: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    access_requirements: list[str] = field(default_factory=list)
    profile_items: dict[str, str] = field(default_factory=dict)
    """id → German label (shown as the title of the rating key)."""


def repository_ids(root: Path) -> Ids:
    """Ids of the records and catalogue entries below ``root`` (invalid files count by name)."""
    from ..records.dataset import load_dataset, scan_records  # late: dataset imports this package's models

    ds = load_dataset(root, only=[])
    stems: dict[str, list[str]] = {"workplaces": [], "modules": []}
    for kind, rid, *_ in scan_records(root)[0]:
        if kind in stems:
            stems[kind].append(rid)
    return Ids(workplaces=stems["workplaces"], modules=stems["modules"], staff=sorted(ds.staff), providers=sorted(ds.providers),
               locations=sorted(ds.locations), purposes=sorted(ds.purposes), access_requirements=sorted(ds.access_requirements),
               profile_items={k: v.label for k, v in sorted(ds.profile_items.items())})


def _choice(prop: dict[str, Any], ids: list[str], extra: tuple[str, ...] = ()) -> None:
    """Offer ``ids`` for a string property (in place), keeping title and description."""
    values = sorted({*ids, *extra})
    if not values:
        return
    plain = {k: prop.pop(k) for k in ("type", "pattern", "maxLength") if k in prop}
    prop["anyOf"] = [{"enum": values}, plain]


def _list_choice(prop: dict[str, Any], ids: list[str], extra: tuple[str, ...] = ()) -> None:
    _choice(prop["items"], ids, extra)


def _ratings(prop: dict[str, Any], items: dict[str, str]) -> None:
    if items:
        rating = next(iter(prop.get("patternProperties", {}).values()), {"type": "integer", "minimum": 1, "maximum": 5})
        prop["properties"] = {k: {**rating, "title": label} for k, label in items.items()}


def complete(name: str, schema: dict[str, Any], ids: Ids) -> None:
    """Offer the repository's ids in the schema of format ``name`` (in place)."""
    defs = schema.get("$defs", {})
    props = schema["properties"]
    if name in ("case", "workplace"):
        _choice(props["provider"], ids.providers)
        _choice(props["location"], ids.locations)
    if name == "case":
        _choice(defs["Coaches"]["properties"]["primary"], ids.staff)
        _choice(defs["Coaches"]["properties"]["deputy"], ids.staff)
        _choice(defs["AbilityProfile"]["properties"]["assessor"], ids.staff)
        _ratings(defs["AbilityProfile"]["properties"]["ratings"], ids.profile_items)
        _choice(defs["LogEntry"]["properties"]["by"], ids.staff)
        _choice(defs["Placement"]["properties"]["workplace"], ids.workplaces)
        _choice(defs["Disclosure"]["properties"]["workplace"], ids.workplaces)
        _choice(defs["Enrolment"]["properties"]["module"], ids.modules)
        _list_choice(defs["Enrolment"]["properties"]["requirements_confirmed"], ids.access_requirements)
        _choice(defs["Consent"]["properties"]["purpose"], ids.purposes)
        _list_choice(defs["Consent"]["properties"]["recipients"], ids.workplaces, ("ifd", "kostentraeger"))
    elif name == "workplace":
        _choice(defs["Analysis"]["properties"]["analysed_by"], ids.staff)
        _ratings(props["requirements"], ids.profile_items)
    elif name == "module":
        _list_choice(props["trainers"], ids.staff)
        _list_choice(props["access_requirements"], ids.access_requirements)
