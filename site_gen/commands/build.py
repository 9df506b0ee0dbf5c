"""``site-gen build``: build the internal site from every valid record.

Time never stops the build: what a passing date made due is listed as a task
on the site. A record with errors is left out (its page names the errors) and
the command exits 1, so CI shows red — but the team keeps its site, and a
withdrawal or an expired consent takes effect on this very build (every
page is rendered anew; only the HTML of pages whose Markdown did not change
is taken over from the previous output). Only an
engine failure (mkdocs, Pagefind, disk) keeps the previous output, and only
when it shows nothing the records no longer allow.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from .options import add_out, add_today


def run(args: argparse.Namespace) -> int:
    from ..checking.reporter import report_left_out
    from ..records.git import history as git_history
    from ..site.internal import build_internal
    from ..site.records import load_selection
    from ..views.calendar_feeds import KEY_ENV, feed_key
    from ..views.team import team_dataset, team_findings

    feeds = feed_key(os.environ)
    if feeds is None and os.environ.get(KEY_ENV):
        print(f"Hinweis: {KEY_ENV} ist kürzer als 16 Zeichen; Kalender zum Abonnieren werden nicht geschrieben.")
    t0 = time.perf_counter()
    selection = load_selection(args.root, args.today)
    ds = team_dataset(selection.ds, args.team, args.coach)
    tasks = selection.tasks if ds is selection.ds else team_findings(ds.files, selection.tasks)  # need-to-know: the team's tasks only
    load_time = time.perf_counter() - t0
    result = build_internal(ds, args.out or (args.root / "site"), args.today, history=git_history(args.root),
                            search=not args.no_search, keep_docs=args.keep_docs, tasks=tasks, reuse=not args.no_cache, feeds=feeds)
    print(f"Interne Seite gebaut: {result.pages} Seiten in {result.out} ({time.perf_counter() - t0:.1f} s).")
    if result.reused:
        print(f"{result.reused} von {result.pages} Seiten unverändert aus der vorigen Ausgabe übernommen.")
    if args.timings:
        parts = {"laden": load_time, **result.timings}
        print("Zeiten: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()))
    if due := len(tasks):
        print(f"{due} fällige {'Aufgabe' if due == 1 else 'Aufgaben'} (Seite 'Aufgaben', 'site-gen check' zeigt sie auch).")
    if selection.errors:
        left = len(selection.excluded)
        report_left_out(selection.errors, len(selection.ds.files),
                        f"{left} {'Datensatz fehlt' if left == 1 else 'Datensätze fehlen'} auf der Seite, bis die Fehler behoben sind.")
        return 1
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="Die interne Seite bauen (mkdocs-material, Pagefind-Suche)")
    add_out(p, "Ausgabeordner (Standard: site/ im Daten-Ordner)")
    add_today(p, "(Fristen, Einwilligungen)")
    p.add_argument("--no-search", action="store_true", help="ohne Suchindex (schneller, für Tests)")
    p.add_argument("--no-cache", action="store_true", help="alle Seiten neu setzen, nichts aus der vorigen Ausgabe übernehmen (geprüft und gefiltert wird immer alles)")
    p.add_argument("--keep-docs", type=Path, default=None, help="erzeugte Markdown-Seiten zusätzlich hierhin kopieren")
    p.add_argument("--timings", action="store_true", help="Zeiten der einzelnen Schritte ausgeben")
    need = p.add_mutually_exclusive_group()
    need.add_argument("--team", metavar="STANDORT", default=None, help="nur die Akten dieses Standorts (Need-to-know)")
    need.add_argument("--coach", metavar="KENNUNG", default=None, help="nur die Akten dieser Fachkraft (Need-to-know)")
    p.set_defaults(run=run)
