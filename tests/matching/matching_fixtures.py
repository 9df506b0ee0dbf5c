"""A small fixture records repository for the matching tests, written as YAML in a temp folder.

People and companies are invented. Dates are chosen around TODAY.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml_rs

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


def consent(cid: str, purpose: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "purpose": purpose, "given_by": "person", "given_on": "2025-01-10", "document": "Ordner A, Blatt 1", **extra}


ORGANISATION = {
    "providers": [{
        "id": "traeger-nord", "name": "Werkstätten Nordlicht",
        "locations": [
            {"id": "standort-altstadt", "name": "Standort Altstadt", "district": "Altstadt", "team_phone": "040 555 0101", "team_email": "altstadt@example.org"},
            {"id": "standort-hafen", "name": "Standort Hafen", "district": "Hafen", "team_phone": "040 555 0102", "team_email": "hafen@example.org"},
        ],
    }],
    "staff": [
        {"id": "jc-lena", "name": "Lena Fennrich", "roles": ["jobcoach"], "provider": "traeger-nord", "location": "standort-altstadt"},
        {"id": "jc-omar", "name": "Omar Quast", "roles": ["jobcoach", "trainer"], "provider": "traeger-nord", "location": "standort-hafen"},
    ],
}


def case(cid: str, first: str, **over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": cid, "first_name": first, "last_name": "Beispiel", "provider": "traeger-nord", "location": "standort-altstadt",
        "workshop_area": "arbeitsbereich", "cost_bearer": "eingliederungshilfe",
        "coaches": {"primary": "jc-lena", "deputy": "jc-omar"},
        "stages": [{"stage": "suche", "since": "2025-02-01"}], "opened": "2025-01-10",
    }
    base.update(over)
    return base


RATINGS_OLD = {"arbeitsauftrag": 2, "sorgfalt": 3, "lesen": 2, "konzentration": 2, "teamarbeit": 3, "heben-tragen": 4}
RATINGS_NEW = {"arbeitsauftrag": 4, "sorgfalt": 4, "lesen": 2, "konzentration": 3, "teamarbeit": 4, "heben-tragen": 5}

CASES = [
    case("tn-0001", "Anna", wishes=["In einer Küche arbeiten, 20 Stunden pro Woche"], interests=["Kochen & <Backen>"],
         strengths=["Arbeitet genau", "Ist freundlich zu *allen*"],
         ability_profiles=[
             {"instrument": "hamet-2", "date": "2025-03-01", "assessor": "jc-lena", "ratings": RATINGS_OLD},
             {"instrument": "melba", "date": "2026-06-01", "assessor": "jc-lena", "ratings": RATINGS_NEW},
         ],
         placements=[{"type": "praktikum", "workplace": "wp-lager", "start": "2025-09-01", "end": "2025-11-30", "hours_per_day": 4,
                      "hours_per_week": 20, "contract_signed": True, "status": "beendet", "outcome": "naechstes-praktikum"}],
         enrolments=[{"module": "mod-bewerbung", "start": "2026-01-05", "end": "2026-02-27", "status": "abgeschlossen", "certificate": True}],
         consents=[consent("e1", "gesundheitsdaten"), consent("e2", "profil-an-arbeitgeber", recipients=["wp-kueche"])]),
    # consent for health data expired: no rating may be used
    case("tn-0002", "Ben", interests=["Pakete"], location="standort-hafen",
         ability_profiles=[{"instrument": "hamet-2", "date": "2025-03-01", "assessor": "jc-omar", "ratings": {"arbeitsauftrag": 5, "konzentration": 5}}],
         consents=[consent("e1", "gesundheitsdaten", valid_until="2026-01-31")]),
    # no consent at all, a profile-less case
    case("tn-0003", "Cem", wishes=["Etwas mit Tieren"]),
    # consent given by a guardian whose tasks do not cover health: not live
    case("tn-0005", "Emil", guardian={"name": "Petra Vossberg", "tasks": ["vermoegenssorge"]},
         ability_profiles=[{"instrument": "imba", "date": "2026-02-01", "assessor": "jc-lena", "ratings": {"arbeitsauftrag": 5, "konzentration": 5}}],
         consents=[consent("e1", "gesundheitsdaten", given_by="betreuung")]),
    # closed case: never a candidate
    case("tn-0004", "Dora", closed="2026-05-31", ability_profiles=[{"instrument": "melba", "date": "2025-03-01", "assessor": "jc-lena", "ratings": {"arbeitsauftrag": 5}}],
         consents=[consent("e1", "gesundheitsdaten")]),
]


def workplace(wid: str, name: str, sector: str, district: str, location: str, **over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": wid, "provider": "traeger-nord", "location": location,
        "company": {"name": name, "sector": sector, "address": {"street": "Musterweg 1", "postcode": "20095", "city": "Musterstadt", "district": district},
                    "transit": "Bus 12, Haltestelle Markt, 3 Minuten"},
        "placement_types": ["praktikum"], "acquisition": {"status": "aktiv", "channel": "netzwerk", "since": "2024-05-01"},
    }
    base.update(over)
    return base


POSTING = {"title": "Helfer in der Küche", "tasks": ["Du schneidest Gemüse."], "needs": ["Du bist gern pünktlich."], "hours": "Montag bis Freitag.",
           "hours_per_week": 20, "place": "Der Betrieb ist in der Altstadt.", "help": "Eine Kollegin hilft dir.", "pictogram": "kochtopf",
           "posted_on": "2026-10-01", "valid_until": "2027-03-31", "publish": True}

WORKPLACES = [
    workplace("wp-kueche", "Kantine Sonnenhof & Söhne", "kueche", "Altstadt", "standort-altstadt", posting=POSTING,
              requirements={"arbeitsauftrag": 3, "sorgfalt": 4, "lesen": 4, "konzentration": 3, "teamarbeit": 2}),
    workplace("wp-lager", "Lager Elbblick", "lager-logistik", "Hafen", "standort-hafen", placement_types=["praktikum", "ausgelagerter-einzelarbeitsplatz"],
              requirements={"arbeitsauftrag": 2, "heben-tragen": 4, "teamarbeit": 1},
              analysis={"analysed_on": "2025-03-01", "analysed_by": "jc-omar", "tasks": ["Pakete packen", "Regale einräumen"], "working_hours": "Mo–Fr 7–12 Uhr"}),
    workplace("wp-alt", "Gärtnerei Altwerk", "garten-landschaft", "Altstadt", "standort-altstadt",
              requirements={"arbeitsauftrag": 1}, acquisition={"status": "beendet", "channel": "netzwerk", "since": "2025-05-01"}),
    workplace("wp-buero", "Büro Lindengrün", "buero", "Hafen", "standort-hafen", company={
        "name": "Büro Lindengrün", "sector": "buero", "address": {"street": "Am Kai 2", "postcode": "20457", "city": "Musterstadt", "district": "Hafen"},
        "transit": "keine Haltestelle in der Nähe"}, acquisition={"status": "pausiert", "channel": "empfehlung", "since": "2026-01-01"}),
]

MODULES = [{
    "id": "mod-bewerbung", "programme": "jobvision", "title": "Bewerbungstraining", "goals": ["Eine Bewerbung schreiben"],
    "units": [{"title": "Lebenslauf", "hours": 4}], "duration_weeks": 8, "certification": {"kind": "teilnahmebescheinigung"},
    "trainers": ["jc-omar"], "capacity": 10, "easy": {"title": "Bewerbung", "text": "Du lernst: So geht eine Bewerbung."},
}]


def write_repo(dest: Path, cases: list[dict[str, Any]] | None = None, workplaces: list[dict[str, Any]] | None = None) -> Path:
    """Write the fixture repository (or the given records) into ``dest`` and return it."""
    for folder in ("cases", "workplaces", "modules", "schema"):
        (dest / folder).mkdir(parents=True, exist_ok=True)
    for catalogue in (REPO / "schema").glob("*.yaml"):
        shutil.copy(catalogue, dest / "schema" / catalogue.name)
    (dest / "organisation.yaml").write_text(yaml_rs.dumps(ORGANISATION), encoding="utf-8")
    from site_gen.authoring.demo import write_record

    for kind, records in (("cases", cases or CASES), ("workplaces", workplaces or WORKPLACES)):
        for rec in records:
            write_record(dest / kind, dict(rec), kind)  # a folder: case.yaml (workplace.yaml) and one file per entry
    for rec in MODULES:
        (dest / "modules" / f"{rec['id']}.yaml").write_text(yaml_rs.dumps(rec), encoding="utf-8")
    return dest


from tests.browser import served  # noqa: E402,F401  (re-exported for the tests here)
