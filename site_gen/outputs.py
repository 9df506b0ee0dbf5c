"""Where writing commands put their files when no ``--out`` is given.

Documents about a person (briefing, application folder, subject access) go
to ``ausgabe/`` in the records repository: ``site-gen init`` lists that
folder in ``.gitignore``, so a plain ``git add .`` never commits them.
Missing folders are created.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT_DIR = "ausgabe"


def out_file(root: Path, given: Path | None, default_name: str) -> Path:
    """``given``, or ``ausgabe/<default_name>`` in ``root``; its folder exists afterwards."""
    path = given if given is not None else root / OUTPUT_DIR / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def out_dir(root: Path, given: Path | None) -> Path:
    """``given``, or ``ausgabe/`` in ``root``; exists afterwards."""
    path = given if given is not None else root / OUTPUT_DIR
    path.mkdir(parents=True, exist_ok=True)
    return path
