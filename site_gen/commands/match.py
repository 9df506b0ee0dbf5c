"""``site-gen match``: the best workplaces for a case, or the best candidates for a workplace.

Prints the same reasons, points and comparison as the internal site (both
are built by :mod:`site_gen.views.matching` from the consent-filtered data).
"""

from __future__ import annotations

import argparse
import json
import sys

from .options import add_today, positive


def run(args: argparse.Namespace) -> int:
    """Load, rank, print. Exit 0 also when there is nothing to suggest."""
    from ..domain.retention import refuse_past_retention
    from ..errors import UserError
    from ..findings import Severity
    from ..records.dataset import load_dataset
    from ..render.match_output import as_json, as_text
    from ..views.consented import consented_dataset
    from ..views.matching import CaseSection, WorkplaceSection, case_section, require_record, workplace_section

    if bool(args.case) == bool(args.workplace):
        raise UserError("Entweder eine Akte oder --workplace angeben.", "Beispiele: 'site-gen match tn-0042' oder 'site-gen match --workplace ap-0007'.")
    ds = load_dataset(args.root)
    if broken := sum(1 for f in ds.findings if f.severity is Severity.ERROR):
        sys.stderr.write(f"site-gen: Hinweis: {broken} Fehler in den Daten; fehlerhafte Datensätze fehlen im Vergleich ('site-gen check').\n")
    if args.case:
        refuse_past_retention(ds, args.case, args.today)
    ds = consented_dataset(ds, args.today)
    section: CaseSection | WorkplaceSection | None
    if args.case:
        require_record(ds, "cases", args.case, "Die Akte")
        section = case_section(ds, args.case, args.today, args.top)
    else:
        require_record(ds, "workplaces", args.workplace, "Der Arbeitsplatz")
        section = workplace_section(ds, args.workplace, args.today, args.top)
    assert section is not None  # require_record refused unknown ids
    if args.format == "json":
        sys.stdout.write(json.dumps(as_json(section), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(as_text(section))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="Passende Arbeitsplätze für eine Akte oder passende Bewerber:innen für einen Arbeitsplatz")
    p.add_argument("case", nargs="?", help="Kennung der Akte (cases/<Kennung>.yaml)")
    p.add_argument("--workplace", help="stattdessen: Kennung des Arbeitsplatzes (workplaces/<Kennung>.yaml)")
    p.add_argument("--top", type=positive, default=10, help="wie viele Vorschläge (Standard 10)")
    add_today(p, "(Einwilligungen, Einschätzungen)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="Ausgabeformat")
    p.set_defaults(run=run)
