"""Feedback after each phase: the questionnaire in Leichte Sprache, stored as entries, counted only over at least 5 people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_gen.models.case import Case
from site_gen.models.feedback import FeedbackPhase, PhaseFeedback, Question
from site_gen.records.dataset import load_dataset
from site_gen.render.easy_documents import render_questionnaire
from site_gen.texts.check import check_lines
from site_gen.texts.read import read_html
from site_gen.views.consented import consented_dataset
from site_gen.views.dashboard import dashboard
from site_gen.views.feedback import MIN_PEOPLE, feedback_figures, questionnaire, shown

from ..conftest import REPO, TODAY, demo_copy, run_cli

DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def template_case() -> Case:
    return load_dataset(REPO).cases["tn-0002"]


def people(template: Case, n: int, forms_each: int = 1) -> list[Case]:
    answer = PhaseFeedback(date=dt.date(2026, 10, 1), phase=FeedbackPhase.TRIAL, answers={Question.LIKED: 3, Question.HELP: 1})
    return [template.model_copy(update={"id": f"tn-{900 + i}", "feedback": [answer] * forms_each}) for i in range(n)]


def test_figures_need_at_least_five_people(template_case: Case) -> None:
    assert MIN_PEOPLE == 5
    four = feedback_figures(people(template_case, 4), DAY).groups[0]
    assert four.people == 4 and four.rows is None
    five = feedback_figures(people(template_case, 5), DAY).groups[0]
    assert five.people == 5 and five.rows is not None
    liked = five.rows[0]
    assert (liked.happy, liked.middle, liked.sad) == (5, 0, 0)
    assert five.rows[1].sad == 5 and five.rows[2].total == 0


def test_many_forms_of_few_people_stay_hidden(template_case: Case) -> None:
    group = feedback_figures(people(template_case, 2, forms_each=5), DAY).groups[0]
    assert group.forms == 10 and group.people == 2 and group.rows is None


def test_future_forms_do_not_count(template_case: Case) -> None:
    assert feedback_figures(people(template_case, 5), dt.date(2026, 9, 30)).groups[0].people == 0


@pytest.mark.parametrize("total, parts, ok", [(6, [5], False), (10, [5], True), (6, [2, 4], True), (5, [5], True), (9, [5, 4], False), (4, [], False)])
def test_no_figure_whose_difference_shows_a_few_people(total: int, parts: list[int], ok: bool) -> None:
    assert shown(total, parts) is ok


def test_demo_figures_per_provider_never_per_person() -> None:
    ds = consented_dataset(load_dataset(REPO), DAY)
    trial = dashboard(ds, DAY, provider="nordufer").feedback.groups[0]
    assert trial.phase == "Erprobung" and trial.people == 6 and trial.rows is not None
    assert all(g.rows is None for g in dashboard(ds, DAY, location="kranhafen").feedback.groups)  # 4 people there
    assert dashboard(ds, DAY, provider="sonnenhang").feedback.groups[0].rows is None


def test_without_the_consent_answers_do_not_count(tmp_path: Path) -> None:
    repo = demo_copy(tmp_path / "demo")
    for cid in ("tn-0005", "tn-0012"):
        consent = next(p for p in (repo / "cases" / cid / "consents").glob("*.yaml") if "purpose: rueckmeldung" in p.read_text(encoding="utf-8"))
        consent.write_text(consent.read_text(encoding="utf-8") + "withdrawn_on: 2026-11-20\n", encoding="utf-8")
    ds = consented_dataset(load_dataset(repo), DAY)
    assert ds.cases["tn-0005"].feedback == []
    group = dashboard(ds, DAY, provider="nordufer").feedback.groups[0]
    assert group.people == 4 and group.rows is None


@pytest.mark.parametrize("phase", list(FeedbackPhase))
def test_questionnaire_in_leichte_sprache_with_pictograms(phase: FeedbackPhase) -> None:
    html = render_questionnaire(questionnaire(phase))
    assert [f for f in check_lines("bogen.html", read_html(html), REPO) if f.severity.value != "info"] == []
    assert html.count('class="face"') == 3 * len(Question) and html.count('class="picto"') == len(Question)
    assert "<script" not in html


def test_questionnaire_command_writes_html_and_pdf(tmp_path: Path) -> None:
    result = run_cli("--root", str(REPO), "rueckmeldung", "--phase", "kurs", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rueckmeldung-kurs.pdf").read_bytes().startswith(b"%PDF")
    assert "Wie war mein Kurs?" in (tmp_path / "rueckmeldung-kurs.html").read_text(encoding="utf-8")
