"""``site-gen rueckmeldung [--phase erprobung|kurs|wechsel] [--out ORDNER]``: the feedback questionnaire in Leichte Sprache.

Five questions with pictograms and three faces, HTML and A4 PDF to print. The
answers go into the case as a ``feedback`` entry (``site-gen new eintrag AKTE
feedback``), only with a live consent ``rueckmeldung``; the Kennzahlen add them
up over at least 5 people.
"""

from __future__ import annotations

import argparse

from .options import add_blank_form, write_form

PHASES = ("erprobung", "kurs", "wechsel")


def run(args: argparse.Namespace) -> int:
    from ..models.feedback import FeedbackPhase
    from ..render.easy_documents import render_questionnaire
    from ..views.feedback import questionnaire

    html = render_questionnaire(questionnaire(FeedbackPhase(args.phase)))
    return write_form(args, f"rueckmeldung-{args.phase}", html)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rueckmeldung", help="Rückmeldebogen in Leichter Sprache nach Erprobung, Kurs oder Wechsel (HTML und PDF)")
    p.add_argument("--phase", choices=PHASES, default="erprobung", help="wonach gefragt wird (Standard: erprobung)")
    add_blank_form(p)
    p.set_defaults(run=run)
