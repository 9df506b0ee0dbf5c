"""The board's lists at scale: pages of at most PAGE_SIZE cards, every posting reachable, light pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from site_gen.render.public import print_all, render_site
from site_gen.render.public_list import INDEX, PAGE_SIZE
from site_gen.site.public import load_board

from ..conftest import TODAY
from .conftest import Board


def _big_board(board: Board, copies: int) -> dict[str, bytes]:
    real, glossary, _ = load_board(board.repo, dt.date.fromisoformat(TODAY))
    postings = tuple(dataclasses.replace(p, id=f"{p.id}-{k}") for k in range(copies) for p in real.postings)
    return render_site(dataclasses.replace(real, postings=postings), glossary)


def _cards(html: bytes) -> list[str]:
    return re.findall(r'<a class="card-link" href="[./]*stelle/([^/"]+)/"', html.decode())


def test_every_list_is_split_into_light_pages_and_shows_every_posting_once(board: Board) -> None:
    files = _big_board(board, 12)
    total = len(re.findall(r"^stelle/[^/]+/index\.html$", "\n".join(files), re.MULTILINE))
    assert total > 3 * PAGE_SIZE
    start = [k for k in files if k == "index.html" or re.fullmatch(r"seite/\d+/index\.html", k)]
    assert len(start) == -(-total // PAGE_SIZE)
    shown = [card for k in start for card in _cards(files[k])]
    assert len(shown) == total and len(set(shown)) == total
    for path, html in files.items():
        if path.endswith(".html") and (path == "index.html" or path.startswith(("seite/", "filter/"))):
            assert len(_cards(html)) <= PAGE_SIZE, path
            assert len(html) <= 100 * 1024, (path, len(html))
    second = files["seite/2/index.html"].decode()
    assert 'href="../../"' in second and 'aria-current="page">Seite 2<' in second
    index = json.loads(files[INDEX])
    assert sorted(row[0] for row in index["stellen"]) == sorted(shown)


def test_print_sheets_are_one_page_per_posting_and_the_whole_set_only_for_the_pdf(board: Board) -> None:
    files = _big_board(board, 3)
    sheets = [k for k in files if re.fullmatch(r"aushang/[^/]+/index\.html", k)]
    postings = [k for k in files if re.fullmatch(r"stelle/[^/]+/index\.html", k)]
    assert len(sheets) == len(postings) and all(files[k].count(b'class="qr-code"') == 1 for k in sheets)
    assert not any(k.startswith("aushang/alle/") for k in files)
    real, _, _ = load_board(board.repo, dt.date.fromisoformat(TODAY))
    whole = print_all(real)["aushang/alle/index.html"]
    assert whole.count(b'class="qr-code"') == len(real.postings)
