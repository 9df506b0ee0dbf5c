"""Report section: ability profile now compared with the previous assessment."""

from __future__ import annotations

import datetime as dt

from ..models.case import Case, Instrument
from ..records.dataset import Dataset
from .internal import label
from .bericht_blocks import Block, Note, Row, Section, Source, Statement, Table, day
from .bericht_scope import ReportScope

SCALE = 5


def dots(rating: int | None) -> str:
    """A rating as a small bar chart: ●●●○○ 3 (or a dash when not rated)."""
    return "–" if rating is None else "●" * rating + "○" * (SCALE - rating) + f" {rating}"


def items_text(n: int) -> str:
    return "1 Merkmal" if n == 1 else f"{n} Merkmale"


def profile_section(ds: Dataset, case: Case, scope: ReportScope, period: tuple[dt.date, dt.date]) -> Section:
    sec = Section("Fähigkeitsprofil: jetzt und bei der vorigen Einschätzung")
    if not scope.abilities:
        sec.blocks.append(Note("Fähigkeitsprofile stehen nicht im Bericht: die Einwilligung für Berichte an den Kostenträger "
                               "nennt sie nicht, oder die Einwilligung „Gesundheitsdaten“ gilt nicht."))
        return sec
    dated = sorted((p.date, i) for i, p in enumerate(case.ability_profiles) if p.date <= period[1] and p.instrument is not Instrument.SELF)
    if not dated:
        sec.blocks.append(Note("Bis zum Ende des Berichtszeitraums gibt es keine Einschätzung."))
        return sec
    now_i = dated[-1][1]
    now = case.ability_profiles[now_i]
    src_now = Source(f"ability_profiles[{now_i}].date", now.date)
    names = {k: (ds.profile_items[k].label if k in ds.profile_items else k) for k in now.ratings}
    if len(dated) == 1:
        sec.blocks.append(Statement(f"Einschätzung mit {label(now.instrument)} am {day(now.date)}. Eine frühere Einschätzung gibt es nicht.", (src_now,)))
        rows = tuple(Row((names[k], dots(v)), (src_now,)) for k, v in now.ratings.items())
        sec.blocks.append(Table(("Merkmal", f"{day(now.date)} (1 gering bis 5 hoch)"), rows))
        return sec
    sec.blocks += _comparison(ds, case, dated[-2][1], now_i, names)
    return sec


def _comparison(ds: Dataset, case: Case, prev_i: int, now_i: int, names: dict[str, str]) -> list[Block]:
    """The latest profile against the one before: what rose, fell or stayed, and a table of both."""
    now, prev = case.ability_profiles[now_i], case.ability_profiles[prev_i]
    src = (Source(f"ability_profiles[{prev_i}].date", prev.date), Source(f"ability_profiles[{now_i}].date", now.date))
    keys = list(now.ratings) + [k for k in prev.ratings if k not in now.ratings]
    names = {**names, **{k: (ds.profile_items[k].label if k in ds.profile_items else k) for k in prev.ratings}}
    both = [k for k in keys if k in prev.ratings and k in now.ratings]
    up = [k for k in both if now.ratings[k] > prev.ratings[k]]
    down = [k for k in both if now.ratings[k] < prev.ratings[k]]
    same = [k for k in both if now.ratings[k] == prev.ratings[k]]
    blocks: list[Block] = [Statement(f"Verglichen werden die Einschätzung mit {label(prev.instrument)} vom {day(prev.date)} "
                                     f"und mit {label(now.instrument)} vom {day(now.date)}.", src)]

    def changes(keys_: list[str]) -> str:
        return ", ".join(f"{names[k]} von {prev.ratings[k]} auf {now.ratings[k]}" for k in keys_)

    if up:
        blocks.append(Statement(f"Besser eingeschätzt ({items_text(len(up))}): {changes(up)}.", src, bullet=True))
    if down:
        blocks.append(Statement(f"Schwächer eingeschätzt ({items_text(len(down))}): {changes(down)}.", src, bullet=True))
    blocks.append(Statement(f"Unverändert: {items_text(len(same))}.", src, bullet=True))
    rows = tuple(Row((names[k], dots(prev.ratings.get(k)), dots(now.ratings.get(k))), src) for k in keys)
    blocks.append(Table(("Merkmal", f"{day(prev.date)}", f"{day(now.date)}"), rows, "1 gering bis 5 hoch"))
    return blocks
