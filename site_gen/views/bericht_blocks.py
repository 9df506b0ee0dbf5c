"""The building blocks of a report: statements with sources, tables, gaps (no logic)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace


def day(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


@dataclass(frozen=True, slots=True)
class Source:
    """One record field with the date it holds (``path`` as in check messages)."""

    path: str
    date: dt.date
    file: str | None = None
    """The small file of a case folder that holds the field (``path`` is then inside it); None: the report's file."""


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    sources: tuple[Source, ...]
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    """A paragraph the coach writes (clearly marked in the document)."""

    prompt: str


@dataclass(frozen=True, slots=True)
class Note:
    """A plain remark without data of the person (e.g. why a part is missing)."""

    text: str


Block = Statement | Table | Gap | Note


@dataclass(slots=True)
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportContent:
    case_id: str
    file: str
    """The record file the sources point into."""
    title: str
    period: tuple[dt.date, dt.date]
    today: dt.date
    sections: list[Section]


_ENTRY = re.compile(r"^([a-z_]+)\[(\d+)\]\.?(.*)$")


def in_entry_files(sections: list[Section], main: str | None, files: dict[tuple[str, int], str]) -> list[Section]:
    """``sections`` with every source pointed at the small file of a case folder that holds it:
    an entry's own file (``support_log[3].date`` → ``cases/tn-0004/support_log/2026-…yaml`` ›
    ``date``), else ``main`` (``case.yaml``; entries written there come first, so their index
    holds). ``files`` is (list, index) → file, from composing the folder; ``main`` None: a case file."""
    def moved(source: Source) -> Source:
        match = _ENTRY.match(source.path)
        found = files.get((match[1], int(match[2]))) if match else None
        if match and found:
            return replace(source, path=match[3] or match[1], file=found)
        return replace(source, file=main)

    def block(b: Block) -> Block:
        if isinstance(b, Statement):
            return replace(b, sources=tuple(map(moved, b.sources)))
        if isinstance(b, Table):
            return replace(b, rows=tuple(replace(r, sources=tuple(map(moved, r.sources))) for r in b.rows))
        return b

    return [Section(s.title, [block(b) for b in s.blocks]) for s in sections] if main else sections
