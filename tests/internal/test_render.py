"""Markdown rendering: escaping (unit) and golden pages (tests as data)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import markdown
import pytest

from site_gen.records.dataset import load_dataset
from site_gen.render import md_escape
from site_gen.site.internal_pages import render_site
from site_gen.views import internal_case, internal_records
from site_gen.views.consented import consented_dataset
from tests.conftest import TODAY

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[a](javascript:alert(1))", "*fett* _kursiv_ `code`",
    "- Liste", "# Titel", "1. Punkt", "> Zitat", "a | b", "Zeile 1\n    Zeile 2\n<b>", "&amp; &lt;", "\\*", "![x](y)",
])
def test_escaped_text_renders_as_the_same_text(text: str) -> None:
    for context in ("{}", "| {} |", "- {}", "# {}", "[{}](x.md)"):
        md = context.format(md_escape(text))
        if context.startswith("|"):
            md = "| a |\n| --- |\n" + md
        html = markdown.markdown(md, extensions=["tables"])
        assert "<script" not in html and "<img" not in html and "<b>" not in html and "href=\"javascript" not in html
        assert "<em>" not in html and "<code>" not in html and "<blockquote>" not in html and "<ol>" not in html


def test_plain_words_stay_plain() -> None:
    assert md_escape("Wiebke") == "Wiebke"
    assert md_escape("tn-1001") == "tn-1001"


@pytest.mark.parametrize("page", ["akten/tn-1001.md", "akten/tn-1003.md", "arbeitsplaetze/ap-gaertnerei.md", "fristen.md",
                                  "kennzahlen/traeger-elbauen.md"])
def test_golden_pages(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The matching section belongs to another part of the project (and has its own tests):
    # leave it out so these goldens only change with this page's own templates.
    monkeypatch.setattr(internal_case, "matching_for_case", lambda *_: None)
    monkeypatch.setattr(internal_records, "matching_for_workplace", lambda *_: None)
    today = dt.date.fromisoformat(TODAY)
    ds = consented_dataset(load_dataset(DATA / "repo"), today)
    text = render_site(ds, today)[page]
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{page} differs; UPDATE_GOLDEN=1 to accept"
