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
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from site_gen.records.dataset import load_dataset
from site_gen.site.admin import PACKAGE_ROOT, install_admin

from ..conftest import REPO, TODAY, run_cli

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
def _server(name: str, command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    """``command`` (``name``) as a process listening on localhost:``port`` for the block (its output into a temporary file: a
    pipe nobody reads would fill up and stop it)."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while True:
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"{name} startet nicht: " + log.read().decode(errors="replace"))
                time.sleep(0.05)
            yield
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@contextmanager
def decap_server(repo: Path, port: int) -> Iterator[None]:
    """``decap-server`` on localhost:``port`` writing into ``repo`` (its file-system mode, like on one machine)."""
    env = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(repo), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    with _server("decap-server", ["node", str(DECAP_SERVER)], port, env):
        yield


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """``folder`` served on a free localhost port by Python's file server in a process of its own; yields the base URL.

    A process, not a thread of the test process: it may live for the whole session without leaving a thread
    behind (the check runs serially while this process has threads, see :mod:`site_gen.records.parallel`)."""
    port = free_port()
    with _server("http.server", [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder),
                                  "--protocol", "HTTP/1.1"], port):  # connections kept open: a page load asks for some 140 files
        yield f"http://127.0.0.1:{port}"


@contextmanager
def editor(repo: Path, site: Path) -> Iterator[str]:
    """decap-server for ``repo`` and the admin page served from ``site``; yields the admin URL."""
    port = int(load_dataset(repo, only=[]).organisation.editor.local_port)  # type: ignore[union-attr]
    assert install_admin(load_dataset(repo, only=[]), site), "Decap CMS fehlt: npm ci ausführen"
    with decap_server(repo, port), static_server(site) as base:
        yield f"{base}/admin/index.html"


@dataclass
class Editor:
    """The editor of a test session: the records repository as first committed, its decap-server, the admin URL.

    ``state``: the browser storage of a coach who logged in through Decap's button (its user in localStorage),
    taken from the session's first real login; later pages start with it, each in a fresh browser context."""

    repo: Path
    url: str
    start: str
    state: dict[str, Any] | None = field(default=None)

    def reset(self) -> None:
        """The repository as first committed: a former test's commits, edits and new files are gone."""
        git(self.repo, "reset", "-q", "--hard", self.start)
        git(self.repo, "clean", "-q", "-f", "-d", "-x")
        assert git(self.repo, "status", "--porcelain", "--untracked-files=all", "--ignored") == ""


def cli(*args: str, env: Mapping[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """``site-gen ARGS`` in this process (:func:`run_cli`) while a test's Playwright session is open.

    Playwright's event loop runs in the test's thread, where :func:`run_cli` would start a new interpreter
    (commands that print PDFs start a Playwright of their own, which cannot nest there); the commands the
    editor tests call print no PDF, so they run in a thread of their own, through the same ``main``."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run_cli, *args, env=env).result()


def check(repo: Path) -> subprocess.CompletedProcess[str]:
    """``site-gen check`` of ``repo`` on the tests' day, without the cache (see :func:`cli`)."""
    return cli("--root", str(repo), "check", "--today", TODAY, "--no-cache")


class Requests:
    """Every host the page talks to (must be the site itself or the local backend) and every CSP refusal."""

    def __init__(self, page: object) -> None:
        self.hosts: set[str] = set()
        self.refused: list[str] = []
        page.on("request", lambda r: self.hosts.add(urlsplit(r.url).netloc or urlsplit(r.url).scheme))  # type: ignore[attr-defined]
        page.on("console", lambda m: self.refused.append(m.text) if "Content Security Policy" in m.text else None)  # type: ignore[attr-defined]
