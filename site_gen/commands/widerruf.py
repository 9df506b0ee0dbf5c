"""``site-gen widerruf CASE CONSENT-ID``: a withdrawal takes effect in every commit (see :mod:`site_gen.records.withdraw`)."""

from __future__ import annotations

import argparse
import sys

from .options import add_today, parse_date


def run(args: argparse.Namespace) -> int:
    from ..records.withdraw import widerruf

    return widerruf(args.root, args.case, args.consent, args.date or args.today, args.yes, sys.stdin.isatty())


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("widerruf", help="Widerruf einer Einwilligung erfassen: Werte entfernen, Schlüssel des Zwecks vernichten, committen")
    p.add_argument("case", metavar="AKTE", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("consent", metavar="EINWILLIGUNG", help="Kennung der Einwilligung (consents: id)")
    p.add_argument("--date", type=parse_date, metavar="JJJJ-MM-TT", help="Datum des Widerrufs (Standard: heute)")
    p.add_argument("--yes", action="store_true", help="ohne Rückfrage (für Skripte)")
    add_today(p)
    p.set_defaults(run=run)
