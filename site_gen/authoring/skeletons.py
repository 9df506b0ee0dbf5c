"""New records as valid, commented skeletons (``site-gen new case|workplace|module``).

Takes the next free pseudonymous id (``tn-0042``, ``ap-0017``, ``mod-003``),
fills references with the first provider, location and coaches from
``organisation.yaml``, and never overwrites a file. The first line is the
yaml-language-server modeline, so editors complete fields and show the
German help from ``schema/*.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..findings import UserError
from ..models.organisation import Role
from ..records.dataset import ORGANISATION_FILE, load_dataset
from ..records.layout import main_file
from ..records.placeholders import MARKER, fill
from .entries import write_entry
from .schema_files import ensure_schemas

PREFIX = {"case": ("cases", "tn", 4), "workplace": ("workplaces", "ap", 4), "module": ("modules", "mod", 3)}

CASE = """\
# yaml-language-server: $schema=../../schema/case-folder.schema.json
# Alles mit {marker} ersetzen; vorher besteht die Akte die Prüfung nicht.
# Akte einer teilnehmenden Person: die festen Angaben. Die Kennung ist pseudonym: niemals den Namen verwenden.
# Phasen, Begleitung, Einwilligungen … stehen als eigene Dateien in den Unterordnern: site-gen new eintrag {id} LISTE.
id: {id}
first_name: {ph_first}
last_name: {ph_last}
provider: {provider}
location: {location}
workshop_area: berufsbildungsbereich  # oder: arbeitsbereich
cost_bearer: agentur-fuer-arbeit  # eingliederungshilfe, rentenversicherung, integrationsamt …
coaches:
  primary: {primary}  # hauptverantwortlich
  deputy: {deputy}  # Tandem-Vertretung
wishes: []  # Wünsche der Person, in ihren Worten
interests: []
strengths: []
# support_needs und ability_profiles nur mit Einwilligung 'gesundheitsdaten' (consents)
consents: []
opened: {today}
"""

WORKPLACE = """\
# yaml-language-server: $schema=../../schema/workplace-folder.schema.json
# Alles mit {marker} ersetzen; vorher besteht das Profil die Prüfung nicht.
# Arbeitsplatzprofil eines Betriebs.
id: {id}
provider: {provider}
location: {location}
company:
  name: {ph_company}
  sector: lager-logistik  # kueche, gebaeudeservice, gastronomie, hotel, einzelhandel, kita …
  address:
    street: {ph_street}
    postcode: {ph_postcode}  # fünf Ziffern in Anführungszeichen, z. B. "04109"
    city: {ph_city}
    district: {ph_district}
  transit: {ph_transit}
placement_types:
  - praktikum
acquisition:
  status: kontakt  # kontakt → aktiv → pausiert → beendet
  channel: netzwerk  # empfehlung, kaltakquise, duoday, messe, anfrage-betrieb
  since: {today}
"""

MODULE = """\
# yaml-language-server: $schema=../schema/module.schema.json
# Alles mit {marker} ersetzen; vorher besteht das Modul die Prüfung nicht.
# Kursmodul. Der Text unter 'easy' ist für Teilnehmende: Leichte Sprache, ein Satz pro Zeile.
id: {id}
programme: jobvision  # chance-24, zertifizierte-qualifizierung, kukuk, talente, mentorenschulung
title: {ph_title}
goals:
  - {ph_goal}
units:
  - title: {ph_unit}
    hours: 4
duration_weeks: 4
certification:
  kind: teilnahmebescheinigung  # keine, teilqualifizierung-kammer, zertifikat
trainers:
  - {trainer}
capacity: 12
easy:
  title: {ph_easy_title}
  text: |
    {ph_easy_text}
"""


PLACEHOLDERS = {
    "ph_first": fill("Vorname"), "ph_last": fill("Nachname"), "ph_company": fill("Name des Betriebs"),
    "ph_street": fill("Straße und Hausnummer"), "ph_postcode": fill("Postleitzahl"), "ph_city": fill("Ort"),
    "ph_district": fill("Stadtteil"), "ph_transit": fill("Anbindung mit Bus und Bahn"), "ph_title": fill("Titel des Moduls"),
    "ph_goal": fill("Lernziel"), "ph_unit": fill("Titel der ersten Einheit"), "ph_easy_title": fill("Titel in Leichter Sprache"),
    "ph_easy_text": f"{MARKER}: Text in Leichter Sprache, ein Satz pro Zeile",
}
"""Every value a person must write; each one fails the check until replaced."""


def next_id(folder: Path, prefix: str, width: int) -> str:
    """The next free id ``prefix-NNNN`` after the highest one in ``folder``."""
    pattern = re.compile(rf"^{prefix}-(\d+)$")
    names = [p.stem for p in folder.glob("*.y*ml")] + [p.name for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
    digits = [m.group(1) for name in names if (m := pattern.match(name))]
    width = max([width, *map(len, digits)])
    return f"{prefix}-{max(map(int, digits), default=0) + 1:0{width}d}"


def create(root: Path, kind: str, today: dt.date) -> Path:
    """Write a skeleton record of ``kind``; returns its path."""
    if not (root / ORGANISATION_FILE).exists():
        raise UserError("organisation.yaml fehlt.", "Mit 'site-gen init' ein Daten-Repository anlegen und organisation.yaml ausfüllen.")
    ds = load_dataset(root, only=[])
    if ds.organisation is None:
        raise UserError("organisation.yaml ist ungültig.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    folder, prefix, width = PREFIX[kind]
    record_id = next_id(root / folder, prefix, width)
    provider = ds.organisation.providers[0]
    coaches = [s.id for s in ds.organisation.staff if Role.JOBCOACH in s.roles] or [s.id for s in ds.organisation.staff]
    trainers = [s.id for s in ds.organisation.staff if Role.TRAINER in s.roles] or coaches
    values = {
        "marker": MARKER, **PLACEHOLDERS, "id": record_id, "provider": provider.id, "location": provider.locations[0].id, "today": today.isoformat(),
        "primary": coaches[0], "deputy": coaches[1] if len(coaches) > 1 else coaches[0], "trainer": trainers[0],
    }
    text = {"case": CASE, "workplace": WORKPLACE, "module": MODULE}[kind].format(**values)
    path = root / folder / (f"{record_id}/{main_file(folder)}" if kind in ("case", "workplace") else f"{record_id}.yaml")
    path.parent.mkdir(parents=True, exist_ok=kind == "module")
    ensure_schemas(root)  # the modeline must point to a schema that exists
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    if kind == "case":  # the case folder: the first stage is the first entry
        write_entry(root, record_id, "stages", {"stage": "infogespraech", "since": today.isoformat()})
    return path

