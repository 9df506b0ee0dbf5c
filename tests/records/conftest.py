"""A sealed copy of the demo records (``migrate --encrypt`` in a temporary Git repository), built once per session.

Keys are generated here at test time; no private key is ever committed.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import built_once, demo_copy, environment, run_cli


@dataclass(frozen=True)
class Sealed:
    repo: Path
    ring: Path
    admin: Path
    recovery: Path

    def copy(self, dest: Path) -> Sealed:
        """An independent copy (repository with its history, and keyring) to change (``cp -a``: a few times quicker
        than ``shutil.copytree`` on the demo's thousands of small files; a copied Git repository is a real one)."""
        subprocess.run(["cp", "-a", str(self.repo), str(dest / "repo")], check=True)
        subprocess.run(["cp", "-a", str(self.ring), str(dest / "ring")], check=True)
        return Sealed(dest / "repo", dest / "ring", self.admin, self.recovery)


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def keys_env(ring: Path | None, identity: Path | None) -> contextlib.AbstractContextManager[None]:
    """SITE_GEN_KEYRING / SITE_GEN_IDENTITY set (or removed) for an in-process run."""
    return environment({"SITE_GEN_KEYRING": None if ring is None else str(ring),
                        "SITE_GEN_IDENTITY": None if identity is None else str(identity)})


NEW_CONSENT = """id: ew-6
purpose: gesundheitsdaten
data:
  - Unterstützungsbedarf
given_by: person
given_on: 2026-12-05
document: Papierakte Standort Kranhafen, Register Einwilligungen, Blatt 6
"""
"""A new consent after a withdrawal (the case's purpose gets a new key generation)."""


def cli(*args: str, ring: Path | None, identity: Path | None, capsys: object = None) -> tuple[int, str]:
    """``site-gen ARGS`` (``site_gen.cli.main``, in-process: see :func:`tests.conftest.run_cli`) with those keys
    (the other one unset); (exit code, stdout + stderr)."""
    done = run_cli(*args, env={"SITE_GEN_KEYRING": None if ring is None else str(ring),
                               "SITE_GEN_IDENTITY": None if identity is None else str(identity)})
    return done.returncode, done.stdout + done.stderr


def run(root: Path, *args: str, ring: Path | None = None, identity: Path | None = None) -> tuple[int, str]:
    """``site-gen --root ROOT ARGS`` in-process with those keys: (exit code, stdout + stderr)."""
    from site_gen.cli import main

    out = io.StringIO()
    with keys_env(ring, identity), redirect_stdout(out), redirect_stderr(out):
        try:
            code = main(["--root", str(root), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue()


def new_identity(path: Path) -> str:
    """A fresh age identity written to ``path``; returns its recipient."""
    from pyrage import x25519

    ident = x25519.Identity.generate()
    path.write_text(f"# test key, generated at test time\n{ident}\n")
    return str(ident.to_public())


@pytest.fixture(scope="session")
def sealed_demo(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    """The demo records, committed plain, then sealed by ``site-gen migrate --encrypt``: made once per session for
    all xdist workers (``built_once``). Read-only use: copy it (:meth:`Sealed.copy`) to change it."""
    from site_gen.cli import main

    def make(base: Path) -> None:
        repo = demo_copy(base / "repo")
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "Demo (Klartext)")
        admin = base / "admin.txt"
        recipient = new_identity(admin)
        out = io.StringIO()
        with keys_env(base / "ring", admin), redirect_stdout(out):
            assert main(["--root", str(repo), "keys", "init", "--admin", recipient]) == 0
            assert main(["--root", str(repo), "migrate", "--encrypt"]) == 0
        secret = next(line for line in out.getvalue().splitlines() if line.startswith("AGE-SECRET-KEY-"))
        (base / "recovery.txt").write_text(secret + "\n")

    base = built_once(tmp_path_factory, "sealed-demo", make)
    return Sealed(base / "repo", base / "ring", base / "admin.txt", base / "recovery.txt")
