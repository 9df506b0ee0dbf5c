"""The person's own view: self-assessment form, recorded as an ability profile, compared with the coach's on the case page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_gen.matching.profile import dated_profiles
from site_gen.models.case import Instrument
from site_gen.records.dataset import load_dataset
from site_gen.render.easy_documents import render_form
from site_gen.texts.check import check_lines
from site_gen.texts.read import read_html
from site_gen.views.consented import consented_dataset
from site_gen.views.self_assessment import compare_views, form_context

from ..conftest import REPO, TODAY, demo_copy, run_cli

DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def demo():
    return load_dataset(REPO)


def test_demo_has_self_assessments_made_by_the_person_themself(demo) -> None:
    own = {cid: p for cid, c in demo.cases.items() for p in c.ability_profiles if p.instrument is Instrument.SELF}
    assert len(own) >= 3
    assert all(p.assessor == cid for cid, p in own.items())


def test_views_side_by_side_and_where_they_differ(demo) -> None:
    view = compare_views(demo, demo.cases["tn-0001"], DAY)
    assert view is not None
    rows = {r.item: r for r in view.rows}
    assert rows["Merkfähigkeit"].person == 5 and rows["Merkfähigkeit"].coach == 2
    assert rows["Merkfähigkeit"].differs and rows["Merkfähigkeit"].person_words == "Das kann ich sehr gut."
    assert not rows["Lesen"].differs  # one step apart: close
    assert {r.item for r in view.differing} == {"Im Team arbeiten", "Merkfähigkeit", "Bus und Bahn allein nutzen"}
    # no self-assessment: nothing to compare
    assert compare_views(demo, demo.cases["tn-0002"], DAY) is None


def test_case_page_shows_both_views_and_the_reflection_agenda(demo) -> None:
    from site_gen.site.internal_pages import render_site

    pages = render_site(consented_dataset(demo, DAY), DAY, cases=["tn-0001"], workplaces=[], modules=[], overview=False)
    text = pages["akten/tn-0001.md"]
    section = text[text.index("### Selbstbild und Fremdbild"):text.index("## Platzierungen")]
    assert "| Merkfähigkeit | Das kann ich sehr gut. | 5 | 2 | **Person sieht sich stärker** |" in section
    assert "#### Für das nächste Reflexionsgespräch" in section
    assert "- **Merkfähigkeit**: die Person sagt „Das kann ich sehr gut.“ (5), die Fachkraft sieht 2." in section
    assert "Gesamt" not in section.replace("keinen Gesamtwert", "") and "%" not in section
    assert "Eingeschätzt von der Person selbst" in text


def test_matching_uses_only_the_coaches_assessments(demo) -> None:
    assert all(p.instrument is not Instrument.SELF for c in demo.cases.values() for p in dated_profiles(c, DAY))


def test_without_the_profile_consent_the_self_assessment_is_not_shown(tmp_path: Path) -> None:
    repo = demo_copy(tmp_path / "demo")
    consent = next(p for p in (repo / "cases" / "tn-0001" / "consents").glob("*.yaml") if "purpose: gesundheitsdaten" in p.read_text(encoding="utf-8"))
    consent.write_text(consent.read_text(encoding="utf-8") + "withdrawn_on: 2026-11-01\n", encoding="utf-8")
    view = consented_dataset(load_dataset(repo), DAY)
    assert view.cases["tn-0001"].ability_profiles == []
    assert compare_views(view, view.cases["tn-0001"], DAY) is None


@pytest.mark.parametrize("steps", [3, 5])
def test_the_form_is_in_leichte_sprache_with_a_picture_scale(demo, steps: int) -> None:
    html = render_form(form_context(demo, steps))
    errors = [f for f in check_lines("bogen.html", read_html(html), REPO) if f.severity.value == "error"]
    assert errors == []
    assert html.count('class="face"') == steps * len(demo.profile_items)
    assert html.count('class="picto"') >= len(demo.profile_items) - 1
    assert "<script" not in html and "default-src &#39;none&#39;" in html


def test_form_command_writes_html_and_pdf(tmp_path: Path) -> None:
    result = run_cli("--root", str(REPO), "selbsteinschaetzung", "--stufen", "5", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "selbsteinschaetzung-5-stufen.pdf").read_bytes().startswith(b"%PDF")
    assert "Das kann ich" in (tmp_path / "selbsteinschaetzung-5-stufen.html").read_text(encoding="utf-8")
