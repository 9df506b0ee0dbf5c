"""The board's list pages: filter groups, short filter codes, pages of at most :data:`PAGE_SIZE` cards.

A list of hundreds of postings on one page is heavy on a phone's data plan and
hard to read, so every list (the start page and each filter page) is split into
pages ``…/``, ``…/seite/2/``, … The script combines several filters across all
pages with :data:`INDEX` (fetched only when someone uses the filter form).
Every card and option carries short codes (``b3``: the 4th value of
"Bereich"), the same on every page and in the index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..views.public import HOURS_BUCKETS, PublicPosting

PAGE_SIZE = 40
"""Cards per list page (≈ 20 KB of HTML): a short list is easier to read, and cheap on a phone."""
INDEX = "static/stellen.json"
"""All postings in short form, for combining filters across pages (loaded on demand)."""
FILTER_DIMENSIONS = (("bereich", "Bereich", "b"), ("stadtteil", "Stadt·teil", "s"), ("art", "Form von Arbeit", "a"),
                     ("stunden", "Stunden", "h"))
"""(URL key, label, code letter) of each filter."""


def slug(text: str) -> str:
    """URL part for a label: ``Ottensen-Süd`` → ``ottensen-sued``."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").replace("·", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class FilterLink:
    value: str
    label: str
    href: str
    count: int
    current: bool
    code: str
    """Short code on cards and options, e.g. ``b3``."""


@dataclass(frozen=True, slots=True)
class FilterGroup:
    key: str
    label: str
    links: tuple[FilterLink, ...]


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a list page stands among the pages of its list."""

    number: int
    pages: int
    hrefs: tuple[str, ...]
    """Relative address of every page of this list (index 0 = page 1)."""


def filter_values(p: PublicPosting) -> dict[str, list[tuple[str, str]]]:
    """``{filter key: [(value, label), …]}`` of one posting."""
    hours = {s: label for s, label, _, _ in HOURS_BUCKETS}
    return {
        "bereich": [(p.sector, p.sector_label)],
        "stadtteil": [(slug(p.district), p.district)],
        "art": list(p.placement_types),
        "stunden": [(p.hours_bucket, hours[p.hours_bucket])],
    }


def filter_groups(postings: tuple[PublicPosting, ...], current: tuple[str, str] | None, root: str) -> tuple[FilterGroup, ...]:
    """Every filter value of the whole board with its count and code (sorted by label)."""
    groups = []
    for key, label, letter in FILTER_DIMENSIONS:
        counts: dict[str, tuple[str, int]] = {}
        for p in postings:
            for value, text in filter_values(p)[key]:
                counts[value] = (text, counts.get(value, ("", 0))[1] + 1)
        ordered = sorted(counts.items(), key=lambda kv: kv[1][0])
        links = tuple(FilterLink(value, text, f"{root}filter/{key}/{value}/", n, current == (key, value), f"{letter}{i}")
                      for i, (value, (text, n)) in enumerate(ordered))
        groups.append(FilterGroup(key, label, links))
    return tuple(groups)


def card_codes(groups: tuple[FilterGroup, ...]) -> dict[str, str]:
    """``{"bereich=kueche": "b3", …}``: the code of every filter value (see :func:`codes_of`)."""
    return {f"{g.key}={link.value}": link.code for g in groups for link in g.links}


def codes_of(p: PublicPosting, codes: dict[str, str]) -> str:
    """The filter codes of one posting, space-separated."""
    return " ".join(codes[f"{key}={value}"] for key, values in filter_values(p).items() for value, _ in values)


def paged(postings: tuple[PublicPosting, ...], base: str) -> list[tuple[str, tuple[PublicPosting, ...], int]]:
    """``[(path, postings on that page, page number)]`` of a list whose first page is ``base + "index.html"``."""
    chunks = [postings[i:i + PAGE_SIZE] for i in range(0, len(postings), PAGE_SIZE)] or [()]
    return [(f"{base}index.html" if n == 1 else f"{base}seite/{n}/index.html", chunk, n) for n, chunk in enumerate(chunks, 1)]


def pager(number: int, pages: int, list_root: str) -> Pager:
    """The pager of page ``number``; ``list_root`` leads from that page to the list's first page."""
    return Pager(number, pages, tuple(list_root if n == 1 else f"{list_root}seite/{n}/" for n in range(1, pages + 1)))


def index_json(postings: tuple[PublicPosting, ...], codes: dict[str, str], pictogram_alt: dict[str, str]) -> bytes:
    """:data:`INDEX`: what a card shows, per posting, in the order of the start page."""
    rows = [[p.id, p.title, p.company, p.district, p.hours_per_week, p.pictogram, codes_of(p, codes), p.review is not None]
            for p in postings]
    data = {"bilder": pictogram_alt, "stellen": rows}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
