"""``site-gen export CASE``: subject access (Art. 15 DSGVO).

Writes ``auskunft-CASE.html`` (self-contained) and ``auskunft-CASE.json``
with everything held about the person, and reads the record's Git history
(dates and authors of the commits that touched the file).
"""

from __future__ import annotations

import argparse
import json

from .options import add_out, add_today

NO_GIT = "Der Datenordner ist kein Git-Repository: es gibt keinen Änderungsverlauf."
NO_COMMIT = "Die Akte ist noch nicht in Git gespeichert (kein Commit)."


def run(args: argparse.Namespace) -> int:
    """Write the HTML and JSON export of the case into ``--out``."""
    from ..out_folder import out_dir
    from ..output import write_private
    from ..records.dataset import load_dataset
    from ..records.git import file_history, toplevel
    from ..render.privacy import render_export
    from ..views.briefing import find_case_and_workplace
    from ..views.export import export_context
    from ..wording import count

    root, case_id = args.root, args.case
    ds = load_dataset(root)
    find_case_and_workplace(ds, case_id)
    history = file_history(root, ds.path_of("cases", case_id)) if toplevel(root) else []
    note = "" if history else (NO_COMMIT if toplevel(root) else NO_GIT)
    ctx = export_context(ds, case_id, args.today, history, note)
    folder = out_dir(root, args.out)
    html, data = folder / f"auskunft-{case_id}.html", folder / f"auskunft-{case_id}.json"
    write_private(data, json.dumps(ctx.to_json(), ensure_ascii=False, indent=2) + "\n")
    write_private(html, render_export(ctx))
    print(f"Auskunft geschrieben: {html} und {data} ({count(len(ctx.items), 'Angabe', 'Angaben')}, {count(len(history), 'Änderung', 'Änderungen')} im Git-Verlauf).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="Auskunft nach Art. 15 DSGVO: alles über eine Person als HTML und JSON")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    add_out(p, "Zielordner, wird bei Bedarf angelegt (Standard: ausgabe/ im Daten-Repository)")
    add_today(p)
    p.set_defaults(run=run)
