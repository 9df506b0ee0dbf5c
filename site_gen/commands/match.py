"""``site-gen match``: the best workplaces for a case, or the best candidates for a workplace.

Prints the same reasons, points and comparison as the internal site (both
are built by :mod:`site_gen.views.matching` from the consent-filtered data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TextIO

from ..dataset import Dataset, load_dataset
from ..findings import Severity, UserError
from ..views.consented import consented_dataset
from ..views.matching import CaseSection, MatchRow, WorkplaceSection, case_section, workplace_section
from .check import parse_date


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' ist keine Zahl größer als 0")
    return number


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="Passende Arbeitsplätze für eine Akte oder passende Bewerber:innen für einen Arbeitsplatz")
    p.add_argument("case", nargs="?", help="Kennung der Akte (cases/<Kennung>.yaml)")
    p.add_argument("--workplace", help="stattdessen: Kennung des Arbeitsplatzes (workplaces/<Kennung>.yaml)")
    p.add_argument("--top", type=_positive, default=10, help="wie viele Vorschläge (Standard 10)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT (Einwilligungen, Einschätzungen)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="Ausgabeformat")
    p.set_defaults(run=lambda a: run(a, sys.stdout))


def _require(ds: Dataset, kind: str, record_id: str, what: str) -> None:
    records = ds.cases if kind == "cases" else ds.workplaces
    if record_id in records:
        return
    if ds.exists(kind, record_id):
        raise UserError(f"{what} '{record_id}' hat Fehler und kann nicht verglichen werden.", "Mit 'site-gen check' die Fehler anzeigen und beheben.")
    raise UserError(f"{what} '{record_id}' gibt es nicht.", f"Die Kennung so angeben, wie die Datei unter {kind}/ heißt (ohne .yaml).")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Load, rank, print. Exit 0 also when there is nothing to suggest."""
    if bool(args.case) == bool(args.workplace):
        raise UserError("Entweder eine Akte oder --workplace angeben.", "Beispiele: 'site-gen match tn-0042' oder 'site-gen match --workplace ap-0007'.")
    today = args.today or dt.date.today()
    ds = load_dataset(args.root)
    if broken := sum(1 for f in ds.findings if f.severity is Severity.ERROR):
        sys.stderr.write(f"site-gen: Hinweis: {broken} Fehler in den Daten; fehlerhafte Datensätze fehlen im Vergleich ('site-gen check').\n")
    ds = consented_dataset(ds, today)
    section: CaseSection | WorkplaceSection | None
    if args.case:
        _require(ds, "cases", args.case, "Die Akte")
        section = case_section(ds, args.case, today, args.top)
    else:
        _require(ds, "workplaces", args.workplace, "Der Arbeitsplatz")
        section = workplace_section(ds, args.workplace, today, args.top)
    assert section is not None
    if args.format == "json":
        json.dump(as_json(section), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(as_text(section))
    return 0


def _de(number: float) -> str:
    return f"{number:.1f}".removesuffix(".0").replace(".", ",")


def _row_json(row: MatchRow) -> dict[str, Any]:
    return {
        "rank": row.rank, "id": row.id, "name": row.text, "detail": row.detail, "score": row.score,
        "parts": [{"key": p.key, "label": p.label, "points": p.points, "max": p.maximum,
                   "reasons": [{"text": r.text, "points": r.points} for r in p.reasons]} for p in row.parts],
        "comparison": {"summary": row.summary, "items": [
            {"item": g.item, "label": g.label, "requirement": g.requirement, "ability": g.ability, "gap": g.gap, "flag": g.flag.value}
            for g in row.comparison.items]},
    }


def as_json(section: CaseSection | WorkplaceSection) -> dict[str, Any]:
    """The section as plain JSON data (German texts, English keys)."""
    is_case = isinstance(section, CaseSection)
    return {"kind": "case" if is_case else "workplace", "id": section.case_id if is_case else section.workplace_id,  # type: ignore[union-attr]
            "today": section.today.isoformat(), "note": section.note, "results": [_row_json(r) for r in section.rows],
            "formula": list(section.formula)}


def as_text(section: CaseSection | WorkplaceSection) -> str:
    """The section as readable German text."""
    if isinstance(section, CaseSection):
        lines = [f"Passende Arbeitsplätze für {section.case_id} (Stichtag {section.today:%d.%m.%Y})", ""]
    else:
        lines = [f"Passende Bewerber:innen für {section.workplace_id} (Stichtag {section.today:%d.%m.%Y})", ""]
    if section.note:
        lines += [f"Hinweis: {section.note}", ""]
    if not section.rows:
        lines += ["Keine Vorschläge.", ""]
    for row in section.rows:
        lines.append(f"{row.rank}. {row.text} ({row.id}) – {row.detail}")
        lines.append(f"   {_de(row.score)} von 100 Punkten")
        for part in row.parts:
            lines.append(f"   {part.label}: {_de(part.points)} von {_de(part.maximum)}")
            lines += [f"     {'+' + _de(r.points) if r.points else '·':>5}  {r.text}" for r in part.reasons]
        lines += [f"   Vergleich: {row.summary}", ""]
    lines += ["So rechnen wir:", *(f"  - {line}" for line in section.formula), ""]
    return "\n".join(lines)
