"""The editor for the browser tests: one records repository, decap-server and admin/ per test session (per xdist
worker), the repository reset for every test; one Chromium per test module, a fresh browser context per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .forms import login
from .harness import Editor, Requests, editor, free_port, git, records_repo



@pytest.fixture(scope="session")
def editor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    """The demo records (cases and workplaces as folders) in a Git repository, decap-server writing into it and
    the admin page ``site-gen build`` installs, served from localhost: started once per worker session (about
    3 s) for every editor test module; each test gets the repository back as first committed."""
    root = tmp_path_factory.mktemp("editor")
    repo = records_repo(root / "repo", free_port())
    with editor(repo, root / "site") as url:
        yield Editor(repo, url, git(repo, "rev-parse", "HEAD").strip())


def _port(repo: Path) -> int:
    text = (repo / "organisation.yaml").read_text(encoding="utf-8")
    return int(text.split("local_port: ")[1].split()[0])


@pytest.fixture
def coach(browser: Any, editor_server: Editor) -> Iterator[tuple[Any, Path, Requests]]:
    """A logged-in editor page (a fresh browser context: no drafts of a former test) on the demo records as first
    committed; afterwards: no host but ours was asked, no request refused by the editor's policy.

    The session's first such page logs in through Decap's button (the collections appear); the others start with
    the storage that login left (Decap keeps its user in localStorage) and open their first form directly."""
    server = editor_server
    server.reset()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, storage_state=server.state)
    page = context.new_page()
    requests = Requests(page)
    if server.state is None:
        login(page, server.url)
        server.state = context.storage_state()
        assert [item["name"] for origin in server.state["origins"] for item in origin["localStorage"]
                if item["name"] == "decap-cms-user"], server.state
    page.url_base = server.url
    yield page, server.repo, requests
    context.close()
    port = _port(server.repo)
    assert requests.hosts <= {server.url.split("/")[2], f"localhost:{port}", f"127.0.0.1:{port}", "blob", "data"}, requests.hosts
    assert requests.refused == []  # the editor's own policy allows what Decap needs, nothing more


@pytest.fixture
def folder_coach(coach: tuple[Any, Path, Requests]) -> tuple[Any, Path, Requests]:
    """:func:`coach`, by the name the entry-file tests use (cases and workplaces are folders: the record forms
    show case.yaml / workplace.yaml, every list has an entry collection)."""
    return coach
