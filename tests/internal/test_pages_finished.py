"""Every built page of both sites reads as finished (issue 25): unique element ids, no raw Markdown
(link syntax, code-span backticks around entities, a numbered or bulleted list run into one paragraph because
its blank line was missing, ``**`` left standing) and no double escaping (``&amp;#95;``, ``&amp;lt;``).

One test over every HTML page of the demo's internal site and of its public job board.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

SKIP_FOLDERS = {"assets", "pagefind", "admin"}  # vendored engine, search and editor files
RAW_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
DOUBLE_ESCAPED = re.compile(r"&amp;(?:#\d+|#x[0-9a-f]+|lt|gt|amp|quot|shy);", re.I)
LITERAL_ENTITY = re.compile(r"&(?:#\d+|lt|gt|amp|quot|shy);")
RAW_LIST = re.compile(r"\n\s*(?:1\.|[-*+]) \S[^\n]*\n\s*(?:2\.|[-*+]) \S")
RAW_STRONG = re.compile(r"\*\*\S[^*\n]*\*\*")
HIDDEN_TEXT = {"script", "style", "pre", "template"}
"""Elements whose text is not read as running text (code examples in <pre> may show Markdown on purpose)."""


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.text: list[str] = []
        self.paragraphs: list[str] = []
        self._paragraph: list[str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v]
        if tag in HIDDEN_TEXT:
            self._hidden += 1
        if tag == "p":
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TEXT and self._hidden:
            self._hidden -= 1
        if tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)
            if self._paragraph is not None:
                self._paragraph.append(data)


def problems(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    text = " ".join(page.text)
    found = [f"doppelte id {i!r} ({n}×)" for i, n in Counter(page.ids).items() if n > 1]
    found += [f"Markdown-Link als Text: {m!r}" for m in RAW_LINK.findall(text)]
    found += [f"doppelt maskiert: {m!r}" for m in DOUBLE_ESCAPED.findall(html)]
    found += [f"Zeichenreferenz als Text: {m!r}" for m in LITERAL_ENTITY.findall(text)]
    found += [f"Liste als Fließtext: {p[:60]!r}" for p in page.paragraphs if RAW_LIST.search(p)]
    found += [f"Markdown-Fettdruck als Text: {m!r}" for m in RAW_STRONG.findall(text)]
    return found


def pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in SKIP_FOLDERS]


def test_every_page_of_both_sites_reads_as_finished(demo_site: tuple[Path, Path], demo_public: Path) -> None:
    found = {}
    for site in (demo_site[1], demo_public):
        all_pages = pages(site)
        assert len(all_pages) > 20
        for path in all_pages:
            if bad := problems(path.read_text(encoding="utf-8")):
                found[str(path.relative_to(site.parent))] = bad[:5]
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("html", [
    '<p id="a"></p><p id="a"></p>',
    "<td>[Fristenliste](../fristen/katrin-vogt.md)</td>",
    "<code>cost&amp;#95;approvals</code>",
    "<p>cases/&amp;lt;kennung&amp;gt;</p>",
    "<p><strong>Outlook</strong>\n1. Kalender öffnen.\n2. Adresse einfügen.</p>",  # no blank line before the list
    "<p>Schritte:\n- erstens\n- zweitens</p>",
    "<p>Das ist **wichtig** hier.</p>",
])
def test_each_rule_can_fail(html: str) -> None:
    assert problems(html)


def test_code_examples_may_show_markdown() -> None:
    assert problems('<pre><code>[Text](ziel.md)</code></pre><p id="x">Tom &amp; Jerry</p>') == []
