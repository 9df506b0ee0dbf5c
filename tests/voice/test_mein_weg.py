"""``site-gen mein-weg``: the person's own booklet, in Leichte Sprache, about the person only."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from site_gen.records.dataset import load_dataset
from site_gen.render.easy_documents import render_my_way
from site_gen.site import audio
from site_gen.views.consented import consented_dataset
from site_gen.views.my_way import my_way

from ..browser import launch
from ..conftest import REPO, TODAY, built_once, demo_copy, run_cli

DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="session")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo case's booklet (HTML and PDF) through the CLI, written once per session for both xdist workers
    (read-only use)."""
    def make(out: Path) -> None:
        result = run_cli("--root", str(REPO), "mein-weg", "tn-0001", "--today", TODAY, "--out", str(out))
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr

    return built_once(tmp_path_factory, "mein-weg", make)


def test_html_and_pdf_pass_the_easy_language_check(booklet: Path) -> None:
    html, pdf = booklet / "mein-weg-tn-0001.html", booklet / "mein-weg-tn-0001.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    result = run_cli("--root", str(REPO), "leicht", str(html), str(pdf))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("2 Dateien geprüft: 0 Fehler")


def test_the_booklet_shows_the_persons_way_and_nothing_about_anyone_else(booklet: Path) -> None:
    ds = load_dataset(REPO)
    me = ds.cases["tn-0001"]
    html = re.sub(r'src="data:[^"]*"', "", (booklet / "mein-weg-tn-0001.html").read_text(encoding="utf-8"))
    assert "Das Heft von Jana." in html
    assert all(g.goal in html for g in me.goals)  # goals in the person's words
    assert "Mara Petersen" in html and "Deniz Kaya" in html  # coach and deputy
    assert "Wir lernen uns kennen." in html and "10. November 2025" in html  # the timeline
    assert "So nehme ich eine Einwilligung zurück" in html
    # nothing about anyone else, and nothing the booklet is not for
    for cid, other in ds.cases.items():
        if cid != "tn-0001":
            assert f">{other.first_name} {other.last_name}<" not in html and other.last_name not in html, cid
    assert me.last_name not in html
    assert not any(need in html for need in me.support_needs)
    assert not any(e.note in html for e in me.support_log)
    workplace = ds.workplaces[me.placements[0].workplace]
    assert not any(m.name in html for m in workplace.mentors) and not any(c.name in html for c in workplace.contacts)


def test_no_script_and_audio_where_the_board_has_it(booklet: Path) -> None:
    html = (booklet / "mein-weg-tn-0001.html").read_text(encoding="utf-8")
    assert "<script" not in html and "script-src" not in html
    assert html.count("<audio controls") == (5 if audio.available() else 0)
    assert 'src="data:audio/ogg;base64,' in html or not audio.available()


BOXES_OFF_LINE = r"""() => [...document.querySelectorAll('.scale')].filter(scale => new Set([...scale.querySelectorAll('.box')]
  .map(box => Math.round(box.getBoundingClientRect().top))).size > 1).length"""


def test_the_page_works_in_chromium_without_javascript(booklet: Path, tmp_path: Path) -> None:
    """The booklet in Chromium without JavaScript; in the same browser, the blank forms in Leichte Sprache on a
    390 px phone: the boxes of one picture scale stand on one line (issue 25: 'Das kann ich sehr gut.' took a
    line more than its neighbours and pushed its box below theirs)."""
    from playwright.sync_api import sync_playwright

    for command in (["selbsteinschaetzung", "--stufen", "5"], ["selbsteinschaetzung", "--stufen", "3"], ["rueckmeldung"]):
        result = run_cli("--root", str(REPO), *command, "--kein-pdf", "--out", str(tmp_path))
        assert result.returncode == 0, result.stderr
    forms = sorted(tmp_path.glob("*.html"))
    assert len(forms) == 3
    with sync_playwright() as p:
        browser = launch(p)
        phone = browser.new_page(viewport={"width": 390, "height": 900})
        for form in forms:
            phone.goto(form.as_uri())
            assert phone.evaluate(BOXES_OFF_LINE) == 0, form.name
        page = browser.new_context(java_script_enabled=False).new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: problems.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto((booklet / "mein-weg-tn-0001.html").as_uri())
        assert page.locator("h2").all_inner_texts() == ["Meine Ziele", "Das habe ich schon gemacht", "Das kommt als Nächstes",
                                                        "Diese Menschen helfen mir", "Meine Einwilligungen"]
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
        browser.close()
    assert problems == []
    assert size >= 18  # large print


def test_withdrawn_consent_and_future_dates(tmp_path: Path) -> None:
    repo = demo_copy(tmp_path / "demo")
    consent = sorted((repo / "cases" / "tn-0001" / "consents").glob("*.yaml"))[-1]
    consent.write_text(consent.read_text(encoding="utf-8") + "withdrawn_on: 2026-11-01\n", encoding="utf-8")
    ctx = my_way(consented_dataset(load_dataset(repo), DAY), "tn-0001", DAY)
    assert any(c.state == "Ich habe das zurück·genommen am 1. November 2026." and not c.live for c in ctx.consents)
    assert all(e.day > DAY for e in ctx.next) and all(e.day <= DAY for e in ctx.steps)
    assert "Wir sprechen bald wieder darüber." in [g.review for g in ctx.goals]  # a review date already passed
    assert "<script" not in render_my_way(ctx)


def test_default_folder_is_ausgabe_and_unknown_case_is_a_german_error(tmp_path: Path) -> None:
    repo = demo_copy(tmp_path / "demo")
    ok = run_cli("--root", str(repo), "mein-weg", "tn-0002", "--today", TODAY, "--kein-pdf")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert (repo / "ausgabe" / "mein-weg-tn-0002.html").is_file()
    assert (repo / "ausgabe" / "mein-weg-tn-0002.html").stat().st_mode & 0o077 == 0  # a document about a person
    bad = run_cli("--root", str(repo), "mein-weg", "tn-9999", "--today", TODAY, "--kein-pdf")
    assert bad.returncode == 1 and "Die Akte 'tn-9999' gibt es nicht" in bad.stderr and "Traceback" not in bad.stderr


def test_only_a_goal_reached_has_a_tick() -> None:
    """An open goal is where I want to go (a pin); a tick beside it would say it is done."""
    from site_gen.models.case import GoalStatus
    from site_gen.views.my_way import _goal

    goal = load_dataset(REPO).cases["tn-0001"].goals[0]
    pictos = {status: _goal(goal.model_copy(update={"status": status}), DAY).picto for status in GoalStatus}
    assert pictos[GoalStatus.REACHED] == "haken"
    assert all(p != "haken" for status, p in pictos.items() if status is not GoalStatus.REACHED)
