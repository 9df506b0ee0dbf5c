"""Options several commands share, defined once: ``--today``, ``--out`` and small value types.

``--root`` is global (see :mod:`site_gen.cli`); ``--today`` is filled in by
the CLI with today's date when not given, so a command reads ``args.today``
and never decides the default itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def parse_date(value: str) -> dt.date:
    """argparse type for --today and other dates (German error)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' ist kein Datum im Format JJJJ-MM-TT") from None


def positive(value: str) -> int:
    """argparse type for a whole number of at least 1 (German error)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' ist keine Zahl größer als 0")
    return number


def add_today(parser: argparse.ArgumentParser, what: str = "") -> None:
    """``--today JJJJ-MM-TT``, help ``Stichtag JJJJ-MM-TT <what>``; the CLI puts today's date in when it is missing."""
    parser.add_argument("--today", type=parse_date, default=None, help=f"Stichtag JJJJ-MM-TT {what}".rstrip())


def add_out(parser: argparse.ArgumentParser, help: str, default: Path | None = None) -> None:
    """``--out ZIEL``: a file or folder, as ``help`` says."""
    parser.add_argument("--out", type=Path, default=default, help=help)


def fill_defaults(args: argparse.Namespace) -> None:
    """The defaults that depend on the moment of the run (today's date)."""
    if getattr(args, "today", False) is None:
        args.today = dt.date.today()


def add_blank_form(p: argparse.ArgumentParser) -> None:
    """``--kein-pdf`` and ``--out`` of the commands that print a blank form (``rueckmeldung``, ``selbsteinschaetzung``)."""
    p.add_argument("--kein-pdf", action="store_true", help="nur die HTML-Datei schreiben")
    add_out(p, "Ordner (Standard: ausgabe/ im Daten-Repository)")


def write_form(args: argparse.Namespace, name: str, html: str) -> int:
    """Write a blank form ``name`` (HTML, and PDF unless ``--kein-pdf``) into ``--out`` and say where (exit 0)."""
    from ..out_folder import out_dir
    from ..site.printing import write_blank_form

    html_file, *pdf = write_blank_form(out_dir(args.root, args.out), name, html, pdf=not args.kein_pdf)
    print(f"Bogen geschrieben: {html_file}")
    for path in pdf:
        print(f"PDF geschrieben: {path}")
    return 0
