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
