"""``site-gen export CASE``: subject access (Art. 15 DSGVO).

Writes ``auskunft-CASE.html`` (self-contained) and ``auskunft-CASE.json``
with everything held about the person, and reads the record's Git history
(dates and authors of the commits that touched the file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..dataset import load_dataset
from ..githistory import file_history, toplevel
from ..render.privacy import render_export
from ..views.briefing import find_case_and_workplace
from ..views.export import export_context
from ..wording import count
from ..outputs import out_dir
from .briefing import write_atomic
from .check import parse_date

NO_GIT = "Der Datenordner ist kein Git-Repository: es gibt keinen Änderungsverlauf."
NO_COMMIT = "Die Akte ist noch nicht in Git gespeichert (kein Commit)."


def run(root: Path, case_id: str, out: Path | None, today: dt.date) -> int:
    """Write the HTML and JSON export of ``case_id`` into ``out_dir``."""
    ds = load_dataset(root)
    find_case_and_workplace(ds, case_id)
    history = file_history(root, ds.path_of("cases", case_id)) if toplevel(root) else []
    note = "" if history else (NO_COMMIT if toplevel(root) else NO_GIT)
    ctx = export_context(ds, case_id, today, history, note)
    folder = out_dir(root, out)
    html, data = folder / f"auskunft-{case_id}.html", folder / f"auskunft-{case_id}.json"
    write_atomic(data, json.dumps(ctx.to_json(), ensure_ascii=False, indent=2) + "\n")
    write_atomic(html, render_export(ctx))
    print(f"Auskunft geschrieben: {html} und {data} ({count(len(ctx.items), 'Angabe', 'Angaben')}, {count(len(history), 'Änderung', 'Änderungen')} im Git-Verlauf).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="Auskunft nach Art. 15 DSGVO: alles über eine Person als HTML und JSON")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--out", type=Path, default=None, help="Zielordner, wird bei Bedarf angelegt (Standard: ausgabe/ im Daten-Repository)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT")
    p.set_defaults(run=lambda a: run(a.root, a.case, a.out, a.today or dt.date.today()))
