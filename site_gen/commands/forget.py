"""``site-gen forget CASE``: erasure (Art. 17 DSGVO), also from the Git history (see :mod:`site_gen.erasure.erase`).

Nothing is printed from the record itself: only ids, counts and paths.
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from ..erasure.erase import forget

    return forget(args.root, args.case, args.yes, not args.no_history, sys.stdin.isatty())


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forget", help="Akte endgültig löschen (Art. 17 DSGVO), auch aus der Git-Geschichte")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--yes", action="store_true", help="ohne Rückfrage löschen (für Skripte)")
    p.add_argument("--no-history", action="store_true", help="nur Datei und Verweise löschen, die Git-Geschichte nicht umschreiben")
    p.set_defaults(run=run)
