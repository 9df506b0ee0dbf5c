"""``site-gen selbsteinschaetzung [--stufen 3|5] [--out ORDNER]``: the blank self-assessment form in Leichte Sprache.

The person rates the same catalogue items as the coach's ability profile, on a
picture scale with three or five faces; HTML and A4 PDF to print and fill in by
hand or together. The answers go into the case as an ability profile with
``instrument: selbsteinschaetzung`` and the case's id as ``assessor`` (three
pictures stand for 1, 3 and 5).
"""

from __future__ import annotations

import argparse

from .options import add_blank_form, write_form


def run(args: argparse.Namespace) -> int:
    from ..records.dataset import load_dataset
    from ..render.easy_documents import render_form
    from ..views.self_assessment import form_context

    ds = load_dataset(args.root, only=[])
    html = render_form(form_context(ds, args.stufen))
    return write_form(args, f"selbsteinschaetzung-{args.stufen}-stufen", html)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("selbsteinschaetzung", help="Bogen zur Selbsteinschätzung in Leichter Sprache mit Bildskala (HTML und PDF)")
    p.add_argument("--stufen", type=int, choices=(3, 5), default=3, help="Bildskala mit 3 oder 5 Gesichtern (Standard: 3)")
    add_blank_form(p)
    p.set_defaults(run=run)
