"""``site-gen serve``: preview the internal site with live reload (engine: :mod:`site_gen.site.preview`)."""

from __future__ import annotations

import argparse

from .options import add_today


def run(args: argparse.Namespace) -> int:
    from ..site.preview_server import serve

    return serve(args.root, args.today, args.host, args.port, search=not args.no_search)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="Vorschau der internen Seite mit automatischem Neuladen")
    p.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: nur dieser Rechner)")
    p.add_argument("--port", type=int, default=8000, help="Port (Standard: 8000; 0 = frei wählen)")
    add_today(p)
    p.add_argument("--no-search", action="store_true", help="ohne Suchindex")
    p.set_defaults(run=run)
