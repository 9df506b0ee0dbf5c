"""The repository's public side of sealing: the marker and each case's recipients.

``schluessel/versiegelt.yaml``   marks a sealed repository (format version).
``schluessel/akten/<case>.yaml`` slot → age recipient (public): anyone may seal a
                                 new value for the case with it (browser editor, ``log``).

One small file per case, so two branches adding cases never conflict.
"""

from __future__ import annotations

from pathlib import Path

from ..output import write_file

FOLDER = "schluessel"
MARKER = f"{FOLDER}/versiegelt.yaml"
FORMAT = 1


def is_sealed(root: Path) -> bool:
    return (root / MARKER).is_file()


def recipients_file(root: Path, case: str) -> Path:
    return root / FOLDER / "akten" / f"{case}.yaml"


def read_recipients(root: Path, case: str) -> dict[str, str]:
    """Slot → recipient of a case ({} when it has none yet)."""
    try:
        lines = recipients_file(root, case).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if sep and not line.startswith("#") and value.strip().startswith("age1"):
            out[key.strip()] = value.strip()
    return out


def write_recipients(root: Path, case: str, recipients: dict[str, str]) -> Path:
    path = recipients_file(root, case)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Öffentliche Schlüssel der Akte je Zweck (zum Versiegeln neuer Einträge). Private Schlüssel: im Schlüsselbund.\n"
    write_file(path, text + "".join(f"{slot}: {r}\n" for slot, r in sorted(recipients.items())))
    return path


def mark_sealed(root: Path) -> Path:
    path = root / MARKER
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, "# Dieses Repository ist versiegelt: persönliche Werte der Akten sind verschlüsselt (site-gen, Issue 27).\n"
                     f"format: {FORMAT}\n")
    return path
