"""The tasks of issue 11, through the real Decap form, real decap-server, real Git, real Chromium.

The first task, a new support-log entry, is test_entry_files_browser.py::test_add_support_log_entry_to_a_case_folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from yaml import safe_load

from site_gen.models.workplace import Posting, Workplace
from site_gen.records.dataset import load_dataset

from ..conftest import TODAY
from .forms import choose, diff_lines, open_entry, pick, publish_new, remove_all_items, save, section
from .harness import DECAP_SERVER, Requests, check, cli, git

pytestmark = pytest.mark.skipif(not DECAP_SERVER.exists(), reason="npm ci nicht ausgeführt (decap-server fehlt)")


def new_entry(page: Any, collection: str, case: str, ready: str) -> None:
    """The form for a new entry file of ``collection``, with its case chosen first."""
    page.goto(f"{page.url_base}#/collections/{collection}/new")
    page.get_by_label(ready, exact=True).first.wait_for()
    choose(page, "Akte (optional)", case)


def test_stage_change_with_new_placement_at_existing_workplace(coach: tuple[Any, Path, Requests]) -> None:
    """A new stage and a new placement at a workplace the team knows: two new entry files in the case folder."""
    page, repo, _ = coach
    case = repo / "cases" / "tn-0011"
    stages = {p.name for p in (case / "stages").iterdir()}
    new_entry(page, "phasen", "tn-0011", "Seit")
    pick(page, page, "Phase", "Beschäftigungserprobung")
    page.get_by_label("Seit", exact=True).fill("2026-11-16")
    stage = publish_new(page, repo, case / "stages", stages)
    assert stage.name.startswith("2026-11-16-erprobung-"), stage.name
    assert stage.read_text(encoding="utf-8") == "stage: erprobung\nsince: 2026-11-16\n"

    new_entry(page, "platzierungen", "tn-0011", "Stunden pro Tag")
    pick(page, page, "Art", "Praktikum")
    pick(page, page, "Arbeitsplatz", "Glanzwerk")  # relation: the coach picks the company, the file keeps its id
    page.get_by_label("Beginn", exact=True).fill("2026-11-16")
    page.get_by_label("Ende (optional)", exact=True).fill("2027-02-12")
    page.get_by_label("Stunden pro Tag", exact=True).fill("6")
    page.get_by_label("Stunden pro Woche", exact=True).fill("30")
    page.get_by_label("Vertrag unterschrieben", exact=True).click()
    pick(page, page, "Mentor:in (optional)", "Rainer Tetzlaff")
    pick(page, page, "Stand", "laufend")
    placement = publish_new(page, repo, case / "placements", set())
    assert placement.name.startswith("2026-11-16-ap-0003-"), placement.name
    assert placement.read_text(encoding="utf-8") == (
        "type: praktikum\nworkplace: ap-0003\nstart: 2026-11-16\nend: 2027-02-12\nhours_per_day: 6\nhours_per_week: 30\n"
        "contract_signed: true\nmentor: m1\nstatus: laufend\n")
    status = git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(status) == sorted([f"?? cases/tn-0011/stages/{stage.name}", f"?? cases/tn-0011/placements/{placement.name}"]), status
    result = check(repo)
    assert result.returncode == 0, result.stdout
    now = load_dataset(repo).cases["tn-0011"]
    assert now.stages[-1].stage == "erprobung" and [p.workplace for p in now.placements] == ["ap-0003"]  # the current stage is the new one


def test_consent_withdrawal_then_remove_the_covered_data(coach: tuple[Any, Path, Requests]) -> None:
    """The consent entry gets its withdrawal date; the check names what is left; the coach removes it from case.yaml."""
    page, repo, _ = coach
    rel = "cases/tn-0011/consents/2026-04-13-ew-1-2a835d.yaml"  # ew-1: gesundheitsdaten (support needs, ability profile)
    open_entry(page, page.url_base, "einwilligungen", "tn-0011/consents/2026-04-13-ew-1-2a835d", "Widerrufen am (optional)")
    page.get_by_label("Widerrufen am (optional)", exact=True).fill("2026-11-20")
    save(page, repo, rel)
    assert diff_lines(repo, rel) == ([], ["withdrawn_on: 2026-11-20"])
    result = check(repo)  # the check names what is left: health data without a live consent
    assert "CONSENT-WITHDRAWN-DATA-LEFT" in result.stdout and "cases/tn-0011" in result.stdout, result.stdout

    case = "cases/tn-0011/case.yaml"
    head = (repo / case).read_text(encoding="utf-8")
    page.goto(f"{page.url_base}#/collections/akten")  # the other collection's list first: its editor starts anew
    page.get_by_text("tn-0011", exact=False).first.wait_for()
    open_entry(page, page.url_base, "akten", "tn-0011/case", "Unterstützungsbedarf (optional)")
    expect(page.get_by_label("Vorname", exact=True)).to_have_value("Kofi", timeout=20000)
    remove_all_items(section(page, "Unterstützungsbedarf (optional)"))
    save(page, repo, case)
    removed, added = diff_lines(repo, case)
    assert added == [], added  # Decap leaves out empty lists: the key goes
    covered = "support_needs:" + head.split("support_needs:")[1].split("# Begleitung")[0]  # exactly the covered data is gone
    assert removed == covered.splitlines(), removed
    left = check(repo)
    assert "CONSENT-WITHDRAWN-DATA-LEFT" in left.stdout, left.stdout  # the ability profile is still there
    profile = "cases/tn-0011/ability_profiles/2026-05-18-paul-okafor-7580c2.yaml"
    git(repo, "rm", "-q", profile)  # the entry collections do not delete files (delete: false): the file goes with Git
    result = check(repo)
    assert result.returncode == 0 and "CONSENT-WITHDRAWN-DATA-LEFT" not in result.stdout, result.stdout


def test_trainer_edits_the_easy_language_description(coach: tuple[Any, Path, Requests]) -> None:
    page, repo, _ = coach
    rel = "modules/jv-ressourcen.yaml"
    open_entry(page, page.url_base, "module", "jv-ressourcen", "Leichte Sprache")
    easy = section(page, "Leichte Sprache")
    text = easy.get_by_label("Text", exact=True)
    old = text.input_value()
    text.fill(old.rstrip("\n") + "\nDu lernst in einer kleinen Gruppe." + ("\n" if old.endswith("\n") else ""))
    save(page, repo, rel)
    assert diff_lines(repo, rel) == ([], ["    Du lernst in einer kleinen Gruppe."])
    result = check(repo)
    assert result.returncode == 0, result.stdout


def test_create_workplace_with_public_posting_in_easy_language(coach: tuple[Any, Path, Requests]) -> None:
    page, repo, _ = coach
    rel = "workplaces/ap-0020/workplace.yaml"  # the demo's workplaces are folders: a new one is one too
    page.goto(f"{page.url_base}#/collections/arbeitsplaetze/new")
    page.get_by_label("Kennung", exact=True).first.fill("ap-0020")
    choose(page, "Träger", "Werkstätten Nordufer", nth=0)
    page.get_by_label("Standort", exact=True).first.fill("kranhafen")
    company = section(page, "Betrieb")
    company.get_by_label("Betrieb", exact=True).fill("Mittagstisch am Deich")
    pick(page, company, "Branche", "Küche")
    company.get_by_label("Straße", exact=True).fill("Deichweg 4")
    company.get_by_label("PLZ", exact=True).fill("04109")
    company.get_by_label("Ort", exact=True).fill("Hafenstadt")
    company.get_by_label("Stadtteil", exact=True).fill("Kranhafen")
    company.get_by_label("ÖPNV", exact=True).fill("Bus 12, Haltestelle Deich, 3 Minuten")
    pick(page, page, "Angebotene Formen", "Praktikum")
    acquisition = section(page, "Akquise")
    pick(page, acquisition, "Stand", "aktiv")
    pick(page, acquisition, "Weg", "Netzwerk")
    acquisition.get_by_label("Seit", exact=True).fill("2026-11-20")
    posting = section(page, "Ausschreibung (optional)")
    posting.locator("button[aria-label='Aufklappen']").first.click()
    posting.get_by_label("Titel (optional)", exact=True).fill("Helferin oder Helfer in der Küche")
    for label, lines in (("Was machst du?", ["Du schneidest Gemüse.", "Du spülst das Geschirr."]),
                         ("Was brauchst du?", ["Du arbeitest gern im Team.", "Du bist pünktlich."])):
        part = section(posting, f"{label} (optional)")
        for line in lines:
            part.get_by_text(f"{label.lower()} hinzufügen").click()
            part.get_by_label(label, exact=True).last.fill(line)
    posting.get_by_label("Wann? (optional)", exact=True).fill("Montag bis Freitag.\nVon 9 Uhr bis 14 Uhr.")
    posting.get_by_label("Stunden pro Woche (optional)", exact=True).fill("25")
    posting.get_by_label("Wo? (optional)", exact=True).fill("Die Küche ist am Deich.\nDu fährst mit dem Bus 12.")
    posting.get_by_label("Wer hilft dir? (optional)", exact=True).fill("Der Koch hilft dir.\nDein Job·coach besucht dich.")
    pick(page, posting, "Bild (optional)", "Kochtopf")
    posting.get_by_label("Veröffentlicht am (optional)", exact=True).fill("2026-11-20")
    posting.get_by_label("Gültig bis (optional)", exact=True).fill("2027-03-31")
    posting.get_by_label("Veröffentlichen (optional)", exact=True).click()
    text = save(page, repo, rel)
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f"?? {rel}\n"  # the new file and nothing else
    data = safe_load(text)
    assert list(data) == [k for k in Workplace.model_fields if k in data]  # model order, as 'site-gen new' writes
    assert list(data["posting"]) == [k for k in Posting.model_fields if k in data["posting"]]
    assert len(data["posting"]) >= 11
    assert data["company"]["address"]["postcode"] == "04109" and data["posting"]["publish"] is True
    assert data["posting"]["hours"] == "Montag bis Freitag.\nVon 9 Uhr bis 14 Uhr."
    assert "id: ap-0020\n" in text and "postcode: \"04109\"" in text
    result = check(repo)
    assert result.returncode == 0, result.stdout
    assert "ap-0020" not in result.stdout or "Fehler" not in result.stdout, result.stdout


def test_skeleton_from_site_gen_new_keeps_its_comments(folder_coach: tuple[Any, Path, Requests]) -> None:
    page, repo, _ = folder_coach
    created = cli("--root", str(repo), "new", "case", "--today", TODAY)
    assert created.returncode == 0, created.stderr
    rel = created.stdout.split("Angelegt: ")[1].split(" ")[0]
    git(repo, "add", rel)
    git(repo, "commit", "-q", "-m", "neue Akte")
    slug = Path(rel).parent.name + "/case"  # a case folder: Decap's entry is cases/<id>/case.yaml
    open_entry(page, page.url_base, "akten", slug, "Werkstattbereich")
    pick(page, page, "Werkstattbereich", "Arbeitsbereich")
    page.get_by_label("Vorname", exact=True).fill("Alex")
    text = save(page, repo, rel)
    removed, added = diff_lines(repo, rel)
    head = git(repo, "show", f"HEAD:{rel}").splitlines()
    first = next(line for line in head if line.startswith("first_name:"))
    area = next(line for line in head if line.startswith("workshop_area:"))
    assert area == "workshop_area: berufsbildungsbereich  # oder: arbeitsbereich"
    assert removed == [first, area], removed
    print(added)
    assert added[0] in ("first_name: Alex", 'first_name: "Alex"'), added
    assert added[1:] == ["workshop_area: arbeitsbereich # oder: arbeitsbereich"], added
    assert text.startswith("# yaml-language-server: $schema=../../schema/case-folder.schema.json\n")
    assert "  primary: mara-petersen  # hauptverantwortlich" in text or "# hauptverantwortlich" in text
