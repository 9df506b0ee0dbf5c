"""The lighter Markdown extension changes how much work Python-Markdown does, never the HTML."""

from __future__ import annotations

import markdown
import pytest

from site_gen.render import md_escape
from site_gen.site.markdown_speed import SiteGenMarkdown

SAMPLES = [
    "Betriebe: [Nordlicht Hotel 17](../arbeitsplaetze/ap-0017.md), [Modul 2](../module/mod-002.md) und **fett**",
    "| a | b |\n| --- | --- |\n| [x](x.md) | [y](y.md#teil) |",
    "verschachtelt: [a [b] c](ziel.md) und [offen ohne Ende",
    "„[gelöscht]“ bleibt Text, `site-gen check` bleibt Code",
    "[eins](1.md)[zwei](2.md) ] [ ] [drei](3.md \"Titel\")",
    "<span class=\"sg-date\">18.03.2025</span> &#42; *kursiv* und ***beides***",
    "### 1. [Kantine Sonnenhof](../arbeitsplaetze/ap-1.md) – 75,8 von 100 Punkten",
    md_escape("Record text with [brackets](javascript:x) ![img](a.png) <b> `code` \\ *stars* _under_ <https://example.org>"),
]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_html_as_python_markdown(text: str) -> None:
    plain = markdown.markdown(text, extensions=["tables", "toc"])
    light = markdown.markdown(text, extensions=["tables", "toc", SiteGenMarkdown()])
    assert light == plain


def test_the_quick_link_path_is_taken_and_nested_brackets_fall_back() -> None:
    md = markdown.Markdown(extensions=[SiteGenMarkdown()])
    link = md.inlinePatterns["link"]
    assert link.getText("[abc](x.md)", 1) == ("abc", 5, True)
    assert link.getText("[a [b] c](x.md)", 1) == ("a [b] c", 9, True)  # the library's own walk
    assert link.getText("[offen", 1) == ("offen", 6, False)
    assert "reference" not in md.inlinePatterns and "image_link" not in md.inlinePatterns
