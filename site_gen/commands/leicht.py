"""``site-gen leicht FILE…``: the job board's easy-language check for any text (.txt, .md, .docx, .html).

Same rules and settings as the board (``schema/easy-language.yaml`` of the
records repository); output like ``check``: ``file:line:col: CODE message`` and
a hint; exit 1 on errors (with ``--strict`` also on warnings).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..checking.reporter import FORMATS


def run(args: argparse.Namespace) -> int:
    return leicht(args.root, [Path(f) for f in args.files], args.format, args.strict)


def leicht(root: Path, files: list[Path], fmt: str = "text", strict: bool = False, out: TextIO | None = None) -> int:
    """Check every file, print the findings in ``fmt``, return the exit code."""
    from ..checking.reporter import report
    from ..findings import Finding
    from ..texts.check import check_file, organisation_names
    from .check import exit_code

    names = organisation_names(root)
    findings: list[Finding] = []
    for path in files:
        findings += check_file(path, path.as_posix(), root, names)
    report(findings, len(files), fmt, out or sys.stdout)
    return exit_code(findings, strict)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("leicht", help="Texte auf Leichte Sprache prüfen (.txt, .md, .docx, .html), mit den Regeln der Jobbörse")
    p.add_argument("files", nargs="+", help="Briefe, Einladungen, Kurstexte: .txt, .md, .docx oder .html")
    p.add_argument("--format", choices=FORMATS, default="text", help="Ausgabeformat")
    p.add_argument("--strict", action="store_true", help="Warnungen als Fehler werten")
    p.set_defaults(run=run)
