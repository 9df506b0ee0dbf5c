"""The building blocks of a report: statements with sources, tables, gaps (no logic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def day(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


@dataclass(frozen=True, slots=True)
class Source:
    """One record field with the date it holds (``path`` as in check messages)."""

    path: str
    date: dt.date


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
