"""Shared helpers for the consent tests: fixture repositories and the real CLI."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "consent"
BASE = DATA / "_base"
TODAY = "2026-11-22"

SOUTH_ONLY = ["Ingeborg", "Wachtelmeyer", "Krähenbühl", "Ruhepausen", "Kistenmacher", "Stapelfeld", "Regalwerk", "Wendehals", "Grotefend"]
"""Participant, guardian, support need, company contact, mentor, company, coaches of team Süd."""
NORTH_ONLY = ["Lotte", "Brammerstedt", "Saalfeld", "Hinnerk", "Poppendiek", "Brotmann", "Teigler", "Kornblume", "Ahlgrimm", "Quellmann"]
"""The same for team Nord."""


def make_repo(dest: Path, *overlays: Path) -> Path:
    """A records repository in ``dest``: the shared base, the real schema/ catalogues, then ``overlays``."""
    shutil.copytree(BASE, dest, dirs_exist_ok=True)
    (dest / "schema").mkdir(exist_ok=True)
    for catalogue in (REPO / "schema").glob("*.yaml"):
        shutil.copy(catalogue, dest / "schema" / catalogue.name)
    for overlay in overlays:
        for path in overlay.rglob("*"):
            rel = path.relative_to(overlay)
            if path.is_file() and rel.parts[0] in ("cases", "workplaces", "modules", "organisation.yaml"):
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, dest / rel)
    return dest


def site_gen(root: Path, *args: str, input: str | None = None, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI (``site_gen.cli.main``, in-process: see :func:`tests.conftest.run_cli`) in ``cwd`` (default:
    ``root``); ``env`` is added to os.environ for the call."""
    return run_cli("--root", str(root), *args, input=input, cwd=cwd or root, env=env)
