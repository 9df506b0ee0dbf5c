"""Every page of the job board carries the documented Content-Security-Policy as a <meta>."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.conftest import REPO, TODAY, run_cli

from site_gen.render.csp import meta_csp


def test_every_board_page_carries_the_documented_policy(tmp_path: Path) -> None:
    doc = (REPO / "site_gen" / "help" / "betrieb.md").read_text(encoding="utf-8")
    expected = meta_csp(re.search(r"```text\n(default-src[^\n]+)\n```", doc).group(1))  # type: ignore[union-attr]
    out = tmp_path / "public"
    assert run_cli("--root", str(REPO), "public", "--today", TODAY, "--out", str(out)).returncode == 0
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text(encoding="utf-8"))
        assert [html.unescape(f) for f in found] == [expected], page
