"""A deterministic generator (``site-gen demo``) of valid synthetic records.

For benchmarks and scale tests (``--cases 10000 --workplaces 2000``). The
output passes ``site-gen check`` at ``--today`` (default 2026-11-22). All
names are drawn from invented lists; same arguments, same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml_rs

from ..findings import UserError
from ..models.case import CostBearer, Instrument, ServiceKind
from ..models.common import PlacementType, Sector, Stage
from ..models.workplace import Channel, Pictogram
from ..records.layout import MAIN_FILE, appendable
from ..records.split import ordered_names

FIRST = "Anna Ben Clara David Elif Finn Greta Hamza Ida Jonas Kaya Leon Mia Noah Ole Paula Quentin Rosa Samir Tilda Umut Vera Wanda Yusuf Zoe Malte Leni Emil Nele Arne".split()
LAST = "Abendroth Birkholz Dornbusch Eichwald Fennrich Grünau Hollmer Ilgner Jastram Kornfeld Lindqvist Moorkamp Nettelbeck Ostwald Pfeilmann Quast Rabenau Sonntag Tiedtke Uhlenbrock Vossberg Wittkamp Zellner".split()
COMPANY = "Kornblume Sonnenwiese Elbblick Hafenkante Lindengrün Mühlenbach Nordlicht Rosengarten Tannenhof Weidenweg".split()
DISTRICTS = "Altstadt Nordviertel Hafen Südfeld Westend Lindenau Ostpark Mühlenkamp".split()
ITEMS = "arbeitsauftrag mehrere-aufgaben tagesroutine umstellung sorgfalt puenktlichkeit belastung konzentration merkfaehigkeit lesen schreiben rechnen kommunikation teamarbeit kritik kundenkontakt heben-tragen stehen feinmotorik ausdauer oepnv".split()
INTERESTS = "Tiere Kochen Pflanzen Ordnung Technik Kinder Kundschaft Sport Musik Holz".split()
OUTPLACED = [PlacementType.OUTSIDE_GROUP, PlacementType.OUTPLACED, PlacementType.BUDGET_WORK, PlacementType.REGULAR, PlacementType.BUDGET_TRAINING]
TODAY = dt.date(2026, 11, 22)


def _d(day: dt.date) -> str:
    return day.isoformat()


def organisation(n_cases: int, n_modules: int) -> dict[str, Any]:
    coaches = max(6, -(-n_cases // 12))
    coaches += coaches % 2
    providers = []
    for p in range(2):
        providers.append({
            "id": f"traeger-{p + 1}",
            "name": f"Synthetische Werkstätten {p + 1}",
            "locations": [
                {"id": f"standort-{p + 1}-{i + 1}", "name": f"Standort {DISTRICTS[p * 3 + i]}", "district": DISTRICTS[p * 3 + i],
                 "team_phone": f"040 555 0{p + 1}{i + 1}0", "team_email": f"team{p + 1}{i + 1}@example.org"}
                for i in range(3)
            ],
            "headcount": [{"year": y, "workshop_employees": max(100, n_cases * 3 // 2)} for y in (2024, 2025, 2026)],
            "targets": [{"year": 2027, "quota": 40.0 + 10 * p}],
        })
    staff = [
        {"id": f"jc-{i + 1:04d}", "name": f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}", "roles": ["jobcoach"],
         "provider": f"traeger-{(i // 2) % 2 + 1}", "location": f"standort-{(i // 2) % 2 + 1}-{(i // 4) % 3 + 1}", "capacity": 15}
        for i in range(coaches)
    ]
    staff += [{"id": f"tr-{i + 1:03d}", "name": f"{FIRST[(i + 5) % len(FIRST)]} {LAST[(i * 3) % len(LAST)]}", "roles": ["trainer"],
               "provider": "traeger-1", "location": "standort-1-1", "capacity": 0} for i in range(max(2, n_modules // 10))]
    return {
        "providers": providers,
        "staff": staff,
        "access_requirements": [{"id": "krankheitseinsicht", "label": "Krankheitseinsicht"},
                                {"id": "stabilitaet", "label": "Gesundheitliche und psychische Stabilität"}],
        "retention_years": 5,
    }


def workplace(i: int, rng: random.Random, org: dict[str, Any]) -> dict[str, Any]:
    sector = list(Sector)[i % len(Sector)]
    p = i % 2
    loc = org["providers"][p]["locations"][i % 3]
    types = [PlacementType.INTERNSHIP, PlacementType.TASTER, PlacementType.TRIAL, PlacementType.INTEGRATION_INTERNSHIP] + OUTPLACED
    wp: dict[str, Any] = {
        "id": f"ap-{i + 1:04d}", "provider": org["providers"][p]["id"], "location": loc["id"],
        "company": {"name": f"{COMPANY[i % len(COMPANY)]} {sector.value.title()} {i + 1}", "sector": sector.value,
                    "address": {"street": f"Musterweg {i % 90 + 1}", "postcode": f"{20000 + i % 999:05d}", "city": "Musterstadt", "district": loc["district"]},
                    "transit": f"Bus {i % 40 + 1}, Haltestelle {DISTRICTS[i % len(DISTRICTS)]}"},
        "contacts": [{"name": f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}", "role": "Leitung", "phone": f"040 555 {i % 10000:04d}"}],
        "mentors": [{"id": "m1", "name": f"{FIRST[(i + 3) % len(FIRST)]} {LAST[(i + 2) % len(LAST)]}", "trained": i % 3 != 0}],
        "analysis": {"analysed_on": "2025-03-01", "analysed_by": org["staff"][i % 6]["id"], "tasks": ["Waren sortieren", "Arbeitsplatz sauber halten"],
                     "working_hours": "Mo–Fr 8–14 Uhr", "physical": ["Stehen"], "environment": ["Kundenkontakt"], "aids": ["Checkliste"],
                     "risk_assessment_on": "2025-03-10"},
        "requirements": {item: rng.randint(1, 5) for item in rng.sample(ITEMS, 12)},
        "placement_types": [t.value for t in types],
        "acquisition": {"status": "aktiv", "channel": list(Channel)[i % len(Channel)].value, "since": "2024-05-01"},
    }
    if i % 4 == 0:
        wp["posting"] = {
            "title": f"Helfer im Bereich {i + 1}", "tasks": ["Du räumst Waren ein.", "Du hältst den Platz sauber."],
            "needs": ["Du bist gern pünktlich.", "Du arbeitest gern im Team."], "hours": "Montag bis Freitag.\nVon 8 bis 14 Uhr.",
            "hours_per_week": 30, "place": f"Der Betrieb ist in {loc['district']}.", "help": "Eine Kollegin hilft dir.",
            "pictogram": list(Pictogram)[i % len(Pictogram)].value, "posted_on": "2026-10-01", "valid_until": "2027-03-31", "publish": True,
        }
    return wp


def module(i: int, org: dict[str, Any]) -> dict[str, Any]:
    trainers = [s["id"] for s in org["staff"] if "trainer" in s["roles"]]
    return {
        "id": f"mod-{i + 1:03d}", "programme": "jobvision", "title": f"Modul {i + 1}", "goals": ["Stärken kennen"],
        "units": [{"title": "Einstieg", "hours": 4}, {"title": "Übung", "hours": 8}], "duration_weeks": 4,
        "access_requirements": ["krankheitseinsicht"], "certification": {"kind": "teilnahmebescheinigung"},
        "trainers": [trainers[i % len(trainers)]], "capacity": 12, "runs": [{"start": "2026-09-01", "end": "2026-09-30"}],
        "easy": {"title": f"Kurs {i + 1}", "text": "In diesem Kurs lernst du viel.\nDu lernst deine Stärken kennen."},
    }


def case(i: int, rng: random.Random, org: dict[str, Any], n_wp: int, n_mod: int) -> dict[str, Any]:
    coaches = [s for s in org["staff"] if "jobcoach" in s["roles"]]
    k = i % len(coaches)
    primary, deputy = coaches[k], coaches[k ^ 1]
    opened = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 900))
    stage_count = rng.randint(1, 6)
    stages = [{"stage": list(Stage)[s].value, "since": _d(opened + dt.timedelta(days=40 * s))} for s in range(stage_count)]
    wp_id = f"ap-{rng.randint(1, n_wp):04d}"
    placements = []
    if stage_count >= 5:
        start = opened + dt.timedelta(days=160)
        placements.append({"type": "praktikum", "workplace": wp_id, "start": _d(start), "end": _d(start + dt.timedelta(days=90)),
                           "hours_per_day": 6, "hours_per_week": 30, "contract_signed": True, "mentor": "m1", "status": "beendet",
                           "outcome": "naechstes-praktikum", "reflection_on": _d(start + dt.timedelta(days=95))})
        stages = [s for s in stages if s["stage"] != "erprobung"]
    if stage_count == 6 and i % 3 == 0:
        start = opened + dt.timedelta(days=300)
        placements.append({"type": rng.choice(OUTPLACED).value, "workplace": wp_id, "start": _d(start), "hours_per_day": 7,
                           "hours_per_week": 35, "contract_signed": True, "status": "laufend"})
    log = []
    day = opened
    for n in range(rng.randint(14, 32)):
        day += dt.timedelta(days=1 + n * 2)
        log.append({"date": _d(day), "kind": list(ServiceKind)[n % 3].value, "minutes": 30 + 15 * (n % 4), "by": primary["id"],
                    "note": "Gespräch zur Arbeitssituation, nächste Schritte vereinbart."})
    return {
        "id": f"tn-{i + 1:05d}",
        "first_name": FIRST[rng.randrange(len(FIRST))], "last_name": LAST[rng.randrange(len(LAST))],
        "provider": primary["provider"], "location": primary["location"],
        "workshop_area": "arbeitsbereich" if i % 3 else "berufsbildungsbereich",
        "cost_bearer": list(CostBearer)[i % 4].value,
        "coaches": {"primary": primary["id"], "deputy": deputy["id"]},
        "stages": stages,
        "wishes": ["Arbeit mit netten Kolleginnen und Kollegen"], "interests": rng.sample(INTERESTS, 2),
        "strengths": ["zuverlässig", "freundlich"],
        "support_needs": ["Braucht feste Pausenzeiten."],
        "ability_profiles": [{"instrument": list(Instrument)[i % 5].value, "date": _d(opened + dt.timedelta(days=20)), "assessor": primary["id"],
                              "ratings": {item: rng.randint(1, 5) for item in ITEMS}}],
        "goals": [{"goal": "Ein Praktikum im ersten Arbeitsmarkt machen.", "measures": ["Bewerbungstraining besuchen"],
                   "agreed_on": _d(opened), "review_on": _d(opened + dt.timedelta(days=180)), "status": "in-arbeit"}],
        "placements": placements,
        "enrolments": [{"module": f"mod-{i % n_mod + 1:03d}", "start": "2026-09-01", "end": "2026-09-30", "status": "abgeschlossen",
                        "certificate": True, "requirements_confirmed": ["krankheitseinsicht"]}],
        "support_log": log,
        "consents": [{"id": "e1", "purpose": "gesundheitsdaten", "given_by": "person", "given_on": _d(opened), "document": f"Ordner {i % 50 + 1}, Blatt 3"}],
        "opened": _d(opened),
    }


def write_case(folder: Path, data: dict[str, Any], layout: str) -> None:
    """One case as ``<id>.yaml`` (layout ``datei``) or as the folder ``<id>/`` (``ordner``, one file per entry)."""
    if layout == "datei":
        (folder / f"{data['id']}.yaml").write_text(yaml_rs.dumps(data) + "\n", encoding="utf-8")
        return
    home = folder / data["id"]
    home.mkdir()
    lists = {name: data.pop(name) for name in appendable() if data.get(name)}
    (home / MAIN_FILE).write_text(yaml_rs.dumps(data) + "\n", encoding="utf-8")
    for name, items in lists.items():
        (home / name).mkdir()
        texts = [yaml_rs.dumps(item) + "\n" for item in items]
        for file_name, text in zip(ordered_names(name, items, texts), texts):
            (home / name / file_name).write_text(text, encoding="utf-8")


def generate(out: Path, n_cases: int, n_workplaces: int, n_modules: int, seed: int = 7, layout: str = "datei") -> None:
    """Write a synthetic records repository into ``out`` (replacing it); cases in ``layout`` (``ordner`` or ``datei``)."""
    if out.exists():
        if not (out / "organisation.yaml").exists():
            raise UserError(f"'{out}' existiert und ist kein Demo-Ordner.", "Einen neuen oder leeren Ordner angeben.")
        shutil.rmtree(out)
    rng = random.Random(seed)
    org = organisation(n_cases, n_modules)
    for folder in ("cases", "workplaces", "modules", "schema"):
        (out / folder).mkdir(parents=True)
    package_schema = Path(__file__).resolve().parents[2] / "schema"
    for name in ("profile-catalogue.yaml", "consent-purposes.yaml", "easy-language.yaml"):
        if (package_schema / name).exists():
            shutil.copy(package_schema / name, out / "schema" / name)
    (out / "organisation.yaml").write_text(yaml_rs.dumps(org) + "\n", encoding="utf-8")
    for i in range(n_workplaces):
        (out / "workplaces" / f"ap-{i + 1:04d}.yaml").write_text(yaml_rs.dumps(workplace(i, rng, org)) + "\n", encoding="utf-8")
    for i in range(n_modules):
        (out / "modules" / f"mod-{i + 1:03d}.yaml").write_text(yaml_rs.dumps(module(i, org)) + "\n", encoding="utf-8")
    for i in range(n_cases):
        write_case(out / "cases", case(i, rng, org, n_workplaces, n_modules), layout)

