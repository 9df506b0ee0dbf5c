"""Shared fixtures: fixture repositories and the real CLI entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TODAY = "2026-11-22"
CASE_FILES = frozenset({"expected.txt", "today"})
"""Files of a tests-as-data folder that describe the case instead of belonging to the repository."""
LEGACY_DEMO = DATA / "legacy-demo"
BASE_CASE = "cases/tn-0001/case.yaml"
"""The stable part of the small base repository's one case (tests/data/base)."""
BASE_PLACEMENT = "cases/tn-0001/placements/2026-03-01-ap-0001-4f90c7.yaml"
"""Its one placement (at ``ap-0001``, ended): an entry file of its own."""
BASE_WORKPLACE = "workplaces/ap-0001/workplace.yaml"
"""The base repository's one workplace."""
"""The demo's cases as single files, as they were before the repository's own ``site-gen migrate``
(the demo's cases/ are folders now): for tests that plant markers into whole case files."""


def site_gen_cmd() -> list[str]:
    """The installed console script if present, else the module (same entry point)."""
    exe = shutil.which("site-gen")
    return [exe] if exe else [sys.executable, "-m", "site_gen"]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``site-gen ARGS`` through its real entry point."""
    return subprocess.run([*site_gen_cmd(), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, input=input)


def composed(folder: Path) -> Any:
    """The raw mapping of a record folder (``cases/<id>/``): its main file with every entry file appended to its list."""
    from site_gen.records.compose import compose
    from site_gen.records.layout import scan_folder

    unit = scan_folder(folder.parents[1], folder.parent.name, folder.name)[0]
    assert unit is not None, folder
    return compose(folder.parents[1], unit)[0]


def file_with(folder: Path, text: str) -> Path:
    """The one file of a record folder (``cases/<id>/``, entries included) that holds ``text``."""
    found = [p for p in sorted(folder.rglob("*.yaml")) if text in p.read_text(encoding="utf-8")]
    assert len(found) == 1, (folder, text, found)
    return found[0]


def replace_in(folder: Path, old: str, new: str) -> Path:
    """Replace ``old`` by ``new`` in the one file of a record folder that holds it.

    A list item of the old single file (``"    end: 2027-01-04\\n"``, indented below its ``- ``) is found
    in its entry file without those four spaces, and ``new`` goes in the same way.
    """
    def dedent(text: str) -> str:
        return "".join(line[4:] if line.startswith("    ") else line for line in text.splitlines(keepends=True))

    for o, n in ((old, new), (dedent(old), dedent(new))):
        found = [p for p in sorted(folder.rglob("*.yaml")) if o in p.read_text(encoding="utf-8")]
        if found:
            assert len(found) == 1, (folder, old, found)
            found[0].write_text(found[0].read_text(encoding="utf-8").replace(o, n), encoding="utf-8")
            return found[0]
    raise AssertionError(f"{old!r} is in no file of {folder}")


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
    """Lay a tests-as-data ``overlay`` over the repository ``target``; the paths it makes (relative, POSIX).

    A record folder of the overlay that holds its main file (``cases/<id>/case.yaml``) replaces the
    target's folder of that id as a whole (as a file replaces a file); one without adds its entry files.
    """
    made = []
    for kind, main in (("cases", "case.yaml"), ("workplaces", "workplace.yaml")):
        for folder in sorted((overlay / kind).glob("*/")) if (overlay / kind).is_dir() else []:
            if any(folder.glob(main + "*")) and (target / kind / folder.name).is_dir() and not (target / kind / folder.name).is_symlink():
                shutil.rmtree(target / kind / folder.name)
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
