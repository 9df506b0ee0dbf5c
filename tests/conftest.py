"""Shared fixtures: fixture repositories and the real CLI entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TODAY = "2026-11-22"
CASE_FILES = frozenset({"expected.txt", "today"})
"""Files of a tests-as-data folder that describe the case instead of belonging to the repository."""
LEGACY_DEMO = DATA / "legacy-demo"
"""The demo's cases as single files, as they were before the repository's own ``site-gen migrate``
(the demo's cases/ are folders now): for tests that plant markers into whole case files."""


def site_gen_cmd() -> list[str]:
    """The installed console script if present, else the module (same entry point)."""
    exe = shutil.which("site-gen")
    return [exe] if exe else [sys.executable, "-m", "site_gen"]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``site-gen ARGS`` through its real entry point."""
    return subprocess.run([*site_gen_cmd(), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, input=input)


def make_repo(target: Path, *overlays: Path, base: Path = DATA / "base") -> Path:
    """A records repository: a base fixture (the small one unless told), the repo's catalogues, then overlays."""
    shutil.copytree(base, target)
    (target / "schema").mkdir(exist_ok=True)
    for name in ("profile-catalogue.yaml", "consent-purposes.yaml", "easy-language.yaml"):
        if (REPO / "schema" / name).exists():
            shutil.copy(REPO / "schema" / name, target / "schema" / name)
    for overlay in overlays:
        lay_over(target, overlay)
    return target


def lay_over(target: Path, overlay: Path) -> list[str]:
    """Lay a tests-as-data ``overlay`` over the repository ``target``; the paths it makes (relative, POSIX)."""
    made = []
    for src in sorted(overlay.rglob("*")):
        if src.is_file() and src.name not in CASE_FILES:
            rel = src.relative_to(overlay)
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if src.suffix == ".symlink":  # a symbolic link to the path the file names
                dest.with_suffix("").symlink_to(src.read_text(encoding="utf-8").strip())
            elif src.suffix == ".delete":  # the base's file of that name is removed
                dest.with_suffix("").unlink()
            elif src.suffix == ".repeat":  # expand to a 20 MB file (not kept in Git)
                line = src.read_bytes()
                dest.with_suffix("").write_bytes(line * (20_000_000 // len(line) + 1))
            else:
                shutil.copy(src, dest)
            made.append(rel.with_suffix("").as_posix() if src.suffix in (".symlink", ".delete", ".repeat") else rel.as_posix())
    return made


def demo_copy(dest: Path) -> Path:
    """The bundled demo records (cases as folders), organisation and schemas in a folder of their own."""
    dest.mkdir()
    for name in ("cases", "workplaces", "modules", "schema", "team"):
        if (REPO / name).is_dir():  # team/: team time without a case (issue 29)
            shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "organisation.yaml", dest / "organisation.yaml")
    return dest


@pytest.fixture
def base_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def demo_repo() -> Path:
    """The bundled demo data (read-only use)."""
    return REPO
