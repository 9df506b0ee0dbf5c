"""Consents of a case folder in the browser: a withdrawal recorded on the consent's own file, a new consent as a new file.

Real Decap form, real decap-server, a real Git repository with the demo's cases as folders, real Chromium;
afterwards the real check, and the records as the next build reads them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from site_gen.domain.consent import has_live
from site_gen.records.dataset import load_dataset

from ..conftest import TODAY
from .forms import choose, diff_lines, open_entry, publish_new, save
from .harness import DECAP_SERVER, Requests, check, git

pytestmark = pytest.mark.skipif(not DECAP_SERVER.exists(), reason="npm ci nicht ausgeführt (decap-server fehlt)")

CONSENT = "cases/tn-0001/consents/2025-11-10-ew-2-884bb1.yaml"
"""tn-0001's consent to reports to the cost bearer; other cases have a consent 'ew-2' too (the id is per case)."""
OTHER = "cases/tn-0002/consents/2026-08-20-ew-2-5a6424.yaml"


def _comment(repo: Path) -> str:
    """Comments in the consent (and a different one in another case's 'ew-2'): a save must keep its own, take no other."""
    path = repo / CONSENT
    text = "# Einwilligung vom Erstgespräch\n" + path.read_text(encoding="utf-8").replace(
        "given_by: person\n", "given_by: person  # selbst unterschrieben\n")
    path.write_text(text, encoding="utf-8")
    other = repo / OTHER
    other.write_text("# Andere Akte, anderer Kommentar\n" + other.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Kommentare")
    return text


def test_withdraw_a_consent_and_add_a_new_one(folder_coach: tuple[Any, Path, Requests]) -> None:
    """The withdrawal is one new line in the consent's own file and takes effect in the records; a new consent is a new file."""
    page, repo, _ = folder_coach
    today = dt.date.fromisoformat(TODAY)
    before = _comment(repo)
    purposes = {p.id: p for p in load_dataset(repo).purposes_catalogue.purposes}  # type: ignore[union-attr]
    assert has_live(load_dataset(repo).cases["tn-0001"], today, purposes, "bericht-kostentraeger")

    page.goto(f"{page.url_base}#/collections/einwilligungen")  # the list: every consent file and nothing else
    page.get_by_text(re.compile(r"^2025-11-10 – tn-0001/consents – ew-2 bericht-kostentraeger$")).wait_for()
    shown = page.get_by_text(re.compile(r" – tn-\d{4}/")).all_inner_texts()
    consents = len(list((repo / "cases").glob("*/consents/*.yaml")))
    assert len(shown) == consents and all("/consents – " in s for s in shown), (len(shown), consents, shown[:3])

    open_entry(page, page.url_base, "einwilligungen", CONSENT.removeprefix("cases/").removesuffix(".yaml"), "Widerrufen am (optional)")
    page.get_by_label("Widerrufen am (optional)", exact=True).fill("2026-11-20")
    save(page, repo, CONSENT)
    assert diff_lines(repo, CONSENT) == ([], ["withdrawn_on: 2026-11-20"])  # same path, its comments kept, nothing else
    assert (repo / CONSENT).read_text(encoding="utf-8") == before.replace("given_on: 2025-11-10\n", "given_on: 2025-11-10\nwithdrawn_on: 2026-11-20\n")

    folder = repo / "cases" / "tn-0002" / "consents"
    names = {p.name for p in folder.iterdir()}
    page.goto(f"{page.url_base}#/collections/einwilligungen/new")
    expect(page.get_by_label("Kennung", exact=True)).to_have_value("")  # the new form, no more the withdrawn consent's
    choose(page, "Akte (optional)", "tn-0002")
    page.get_by_label("Kennung", exact=True).fill("ew-9")
    choose(page, "Zweck", "Fotos")
    choose(page, "Erteilt von", "Person selbst")
    page.get_by_label("Erteilt am", exact=True).fill("2026-11-20")
    page.get_by_label("Ablage", exact=True).fill("Papierakte, Register Einwilligungen, Blatt 9")
    new = publish_new(page, repo, folder, names)
    assert re.fullmatch(r"2026-11-20-ew-9-[0-9a-f]{6}\.yaml", new.name), new.name
    assert new.read_text(encoding="utf-8") == ("id: ew-9\npurpose: fotos\ngiven_by: person\ngiven_on: 2026-11-20\n"
                                               "document: Papierakte, Register Einwilligungen, Blatt 9\n")
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    assert status == f" M {CONSENT}\n?? cases/tn-0002/consents/{new.name}\n", status

    result = check(repo)
    assert result.returncode == 0, result.stdout
    ds = load_dataset(repo)  # what the next build reads: the consent is withdrawn, the new one is there
    (withdrawn,) = [c for c in ds.cases["tn-0001"].consents if c.id == "ew-2"]
    assert withdrawn.withdrawn_on == dt.date(2026, 11, 20)
    assert not has_live(ds.cases["tn-0001"], today, purposes, "bericht-kostentraeger")
    assert has_live(ds.cases["tn-0002"], today, purposes, "fotos")


def test_an_entry_without_id_keeps_its_own_comments(folder_coach: tuple[Any, Path, Requests]) -> None:
    """Stage entries share their keys (stage, since) across every case: the save still merges into this file's own text."""
    page, repo, _ = folder_coach
    rel = "cases/tn-0001/stages/2026-01-12-suche-8e03f2.yaml"
    text = "# Nach dem Fähigkeitsprofil\nstage: suche  # Stellensuche\nsince: 2026-01-12\n"
    (repo / rel).write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Kommentar")
    open_entry(page, page.url_base, "phasen", rel.removeprefix("cases/").removesuffix(".yaml"), "Notiz (optional)")
    page.get_by_label("Notiz (optional)", exact=True).fill("Sucht im Lager.")
    assert save(page, repo, rel) == text + "note: Sucht im Lager.\n"
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f" M {rel}\n"
