"""Every placeholder in every command's help is German (issue 25: 'site-gen log --help' showed DATE, BY, MINUTES, NOTE)."""

from __future__ import annotations

import argparse

from site_gen.argparse_de import METAVARS
from site_gen.cli import build_parser

GERMAN = set(METAVARS.values()) | {"VON", "BIS", "KOSTENTRAEGER", "MONAT", "KENNUNG", "STANDORT", "LISTE", "ENDE", "BEFEHL",
          "FRAGE", "ANTWORT", "WIEDERVORLAGE", "EINWILLIGUNG", "GRUPPE"}
"""Placeholders a coach reads in the help; a new option's placeholder must be German (add it here or to METAVARS)."""


def placeholders() -> dict[str, str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    shown = {}
    for name, p in [("", parser), *sub.choices.items()]:
        for action in p._actions:
            if action.nargs == 0 or action.choices or isinstance(action, argparse._SubParsersAction):
                continue
            metavar = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
            shown[f"site-gen {name} {'/'.join(action.option_strings) or action.dest}"] = str(metavar)
    return shown


def test_no_command_shows_an_english_placeholder() -> None:
    found = placeholders()
    assert len(found) > 40
    assert {k: v for k, v in found.items() if v not in GERMAN} == {}
    assert found["site-gen log --by"] == "FACHKRAFT" and found["site-gen log --minutes"] == "MINUTEN"
