"""The board reads as finished (issue 25): the start page says first what to do and where to get help; one
read-aloud control per section (the recorded player stays for browsers without JavaScript); a short course
overview by topic, a picture and a recording per course, hard words linked to their explanation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Board
from .test_public_browser import SPEECH_STUB

VISIBLE_CONTROLS = """() => [...document.querySelectorAll('section.part')].map(s =>
  [...s.querySelectorAll('button.speak, .listen audio')].filter(e => e.checkVisibility()).length)"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


def test_start_page_opens_with_what_to_do_and_where_to_get_help(board: Board, page: Any) -> None:
    page.goto(board.url)
    first = page.locator("main h1 + *")
    assert "intro" in (first.get_attribute("class") or "")
    assert "Such dir einen Arbeits·platz aus." in first.inner_text() and "Job·coach" in first.inner_text()


def test_one_read_aloud_control_per_section(board: Board, browser: Any) -> None:
    recorded = (board.out / "audio" / "ap-0002").is_dir()
    context = browser.new_context()
    pg = context.new_page()
    pg.add_init_script(SPEECH_STUB)
    pg.goto(board.url + "stelle/ap-0002/")
    per_section = pg.evaluate(VISIBLE_CONTROLS)
    assert per_section and set(per_section) == {1}, per_section
    context.close()
    if recorded:  # without JavaScript the recorded player is the one control
        context = browser.new_context(java_script_enabled=False)
        pg = context.new_page()
        pg.goto(board.url + "stelle/ap-0002/")
        assert set(_count_without_js(pg)) == {1}
        context.close()


def _count_without_js(pg: Any) -> list[int]:
    sections = pg.locator("section.part")
    return [sections.nth(i).locator("button.speak:visible, .listen audio:visible").count() for i in range(sections.count())]


def test_courses_overview_by_topic_with_a_picture_and_recording_per_course(board: Board, page: Any) -> None:
    page.goto(board.url + "kurse/")
    html = page.content()
    assert "auf einen Blick" not in html
    topics = page.locator(".overview h3.topic")
    courses = page.locator("section.course")
    assert topics.count() >= 2 and page.locator(".overview .course-list li").count() == courses.count()
    hotel = page.locator("section.course", has=page.locator("h2", has_text="Hotel")).first
    assert hotel.locator(".section-picto").get_attribute("src").endswith("/bett.svg")  # the course's own picture, not the programme's
    pictures = {courses.nth(i).locator(".section-picto").get_attribute("src") for i in range(courses.count())}
    assert len(pictures) >= 5
    assert page.locator("section.course a.explained", has_text="Zertifikat").count() >= 1
    # A one-line sentence with an explained word is as high as one without (the link's tap padding pushed its lines apart).
    heights = page.evaluate("""[...document.querySelectorAll('section.course p')].filter(p => !p.querySelector('a:not(.explained)')
        && p.getBoundingClientRect().height > 0 && p.getBoundingClientRect().height < 1.6 * parseFloat(getComputedStyle(p).lineHeight))
        .map(p => [!!p.querySelector('a.explained'), Math.round(p.getBoundingClientRect().height)])""")
    assert {h for linked, h in heights if linked} == {h for linked, h in heights if not linked}, heights
    if (board.out / "audio" / "kurse").is_dir():
        assert page.locator("section.course .listen audio").count() == courses.count()
        assert set(page.evaluate(VISIBLE_CONTROLS)) == {1}
