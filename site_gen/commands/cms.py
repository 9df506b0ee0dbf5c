"""``site-gen cms``: write the browser editor's configuration (``admin/config.yml``) from the models.

Generated and committed like ``schema/``; ``--check`` only compares (exit 1
on drift). ``site-gen build`` puts a fresh copy into ``site/admin/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

CONFIG_FILE = "admin/config.yml"


def current_text(root: Path) -> str:
    """The configuration for the repository at ``root`` (organisation settings, catalogues)."""
    from ..cms.config import config_text, repository_config
    from ..records.dataset import load_dataset, scan_records

    ds = load_dataset(root, only=[])
    units, _ = scan_records(root, stat=False)
    displays = [u.display for u in units]
    return config_text(repository_config(ds, displays))


def run(args: argparse.Namespace) -> int:
    from ..output import write_file

    path = args.root / CONFIG_FILE
    text = current_text(args.root)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old == text:
        print(f"{CONFIG_FILE} ist aktuell.")
        return 0
    if args.check:
        print(f"Veraltet: {CONFIG_FILE}. Mit 'site-gen cms' neu erzeugen und committen.")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, text)
    print(f"Geschrieben: {CONFIG_FILE}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cms", help="Konfiguration des Browser-Editors (admin/config.yml) aus den Modellen schreiben")
    p.add_argument("--check", action="store_true", help="nur vergleichen; Exit 1, wenn admin/config.yml veraltet ist")
    p.set_defaults(run=run)
