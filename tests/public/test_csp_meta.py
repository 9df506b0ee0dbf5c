"""Every page of the job board carries the documented Content-Security-Policy as a <meta>."""

from __future__ import annotations

import html
import re
from pathlib import Path

from site_gen.render.csp import meta_csp
from tests.conftest import REPO


def test_every_board_page_carries_the_documented_policy(demo_public: Path) -> None:
    doc = (REPO / "site_gen" / "help" / "betrieb.md").read_text(encoding="utf-8")
    expected = meta_csp(re.search(r"```text\n(default-src[^\n]+)\n```", doc).group(1))  # type: ignore[union-attr]
    pages = list(demo_public.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text(encoding="utf-8"))
        assert [html.unescape(f) for f in found] == [expected], page
