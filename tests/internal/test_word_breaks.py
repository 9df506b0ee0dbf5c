"""No table cell breaks a word inside a syllable (issue 25: "Jobco ach", "Beschäftigungserprobun g"), nor a number
range after its dash ("(1–" above "5)").

Every table cell of every page kind of the demo's internal site (the kinds the accessibility test finds)
and of the subject-access export (Auskunft) is walked in a real Chromium at 390 and 1280 px: each word's
Range has its line boxes (``getClientRects``); a word on more than one line may break after a hyphen, a
soft hyphen (``&shy;``), a slash or other punctuation, never between two letters (``pages.BROKEN_WORDS``,
run on the same load as the other page checks). The Auskunft, a standalone document, does not scroll sideways
either (``pages.SIDEWAYS``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, TODAY, built_once, run_cli
from .pages import BROKEN_WORDS, KINDS, OTHERS, pages_of, swept

DEADLINES = "Fristen einzelner Personen"
"""Two more pages of ``fristen/*`` (the first by name) beside the kind's largest."""
EXPORT = "Auskunft"


@pytest.fixture(scope="module")
def export_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Auskunft (subject-access export) of tn-0001: once per session, shared by the workers."""
    def make(out: Path) -> None:
        proc = run_cli("--root", str(REPO), "export", "tn-0001", "--today", TODAY, "--out", str(out))
        assert proc.returncode == 0, proc.stderr

    return next(built_once(tmp_path_factory, "auskunft-tn-0001", make).glob("*.html"))


@pytest.mark.parametrize("view", ["390", "1280"])
@pytest.mark.parametrize("kind", [*KINDS, OTHERS, DEADLINES, EXPORT])
def test_no_word_breaks_inside_a_syllable(demo_site: tuple[Path, Path], kind: str, view: str, request: pytest.FixtureRequest,
                                          tmp_path_factory: pytest.TempPathFactory, serve: Any, browser: Any) -> None:
    if kind == EXPORT:
        export_page = request.getfixturevalue("export_page")
        base, site, pages, only = serve(export_page.parent), "auskunft", [export_page.name], ["broken_words", "sideways"]
    elif kind == DEADLINES:
        base, site, only = request.getfixturevalue("base"), "demo", ["broken_words"]
        pages = sorted(p.relative_to(demo_site[1]).as_posix() for p in (demo_site[1] / "fristen").glob("*.html"))[:2]
    else:
        base, site, only = request.getfixturevalue("base"), "demo", None
        pages = [rel for _k, rel in pages_of(request.getfixturevalue("kinds"), kind)]
    problems = {rel: found for rel in pages if (found := swept(tmp_path_factory, browser, site, base, rel, view, "broken_words", only))}
    if kind == EXPORT and (wide := swept(tmp_path_factory, browser, site, base, pages[0], view, "sideways", only)):
        problems["Auskunft, seitlich"] = wide
    assert problems == {}, "\n".join(f"{rel}: {len(words)} Wörter, z. B. {words[:8]}" for rel, words in problems.items())


def test_the_walk_finds_a_word_broken_inside(serve: Any, browser: Any, tmp_path: Path) -> None:
    # The guard can fail: a narrow cell with overflow-wrap: anywhere breaks a long compound between two letters.
    (tmp_path / "t.html").write_text(
        '<!doctype html><html lang="de"><meta charset="utf-8"><table><tr><td style="width:4em;max-width:4em;overflow-wrap:anywhere">'
        "Beschäftigungserprobung</td><td style=\"width:4em;max-width:4em\">Beschäftigungs\u00aderprobung</td></tr></table>",
        encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(serve(tmp_path) + "t.html")
    found = pg.evaluate(BROKEN_WORDS)
    assert len(found) == 1 and found[0].replace("|", "") == "Beschäftigungserprobung"
    # A number range split after its dash ('Fähigkeit (1–' above '5)') is found; with a word joiner it stays whole.
    (tmp_path / "r.html").write_text(
        '<!doctype html><html lang="de"><meta charset="utf-8"><table><tr><td style="width:5.5em;max-width:5.5em">'
        "Fähigkeit (1–5)</td><td style=\"width:5.5em;max-width:5.5em\">Fähigkeit (1–\u20605)</td></tr></table>",
        encoding="utf-8")
    pg.goto(serve(tmp_path) + "r.html")
    assert pg.evaluate(BROKEN_WORDS) == ["(1–|5)"]
    context.close()
