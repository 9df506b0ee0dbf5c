"""The real editor for tests: a Git repository of records, decap-server and the built admin/ page.

Nothing is mocked: ``decap-server`` (npm) runs as a subprocess on localhost
against a real temporary Git repository, the admin page is the one
``site-gen build`` installs, and Debian's Chromium drives it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from site_gen.records.dataset import load_dataset
from site_gen.site.admin import PACKAGE_ROOT, install_admin

from ..browser import served
from ..conftest import REPO

DECAP_SERVER = PACKAGE_ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
RECORDS = ("cases", "workplaces", "modules", "schema", "organisation.yaml", "team")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env).stdout


def records_repo(target: Path, port: int, source: Path = REPO) -> Path:
    """A Git repository with the demo records (cases and workplaces as folders); the editor saves through decap-server on ``port``."""
    target.mkdir(parents=True)
    for name in RECORDS:
        src = source / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / name)
    org = target / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    if "\neditor:" not in text:  # generated demo data has no editor settings yet
        text += "\neditor:\n  backend: lokal\n"
    text = text.replace("editor:\n  backend: lokal\n", f"editor:\n  backend: lokal\n  local_port: {port}\n")
    assert f"local_port: {port}" in text
    org.write_text(text, encoding="utf-8")
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Akten")
    return target


@contextmanager
def decap_server(repo: Path, port: int) -> Iterator[None]:
    """``decap-server`` on localhost:``port`` writing into ``repo`` (its file-system mode, like on one machine)."""
    env = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(repo), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("decap-server startet nicht: " + (proc.stdout.read().decode() if proc.stdout else ""))
            time.sleep(0.1)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def editor(repo: Path, site: Path) -> Iterator[str]:
    """decap-server for ``repo`` and the admin page served from ``site``; yields the admin URL."""
    port = int(load_dataset(repo, only=[]).organisation.editor.local_port)  # type: ignore[union-attr]
    assert install_admin(load_dataset(repo, only=[]), site), "Decap CMS fehlt: npm ci ausführen"
    with decap_server(repo, port), served(site) as base:
        yield f"{base}/admin/index.html"


class Requests:
    """Every host the page talks to (must be the site itself or the local backend) and every CSP refusal."""

    def __init__(self, page: object) -> None:
        self.hosts: set[str] = set()
        self.refused: list[str] = []
        page.on("request", lambda r: self.hosts.add(urlsplit(r.url).netloc or urlsplit(r.url).scheme))  # type: ignore[attr-defined]
        page.on("console", lambda m: self.refused.append(m.text) if "Content Security Policy" in m.text else None)  # type: ignore[attr-defined]
