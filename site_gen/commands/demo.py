"""``site-gen demo``: synthetic records for benchmarks and scale tests (generator: :mod:`site_gen.authoring.demo`)."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from ..authoring.demo import generate
    from ..errors import UserError

    if min(args.cases, args.workplaces, args.modules) < 1:
        raise UserError("Es braucht mindestens 1 Akte, 1 Arbeitsplatz und 1 Modul.", "Zahlen größer als 0 angeben.")
    generate(args.out, args.cases, args.workplaces, args.modules, args.seed, args.layout)
    print(f"{args.cases} Akten, {args.workplaces} Arbeitsplätze, {args.modules} Module in {args.out} geschrieben.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="Synthetische Testdaten erzeugen (für Benchmarks)")
    p.add_argument("--cases", type=int, default=1000, help="Zahl der Akten")
    p.add_argument("--workplaces", type=int, default=200, help="Zahl der Arbeitsplätze")
    p.add_argument("--modules", type=int, default=20, help="Zahl der Module")
    p.add_argument("--layout", choices=("ordner", "datei"), default="ordner",
                   help="Akten als Ordner mit einer Datei je Eintrag (Standard) oder als eine Datei je Akte (alter Aufbau)")
    p.add_argument("--seed", type=int, default=7, help="Startwert des Zufallsgenerators")
    p.add_argument("--out", type=Path, default=Path("demo-daten"), help="Zielordner (Standard: demo-daten/; wird ersetzt, wenn er Demodaten enthält)")
    p.set_defaults(run=run)
